package io.procspec.conformance;

import io.procspec.spec.ModelConfig;
import io.procspec.spec.SpecLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line of the conformance harness. From the repository root, after
 * {@code mvn -q -pl conformance -am package -DskipTests}:
 *
 * <pre>
 * java -jar conformance/target/conformance.jar replay RunQueue                   one model, spec to Java
 * java -jar conformance/target/conformance.jar replay RunQueue --bug tail_before_slot
 * java -jar conformance/target/conformance.jar replay RunQueue --graph FILE.dot  reuse a dump
 * java -jar conformance/target/conformance.jar traces 1000 [--seed S] [--bug NAME]   Java to spec
 * java -jar conformance/target/conformance.jar traces 300 --source explorer [--bound B]   the explorer's runs
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("replay") || args[0].equals("traces"))) {
            System.err.println("usage: replay MODEL [--bug NAME] [--graph FILE.dot] [--workers N]\n"
                    + "       traces N [--bug NAME] [--seed S] [--workers N] [--source random|explorer] [--bound B]");
            System.exit(2);
        }
        SpecLayout layout = SpecLayout.detect();
        if (args[0].equals("traces")) {
            int n = Integer.parseInt(args[1]);
            String bug = option(args, "--bug", "real");
            long seed = Long.parseLong(option(args, "--seed", "42"));
            int workers = Integer.parseInt(option(args, "--workers", "2"));
            java.util.concurrent.ExecutorService pool = Pools.daemon();
            long t0 = System.nanoTime();
            String source = option(args, "--source", "random");
            List<TraceValidation.Trace> traces = new ArrayList<>();
            if (source.equals("explorer")) {
                // every schedule within the preemption bound of the operations of seed, seed+1, ... until n runs
                int bound = Integer.parseInt(option(args, "--bound", "1"));
                for (long s = seed; traces.size() < n; s++) {
                    traces.addAll(TraceValidation.explore(TraceValidation.defaultConstants(), bug, s, bound,
                            n - traces.size(), pool).traces());
                }
            } else if (source.equals("random")) {
                for (int i = 0; i < n; i++) {
                    traces.add(TraceValidation.record(TraceValidation.defaultConstants(), bug, seed + i, pool));
                }
            } else {
                System.err.println("--source: random or explorer (the jqwik source runs in the test suite), not " + source);
                System.exit(2);
            }
            double javaS = (System.nanoTime() - t0) / 1e9;
            TraceValidation.Result r = TraceValidation.validate(layout, layout.workDir().resolve("trace-validation"),
                    TraceValidation.defaultConstants(), traces, workers, java.time.Duration.ofMinutes(30));
            System.out.printf("%d traces, %,d steps (Java %.1f s), %d accepted, %d rejected (TLC %.1f s)%n",
                    r.traces(), r.steps(), javaS, r.accepted(), r.rejected().size(), r.tlcSeconds());
            for (TraceValidation.Rejected x : r.rejected().subList(0, Math.min(5, r.rejected().size()))) {
                TraceValidation.Step st = x.trace().steps().get(Math.min(x.firstBadStep(), x.trace().steps().size()) - 1);
                System.out.printf("  rejected log %d (%s): first step the spec cannot take: %d, P%d at %s, changing %s%n",
                        x.index(), x.trace().origin(), x.firstBadStep(), st.p(), st.label(), st.changes().keySet());
            }
            if (r.accepted() == 0) {
                System.out.println(r.tlcOutputTail());
            }
            System.exit(r.rejected().isEmpty() ? 0 : 1);
        }
        ModelConfig model = Modules.model(layout, args[1]);
        String bug = option(args, "--bug", "real");
        String graph = option(args, "--graph", null);
        int workers = Integer.parseInt(option(args, "--workers", "2"));
        SpecModule mod;
        try {
            mod = Modules.of(model.spec());
        } catch (IllegalArgumentException e) {
            System.err.println(model.name() + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        StateGraph g;
        long t0 = System.nanoTime();
        if (graph != null) {
            g = StateGraph.parseDot(Path.of(graph));
        } else {
            g = GraphDump.run(layout, model, workers, "2g").graph();
        }
        System.out.printf("%s: %,d states, %,d edges (graph %.1f s)%n", model.name(), g.states(), g.edges(),
                (System.nanoTime() - t0) / 1e9);
        Replayer.Result r = new Replayer(mod, model.name(), model.constants(), g, bug, Replayer.Options.defaults()).run();
        print(r);
        System.exit(r.mismatches().isEmpty() && r.uncovered() == 0 ? 0 : 1);
    }

    static void print(Replayer.Result r) {
        System.out.printf("%s%s: %,d states, %,d edges, %,d covered, %,d not replayable %s, %,d ambiguous, "
                        + "%d mismatches; %,d runs, %,d steps, %.1f s%n",
                r.model(), r.bug().equals("real") ? "" : " [" + r.bug() + "]", r.states(), r.edges(), r.covered(),
                r.notReplayable().values().stream().mapToInt(Integer::intValue).sum(), r.notReplayable(),
                r.ambiguous(), r.mismatches().size(), r.runs(), r.steps(), r.seconds());
        for (Replayer.Mismatch m : r.mismatches()) {
            System.out.println(m.describe());
        }
    }

    static String option(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

}
