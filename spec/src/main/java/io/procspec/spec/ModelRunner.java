package io.procspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks one model with TLC and records everything the layer reports about it: the result, the
 * label and branch-probe counts, the trace (as a table in {@code target/tlc/MODEL/trace.txt} and
 * as {@code procspec.trace/1} JSON), the manifest entry and the layer summary item, and one
 * progress line ({@code procspec.progress/1}, report/README.md) on standard output:
 * <pre>[procspec] {"layer":"spec","event":"item","item":"MODEL","verdict":"pass","done":N,"total":M,
 *             "figures":{"distinct":D,"depth":K,"seconds":S}}</pre>
 * {@link #startLine} and {@link #endLine} give the lines that open and close a run of models.
 */
public final class ModelRunner {
    private final SpecLayout layout;
    private final TlcRunner.Options options;
    private final SpecReports reports;
    private final Consumer<String> out;

    public ModelRunner(SpecLayout layout, TlcRunner.Options options, SpecReports reports, Consumer<String> out) {
        this.layout = layout;
        this.options = options;
        this.reports = reports;
        this.out = out;
    }

    public SpecReports reports() {
        return reports;
    }

    /** Runs the model as one of total; never throws for a wrong result, see ModelRun#asExpected. */
    public ModelRun run(ModelConfig m, int total) {
        return run(m, total, new java.util.concurrent.atomic.AtomicInteger());
    }

    /**
     * Runs the model as one of total, counting it in finished (shared by runs side by side) when
     * TLC is done; never throws for a wrong result, see ModelRun#asExpected.
     */
    public ModelRun run(ModelConfig m, int total, java.util.concurrent.atomic.AtomicInteger finished) {
        Instant started = Instant.now();
        int workers = m.workers() != null ? m.workers() : options.workers();
        TlcResult r = TlcRunner.run(layout, m, options);
        String algorithm = layout.algorithmModuleOf(m.spec());
        String text = layout.moduleText(algorithm);
        PlusCalSource src = PlusCalSource.parse(algorithm, text);
        Map<String, Long> labels = new LinkedHashMap<>();
        for (PlusCalSource.Label l : src.labels()) {
            TlcResult.Coverage c = r.coverage().get(l.name());
            labels.put(l.name(), c == null ? 0L : c.total());
        }
        Map<String, Long> probes = Probes.counts(algorithm, text, r.expressions());
        String traceFile = null;
        if (!r.trace().isEmpty()) {
            String prefix = algorithm.equals("Proc") ? "M" : "P";
            String table = TraceTable.render(r.trace(), src.labelsByName(), prefix);
            write(layout.workDir().resolve(m.name()).resolve("trace.txt"), r.summary() + "\n\n" + table);
            TraceJson.Trace t = TraceJson.build(m, r, src.labelsByName(), prefix, PlusCalSource.variables(text));
            traceFile = reports.writeTrace(m.name(), t);
        }
        ModelRun run = new ModelRun(m, r, workers, started, labels, probes, asExpected(m, r), traceFile);
        reports.record(run);
        out.accept(progressLine(m.name(), finished.incrementAndGet(), total, run));
        return run;
    }

    /** Whether TLC reported what the model expects. */
    public static boolean asExpected(ModelConfig m, TlcResult r) {
        if (r.outcome() != m.expect().outcome()) {
            return false;
        }
        return switch (r.outcome()) {
            case OK -> r.left() == 0;
            case INVARIANT, ACTION_PROPERTY -> m.expect().property() == null
                    || m.expect().property().equals(r.property());
            case TEMPORAL -> !r.trace().isEmpty() && (m.expect().property() == null
                    || m.properties().equals(List.of(m.expect().property())));
            default -> !r.trace().isEmpty();
        };
    }

    /** The {@code procspec.progress/1} line for one finished model (seconds: TLC's wall time). */
    public static String progressLine(String item, int done, int total, ModelRun run) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("distinct", run.result().distinct());
        figures.put("depth", run.result().depth());
        figures.put("seconds", SpecReports.seconds(run.result().wallTime().toMillis()));
        Map<String, Object> o = event("item");
        o.put("item", item);
        o.put("verdict", run.verdict());
        o.put("done", done);
        o.put("total", total);
        o.put("figures", figures);
        return line(o);
    }

    /** The {@code procspec.progress/1} line that opens a run of {@code total} models. */
    public static String startLine(int total) {
        Map<String, Object> o = event("start");
        o.put("total", total);
        return line(o);
    }

    /** The {@code procspec.progress/1} line that closes a run: "pass" or "fail". */
    public static String endLine(String verdict) {
        Map<String, Object> o = event("end");
        o.put("verdict", verdict);
        return line(o);
    }

    private static Map<String, Object> event(String event) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("layer", "spec");
        o.put("event", event);
        return o;
    }

    private static String line(Map<String, Object> o) {
        try {
            return "[procspec] " + SpecReports.compactJson().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
