package io.procspec.properties;

import io.procspec.runtime.Labels;
import io.procspec.runtime.Arch;
import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Proc;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Property family 1: model-based, sequential. Random action chains on 1–3 Ps (newproc, runqput
 * with and without next, runqputbatch, runqget, runqdrain, runqsteal between any two Ps,
 * runqempty, globrunqput/globrunqputhead/globrunqget, gfput/gfget/gfpurge, a change of
 * startingStackSize, mainStarted); after every action the implementation agrees with
 * {@link Model} and {@link Invariants} hold. Rings of 4, 8 and 256; counters from 0 and from
 * 2^32 − 5; free-list constants Go's (64/32/32) and scaled down. Failures shrink to a short chain.
 */
@AddLifecycleHook(PropertyReport.Hook.class)
class ModelBasedProperties {

    static final List<int[]> GFREE = List.of(new int[] {4, 2, 2}, new int[] {6, 3, 4}, new int[] {64, 32, 32});

    @Property(tries = 3000)
    @StatisticsReport(label = "label", value = StatisticsReport.StatisticsReportMode.OFF)
    void implementationAgreesWithModel(@ForAll("chains") ActionChain<World> chain) {
        World w = run(chain);
        report(w);
        Statistics.label("ring").coverage(c -> {
            c.check(4).count(n -> n > 0);
            c.check(8).count(n -> n > 0);
            c.check(256).count(n -> n > 0);
        });
        Statistics.label("edge").coverage(c -> {
            for (String e : List.of("counter wrapped", "runqputslow spilled", "runnext kicked to ring", "runnext stolen",
                    "steal of several", "gfget refilled from global", "gfput spilled to global",
                    "gfput freed an odd-size stack", "runqputbatch overflowed to global", "newproc reused a free G")) {
                c.check(e).count(n -> n > 0);
            }
        });
        Statistics.label("label").coverage(c -> {
            for (String l : Labels.queue()) {
                c.check(l).count(n -> n > 0);
            }
        });
    }

    static World run(ActionChain<World> chain) {
        // the invariants run at the end of every action (see t(...)) rather than through
        // withInvariant: jqwik 1.9.3 did not shrink chains failing with an InvariantFailedError here
        return chain.run();
    }

    static void report(World w) {
        PropertyReport.collect("ring", w.ring);
        PropertyReport.collect("counterStart", w.counterStart == 0 ? "0" : "2^32" + w.counterStart);
        PropertyReport.collect("nprocs", w.nprocs);
        PropertyReport.collect("goVersion", w.version);
        for (String e : w.edges.keySet()) {
            PropertyReport.collect("edge", e);
            PropertyReport.edge(e, w.edges.get(e));
        }
        for (String l : w.labels()) {
            PropertyReport.collect("label", l);
        }
        for (Map.Entry<String, Long> a : w.actions.entrySet()) {
            PropertyReport.edge("action " + a.getKey(), a.getValue());
        }
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return chains("real", 60);
    }

    /** The chain arbitrary, for any variant of the ops. */
    static Arbitrary<ActionChain<World>> chains(String variant, int maxActions) {
        return Combinators.combine(Arbitraries.of(4, 8, 256), Arbitraries.of(0, -5), Arbitraries.integers().between(1, 3),
                        Arbitraries.of(GFREE), Arbitraries.of(GoVersion.GO1_21, GoVersion.GO1_14))
                .flatAs((ring, cs, n, gf, v) -> actions(ActionChain.startWith(() -> new World(variant, ring, cs, n, gf, v)))
                        .withMaxTransformations(maxActions));
    }

    private static Arbitrary<Integer> p(World w) {
        return Arbitraries.integers().between(0, w.nprocs - 1);
    }

    private static Arbitrary<Integer> idx(int size) {
        return Arbitraries.integers().between(0, size - 1);
    }

    private static Action.Dependent<World> act(Predicate<World> pre, Function<World, Arbitrary<Transformer<World>>> f) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return pre.test(w);
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World w) {
                return f.apply(w);
            }
        };
    }

    private static Transformer<World> t(String d, java.util.function.Consumer<World> c) {
        return Transformer.mutate(d, w -> {
            c.accept(w);
            w.check();
        });
    }

    /** Steals that cannot overflow the thief's ring: {thief, victim, stealRunNext 0/1}. */
    static List<int[]> steals(World w) {
        List<int[]> out = new java.util.ArrayList<>();
        for (int th = 0; th < w.nprocs; th++) {
            for (int v = 0; v < w.nprocs; v++) {
                for (int nx = 0; nx < 2; nx++) {
                    if (th != v && w.m.ring.get(th).size() + w.m.stealCount(v, nx == 1) + 1 <= w.m.cap) {
                        out.add(new int[] {th, v, nx});
                    }
                }
            }
        }
        return out;
    }

    /** Ps whose ring can take globrunqget's batch without spilling under sched.lock. */
    static List<Integer> globgets(World w) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int p = 0; p < w.nprocs; p++) {
            if (w.m.ring.get(p).size() <= w.m.cap / 2 + 1) {
                out.add(p);
            }
        }
        return out;
    }

    static ActionChainArbitrary<World> actions(ActionChainArbitrary<World> a) {
        return a
                .withAction(6, act(w -> true, w -> p(w).map(p -> t("newproc(p" + p + ")", x -> x.newproc(p)))))
                .withAction(4, act(w -> !w.heldWith(G._Grunnable).isEmpty(), w -> Combinators.combine(p(w),
                        idx(w.heldWith(G._Grunnable).size()), Arbitraries.of(false, true))
                        .as((p, i, next) -> t("runqput(p" + p + ", held#" + i + ", next=" + next + ")", x -> x.runqput(p, i, next)))))
                .withAction(1, act(w -> !w.heldWith(G._Grunnable).isEmpty(), w -> Combinators.combine(p(w),
                        Arbitraries.integers().between(1, w.heldWith(G._Grunnable).size()))
                        .as((p, k) -> t("runqputbatch(p" + p + ", " + k + " held)", x -> x.runqputbatch(p, k)))))
                .withAction(4, act(w -> true, w -> p(w).map(p -> t("runqget(p" + p + ")", x -> x.runqget(p)))))
                .withAction(1, act(w -> true, w -> p(w).map(p -> t("runqdrain(p" + p + ")", x -> x.runqdrain(p)))))
                .withAction(3, act(w -> !steals(w).isEmpty(), w -> Arbitraries.of(steals(w))
                        .map(s -> t("runqsteal(p" + s[0] + " <- p" + s[1] + ", stealRunNext=" + (s[2] == 1) + ")",
                                x -> x.runqsteal(s[0], s[1], s[2] == 1)))))
                .withAction(1, act(w -> true, w -> p(w).map(p -> t("runqempty(p" + p + ")", x -> x.runqempty(p)))))
                .withAction(1, act(w -> !w.heldWith(G._Grunnable).isEmpty(), w -> Combinators.combine(
                        idx(w.heldWith(G._Grunnable).size()), Arbitraries.of(false, true))
                        .as((i, head) -> t((head ? "globrunqputhead" : "globrunqput") + "(held#" + i + ")",
                                x -> x.globrunqput(i, head)))))
                .withAction(2, act(w -> !globgets(w).isEmpty(), w -> Combinators.combine(Arbitraries.of(globgets(w)),
                        Arbitraries.of(0, 1, 2))
                        .as((p, max) -> t("globrunqget(p" + p + ", max=" + max + ")", x -> x.globrunqget(p, max)))))
                .withAction(4, act(w -> !w.heldOrder.isEmpty(), w -> Combinators.combine(p(w), idx(w.heldOrder.size()))
                        .as((p, i) -> t("gfput(p" + p + ", held#" + i + ")", x -> x.gfput(p, i)))))
                .withAction(1, act(w -> true, w -> p(w).map(p -> t("gfget(p" + p + ")", x -> x.gfget(p)))))
                .withAction(1, act(w -> true, w -> p(w).map(p -> t("gfpurge(p" + p + ")", x -> x.gfpurge(p)))))
                .withAction(1, act(w -> true, w -> Arbitraries.of(Arch.StackMin, 2 * Arch.StackMin, 4 * Arch.StackMin)
                        .map(s -> t("startingStackSize=" + s, x -> x.setStartingStackSize(s)))))
                .withAction(1, act(w -> true, w -> Arbitraries.of(true, false)
                        .map(b -> t("mainStarted=" + b, x -> x.setMainStarted(b)))));
    }
}
