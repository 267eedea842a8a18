package io.procspec.doccheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code docs} layer's summary for the verification report: {@code procspec.layer/1}
 * (report/README.md) at {@code doccheck/target/procspec/summary.json}, and its
 * {@code [procspec] {json}} progress lines.
 *
 * <p>Items: {@code classification} (every command of every README has a line in
 * {@code commands.tsv}, and every line there is still documented), then one per documented command:
 * {@code pass} when it ran and worked from the fresh clone, {@code fail} when it failed or timed
 * out (the detail names its log), {@code skipped} when it did not run here (class {@code long} in
 * the CI selection, {@code manual}, or after an earlier line of its block failed; the detail says
 * which, with the note of {@code commands.tsv}). The layer's verdict: {@code fail} when the
 * classification or a command failed or the run itself stopped, {@code partial} when the commands could not be run at all
 * (no git, not a checkout, {@code -Dprocspec.docs.skip=true}), else {@code pass}.
 */
final class DocsLayerReport {
    static final String LAYER = "docs";
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper LINE = new ObjectMapper();

    private final Instant startedAt = Instant.now();
    private final long t0 = System.nanoTime();
    private final Path dir;
    private final String mode;
    /** The classification's problems; null while it has not run. */
    private List<String> classification;
    /** The runner's results; null when the commands were not run. */
    private List<Runner.Result> results;
    private String notRunReason;
    private String runError;
    private String commit;
    private List<String> notes = List.of();
    private Manifest manifest;

    /** Where the progress lines go: standard output, which {@code ./procspec check} reads; null for none. */
    private final java.io.PrintStream progressOut;

    DocsLayerReport(Path dir, String mode, java.io.PrintStream progressOut) {
        this.dir = dir;
        this.mode = mode;
        this.progressOut = progressOut;
    }

    void classified(List<String> problems, Manifest m) {
        classification = List.copyOf(problems);
        manifest = m;
        progress(Map.of("event", "item", "item", "classification", "verdict", problems.isEmpty() ? "pass" : "fail"));
    }

    void ran(List<Runner.Result> rs, String commit, List<String> notes) {
        this.results = List.copyOf(rs);
        this.commit = commit;
        this.notes = List.copyOf(notes);
        for (Runner.Result r : rs) {
            if (r.status().equals("passed") || r.failed()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("event", "item");
                e.put("item", r.file() + ":" + r.line());
                e.put("verdict", r.failed() ? "fail" : "pass");
                e.put("figures", Map.of("seconds", r.seconds()));
                progress(e);
            }
        }
    }

    void notRun(String reason) {
        notRunReason = reason;
    }

    /** The runner itself stopped (clone, Maven repository, I/O): the layer fails. */
    void runStopped(String why) {
        runError = why;
    }

    void start() {
        progress(Map.of("event", "start"));
    }

    /** Writes the summary (to a temporary name, then renamed into place) and the end line. */
    void write(Path root) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> cls = new LinkedHashMap<>();
        cls.put("name", "classification");
        if (classification == null) {
            cls.put("verdict", "skipped");
            cls.put("detail", "did not run");
        } else {
            cls.put("verdict", classification.isEmpty() ? "pass" : "fail");
            cls.put("detail", classification.isEmpty()
                    ? "every command of every README is classified in doccheck/commands.tsv (run, long or manual)"
                    : String.join("\n", classification));
        }
        items.add(cls);
        int passed = 0;
        int failed = 0;
        Map<String, Integer> classes = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        if (results != null) {
            for (Runner.Result r : results) {
                classes.merge(r.klass(), 1, Integer::sum);
                Map<String, Object> it = new LinkedHashMap<>();
                String name = r.file() + ":" + r.line() + " " + r.command();
                for (int k = 2; !names.add(name); k++) {
                    name = r.file() + ":" + r.line() + " " + r.command() + " #" + k;
                }
                it.put("name", name);
                String note = note(r.file(), r.command());
                switch (r.status()) {
                    case "passed" -> {
                        passed++;
                        it.put("verdict", "pass");
                        it.put("figures", Map.of("seconds", r.seconds()));
                        it.put("detail", "class " + r.klass() + ": worked from a fresh clone");
                    }
                    case "failed", "timeout", "unclassified" -> {
                        failed++;
                        it.put("verdict", "fail");
                        it.put("figures", Map.of("seconds", r.seconds()));
                        it.put("detail", "class " + r.klass() + ": " + r.status()
                                + (r.exitCode() == null ? "" : " (exit " + r.exitCode() + ")")
                                + (r.log() == null || r.log().isEmpty() ? "" : "; log doccheck/target/doc-commands/" + r.log()));
                    }
                    case "not run" -> {
                        it.put("verdict", "skipped");
                        it.put("detail", "class " + r.klass() + ": not run, an earlier line of its block failed");
                    }
                    default -> { // not selected, manual
                        it.put("verdict", "skipped");
                        it.put("detail", "class " + r.klass() + (r.status().equals("manual") ? "" : ", " + r.status()
                                + " in mode " + mode) + (note.isEmpty() ? "" : ": " + note));
                    }
                }
                items.add(it);
            }
        }
        boolean classFailed = classification != null && !classification.isEmpty();
        String verdict;
        String reason;
        if (classFailed || failed > 0 || runError != null) {
            verdict = "fail";
            List<String> why = new ArrayList<>();
            if (classFailed) {
                why.add("documented commands not classified in doccheck/commands.tsv");
            }
            if (runError != null) {
                why.add("the run stopped: " + runError);
            }
            if (failed > 0) {
                why.add(failed + (failed == 1 ? " documented command fails" : " documented commands fail")
                        + " from a fresh clone");
            }
            reason = String.join("; ", why);
        } else if (results == null) {
            verdict = "partial";
            reason = "the commands were not run: " + (notRunReason == null ? "the run did not finish" : notRunReason);
        } else {
            verdict = "pass";
            reason = null;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commands run", passed + failed);
        figures.put("passed", passed);
        figures.put("failed", failed);
        if (manifest != null) {
            for (Manifest.Klass k : Manifest.Klass.values()) {
                figures.put("class " + k.name().toLowerCase(Locale.ROOT),
                        manifest.entries.values().stream().filter(e -> e.klass() == k).count());
            }
        }
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("mode", mode);
        if (commit != null) {
            env.put("commit", commit);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", LAYER);
        s.put("title", "Documented commands from a fresh clone");
        s.put("verdict", verdict);
        s.put("reason", reason);
        s.put("startedAt", startedAt.toString());
        s.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        s.put("command", "mvn -pl doccheck verify" + (mode.equals("all") ? " -Pall-commands" : ""));
        s.put("environment", env);
        s.put("figures", figures);
        s.put("items", items);
        if (!notes.isEmpty()) {
            s.put("notes", notes);
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("summary.json.tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress(Map.of("event", "end", "verdict", verdict));
    }

    private String note(String file, String command) {
        if (manifest == null) {
            return "";
        }
        Manifest.Entry e = manifest.entries.get(Manifest.id(file, command));
        return e == null ? "" : e.note();
    }

    private void progress(Map<String, Object> e) {
        if (progressOut == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("layer", LAYER);
        line.putAll(e);
        try {
            progressOut.println("[procspec] " + LINE.writeValueAsString(line));
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
    }
}
