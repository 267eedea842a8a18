package io.procspec.properties;

import io.procspec.runtime.Arch;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Labels;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.SchedPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Property family 3: free-running threads at scale, no controller. An owner P runs a random
 * script of puts (with and without next), bursts that fill the ring and spill, gets, and stack
 * size changes, cycled until it has created up to a few hundred thousand Gs; 1–3 thieves steal
 * from it in loops. Counters start a little below 2^32 so they wrap. Afterwards:
 * <ul>
 *   <li>the multiset of Gs taken equals the multiset put: no loss, no duplicate;</li>
 *   <li>FIFO: every G that went through the owner's ring got a position (its tail value); each
 *       taker (the owner's gets, each thief's steals, each spill) took increasing positions, each
 *       steal and spill a run of consecutive ones, and together they took every position once;</li>
 *   <li>each steal took between 1 and ceil(half) of what was there: n &lt;= ceil((T - h)/2) with h
 *       its first position and T the victim's tail read just after the steal;</li>
 *   <li>free lists and stacks add up: every G is dead on exactly one free list, counts equal
 *       lengths, global {@code stack}/{@code noStack} lists hold Gs with/without stacks, and the
 *       allocator's live stacks are exactly the Gs holding one.</li>
 * </ul>
 * This machine has 2 cores: with 2 or 3 thieves the threads outnumber the cores and interleave
 * by time slicing; the statistics record how often ("oversubscribed").
 */
@AddLifecycleHook(PropertyReport.Hook.class)
class FreeRunningProperties {

    enum Step { PUT, PUT_NEXT, GET, BURST, RESIZE }

    /** A script, cycled until {@code gs} Gs were created (each pass ends with one extra PUT). */
    record Script(int ring, int belowWrap, int thieves, int gs, List<Step> steps) implements PropertyReport.Sized {
        @Override
        public int size() {
            return steps.size();
        }
    }

    static final FuncVal FN = new FuncVal(() -> {});

    @Property(tries = 30)
    void stealingKeepsEveryGOnceAndInOrder(@ForAll("scripts") Script script) throws Exception {
        Result r = run("real", script);
        r.report();
        Statistics.label("edge").coverage(c -> {
            for (String e : List.of("runqputslow spilled", "steal of several", "counter wrapped",
                    "gfput spilled to global", "gfget refilled from global")) {
                c.check(e).count(n -> n > 0);
            }
        });
    }

    @Provide
    Arbitrary<Script> scripts() {
        int scale = PropertyReport.gsScale();
        return Combinators.combine(Arbitraries.of(4, 8, 256), Arbitraries.integers().between(1, 1000),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(20_000 * scale, 200_000 * scale),
                Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(6, Step.PUT), net.jqwik.api.Tuple.of(3, Step.PUT_NEXT),
                        net.jqwik.api.Tuple.of(6, Step.GET), net.jqwik.api.Tuple.of(1, Step.BURST),
                        net.jqwik.api.Tuple.of(1, Step.RESIZE)).list().ofMinSize(1).ofMaxSize(30))
                .as(Script::new);
    }

    /** Counts label patterns per thread that show a CAS failing and its loop retrying. */
    static final class PatternCounter implements SchedPoint {
        final ThreadLocal<String[]> last = ThreadLocal.withInitial(() -> new String[1]);
        final Map<String, LongAdder> hits = new ConcurrentHashMap<>();

        @Override
        public void at(String label) {
            String[] l = last.get();
            String prev = l[0];
            l[0] = label;
            if (prev == null) {
                return;
            }
            if (prev.equals(Labels.RUNQPUTSLOW_CAS) && label.equals(Labels.RUNQPUT_LOADHEAD)) {
                hit("runqputslow CAS failed, runqput retried");
            } else if (prev.equals(Labels.RUNQGRAB_CAS) && label.equals(Labels.RUNQGRAB_LOADHEAD)) {
                hit("runqgrab CAS failed, retried");
            } else if (prev.equals(Labels.RUNQGET_CAS) && label.equals(Labels.RUNQGET_LOADHEAD)) {
                hit("runqget CAS failed, retried");
            } else if (prev.equals(Labels.RUNQGET_CASNEXT) && label.equals(Labels.RUNQGET_LOADHEAD)) {
                hit("runnext stolen between runqget's load and CAS");
            }
        }

        private void hit(String k) {
            hits.computeIfAbsent(k, x -> new LongAdder()).increment();
        }
    }

    /** What a run recorded. */
    static final class Result {
        final Script script;
        final Map<String, Long> edges = new HashMap<>();
        long millis;

        Result(Script script) {
            this.script = script;
        }

        void edge(String e, long n) {
            if (n > 0) {
                edges.merge(e, n, Long::sum);
            }
        }

        void report() {
            PropertyReport.collect("ring", script.ring());
            PropertyReport.collect("thieves", script.thieves());
            int cores = Runtime.getRuntime().availableProcessors();
            PropertyReport.collect("threads vs cores", 1 + script.thieves() > cores ? "oversubscribed" : "within cores");
            PropertyReport.collect("Gs", script.gs() < 100_000 ? "<100k" : ">=100k");
            for (Map.Entry<String, Long> e : edges.entrySet()) {
                PropertyReport.collect("edge", e.getKey());
                PropertyReport.edge(e.getKey(), e.getValue());
            }
            PropertyReport.note("Gs created", script.gs());
            PropertyReport.note("millis running", millis);
            PropertyReport.note("cores", String.valueOf(cores)); // a fact, not a figure to add up over tries
        }
    }

    private record Steal(long[] goids, long tailAfter) {}

    static Result run(String variant, Script sc) throws Exception {
        Result res = new Result(sc);
        PatternCounter hook = new PatternCounter();
        int nprocs = 1 + sc.thieves();
        int counterStart = -sc.belowWrap();
        Proc proc = new Proc(new ProcConfig().nprocs(nprocs).ringSize(sc.ring()).counterStart(counterStart)
                .checked(false).goVersion(GoVersion.GO1_21).point(hook).runnextBackoffNanos(0));
        QueueOps ops = Catalogue.ops(variant, proc);
        P owner = proc.allp[0];
        int cap = sc.ring();
        long start = Integer.toUnsignedLong(counterStart);
        long[] pos = new long[sc.gs() + 64];
        Arrays.fill(pos, -1);
        List<Long> ownerTakes = new ArrayList<>();
        long[] spills = {0};
        long[] ownerRefills = {0};
        Throwable[] failure = new Throwable[nprocs];
        List<List<Steal>> steals = new ArrayList<>();
        for (int t = 0; t < sc.thieves(); t++) {
            steals.add(new ArrayList<>());
        }
        java.util.concurrent.atomic.AtomicBoolean ownerDone = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean abandon = new java.util.concurrent.atomic.AtomicBoolean();
        long t0 = System.nanoTime();
        Thread ownerThread = new Thread(() -> {
            try {
                long created = 0;
                // a script without a put step still creates Gs: every pass ends with a PUT
                List<Step> pass = new ArrayList<>(sc.steps());
                pass.add(Step.PUT);
                while (created < sc.gs()) {
                    for (Step st : pass) {
                        if (created >= sc.gs()) {
                            break;
                        }
                        switch (st) {
                            case PUT:
                            case PUT_NEXT:
                            case BURST: {
                                int k = st == Step.BURST ? cap + 1 : 1;
                                for (int i = 0; i < k && created < sc.gs(); i++) {
                                    boolean global = !proc.sched.gFree.stack.empty() || !proc.sched.gFree.noStack.empty();
                                    if (owner.gFree.empty() && global) {
                                        ownerRefills[0]++;
                                    }
                                    G g = proc.newproc1(owner, FN, null, 0);
                                    created++;
                                    int tb = owner.runqtail();
                                    int qb = proc.sched.runqsize();
                                    ops.runqput(owner, g, st == Step.PUT_NEXT);
                                    int ta = owner.runqtail();
                                    if (ta == tb + 1) {
                                        G placed = owner.slot(tb);
                                        pos[(int) placed.goid] = start + Integer.toUnsignedLong(tb - counterStart);
                                    }
                                    if (proc.sched.runqsize() != qb) {
                                        spills[0]++;
                                    }
                                }
                                break;
                            }
                            case GET: {
                                Proc.Runqget r = ops.runqget(owner);
                                if (r != null) {
                                    ownerTakes.add(r.inheritTime() ? -r.gp().goid : r.gp().goid);
                                    exit(ops, proc, owner, r.gp());
                                }
                                break;
                            }
                            case RESIZE:
                                proc.setStartingStackSize(proc.startingStackSize() == Arch.StackMin
                                        ? 2 * Arch.StackMin : Arch.StackMin);
                                break;
                            default:
                                throw new AssertionError(st);
                        }
                    }
                }
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                ownerDone.set(true);
            }
        }, "owner");
        List<Thread> thieves = new ArrayList<>();
        for (int t = 1; t < nprocs; t++) {
            final int tid = t;
            final P me = proc.allp[t];
            final List<Steal> mine = steals.get(t - 1);
            thieves.add(new Thread(() -> {
                try {
                    int misses = 0;
                    boolean next = tid % 2 == 0;
                    while (!abandon.get() && (!ownerDone.get() || !proc.runqempty(owner))) {
                        next = !next;
                        int tt = me.runqtail();
                        G g = ops.runqsteal(me, owner, next);
                        long after = Integer.toUnsignedLong(owner.runqtail() - counterStart) + start;
                        if (g == null) {
                            if (++misses % 64 == 0) {
                                Thread.yield();
                            } else {
                                Thread.onSpinWait();
                            }
                            continue;
                        }
                        int n = me.runqtail() - tt + 1;
                        long[] batch = new long[n];
                        for (int i = 0; i < n - 1; i++) {
                            batch[i] = me.slot(tt + i).goid;
                        }
                        batch[n - 1] = g.goid;
                        mine.add(new Steal(batch, after));
                        for (int i = 0; i < n - 1; i++) {
                            Proc.Runqget r = proc.runqget(me);
                            if (r == null || r.gp().goid != batch[i]) {
                                throw new AssertionError("thief's own ring lost FIFO order");
                            }
                            exit(ops, proc, me, r.gp());
                        }
                        exit(ops, proc, me, g);
                    }
                } catch (Throwable e) {
                    failure[tid] = e;
                }
            }, "thief" + t));
        }
        ownerThread.setDaemon(true);
        thieves.forEach(th -> th.setDaemon(true));
        ownerThread.start();
        thieves.forEach(Thread::start);
        // Wait while the run makes progress: a hang (a G stuck in the ring, a livelocked steal)
        // fails after STALL_MILLIS without a change of any ring's head or tail, not after minutes.
        List<Thread> all = new ArrayList<>(thieves);
        all.add(0, ownerThread);
        long lastProgress = System.nanoTime();
        long lastMark = progressMark(proc);
        boolean stalled = false;
        for (Thread th : all) {
            while (th.isAlive() && !stalled) {
                th.join(100);
                long mark = progressMark(proc);
                if (mark != lastMark) {
                    lastMark = mark;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_MILLIS * 1_000_000L) {
                    stalled = true;
                }
            }
        }
        if (stalled) {
            abandon.set(true);
        }
        res.millis = (System.nanoTime() - t0) / 1_000_000;
        for (Throwable e : failure) {
            if (e instanceof AssertionError) {
                throw (AssertionError) e;
            }
            if (e != null) {
                throw new AssertionError("a thread failed: " + e, e);
            }
        }
        if (stalled || ownerThread.isAlive() || thieves.stream().anyMatch(Thread::isAlive)) {
            throw new AssertionError("no progress for " + STALL_MILLIS + " ms: no ring's head or tail moved"
                    + " while threads were still running (a G stuck in a ring, or a livelock)");
        }
        // ---- what is left: the owner's queue (should be empty) and the global queue (spills)
        List<G> left = new ArrayList<>();
        for (GQueue dq = proc.runqdrain(owner).drainQ(); !dq.empty(); ) {
            left.add(dq.pop()); // popped: gfput refuses a G still linked in a queue
        }
        List<G> glob = new ArrayList<>(); // taken off the global queue: gfput refuses a G still on it
        proc.sched.lock.lock();
        try {
            for (G g; (g = proc.globrunqget()) != null; ) {
                glob.add(g);
            }
        } finally {
            proc.sched.lock.unlock();
        }
        // ---- multiset: every goid created exactly once taken
        long[] taken = new long[pos.length];
        List<String> bad = new ArrayList<>();
        for (long x : ownerTakes) {
            taken[(int) Math.abs(x)]++;
        }
        long stealsTotal = 0, several = 0, runnextSteals = 0;
        for (List<Steal> l : steals) {
            for (Steal s : l) {
                stealsTotal++;
                for (long x : s.goids()) {
                    taken[(int) x]++;
                }
            }
        }
        for (G g : left) {
            taken[(int) g.goid]++;
        }
        for (G g : glob) {
            taken[(int) g.goid]++;
        }
        long createdIds = 0;
        for (int id = 1; id < taken.length; id++) {
            if (id <= sc.gs() && taken[id] != 1) {
                bad.add("g" + id + " taken " + taken[id] + " times");
            } else if (id > sc.gs() && taken[id] != 0) {
                bad.add("g" + id + " was never created but taken");
            }
            if (bad.size() > 10) {
                break;
            }
        }
        // ---- FIFO: each taker's positions increase; steals and spills take consecutive runs
        Set<Long> seenPos = new HashSet<>();
        long lastOwner = -1;
        for (long x : ownerTakes) {
            if (x > 0 && pos[(int) x] >= 0) {
                long p = pos[(int) x];
                if (p <= lastOwner) {
                    bad.add("owner took position " + p + " after " + lastOwner);
                }
                lastOwner = p;
                if (!seenPos.add(p)) {
                    bad.add("position " + p + " taken twice");
                }
            }
        }
        for (List<Steal> l : steals) {
            long last = -1;
            for (Steal s : l) {
                long[] b = s.goids();
                if (b.length == 1 && pos[(int) b[0]] < 0) {
                    runnextSteals++;
                    continue;
                }
                if (b.length > 1) {
                    several++;
                }
                long first = pos[(int) b[0]];
                for (int i = 0; i < b.length; i++) {
                    long p = pos[(int) b[i]];
                    if (p != first + i) {
                        bad.add("steal " + Arrays.toString(b) + " not a consecutive run of positions");
                        break;
                    }
                    seenPos.add(p);
                }
                if (first <= last) {
                    bad.add("a thief stole position " + first + " after " + last);
                }
                last = first + b.length - 1;
                long there = s.tailAfter() - first;
                if (b.length > (there + 1) / 2) {
                    bad.add("steal of " + b.length + " when at most " + there + " were there (ceil half "
                            + (there + 1) / 2 + ")");
                }
            }
        }
        int group = cap / 2 + 1;
        if (glob.size() % group != 0) {
            bad.add("global queue of " + glob.size() + " is not whole spills of " + group);
        } else {
            long last = -1;
            for (int i = 0; i < glob.size(); i += group) {
                long first = pos[(int) glob.get(i).goid];
                for (int j = 0; j < group - 1; j++) {
                    long p = pos[(int) glob.get(i + j).goid];
                    if (p != first + j) {
                        bad.add("spill " + i / group + " not a consecutive run of positions");
                        break;
                    }
                    seenPos.add(p);
                }
                if (first <= last) {
                    bad.add("spill took position " + first + " after " + last);
                }
                last = first + group - 2;
            }
        }
        long endTail = Integer.toUnsignedLong(owner.runqtail() - counterStart) + start;
        if (seenPos.size() != endTail - start && bad.isEmpty()) {
            bad.add(seenPos.size() + " ring positions taken, " + (endTail - start) + " were used");
        }
        // ---- the leftovers die too, then free lists and stacks must add up
        for (G g : left) {
            exit(QueueOps.real(proc), proc, owner, g);
        }
        for (G g : glob) {
            exit(QueueOps.real(proc), proc, owner, g);
        }
        freeListsAddUp(proc, bad);
        if (!bad.isEmpty()) {
            throw new AssertionError("free-running run of " + sc + " broke: " + String.join("; ", bad));
        }
        res.edge("runqputslow spilled", spills[0]);
        res.edge("steal of several", several);
        res.edge("runnext stolen", runnextSteals);
        res.edge("steals", stealsTotal);
        res.edge("counter wrapped", Integer.compareUnsigned(owner.runqtail(), counterStart) < 0 ? 1 : 0);
        res.edge("gfget refilled from global", ownerRefills[0]);
        res.edge("gfput spilled to global", proc.sched.gFree.n > 0 || ownerRefills[0] > 0 ? 1 : 0);
        for (Map.Entry<String, LongAdder> e : hook.hits.entrySet()) {
            res.edge(e.getKey(), e.getValue().sum());
        }
        return res;
    }

    /** The G "runs" and exits: _Grunnable → _Grunning → _Gdead, then gfput on pp. */
    static void exit(QueueOps ops, Proc proc, P pp, G g) {
        proc.casgstatus(g, G._Grunnable, G._Grunning);
        proc.casgstatus(g, G._Grunning, G._Gdead);
        ops.gfput(pp, g);
    }

    static void freeListsAddUp(Proc proc, List<String> bad) {
        Set<G> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long withStack = 0;
        Set<Long> stackIds = new HashSet<>();
        List<List<G>> lists = new ArrayList<>();
        for (P p : proc.allp) {
            List<G> l = p.gFree.toList();
            if (l.size() != p.gFree.n) {
                bad.add(p + " gFree.n " + p.gFree.n + " != length " + l.size());
            }
            lists.add(l);
        }
        List<G> st = proc.sched.gFree.stack.toList();
        List<G> ns = proc.sched.gFree.noStack.toList();
        if (st.size() + ns.size() != proc.sched.gFree.n) {
            bad.add("sched.gFree.n " + proc.sched.gFree.n + " != " + st.size() + " + " + ns.size());
        }
        for (G g : st) {
            if (!g.stack.present()) {
                bad.add(g + " on sched.gFree.stack has no stack");
                break;
            }
        }
        for (G g : ns) {
            if (g.stack.present()) {
                bad.add(g + " on sched.gFree.noStack has a stack");
                break;
            }
        }
        lists.add(st);
        lists.add(ns);
        for (List<G> l : lists) {
            for (G g : l) {
                if (!seen.add(g)) {
                    bad.add(g + " on two free lists (or twice on one)");
                }
                if (g.readgstatus() != G._Gdead) {
                    bad.add(g + " free but not dead");
                }
                if (g.stack.present()) {
                    withStack++;
                    if (!stackIds.add(g.stack.id())) {
                        bad.add("stack " + g.stack.id() + " held twice");
                    }
                }
            }
        }
        if (seen.size() != proc.allgs().size()) {
            bad.add(seen.size() + " Gs on free lists, " + proc.allgs().size() + " were made");
        }
        if (proc.stacks.inUse() != withStack) {
            bad.add("stacks in use " + proc.stacks.inUse() + " != Gs holding one " + withStack);
        }
    }

    /** How long a free-running run may show no progress before it fails ({@code -Dprocspec.stall.seconds}, default 10). */
    static final long STALL_MILLIS = 1000L * Long.getLong("procspec.stall.seconds", 10);

    /** Changes whenever any P's runqhead or runqtail moves (racy reads: only compared for change). */
    private static long progressMark(Proc proc) {
        long m = 0;
        for (P p : proc.allp) {
            m = m * 31 + p.runqhead();
            m = m * 31 + p.runqtail();
        }
        return m;
    }
}
