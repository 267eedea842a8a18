package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Go's {@code schedt} (the global {@code sched}): the global run queue and free lists and the
 * counters the run-queue functions and the scheduler touch. The idle-P and idle-M lists, also
 * guarded by {@code sched.lock}, are {@link Idle}'s.
 *
 * <p>The fields read without a lock ({@code runqsize}, {@code nmspinning}, {@code npidle},
 * {@code goidgen}) are accessed only through the accessors below, named by ordering as in
 * {@link Proc}'s legend; {@link Proc}'s class comment ("Memory ordering") says, for each, who
 * writes and reads it and what it synchronizes with.
 */
public final class Schedt {
    private static final VarHandle RUNQSIZE = VarHandles.field(MethodHandles.lookup(), "runqsize", int.class);
    private static final VarHandle GOIDGEN = VarHandles.field(MethodHandles.lookup(), "goidgen", long.class);
    private static final VarHandle NPIDLE = VarHandles.field(MethodHandles.lookup(), "npidle", int.class);
    private static final VarHandle NMSPINNING = VarHandles.field(MethodHandles.lookup(), "nmspinning", int.class);
    private static final VarHandle NEEDSPINNING = VarHandles.field(MethodHandles.lookup(), "needspinning", int.class);

    /** sched.goidgen: the last goid handed out in a batch (atomic.Uint64 in Go). */
    @SuppressWarnings("unused") // through GOIDGEN
    private long goidgen;

    /** sched.lock: guards the global run queue (and, in the scheduler, {@link Idle}). */
    public final Mutex lock = new Mutex("sched.lock");

    /** Global runnable queue; guarded by {@link #lock}. */
    final GQueue runq = new GQueue();
    /**
     * Its length; written under {@link #lock}, read without it by findRunnable's checks (hints,
     * decided again under the lock) and by checkRunqsNoP's no-lost-wakeup recheck, which relies on
     * it (Proc's table, row {@code sched.runqsize}, says how).
     */
    @SuppressWarnings("unused") // through RUNQSIZE
    private int runqsize;

    /** sched.gFree: global cache of dead Gs, with and without stacks. */
    public static final class GFree {
        public final Mutex lock = new Mutex("sched.gFree.lock");
        /** Gs with stacks. */
        public final GList stack = new GList();
        /** Gs without stacks. */
        public final GList noStack = new GList();
        /** Total of both lists; guarded by lock. */
        public int n;
    }

    public final GFree gFree = new GFree();

    /** sched.npidle: number of idle Ps (atomic.Int32); written under {@link #lock}. */
    @SuppressWarnings("unused") // through NPIDLE
    private int npidle;
    /** sched.nmspinning: number of spinning Ms (atomic.Int32); see "No lost wakeups" in {@link MLoop}. */
    @SuppressWarnings("unused") // through NMSPINNING
    private int nmspinning;

    /**
     * sched.needspinning (Go 1.21, atomic.Uint32): 1 when a pidlegetSpinning found work it could
     * not take (no idle P); a non-spinning M about to idle its P sees it under sched.lock and
     * spins instead; becomeSpinning clears it. Volatile, as Go's atomics.
     */
    @SuppressWarnings("unused") // through NEEDSPINNING
    private int needspinning;

    // counters kept under sched.lock (statistics, not in Go)
    long nglobrunqput, nglobrunqget, nglobrunqgetGs;

    // ---- sched.runqsize ---------------------------------------------------------------------

    /** {@code sched.runqsize} read without the lock: opaque (see Proc's table, row runqsize). */
    public int loadOpaqueRunqsize() {
        return (int) RUNQSIZE.getOpaque(this);
    }

    /** {@code sched.runqsize} read by the holder of {@link #lock}: plain. */
    int loadPlainRunqsize() {
        return (int) RUNQSIZE.get(this);
    }

    /** {@code sched.runqsize = n} by the holder of {@link #lock}: opaque, for the racy readers. */
    void storeOpaqueRunqsize(int n) {
        RUNQSIZE.setOpaque(this, n);
    }

    // ---- sched.goidgen ----------------------------------------------------------------------

    /** {@code sched.goidgen.Add(n)}: an atomic add (volatile); returns the new value. */
    public long addVolatileGoidgen(long n) {
        if (MemorySimulation.ON) {
            MemorySimulation.add(this, "goidgen", MemorySimulation.VOLATILE, n, (long) GOIDGEN.get(this));
        }
        return (long) GOIDGEN.getAndAdd(this, n) + n;
    }

    /** {@code sched.goidgen.Load()}. */
    public long loadVolatileGoidgen() {
        return (long) GOIDGEN.getVolatile(this);
    }

    // ---- sched.npidle -----------------------------------------------------------------------

    /** {@code sched.npidle.Load()}. */
    public int loadVolatileNpidle() {
        return (int) NPIDLE.getVolatile(this);
    }

    /** {@code sched.npidle.Add(d)} (pidleput, pidleget: under {@link #lock}); returns the new value. */
    int addVolatileNpidle(int d) {
        return (int) NPIDLE.getAndAdd(this, d) + d;
    }

    // ---- sched.nmspinning -------------------------------------------------------------------

    /** {@code sched.nmspinning.Load()}. */
    public int loadVolatileNmspinning() {
        return (int) NMSPINNING.getVolatile(this);
    }

    /** {@code sched.nmspinning.CompareAndSwap(old, nw)} (wakep). */
    public boolean casVolatileNmspinning(int old, int nw) {
        return NMSPINNING.compareAndSet(this, old, nw);
    }

    /** {@code sched.nmspinning.Add(d)}; returns the new value. */
    public int addVolatileNmspinning(int d) {
        return (int) NMSPINNING.getAndAdd(this, d) + d;
    }

    // ---- sched.needspinning ------------------------------------------------------------------

    /** {@code sched.needspinning.Load()} (findRunnable, under sched.lock). */
    public int loadVolatileNeedspinning() {
        return (int) NEEDSPINNING.getVolatile(this);
    }

    /** {@code sched.needspinning.Store(v)} (pidlegetSpinning: 1; becomeSpinning: 0). */
    void storeVolatileNeedspinning(int v) {
        NEEDSPINNING.setVolatile(this, v);
    }

    // ---- views for tests and snapshots ------------------------------------------------------

    /** sched.runqsize (an opaque load). */
    public int runqsize() {
        return loadOpaqueRunqsize();
    }

    /** The global run queue from head to tail (quiescent snapshot, or under {@link #lock}). */
    public java.util.List<G> runqSnapshot() {
        return runq.toList();
    }
}
