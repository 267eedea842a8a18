package io.procspec.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a JUnit-Platform test run as a verification layer's summary ({@code procspec.layer/1},
 * report/README.md) and prints its progress lines ({@code [procspec] {json}}) for
 * {@code ./procspec check}. Registered through {@code META-INF/services}, so it sees every test
 * (JUnit Jupiter and jqwik alike); it does nothing unless the system property
 * {@code procspec.layer} names the layer (the module's surefire configuration sets it).
 *
 * <p>Properties: {@code procspec.layer} (impl, ...), {@code procspec.layer.title},
 * {@code procspec.layer.command} (how to reproduce the layer alone), {@code procspec.layer.dir}
 * (default {@code target/procspec}). A layer's own reporting code may add to the summary while the
 * tests run: {@code <dir>/items/*.json} (layer items, merged into the item of the same name) and
 * {@code <dir>/labels/*.json} (step label to count, summed), see {@link #contribute}.
 */
public final class LayerSummaryListener implements TestExecutionListener {
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String layer = System.getProperty("procspec.layer");
    private final Path dir = Paths.get(System.getProperty("procspec.layer.dir", "target/procspec"));
    private final Map<String, Map<String, Object>> items = new ConcurrentHashMap<>();
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private Instant startedAt;
    private long t0;
    private int total;
    private int done;

    private boolean active() {
        return layer != null && !layer.isBlank();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!active()) {
            return;
        }
        startedAt = Instant.now();
        t0 = System.nanoTime();
        total = (int) testPlan.countTestIdentifiers(TestIdentifier::isTest);
        deleteTree(dir.resolve("items"));
        deleteTree(dir.resolve("labels"));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("total", total);
        progress("start", e);
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier id) {
        if (active() && id.isTest()) {
            total++; // parameterized and dynamic tests are not in the plan's count at the start
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (active()) {
            started.put(id.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (!active() || !(id.isTest() || id.getSource().map(s -> s instanceof ClassSource).orElse(false))) {
            return;
        }
        record(id, "skipped", reason == null ? "skipped" : reason, null);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!active()) {
            return;
        }
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!id.isTest() && !failed) {
            return; // a container that passed: its tests are the items
        }
        if (!id.isTest() && id.getSource().isEmpty()) {
            if (!failed) {
                return;
            }
        }
        Long s = started.remove(id.getUniqueId());
        Double seconds = s == null ? null : Math.round((System.nanoTime() - s) / 1e6) / 1000.0;
        String detail = result.getThrowable().map(t -> firstLines(String.valueOf(t), 6)).orElse(null);
        String verdict = switch (result.getStatus()) {
            case SUCCESSFUL -> "pass";
            case ABORTED -> "skipped";
            case FAILED -> "fail";
        };
        record(id, verdict, detail, seconds);
    }

    private synchronized void record(TestIdentifier id, String verdict, String detail, Double seconds) {
        String name = name(id);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("verdict", verdict);
        Map<String, Object> figures = new LinkedHashMap<>();
        if (seconds != null) {
            figures.put("seconds", seconds);
        }
        item.put("figures", figures);
        if (detail != null) {
            item.put("detail", detail);
        }
        if (!items.containsKey(name)) {
            order.add(name);
        }
        items.put(name, item);
        if (id.isTest()) {
            done++;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("item", name);
        e.put("verdict", verdict);
        e.put("done", done);
        e.put("total", total);
        progress("item", e);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!active()) {
            return;
        }
        // what the layer's own reporting code added while the tests ran
        for (Map<String, Object> extra : readAll(dir.resolve("items"))) {
            String name = String.valueOf(extra.get("name"));
            Map<String, Object> item = items.get(name);
            if (item == null) {
                item = new LinkedHashMap<>();
                item.put("name", name);
                item.put("verdict", extra.getOrDefault("verdict", "pass"));
                items.put(name, item);
                order.add(name);
            }
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                if (e.getKey().equals("figures") && e.getValue() instanceof Map<?, ?> f) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> figs = (Map<String, Object>) item.computeIfAbsent("figures", k -> new LinkedHashMap<>());
                    f.forEach((k, v) -> figs.put(String.valueOf(k), v));
                } else if (!e.getKey().equals("name") && !e.getKey().equals("verdict")) {
                    item.put(e.getKey(), e.getValue());
                }
            }
        }
        Map<String, Long> labels = new TreeMap<>();
        for (Map<String, Object> m : readAll(dir.resolve("labels"))) {
            m.forEach((k, v) -> labels.merge(k, ((Number) v).longValue(), Long::sum));
        }
        long pass = 0, fail = 0, skipped = 0;
        List<Object> list = new ArrayList<>();
        for (String n : order) {
            Map<String, Object> it = items.get(n);
            switch (String.valueOf(it.get("verdict"))) {
                case "pass" -> pass++;
                case "fail" -> fail++;
                default -> skipped++;
            }
            list.add(it);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", layer);
        s.put("title", System.getProperty("procspec.layer.title", layer));
        String verdict = fail > 0 ? "fail" : total == 0 ? "skipped" : skipped > 0 ? "partial" : "pass";
        s.put("verdict", verdict);
        s.put("reason", switch (verdict) {
            case "fail" -> fail + " of " + (pass + fail + skipped) + " failed: " + String.join(", ",
                    order.stream().filter(n -> "fail".equals(items.get(n).get("verdict"))).limit(5).toList());
            case "skipped" -> "no test ran";
            case "partial" -> skipped + " skipped (see the items)";
            default -> null;
        });
        s.put("startedAt", startedAt.toString());
        s.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        s.put("command", System.getProperty("procspec.layer.command", "mvn -pl " + layer + " -am verify"));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        s.put("environment", env);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tests", pass + fail + skipped);
        figures.put("passed", pass);
        figures.put("failed", fail);
        figures.put("skipped", skipped);
        s.put("figures", figures);
        s.put("items", list);
        if (!labels.isEmpty()) {
            s.put("labels", labels);
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("summary.json.tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmp, dir.resolve("summary.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the layer summary " + dir.resolve("summary.json"), e);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("verdict", verdict);
        e.put("figures", figures);
        progress("end", e);
    }

    /**
     * For a layer's reporting code: adds an item's figures, detail or counterexample
     * ({@code kind} "items") or label counts ({@code kind} "labels") to the summary being built.
     */
    public static void contribute(String kind, String name, Map<String, ?> content) {
        Path d = Paths.get(System.getProperty("procspec.layer.dir", "target/procspec")).resolve(kind);
        try {
            Files.createDirectories(d);
            JSON.writeValue(d.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json").toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(String event, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", layer);
        m.put("event", event);
        m.putAll(fields);
        try {
            System.out.println("[procspec] " + JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            System.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(TestIdentifier id) {
        return id.getSource().map(src -> {
            if (src instanceof MethodSource m) {
                String cls = m.getClassName();
                String base = cls.substring(cls.lastIndexOf('.') + 1) + "." + m.getMethodName();
                String dn = id.getDisplayName();
                // parameterized or repeated invocations keep their display name
                return dn.startsWith(m.getMethodName()) || dn.equals(m.getMethodName() + "()") ? base : base + " " + dn;
            }
            if (src instanceof ClassSource c) {
                return c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1);
            }
            return null;
        }).orElse(id.getDisplayName());
    }

    private static List<Map<String, Object>> readAll(Path d) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                if (f.toString().endsWith(".json")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = JSON.readValue(f.toFile(), Map.class);
                    out.add(m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLines(String s, int n) {
        List<String> lines = s.lines().limit(n).toList();
        String out = String.join("\n", lines);
        return out.length() > 1500 ? out.substring(0, 1500) + "…" : out;
    }
}
