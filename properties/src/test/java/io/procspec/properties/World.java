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

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of a sequential model-based run: the implementation ({@link Proc}, driven through
 * {@link QueueOps}), the {@link Model}, and the Gs the test holds. Each action runs on both,
 * compares results, and the chain's invariant then runs {@link Invariants#check}.
 */
final class World {
    static final FuncVal FN = new FuncVal(() -> {});

    final QueueOps ops;
    final Proc proc;
    final Model m;
    final int ring, counterStart, nprocs;
    final GoVersion version;
    /** Held Gs (taken off the queues) with their expected status, in the order taken. */
    final Map<G, Integer> held = new IdentityHashMap<>();
    final List<G> heldOrder = new ArrayList<>();
    final Set<String> labels = new LinkedHashSet<>();
    final Map<String, Long> edges = new TreeMap<>();
    final Map<String, Long> actions = new TreeMap<>();

    World(String variant, int ring, int counterStart, int nprocs, int[] gfree, GoVersion version) {
        this.ring = ring;
        this.counterStart = counterStart;
        this.nprocs = nprocs;
        this.version = version;
        SchedPoint point = l -> {
            labels.add(l);
            PropertyReport.labelFired(l, 1);
        };
        this.proc = new Proc(new ProcConfig().nprocs(nprocs).ringSize(ring).counterStart(counterStart)
                .checked("real".equals(variant)).gfree(gfree[0], gfree[1], gfree[2]).goVersion(version)
                .point(point).runnextBackoffNanos(0));
        this.ops = Catalogue.ops(variant, proc);
        this.m = Model.of(proc, gfree[0], gfree[1], gfree[2], 16, List.of());
    }

    void edge(String e) {
        edges.merge(e, 1L, Long::sum);
    }

    private void action(String a) {
        actions.merge(a, 1L, Long::sum);
    }

    void check() {
        if (mismatch != null) {
            throw new AssertionError("result differs from the model: " + mismatch);
        }
        Invariants.check(proc, m, held);
        for (P p : proc.allp) {
            if (counterStart != 0 && Integer.compareUnsigned(p.runqtail(), counterStart) < 0) {
                edge("counter wrapped");
            }
        }
    }

    private void hold(G g, int status) {
        held.put(g, status);
        heldOrder.add(g);
    }

    private void release(G g) {
        held.remove(g);
        heldOrder.remove(g);
    }

    List<G> heldWith(int status) {
        List<G> out = new ArrayList<>();
        for (G g : heldOrder) {
            if (held.get(g) == status) {
                out.add(g);
            }
        }
        return out;
    }

    /** A result that disagreed with the model; reported by the invariant after the action. */
    private String mismatch;

    /**
     * Records a disagreement for {@link #check()} (run after every action) to report, so that
     * every failure of a chain comes from the same place.
     */
    private void expect(boolean ok, String what) {
        if (!ok && mismatch == null) {
            mismatch = what;
        }
    }

    // ---- actions ---------------------------------------------------------------------------

    void newproc(int p) {
        action("newproc");
        boolean refill = m.gfgetRefills(p);
        G reuse = m.gfget(p);
        long goid = m.nextGoid(p);
        G g = ops.newproc(proc.allp[p], FN, null);
        if (reuse != null) {
            expect(g == reuse, "newproc took " + g + ", model expected free " + reuse);
            edge("newproc reused a free G");
            if (refill) {
                edge("gfget refilled from global");
            }
        } else {
            expect(!m.stack.containsKey(g), "newproc returned a known G " + g + " (model: a new one)");
            m.stack.put(g, (long) Arch.StackMin);
        }
        expect(g.goid == goid, "newproc goid " + g.goid + ", model " + goid);
        noteRunqput(p, g, true);
    }

    private void noteRunqput(int p, G g, boolean next) {
        boolean kicked = next && m.runnext[p] != null;
        boolean spill = m.runqput(p, g, next);
        if (kicked) {
            edge("runnext kicked to ring");
        }
        if (spill) {
            edge("runqputslow spilled");
        }
    }

    /**
     * The held G an action names by index. Shrinking removes earlier actions, so an index can be
     * out of range in a shrunk chain: it wraps (and an action with nothing to act on is a no-op),
     * so that shrunk chains fail for the same reason, not with an IndexOutOfBoundsException.
     */
    private G pick(List<G> gs, int idx) {
        return gs.isEmpty() ? null : gs.get(idx % gs.size());
    }

    void runqput(int p, int idx, boolean next) {
        action(next ? "runqput next" : "runqput");
        G g = pick(heldWith(G._Grunnable), idx);
        if (g == null) {
            return;
        }
        release(g);
        ops.runqput(proc.allp[p], g, next);
        noteRunqput(p, g, next);
    }

    void runqputbatch(int p, int k) {
        action("runqputbatch");
        List<G> gs = heldWith(G._Grunnable);
        gs = new ArrayList<>(gs.subList(0, Math.min(k, gs.size())));
        if (gs.isEmpty()) {
            return;
        }
        GQueue q = new GQueue();
        for (G g : gs) {
            release(g);
            q.pushBack(g);
        }
        proc.runqputbatch(proc.allp[p], q, gs.size());
        expect(q.empty(), "runqputbatch (1.14/1.21) left Gs on q");
        int i = 0;
        for (; i < gs.size() && m.ring.get(p).size() < m.cap; i++) {
            m.ring.get(p).addLast(gs.get(i));
        }
        if (i < gs.size()) {
            edge("runqputbatch overflowed to global");
        }
        for (; i < gs.size(); i++) {
            m.glob.addLast(gs.get(i));
        }
    }

    void runqget(int p) {
        action("runqget");
        Proc.Runqget want = m.runqget(p);
        Proc.Runqget got = ops.runqget(proc.allp[p]);
        expect(same(want, got), "runqget " + got + ", model " + want);
        if (got != null) {
            hold(got.gp(), G._Grunnable);
        }
    }

    private static boolean same(Proc.Runqget a, Proc.Runqget b) {
        return a == null ? b == null : b != null && a.gp() == b.gp() && a.inheritTime() == b.inheritTime();
    }

    void runqdrain(int p) {
        action("runqdrain");
        List<G> want = m.runqdrain(p);
        Proc.Drained got = proc.runqdrain(proc.allp[p]);
        List<G> gotList = new ArrayList<>();
        for (G g; (g = got.drainQ().pop()) != null; ) { // popped: a G still linked in drainQ is on a queue
            gotList.add(g);
        }
        expect(gotList.equals(want) && got.n() == want.size(), "runqdrain " + gotList + " (n=" + got.n() + "), model " + want);
        for (G g : gotList) {
            hold(g, G._Grunnable);
        }
    }

    void runqsteal(int thief, int victim, boolean stealNext) {
        action("runqsteal");
        if (m.ring.get(thief).size() > m.cap / 2) {
            return; // Proc refuses a thief without room for half a ring (Go steals only into an empty ring)
        }
        boolean fromNext = m.ring.get(victim).isEmpty() && stealNext && m.runnext[victim] != null;
        List<G> want = m.runqsteal(thief, victim, stealNext);
        G got = ops.runqsteal(proc.allp[thief], proc.allp[victim], stealNext);
        G w = want.isEmpty() ? null : want.get(want.size() - 1);
        expect(got == w, "runqsteal returned " + got + ", model " + w + " of batch " + want);
        if (got != null) {
            hold(got, G._Grunnable);
            edge(fromNext ? "runnext stolen" : want.size() > 1 ? "steal of several" : "steal of one");
        }
    }

    void runqempty(int p) {
        action("runqempty");
        boolean want = m.runqempty(p);
        boolean got = ops.runqempty(proc.allp[p]);
        expect(want == got, "runqempty " + got + ", model " + want);
    }

    void globrunqput(int idx, boolean head) {
        action(head ? "globrunqputhead" : "globrunqput");
        G g = pick(heldWith(G._Grunnable), idx);
        if (g == null) {
            return;
        }
        release(g);
        if (head) {
            proc.globrunqputheadLocked(g);
            m.globrunqputhead(g);
        } else {
            proc.globrunqputLocked(g);
            m.globrunqput(g);
        }
    }

    void globrunqget(int p, int max) {
        action("globrunqget");
        if (m.ring.get(p).size() > m.cap / 2 + 1) {
            return; // could spill under sched.lock (possible only in a shrunk chain)
        }
        G want = m.globrunqget(p, max);
        G got = proc.globrunqgetLocked(proc.allp[p], max);
        expect(want == got, "globrunqget " + got + ", model " + want);
        if (got != null) {
            hold(got, G._Grunnable);
        }
    }

    void gfput(int p, int idx) {
        action("gfput");
        G g = pick(heldOrder, idx);
        if (g == null) {
            return;
        }
        int s = held.get(g);
        release(g);
        if (s == G._Grunnable) {
            proc.casgstatus(g, G._Grunnable, G._Grunning);
            proc.casgstatus(g, G._Grunning, G._Gdead);
        }
        int before = m.gfree.get(p).size();
        if (m.stack.get(g) != 0 && m.stack.get(g) != m.startingStackSize) {
            edge("gfput freed an odd-size stack");
        }
        m.gfput(p, g);
        if (m.gfree.get(p).size() < before + 1) {
            edge("gfput spilled to global");
        }
        ops.gfput(proc.allp[p], g);
    }

    void gfget(int p) {
        action("gfget");
        boolean refill = m.gfgetRefills(p);
        G want = m.gfget(p);
        G got = proc.gfget(proc.allp[p]);
        expect(want == got, "gfget " + got + ", model " + want);
        if (got != null) {
            hold(got, G._Gdead);
            if (refill) {
                edge("gfget refilled from global");
            }
        }
    }

    void gfpurge(int p) {
        action("gfpurge");
        m.gfpurge(p);
        proc.gfpurge(proc.allp[p]);
    }

    void setStartingStackSize(int size) {
        action("startingStackSize");
        m.startingStackSize = size;
        proc.setStartingStackSize(size);
    }

    void setMainStarted(boolean b) {
        action("mainStarted");
        proc.setMainStarted(b);
    }

    /** Labels of {@link Labels} reached so far. */
    Set<String> labels() {
        return labels;
    }

    @Override
    public String toString() {
        return "World[" + ops.name() + ", ring=" + ring + ", counterStart=" + counterStart + ", nprocs=" + nprocs
                + ", " + version + "]";
    }
}
