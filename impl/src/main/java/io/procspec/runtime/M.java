package io.procspec.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * Go's {@code m}: a worker thread, here a Java platform thread. An M runs Gs only while it holds a
 * {@link P}; without one it is spinning on its way to park, or parked on {@code sched.midle}.
 *
 * <h2>Ownership of the fields</h2>
 * <ul>
 *   <li>{@link #p}, {@link #curg}, {@link #spinning}: the M itself, except that {@link MLoop#startm}
 *       sets {@code spinning} and {@link #nextp} on an M that is parked (off every list, so no one
 *       else touches it) and then publishes them through {@link #notewakeup()}, or before
 *       {@link Thread#start()} for a new M.</li>
 *   <li>{@link #schedlink}: the holder of {@code sched.lock} (the idle-M list).</li>
 * </ul>
 */
final class M extends Thread {
    /** The scheduler this M belongs to. */
    final Sched owner;
    /** The loop this M runs. */
    final MLoop loop;
    /** m.id. */
    final long mid;

    /** m.p: the attached P, or null. */
    P p;
    /** m.nextp: the P handed over by startm, acquired when the M wakes (null: exit, at shutdown). */
    P nextp;
    /** m.spinning: out of local work and looking for work to steal; counted in sched.nmspinning. */
    boolean spinning;
    /** findRunnable's second result for the G it returned: run it in the current time slice. M-only. */
    boolean inheritTime;
    /** m.curg: the G running on this M, or null while the M is in the scheduler. */
    G curg;
    /** Next M on sched.midle; guarded by sched.lock. */
    M schedlink;

    /**
     * m.park: the note the M sleeps on in stopm. Written true by notewakeup after nextp and
     * spinning: the volatile write releases them, and the M's volatile read that sees true
     * acquires them (then {@code LockSupport.unpark}/{@code park} only wake it). Read and cleared
     * by the M itself. Not in the spec (it models the hand-over as one step, {@code startm}).
     */
    private volatile boolean park;

    /** Counted down when the thread body ends (shutdown waits on it: a registered M may not have started yet). */
    final java.util.concurrent.CountDownLatch exited = new java.util.concurrent.CountDownLatch(1);

    /** fastrand state (xorshift64*), owner-only. */
    private long rnd;

    /**
     * A driven M ({@link Sched#startDriven}): its loop runs on a thread a harness supplies (a
     * controller's logical thread), never on this Thread object, which is never started; its
     * park note is waited for at scheduling points ({@link #notesleep}). False for every M of a
     * scheduler started with {@link Sched#start}.
     */
    final boolean driven;

    /**
     * In {@link #notesleep}: between mPark and its return (the spec's {@code parked}). Written
     * by the M itself; read by {@link Sched#schedSnapshot} while every thread waits at a point.
     */
    boolean sleeping;

    /** The M driven on the calling thread ({@link Sched#startDriven}), for {@link #current()}. */
    static final ThreadLocal<M> DRIVEN = new ThreadLocal<>();

    M(Sched owner, MLoop loop, long mid) {
        this(owner, loop, mid, false);
    }

    M(Sched owner, MLoop loop, long mid, boolean driven) {
        super("procspec-m" + mid);
        this.owner = owner;
        this.loop = loop;
        this.mid = mid;
        this.driven = driven;
        this.rnd = 0x9E3779B97F4A7C15L * (mid + 1) ^ System.nanoTime();
        if (rnd == 0) {
            rnd = 1;
        }
        setDaemon(true);
    }

    /** mstart: the thread body: acquire nextp and run the schedule loop until shutdown. */
    @Override
    public void run() {
        try {
            loop.mstart(this);
        } finally {
            exited.countDown();
        }
    }

    /**
     * notesleep(&m.park) then noteclear(&m.park): sleep until notewakeup. A driven M waits at the
     * scheduling point {@link Labels#STOPM} instead (the spec's M stays at {@code stopm}, parked,
     * until its {@code Wakeup}): a controller grants it once startm has woken it.
     */
    void notesleep() {
        sleeping = true;
        if (driven) {
            do { // the wake-up is a step of its own, also for an M woken before it slept (M 1 at the start)
                loop.proc.point.at(Labels.STOPM);
            } while (!park);
        } else {
            while (!park) {
                LockSupport.park(this);
                Thread.interrupted(); // an M is not interruptible: a stray interrupt must not make park spin
            }
        }
        sleeping = false;
        park = false;
    }

    /** notewakeup(&m.park): release the sleeping M. */
    void notewakeup() {
        park = true;
        if (!driven) {
            LockSupport.unpark(this);
        }
    }

    /** fastrand: a cheap per-M random number (unsigned 32 bits in an int). */
    int fastrand() {
        long x = rnd;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        rnd = x;
        return (int) ((x * 0x2545F4914F6CDD1DL) >>> 32);
    }

    /** The M running the calling thread, or null when the caller is not an M of any scheduler. */
    static M current() {
        Thread t = Thread.currentThread();
        return t instanceof M ? (M) t : DRIVEN.get();
    }

    @Override
    public String toString() {
        return "m" + mid;
    }
}
