package io.procspec.mutants.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procspec.mutants.Bug;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.Patch;
import io.procspec.mutants.Patches;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bug runner (issue 15): for each bug of the {@link Catalogue}, applies its {@link Patch} to a
 * scratch copy of the repository, builds the copy offline and runs each selected layer there in its
 * CI configuration under a time budget, and records whether the layer caught the bug, how long it
 * took and how big the counterexample was. A run on the unpatched copy ({@code real}) comes first:
 * a layer that fails there cannot judge the bugs, and says so.
 *
 * <p>Layers: {@code hunt} (controlled exploration, {@link io.procspec.mutants.hunt.Hunt}: on the
 * patched port, or on the Java twin of a bug without a patch), {@code weak} (the same in the
 * controller's weak-memory mode), {@code audit} (the static ordering audit of the patched copy's
 * compiled port against Go's atomics, {@link io.procspec.mutants.audit.OrderingAudit}),
 * {@code impl} (the unit tests),
 * {@code properties} (the jqwik suite), {@code stress} (jcstress, quick), {@code spec} (TLC: the
 * bug's {@code Bug} switch model, when the spec has one; the spec does not see Java patches).
 * The conformance and oracle layers are recorded as not in this repository until their modules
 * exist.
 *
 * <p>Each result goes to {@code OUT/results/<bug>.json} as soon as it is known, so a run can be
 * interrupted and resumed ({@code --resume}); {@link Matrix} turns the results into the layer
 * summary and the Markdown matrix.
 */
@Command(name = "bug-runner", mixinStandardHelpOptions = true,
        description = "Apply each catalogued bug to a scratch copy, run the layers, write the bug x layer matrix.")
public final class BugRunner implements Callable<Integer> {

    /** The layers the runner can run itself, in matrix order. */
    public static final List<String> LAYERS = List.of("hunt", "weak", "audit", "impl", "oracle", "properties", "stress", "spec");

    @Option(names = "--root", defaultValue = ".", description = "the repository root (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--out", defaultValue = "mutants/target/bug-matrix", description = "results folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--bugs", defaultValue = "all", split = ",", description = "bug names, or all (default)")
    List<String> bugs;

    @Option(names = "--layers", defaultValue = "hunt,weak,impl,properties,spec", split = ",",
            description = "layers to run: hunt, weak, audit, impl, oracle, properties, stress, spec (default: ${DEFAULT-VALUE})")
    List<String> layers;

    @Option(names = "--budget", split = ",", description = "per-layer budget in seconds, e.g. impl=240,properties=420")
    Map<String, Integer> budgets = new LinkedHashMap<>();

    @Option(names = "--resume", description = "skip (bug, layer) results already in OUT/results")
    boolean resume;

    @Option(names = "--mvn", defaultValue = "mvn", description = "the Maven command (default: ${DEFAULT-VALUE})")
    String mvn;

    @Option(names = "--summary", description = "also write the layer summary here (procspec.layer/1)")
    Path summary;

    @Option(names = "--markdown", description = "also write the Markdown matrix here")
    Path markdown;

    @Option(names = "--report-only", description = "run nothing: write the summary and the Markdown matrix from the results in OUT")
    boolean reportOnly;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Path scratch;
    private Patch applied;
    private String hunterClasspath;

    @Override
    public Integer call() throws Exception {
        root = root.toAbsolutePath().normalize();
        out = root.resolve(out).normalize();
        for (String l : layers) {
            if (!LAYERS.contains(l)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown layer '" + l + "'; the layers are " + LAYERS);
            }
        }
        List<String> names = new ArrayList<>();
        if (bugs.size() == 1 && bugs.get(0).equals("all")) {
            names.add("real");
            for (Bug b : Catalogue.all()) {
                names.add(b.name());
            }
        } else {
            names.add("real");
            for (String n : bugs) {
                if (!n.equals("real")) {
                    names.add(Catalogue.bug(n).name());
                }
            }
        }
        if (reportOnly) {
            writeReports();
            return 0;
        }
        Files.createDirectories(out.resolve("results"));
        Files.createDirectories(out.resolve("logs"));
        scratch = out.resolve("scratch");
        copyRepository();
        for (String name : names) {
            Patch p = name.equals("real") ? null : Patches.of(name);
            Bug bug = name.equals("real") ? null : Catalogue.bug(name);
            Path resultFile = out.resolve("results").resolve(name + ".json");
            ObjectNode result = Files.exists(resultFile) ? (ObjectNode) JSON.readTree(resultFile.toFile()) : JSON.createObjectNode();
            result.put("bug", name);
            if (bug != null) {
                result.put("category", bug.category().name());
                result.put("description", bug.description());
                result.put("equivalent", p != null && p.equivalent());
                if (p != null && p.equivalent()) {
                    result.put("equivalence", p.equivalence());
                }
                result.put("patch", p != null);
                result.put("twin", bug.hasTwin());
            }
            ObjectNode ls = result.has("layers") ? (ObjectNode) result.get("layers") : result.putObject("layers");
            boolean built = false;
            String buildError = null;
            for (String layer : layers) {
                if (resume && ls.has(layer) && !ls.get(layer).path("verdict").asText().equals("error")) {
                    continue;
                }
                ObjectNode r;
                if (layer.equals("spec")) {
                    r = runSpec(bug);
                } else if (p == null && bug != null) {
                    r = (layer.equals("hunt") || layer.equals("weak")) && bug.hasTwin()
                            ? runHuntOnTwin(name, layer.equals("weak")) : notApplicable(bug);
                } else {
                    if (!built) {
                        apply(p);
                        buildError = build();
                        built = true;
                    }
                    r = buildError != null ? error("the patched copy does not build: " + buildError) : runLayer(layer, name);
                }
                r.put("at", Instant.now().toString());
                ls.set(layer, r);
                JSON.writeValue(resultFile.toFile(), result);
                System.out.printf("[bug-runner] %-34s %-10s %-8s %6.1f s  %s%n", name, layer, r.path("verdict").asText(),
                        r.path("seconds").asDouble(), oneLine(r.path("detail").asText()));
            }
        }
        apply(null);
        writeReports();
        return 0;
    }

    private void writeReports() throws IOException {
        Matrix m = Matrix.read(out.resolve("results"), root);
        if (summary != null) {
            m.writeSummary(root.resolve(summary), layers);
        }
        if (markdown != null) {
            Files.createDirectories(root.resolve(markdown).toAbsolutePath().getParent());
            Files.writeString(root.resolve(markdown), m.markdown(), StandardCharsets.UTF_8);
        }
    }

    static String oneLine(String s) {
        String t = s.replace('\n', ' ');
        return t.length() > 140 ? t.substring(0, 140) + "…" : t;
    }

    // ---- the scratch copy ---------------------------------------------------------------------------

    /** Copies the repository's files (tracked and untracked, not ignored) into the scratch folder. */
    private void copyRepository() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectErrorStream(false).start();
        byte[] list = git.getInputStream().readAllBytes();
        if (git.waitFor() != 0) {
            throw new IOException("git ls-files failed in " + root);
        }
        int n = 0;
        for (String f : new String(list, StandardCharsets.UTF_8).split("\0")) {
            if (f.isEmpty()) {
                continue;
            }
            Path src = root.resolve(f);
            if (!Files.isRegularFile(src)) {
                continue;
            }
            Path dst = scratch.resolve(f);
            Files.createDirectories(dst.getParent());
            if (!Files.exists(dst) || Files.mismatch(src, dst) != -1) {
                Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            n++;
        }
        System.out.println("[bug-runner] scratch copy: " + n + " files in " + scratch);
    }

    /** Restores the files of the patch applied last, then applies {@code p} (null: none). */
    private void apply(Patch p) throws IOException {
        if (applied != null) {
            for (String f : applied.files()) {
                Files.copy(root.resolve(f), scratch.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        applied = p;
        if (p != null) {
            for (String f : p.files()) {
                Files.writeString(scratch.resolve(f), p.apply(f, Files.readString(root.resolve(f))));
            }
        }
    }

    /** Builds the scratch copy offline (main and test classes of every module the layers use); null or the error. */
    private String build() throws IOException, InterruptedException {
        Path log = out.resolve("logs").resolve("build.log");
        List<String> modules = new ArrayList<>(List.of("mutants"));
        if (layers.contains("properties")) {
            modules.add("properties");
        }
        if (layers.contains("stress")) {
            modules.add("stress");
        }
        if (layers.contains("oracle")) {
            modules.add("oracle");
        }
        Exec e = exec(log, 900, mvn, "-o", "-B", "-q", "-pl", String.join(",", modules), "-am", "test-compile",
                "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt", "-Dmdep.includeScope=runtime");
        if (e.rc != 0) {
            String text = Files.readString(log);
            Matcher m = Pattern.compile("ERROR.*?\\.java:\\[\\d+,\\d+\\][^\\n]*").matcher(text);
            return m.find() ? m.group() : "mvn exit " + e.rc + " (see " + log + ")";
        }
        hunterClasspath = Files.readString(scratch.resolve("mutants/target/classpath.txt")).trim()
                + File.pathSeparator + scratch.resolve("mutants/target/classes");
        return null;
    }

    // ---- layers ---------------------------------------------------------------------------------

    private int budget(String layer, int dflt) {
        return budgets.getOrDefault(layer, dflt);
    }

    private ObjectNode runLayer(String layer, String name) throws IOException, InterruptedException {
        Path log = out.resolve("logs").resolve(name + "." + layer + ".log");
        switch (layer) {
            case "hunt":
            case "weak": {
                boolean weak = layer.equals("weak");
                Path json = out.resolve("logs").resolve(name + "." + layer + ".json");
                Files.deleteIfExists(json);
                int b = budget(layer, 180);
                List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Dprocspec.memory.simulation=" + weak, "-cp",
                        hunterClasspath, "io.procspec.mutants.hunt.HuntMain", "--ops", "real", "--bound", "2", "--budget",
                        String.valueOf(b), "--json", json.toString()));
                if (weak) {
                    cmd.add("--weak");
                }
                Exec e = exec(log, b + 60, cmd.toArray(new String[0]));
                return huntResult(e, json);
            }
            case "audit": {
                // the static ordering audit on the patched copy's compiled port (seconds; no execution)
                Exec e = exec(log, budget("audit", 120), javaBin(), "-cp", hunterClasspath,
                        "io.procspec.mutants.audit.OrderingAudit", scratch.resolve("impl/target/classes").toString());
                return auditResult(e, log);
            }
            case "impl": {
                cleanReports("impl/target/surefire-reports");
                Exec e = exec(log, budget("impl", 300), mvn, "-o", "-B", "-pl", "impl", "surefire:test",
                        "-Dsurefire.skipAfterFailureCount=1");
                return junitResult(e, "impl/target/surefire-reports", log);
            }
            case "properties": {
                cleanReports("properties/target/surefire-reports");
                deleteTree(scratch.resolve("properties/target/property-summary"));
                Exec e = exec(log, budget("properties", 480), mvn, "-o", "-B", "-pl", "properties", "-am", "test",
                        "-Dtest=io.procspec.properties.**", "-Dsurefire.failIfNoSpecifiedTests=false",
                        "-Dsurefire.skipAfterFailureCount=1");
                ObjectNode r = junitResult(e, "properties/target/surefire-reports", log);
                addPropertySize(r);
                return r;
            }
            case "oracle": {
                cleanReports("oracle/target/surefire-reports");
                // the lifecycle (not a bare surefire:test) so that the reactor resolves the sibling
                // modules; upstream modules are compiled already and run no test (the filter)
                Exec e = exec(log, budget("oracle", 420), mvn, "-o", "-B", "-pl", "oracle", "-am", "test",
                        "-Dtest=io.procspec.oracle.**", "-Dsurefire.failIfNoSpecifiedTests=false",
                        "-Dsurefire.skipAfterFailureCount=1");
                return junitResult(e, "oracle/target/surefire-reports", log);
            }
            case "stress": {
                int b = budget("stress", 600);
                Exec e = exec(log, b + 120, mvn, "-o", "-B", "-pl", "stress", "-am", "verify", "-Dtest=NONE",
                        "-Dsurefire.failIfNoSpecifiedTests=false", "-Dstress.broken.skip=true",
                        "-Dstress.timeout.ms=" + (b * 1000L));
                return stressResult(e, log);
            }
            default:
                throw new IllegalArgumentException(layer);
        }
    }

    private ObjectNode runHuntOnTwin(String name, boolean weak) throws IOException, InterruptedException {
        String layer = weak ? "weak" : "hunt";
        Path log = out.resolve("logs").resolve(name + "." + layer + ".log");
        Path json = out.resolve("logs").resolve(name + "." + layer + ".json");
        Files.deleteIfExists(json);
        int b = budget(layer, 180);
        // the twin runs on the repository's own classes (it needs no patch)
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Dprocspec.memory.simulation=" + weak, "-cp", cp,
                "io.procspec.mutants.hunt.HuntMain", "--ops", name, "--bound", "2", "--budget", String.valueOf(b),
                "--json", json.toString()));
        if (weak) {
            cmd.add("--weak");
        }
        Exec e = exec(log, b + 60, cmd.toArray(new String[0]));
        ObjectNode r = huntResult(e, json);
        r.put("on", "Java twin");
        return r;
    }

    private ObjectNode huntResult(Exec e, Path json) throws IOException {
        if (e.timedOut) {
            return verdict("timeout", e.seconds, "no answer within the budget");
        }
        if (!Files.exists(json)) {
            return verdict("error", e.seconds, "the hunt wrote no result (exit " + e.rc + ")");
        }
        JsonNode h = JSON.readTree(json.toFile());
        if (h.path("caught").asBoolean()) {
            ObjectNode r = verdict("caught", h.path("seconds").asDouble(), "scenario '" + h.path("scenario").asText()
                    + "', preemption bound " + h.path("preemptionBound").asInt() + ": " + h.path("failure").asText());
            r.put("counterexampleSteps", h.path("steps").asInt());
            r.put("preemptions", h.path("preemptions").asInt());
            r.put("replay", h.path("replay").asText());
            r.put("table", h.path("table").asText());
            return r;
        }
        return verdict("missed", h.path("seconds").asDouble(), h.path("executions").asLong()
                + " interleavings up to preemption bound " + h.path("preemptionBound").asInt()
                + (h.path("failure").isTextual() ? " (" + h.path("failure").asText() + ")" : ""));
    }

    private static ObjectNode auditResult(Exec e, Path log) throws IOException {
        if (e.timedOut) {
            return verdict("timeout", e.seconds, "no answer within the budget");
        }
        List<String> lines = Files.readAllLines(log);
        if (e.rc == 1) {
            String first = lines.stream().filter(l -> l.startsWith("not Go's") || l.startsWith("accessor body"))
                    .findFirst().orElse(lines.isEmpty() ? "findings" : lines.get(0));
            ObjectNode r = verdict("caught", e.seconds, first);
            r.put("findings", lines.stream().filter(l -> l.contains(": ") && !l.startsWith("the ordering audit")).count());
            return r;
        }
        if (e.rc == 0) {
            return verdict("missed", e.seconds, lines.isEmpty() ? "passed" : lines.get(lines.size() - 1));
        }
        return verdict("error", e.seconds, "the audit exited " + e.rc + " (see " + log.getFileName() + ")");
    }

    private ObjectNode junitResult(Exec e, String reports, Path log) throws IOException {
        // Failures first: a layer that failed a test and then hung (a lost wakeup leaves threads
        // behind) still caught the bug; the time to first detection is when the first report with
        // a failure was written, not when the budget killed the run.
        List<String> failed = new ArrayList<>();
        long firstFailure = Long.MAX_VALUE;
        int tests = 0;
        Path dir = scratch.resolve(reports);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path x : (Iterable<Path>) s.filter(f -> f.getFileName().toString().startsWith("TEST-"))::iterator) {
                    String xml = Files.readString(x);
                    // every test case (jqwik's have a system-out element, so count them apart from failures)
                    Matcher all = Pattern.compile("<testcase ").matcher(xml);
                    while (all.find()) {
                        tests++;
                    }
                    Matcher m = Pattern.compile("<testcase name=\"([^\"]*)\" classname=\"([^\"]*)\"[^>]*?(/>|>\\s*<(failure|error)( message=\"([^\"]*)\")?)")
                            .matcher(xml);
                    while (m.find()) {
                        if (m.group(4) != null) {
                            firstFailure = Math.min(firstFailure, Files.getLastModifiedTime(x).toMillis());
                            String cls = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
                            String msg = m.group(6) == null ? "" : unescape(m.group(6));
                            failed.add(cls + "." + m.group(1) + (msg.isEmpty() ? "" : ": " + msg));
                        }
                    }
                }
            }
        }
        if (!failed.isEmpty()) {
            double at = Math.min(e.seconds, Math.max(0, (firstFailure - e.startMillis) / 1000.0));
            ObjectNode r = verdict("caught", at, failed.get(0)
                    + (e.timedOut ? " (the run then hung and was killed at the budget of " + e.limit + " s)" : ""));
            r.put("failedTests", failed.size());
            r.put("layerSeconds", Math.round(e.seconds * 10) / 10.0);
            return r;
        }
        if (e.timedOut) {
            return verdict("timeout", e.seconds, "killed after the budget of " + e.limit + " s with no failed test reported");
        }
        if (e.rc != 0) {
            return verdict("error", e.seconds, "mvn exit " + e.rc + " with no failed test (see " + log.getFileName() + ")");
        }
        return verdict("missed", e.seconds, "no test failed (" + tests + " test cases read from the reports)");
    }

    private void addPropertySize(ObjectNode r) throws IOException {
        Path dir = scratch.resolve("properties/target/property-summary");
        if (!r.path("verdict").asText().equals("caught") || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                JsonNode j = JSON.readTree(f.toFile());
                if (j.path("status").asText().equals("FAILED") && j.path("brokenVariant").isMissingNode()) {
                    r.put("property", j.path("property").asText());
                    if (j.path("shrunkSampleSize").isNumber()) {
                        r.put("counterexampleSteps", j.path("shrunkSampleSize").asInt());
                    }
                    if (j.path("seed").isTextual()) {
                        r.put("seed", j.path("seed").asText());
                    }
                    return;
                }
            }
        }
    }

    private ObjectNode stressResult(Exec e, Path log) throws IOException {
        if (e.timedOut) {
            return verdict("timeout", e.seconds, "killed after the budget");
        }
        String text = Files.readString(log);
        Matcher m = Pattern.compile("(\\S+)\\s+.*FORBIDDEN.*").matcher(text);
        if (e.rc != 0 && text.contains("FORBIDDEN")) {
            Matcher t = Pattern.compile("(?m)^.*FORBIDDEN.*$").matcher(text);
            return verdict("caught", e.seconds, t.find() ? t.group().trim() : "a FORBIDDEN outcome");
        }
        if (e.rc != 0) {
            return verdict("error", e.seconds, "mvn exit " + e.rc + " (see " + log.getFileName() + ")");
        }
        return verdict("missed", e.seconds, "no FORBIDDEN outcome in the quick suite");
    }

    private ObjectNode notApplicable(Bug bug) {
        return verdict("n/a", 0, "no patch: " + (bug.hasTwin() ? "kept as a Java twin (the hunt runs it)" : bug.note()));
    }

    // ---- the spec layer -----------------------------------------------------------------------------

    private String specClasspath;

    /**
     * TLC on the bug's {@code Bug} switch model (the spec harness's {@code Main run MODEL}, one worker
     * as the spec's bug models use); TLC checks the spec, which Java patches do not change.
     */
    private ObjectNode runSpec(Bug bug) throws IOException, InterruptedException {
        if (bug == null) {
            return verdict("n/a", 0, "the port as it is: the spec's own CI models are the spec layer");
        }
        if (!bug.hasSpecSwitch()) {
            return verdict("n/a", 0, "no Bug switch in the spec for this bug");
        }
        if (specClasspath == null) {
            apply(null);
            Path blog = out.resolve("logs").resolve("spec-build.log");
            Exec b = exec(blog, 900, mvn, "-o", "-B", "-q", "-pl", "spec", "-am", "compile", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/classpath.txt", "-Dmdep.includeScope=runtime");
            if (b.rc() != 0) {
                return error("the spec harness does not build (see " + blog.getFileName() + ")");
            }
            specClasspath = Files.readString(scratch.resolve("spec/target/classpath.txt")).trim()
                    + File.pathSeparator + scratch.resolve("spec/target/classes");
        }
        Path log = out.resolve("logs").resolve(bug.name() + ".spec.log");
        Exec e = exec(log, budget("spec", 600), javaBin(), "-Dprocspec.spec.dir=" + scratch.resolve("spec"),
                "-Dprocspec.work.dir=" + out.resolve("tlc"), "-Dprocspec.tlc.workers=1", "-cp", specClasspath,
                "io.procspec.spec.Main", "run", bug.specModel());
        return SpecResults.read(out.resolve("tlc"), e, log).forBug(bug);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static ObjectNode verdict(String v, double seconds, String detail) {
        ObjectNode r = JSON.createObjectNode();
        r.put("verdict", v);
        r.put("seconds", Math.round(seconds * 10) / 10.0);
        r.put("detail", detail);
        return r;
    }

    static ObjectNode error(String detail) {
        return verdict("error", 0, detail);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#10;", " ").replace("&amp;", "&");
    }

    private void cleanReports(String rel) throws IOException {
        deleteTree(scratch.resolve(rel));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> w = Files.walk(p)) {
            for (Path f : (Iterable<Path>) w.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Exec(int rc, boolean timedOut, double seconds, int limit, long startMillis) {}

    /** Runs a command in the scratch copy under a time limit (the whole process tree is killed at the limit). */
    private Exec exec(Path log, int limitSeconds, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Process p = pb.start();
        boolean done = p.waitFor(limitSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Exec(done ? p.exitValue() : -1, !done, s, limitSeconds, startMillis);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BugRunner()).execute(args));
    }
}
