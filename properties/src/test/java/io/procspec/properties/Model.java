package io.procspec.properties;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * A plain sequential model of the run queues and free lists: lists and maps, no atomics, no
 * counters that wrap. Each method is the specification of one proc.go function run alone.
 * Copyable, so the linearizability checker can try orders.
 */
final class Model {
    final int cap;
    final int nprocs;
    final int localMax, localKeep, refill, goidBatch;
    final List<LinkedList<G>> ring = new ArrayList<>();
    final G[] runnext;
    /** runqput(next)'s old runnext between its two actions (swap, then kick to the ring). */
    final G[] inflight;
    /** Linearizability only: which path a thief's steal took at its first action (1 ring, 2 runnext). */
    final int[] stealMode;
    /** P-local free lists, head first. */
    final List<LinkedList<G>> gfree = new ArrayList<>();
    final LinkedList<G> glob = new LinkedList<>();
    final LinkedList<G> gStack = new LinkedList<>();
    final LinkedList<G> gNoStack = new LinkedList<>();
    /** Stack size of every known G (0: none). */
    final Map<G, Long> stack = new IdentityHashMap<>();
    int startingStackSize;
    long goidgen;
    final long[] goidcache, goidcacheend;

    Model(int cap, int nprocs, int localMax, int localKeep, int refill, int goidBatch, int startingStackSize) {
        this.cap = cap;
        this.nprocs = nprocs;
        this.localMax = localMax;
        this.localKeep = localKeep;
        this.refill = refill;
        this.goidBatch = goidBatch;
        this.startingStackSize = startingStackSize;
        this.runnext = new G[nprocs];
        this.inflight = new G[nprocs];
        this.stealMode = new int[nprocs];
        this.goidcache = new long[nprocs];
        this.goidcacheend = new long[nprocs];
        for (int i = 0; i < nprocs; i++) {
            ring.add(new LinkedList<>());
            gfree.add(new LinkedList<>());
        }
    }

    Model(Model o) {
        this(o.cap, o.nprocs, o.localMax, o.localKeep, o.refill, o.goidBatch, o.startingStackSize);
        for (int i = 0; i < nprocs; i++) {
            ring.get(i).addAll(o.ring.get(i));
            gfree.get(i).addAll(o.gfree.get(i));
            runnext[i] = o.runnext[i];
            inflight[i] = o.inflight[i];
            stealMode[i] = o.stealMode[i];
            goidcache[i] = o.goidcache[i];
            goidcacheend[i] = o.goidcacheend[i];
        }
        glob.addAll(o.glob);
        gStack.addAll(o.gStack);
        gNoStack.addAll(o.gNoStack);
        stack.putAll(o.stack);
        goidgen = o.goidgen;
    }

    /** The model of a quiescent Proc (and of Gs held outside it, for their stacks). */
    static Model of(Proc proc, int localMax, int localKeep, int refill, int goidBatch, Iterable<G> held) {
        Model m = new Model(proc.allp[0].ringSize(), proc.allp.length, localMax, localKeep, refill, goidBatch,
                proc.startingStackSize());
        for (int i = 0; i < m.nprocs; i++) {
            P p = proc.allp[i];
            m.ring.get(i).addAll(p.runqSnapshot());
            m.runnext[i] = p.runnext();
            m.gfree.get(i).addAll(p.gFree.toList());
            m.goidcache[i] = p.goidcache;
            m.goidcacheend[i] = p.goidcacheend;
        }
        m.glob.addAll(proc.sched.runqSnapshot());
        m.gStack.addAll(proc.sched.gFree.stack.toList());
        m.gNoStack.addAll(proc.sched.gFree.noStack.toList());
        m.goidgen = proc.sched.loadVolatileGoidgen();
        for (G g : m.placed().keySet()) {
            m.stack.put(g, g.stack.size());
        }
        for (G g : held) {
            m.stack.put(g, g.stack.size());
        }
        return m;
    }

    /** Every G on a model structure, with its place. */
    Map<G, String> placed() {
        Map<G, String> where = new IdentityHashMap<>();
        for (int i = 0; i < nprocs; i++) {
            for (G g : ring.get(i)) {
                where.put(g, "runq" + i);
            }
            if (runnext[i] != null) {
                where.put(runnext[i], "runnext" + i);
            }
            for (G g : gfree.get(i)) {
                where.put(g, "gfree" + i);
            }
        }
        for (G g : glob) {
            where.put(g, "globrunq");
        }
        for (G g : gStack) {
            where.put(g, "sched.gFree.stack");
        }
        for (G g : gNoStack) {
            where.put(g, "sched.gFree.noStack");
        }
        return where;
    }

    // ---- run queues ------------------------------------------------------------------------

    /** runqput; returns true when it spilled half the ring (runqputslow). */
    boolean runqput(int p, G g, boolean next) {
        if (next) {
            G old = runnext[p];
            runnext[p] = g;
            if (old == null) {
                return false;
            }
            g = old;
        }
        LinkedList<G> r = ring.get(p);
        if (r.size() < cap) {
            r.addLast(g);
            return false;
        }
        for (int i = 0; i < cap / 2; i++) {
            glob.addLast(r.removeFirst());
        }
        glob.addLast(g);
        return true;
    }

    /** runqput(next)'s first action: the CAS of runnext; the old one is in flight. */
    void runqputNextSwap(int p, G g) {
        inflight[p] = runnext[p];
        runnext[p] = g;
    }

    /** runqput(next)'s second action: the old runnext to the tail (may spill). */
    void runqputNextKick(int p) {
        G old = inflight[p];
        inflight[p] = null;
        if (old != null) {
            runqput(p, old, false);
        }
    }

    /** runqget: runnext first (inheritTime), else the ring's head; null when empty. */
    Proc.Runqget runqget(int p) {
        if (runnext[p] != null) {
            G g = runnext[p];
            runnext[p] = null;
            return new Proc.Runqget(g, true);
        }
        LinkedList<G> r = ring.get(p);
        return r.isEmpty() ? null : new Proc.Runqget(r.removeFirst(), false);
    }

    /** runqdrain: runnext, then the ring. */
    List<G> runqdrain(int p) {
        List<G> out = new ArrayList<>();
        if (runnext[p] != null) {
            out.add(runnext[p]);
            runnext[p] = null;
        }
        out.addAll(ring.get(p));
        ring.get(p).clear();
        return out;
    }

    /** Gs runqgrab would take from victim: ceil(size/2) from the head, or runnext if the ring is empty. */
    int stealCount(int victim, boolean stealNext) {
        int n = ring.get(victim).size();
        n = n - n / 2;
        if (n == 0 && stealNext && runnext[victim] != null) {
            return 1;
        }
        return n;
    }

    /**
     * runqsteal: the batch in FIFO order; its last G is the one returned, the others go to the
     * thief's ring. Empty list: nothing stolen.
     */
    List<G> runqsteal(int thief, int victim, boolean stealNext) {
        List<G> batch = new ArrayList<>();
        LinkedList<G> r = ring.get(victim);
        int n = r.size() - r.size() / 2;
        if (n == 0) {
            if (stealNext && runnext[victim] != null) {
                batch.add(runnext[victim]);
                runnext[victim] = null;
            }
            return batch;
        }
        for (int i = 0; i < n; i++) {
            batch.add(r.removeFirst());
        }
        ring.get(thief).addAll(batch.subList(0, n - 1));
        return batch;
    }

    boolean runqempty(int p) {
        return ring.get(p).isEmpty() && runnext[p] == null;
    }

    void globrunqput(G g) {
        glob.addLast(g);
    }

    void globrunqputhead(G g) {
        glob.addFirst(g);
    }

    /** globrunqget(pp, max) (Go 1.14/1.21) with its runqputs. */
    G globrunqget(int p, int max) {
        int size = glob.size();
        if (size == 0) {
            return null;
        }
        int n = size / nprocs + 1;
        n = Math.min(n, size);
        if (max > 0) {
            n = Math.min(n, max);
        }
        n = Math.min(n, cap / 2);
        G g = glob.removeFirst();
        for (int i = 1; i < n; i++) {
            runqput(p, glob.removeFirst(), false);
        }
        return g;
    }

    // ---- free lists ------------------------------------------------------------------------

    void gfput(int p, G g) {
        long sz = stack.get(g);
        if (sz != startingStackSize && sz != 0) {
            stack.put(g, 0L);
        }
        LinkedList<G> l = gfree.get(p);
        l.addFirst(g);
        if (l.size() >= localMax) {
            LinkedList<G> st = new LinkedList<>();
            LinkedList<G> ns = new LinkedList<>();
            while (l.size() >= localKeep) {
                G g1 = l.removeFirst();
                if (stack.get(g1) == 0) {
                    ns.addFirst(g1);
                } else {
                    st.addFirst(g1);
                }
            }
            gNoStack.addAll(0, ns);
            gStack.addAll(0, st);
        }
    }

    /** gfget: refill from the global lists (stacks first) when the local list is empty; fix the stack. */
    G gfget(int p) {
        LinkedList<G> l = gfree.get(p);
        if (l.isEmpty() && (!gStack.isEmpty() || !gNoStack.isEmpty())) {
            while (l.size() < refill) {
                G g = !gStack.isEmpty() ? gStack.removeFirst() : gNoStack.pollFirst();
                if (g == null) {
                    break;
                }
                l.addFirst(g);
            }
        }
        G g = l.pollFirst();
        if (g == null) {
            return null;
        }
        long sz = stack.get(g);
        if (sz != 0 && sz != startingStackSize) {
            sz = 0;
        }
        if (sz == 0) {
            sz = startingStackSize;
        }
        stack.put(g, sz);
        return g;
    }

    /** Whether gfget(p) would take the global lock to refill. */
    boolean gfgetRefills(int p) {
        return gfree.get(p).isEmpty() && (!gStack.isEmpty() || !gNoStack.isEmpty());
    }

    void gfpurge(int p) {
        LinkedList<G> l = gfree.get(p);
        LinkedList<G> st = new LinkedList<>();
        LinkedList<G> ns = new LinkedList<>();
        while (!l.isEmpty()) {
            G g1 = l.removeFirst();
            if (stack.get(g1) == 0) {
                ns.addFirst(g1);
            } else {
                st.addFirst(g1);
            }
        }
        gNoStack.addAll(0, ns);
        gStack.addAll(0, st);
    }

    /** newproc1's goid for P p. */
    long nextGoid(int p) {
        if (goidcache[p] == goidcacheend[p]) {
            goidgen += goidBatch;
            goidcache[p] = goidgen - (goidBatch - 1);
            goidcacheend[p] = goidcache[p] + goidBatch;
        }
        return goidcache[p]++;
    }

    /** Identity-based comparison of everything but the stack map's keys order. */
    String diff(Model o) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nprocs; i++) {
            if (!ring.get(i).equals(o.ring.get(i))) {
                sb.append("runq").append(i).append(' ').append(ring.get(i)).append(" vs ").append(o.ring.get(i)).append("; ");
            }
            if (runnext[i] != o.runnext[i]) {
                sb.append("runnext").append(i).append(' ').append(runnext[i]).append(" vs ").append(o.runnext[i]).append("; ");
            }
            if (!gfree.get(i).equals(o.gfree.get(i))) {
                sb.append("gfree").append(i).append(' ').append(gfree.get(i)).append(" vs ").append(o.gfree.get(i)).append("; ");
            }
        }
        if (!glob.equals(o.glob)) {
            sb.append("globrunq ").append(glob).append(" vs ").append(o.glob).append("; ");
        }
        if (!gStack.equals(o.gStack)) {
            sb.append("gFree.stack ").append(gStack).append(" vs ").append(o.gStack).append("; ");
        }
        if (!gNoStack.equals(o.gNoStack)) {
            sb.append("gFree.noStack ").append(gNoStack).append(" vs ").append(o.gNoStack).append("; ");
        }
        return sb.toString();
    }
}
