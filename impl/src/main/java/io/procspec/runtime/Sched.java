package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.G._Grunnable;
import static io.procspec.runtime.G._Grunning;
import static io.procspec.runtime.Labels.BECOMESPINNING;
import static io.procspec.runtime.Labels.CHECKRUNQSNOP_LOCK;
import static io.procspec.runtime.Labels.FINDRUNNABLE_DROPSPINNING;
import static io.procspec.runtime.Labels.FINDRUNNABLE_LOCKIDLE;
import static io.procspec.runtime.Labels.FINDRUNNABLE_UNLOCKIDLE;
import static io.procspec.runtime.Labels.STARTM;
import static io.procspec.runtime.Labels.STOPM;
import static io.procspec.runtime.Labels.WAKEP_LOCK;

/**
 * A Go-style goroutine scheduler on the ported queues of {@link Proc}: worker threads (Ms) holding
 * processors (Ps) run goroutines (Gs) to completion, steal from each other, park when there is no
 * work, and recycle dead Gs through {@code gfput}. Go 1.21's {@code src/runtime/proc.go} is the
 * reference; the methods below carry its names.
 *
 * <pre>{@code
 * Sched s = new Sched();
 * s.start();                          // GOMAXPROCS = availableProcessors()
 * s.go(() -> System.out.println("hello from a goroutine"));
 * s.awaitQuiescence();                // no G runnable or running
 * List<Runnable> neverRan = s.shutdown();
 * }</pre>
 *
 * <h2>Implementation overview</h2>
 *
 * <p><b>G, M, P.</b> A G is a function to run ({@code gp.sched.ctxt}) with a stack descriptor and a
 * status. A P is the right to run Gs: it owns a 256-slot run queue plus {@code runnext}, a cache
 * of free Gs and a goid cache. An M is a platform thread; it runs Gs only while it holds a P, so at
 * most GOMAXPROCS Gs run at once. Ms are started on demand ({@link #startm}) and never exit before
 * {@link #shutdown}; an M with nothing to do parks on {@code sched.midle} ({@link #stopm}) with its P
 * on {@code sched.pidle} ({@link #pidleput}). Both idle lists are guarded by {@code sched.lock}, the
 * lock that also guards the global run queue.
 *
 * <p><b>The life of a G.</b> {@link #go} inside a G is Go's {@code newproc}: {@code newproc1} takes
 * a dead G from the P's free list ({@code gfget}, refilled from the global lists) or makes one
 * ({@code malg}), makes it {@code _Grunnable}, puts it in the P's {@code runnext} (kicking the
 * previous runnext into the ring; a full ring spills half to the global queue) and calls
 * {@code wakep}. {@link #schedule} finds it ({@link #findRunnable}), {@link #execute} switches it to
 * {@code _Grunning} and runs its function to the end (Gs cannot block or be preempted here), and
 * {@link #goexit0} makes it {@code _Gdead} and puts it back with {@code gfput}.
 *
 * <p><b>Where findRunnable looks, in order</b> (Go 1.21): every 61st schedtick the global queue
 * first, one G, so that a P busy with its own queue still serves the global queue; then the local
 * queue ({@code runqget}: runnext first, which inherits the time slice and so does not advance
 * schedtick); then the global queue, a fair-share batch; then, if this M may spin, stealing: four
 * passes over the other Ps in a random order (a random start and a stride coprime to GOMAXPROCS),
 * taking half of a victim's queue, and its runnext only on the last pass; finally, under
 * {@code sched.lock}, the global queue once more, and if it is empty the P goes idle and the M
 * parks.
 *
 * <p><b>Spinning.</b> An M out of local work that looks for work elsewhere is <em>spinning</em>
 * ({@code m.spinning}, counted in {@code sched.nmspinning}). Only
 * {@code 2*nmspinning < GOMAXPROCS - npidle} Ms may start spinning, so a mostly idle program does
 * not burn every core looking for work. {@code wakep}, called when a G is made runnable, starts an
 * M only if there is an idle P and no M is spinning ({@code nmspinning} CAS 0 → 1, then
 * {@link #startSpinningM}); a spinning M that finds work stops spinning and calls {@code wakep}
 * itself ({@link #resetspinning}), so a burst of work unparks Ms one after another rather than all
 * at once, yet eventually uses every P.
 *
 * <p><b>No lost wakeups</b> (Go's "Worker thread parking/unparking", adapted). The danger is the
 * spinning → parked transition racing with new work: the parker has looked everywhere, the
 * submitter sees a spinning M and does not wake anyone, and the work sits while every M sleeps.
 * Both sides follow a Dekker-style pattern over sequentially consistent accesses:
 * <ul>
 *   <li>submitter: (1) publish the work — newproc's CAS of {@code runnext}, or the global queue
 *       under {@code sched.lock} followed by a full fence ({@link #goOutside}); (2) read
 *       {@code nmspinning} in {@code wakep};</li>
 *   <li>parker: (1) put its P on {@code pidle}; decrement {@code nmspinning}
 *       ({@link Labels#FINDRUNNABLE_DROPSPINNING}) and a full fence; (2) re-read every run queue
 *       ({@code runqempty}) and the global queue's size ({@link #checkRunqsNoP}).</li>
 * </ul>
 * In any total order of these steps one side sees the other: either the parker's re-read comes
 * after the publication and sees the work, so it takes an idle P back and spins again
 * ({@link Labels#CHECKRUNQSNOP_LOCK}); or the submitter's read comes after the decrement. If the
 * submitter then reads 0, wakep starts an M on an idle P. If it reads more than 0, each unit of
 * the count is one of: an M still spinning, which will either find work (then it holds a P, and
 * resetspinning calls wakep again: the same argument) or decrement and re-read after the
 * submitter's write, so seeing the work; or wakep's transient increment, undone under
 * {@code sched.lock} when there is no idle P (below). Work put on the global queue before a
 * parker's {@link Labels#FINDRUNNABLE_LOCKIDLE} section is seen inside it, under the lock. When
 * wakep or a parker finds work but no idle P, every P is held by an M that has yet to pass its own
 * {@code FINDRUNNABLE_LOCKIDLE} section, which comes later under the same lock and so sees the
 * global queue; and a G on a P's own queue is always run by that P's M, which never idles a P with
 * a non-empty queue. So a runnable G is always found.
 *
 * <p><b>{@code go} from outside any G</b> ({@link #goOutside}). Go has no P-less {@code go}
 * statement: every G is made by an M holding a P. A Java caller that is not running inside a G
 * holds no P, so it borrows the <em>injection P</em>: a P that is not in {@code allp}, never runs
 * Gs and never has queued Gs, and is owned by whichever outside caller holds {@code injectLock}. It
 * is only the context {@code newproc1} needs (a free-G cache refilled from the global free lists,
 * and a goid cache). The G then goes on the global queue under {@code sched.lock}, as Go's
 * {@code injectglist} does for a thread without a P, and {@code wakep} follows; the no-lost-wakeup
 * argument above covers it, because a full fence separates the put from wakep's read.
 *
 * <p><b>Quiescence and shutdown.</b> Each P counts the Gs created on it and the Gs that finished
 * on it (volatile writes); {@link #awaitQuiescence} sums the finished counts, then the created
 * counts, and equal sums mean that at the moment between the two passes no G was runnable or
 * running. {@link #shutdown} stops outside submissions, raises {@code shuttingDown} under
 * {@code sched.lock}, wakes every idle M and joins every M: an M finishes its current G, then
 * leaves. The caller then owns every P and drains the local queues ({@code runqdrain}) and the global
 * queue; those Gs never ran, and their functions are returned. So each G either ran exactly once
 * or is handed back.
 *
 * <p><b>Errors.</b> Misuse is refused before anything changes: {@code go(null)} ("go of nil func
 * value"), a P count below 1, starting twice, {@code go} from outside before start or after
 * shutdown, waiting for quiescence or shutting down from inside a G. A G's exception is a panic
 * confined to that G: it goes to the {@link PanicHandler}, the G is recycled, the M goes on. The
 * scheduler's own invariant checks are Go's {@code throw}s ("stopm spinning", "negative
 * nmspinning" …) as {@link IllegalStateException}s; in Go they are fatal, and here they mean a bug.
 *
 * <h2>Deviations from Go 1.21</h2>
 * <ul>
 *   <li>No preemption, no blocking: a G runs to completion on its M. A chain of Gs that each spawn
 *       exactly one G runs entirely from {@code runnext} and holds its P until the chain ends (Go
 *       breaks it with sysmon's 10 ms time slice), though other Ps can still steal the ring.</li>
 *   <li>No netpoll, timers, GC, locked Ms or syscalls, hence no {@code sched.needspinning}: it exists
 *       for work that appears without an owning P (netpoll, timers); here a queued G either sits
 *       on a P whose M will run it or on the global queue that every M checks under
 *       {@code sched.lock} before idling its P.</li>
 *   <li>{@link #checkRunqsNoP} re-reads the global queue's size too (Go relies on
 *       {@code injectglist} starting Ms without the spinning check), and reads every P's queue
 *       instead of using the {@code idlepMask} snapshot (an idle P's queue is empty: the mask is
 *       only an optimisation).</li>
 *   <li>Ms are not bounded by {@code sched.maxmcount} and do not exit; there is no {@code m0}/main
 *       goroutine: all Ps start idle and the first {@code go} starts the first M.</li>
 *   <li>Go 1.25's {@code globrunqget} forms are not used: a {@link Proc} configured for
 *       {@link GoVersion#GO1_25} is refused.</li>
 * </ul>
 *
 * <h2>Step labels</h2>
 * The scheduler's shared-memory steps are labelled for the spec: {@link Labels#WAKEP_LOCK},
 * {@link Labels#STARTM}, {@link Labels#STOPM}, {@link Labels#BECOMESPINNING},
 * {@link Labels#FINDRUNNABLE_LOCKIDLE}, {@link Labels#FINDRUNNABLE_UNLOCKIDLE},
 * {@link Labels#FINDRUNNABLE_DROPSPINNING}, {@link Labels#CHECKRUNQSNOP_LOCK}; the queue functions
 * it calls carry their own. Start-up, shutdown and quiescence bookkeeping are not modelled by the
 * spec and have no labels.
 */
public final class Sched implements AutoCloseable {

    /** stealWork's number of passes over allp (Go: {@code const stealTries = 4}). */
    static final int STEAL_TRIES = 4;

    /** findRunnable checks the global queue first every this many schedticks (Go: 61). */
    static final int GLOBAL_CHECK_PERIOD = 61;

    /** Buckets of the steal-batch histogram: 1, 2, 3–4, 5–8, 9–16, 17–32, 33–64, 65+. */
    public static final int STEAL_BUCKETS = 8;

    /** Handles a G whose function threw. Called on the M that ran the G, before the G is recycled. */
    @FunctionalInterface
    public interface PanicHandler {
        /**
         * @param goid the G's id
         * @param t    what its function threw
         */
        void panicked(long goid, Throwable t);

        /** Prints {@code panic: goroutine N: …} and the stack trace to System.err. */
        PanicHandler PRINT = (goid, t) -> {
            synchronized (System.err) {
                System.err.println("panic: goroutine " + goid + ": " + t);
                t.printStackTrace();
            }
        };
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int SHUTTING_DOWN = 2;
    private static final int TERMINATED = 3;

    /** NEW → RUNNING → SHUTTING_DOWN → TERMINATED; written under {@link #lifecycle} (and injectLock). */
    private volatile int state = NEW;
    private final Object lifecycle = new Object();

    private final Proc.Config cfg;

    // Set once by start(), before `state` is written RUNNING (the volatile write publishes them)
    // and before any M exists (Thread.start publishes them to Ms).
    private Proc proc;
    private Schedt sched;
    private P[] allp;
    private int gomaxprocs;
    private RandomOrder stealOrder;
    /** The injection P of outside {@code go} calls; owned by the holder of {@link #injectLock}. */
    private P injectP;
    private final ReentrantLock injectLock = new ReentrantLock();

    // ---- guarded by sched.lock --------------------------------------------------------------------

    /** sched.pidle: idle Ps, a LIFO stack as Go's linked list through p.link. */
    private P[] pidle;
    private int pidleLen;
    /** sched.midle: idle Ms linked through M.schedlink. */
    private M midle;
    /** sched.nmidle. */
    private int nmidle;
    /** allm: every M ever started. */
    private final List<M> allm = new ArrayList<>();
    /** sched.mnext: the next M id. */
    private long mnext;
    /** Counters kept under sched.lock: stopm parks, startm wakes of idle Ms, new Ms. */
    private long nparks, nwakes, nnewm;

    /** Set under sched.lock by shutdown; read racily by Ms (then re-checked under the lock). */
    private volatile boolean shuttingDown;

    // ---- per-P counters (index pp.id * PAD; the injection P uses slot gomaxprocs) ---------------

    private static final int PAD = 16; // 128 bytes: no false sharing between Ps
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Gs created on each P (volatile writes by the P's owner): for quiescence. */
    private long[] created;
    /** Gs that finished on each P (volatile writes by the P's owner): for quiescence. */
    private long[] finished;
    /** Per P: [0..STEAL_BUCKETS) steal-batch histogram; plain, owner-only, read racily by stats. */
    private long[][] stealHist;
    private final java.util.concurrent.atomic.AtomicLong npanics = new java.util.concurrent.atomic.AtomicLong();

    private volatile PanicHandler panicHandler = PanicHandler.PRINT;

    /** Quiescence waiters: counted so that parking Ms notify only when someone waits. */
    private final Object quiesce = new Object();
    private volatile int quiesceWaiters;

    // ---- construction and lifecycle -----------------------------------------------------------

    /** A scheduler with Go's queue constants; call {@link #start()} or {@link #start(int)}. */
    public Sched() {
        this(new Proc.Config());
    }

    /**
     * A scheduler over a {@link Proc} built from {@code cfg} (ring size, free-list constants,
     * a scheduling-point hook, checked mode …). {@link #start(int)} sets the config's
     * {@code nprocs}; Go 1.25 is refused.
     */
    public Sched(Proc.Config cfg) {
        this.cfg = Objects.requireNonNull(cfg, "config");
        if (cfg.goVersion == GoVersion.GO1_25) {
            throw new IllegalArgumentException("Sched follows Go 1.21's findRunnable; GO1_25's global-queue"
                    + " functions are not supported (use GO1_21 or GO1_14)");
        }
    }

    /** {@link #start(int)} with GOMAXPROCS = {@code Runtime.getRuntime().availableProcessors()}. */
    public Sched start() {
        return start(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts the scheduler with {@code nprocs} Ps (GOMAXPROCS), all idle, and no M yet: the first
     * {@code go} starts one (Go's {@code schedinit}/{@code procresize} and {@code mainStarted}).
     *
     * @throws IllegalArgumentException if {@code nprocs <= 0} (nothing changes)
     * @throws IllegalStateException    if already started or shut down
     */
    public Sched start(int nprocs) {
        if (nprocs <= 0) {
            throw new IllegalArgumentException("nprocs must be > 0, got " + nprocs);
        }
        synchronized (lifecycle) {
            if (state != NEW) {
                throw new IllegalStateException(state == RUNNING ? "scheduler already started"
                        : "scheduler was shut down; it cannot be restarted");
            }
            cfg.nprocs(nprocs);
            Proc pr = new Proc(cfg);
            proc = pr;
            sched = pr.sched;
            allp = pr.allp;
            gomaxprocs = pr.gomaxprocs;
            stealOrder = new RandomOrder(gomaxprocs);
            injectP = pr.newP(gomaxprocs);
            injectP.setStatus(P._Prunning);
            created = new long[(gomaxprocs + 1) * PAD];
            finished = new long[(gomaxprocs + 1) * PAD];
            stealHist = new long[gomaxprocs][STEAL_BUCKETS];
            pidle = new P[gomaxprocs];
            sched.lock.lock();
            try {
                for (int i = gomaxprocs - 1; i >= 0; i--) { // so that allp[0] is on top, as procresize leaves it
                    pidleput(allp[i]);
                }
            } finally {
                sched.lock.unlock();
            }
            pr.setWakeHook(this::startSpinningM);
            pr.setMainStarted(true); // from now on newproc calls wakep
            state = RUNNING;
        }
        return this;
    }

    /** The port of proc.go this scheduler runs on (null before start). */
    public Proc proc() {
        return proc;
    }

    /** GOMAXPROCS (0 before start). */
    public int gomaxprocs() {
        return gomaxprocs;
    }

    /** Whether {@link #shutdown} has been called. */
    public boolean isShutdown() {
        return state >= SHUTTING_DOWN;
    }

    /** Sets the handler for Gs whose function throws (default {@link PanicHandler#PRINT}). */
    public void setPanicHandler(PanicHandler h) {
        panicHandler = Objects.requireNonNull(h, "panic handler");
    }

    // ---- go -------------------------------------------------------------------------------------

    /**
     * Go's {@code go fn()}: creates a G that will run {@code fn} once (or hand it back from
     * {@link #shutdown} if it never ran).
     *
     * <p>Inside a G of this scheduler this is {@code newproc} on the M's P: the G goes to the P's
     * {@code runnext} and {@code wakep} may start another M. From any other thread it is
     * {@link #goOutside}: the G goes on the global queue.
     *
     * @throws NullPointerException  {@code go of nil func value} when fn is null (nothing changes)
     * @throws IllegalStateException from outside a G: before {@link #start} or after
     *                               {@link #shutdown} (nothing changes). Inside a G that is still
     *                               running while shutdown waits for it, {@code go} succeeds and
     *                               shutdown returns the new G.
     */
    public void go(Runnable fn) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        M mp = M.current();
        if (mp != null && mp.owner == this && mp.curg != null) {
            P pp = mp.p;
            incr(created, pp.id); // before the G exists: see quiescent()
            proc.newproc(pp, new FuncVal(fn), mp.curg);
            return;
        }
        goOutside(fn);
    }

    /**
     * {@code go} from a thread that is not running a G of this scheduler, so holds no P.
     *
     * <p>The caller borrows the injection P under {@code injectLock} (see the class comment): it is
     * the context for {@code newproc1} ({@code gfget}: the P's free cache, refilled from
     * {@code sched.gFree}; else {@code malg}; a goid from its cache). The new G goes on the global
     * queue ({@code lock(&sched.lock); globrunqput(gp); unlock}, {@link Labels#GLOBRUNQPUT_LOCK}), as
     * Go's {@code injectglist} does when the caller has no P. A full fence (the #StoreLoad of Go's
     * submission pattern) then precedes {@code wakep}'s read of {@code nmspinning}.
     */
    void goOutside(Runnable fn) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        injectLock.lock();
        try {
            int s = state;
            if (s != RUNNING) {
                throw new IllegalStateException(s == NEW ? "scheduler not started: call start() first"
                        : "go after shutdown");
            }
            incr(created, gomaxprocs); // before the G exists: see quiescent()
            G gp = proc.newproc1(injectP, new FuncVal(fn), null, 0);
            proc.globrunqputLocked(gp);
        } finally {
            injectLock.unlock();
        }
        VarHandle.fullFence(); // #StoreLoad: the put above, then wakep's read of nmspinning
        proc.wakep();
    }

    // ---- wakep's second half, startm, stopm ----------------------------------------------------

    /**
     * wakep's second half (proc.go {@code wakep} after the CAS of nmspinning 0 → 1):
     * {@code lock(&sched.lock); pp := pidlegetSpinning(0)}; no P: {@code nmspinning.Add(-1)} and
     * unlock; else unlock and {@code startm(pp, true)}. Connected as {@link Proc.WakeHook}.
     *
     * <p>Spec: {@link Labels#WAKEP_LOCK}, then {@link Labels#STARTM}.
     */
    private void startSpinningM(Proc pr) {
        P pp;
        pr.lock(sched.lock, WAKEP_LOCK);
        try {
            pp = shuttingDown ? null : pidlegetSpinning();
            if (pp == null) {
                if (sched.nmspinning.decrementAndGet() < 0) {
                    throw new IllegalStateException("wakep: negative nmspinning");
                }
                return;
            }
        } finally {
            pr.unlock(sched.lock);
        }
        startm(pp, true);
    }

    /**
     * startm (proc.go): hand {@code pp} to an idle M, or to a new one, and wake it. With
     * {@code spinning}, the caller raised nmspinning and the M starts out spinning
     * ({@code mspinning}). One step: {@code lock(&sched.lock); nmp := mget()} (or reserve a new M);
     * unlock; {@code nmp.spinning = spinning; nmp.nextp = pp; notewakeup(&nmp.park)}.
     *
     * <p>At shutdown no M is started: the P goes back to pidle and the spinning count is undone.
     *
     * <p>Spec: {@link Labels#STARTM}.
     */
    void startm(P pp, boolean spinning) {
        M nmp;
        boolean fresh = false;
        proc.lock(sched.lock, STARTM);
        try {
            if (shuttingDown) {
                pidleput(pp);
                if (spinning && sched.nmspinning.decrementAndGet() < 0) {
                    throw new IllegalStateException("startm: negative nmspinning");
                }
                return;
            }
            nmp = mget();
            if (nmp == null) {
                nmp = new M(this, mnext++); // newm: the thread starts after unlock
                allm.add(nmp);
                fresh = true;
                nnewm++;
            } else {
                nwakes++;
            }
        } finally {
            proc.unlock(sched.lock);
        }
        if (nmp.spinning) {
            throw new IllegalStateException("startm: m is spinning");
        }
        if (nmp.nextp != null) {
            throw new IllegalStateException("startm: m has p");
        }
        if (spinning && !runqemptyQuiet(pp)) {
            throw new IllegalStateException("startm: p has runnable gs");
        }
        nmp.spinning = spinning;
        nmp.nextp = pp;
        if (fresh) {
            try {
                nmp.start(); // publishes spinning and nextp
            } catch (Throwable t) { // e.g. OutOfMemoryError: unable to create native thread
                proc.lock(sched.lock, STARTM);
                try {
                    allm.remove(nmp);
                    nnewm--;
                    pidleput(pp);
                    if (spinning) {
                        sched.nmspinning.decrementAndGet();
                    }
                } finally {
                    proc.unlock(sched.lock);
                }
                throw t;
            }
        } else {
            nmp.notewakeup(); // publishes spinning and nextp (volatile write of the note)
        }
    }

    /**
     * stopm (proc.go): stop the M until new work is available: {@code lock(&sched.lock);
     * mput(mp); unlock}, then sleep on the M's note until {@link #startm} hands it a P, and
     * acquire it. Returns false when the M must exit instead (shutdown).
     *
     * <p>Spec: {@link Labels#STOPM}.
     */
    boolean stopm(M mp) {
        if (mp.p != null) {
            throw new IllegalStateException("stopm holding p");
        }
        if (mp.spinning) {
            throw new IllegalStateException("stopm spinning");
        }
        proc.lock(sched.lock, STOPM);
        try {
            if (shuttingDown) {
                return false;
            }
            mput(mp);
            nparks++;
        } finally {
            proc.unlock(sched.lock);
        }
        if (quiesceWaiters != 0) {
            synchronized (quiesce) {
                quiesce.notifyAll();
            }
        }
        mp.notesleep(); // mPark
        P pp = mp.nextp;
        if (pp == null) {
            return false; // woken by shutdown
        }
        mp.nextp = null;
        acquirep(mp, pp);
        return true;
    }

    /** mput: put mp on the idle M list. sched.lock must be held. */
    private void mput(M mp) {
        sched.lock.assertHeld();
        mp.schedlink = midle;
        midle = mp;
        nmidle++;
    }

    /** mget: an M from the idle M list, or null. sched.lock must be held. */
    private M mget() {
        sched.lock.assertHeld();
        M mp = midle;
        if (mp != null) {
            midle = mp.schedlink;
            mp.schedlink = null;
            nmidle--;
        }
        return mp;
    }

    // ---- idle Ps ----------------------------------------------------------------------------------

    /**
     * pidleput (proc.go): put pp on the idle P list; the caller gives up ownership. sched.lock must
     * be held; pp's run queue must be empty.
     */
    void pidleput(P pp) {
        sched.lock.assertHeld();
        if (!runqemptyQuiet(pp)) {
            throw new IllegalStateException("pidleput: P has non-empty run queue");
        }
        pp.setStatus(P._Pidle);
        pidle[pidleLen++] = pp;
        sched.npidle.incrementAndGet();
    }

    /** pidleget (proc.go): take a P from the idle list, acquiring ownership, or null. sched.lock must be held. */
    P pidleget() {
        sched.lock.assertHeld();
        if (pidleLen == 0) {
            return null;
        }
        P pp = pidle[--pidleLen];
        pidle[pidleLen] = null;
        sched.npidle.decrementAndGet();
        return pp;
    }

    /**
     * pidlegetSpinning (proc.go): pidleget for an M that is or will be spinning. Go also sets
     * {@code sched.needspinning} when there is no P; that flag serves netpoll/timer work that has
     * no owning P and is not modelled (see the class comment).
     */
    P pidlegetSpinning() {
        return pidleget();
    }

    /** acquirep: associate pp with the current M (Go checks pp is idle and unowned). */
    private static void acquirep(M mp, P pp) {
        if (mp.p != null) {
            throw new IllegalStateException("acquirep: already in go");
        }
        if (pp.status() != P._Pidle) {
            throw new IllegalStateException("acquirep: invalid p state " + pp.status());
        }
        pp.setStatus(P._Prunning);
        mp.p = pp;
    }

    /** releasep: disassociate the P from the current M; it is marked idle (the caller idles or parks it). */
    private static P releasep(M mp) {
        P pp = mp.p;
        if (pp == null || pp.status() != P._Prunning) {
            throw new IllegalStateException("releasep: invalid p state");
        }
        mp.p = null;
        pp.setStatus(P._Pidle);
        return pp;
    }

    /** runqempty without scheduling points: for sanity checks inside other steps (no queue change). */
    private static boolean runqemptyQuiet(P pp) {
        return pp.runqhead() == pp.runqtail() && pp.runnext() == null;
    }

    // ---- the M: mstart, schedule, findRunnable, stealWork --------------------------------------

    /** mstart: a new M acquires the P startm gave it and runs the schedule loop until shutdown. */
    void mstart(M mp) {
        P pp = mp.nextp;
        mp.nextp = null;
        acquirep(mp, pp);
        try {
            while (schedule(mp)) {
                // each round runs one G (Go's schedule → execute → goexit0 → schedule)
            }
        } finally {
            mexit(mp);
        }
    }

    /**
     * schedule (proc.go): one round of the scheduler: find a runnable G and execute it. A spinning
     * M that found one stops spinning ({@link #resetspinning}, which may wake another M). Returns
     * false when the M must exit (shutdown).
     */
    boolean schedule(M mp) {
        P pp = mp.p;
        if (mp.spinning && !runqemptyQuiet(pp)) {
            throw new IllegalStateException("schedule: spinning with local work");
        }
        Found f = findRunnable(mp); // blocks until work is available
        if (f == null) {
            return false;
        }
        if (mp.spinning) {
            resetspinning(mp);
        }
        execute(mp, f.gp, f.inheritTime);
        return true;
    }

    /** findRunnable's result: Go's {@code (gp *g, inheritTime bool)}. */
    record Found(G gp, boolean inheritTime) {}

    /**
     * findRunnable (proc.go, Go 1.21): find a runnable G to execute, trying the global queue every
     * 61st schedtick, the local queue, the global queue, stealing from other Ps; with no work, idle
     * the P and park the M ({@link #stopm}), then start over. Returns null only at shutdown.
     *
     * <p>Spec: {@link Labels#GLOBRUNQGET_LOCK} (through {@code globrunqgetLocked}), the runq labels,
     * {@link Labels#BECOMESPINNING}, {@link Labels#FINDRUNNABLE_LOCKIDLE},
     * {@link Labels#FINDRUNNABLE_UNLOCKIDLE}, {@link Labels#FINDRUNNABLE_DROPSPINNING},
     * {@link Labels#CHECKRUNQSNOP_LOCK}, {@link Labels#STOPM}.
     */
    Found findRunnable(M mp) {
        for (;;) { // top:
            if (shuttingDown) {
                return null;
            }
            P pp = mp.p;

            // Check the global runnable queue once in a while to ensure fairness. Otherwise two
            // goroutines can completely occupy the local runqueue by constantly respawning each other.
            // schedtick is Go's uint32: an unsigned remainder (a signed one differs from 2^31 on).
            if (Integer.remainderUnsigned(pp.schedtick, GLOBAL_CHECK_PERIOD) == 0 && sched.runqsize() > 0) {
                G gp = proc.globrunqgetLocked(pp, 1);
                if (gp != null) {
                    return new Found(gp, false);
                }
            }

            // local runq
            Proc.Runqget r = proc.runqget(pp);
            if (r != null) {
                return new Found(r.gp(), r.inheritTime());
            }

            // global runq
            if (sched.runqsize() != 0) {
                G gp = proc.globrunqgetLocked(pp, 0);
                if (gp != null) {
                    return new Found(gp, false);
                }
            }

            // Spinning Ms: steal work from other Ps. Limit the number of spinning Ms to half the
            // number of busy Ps. This is necessary to prevent excessive CPU consumption when
            // GOMAXPROCS>>1 but the program parallelism is low.
            if (mp.spinning || 2 * sched.nmspinning.get() < gomaxprocs - sched.npidle.get()) {
                if (!mp.spinning) {
                    becomeSpinning(mp);
                }
                G gp = stealWork(mp);
                if (gp != null) {
                    return new Found(gp, false);
                }
            }

            // We have nothing to do. Return P and block.
            P idled = null;
            proc.lock(sched.lock, FINDRUNNABLE_LOCKIDLE);
            try {
                if (sched.runqsizeLocked() != 0) {
                    G gp = proc.globrunqget(pp, 0);
                    proc.point.at(FINDRUNNABLE_UNLOCKIDLE);
                    return new Found(gp, false);
                }
                if (releasep(mp) != pp) {
                    throw new IllegalStateException("findrunnable: wrong p");
                }
                pidleput(pp);
                idled = pp;
            } finally {
                proc.unlock(sched.lock);
            }

            // Delicate dance: thread transitions from spinning to non-spinning state, potentially
            // concurrently with submission of new work. We must drop nmspinning first and then
            // check all sources again (with a #StoreLoad memory barrier in between). If we do it the
            // other way around, another thread can submit work after we've checked all sources but
            // before we drop nmspinning; as a result nobody will unpark a thread to run the work.
            if (mp.spinning) {
                mp.spinning = false;
                proc.point.at(FINDRUNNABLE_DROPSPINNING);
                if (sched.nmspinning.decrementAndGet() < 0) {
                    throw new IllegalStateException("findrunnable: negative nmspinning");
                }
                VarHandle.fullFence(); // #StoreLoad: the decrement above, then the re-reads below

                // Note the for correctness, only the last M transitioning from spinning to
                // non-spinning must perform these rechecks to ensure no missed work. However, the
                // runtime has some cases of transient increments of nmspinning that are decremented
                // without going through this path, so we must be conservative and perform the check
                // on all spinning Ms.
                P p2 = checkRunqsNoP();
                if (p2 != null) {
                    acquirep(mp, p2);
                    becomeSpinning(mp);
                    continue; // goto top
                }
            }
            assert idled != null;
            if (!stopm(mp)) {
                return null;
            }
        }
    }

    /**
     * becomeSpinning (proc.go, {@code m.becomeSpinning}): {@code mp.spinning = true;
     * sched.nmspinning.Add(1)}.
     *
     * <p>Spec: {@link Labels#BECOMESPINNING}.
     */
    private void becomeSpinning(M mp) {
        proc.point.at(BECOMESPINNING);
        mp.spinning = true;
        sched.nmspinning.incrementAndGet();
    }

    /**
     * resetspinning (proc.go): a spinning M found work: it stops spinning
     * ({@code nmspinning.Add(-1)}) and, since it was perhaps the last spinner, calls {@code wakep}
     * so that more work can find another M.
     *
     * <p>Spec: {@link Labels#FINDRUNNABLE_DROPSPINNING}, then wakep's {@link Labels#WAKEP}.
     */
    private void resetspinning(M mp) {
        if (!mp.spinning) {
            throw new IllegalStateException("resetspinning: not a spinning m");
        }
        mp.spinning = false;
        proc.point.at(FINDRUNNABLE_DROPSPINNING);
        if (sched.nmspinning.decrementAndGet() < 0) {
            throw new IllegalStateException("findrunnable: negative nmspinning");
        }
        // M wakeup policy is deliberately somewhat conservative, so check if we need to wakeup
        // another P here. See "No lost wakeups" in the class comment.
        proc.wakep();
    }

    /**
     * stealWork (proc.go): try to steal a runnable G from any other P: {@value #STEAL_TRIES} passes
     * over allp in a random order, skipping idle Ps, taking runnext only on the last pass
     * ({@code runqsteal(pp, p2, i == stealTries-1)}). Half of the victim's queue moves to this P's
     * ring; one G is returned. Go also steals timers on the last pass; there are none here.
     *
     * <p>Spec: the runqgrab/runqsteal labels.
     */
    G stealWork(M mp) {
        P pp = mp.p;
        for (int i = 0; i < STEAL_TRIES; i++) {
            boolean stealRunNextG = i == STEAL_TRIES - 1;
            for (RandomEnum e = stealOrder.start(mp.fastrand()); !e.done(); e.next()) {
                if (shuttingDown) {
                    return null; // Go returns early for gcwaiting; here shutdown is the one reason
                }
                P p2 = allp[e.position()];
                if (pp == p2) {
                    continue;
                }
                // Don't bother to attempt to steal if p2 is idle (Go's idlepMask).
                if (p2.status() != P._Pidle) {
                    int t = pp.runqtail();
                    G gp = proc.runqsteal(pp, p2, stealRunNextG);
                    if (gp != null) {
                        int batch = pp.runqtail() - t + 1; // the Gs left on our ring, plus gp
                        stealHist[pp.id][bucket(batch)]++;
                        return gp;
                    }
                }
            }
        }
        return null;
    }

    /**
     * checkRunqsNoP (proc.go): with no P, after dropping nmspinning, check every P's run queue once
     * more — and, unlike Go, the global queue — for work; if there is some, take an idle P
     * ({@code lock(&sched.lock); pp := pidlegetSpinning(0); unlock}) for the caller to spin on.
     * Returns null when there is no work, or no idle P (then every P's M still has to pass its own
     * idle check, so the work is not stranded).
     *
     * <p>Spec: the runqempty labels, then {@link Labels#CHECKRUNQSNOP_LOCK}.
     */
    P checkRunqsNoP() {
        boolean work = sched.runqsize() != 0;
        for (int i = 0; i < allp.length && !work; i++) {
            if (!proc.runqempty(allp[i])) {
                work = true;
            }
        }
        if (!work) {
            return null; // No work available.
        }
        proc.lock(sched.lock, CHECKRUNQSNOP_LOCK);
        try {
            return shuttingDown ? null : pidlegetSpinning();
        } finally {
            proc.unlock(sched.lock);
        }
    }

    // ---- execute, goexit0 ------------------------------------------------------------------------

    /**
     * execute (proc.go): schedule gp to run on the current M: {@code casgstatus(gp, _Grunnable,
     * _Grunning)}; unless gp inherits the time slice, advance schedtick; then {@code gogo}: run its
     * function to completion. A throw is reported to the panic handler; either way
     * {@link #goexit0} follows.
     *
     * <p>Spec: {@link Labels#CASGSTATUS}.
     */
    void execute(M mp, G gp, boolean inheritTime) {
        P pp = mp.p;
        mp.curg = gp;
        proc.casgstatus(gp, _Grunnable, _Grunning);
        gp.stackguard0 = gp.stack.lo() + Proc.StackGuard;
        if (!inheritTime) {
            pp.schedtick++;
        }
        // gogo(&gp.sched): load the closure and clear gobuf.ctxt (Go's gogo zeroes it, for the GC).
        FuncVal fn = gp.sched.ctxt;
        gp.sched.ctxt = null;
        try {
            fn.body.run();
        } catch (Throwable t) {
            panicked(gp, t);
        }
        Thread.interrupted(); // a G's interrupt must not leak into the M's parking
        goexit0(mp, gp);
    }

    /** Reports a G's throw to the handler; a throwing handler is printed, never propagated. */
    private void panicked(G gp, Throwable t) {
        npanics.incrementAndGet();
        try {
            panicHandler.panicked(gp.goid, t);
        } catch (Throwable t2) {
            try {
                PanicHandler.PRINT.panicked(gp.goid, t);
                PanicHandler.PRINT.panicked(gp.goid, t2);
            } catch (Throwable ignored) {
                // nothing left to report with
            }
        }
    }

    /**
     * goexit0 (proc.go): goexit continuation on g0: {@code casgstatus(gp, _Grunning, _Gdead)},
     * {@code dropg}, {@code gfput(pp, gp)}; then the caller's loop calls {@link #schedule} again.
     *
     * <p>Spec: {@link Labels#CASGSTATUS}, then gfput's labels.
     */
    void goexit0(M mp, G gp) {
        P pp = mp.p;
        proc.casgstatus(gp, _Grunning, _Gdead);
        mp.curg = null; // dropg
        proc.gfput(pp, gp);
        incr(finished, pp.id); // gsRun: every finished G ran once
    }

    /** An M leaves (shutdown): it stops spinning and gives up its P; the shutdown caller drains it. */
    private void mexit(M mp) {
        if (mp.spinning) {
            mp.spinning = false;
            sched.nmspinning.decrementAndGet();
        }
        if (mp.p != null) {
            releasep(mp);
        }
    }

    // ---- quiescence -------------------------------------------------------------------------------

    private static void incr(long[] a, int slot) {
        int i = slot * PAD;
        LONGS.setVolatile(a, i, (long) LONGS.get(a, i) + 1); // single writer: the slot's owner
    }

    private static long sum(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i += PAD) {
            s += (long) LONGS.getVolatile(a, i);
        }
        return s;
    }

    /**
     * Whether no G was runnable or running at some moment during this call: all finished counts
     * are read before all created counts, and a G is counted created before it exists and finished
     * after it is dead, so equal sums mean that between the two passes every created G had finished.
     */
    boolean quiescent() {
        long f = sum(finished);
        long c = sum(created);
        return f == c;
    }

    /**
     * Waits until no G is runnable or running (every G created so far has finished). Returns at
     * once if that already holds. Gs created concurrently from outside may make the state
     * momentary. Not callable from inside a G, which would wait for itself.
     *
     * @throws IllegalStateException before start, or from inside a G of this scheduler
     */
    public void awaitQuiescence() throws InterruptedException {
        awaitQuiescence(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    /**
     * {@link #awaitQuiescence()} with a limit. Returns whether quiescence was reached.
     */
    public boolean awaitQuiescence(long timeout, TimeUnit unit) throws InterruptedException {
        if (state == NEW) {
            throw new IllegalStateException("scheduler not started: call start() first");
        }
        M mp = M.current();
        if (mp != null && mp.owner == this) {
            throw new IllegalStateException("awaitQuiescence from inside a goroutine would wait for itself");
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (quiesce) {
            quiesceWaiters++;
            try {
                for (;;) {
                    if (quiescent()) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    // Parking Ms notify us; the bounded wait only covers a notify that raced our check.
                    long ms = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 20));
                    quiesce.wait(ms);
                }
            } finally {
                quiesceWaiters--;
            }
        }
    }

    // ---- shutdown -------------------------------------------------------------------------------

    /**
     * Stops the scheduler and returns the functions of the Gs that never ran, in queue order (each
     * P's runnext and ring, then the global queue). Outside {@code go} fails from now on; Gs
     * already running finish (and the Gs they create are returned); then every M exits. After this
     * every G either ran exactly once or is in the returned list; the returned Gs are marked dead
     * and put on a free list. Calling it again, or before start, returns an empty list.
     *
     * @throws IllegalStateException from inside a G of this scheduler (it would wait for itself)
     */
    public List<Runnable> shutdown() {
        M self = M.current();
        if (self != null && self.owner == this) {
            throw new IllegalStateException("shutdown from inside a goroutine would wait for itself");
        }
        synchronized (lifecycle) {
            if (state == NEW || state == TERMINATED) {
                state = TERMINATED;
                return new ArrayList<>();
            }
            injectLock.lock();
            try {
                state = SHUTTING_DOWN; // no outside go from now on
            } finally {
                injectLock.unlock();
            }
            List<M> ms;
            sched.lock.lock();
            try {
                shuttingDown = true; // no M is started from now on
                for (M mp; (mp = mget()) != null; ) {
                    mp.nextp = null;
                    mp.notewakeup(); // nextp == null: exit
                }
                ms = new ArrayList<>(allm);
            } finally {
                sched.lock.unlock();
            }
            // Wait for every M to exit. An M that startm registered just before the flag may not
            // have started its thread yet (join would return at once), so wait on its exit latch.
            boolean interrupted = false;
            for (M mp : ms) {
                for (;;) {
                    try {
                        mp.exited.await();
                        mp.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            // Every M has exited (the latch and join: happens-before), so this thread owns every P now.
            List<Runnable> left = new ArrayList<>();
            List<G> dead = new ArrayList<>();
            for (P pp : allp) {
                for (G gp = proc.runqdrain(pp).drainQ().peek(); gp != null; ) {
                    G next = gp.schedlink();
                    dead.add(gp);
                    gp = next;
                }
            }
            sched.lock.lock();
            try {
                for (G gp; (gp = proc.globrunqget()) != null; ) {
                    dead.add(gp);
                }
            } finally {
                sched.lock.unlock();
            }
            for (G gp : dead) {
                left.add(gp.sched.ctxt.body);
                gp.sched.ctxt = null;
                proc.casgstatus(gp, _Grunnable, _Gdead);
                gp.schedlink = null;
                proc.gfput(allp[0], gp);
            }
            nreturned = left.size();
            state = TERMINATED;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return left;
        }
    }

    /** Gs handed back by shutdown. */
    private volatile long nreturned;

    /** {@link #shutdown()}, for try-with-resources; the Gs that never ran are dropped. */
    @Override
    public void close() {
        shutdown();
    }

    // ---- statistics -------------------------------------------------------------------------------

    /** The bucket of a steal batch of n Gs: 1, 2, 3–4, 5–8, …, 65+. */
    static int bucket(int n) {
        int b = 32 - Integer.numberOfLeadingZeros(n - 1);
        return Math.min(b, STEAL_BUCKETS - 1);
    }

    /**
     * Counters of the scheduler and of the queue functions under it. Read racily while Gs run;
     * exact when quiescent or after shutdown.
     *
     * @param gsCreated       Gs created ({@code newproc1}), from inside and outside Gs
     * @param gsAllocated     of those, newly made by {@code malg}
     * @param gsReused        of those, taken from a free list by {@code gfget}
     * @param gsRun           Gs that ran to completion
     * @param panics          Gs whose function threw
     * @param gsReturned      Gs handed back by shutdown
     * @param steals          successful {@code runqsteal}s
     * @param gsStolen        Gs moved by them
     * @param stealBatches    histogram of steal batch sizes: 1, 2, 3–4, 5–8, 9–16, 17–32, 33–64, 65+
     * @param runqputslows    full rings spilled to the global queue
     * @param globrunqputGs   Gs put on the global queue
     * @param globrunqgets    takes from the global queue
     * @param globrunqgetGs   Gs taken from the global queue
     * @param parks           times an M parked ({@code stopm})
     * @param wakes           times {@code startm} woke a parked M
     * @param msStarted       Ms (threads) started
     * @param stacksAllocated {@code stackalloc} calls
     * @param stacksFreed     {@code stackfree} calls
     */
    public record Stats(long gsCreated, long gsAllocated, long gsReused, long gsRun, long panics,
                        long gsReturned, long steals, long gsStolen, long[] stealBatches, long runqputslows,
                        long globrunqputGs, long globrunqgets, long globrunqgetGs, long parks, long wakes,
                        long msStarted, long stacksAllocated, long stacksFreed) {

        /** Stacks allocated and not freed: those that Gs hold. */
        public long stacksInUse() {
            return stacksAllocated - stacksFreed;
        }

        /** A multi-line report. */
        @Override
        public String toString() {
            String[] names = {"1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65+"};
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < stealBatches.length; i++) {
                if (i > 0) {
                    h.append(' ');
                }
                h.append(names[i]).append(':').append(stealBatches[i]);
            }
            return String.format(
                    "goroutines: created %d (reused %d from free lists, newly allocated %d), ran %d,"
                            + " panicked %d, returned at shutdown %d%n"
                            + "steals: %d taking %d Gs; batch sizes %s%n"
                            + "global queue: %d Gs put (%d by full local rings), %d gets taking %d Gs%n"
                            + "Ms: %d started, %d parks, %d wakes of parked Ms%n"
                            + "stacks: %d allocated, %d freed, %d in use",
                    gsCreated, gsReused, gsAllocated, gsRun, panics, gsReturned,
                    steals, gsStolen, h, globrunqputGs, runqputslows, globrunqgets, globrunqgetGs,
                    msStarted, parks, wakes, stacksAllocated, stacksFreed, stacksInUse());
        }
    }

    /** The counters now (see {@link Stats}). Before start: all zero. */
    public Stats stats() {
        Proc pr = proc;
        if (pr == null) {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0, new long[STEAL_BUCKETS], 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        Proc.Stats ps = pr.stats();
        long[] hist = new long[STEAL_BUCKETS];
        for (int i = 0; i < gomaxprocs; i++) {
            for (int b = 0; b < STEAL_BUCKETS; b++) {
                hist[b] += stealHist[i][b];
            }
        }
        long run = sum(finished);
        long parks, wakes, newm;
        sched.lock.lock();
        try {
            parks = nparks;
            wakes = nwakes;
            newm = nnewm;
        } finally {
            sched.lock.unlock();
        }
        P ip = injectP;
        return new Stats(ps.gsCreated() + ip.nnewproc, ps.gsAllocated() + ip.nmalg, ps.gsReused() + ip.ngfgetReuse,
                run, npanics.get(), nreturned, ps.steals(), ps.gsStolen(), hist, ps.runqputslows(),
                ps.globrunqputGs(), ps.globrunqgets(), ps.globrunqgetGs(), parks, wakes, newm,
                ps.stacksAllocated(), ps.stacksFreed());
    }

    // ---- test access --------------------------------------------------------------------------------

    /** The P of the M running the calling G, or null outside a G (tests). */
    static P currentP() {
        M mp = M.current();
        return mp == null || mp.curg == null ? null : mp.p;
    }

    /** Whether shutdown has raised its flag: from now on no M starts a G (tests). */
    boolean shuttingDown() {
        return shuttingDown;
    }

    /** Number of Ms started so far (tests). */
    int mcount() {
        sched.lock.lock();
        try {
            return allm.size();
        } finally {
            sched.lock.unlock();
        }
    }

    // ---- randomOrder (proc.go) ----------------------------------------------------------------------

    /**
     * randomOrder/randomEnum (proc.go): enumerate 0..count-1 in a pseudo-random order, a random
     * start and a random stride coprime to count, so that every position is visited once.
     */
    static final class RandomOrder {
        final int count;
        final int[] coprimes;

        RandomOrder(int count) {
            this.count = count;
            List<Integer> cs = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (gcd(i, count) == 1) {
                    cs.add(i);
                }
            }
            this.coprimes = cs.stream().mapToInt(Integer::intValue).toArray();
        }

        /** start: the enumeration for the random number i (an unsigned 32-bit value). */
        RandomEnum start(int i) {
            long u = Integer.toUnsignedLong(i);
            return new RandomEnum(count, (int) (u % count), coprimes[(int) ((u / count) % coprimes.length)]);
        }

        static int gcd(int a, int b) {
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        @Override
        public String toString() {
            return "randomOrder" + Arrays.toString(coprimes);
        }
    }

    /** randomEnum: i counts visited positions; pos advances by inc modulo count. */
    static final class RandomEnum {
        private int i;
        private final int count;
        private int pos;
        private final int inc;

        RandomEnum(int count, int pos, int inc) {
            this.count = count;
            this.pos = pos;
            this.inc = inc;
        }

        boolean done() {
            return i == count;
        }

        void next() {
            i++;
            pos = (pos + inc) % count;
        }

        int position() {
            return pos;
        }
    }
}
