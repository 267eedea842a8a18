package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Go's {@code p}: a processor, the right to run Gs, with its local run queue and free-G cache.
 *
 * <h2>Run queue invariants</h2>
 * <ul>
 *   <li>{@code runqhead} and {@code runqtail} are Go's {@code uint32} counters, Java {@code int}s
 *       that wrap; {@code runqtail - runqhead} (unsigned) is the number of queued Gs, always
 *       {@code <= runq.length}. Slot {@code i & mask} holds the G of counter value {@code i}.</li>
 *   <li>Only the owner writes {@code runqtail} and the ring's slots; any P advances
 *       {@code runqhead}, by CAS. {@code runnext} is set non-null only by the owner and cleared by
 *       CAS by anyone.</li>
 *   <li>{@code gFree} and the goid cache are touched only by the owner.</li>
 * </ul>
 */
public final class P {
    // P status values (runtime2.go)
    public static final int _Pidle = 0;
    public static final int _Prunning = 1;
    public static final int _Psyscall = 2;
    public static final int _Pgcstop = 3;
    public static final int _Pdead = 4;

    private static final VarHandle RUNQHEAD;
    private static final VarHandle RUNQTAIL;
    private static final VarHandle RUNNEXT;
    private static final VarHandle STATUS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            RUNQHEAD = l.findVarHandle(P.class, "runqhead", int.class);
            RUNQTAIL = l.findVarHandle(P.class, "runqtail", int.class);
            RUNNEXT = l.findVarHandle(P.class, "runnext", G.class);
            STATUS = l.findVarHandle(P.class, "status", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Go's {@code p.gFree}: a gList with its length. Owner-only. */
    public static final class GFree extends GList {
        public int n;
    }

    public final int id;
    /** _Pidle, _Prunning, … Read racily by thieves (runqgrab's back-off). */
    private int status = _Pidle;
    /** Counts scheduler calls; inheritTime does not advance it. Owner-only. */
    public int schedtick;

    // Queue of runnable goroutines. Accessed without lock.
    private int runqhead;
    private int runqtail;
    /**
     * The ring: a power-of-two number of slots (256 in Go). Slots are plain: only the owner writes
     * them (its own puts, and a thief's runqgrab copying into its own ring beyond its tail), and a
     * reader validates what it read with the later CAS of {@code runqhead}. Public, like the
     * ordered accessors below, for the bug catalogue's twins ({@code mutants/}), which are copies
     * of {@link Proc}'s methods; nothing outside {@link Proc} writes it in correct code.
     */
    public final G[] runq;
    /** {@code runq.length - 1}: the slot of counter value {@code c} is {@code c & mask}. */
    public final int mask;
    /**
     * runnext, if non-null, is a runnable G that was ready'd by the current G and should be run
     * next instead of what's in runq if there's time remaining in the running G's time slice.
     */
    private G runnext;

    /** Free Gs with status _Gdead. */
    public final GFree gFree = new GFree();

    // goid cache: [goidcache, goidcacheend) were handed to this P by sched.goidgen.
    public long goidcache;
    public long goidcacheend;

    /**
     * The second result of this P's last successful {@code runqget} (Go returns {@code (gp,
     * inheritTime)}): true when the G came from runnext. Owner-only; kept here so that the
     * scheduler's loop allocates no result object per G.
     */
    boolean runqgetInheritTime;

    /** gfput's and gfpurge's batches by kind (Go's are on the stack): owner-only scratch, empty between calls. */
    final GQueue gfStackQ = new GQueue();
    final GQueue gfNoStackQ = new GQueue();
    /** runqputslow's batch queue (Go's is on the stack): owner-only scratch, emptied by globrunqputbatch. */
    final GQueue slowQ = new GQueue();

    /** runqputslow's batch array, reused (Go's is on the stack): owner-only scratch. */
    final G[] slowBatch;

    // Counters, owner-written plain fields summed by Proc.stats() (racy reads are fine for stats).
    long nnewproc, nmalg, ngfgetReuse, nsteals, nstolen, nrunqputslow;

    /**
     * A stand-alone P, as Go's tests make with {@code new(p)}.
     *
     * @param id           the P's number
     * @param ringSize     slots in the ring; a power of two (Go: 256)
     * @param counterStart initial value of runqhead and runqtail (tests start near 2^32 to wrap)
     */
    public P(int id, int ringSize, int counterStart) {
        if (ringSize < 2 || (ringSize & (ringSize - 1)) != 0) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2, got " + ringSize);
        }
        this.id = id;
        this.runq = new G[ringSize];
        this.mask = ringSize - 1;
        this.runqhead = counterStart;
        this.runqtail = counterStart;
        this.slowBatch = new G[ringSize / 2 + 1];
    }

    /** A stand-alone P with Go's ring of 256 and counters at 0. */
    public P(int id) {
        this(id, 256, 0);
    }

    // ---- accessors, named by ordering (JCTools style: lv = load-acquire, so = store-release) ----
    //
    // Legend: lv = load-acquire, v = volatile (sequentially consistent) load, lp = plain load,
    // so = store-release, sp = plain store, sv = volatile store, casRel = CAS with release
    // semantics, cas = full (volatile) CAS. These are public so that the bug catalogue's twins
    // (copies of Proc's methods, in mutants/) compile unchanged; Proc is their only correct user.

    /** atomic.LoadAcq(&pp.runqhead): synchronizes with the CasRel of the consumer that last moved head. */
    public int lvRunqhead() {
        return (int) RUNQHEAD.getAcquire(this);
    }

    /** atomic.LoadAcq(&pp.runqtail): synchronizes with the owner's StoreRel, so slots below tail are visible. */
    public int lvRunqtail() {
        return (int) RUNQTAIL.getAcquire(this);
    }

    /** atomic.Load(&pp.runqhead) (runqempty): Go's Load is sequentially consistent. */
    public int vRunqhead() {
        return (int) RUNQHEAD.getVolatile(this);
    }

    /** atomic.Load(&pp.runqtail) (runqempty). */
    public int vRunqtail() {
        return (int) RUNQTAIL.getVolatile(this);
    }

    /** pp.runqtail read by its owner: plain, the owner is the only writer. */
    public int lpRunqtail() {
        return (int) RUNQTAIL.get(this);
    }

    /** atomic.StoreRel(&pp.runqtail, t): publishes the slots written before it to acquiring readers of tail. */
    public void soRunqtail(int t) {
        RUNQTAIL.setRelease(this, t);
    }

    /**
     * atomic.CasRel(&pp.runqhead, h, h+n): a strong CAS with release semantics, so the slot reads
     * that precede it happen-before the owner's reuse of those slots (the owner load-acquires head).
     */
    public boolean casRelRunqhead(int h, int nh) {
        return (int) RUNQHEAD.compareAndExchangeRelease(this, h, nh) == h;
    }

    /** pp.runnext read plainly, as Go does; a later CAS validates it. */
    public G lpRunnext() {
        return (G) RUNNEXT.get(this);
    }

    /** atomic.Loaduintptr(&pp.runnext) (runqempty). */
    public G vRunnext() {
        return (G) RUNNEXT.getVolatile(this);
    }

    /** pp.runnext.cas(old, new): Go's Casuintptr is a full (sequentially consistent) CAS. */
    public boolean casRunnext(G old, G nw) {
        return RUNNEXT.compareAndSet(this, old, nw);
    }

    /**
     * A plain store of runqhead. <b>No correct code path uses this</b>: Go moves head only by
     * CAS. It exists for the bug catalogue's twins (a consumer that commits with a store, bug
     * {@code runqgrab_no_cas}) and for tests that build a state; on a live P it breaks the queue.
     */
    public void spRunqhead(int h) {
        RUNQHEAD.set(this, h);
    }

    /**
     * A plain store of runqtail. <b>No correct code path uses this</b>: the owner publishes with
     * {@link #soRunqtail}. For the bug catalogue's twins (bug {@code runqtail_plain_store}).
     */
    public void spRunqtail(int t) {
        RUNQTAIL.set(this, t);
    }

    /**
     * A volatile store of runnext. <b>No correct code path uses this</b>: runnext changes only by
     * CAS. For the bug catalogue's twins (bug {@code runqget_runnext_no_cas}).
     */
    public void svRunnext(G g) {
        RUNNEXT.setVolatile(this, g);
    }

    /** The P's status, read racily by thieves (runqgrab). */
    public int status() {
        return (int) STATUS.getOpaque(this);
    }

    /** Sets the P's status (the scheduler: acquirep/releasep/pidleput). */
    public void setStatus(int s) {
        STATUS.setOpaque(this, s);
    }

    // ---- views for tests, snapshots and checking ----------------------------------------------

    /** Current runqhead (acquire). */
    public int runqhead() {
        return lvRunqhead();
    }

    /** Current runqtail (acquire). */
    public int runqtail() {
        return lvRunqtail();
    }

    /** Current runnext (volatile read). */
    public G runnext() {
        return vRunnext();
    }

    /** Slots in the ring. */
    public int ringSize() {
        return runq.length;
    }

    /** The ring slot for counter value {@code i} (tests and snapshots; a plain read). */
    public G slot(int i) {
        return runq[i & mask];
    }

    /**
     * The queued Gs from head to tail (not runnext). Meaningful only while no other thread
     * changes the queue (a quiescent snapshot).
     */
    public java.util.List<G> runqSnapshot() {
        int h = lvRunqhead();
        int t = lvRunqtail();
        java.util.List<G> out = new java.util.ArrayList<>();
        for (int i = h; i != t; i++) {
            out.add(runq[i & mask]);
        }
        return out;
    }

    /** tail - head as an unsigned 32-bit distance (quiescent snapshot). */
    public long runqsize() {
        return Integer.toUnsignedLong(lvRunqtail() - lvRunqhead());
    }

    @Override
    public String toString() {
        return "p" + id;
    }
}
