package io.procspec.conformance;

import io.procspec.spec.Jvm;
import io.procspec.spec.ModelConfig;
import io.procspec.spec.SpecLayout;
import io.procspec.spec.TlcOutputParser;
import io.procspec.spec.TlcResult;
import io.procspec.spec.TlcRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs TLC on a model (in a forked JVM, through the spec module's harness) with
 * {@code -dump dot,actionlabels} and parses the state graph it writes.
 */
public final class GraphDump {
    private GraphDump() {}

    /** TLC's result and the graph it dumped (for a bug model: the part explored before the violation). */
    public record Dumped(TlcResult tlc, StateGraph graph, Path dir, double seconds) {}

    public static Dumped run(SpecLayout layout, ModelConfig model, int workers, String heap) {
        return run(layout, model, workers, heap, false);
    }

    /**
     * As {@link #run(SpecLayout, ModelConfig, int, String)}; with {@code graphOnly} TLC checks
     * neither the model's invariants nor its properties, which the spec layer checks on the same
     * model: the reachable graph is the same (they do not constrain it), TLC is faster, and no
     * liveness graph (nor its stuttering self-loops) is written.
     */
    public static Dumped run(SpecLayout layout, ModelConfig model, int workers, String heap, boolean graphOnly) {
        return run(layout, model, workers, heap, graphOnly, null);
    }

    /**
     * As above; {@code view}, when not null, is a TLA+ expression TLC fingerprints instead of the
     * model's own VIEW ({@link SpecModule#replayView}): a module {@code <spec>ReplayView} that
     * extends the model's defines it, and TLC runs on that module.
     */
    public static Dumped run(SpecLayout layout, ModelConfig model, int workers, String heap, boolean graphOnly,
                             String view) {
        long t0 = System.nanoTime();
        Path dir = TlcRunner.prepare(layout, model, "-graph");
        dropView(dir.resolve(model.name() + ".cfg"));
        if (graphOnly) {
            dropChecks(dir.resolve(model.name() + ".cfg"));
        }
        String module = model.spec();
        if (view != null) {
            module = model.spec() + "ReplayView";
            try {
                Files.writeString(dir.resolve(module + ".tla"), "---- MODULE " + module + " ----\n"
                        + "EXTENDS " + model.spec() + "\n"
                        + "\\* The conformance harness's view (conformance/GraphDump, SpecModule.replayView)\n"
                        + "ReplayView == " + view + "\n====\n");
                Files.writeString(dir.resolve(model.name() + ".cfg"), "VIEW ReplayView\n",
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> args = new ArrayList<>(TlcRunner.tlcArgs(model, model.workers() != null ? model.workers() : workers,
                false, false));
        int at = args.indexOf("-config");
        args.addAll(at, List.of("-dump", "dot,actionlabels", "graph.dot"));
        args.set(args.size() - 1, module + ".tla");
        List<String> cmd = Jvm.command(List.of("-Xmx" + heap, "-XX:+UseParallelGC"), "tlc2.TLC", args);
        Jvm.Result r = Jvm.run(cmd, dir, Duration.ofSeconds(model.timeoutSeconds()));
        try {
            Files.writeString(dir.resolve("tlc.out"), r.output());
            TlcResult res = TlcOutputParser.parse(model.name(), r.output(), r.exitCode(), r.wallTime(), r.timedOut());
            Path dot = dir.resolve("graph.dot");
            if (!Files.exists(dot)) {
                throw new IllegalStateException("TLC wrote no state graph for " + model.name() + ": " + res.summary()
                        + "\n" + tail(r.output()));
            }
            StateGraph g = StateGraph.parseDot(dot);
            Files.deleteIfExists(dot); // large; the graph is in memory now
            return new Dumped(res, g, dir, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the model's VIEW: a view merges states that differ only in what no step can read
     * (RunQueue's ring slots outside head..tail), but the replay compares whole states, the Java
     * ring's stale slots included, so it needs every state TLC can reach.
     */
    static void dropView(Path cfg) {
        try {
            String text = Files.readString(cfg);
            Files.writeString(cfg, text.replaceAll("(?m)^VIEW\\s+\\w+\\s*$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the INVARIANT(S) and PROPERTY/PROPERTIES sections of a model's cfg. */
    static void dropChecks(Path cfg) {
        try {
            StringBuilder out = new StringBuilder();
            boolean skipping = false;
            for (String line : Files.readAllLines(cfg)) {
                if (line.matches("^[A-Z_]+\\b.*")) {
                    skipping = line.matches("^(INVARIANTS?|PROPERTY|PROPERTIES)\\b.*");
                }
                if (!skipping) {
                    out.append(line).append('\n');
                }
            }
            Files.writeString(cfg, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s) {
        return s.length() < 2000 ? s : s.substring(s.length() - 2000);
    }
}
