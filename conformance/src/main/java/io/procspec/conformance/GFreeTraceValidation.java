package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.control.Explorer;
import io.procspec.control.Schedule;
import io.procspec.runtime.G;
import io.procspec.spec.SpecLayout;
import io.procspec.spec.TlcValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Direction 2 for the G free lists: records controlled Java runs of {@code gfget}/{@code malg}
 * (inside newproc1, goids from the per-P caches), {@code gfput}, {@code gfpurge} and the stack
 * changes around them (a running G's stack growing, a GC changing {@code startingStackSize}) on
 * configurations TLC cannot exhaust, as logs of (process, label, changed variables, gfput's G), and
 * has TLC check in one run per batch that each log is a behaviour of GFree ({@code GFreeTrace.tla},
 * the same method as {@link TraceValidation} for RunQueue, whose records, sources and TLC batches
 * it shares).
 *
 * <p>The trace model ({@link #defaultConstants()}): 3 Ps, 16 Gs (GFree.cfg: 2 and 4), Go's spill
 * bounds 64/32/32 scaled to {@code LocalMax} 6, {@code LocalKeep} 3, {@code Refill} 3 (GFree.cfg:
 * 3/2/2), stack sizes 1, 2, 4 (units of Go's 2 KB stackMin), 24 operations; goids from per-P
 * caches of {@link #GOID_BATCH}. Every choice (the next operation of each P, gfput's G, the
 * environment's stack changes, the thread of every step) comes from one {@link
 * TraceValidation.Choices} (seeded Random, a jqwik list) or, for the schedule, from {@code
 * control/}'s {@link Explorer}.
 *
 * <p>The Java driver obeys the spec's driver ({@code Dispatch}): an operation starts only while
 * fewer than {@code Fuel} have started ({@code MayStart}); a get only while fewer than
 * {@code NumG} gets have started (so malg never runs out); a put of a G the P holds. Which of them
 * it starts is drawn so that a P works in bursts, as a P running a producer or a consumer of
 * goroutines does: each P is either allocating (gets) or freeing (puts), and switches with
 * probability 1/8 after each operation (a purge, as {@code p.destroy} does, with probability 1/32);
 * and a drawn schedule lets the thread of the last step take the next with probability 3/4.
 * Uniform choices would rarely fill a local list to {@code LocalMax}, and the spill and the refill
 * from the global lists are what this is for. Stack changes happen between steps, while every
 * thread is parked, with probability 1/12 per step, at most {@link #MAX_GROWS} growths and
 * {@link #MAX_SSS_CHANGES} changes of startingStackSize per run.
 */
public final class GFreeTraceValidation {
    private GFreeTraceValidation() {}

    /** GFree's trace spec: {@code GFreeTrace.tla}; functions of the P and of the G logged by component. */
    public static final TraceValidation.TraceSpec GFREE = new TraceValidation.TraceSpec("GFreeTrace",
            Set.of("gFreeLocal", "gFreeLocalN", "hand", "pc", "status", "stackSize"), List.of("MayStart <- TMayStart"), true);

    /** The goid cache batch of the Java runs (Go's _GoidCacheBatch is 16): small, so that caches refill often. */
    public static final int GOID_BATCH = 4;
    /** The most stack growths per run (the spec's environment budget grows). */
    public static final int MAX_GROWS = 4;
    /** The most changes of startingStackSize per run (the spec's sssChanges). */
    public static final int MAX_SSS_CHANGES = 2;

    /**
     * The default trace model: 3 Ps, 16 Gs, LocalMax 6, LocalKeep 3, Refill 3 (Go's 64/32/32
     * scaled by 3/32), StackMin 1 (Go's 2 KB), stack sizes {1, 2, 4}, 24 operations.
     */
    public static Map<String, String> defaultConstants() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("NumP", "3");
        c.put("NumG", "16");
        c.put("GoVersion", "\"1.21\"");
        c.put("Bug", "\"none\"");
        c.put("LocalMax", "6");
        c.put("LocalKeep", "3");
        c.put("Refill", "3");
        c.put("StackMin", "1");
        c.put("StackSizes", "{1, 2, 4}");
        c.put("Fuel", "24");
        return c;
    }

    /** Records one controlled Java run with every choice drawn from {@code new Random(seed)}. */
    public static TraceValidation.Trace record(Map<String, String> constants, String bug, long seed, Executor pool) {
        return record(constants, bug, TraceValidation.Choices.random(seed), null,
                new TraceValidation.Origin("random", "seed " + seed,
                        "GFreeTraceValidation.record(constants, \"" + bug + "\", " + seed + "L, pool)"), pool).trace();
    }

    /** Records one controlled Java run with every choice drawn from a list of ints (a jqwik sample). */
    public static TraceValidation.Trace record(Map<String, String> constants, String bug, List<Integer> choices,
                                               String id, Executor pool) {
        return record(constants, bug, TraceValidation.Choices.of(choices), null,
                new TraceValidation.Origin("jqwik", id, "GFreeTraceValidation.record(constants, \"" + bug
                        + "\", Choices.of(" + choices + "), null, ...)"), pool).trace();
    }

    /**
     * Records one controlled Java run: operations, gfput's G and the stack changes from
     * {@code choices}; the thread of every step from {@code threads}, or from {@code choices} when
     * it is null.
     *
     * @param constants the trace model ({@link #defaultConstants()})
     * @param bug       "real", or a bug of the catalogue whose twin changes gfput or gfpurge
     * @param pool      runs the logical threads (null: the controller's own)
     * @return the log ({@code failure} set when the Java run failed: an exception, a deadlock, the
     *         step limit, or goids not from disjoint per-P batches) and the controller's run
     */
    public static TraceValidation.Recorded record(Map<String, String> constants, String bug,
                                                  TraceValidation.Choices choices, Schedule threads,
                                                  TraceValidation.Origin origin, Executor pool) {
        int[] fuel = {Integer.parseInt(constants.get("Fuel"))};
        int numG = Integer.parseInt(constants.get("NumG"));
        List<Integer> sizes = RunQueueModule.ints(TlcValue.parse(constants.get("StackSizes")));
        sizes.sort(null);
        GFreeModule mod = new GFreeModule();
        List<TraceValidation.Step> steps = new ArrayList<>();
        List<Integer> sched = new ArrayList<>();
        Controller[] ctl = new Controller[1];
        GFreeModule.GfWorld[] world = new GFreeModule.GfWorld[1];
        List<Map<String, String>> prev = new ArrayList<>(List.of(Map.of()));
        int[] lastP = {-1};
        String[] lastLabel = {null};
        Object[] lastCmd = {null};
        int[] env = {0, 0}; // growths, startingStackSize changes
        Schedule schedule = (step, options, last) -> {
            GFreeModule.GfWorld w = world[0];
            Map<String, String> now = w.abstraction(ctl[0]);
            if (lastP[0] >= 0) {
                steps.add(new TraceValidation.Step(lastP[0] + 1, lastLabel[0], TraceValidation.diff(prev.get(0), now,
                        GFREE.byComponent()), inputs(w, ctl[0], lastP[0], lastCmd[0])));
            }
            String action = environment(w, choices, sizes, env);
            if (action != null) {
                Map<String, String> after = w.abstraction(ctl[0]);
                steps.add(new TraceValidation.Step(0, action, TraceValidation.diff(now, after, GFREE.byComponent()), Map.of()));
                now = after;
            }
            prev.set(0, now);
            int idx;
            if (threads != null) {
                idx = threads.choose(step, options, last);
            } else if (lastP[0] >= 0 && options.contains(lastP[0]) && choices.next(4) != 3) {
                idx = options.indexOf(lastP[0]); // the same thread goes on (3 in 4), so that a P works in bursts
            } else {
                idx = choices.next(options.size());
            }
            lastP[0] = options.get(idx);
            lastLabel[0] = ctl[0].labelOf(lastP[0]);
            lastCmd[0] = w.current[lastP[0]];
            sched.add(lastP[0]);
            return idx;
        };
        ctl[0] = new Controller(schedule).stepLimit(5_000).blockTimeoutMillis(10_000);
        if (pool != null) {
            ctl[0].executor(pool);
        }
        world[0] = new GFreeModule.GfWorld(constants, bug, new Replayer.LabelFilter(ctl[0], mod.labels()), GOID_BATCH);
        int[] gets = {world[0].processes()};
        boolean[] freeing = new boolean[world[0].processes()];
        world[0].chooser = (p, w) -> next(p, w, choices, fuel, gets, numG, freeing);
        for (int p = 0; p < world[0].processes(); p++) {
            ctl[0].thread("P" + (p + 1), world[0].body(p));
        }
        Controller.Run run = ctl[0].run();
        if (lastP[0] >= 0 && run.failure() == null) {
            steps.add(new TraceValidation.Step(lastP[0] + 1, lastLabel[0], TraceValidation.diff(prev.get(0),
                    world[0].abstraction(ctl[0]), GFREE.byComponent()), inputs(world[0], ctl[0], lastP[0], lastCmd[0])));
        }
        String failure = run.failure() == null ? null : run.failure().toString();
        if (failure == null && !world[0].goidViolations().isEmpty()) {
            failure = "goids: " + world[0].goidViolations();
        }
        return new TraceValidation.Recorded(new TraceValidation.Trace(origin, bug, steps, sched, failure), run);
    }

    /**
     * Maybe one environment action, done now (every thread parked): with probability 1/12, a held
     * G's stack doubles (if one can: its size times 2 is a stack size of the model) or
     * startingStackSize changes to another size, within the run's budgets. Returns the spec's
     * action name, or null.
     */
    private static String environment(GFreeModule.GfWorld w, TraceValidation.Choices choices, List<Integer> sizes,
                                      int[] env) {
        if (env[0] >= MAX_GROWS && env[1] >= MAX_SSS_CHANGES || choices.next(12) != 11) {
            return null;
        }
        List<Integer> growable = new ArrayList<>();
        int max = sizes.get(sizes.size() - 1);
        for (int p = 0; p < w.numP; p++) {
            for (int g : w.hand.get(p)) {
                G gp = w.byId[g];
                int grown = (int) (gp.stack.size() / GFreeModule.UNIT * 2);
                if (gp.stack.present() && grown <= max && sizes.contains(grown)) {
                    growable.add(g);
                }
            }
        }
        boolean grow = env[0] < MAX_GROWS && !growable.isEmpty() && (env[1] >= MAX_SSS_CHANGES || choices.next(2) == 0);
        if (grow) {
            w.growStack(growable.get(choices.next(growable.size())));
            env[0]++;
            return "GrowStack";
        }
        if (env[1] >= MAX_SSS_CHANGES) {
            return null;
        }
        List<Integer> others = new ArrayList<>(sizes);
        others.remove(Integer.valueOf(w.proc.startingStackSize() / GFreeModule.UNIT));
        w.adjustStartingStackSize(others.get(choices.next(others.size())));
        env[1]++;
        return "AdjustStartingStackSize";
    }

    /** gfput's G when process p starts a put in this step ({@code fg}, which hand alone may not show); empty otherwise. */
    private static Map<String, String> inputs(GFreeModule.GfWorld w, Controller ctl, int p, Object before) {
        GFreeModule.Cmd c = w.current[p];
        if (ctl.finished(p) || c == before || c == null || !c.op().equals("put")) {
            return Map.of();
        }
        return Map.of("fg", Tla.num(c.g()));
    }

    /** The spec driver's rules (GFree's Dispatch), with the choices drawn in bursts (see the class comment). */
    private static GFreeModule.Cmd next(int p, GFreeModule.GfWorld w, TraceValidation.Choices rnd, int[] fuel, int[] gets,
                                        int numG, boolean[] freeing) {
        if (fuel[0] == 0) {
            return new GFreeModule.Cmd("done", 0);
        }
        fuel[0]--;
        List<Integer> hand = new ArrayList<>(w.hand.get(p));
        if (rnd.next(8) == 7) {
            freeing[p] = !freeing[p];
        }
        boolean canGet = gets[0] < numG;
        String op;
        if (rnd.next(32) == 31) {
            op = "purge";
        } else if (freeing[p] && !hand.isEmpty() || !canGet && !hand.isEmpty()) {
            op = "put";
        } else if (canGet) {
            op = "get";
        } else {
            op = "purge";
        }
        return switch (op) {
            case "get" -> {
                gets[0]++;
                yield new GFreeModule.Cmd("get", 0);
            }
            case "put" -> new GFreeModule.Cmd("put", hand.get(rnd.next(hand.size())));
            default -> new GFreeModule.Cmd("purge", 0);
        };
    }

    /** Records the runs of {@code control/}'s {@link Explorer}, as {@link TraceValidation#explore} does for RunQueue. */
    public static TraceValidation.Exploration explore(Map<String, String> constants, String bug, long opsSeed,
                                                      int maxPreemptions, long maxExecutions, Executor pool) {
        List<TraceValidation.Trace> out = new ArrayList<>();
        Explorer.Result r = Explorer.explore(maxPreemptions, maxExecutions, s -> {
            int k = out.size() + 1;
            TraceValidation.Recorded rec = record(constants, bug, TraceValidation.Choices.random(opsSeed), s,
                    new TraceValidation.Origin("explorer", "ops seed " + opsSeed + ", preemption bound " + maxPreemptions
                            + ", execution " + k, "GFreeTraceValidation.record(constants, \"" + bug
                            + "\", Choices.random(" + opsSeed + "L), Schedule.byThread(trace.schedule()), ...)"), pool);
            out.add(rec.trace());
            return rec.run();
        });
        return new TraceValidation.Exploration(out, r.complete());
    }

    /** Has TLC check the logs against GFree ({@link TraceValidation#validate(TraceValidation.TraceSpec, SpecLayout, Path, Map, List, int, Duration)}). */
    public static TraceValidation.Result validate(SpecLayout layout, Path dir, Map<String, String> constants,
                                                  List<TraceValidation.Trace> traces, int workers, Duration timeout) {
        return TraceValidation.validate(GFREE, layout, dir, constants, traces, workers, timeout);
    }

    /**
     * How often each label and environment action occurs in the logs (the coverage of a batch:
     * spills are {@code gfput_lock}, refills {@code gfget_lock}), sorted by name.
     */
    public static Map<String, Integer> labelCounts(List<TraceValidation.Trace> traces) {
        Map<String, Integer> m = new TreeMap<>();
        for (TraceValidation.Trace t : traces) {
            for (TraceValidation.Step s : t.steps()) {
                m.merge(s.label(), 1, Integer::sum);
            }
        }
        return m;
    }
}
