package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code schedt} (the global {@code sched}): the global run queue and free lists and the
 * counters the run-queue functions touch. The scheduler's idle-P and idle-M lists live in
 * {@link Sched}.
 */
public final class Schedt {
    private static final VarHandle RUNQSIZE;

    static {
        try {
            RUNQSIZE = MethodHandles.lookup().findVarHandle(Schedt.class, "runqsize", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** sched.goidgen: the last goid handed out in a batch (atomic.Uint64 in Go). */
    public final AtomicLong goidgen = new AtomicLong();

    /** sched.lock: guards the global run queue (and, in the scheduler, the idle lists). */
    public final Mutex lock = new Mutex("sched.lock");

    /** Global runnable queue; guarded by {@link #lock}. */
    final GQueue runq = new GQueue();
    /** Its length; written under {@link #lock}, read racily by findRunnable's fast checks. */
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

    /** Number of idle Ps (atomic.Int32). */
    public final AtomicInteger npidle = new AtomicInteger();
    /** Number of spinning Ms (atomic.Int32). See "Worker thread parking/unparking" in proc.go. */
    public final AtomicInteger nmspinning = new AtomicInteger();

    // counters kept under sched.lock
    long nglobrunqput, nglobrunqget, nglobrunqgetGs;

    /** sched.runqsize, read without the lock (a hint, as Go's fast-path checks use it). */
    public int runqsize() {
        return (int) RUNQSIZE.getOpaque(this);
    }

    /** sched.runqsize under the lock. */
    int runqsizeLocked() {
        return runqsize;
    }

    void addRunqsize(int d) {
        RUNQSIZE.setOpaque(this, runqsize + d); // opaque: read racily by runqsize()
    }

    /** The global run queue from head to tail (quiescent snapshot, or under {@link #lock}). */
    public java.util.List<G> runqSnapshot() {
        return runq.toList();
    }
}
