package io.procspec.conformance;

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

/**
 * The conformance layer's machine-readable summary, {@code conformance/target/procspec/summary.json}
 * in the shared format {@code procspec.layer/1}, and its counterexamples and rejected traces as
 * {@code procspec.trace/1} files under {@code traces/} beside it. Written with Jackson.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Instant started = Instant.now();
    private final long t0 = System.nanoTime();
    private final List<Map<String, Object>> items = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int traces;

    public Report(Path dir) {
        this.dir = dir;
    }

    /** The directory the summary is written to ({@code -Dprocspec.conformance.out}, else target/procspec). */
    public static Path defaultDir() {
        return Path.of(System.getProperty("procspec.conformance.out", "conformance/target/procspec"));
    }

    /** One item: a model replayed, a bug replayed, a divergent variant, a batch of traces. */
    public synchronized void item(String name, boolean pass, String expected, Map<String, Object> itemFigures,
                                  String detail, String counterexample) {
        if (itemFigures != null) {
            itemFigures.forEach(Report::checkFigure);
        }
        Map<String, Object> it = new LinkedHashMap<>();
        it.put("name", name);
        it.put("verdict", pass ? "pass" : "fail");
        it.put("expected", expected);
        it.put("figures", itemFigures);
        it.put("detail", detail);
        if (counterexample != null) {
            it.put("counterexample", counterexample);
        }
        items.add(it);
        if (!pass) {
            failures.add(name);
        }
    }

    /** An item that was not run, with the reason. */
    public synchronized void skipped(String name, String reason) {
        Map<String, Object> it = new LinkedHashMap<>();
        it.put("name", name);
        it.put("verdict", "skipped");
        it.put("expected", "pass");
        it.put("figures", Map.of());
        it.put("detail", reason);
        items.add(it);
    }

    public synchronized void figure(String name, Object value) {
        checkFigure(name, value);
        figures.put(name, value);
    }

    /**
     * procspec.layer/1 allows a figure to be a number or a string only (the report refuses the whole
     * summary otherwise): refused here, where the figure is made, not later by {@code ./procspec check}.
     *
     * @throws IllegalArgumentException for any other value
     */
    static void checkFigure(String name, Object value) {
        if (!(value instanceof Number || value instanceof CharSequence)) {
            throw new IllegalArgumentException("figure '" + name + "' must be a number or a string (procspec.layer/1), not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    public synchronized void add(String name, long delta) {
        figures.merge(name, delta, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
    }

    /** Writes a {@code procspec.trace/1} file; returns its path relative to the summary's folder. */
    public synchronized String trace(String title, String model, String property, List<String> lanes,
                                     List<Map<String, Object>> steps, String replay, String note) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("schema", "procspec.trace/1");
        t.put("source", "conformance");
        t.put("title", title);
        t.put("model", model);
        t.put("property", property);
        t.put("lanes", lanes);
        t.put("steps", steps);
        if (replay != null) {
            t.put("replay", replay);
        }
        t.put("note", note);
        String rel = "traces/" + model + "-" + (++traces) + ".json";
        write(dir.resolve(rel), t);
        return rel;
    }

    /** Writes summary.json; the verdict is fail when any item failed. */
    public synchronized void write(String command, String reasonIfSkipped) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", "conformance");
        s.put("title", "Conformance: every edge of TLC's state graph replayed on Java, Java runs validated by TLC");
        String verdict = reasonIfSkipped != null ? "skipped" : failures.isEmpty() ? "pass" : "fail";
        s.put("verdict", verdict);
        s.put("reason", reasonIfSkipped != null ? reasonIfSkipped
                : failures.isEmpty() ? null : "failed: " + String.join(", ", failures));
        s.put("startedAt", started.toString());
        s.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        s.put("command", command);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("seed", System.getProperty("procspec.conformance.seed", "42"));
        s.put("environment", env);
        s.put("figures", figures);
        s.put("items", items);
        write(dir.resolve("summary.json"), s);
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
