package io.procspec.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of everything the spec models about a {@link Proc}: every P's ring
 * (head to tail, and the raw slots), runnext, the head/tail counters, the free lists and their
 * counts, the goid caches; the global run queue and {@code sched.runqsize}; the global free lists
 * and {@code sched.gFree.n}; {@code goidgen}, {@code npidle}, {@code nmspinning}; the stack
 * allocator's counters; who holds {@code sched.lock} and {@code sched.gFree.lock}; and, for every
 * G that appears anywhere (or that the caller holds outside the queues), an immutable copy of its
 * status, goid, stack, stack guard, parent and schedlink. Two snapshots are equal exactly when
 * all of this is (Gs by identity), so a test can show that an operation changed nothing.
 *
 * <p><b>When it is exact.</b> The snapshot reads the shared state with plain or acquire loads and
 * walks the intrusive lists, so it is exact only while no other thread changes the Proc: after the
 * threads finished, or while every logical thread waits at a scheduling point (a controlled run),
 * or in a jcstress {@code @Arbiter}. Taken while threads run, it is a best-effort picture (a ring
 * whose {@code tail - head} exceeds the ring is then clipped to the ring size). A list whose
 * links were corrupted into a cycle is cut at the first G met again, which is listed twice
 * ({@link GQueue#toList()}), so {@code ExactlyOnePlace} reports it instead of the walk hanging.
 *
 * <p>Gs are kept by identity (the lists hold the {@link G} objects themselves); their mutable
 * fields are copied into {@link GView}s, so a later change of a G does not change the snapshot.
 * The names follow runtime2.go and the spec ({@code spec/tla}); {@link Invariants} checks the
 * spec's invariants on a snapshot.
 *
 * <p>Take one with {@link Proc#snapshot()} or {@link Proc#snapshot(List, Collection)}.
 *
 * @param allp              the Ps, in the order given (by default {@code proc.allp})
 * @param globrunq          {@code sched.runq}, head to tail
 * @param runqsize          {@code sched.runqsize}
 * @param gFreeStack        {@code sched.gFree.stack}, head first (Gs that keep a stack)
 * @param gFreeNoStack      {@code sched.gFree.noStack}, head first
 * @param gFreeN            {@code sched.gFree.n}
 * @param goidgen           {@code sched.goidgen}: the last goid handed out in a batch
 * @param npidle            {@code sched.npidle}
 * @param nmspinning        {@code sched.nmspinning}
 * @param startingStackSize the stack size gfget gives a G, in bytes
 * @param gfreeLocalMax     gfput's spill threshold (Go: 64), from the Proc's configuration
 * @param stacks            the stack allocator's counters
 * @param schedLockHolder   the thread holding {@code sched.lock}, or null
 * @param gFreeLockHolder   the thread holding {@code sched.gFree.lock}, or null
 * @param gs                every G in any structure above, in a P's ring slots, or passed as
 *                          held, with a copy of its fields (keyed by identity: G does not
 *                          override equals)
 */
public record Snapshot(
        List<PView> allp,
        List<G> globrunq, int runqsize,
        List<G> gFreeStack, List<G> gFreeNoStack, int gFreeN,
        long goidgen, int npidle, int nmspinning,
        int startingStackSize, int gfreeLocalMax,
        StackCounts stacks,
        Thread schedLockHolder, Thread gFreeLockHolder,
        Map<G, GView> gs) {

    /**
     * One P.
     *
     * @param id           {@code pp.id}
     * @param status       {@code pp.status} ({@link P#_Pidle}, …)
     * @param schedtick    {@code pp.schedtick}
     * @param runqhead     {@code pp.runqhead} (Go's uint32, a wrapping Java int)
     * @param runqtail     {@code pp.runqtail}
     * @param runq         the queued Gs from head to tail (not runnext); at most the ring size
     * @param slots        the raw ring, slot 0 first, stale entries included (null where never written)
     * @param runnext      {@code pp.runnext}, or null
     * @param gFree        {@code pp.gFree}, head first
     * @param gFreeN       {@code pp.gFree.n}
     * @param goidcache    {@code pp.goidcache}
     * @param goidcacheend {@code pp.goidcacheend}
     */
    public record PView(int id, int status, int schedtick, int runqhead, int runqtail, List<G> runq,
                        List<G> slots, G runnext, List<G> gFree, int gFreeN, long goidcache,
                        long goidcacheend) {

        /** {@code runqtail - runqhead} as Go's unsigned 32-bit distance. */
        public long size() {
            return Integer.toUnsignedLong(runqtail - runqhead);
        }

        /** The ring's number of slots. */
        public int ringSize() {
            return slots.size();
        }
    }

    /**
     * A copy of a G's mutable fields.
     *
     * @param goid        {@code gp.goid} (0 until newproc1 gives one)
     * @param status      {@code gp.atomicstatus} ({@link G#_Grunnable}, …)
     * @param stack       {@code gp.stack} ({@link Stack#NONE} when freed)
     * @param stackguard0 {@code gp.stackguard0}: {@code stack.lo + StackGuard}, or 0 without a stack
     * @param parentGoid  {@code gp.parentGoid}
     * @param schedlink   {@code gp.schedlink}: the next G on its list or queue, or null (the last
     *                    one, or a G on none)
     */
    public record GView(long goid, int status, Stack stack, long stackguard0, long parentGoid, G schedlink) {
        static GView of(G g) {
            return new GView(g.goid, g.readgstatus(), g.stack, g.stackguard0, g.parentGoid, g.schedlink);
        }
    }

    /**
     * The stack allocator's counters: {@code allocated - freed == inUse} stacks, {@code bytesInUse}
     * bytes.
     */
    public record StackCounts(long allocated, long freed, long inUse, long bytesInUse) {}

    /** The view of {@code pp} (by identity of its id among {@link #allp}); throws if absent. */
    public PView p(int id) {
        for (PView v : allp) {
            if (v.id() == id) {
                return v;
            }
        }
        throw new IllegalArgumentException("no P " + id + " in this snapshot");
    }

    /** The copy of g's fields; throws if g is not in this snapshot. */
    public GView g(G g) {
        GView v = gs.get(g);
        if (v == null) {
            throw new IllegalArgumentException(g + " is not in this snapshot");
        }
        return v;
    }

    static Snapshot of(Proc proc, List<P> ps, Collection<G> held) {
        // G keeps Object's equals and hashCode (identity), so a LinkedHashMap is keyed by identity
        // and, unlike an IdentityHashMap (which compares values by reference too), two snapshots'
        // maps are equal when their copies are; insertion order makes toString deterministic.
        Map<G, GView> gs = new LinkedHashMap<>();
        List<PView> views = new ArrayList<>(ps.size());
        for (P p : ps) {
            int h = p.loadAcquireRunqhead();
            int t = p.loadAcquireRunqtail();
            long n = Math.min(Integer.toUnsignedLong(t - h), p.ringSize());
            List<G> ring = new ArrayList<>((int) n);
            for (int i = 0; i < n; i++) {
                ring.add(p.loadPlainRunq(h + i));
            }
            G[] raw = new G[p.ringSize()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = p.loadPlainRunq(i);
            }
            List<G> slots = Collections.unmodifiableList(Arrays.asList(raw));
            G next = p.loadVolatileRunnext();
            List<G> free = p.gFree.toList();
            views.add(new PView(p.id, p.loadOpaqueStatus(), p.schedtick, h, t, Collections.unmodifiableList(ring), slots,
                    next, Collections.unmodifiableList(free), p.gFree.n, p.goidcache, p.goidcacheend));
            note(gs, ring);
            note(gs, slots);
            note(gs, free);
            if (next != null) {
                gs.put(next, GView.of(next));
            }
        }
        Schedt sched = proc.sched;
        List<G> glob = sched.runq.toList();
        List<G> st = sched.gFree.stack.toList();
        List<G> ns = sched.gFree.noStack.toList();
        note(gs, glob);
        note(gs, st);
        note(gs, ns);
        if (held != null) {
            note(gs, held);
        }
        StackAllocator a = proc.stacks;
        return new Snapshot(Collections.unmodifiableList(views),
                Collections.unmodifiableList(glob), sched.loadOpaqueRunqsize(),
                Collections.unmodifiableList(st), Collections.unmodifiableList(ns), sched.gFree.n,
                sched.loadVolatileGoidgen(), sched.loadVolatileNpidle(), sched.loadVolatileNmspinning(),
                proc.startingStackSize(), proc.cfg.gfreeLocalMax,
                new StackCounts(a.allocated(), a.freed(), a.inUse(), a.bytesInUse()),
                sched.lock.holder(), sched.gFree.lock.holder(),
                Collections.unmodifiableMap(gs));
    }

    private static void note(Map<G, GView> gs, Collection<G> list) {
        for (G g : list) {
            if (g != null && !gs.containsKey(g)) {
                gs.put(g, GView.of(g));
            }
        }
    }
}
