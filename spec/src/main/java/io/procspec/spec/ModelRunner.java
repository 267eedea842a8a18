package io.procspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks one model with TLC and records everything the layer reports about it: the result, the
 * label and branch-probe counts, the trace (as a table in {@code target/tlc/MODEL/trace.txt} and
 * as {@code procspec.trace/1} JSON), the manifest entry and the layer summary item, and one
 * progress line on standard output:
 * <pre>[procspec] {"layer":"spec","item":"MODEL","done":N,"total":M,"verdict":"pass","distinct":D,"seconds":S}</pre>
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

    /** The progress line the procspec command reads. */
    public static String progressLine(String item, int done, int total, ModelRun run) {
        return String.format(Locale.ROOT,
                "[procspec] {\"layer\":\"spec\",\"item\":\"%s\",\"done\":%d,\"total\":%d,\"verdict\":\"%s\","
                        + "\"distinct\":%d,\"seconds\":%.1f}",
                item, done, total, run.verdict(), run.result().distinct(),
                run.result().wallTime().toMillis() / 1000.0);
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
