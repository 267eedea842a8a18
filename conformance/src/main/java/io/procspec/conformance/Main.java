package io.procspec.conformance;

import io.procspec.mutants.Catalogue;
import io.procspec.spec.ModelConfig;
import io.procspec.spec.SpecLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
 * java -jar conformance/target/conformance.jar traces 2000 --module GFree       GFree's logs (GFreeTrace.tla)
 * </pre>
 *
 * Exit status: 0 when everything conforms, 1 on a mismatch, an uncovered edge or a rejected log,
 * 2 for bad usage (an unknown command, option, model or bug, a count below 1, a missing file).
 */
@Command(name = "conformance.jar", mixinStandardHelpOptions = true,
        description = "Spec to Java replay of every edge, and Java to spec trace validation (conformance/README.md).",
        subcommands = {Main.Replay.class, Main.Traces.class})
public final class Main implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: replay or traces");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The bug name, checked against the catalogue ("real" is the port as it is). */
    static String checkBug(CommandLine cl, String bug) {
        if (!bug.equals("real")) {
            try {
                Catalogue.bug(bug);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--bug: " + e.getMessage());
            }
        }
        return bug;
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Replay every edge of MODEL's state graph on the Java port (spec to Java).")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "MODEL", description = "a CI model of spec/models or conformance/models, e.g. RunQueue")
        String modelName;

        @Option(names = "--bug", defaultValue = "real", description = "a catalogued bug's Java twin instead of the port. Default: ${DEFAULT-VALUE}")
        String bug;

        @Option(names = "--graph", paramLabel = "FILE.dot", description = "reuse a state graph TLC dumped earlier")
        Path graph;

        @Option(names = "--workers", defaultValue = "2", description = "TLC workers for the graph dump. Default: ${DEFAULT-VALUE}")
        int workers;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            checkBug(cl, bug);
            if (workers < 1) {
                throw new CommandLine.ParameterException(cl, "--workers must be at least 1, got " + workers);
            }
            if (graph != null && !Files.isRegularFile(graph)) {
                throw new CommandLine.ParameterException(cl, "--graph: no such file " + graph);
            }
            SpecLayout layout = SpecLayout.detect();
            ModelConfig model;
            SpecModule mod;
            try {
                model = Modules.model(layout, modelName);
                mod = Modules.of(model.spec());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, modelName + ": " + e.getMessage());
            }
            // refuse before TLC's graph dump (up to a minute), not after it
            if (mod instanceof ProcModule) {
                String why = ProcModule.refusal(model.constants());
                if (why != null) {
                    throw new CommandLine.ParameterException(cl, modelName + ": not replayable: " + why);
                }
            }
            if (!bug.equals("real")) {
                String whose = twinOf(bug);
                String module = mod instanceof ProcModule ? "Proc" : mod instanceof GFreeModule ? "GFree" : "RunQueue";
                if (whose == null) {
                    throw new CommandLine.ParameterException(cl, "--bug " + bug + ": no Java twin (a source patch the bug "
                            + "runner applies; mutants/README.md): replay runs twins only");
                }
                if (!whose.equals(module)) {
                    throw new CommandLine.ParameterException(cl, "--bug " + bug + ": its Java twin changes " + whose
                            + "'s functions, and " + modelName + " is a " + module + " model");
                }
            }
            long t0 = System.nanoTime();
            StateGraph g = graph != null ? StateGraph.parseDot(graph) : GraphDump.run(layout, model, workers, "2g", mod instanceof ProcModule,
                    mod.replayView(model.constants())).graph();
            System.out.printf("%s: %,d states, %,d edges (graph %.1f s)%n", model.name(), g.states(), g.edges(),
                    (System.nanoTime() - t0) / 1e9);
            Replayer.Result r = new Replayer(mod, model.name(), model.constants(), g, bug, Replayer.Options.defaults()).run();
            print(r);
            return r.mismatches().isEmpty() && r.uncovered() == 0 ? 0 : 1;
        }
    }

    @Command(name = "traces", mixinStandardHelpOptions = true,
            description = "Record N controlled Java runs and have TLC check each is a behaviour of RunQueue or GFree (Java to spec).")
    static final class Traces implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "N", description = "how many logs (at least 1)")
        int n;

        @Option(names = "--bug", defaultValue = "real", description = "a catalogued bug's Java twin instead of the port. Default: ${DEFAULT-VALUE}")
        String bug;

        @Option(names = "--seed", defaultValue = "42", description = "the first seed. Default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--workers", defaultValue = "2", description = "TLC workers. Default: ${DEFAULT-VALUE}")
        int workers;

        @Option(names = "--source", defaultValue = "random",
                description = "random or explorer (the jqwik source runs in the test suite). Default: ${DEFAULT-VALUE}")
        String source;

        @Option(names = "--bound", defaultValue = "1", description = "the explorer's preemption bound. Default: ${DEFAULT-VALUE}")
        int bound;

        @Option(names = "--module", defaultValue = "RunQueue",
                description = "RunQueue (RunQueueTrace.tla) or GFree (GFreeTrace.tla). Default: ${DEFAULT-VALUE}")
        String module;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            checkBug(cl, bug);
            if (n < 1) {
                throw new CommandLine.ParameterException(cl, "N must be at least 1, got " + n);
            }
            if (workers < 1) {
                throw new CommandLine.ParameterException(cl, "--workers must be at least 1, got " + workers);
            }
            if (!source.equals("random") && !source.equals("explorer")) {
                throw new CommandLine.ParameterException(cl,
                        "--source: random or explorer (the jqwik source runs in the test suite), not " + source);
            }
            if (bound < 0) {
                throw new CommandLine.ParameterException(cl, "--bound must be at least 0, got " + bound);
            }
            boolean gfree = module.equals("GFree");
            if (!gfree && !module.equals("RunQueue")) {
                throw new CommandLine.ParameterException(cl, "--module: RunQueue or GFree, not " + module);
            }
            // the free lists' bugs are named after their functions (gfput_*, gfget_*)
            if (!bug.equals("real") && (!Catalogue.bug(bug).hasTwin() || bug.startsWith("gf") != gfree)) {
                throw new CommandLine.ParameterException(cl, "--bug " + bug + ": not a Java twin of " + module + "'s functions");
            }
            java.util.Map<String, String> constants = gfree ? GFreeTraceValidation.defaultConstants()
                    : TraceValidation.defaultConstants();
            SpecLayout layout = SpecLayout.detect();
            java.util.concurrent.ExecutorService pool = Pools.daemon();
            long t0 = System.nanoTime();
            List<TraceValidation.Trace> traces = new ArrayList<>();
            if (source.equals("explorer")) {
                // every schedule within the preemption bound of the operations of seed, seed+1, ... until n runs
                for (long s = seed; traces.size() < n; s++) {
                    traces.addAll((gfree ? GFreeTraceValidation.explore(constants, bug, s, bound, n - traces.size(), pool)
                            : TraceValidation.explore(constants, bug, s, bound, n - traces.size(), pool)).traces());
                }
            } else {
                for (int i = 0; i < n; i++) {
                    traces.add(gfree ? GFreeTraceValidation.record(constants, bug, seed + i, pool)
                            : TraceValidation.record(constants, bug, seed + i, pool));
                }
            }
            for (TraceValidation.Trace t : traces) {
                if (t.failure() != null) {
                    System.out.println("the Java run " + t.origin() + " failed: " + t.failure());
                    return 1;
                }
            }
            double javaS = (System.nanoTime() - t0) / 1e9;
            TraceValidation.Result r = TraceValidation.validate(gfree ? GFreeTraceValidation.GFREE : TraceValidation.RUNQUEUE,
                    layout, layout.workDir().resolve(gfree ? "trace-validation-gfree" : "trace-validation"),
                    constants, traces, workers, java.time.Duration.ofMinutes(30));
            System.out.printf("%d traces, %,d steps (Java %.1f s), %d accepted, %d rejected (TLC %.1f s)%n",
                    r.traces(), r.steps(), javaS, r.accepted(), r.rejected().size(), r.tlcSeconds());
            for (TraceValidation.Rejected x : r.rejected().subList(0, Math.min(5, r.rejected().size()))) {
                TraceValidation.Step st = x.trace().steps().get(Math.min(x.firstBadStep(), x.trace().steps().size()) - 1);
                System.out.printf("  rejected log %d (%s): first step the spec cannot take: %d, %s at %s, changing %s%n",
                        x.index(), x.trace().origin(), x.firstBadStep(), st.p() == 0 ? "the environment" : "P" + st.p(),
                        st.label(), st.changes().keySet());
            }
            if (r.accepted() == 0) {
                System.out.println(r.tlcOutputTail());
            }
            return r.rejected().isEmpty() ? 0 : 1;
        }
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

    /** The spec module whose functions {@code bug}'s Java twin changes (Proc, GFree, RunQueue), or null without a twin. */
    static String twinOf(String bug) {
        if (!Catalogue.bug(bug).hasTwin()) {
            return null;
        }
        if (Catalogue.ops(bug, new io.procspec.runtime.Proc(1)) instanceof io.procspec.runtime.FindRunnableChecks) {
            return "Proc"; // a scheduler twin: findRunnable's checks
        }
        return bug.startsWith("gf") ? "GFree" : "RunQueue"; // the free lists' bugs are named after their functions
    }
}
