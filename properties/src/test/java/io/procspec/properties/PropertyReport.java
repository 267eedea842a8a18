package io.procspec.properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.procspec.control.Controller;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The suite's reporting: statistics that go both to jqwik ({@link Statistics}) and to a
 * machine-readable summary, {@code target/property-summary/<Class>.<method>.json}, written by
 * {@link Hook} after each property (format in README.md). Also scales tries
 * ({@code -Dprocspec.tries.scale}) and implements {@link ExpectCaught}.
 *
 * <p>jqwik runs properties one at a time, so the summary being filled is a static.
 */
final class PropertyReport {
    private PropertyReport() {}

    /** A generated value with a size, so a summary can record how small a counterexample shrank. */
    interface Sized {
        int size();
    }

    /**
     * On a property that runs against a deliberately broken variant: the property must fail with
     * a falsified (and shrunk) sample; the hook then records the shrunk size and reports success.
     * A property that passes, or fails without a sample (e.g. a coverage check), fails.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface ExpectCaught {
        /** The broken variant, for the summary. */
        String value();
    }

    private static final class Summary {
        final Map<String, Map<String, Long>> stats = new TreeMap<>();
        final Map<String, Long> edgeCases = new TreeMap<>();
        final Map<String, Object> notes = new TreeMap<>();
        /** step label to the times it fired in this property (controlled steps, model-based hooks). */
        final Map<String, Long> labels = new TreeMap<>();
        /** The last controlled run that failed: after shrinking, the shrunk counterexample's. */
        Map<String, Object> failingTrace;
    }

    /** JSON with Jackson. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static volatile Summary current = new Summary();

    /** Statistics.label(label).collect(values), also counted for the summary. */
    static void collect(String label, Object... values) {
        Statistics.label(label).collect(values);
        String key = values.length == 1 ? String.valueOf(values[0]) : List.of(values).toString();
        synchronized (PropertyReport.class) {
            current.stats.computeIfAbsent(label, k -> new TreeMap<>()).merge(key, 1L, Long::sum);
        }
    }

    /** Counts a hit of a named edge case (summary only; use collect for jqwik coverage). */
    static void edge(String name, long n) {
        if (n == 0) {
            return;
        }
        synchronized (PropertyReport.class) {
            current.edgeCases.merge(name, n, Long::sum);
        }
    }

    /** A free-form figure for the summary (e.g. interleavings explored); numbers add up. */
    static void note(String key, Object value) {
        synchronized (PropertyReport.class) {
            if (value instanceof Long || value instanceof Integer) {
                current.notes.merge(key, ((Number) value).longValue(),
                        (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
            } else {
                current.notes.put(key, value);
            }
        }
    }

    /** Counts a step label firing n times (for the layer summary's label counts). */
    static void labelFired(String label, long n) {
        synchronized (PropertyReport.class) {
            current.labels.merge(label, n, Long::sum);
        }
    }

    /**
     * Records a failing controlled run as a {@code procspec.trace/1} counterexample (lanes: the
     * logical threads; one step per scheduling point; the state view before and after when it
     * changed). The last one recorded during a property is the shrunk counterexample's.
     */
    static void failingRun(Controller.Run run, String title) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("schema", "procspec.trace/1");
        t.put("source", "property");
        // the first clause of the failure (e.g. "not linearizable"); the whole message is the note; the
        // hook names the broken variant, if the property runs one
        int cut = title.indexOf(": ");
        t.put("title", cut > 0 && cut < 120 ? title.substring(0, cut) : title.length() > 120 ? title.substring(0, 117) + "..." : title);
        t.put("lanes", run.threadNames());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Controller.Step st : run.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", st.index() + 1);
            m.put("lane", run.threadNames().get(st.thread()));
            m.put("label", (st.preemption() ? "* " : "") + st.label());
            int u = st.label().indexOf('_');
            m.put("function", u < 0 ? st.label() : st.label().substring(0, u));
            Map<String, String> before = viewParts(st.before());
            Map<String, String> after = viewParts(st.after());
            Map<String, List<String>> changes = new LinkedHashMap<>();
            if (st.changed()) {
                if (after.isEmpty()) {
                    changes.put("state", List.of(st.before(), st.after()));
                }
                for (Map.Entry<String, String> e : after.entrySet()) {
                    String b = before.getOrDefault(e.getKey(), "");
                    if (!b.equals(e.getValue())) {
                        changes.put(e.getKey(), List.of(b, e.getValue()));
                    }
                }
            }
            m.put("changes", changes);
            Map<String, List<String>> queues = queues(after);
            if (!queues.isEmpty()) {
                m.put("queues", queues);
            }
            steps.add(m);
        }
        t.put("steps", steps);
        t.put("replay", "Schedule.of(" + run.choices().toString().replaceAll("[\\[\\]]", "") + ")");
        t.put("note", (run.failure() == null ? "" : run.failure().getMessage() + " ") + "(* = preemption)");
        synchronized (PropertyReport.class) {
            current.failingTrace = t;
        }
    }

    private static final java.util.regex.Pattern VIEW_PART =
            java.util.regex.Pattern.compile("(\\w+)=?(\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]|[^\\s\\[]+)");
    private static final java.util.regex.Pattern RING = java.util.regex.Pattern.compile("\\[([^\\[\\]]*)\\]");
    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("next=(\\S+?)[\\s\\]]");

    /** The controller's state view ({@code p0[h=0 t=2 [g1,g2] next=g3] p1[...] glob=[] gfree=0}) by part. */
    static Map<String, String> viewParts(String view) {
        Map<String, String> out = new LinkedHashMap<>();
        java.util.regex.Matcher m = VIEW_PART.matcher(view);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** Each P's ring (head first) and runnext, and the global queue, from a state view's parts. */
    static Map<String, List<String>> queues(Map<String, String> parts) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parts.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (k.matches("p\\d+") && v.startsWith("[")) {
                java.util.regex.Matcher ring = RING.matcher(v.substring(1));
                q.put(k, ring.find() ? split(ring.group(1)) : List.of());
                java.util.regex.Matcher next = NEXT.matcher(v);
                if (next.find()) {
                    q.put(k + ".runnext", List.of(next.group(1)));
                }
            } else if (k.equals("glob") && v.startsWith("[")) {
                q.put("global", split(v.substring(1, v.length() - 1)));
            }
        }
        return q;
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String x : s.split("[,\\s]+")) {
            if (!x.isEmpty()) {
                out.add(x);
            }
        }
        return out;
    }

    static int scale() {
        return Integer.getInteger("procspec.tries.scale", 1);
    }

    static int gsScale() {
        return Integer.getInteger("procspec.gs.scale", 1);
    }

    /** Registered on each property class with {@code @AddLifecycleHook(PropertyReport.Hook.class)}. */
    public static final class Hook implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor executor) {
            Optional<Integer> tries = context.attributes().tries();
            int scale = scale();
            if (tries.isPresent() && scale != 1) {
                context.attributes().setTries(Math.max(1, tries.get() * scale));
            }
            current = new Summary();
            long t0 = System.nanoTime();
            PropertyExecutionResult result = executor.execute();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            Summary s = current;
            Optional<ExpectCaught> expect = context.findAnnotation(ExpectCaught.class);
            String status = result.status().name();
            // jqwik reports no shrunk sample when shrinking could not improve on the original
            Integer shrunkSize = result.shrunkSample().map(PropertyReport::size)
                    .orElse(result.originalSample().map(PropertyReport::size).orElse(null));
            Integer originalSize = result.originalSample().map(PropertyReport::size).orElse(null);
            Integer shrinkSteps = result.shrunkSample().map(x -> x.countShrinkingSteps()).orElse(null);
            String counterexample = result.shrunkSample().map(x -> (FalsifiedSample) x).or(result::originalSample)
                    .map(x -> truncate(String.valueOf(x.parameters()), 4000)).orElse(null);
            String error = result.shrunkSample().flatMap(FalsifiedSample::falsifyingError)
                    .or(result::throwable).map(e -> truncate(String.valueOf(e), 4000)).orElse(null);
            PropertyExecutionResult out = result;
            String caught = null;
            if (expect.isPresent()) {
                if (result.status() == PropertyExecutionResult.Status.FAILED
                        && (result.shrunkSample().isPresent() || result.originalSample().isPresent())) {
                    caught = "caught";
                    out = result.mapToSuccessful();
                } else {
                    caught = "NOT caught";
                    out = result.mapToFailed("broken variant " + expect.get().value()
                            + " was not caught (status " + result.status() + ", no falsified sample)");
                }
            }
            String name = context.containerClass().getSimpleName() + "." + context.targetMethod().getName();
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("property", name);
            j.put("status", status);
            if (expect.isPresent()) {
                j.put("brokenVariant", expect.get().value());
                j.put("brokenVariantResult", caught);
            }
            j.put("tries", result.countTries());
            j.put("checks", result.countChecks());
            j.put("triesScale", scale);
            j.put("seed", result.seed().orElse(null));
            j.put("timeMillis", millis);
            j.put("originalSampleSize", originalSize);
            j.put("shrunkSampleSize", shrunkSize);
            j.put("shrinkingSteps", shrinkSteps);
            j.put("counterexample", counterexample);
            j.put("error", error);
            j.put("edgeCases", s.edgeCases);
            j.put("notes", s.notes);
            j.put("statistics", s.stats);
            boolean failed = result.status() == PropertyExecutionResult.Status.FAILED;
            if (failed && s.failingTrace != null) {
                if (expect.isPresent()) {
                    s.failingTrace.put("title", "broken variant " + expect.get().value() + ": " + s.failingTrace.get("title"));
                }
                j.put("trace", s.failingTrace);
            }
            Path dir = Paths.get(System.getProperty("procspec.summary.dir", "target/property-summary"));
            try {
                Files.createDirectories(dir);
                JSON.writeValue(dir.resolve(name + ".json").toFile(), j);
                String verdict = switch (out.status()) {
                    case SUCCESSFUL -> "pass";
                    case FAILED -> "fail";
                    case ABORTED -> "skipped";
                };
                layerItem(name, verdict, millis, j, expect.isPresent(), failed ? s.failingTrace : null, s.labels, error);
            } catch (IOException e) {
                throw new RuntimeException("writing the property summary", e);
            }
            return out;
        }

        @Override
        public net.jqwik.api.lifecycle.PropagationMode propagateTo() {
            return net.jqwik.api.lifecycle.PropagationMode.ALL_DESCENDANTS;
        }

        @Override
        public int aroundPropertyProximity() {
            return -100; // outermost: time everything
        }
    }

    private static Integer size(FalsifiedSample sample) {
        int total = 0;
        for (Object p : sample.parameters()) {
            if (p instanceof ActionChain) {
                total += ((ActionChain<?>) p).transformations().size();
            } else if (p instanceof Sized) {
                total += ((Sized) p).size();
            } else if (p instanceof List) {
                total += ((List<?>) p).size();
            }
        }
        return total;
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }

    /** When the first property of this JVM started (the layer's start), or null before. */
    private static java.time.Instant layerStartedAt;
    private static long layerT0;
    private static int layerDone;

    /**
     * The property's item in the properties layer's summary ({@code procspec.layer/1},
     * report/README.md) under {@code procspec.layer.dir}: its verdict, figures, whether it is a
     * broken variant that must be caught, the counterexample trace, the label counts; then the
     * summary is rebuilt from every item so far (so it is complete after the last property) and a
     * progress line printed for {@code ./procspec check}.
     */
    private static synchronized void layerItem(String name, String verdict, long millis, Map<String, Object> j,
                                               boolean brokenVariant, Map<String, Object> trace,
                                               Map<String, Long> labels, String error) throws IOException {
        String layerDir = System.getProperty("procspec.layer.dir");
        if (layerDir == null) {
            return;
        }
        Path d = Paths.get(layerDir);
        if (layerStartedAt == null) {
            // the first property of this run: what an earlier run left is not this run's result
            layerStartedAt = java.time.Instant.now().minusMillis(millis);
            layerT0 = System.nanoTime() - millis * 1_000_000;
            for (String sub : List.of("items", "labels", "traces")) {
                deleteTree(d.resolve(sub));
            }
            Files.deleteIfExists(d.resolve("summary.json"));
            progress(Map.of("event", "start"));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("verdict", verdict);
        if (brokenVariant) {
            item.put("expected", "violation");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", millis / 1000.0);
        for (String k : List.of("tries", "checks", "seed", "originalSampleSize", "shrunkSampleSize")) {
            if (j.get(k) != null) {
                figures.put(k, j.get(k) instanceof Number ? j.get(k) : String.valueOf(j.get(k)));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> notes = (Map<String, Object>) j.get("notes");
        notes.forEach((k, v) -> figures.put(k, v instanceof Number ? v : String.valueOf(v)));
        // jqwik's statistics: how often each edge case was hit
        @SuppressWarnings("unchecked")
        Map<String, Object> edges = (Map<String, Object>) j.get("edgeCases");
        edges.forEach((k, v) -> figures.put("edge: " + k, v));
        item.put("figures", figures);
        if (brokenVariant) {
            item.put("detail", "broken variant " + j.get("brokenVariant") + ": " + j.get("brokenVariantResult")
                    + (j.get("shrunkSampleSize") == null ? "" : ", shrunk to " + j.get("shrunkSampleSize")));
        } else if (error != null) {
            item.put("detail", error.lines().limit(6).reduce((a, b) -> a + "\n" + b).orElse(error));
        }
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
        if (trace != null) {
            Files.createDirectories(d.resolve("traces"));
            JSON.writeValue(d.resolve("traces").resolve(file).toFile(), trace);
            item.put("counterexample", "traces/" + file);
        }
        Files.createDirectories(d.resolve("items"));
        JSON.writeValue(d.resolve("items").resolve(file).toFile(), item);
        if (!labels.isEmpty()) {
            Files.createDirectories(d.resolve("labels"));
            JSON.writeValue(d.resolve("labels").resolve(file).toFile(), labels);
        }
        writeLayerSummary(d);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", "item");
        e.put("item", name);
        e.put("verdict", verdict);
        e.put("done", ++layerDone);
        progress(e);
    }

    /** summary.json from the item and label files (written to a temporary name, then renamed). */
    @SuppressWarnings("unchecked")
    private static void writeLayerSummary(Path d) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(d.resolve("items"))) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                items.add(JSON.readValue(f.toFile(), Map.class));
            }
        }
        Map<String, Long> labels = new TreeMap<>();
        if (Files.isDirectory(d.resolve("labels"))) {
            try (java.util.stream.Stream<Path> s = Files.list(d.resolve("labels"))) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    ((Map<String, Object>) JSON.readValue(f.toFile(), Map.class))
                            .forEach((k, v) -> labels.merge(k, ((Number) v).longValue(), Long::sum));
                }
            }
        }
        long pass = 0, fail = 0, skipped = 0, caught = 0, tries = 0;
        List<String> failed = new ArrayList<>();
        for (Map<String, Object> it : items) {
            switch ((String) it.get("verdict")) {
                case "pass" -> {
                    pass++;
                    if ("violation".equals(it.get("expected"))) {
                        caught++;
                    }
                }
                case "fail" -> {
                    fail++;
                    failed.add((String) it.get("name"));
                }
                default -> skipped++;
            }
            Object t = ((Map<String, Object>) it.get("figures")).get("tries");
            if (t instanceof Number n) {
                tries += n.longValue();
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", "properties");
        s.put("title", "jqwik properties");
        String verdict = fail > 0 ? "fail" : skipped > 0 ? "partial" : "pass";
        s.put("verdict", verdict);
        s.put("reason", fail > 0 ? fail + " of " + items.size() + " properties failed: " + String.join(", ", failed)
                : skipped > 0 ? skipped + " properties aborted (see the items)" : null);
        s.put("startedAt", layerStartedAt.toString());
        s.put("seconds", Math.round((System.nanoTime() - layerT0) / 1e8) / 10.0);
        s.put("command", "mvn -pl properties -am verify" + (scale() == 1 ? "" : " -Dprocspec.tries.scale=" + scale()));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("tries scale", scale());
        env.put("Gs scale", gsScale());
        s.put("environment", env);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("properties", items.size());
        figures.put("tries", tries);
        figures.put("broken variants caught", caught);
        figures.put("failed", fail);
        s.put("figures", figures);
        s.put("items", items);
        if (!labels.isEmpty()) {
            s.put("labels", labels);
        }
        Path tmp = d.resolve("summary.json.tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, d.resolve("summary.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void progress(Map<String, Object> fields) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", "properties");
        m.putAll(fields);
        System.out.println("[procspec] " + JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        System.out.flush();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
