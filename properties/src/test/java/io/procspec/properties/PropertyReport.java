package io.procspec.properties;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
    }

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
            StringBuilder j = new StringBuilder();
            j.append("{\n");
            field(j, "property", name);
            field(j, "status", status);
            if (expect.isPresent()) {
                field(j, "brokenVariant", expect.get().value());
                field(j, "brokenVariantResult", caught);
            }
            field(j, "tries", result.countTries());
            field(j, "checks", result.countChecks());
            field(j, "triesScale", scale);
            field(j, "seed", result.seed().orElse(null));
            field(j, "timeMillis", millis);
            field(j, "originalSampleSize", originalSize);
            field(j, "shrunkSampleSize", shrunkSize);
            field(j, "shrinkingSteps", shrinkSteps);
            field(j, "counterexample", counterexample);
            field(j, "error", error);
            j.append("  \"edgeCases\": ").append(map(s.edgeCases)).append(",\n");
            j.append("  \"notes\": ").append(map(s.notes)).append(",\n");
            j.append("  \"statistics\": {");
            boolean first = true;
            for (Map.Entry<String, Map<String, Long>> e : s.stats.entrySet()) {
                j.append(first ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ").append(map(e.getValue()));
                first = false;
            }
            j.append(first ? "}\n" : "\n  }\n").append("}\n");
            Path dir = Paths.get(System.getProperty("procspec.summary.dir", "target/property-summary"));
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(name + ".json"), j.toString(), StandardCharsets.UTF_8);
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

    private static void field(StringBuilder j, String k, Object v) {
        j.append("  ").append(quote(k)).append(": ").append(value(v)).append(",\n");
    }

    private static String map(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            sb.append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
