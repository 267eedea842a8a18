package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.Labels;
import io.procspec.runtime.P;
import io.procspec.runtime.Arch;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.SchedPoint;
import io.procspec.runtime.Snapshot;
import io.procspec.runtime.Stack;
import io.procspec.spec.TlcValue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The abstraction function and driver for {@code spec/tla/GFree.tla}: each process is a P that
 * takes a G for a new goroutine (newproc1's {@code gfget}, else {@code malg(stackMin)} and
 * {@code casgstatus(_Gidle, _Gdead)}), frees a G it holds ({@code gfput}) or purges its list
 * ({@code gfpurge}), as the spec's driver chose. The environment actions are done by the harness
 * between steps: {@code GrowStack} as copystack does it (stackalloc of the doubled size, stackfree
 * of the old stack) and {@code AdjustStartingStackSize} by {@link Proc#setStartingStackSize}.
 *
 * <p>Abstraction: the free lists (head first) and their counts, who holds
 * {@code sched.gFree.lock}, each G's status (a G the Java side has not made yet is {@code idle}),
 * the set of Gs not made yet ({@code unborn}), each G's stack size in units of 2 KB (spec size 1 =
 * Go's 2048-byte stackMin; 0 = no stack), {@code startingStackSize}, the stack allocator's
 * counters, the Gs each P's driver holds, each thread's label. Gs are numbered in the order malg
 * made them, as the spec's malg takes the smallest unborn G.
 */
public final class GFreeModule implements SpecModule {

    /** Bytes of stack per unit of the spec's stack sizes (spec StackMin = 1 = Go's 2048). */
    static final int UNIT = Arch.StackMin;

    static final Set<String> LABELS = Set.of(Labels.GFGET_CHECK, Labels.GFGET_LOCK, Labels.GFGET_POP, Labels.MALG,
            Labels.GFPUT_PUSH, Labels.GFPUT_LOCK, Labels.GFPURGE_LOCK);

    private static final List<String> COMPARED = List.of("gFreeLocal", "gFreeLocalN", "gFreeStack", "gFreeNoStack",
            "gFreeN", "gFreeLock", "status", "unborn", "stackSize", "startingStackSize", "stacksAllocated",
            "stacksFreed", "thrown", "pp", "hand", "pc");

    private static final Map<String, String> NOT_COMPARED = Map.of(
            "fg", "gfput's input: the driver reads it from the spec state to free the same G",
            "gEpoch", "ghost: when gfput freed each G (for FreeStacksStandard)",
            "sssChanges", "the environment's budget of startingStackSize changes",
            "grows", "the environment's budget of stack growths",
            "ops", "history: the operations the spec's driver started (MCGFree bounds them); the Java driver follows the spec's choices",
            "gets", "the spec driver's count of gfget operations (bounds malg); the Java driver follows the spec");

    private static final List<String> PER_PROCESS = List.of("pc", "fg", "hand");

    @Override
    public String name() {
        return "GFree";
    }

    @Override
    public Set<String> labels() {
        return LABELS;
    }

    @Override
    public List<String> compared() {
        return COMPARED;
    }

    @Override
    public Map<String, String> notCompared() {
        return NOT_COMPARED;
    }

    @Override
    public Map<String, String> environmentActions() {
        return Map.of(
                "GrowStack", "a held G's stack doubles as copystack does: stackalloc(2*size), stackfree(old)",
                "AdjustStartingStackSize", "Proc.setStartingStackSize, as a GC's gcComputeStartingStackSize",
                "Terminating", "a stutter once every process is Done: nothing runs, the state must not change");
    }

    @Override
    public List<String> perProcess() {
        return PER_PROCESS;
    }

    @Override
    public World newWorld(Map<String, String> c, String bug, SchedPoint point) {
        return new GfWorld(c, bug, point);
    }

    record Cmd(String op, int g) {}

    /** Picks the next operation of process p in a Java run that is not driven by the spec (direction 2). */
    interface Chooser {
        Cmd next(int p, GfWorld w);
    }

    static Cmd command(Map<String, String> st, int p) {
        String pc = RunQueueModule.strip(RunQueueModule.at(st, "pc", p));
        return switch (pc) {
            case "gfget_check" -> new Cmd("get", 0);
            case "gfput_push" -> new Cmd("put", Integer.parseInt(RunQueueModule.at(st, "fg", p).toString()));
            case "gfpurge_lock" -> new Cmd("purge", 0);
            case "Done" -> new Cmd("done", 0);
            default -> null;
        };
    }

    static final class GfWorld implements World {
        final int numP;
        final int numG;
        final Proc proc;
        final QueueOps ops;
        final G[] byId;
        final Map<G, Integer> ids = new IdentityHashMap<>();
        final List<Set<Integer>> hand = new ArrayList<>();
        final Cmd[] pending;
        final Map<Thread, Integer> threads = new ConcurrentHashMap<>();
        /** Direction 2: picks each next operation itself (null: follow the spec's choices). */
        Chooser chooser;
        /** The operation each process is in (direction 2 logs gfput's input when one starts). */
        final Cmd[] current;
        /**
         * Direction 2: the goid batch of the per-P goid caches (0: direction 1, where a get is
         * gfget, else malg and casgstatus(_Gidle, _Gdead), as the spec's step says). With a batch, a
         * get is newproc1 itself (gfget or malg, then a goid from the P's cache, refilled from
         * sched.goidgen), after which the G runs and exits as goexit0 leaves it
         * (_Grunnable, _Grunning, _Gdead): the spec's step, with what newproc1 does around it.
         */
        final int goidBatch;
        /** Direction 2: every goid newproc1 handed out, with the process (1-based) that took it. */
        final List<long[]> goids = new java.util.concurrent.CopyOnWriteArrayList<>();

        GfWorld(Map<String, String> c, String bug, SchedPoint point) {
            this(c, bug, point, 0);
        }

        GfWorld(Map<String, String> c, String bug, SchedPoint point, int goidBatch) {
            numP = Integer.parseInt(c.get("NumP"));
            numG = Integer.parseInt(c.get("NumG"));
            if (Integer.parseInt(c.get("StackMin")) != 1) {
                throw new IllegalArgumentException("the harness maps spec stack size 1 to Go's stackMin; StackMin must be 1");
            }
            this.goidBatch = goidBatch;
            ProcConfig cfg = new ProcConfig().nprocs(numP)
                    .gfree(Integer.parseInt(c.get("LocalMax")), Integer.parseInt(c.get("LocalKeep")),
                            Integer.parseInt(c.get("Refill")))
                    .checked(false).point(point);
            proc = new Proc(goidBatch > 0 ? cfg.goidBatch(goidBatch) : cfg);
            ops = Catalogue.ops(bug, proc);
            if (goidBatch > 0 && overrides(ops, "gfget")) { // newproc1 calls Proc's own gfget
                throw new IllegalArgumentException("the twin of " + bug + " changes gfget, which newproc1 would not call");
            }
            current = new Cmd[numP];
            byId = new G[numG + 1];
            for (int p = 0; p < numP; p++) {
                hand.add(new TreeSet<>());
            }
            pending = new Cmd[numP];
        }

        @Override
        public int processes() {
            return numP;
        }

        volatile boolean finishing;

        private static boolean overrides(QueueOps ops, String method) {
            try {
                return ops.getClass().getMethod(method, P.class).getDeclaringClass() != QueueOps.class;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void beforeStep(int p, String javaLabel, Map<String, String> after) {
            pending[p] = command(after, p);
        }

        @Override
        public void finishOperations() {
            finishing = true;
        }

        @Override
        public List<String> violations(String property, Controller ctl) {
            Map<G, Integer> held = new IdentityHashMap<>();
            for (Set<Integer> h : hand) {
                for (int g : h) {
                    held.put(byId[g], byId[g].readgstatus());
                }
            }
            Snapshot s = proc.snapshot(List.of(proc.allp), held.keySet());
            List<io.procspec.runtime.Invariants.Violation> vs = switch (property) {
                case "LocalFreeListBounded" -> {
                    List<io.procspec.runtime.Invariants.Violation> out = new ArrayList<>();
                    for (io.procspec.runtime.Invariants.Violation v : io.procspec.runtime.Invariants.localFreeListBounded(s)) {
                        int p = Integer.parseInt(v.detail().substring(1, v.detail().indexOf('.')));
                        if (!Labels.GFPUT_LOCK.equals(ctl.labelOf(p))) { // n == localMax is legal while about to spill
                            out.add(v);
                        }
                    }
                    yield out;
                }
                case "StackAccounting" -> io.procspec.runtime.Invariants.stackAccounting(s, held);
                case "ExactlyOnePlace" -> io.procspec.runtime.Invariants.exactlyOnePlace(s, held,
                        new ArrayList<>(ids.keySet()));
                case "FreeCountsMatch" -> io.procspec.runtime.Invariants.freeCountsMatch(s);
                case "GlobalFreeListsSorted" -> io.procspec.runtime.Invariants.globalFreeListsSorted(s);
                default -> throw new UnsupportedOperationException("the Java side of GFree cannot check " + property);
            };
            List<String> out = new ArrayList<>();
            for (io.procspec.runtime.Invariants.Violation v : vs) {
                out.add(v.toString());
            }
            return out;
        }

        @Override
        public void environment(String action, Map<String, String> before, Map<String, String> after) {
            switch (action) {
                case "GrowStack" -> {
                    List<Integer> b = RunQueueModule.ints(TlcValue.parse(before.get("stackSize")));
                    List<Integer> a = RunQueueModule.ints(TlcValue.parse(after.get("stackSize")));
                    for (int i = 0; i < b.size(); i++) {
                        if (!b.get(i).equals(a.get(i))) {
                            growStack(i + 1);
                        }
                    }
                }
                case "AdjustStartingStackSize" -> adjustStartingStackSize(Integer.parseInt(after.get("startingStackSize")));
                case "Terminating" -> { }
                default -> throw new IllegalArgumentException("GFree has no environment action " + action);
            }
        }

        /** GrowStack: G {@code g}'s stack doubles as copystack does it (stackalloc the new size, stackfree the old). */
        void growStack(int g) {
            G gp = byId[g];
            Stack old = gp.stack;
            Stack nw = proc.stacks.stackalloc(old.size() * 2); // copystack
            proc.stacks.stackfree(old);
            gp.stack = nw;
            gp.stackguard0 = nw.lo() + Arch.StackGuard;
        }

        /** AdjustStartingStackSize: startingStackSize becomes {@code size} spec units (of 2 KB), as a GC sets it. */
        void adjustStartingStackSize(int size) {
            proc.setStartingStackSize(UNIT * size);
        }

        @Override
        public Runnable body(int p) {
            return () -> {
                threads.put(Thread.currentThread(), p + 1);
                Cmd c = new Cmd("get", 0); // every P starts with newproc1's gfget
                P pp = proc.allp[p];
                while (!c.op().equals("done")) {
                    current[p] = c;
                    run(p, pp, c);
                    Cmd next = finishing ? new Cmd("done", 0) : chooser != null ? chooser.next(p, this) : pending[p];
                    pending[p] = null;
                    if (next == null) {
                        throw new RunQueueModule.Diverged("P" + (p + 1) + "'s " + c.op() + " returned, but the spec's P"
                                + (p + 1) + " is still inside an operation");
                    }
                    if (next.op().equals("put") && !hand.get(p).remove(next.g())) {
                        throw new RunQueueModule.Diverged("the spec's P" + (p + 1) + " frees G" + next.g()
                                + ", which the Java P does not hold");
                    }
                    c = next;
                }
                current[p] = c;
            };
        }

        /** The function every G newproc1 makes in direction 2 would run (it never runs: the G exits at once). */
        private static final io.procspec.runtime.FuncVal FN = new io.procspec.runtime.FuncVal(() -> { });

        private void run(int p, P pp, Cmd c) {
            switch (c.op()) {
                case "get" -> {
                    if (goidBatch > 0) {
                        newproc1(p, pp);
                        return;
                    }
                    G g = ops.gfget(pp);
                    if (g == null) {
                        g = proc.malg(Arch.StackMin);
                        proc.casgstatus(g, G._Gidle, G._Gdead);
                        int id = ids.size() + 1;
                        ids.put(g, id);
                        if (id <= numG) {
                            byId[id] = g;
                        }
                    }
                    hand.get(p).add(id(g));
                }
                case "put" -> ops.gfput(pp, byId[c.g()]);
                case "purge" -> ops.gfpurge(pp);
                default -> throw new IllegalStateException("unknown operation " + c.op());
            }
        }

        /**
         * Direction 2's get: Proc.newproc1 (gfget, else malg, casgstatus(_Gidle, _Gdead) and
         * allgadd; then the frame, _Grunnable and a goid from pp's cache), after which the G
         * runs and exits (casgstatus to _Grunning, then to _Gdead, as execute and goexit0 do), so
         * that it is in the state GFree's hand holds: dead, with its stack.
         */
        private void newproc1(int p, P pp) {
            G g = proc.newproc1(pp, FN, null, 0);
            goids.add(new long[] {g.goid, p + 1});
            if (!ids.containsKey(g)) { // made by malg just now
                int id = ids.size() + 1;
                ids.put(g, id);
                if (id <= numG) {
                    byId[id] = g;
                }
            }
            proc.casgstatus(g, G._Grunnable, G._Grunning);
            proc.casgstatus(g, G._Grunning, G._Gdead);
            hand.get(p).add(id(g));
        }

        /**
         * The goids newproc1 handed out, checked against the per-P caches (Proc.tla's
         * newproc1_goid; not a GFree variable, so TLC does not see them): every goid is handed out
         * once, and each batch of {@code goidBatch} goids (sched.goidgen moves by whole batches from
         * 0) is used by one P only. Empty when they hold.
         */
        List<String> goidViolations() {
            List<String> out = new ArrayList<>();
            Map<Long, Long> seen = new java.util.HashMap<>();
            Map<Long, Long> batchOwner = new java.util.HashMap<>();
            for (long[] x : goids) {
                Long was = seen.put(x[0], x[1]);
                if (was != null) {
                    out.add("GoidsUnique: goid " + x[0] + " handed out twice (P" + was + ", P" + x[1] + ")");
                }
                Long owner = batchOwner.putIfAbsent((x[0] - 1) / goidBatch, x[1]);
                if (owner != null && owner != x[1]) {
                    out.add("goid " + x[0] + " (P" + x[1] + ") is in a batch of P" + owner + "'s goid cache");
                }
            }
            return out;
        }

        int id(G g) {
            Integer i = g == null ? null : ids.get(g);
            if (g != null && i == null) {
                throw new RunQueueModule.Diverged("a G the driver never made appeared: " + g);
            }
            return i == null ? 0 : i;
        }

        private String ids(List<G> gs) {
            List<String> out = new ArrayList<>();
            for (G g : gs) {
                out.add(Tla.num(id(g)));
            }
            return Tla.tuple(out);
        }

        static String status(int s) {
            return Tla.str(switch (s) {
                case G._Gidle -> "idle";
                case G._Grunnable -> "runnable";
                case G._Grunning -> "running";
                case G._Gwaiting -> "waiting";
                case G._Gdead -> "dead";
                default -> "status(" + s + ")";
            });
        }

        @Override
        public Map<String, String> abstraction(Controller ctl) {
            Snapshot s = proc.snapshot();
            Map<String, String> out = new LinkedHashMap<>();
            List<String> local = new ArrayList<>();
            List<String> localN = new ArrayList<>();
            List<String> hands = new ArrayList<>();
            List<String> pcs = new ArrayList<>();
            List<String> pps = new ArrayList<>();
            for (int p = 0; p < numP; p++) {
                Snapshot.PView v = s.allp().get(p);
                local.add(ids(v.gFree()));
                localN.add(Tla.num(v.gFreeN()));
                List<String> hs = new ArrayList<>();
                for (int g : hand.get(p)) {
                    hs.add(Tla.num(g));
                }
                hands.add(Tla.set(hs));
                pcs.add(Tla.str(RunQueueModule.pcOf(ctl, p)));
                pps.add(Tla.num(p + 1));
            }
            out.put("gFreeLocal", Tla.tuple(local));
            out.put("gFreeLocalN", Tla.tuple(localN));
            out.put("gFreeStack", ids(s.gFreeStack()));
            out.put("gFreeNoStack", ids(s.gFreeNoStack()));
            out.put("gFreeN", Tla.num(s.gFreeN()));
            Integer holder = s.gFreeLockHolder() == null ? null : threads.get(s.gFreeLockHolder());
            out.put("gFreeLock", Tla.num(holder == null ? 0 : holder));
            List<String> status = new ArrayList<>();
            List<String> sizes = new ArrayList<>();
            List<String> unborn = new ArrayList<>();
            for (int i = 1; i <= numG; i++) {
                G g = byId[i];
                if (g == null) {
                    status.add(Tla.str("idle"));
                    sizes.add(Tla.num(0));
                    unborn.add(Tla.num(i));
                } else {
                    status.add(status(g.readgstatus()));
                    sizes.add(Tla.num(g.stack.present() ? g.stack.size() / UNIT : 0));
                }
            }
            out.put("status", Tla.tuple(status));
            out.put("unborn", Tla.set(unborn));
            out.put("stackSize", Tla.tuple(sizes));
            out.put("startingStackSize", Tla.num(s.startingStackSize() / UNIT));
            out.put("stacksAllocated", Tla.num(s.stacks().allocated()));
            out.put("stacksFreed", Tla.num(s.stacks().freed()));
            out.put("thrown", Tla.str(""));
            out.put("pp", Tla.tuple(pps));
            out.put("hand", Tla.tuple(hands));
            out.put("pc", Tla.tuple(pcs));
            return out;
        }
    }
}
