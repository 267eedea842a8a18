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
 *
 * <p>Every access to {@code runqhead}, {@code runqtail}, {@code runnext}, {@code status} and the
 * ring's slots goes through the accessors below, named by ordering; which ordering each access
 * needs, and what it synchronizes with, is in {@link Proc}'s class comment ("Memory ordering"),
 * procspec's one reference for it.
 */
public final class P {
    // P status values (runtime2.go)
    public static final int _Pidle = 0;
    public static final int _Prunning = 1;
    public static final int _Psyscall = 2;
    public static final int _Pgcstop = 3;
    public static final int _Pdead = 4;

    private static final VarHandle RUNQHEAD = VarHandles.field(MethodHandles.lookup(), "runqhead", int.class);
    private static final VarHandle RUNQTAIL = VarHandles.field(MethodHandles.lookup(), "runqtail", int.class);
    private static final VarHandle RUNNEXT = VarHandles.field(MethodHandles.lookup(), "runnext", G.class);
    private static final VarHandle STATUS = VarHandles.field(MethodHandles.lookup(), "status", int.class);

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
     * The ring: a power-of-two number of slots (256 in Go), accessed only through
     * {@link #loadPlainRunq} and {@link #storePlainRunq}. Slots are plain: only the owner writes
     * them (its own puts, and a thief's runqgrab copying into its own ring beyond its tail), and a
     * reader validates what it read with the later CAS of {@code runqhead}.
     */
    private final G[] runq;
    /** {@code runq.length - 1}: the slot of counter value {@code c} is {@code c & mask}. */
    private final int mask;
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

    /**
     * Who may run the owner-only operations on this P (Go's {@code pp.m}, widened to any thread):
     * null for a stand-alone P, whose owner is whoever calls (as in Go's tests); in a {@link Sched},
     * the M thread holding the P, {@link #IDLE} while it is on the idle list, {@link #SHUT_DOWN}
     * after shutdown. Only through {@link #loadPlainOwner} and {@link #storePlainOwner}.
     */
    private Object owner;

    /**
     * {@code owner}, read by {@link Proc}'s misuse check of the owner-only operations. Plain: the
     * check only asks "is it me?". The owner's thread wrote itself there (acquirep runs on it, the
     * shutdown caller writes itself) and program order lets it see its own latest write; any other
     * thread reads itself there never (a thread writes only itself, IDLE or SHUT_DOWN), so a stale
     * value can only refuse a call that is misuse anyway. Orders nothing.
     */
    Object loadPlainOwner() {
        return owner;
    }

    /** Sets {@code owner}: the thread that takes or gives up the P (acquirep, releasep, start, shutdown). Plain: see {@link #loadPlainOwner}. */
    void storePlainOwner(Object o) {
        owner = o;
    }

    /** {@link #owner} of a P on a scheduler's idle list. */
    static final Object IDLE = new Object() {
        @Override
        public String toString() {
            return "it is idle in a scheduler";
        }
    };

    /** {@link #owner} of a P of a scheduler that was shut down. */
    static final Object SHUT_DOWN = new Object() {
        @Override
        public String toString() {
            return "its scheduler was shut down";
        }
    };

    /** Why the calling thread may not use this P as its own, for messages. */
    String ownerDescription() {
        Object o = owner;
        return o instanceof Thread ? "it is held by thread " + ((Thread) o).getName() : String.valueOf(o);
    }

    // Counters, owner-written plain fields summed by Proc.stats() (racy reads are fine for stats).
    long nnewproc, nmalg, ngfgetReuse, nsteals, nstolen, nrunqputslow;

    /**
     * A stand-alone P, as Go's tests make with {@code new(p)}.
     *
     * @param id           the P's number
     * @param ringSize     slots in the ring; a power of two (Go: 256)
     * @param counterStart initial value of runqhead and runqtail (tests start near 2^32 to wrap)
     * @throws IllegalArgumentException if {@code id < 0} or the ring size is not a power of two ≥ 2
     */
    public P(int id, int ringSize, int counterStart) {
        if (id < 0) {
            throw new IllegalArgumentException("p id must be >= 0, got " + id);
        }
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

    // ---- accessors: every shared access to a P, named by location and ordering ---------------
    //
    // The legend (Proc's class comment, "Memory ordering", is the reference): an accessor is
    // <operation><Mode><Field>, with loadPlain/storePlain (plain), loadOpaque/storeOpaque,
    // loadAcquire, storeRelease, loadVolatile/storeVolatile, casRelease (a strong CAS with release
    // semantics: Go's atomic.CasRel) and casVolatile (a full, sequentially consistent CAS: Go's
    // atomic.Cas). They are public so that the bug catalogue's twins (copies of Proc's methods, in
    // mutants/) compile unchanged; Proc is their only correct user. Each is one VarHandle or array
    // access, which the JIT inlines: they cost nothing over writing the access in place.

    /** {@code atomic.LoadAcq(&pp.runqhead)}: see Proc's table, row runqhead. */
    public int loadAcquireRunqhead() {
        int v = (int) RUNQHEAD.getAcquire(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "runqhead", MemorySimulation.ACQUIRE, v) : v;
    }

    /** {@code atomic.Load(&pp.runqhead)} (runqempty): Go's Load is sequentially consistent. */
    public int loadVolatileRunqhead() {
        int v = (int) RUNQHEAD.getVolatile(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "runqhead", MemorySimulation.VOLATILE, v) : v;
    }

    /**
     * {@code atomic.CasRel(&pp.runqhead, h, nh)}: a strong CAS with release semantics (a consumer
     * commits its take). Returns whether head was {@code h} and is now {@code nh}.
     */
    public boolean casReleaseRunqhead(int h, int nh) {
        if (MemorySimulation.ON) {
            MemorySimulation.cas(this, "runqhead", MemorySimulation.RELEASE, h, nh, (int) RUNQHEAD.get(this));
        }
        return (int) RUNQHEAD.compareAndExchangeRelease(this, h, nh) == h;
    }

    /**
     * A plain store of runqhead. <b>No correct code path uses this</b>: Go moves head only by
     * CAS. It exists for the bug catalogue's twins (a consumer that commits with a store, bug
     * {@code runqgrab_no_cas}) and for tests that build a state; on a live P it breaks the queue.
     */
    public void storePlainRunqhead(int h) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(this, "runqhead", MemorySimulation.PLAIN, h, (int) RUNQHEAD.get(this));
        }
        RUNQHEAD.set(this, h);
    }

    /**
     * A plain load of runqhead. <b>No correct code path uses this</b>: Go reads head with
     * {@code atomic.LoadAcq}. For the bug catalogue's twin of {@code runqput_head_plain_load}.
     */
    public int loadPlainRunqhead() {
        int v = (int) RUNQHEAD.get(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "runqhead", MemorySimulation.PLAIN, v) : v;
    }

    /**
     * A CAS of runqhead without release semantics ({@code weakCompareAndSetPlain}: may also fail
     * spuriously, which consumers that retry tolerate). <b>No correct code path uses this</b>: Go
     * commits a take with {@code atomic.CasRel}. For the bug catalogue's twins of
     * {@code runqgrab_cas_plain} and the patch of {@code runqget_cas_plain} (see
     * {@link #casPlainRunnext} on the simulation hook).
     */
    public boolean casPlainRunqhead(int h, int nh) {
        if (MemorySimulation.ON) {
            MemorySimulation.cas(this, "runqhead", MemorySimulation.PLAIN, h, nh, (int) RUNQHEAD.get(this));
        }
        return RUNQHEAD.weakCompareAndSetPlain(this, h, nh);
    }

    /** {@code pp.runqtail} read by its owner, the only writer: plain. */
    public int loadPlainRunqtail() {
        int v = (int) RUNQTAIL.get(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "runqtail", MemorySimulation.PLAIN, v) : v;
    }

    /** {@code atomic.LoadAcq(&pp.runqtail)} (runqgrab): see Proc's table, row runqtail. */
    public int loadAcquireRunqtail() {
        int v = (int) RUNQTAIL.getAcquire(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "runqtail", MemorySimulation.ACQUIRE, v) : v;
    }

    /** {@code atomic.Load(&pp.runqtail)} (runqempty). */
    public int loadVolatileRunqtail() {
        int v = (int) RUNQTAIL.getVolatile(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "runqtail", MemorySimulation.VOLATILE, v) : v;
    }

    /** {@code atomic.StoreRel(&pp.runqtail, t)}: the owner publishes the slots written before it. */
    public void storeReleaseRunqtail(int t) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(this, "runqtail", MemorySimulation.RELEASE, t, (int) RUNQTAIL.get(this));
        }
        RUNQTAIL.setRelease(this, t);
    }

    /**
     * A plain store of runqtail. <b>No correct code path uses this</b>: the owner publishes with
     * {@link #storeReleaseRunqtail}. For the bug catalogue's twins (bug {@code runqtail_plain_store}).
     */
    public void storePlainRunqtail(int t) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(this, "runqtail", MemorySimulation.PLAIN, t, (int) RUNQTAIL.get(this));
        }
        RUNQTAIL.set(this, t);
    }

    /** {@code pp.runq[i%len(pp.runq)].ptr()}: a plain load of the slot of counter value {@code i}. */
    public G loadPlainRunq(int i) {
        G v = runq[i & mask];
        return MemorySimulation.ON ? (G) MemorySimulation.loadRef(runq, i & mask, MemorySimulation.PLAIN, v) : v;
    }

    /** {@code pp.runq[i%len(pp.runq)].set(gp)}: a plain store into the slot of counter value {@code i}. */
    public void storePlainRunq(int i, G gp) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(runq, i & mask, MemorySimulation.PLAIN, gp, runq[i & mask]);
        }
        runq[i & mask] = gp;
    }

    /** {@code pp.runnext} read plainly, as Go does; a later CAS validates it. */
    public G loadPlainRunnext() {
        G v = (G) RUNNEXT.get(this);
        return MemorySimulation.ON ? (G) MemorySimulation.loadRef(this, "runnext", MemorySimulation.PLAIN, v) : v;
    }

    /** {@code atomic.Loaduintptr(&pp.runnext)} (runqempty). */
    public G loadVolatileRunnext() {
        G v = (G) RUNNEXT.getVolatile(this);
        return MemorySimulation.ON ? (G) MemorySimulation.loadRef(this, "runnext", MemorySimulation.VOLATILE, v) : v;
    }

    /** {@code pp.runnext.cas(old, nw)}: Go's Casuintptr, a full (sequentially consistent) CAS. */
    public boolean casVolatileRunnext(G old, G nw) {
        if (MemorySimulation.ON) {
            MemorySimulation.cas(this, "runnext", MemorySimulation.VOLATILE, old, nw, RUNNEXT.get(this));
        }
        return RUNNEXT.compareAndSet(this, old, nw);
    }

    /**
     * A CAS of runnext without any ordering ({@code weakCompareAndSetPlain}: may also fail
     * spuriously, which callers that retry tolerate). <b>No correct code path uses this</b>: Go's
     * runnext CAS is full. For the bug catalogue's twin of {@code runqput_runnext_cas_plain}: the G
     * is then not published to the thief that takes it. The simulation hook records it as a plain
     * RMW; on x86 the JIT emits a locked CMPXCHG, which does not fail spuriously, so the simulated
     * and the real outcome agree there.
     */
    public boolean casPlainRunnext(G old, G nw) {
        if (MemorySimulation.ON) {
            MemorySimulation.cas(this, "runnext", MemorySimulation.PLAIN, old, nw, RUNNEXT.get(this));
        }
        return RUNNEXT.weakCompareAndSetPlain(this, old, nw);
    }

    /**
     * A volatile store of runnext. <b>No correct code path uses this</b>: runnext changes only by
     * CAS. For the bug catalogue's twins (bug {@code runqget_runnext_no_cas}).
     */
    public void storeVolatileRunnext(G g) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(this, "runnext", MemorySimulation.VOLATILE, g, RUNNEXT.get(this));
        }
        RUNNEXT.setVolatile(this, g);
    }

    /** {@code pp.status}, read racily by thieves (runqgrab's back-off, stealWork's idle skip): a hint. */
    public int loadOpaqueStatus() {
        return (int) STATUS.getOpaque(this);
    }

    /**
     * Sets {@code pp.status} (acquirep, releasep, pidleput), by the P's owner or under sched.lock.
     *
     * @throws IllegalArgumentException if {@code s} is not one of {@code _Pidle} … {@code _Pdead}
     */
    public void storeOpaqueStatus(int s) {
        if (s < _Pidle || s > _Pdead) {
            throw new IllegalArgumentException("storeOpaqueStatus: bad P status " + s);
        }
        STATUS.setOpaque(this, s);
    }

    // ---- views for tests, snapshots and checking ----------------------------------------------
    //
    // Not used by the algorithm. Exact only while no other thread changes the P (a quiescent
    // snapshot, or every logical thread parked at a scheduling point).

    /** Current runqhead (an acquire load). */
    public int runqhead() {
        return loadAcquireRunqhead();
    }

    /** Current runqtail (an acquire load). */
    public int runqtail() {
        return loadAcquireRunqtail();
    }

    /** Current runnext (a volatile load). */
    public G runnext() {
        return loadVolatileRunnext();
    }

    /** Slots in the ring: Go's {@code len(pp.runq)}. */
    public int ringSize() {
        return runq.length;
    }

    /** The ring slot for counter value {@code i} (a plain load). */
    public G slot(int i) {
        return loadPlainRunq(i);
    }

    /** The queued Gs from head to tail (not runnext). */
    public java.util.List<G> runqSnapshot() {
        int h = loadAcquireRunqhead();
        int t = loadAcquireRunqtail();
        java.util.List<G> out = new java.util.ArrayList<>();
        for (int i = h; i != t; i++) {
            out.add(loadPlainRunq(i));
        }
        return out;
    }

    /** tail - head as an unsigned 32-bit distance. */
    public long runqsize() {
        return Integer.toUnsignedLong(loadAcquireRunqtail() - loadAcquireRunqhead());
    }

    @Override
    public String toString() {
        return "p" + id;
    }
}
