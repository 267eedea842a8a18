package io.procspec.mutants.hunt;

import io.procspec.control.Controller;
import io.procspec.control.Explorer;
import io.procspec.control.Schedule;
import io.procspec.control.weak.WeakMemory;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.Invariants;
import io.procspec.runtime.P;
import io.procspec.runtime.Arch;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.testkit.Fixtures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A bug hunt by controlled exploration: small scenarios of the run-queue and free-list functions
 * (owner against thieves, spills, drains, batches, free lists, goid batches, runqempty) run under
 * the {@link Controller}, every interleaving with at most {@code b} preemptions for
 * {@code b = 0, 1, 2, …} ({@link Explorer}), so the first failing interleaving found has the fewest
 * preemptions. A run fails on an exception, a deadlock, a livelock (step limit), a G taken twice,
 * a broken spec invariant ({@link Invariants}: {@code ExactlyOnePlace}, {@code GoidsUnique}, …)
 * after the run, or runqempty answering "empty" about a queue that never is.
 *
 * <p>It runs any {@link QueueOps}: the port as it is, a bug's Java twin, or (in a patched scratch
 * copy, run by the bug runner) the patched port. The port as it is passes every scenario.
 */
public final class Hunt {
    private Hunt() {}

    /** Everything a scenario's threads share: the Proc, the ops, and what the threads took. */
    public static final class World {
        public final Proc proc;
        public final QueueOps ops;
        final List<G> universe = Collections.synchronizedList(new ArrayList<>());
        final List<G> taken = Collections.synchronizedList(new ArrayList<>());
        final Map<G, Integer> held = Collections.synchronizedMap(new IdentityHashMap<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        final List<P> extra = new ArrayList<>();
        private long nextGoid = 100;

        World(Proc proc, QueueOps ops) {
            this.proc = proc;
            this.ops = ops;
        }

        /** Gs made in the set-up for a thread to use later (runqputbatch's batch). */
        final List<G> spare = new ArrayList<>();

        /** A new runnable G with a stack (as newproc1 leaves one), known to the check. */
        public G runnable() {
            G g = Fixtures.dead(proc, nextGoid++, true);
            Fixtures.forceStatus(g, G._Grunnable);
            universe.add(g);
            return g;
        }

        /** A new dead G (with a stack) known to the check. */
        public G dead() {
            G g = Fixtures.dead(proc, nextGoid++, true);
            universe.add(g);
            return g;
        }

        /** Records a G a thread took out of the structures (null is ignored). */
        public void took(G g) {
            if (g == null) {
                return;
            }
            // The consumer's first look at the G (as Go's schedule/execute read it): newproc1's
            // last writes must be visible to whoever took the G. Plain loads, routed through the
            // weak-memory simulation, before anything else that could synchronize (the status).
            long goid = g.loadPlainGoid();
            long startpc = g.loadPlainStartpc();
            if (goid != g.goid || startpc != g.startpc) {
                problems.add("took g" + g.goid + " but reads goid " + goid + ", startpc " + startpc + " (newproc1 wrote "
                        + g.goid + ", " + g.startpc + "): the G was not published to its consumer");
            }
            synchronized (taken) {
                if (taken.stream().anyMatch(x -> x == g)) {
                    problems.add(g + " taken twice");
                }
                taken.add(g);
            }
            held.put(g, g.readgstatus());
        }

        /** A G that the thread put back into a structure is no longer held. */
        public void released(G g) {
            held.remove(g);
        }

        public P p(int i) {
            return proc.allp[i];
        }


        /** newproc on P {@code i}: the new G is queued (runnext); returns null (it is not held). */
        G newproc(int i) {
            G g = ops.newproc(p(i), NOOP, null);
            universe.add(g);
            return null;
        }

        public void problem(String p) {
            problems.add(p);
        }
    }

    /**
     * One scenario: its Proc configuration, its set-up (on the test thread, outside the run) and
     * its logical threads.
     */
    public record Scenario(String name, Function<io.procspec.runtime.SchedPoint, ProcConfig> config,
                           java.util.function.Consumer<World> setup, List<NamedBody> threads) {}

    /** One logical thread of a scenario. */
    public record NamedBody(String name, java.util.function.Consumer<World> body) {}

    /** The outcome of a hunt. */
    public record Result(boolean caught, String scenario, int preemptionBound, long executions,
                         Controller.Run failing, String failure, double seconds) {
        /** Steps of the failing interleaving (its size), or 0. */
        public int steps() {
            return failing == null ? 0 : failing.steps().size();
        }
    }

    static ProcConfig ring(io.procspec.runtime.SchedPoint pt, int nprocs, int counterStart) {
        return new ProcConfig().nprocs(nprocs).ringSize(4).counterStart(counterStart).point(pt)
                .runnextBackoffNanos(0);
    }

    /** The scenarios, in the order a hunt tries them. */
    public static List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("put vs steal", pt -> ring(pt, 2, -2),
                w -> w.ops.runqput(w.p(0), w.runnable(), false),
                List.of(new NamedBody("owner", w -> {
                            w.ops.runqput(w.p(0), w.runnable(), false);
                            w.ops.runqput(w.p(0), w.runnable(), false);
                        }),
                        new NamedBody("thief", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), false))))));
        s.add(new Scenario("a lone steal of the only G", pt -> ring(pt, 2, -1),
                w -> w.ops.runqput(w.p(0), w.runnable(), false),
                List.of(new NamedBody("thief", w -> {
                    G g = w.ops.runqsteal(w.p(1), w.p(0), false);
                    if (g == null) {
                        w.problem("runqsteal took nothing from a P with one queued G and nobody else running");
                    }
                    w.took(g);
                }))));
        s.add(new Scenario("get vs two thieves", pt -> ring(pt, 3, -1),
                w -> {
                    for (int i = 0; i < 3; i++) {
                        w.ops.runqput(w.p(0), w.runnable(), false);
                    }
                },
                List.of(new NamedBody("owner", w -> {
                            for (int i = 0; i < 2; i++) {
                                Proc.Runqget r = w.ops.runqget(w.p(0));
                                w.took(r == null ? null : r.gp());
                            }
                        }),
                        new NamedBody("thief1", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), false))),
                        new NamedBody("thief2", w -> w.took(w.ops.runqsteal(w.p(2), w.p(0), false))))));
        s.add(new Scenario("runnext: put-next and get vs runnext steal", pt -> ring(pt, 2, 0),
                w -> w.ops.runqput(w.p(0), w.runnable(), true),
                List.of(new NamedBody("owner", w -> {
                            w.ops.runqput(w.p(0), w.runnable(), true);
                            Proc.Runqget r = w.ops.runqget(w.p(0));
                            w.took(r == null ? null : r.gp());
                        }),
                        new NamedBody("thief", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), true))))));
        // newproc publishes a new G through runnext: the owner's CAS of runnext must carry
        // newproc1's writes (goid last, after the status CAS) to the thief whose CAS takes it.
        s.add(new Scenario("newproc vs a runnext steal", pt -> ring(pt, 2, 0),
                w -> { },
                List.of(new NamedBody("owner", w -> w.newproc(0)),
                        new NamedBody("thief", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), true))))));
        // The G the owner puts is made in the set-up, so that a load-buffering candidate (a thief's
        // slot read returning the owner's later store of it into the slot the steal freed) can
        // name it in the run that checks the candidate.
        s.add(new Scenario("full ring spills vs steal", pt -> ring(pt, 2, -3),
                w -> {
                    for (int i = 0; i < 4; i++) {
                        w.ops.runqput(w.p(0), w.runnable(), false);
                    }
                    w.spare.add(w.runnable());
                },
                List.of(new NamedBody("owner", w -> {
                            G g = w.spare.get(0);
                            w.released(g); // from here on the check looks for it in the queues
                            w.ops.runqput(w.p(0), g, false);
                        }),
                        new NamedBody("thief", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), false))))));
        s.add(new Scenario("drain vs steal", pt -> ring(pt, 2, -2),
                w -> {
                    for (int i = 0; i < 3; i++) {
                        w.ops.runqput(w.p(0), w.runnable(), false);
                    }
                    w.ops.runqput(w.p(0), w.runnable(), true);
                },
                List.of(new NamedBody("owner", w -> {
                            Proc.Drained d = w.ops.runqdrain(w.p(0));
                            for (G g : d.drainQ().toList()) {
                                w.took(g);
                            }
                            if (d.n() != d.drainQ().length()) {
                                w.problem("runqdrain: n = " + d.n() + " but " + d.drainQ().length() + " Gs drained");
                            }
                        }),
                        new NamedBody("thief", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), true))))));
        // Go's reverted CL 310149: runqdrain must not link a G (write its schedlink) before its CAS
        // made the G its own. A thief that stole the G runs it to the end and frees it onto its
        // P's free list (goexit0 → gfput), linking it in front of a G already there; a drain that
        // links the stolen G to the next slot's G afterwards cuts that free list.
        s.add(new Scenario("drain vs a thief that runs the stolen G and frees it", pt -> ring(pt, 2, -1),
                w -> {
                    w.ops.runqput(w.p(0), w.runnable(), false);
                    w.ops.runqput(w.p(0), w.runnable(), false);
                    w.ops.gfput(w.p(1), w.dead());
                },
                List.of(new NamedBody("owner", w -> {
                            Proc.Drained d = w.ops.runqdrain(w.p(0));
                            for (G g : d.drainQ().toList()) {
                                w.took(g);
                            }
                        }),
                        new NamedBody("thief", w -> {
                            G g = w.ops.runqsteal(w.p(1), w.p(0), false);
                            if (g != null) {
                                w.took(g);
                                w.proc.casgstatus(g, G._Grunnable, G._Grunning); // execute
                                w.proc.casgstatus(g, G._Grunning, G._Gdead); // goexit0
                                w.released(g);
                                w.ops.gfput(w.p(1), g);
                            }
                        }))));
        s.add(new Scenario("putbatch overflows vs steal", pt -> ring(pt, 2, -1),
                w -> {
                    for (int i = 0; i < 5; i++) {
                        w.spare.add(w.runnable());
                    }
                },
                List.of(new NamedBody("owner", w -> {
                            GQueue q = new GQueue();
                            for (G g : w.spare) {
                                q.pushBack(g);
                                w.released(g); // from here on the check looks for them in the queues (or q)
                            }
                            w.ops.runqputbatch(w.p(0), q, 5);
                            for (G g : q.toList()) {
                                w.took(g); // Go 1.25 leaves the rest on q
                            }
                        }),
                        new NamedBody("thief", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), false))))));
        s.add(new Scenario("a thief steals from a thief's ring", pt -> ring(pt, 3, -2),
                w -> {
                    for (int i = 0; i < 4; i++) {
                        w.ops.runqput(w.p(0), w.runnable(), false);
                    }
                },
                List.of(new NamedBody("thief1", w -> w.took(w.ops.runqsteal(w.p(1), w.p(0), false))),
                        new NamedBody("thief2", w -> w.took(w.ops.runqsteal(w.p(2), w.p(1), false))))));
        s.add(new Scenario("runqempty vs put-next and get", pt -> ring(pt, 2, 0),
                w -> w.ops.runqput(w.p(0), w.runnable(), true),
                List.of(new NamedBody("owner", w -> {
                            w.ops.runqput(w.p(0), w.runnable(), true);
                            Proc.Runqget r = w.ops.runqget(w.p(0));
                            w.took(r == null ? null : r.gp());
                        }),
                        new NamedBody("observer", w -> {
                            if (w.ops.runqempty(w.p(0))) {
                                w.problem("runqempty answered empty, but p0 held a G at every moment");
                            }
                        }))));
        s.add(new Scenario("gfput spills vs gfget refills", pt -> ring(pt, 2, 0).gfree(3, 2, 2),
                w -> {
                    w.ops.gfput(w.p(0), w.dead());
                    w.ops.gfput(w.p(0), w.dead());
                    w.ops.gfput(w.p(1), w.dead());
                    w.ops.gfput(w.p(1), w.dead());
                    w.ops.gfput(w.p(1), w.dead()); // p1 spills 2: sched.gFree has Gs, p1 keeps 1
                    w.spare.add(w.dead());
                    // a stack of the old size is freed by gfput: p0's spill has a G without one
                    w.proc.setStartingStackSize(2 * Arch.StackMin);
                },
                List.of(new NamedBody("p0", w -> {
                            G g = w.spare.get(0);
                            w.released(g); // from here on the check looks for it on the free lists
                            w.ops.gfput(w.p(0), g);
                        }),
                        new NamedBody("p1", w -> {
                            w.took(w.ops.gfget(w.p(1)));
                            w.took(w.ops.gfget(w.p(1)));
                        }))));
        s.add(new Scenario("two Ps create Gs (goid batches)", pt -> ring(pt, 2, 0).goidBatch(2),
                w -> { },
                List.of(new NamedBody("p0", w -> {
                            for (int i = 0; i < 3; i++) {
                                w.took(w.newproc(0));
                            }
                        }),
                        new NamedBody("p1", w -> {
                            for (int i = 0; i < 3; i++) {
                                w.took(w.newproc(1));
                            }
                        }))));
        return s;
    }

    /** One run of {@code sc} on the ops made by {@code opsOf}, under {@code schedule}. */
    public static Controller.Run runOnce(Scenario sc, Function<Proc, QueueOps> opsOf, Schedule schedule) {
        return runOnce(sc, opsOf, schedule, false);
    }

    /**
     * One run; with {@code weak} the port's shared accesses go through the controller's
     * weak-memory mode ({@link WeakMemory}; the JVM needs {@code -Dprocspec.memory.simulation=true}),
     * so a load may read an older store the Java memory model allows.
     */
    public static Controller.Run runOnce(Scenario sc, Function<Proc, QueueOps> opsOf, Schedule schedule, boolean weak) {
        Controller c = new Controller(schedule).stepLimit(2_000).blockTimeoutMillis(5_000);
        if (!weak) {
            return runOnce0(sc, opsOf, c, new AtomicReference<>());
        }
        WeakMemory wm = new WeakMemory(c).install();
        AtomicReference<World> world = new AtomicReference<>();
        Controller.Run r;
        try {
            r = runOnce0(sc, opsOf, c, world);
        } finally {
            WeakMemory.uninstall();
        }
        if (r.failure() != null || r.valueChoices() != 0 || world.get() == null) {
            return r;
        }
        // Load buffering: each plain load that a later store of another thread could have
        // satisfied (the store does not happen-after the load) is checked by a second run with the
        // same choices in which the load reads that value; the second run is an execution of the
        // Java memory model only if the store is made again, with the same value, still not
        // happening-after the load (this run justifies it, as the JMM's causality rules require).
        List<WeakMemory.Promise> candidates = wm.loadBufferingCandidates(names(world::get));
        int tried = 0;
        for (WeakMemory.Promise p : candidates) {
            if (tried++ >= LOAD_BUFFERING_PER_RUN) {
                break;
            }
            Controller c2 = new Controller(Schedule.of(r.choices())).stepLimit(2_000).blockTimeoutMillis(5_000);
            AtomicReference<World> w2 = new AtomicReference<>();
            WeakMemory wm2 = new WeakMemory(c2).promise(p, names(w2::get)).install();
            Controller.Run r2;
            try {
                r2 = runOnce0(sc, opsOf, c2, w2);
            } finally {
                WeakMemory.uninstall();
            }
            if (r2.failure() != null && wm2.promiseFulfilled()) {
                return r2.withFailure(new AssertionError("load buffering (" + p + "; replay: Schedule.of(" + r.choices()
                        + ") with that load reading that value): " + r2.failure(), r2.failure()));
            }
        }
        return r;
    }

    /** The most load-buffering candidates checked per run (each costs one more run). */
    static final int LOAD_BUFFERING_PER_RUN = 16;

    /** Names a scenario's Gs by their index in its universe (the same in two runs with the same choices). */
    private static WeakMemory.ValueNames names(java.util.function.Supplier<World> world) {
        return new WeakMemory.ValueNames() {
            @Override
            public long id(Object v) {
                World w = world.get();
                if (w == null) {
                    return -1;
                }
                synchronized (w.universe) {
                    for (int i = 0; i < w.universe.size(); i++) {
                        if (w.universe.get(i) == v) {
                            return i;
                        }
                    }
                }
                return -1;
            }

            @Override
            public Object value(long id) {
                World w = world.get();
                if (w == null) {
                    return null;
                }
                synchronized (w.universe) {
                    return id < w.universe.size() ? w.universe.get((int) id) : null;
                }
            }
        };
    }

    private static Controller.Run runOnce0(Scenario sc, Function<Proc, QueueOps> opsOf, Controller c,
                                           AtomicReference<World> world) {
        Proc proc = new Proc(sc.config().apply(c));
        World w = new World(proc, opsOf.apply(proc));
        world.set(w);
        try {
            sc.setup().accept(w);
        } catch (RuntimeException | Error e) {
            // the set-up (single-threaded calls on the test thread) already broke: a run of one step
            Controller failed = new Controller(Schedule.nonPreemptive());
            failed.thread("set-up", () -> {
                failed.at("set-up");
                throw new IllegalStateException("the scenario's single-threaded set-up failed: " + e, e);
            });
            return failed.run();
        }
        w.held.clear();
        w.taken.clear();
        for (G g : w.spare) {
            w.held.put(g, g.readgstatus()); // in the thread's hands until it queues or frees them
        }
        for (NamedBody t : sc.threads()) {
            c.thread(t.name(), () -> t.body().accept(w));
        }
        Controller.Run run = c.run();
        if (run.failure() != null) {
            return run;
        }
        List<String> bad = new ArrayList<>(w.problems);
        Map<G, Integer> held = new IdentityHashMap<>();
        synchronized (w.held) {
            held.putAll(w.held);
        }
        try {
            List<P> ps = new ArrayList<>(List.of(proc.allp));
            for (Invariants.Violation v : Invariants.check(proc.snapshot(ps, held.keySet()), held, w.universe)) {
                bad.add(v.toString());
            }
        } catch (RuntimeException e) {
            bad.add("the final state cannot be read: " + e);
        }
        return bad.isEmpty() ? run : run.withFailure(new AssertionError(String.join("; ", bad)));
    }

    /**
     * Hunts for a failing interleaving: every scenario at preemption bound 0, then every scenario
     * at bound 1, … up to {@code maxBound}; stops at the first failure.
     *
     * @param opsOf           the functions under test, for a fresh Proc
     * @param maxBound        the largest preemption bound tried
     * @param maxExecutions   the most interleavings run per scenario and bound
     * @param budgetSeconds   stop (not caught) after this much wall time
     */
    public static Result hunt(Function<Proc, QueueOps> opsOf, int maxBound, long maxExecutions, double budgetSeconds) {
        return hunt(opsOf, maxBound, maxExecutions, budgetSeconds, false);
    }

    /**
     * {@link #hunt(Function, int, long, double)}, with {@code weak}: in the controller's weak-memory
     * mode (a load reading an older store counts against the bound like a preemption).
     */
    public static Result hunt(Function<Proc, QueueOps> opsOf, int maxBound, long maxExecutions, double budgetSeconds,
                              boolean weak) {
        Objects.requireNonNull(opsOf);
        long t0 = System.nanoTime();
        long executions = 0;
        for (int bound = 0; bound <= maxBound; bound++) {
            for (Scenario sc : scenarios()) {
                if ((System.nanoTime() - t0) / 1e9 > budgetSeconds) {
                    return new Result(false, null, bound, executions, null, "budget of " + budgetSeconds + " s spent",
                            (System.nanoTime() - t0) / 1e9);
                }
                final int b = bound;
                Explorer.Result r = Explorer.explore(b, maxExecutions, s -> runOnce(sc, opsOf, s, weak));
                executions += r.executions();
                if (r.failing() != null) {
                    return new Result(true, sc.name(), bound, executions, r.failing(),
                            String.valueOf(r.failing().failure()), (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        return new Result(false, null, maxBound, executions, null, null, (System.nanoTime() - t0) / 1e9);
    }

    /** newproc on P {@code i} with a no-op function, as a G (the scenario's helper). */
    static final FuncVal NOOP = new FuncVal(() -> { });
}
