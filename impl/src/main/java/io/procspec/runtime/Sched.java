package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.G._Grunnable;

/**
 * A Go-style goroutine scheduler on the ported queues of {@link Proc}: worker threads (Ms) holding
 * processors (Ps) run goroutines (Gs), steal from each other, park when there is no work, and
 * recycle dead Gs through {@code gfput}. A G either runs a {@link Runnable} to completion, or runs a
 * {@link Steps} body that can yield ({@code Gosched}, {@code goyield}) and wait ({@code gopark},
 * woken by {@link #ready} or {@link #injectglist}) between its steps. Go 1.21's
 * {@code src/runtime/proc.go} is the reference.
 *
 * <pre>{@code
 * Sched s = new Sched();
 * s.start();                          // GOMAXPROCS = availableProcessors()
 * s.go(() -> System.out.println("hello from a goroutine"));
 * s.awaitQuiescence();                // no G runnable or running
 * List<Runnable> neverRan = s.shutdown();
 * }</pre>
 *
 * <h2>Goroutines that yield and wait</h2>
 *
 * <p>Java has no goroutine stacks to switch, so a G that gives its M back does so between steps:
 * its body is a {@link Steps} whose {@code step} runs the next piece of code and returns a
 * {@link Next}: {@link Next#EXIT}, {@link Next#GOSCHED} (to the global queue, Go's
 * {@code goschedImpl}), {@link Next#GOYIELD} (to the tail of its P's ring, {@code goyield_m}) or
 * {@link Next#park} ({@code gopark}: {@code _Gwaiting} on no queue until readied). A channel-like
 * wait, with the lock released only once the G is parked, as Go's {@code goparkunlock} does:
 *
 * <pre>{@code
 * ReentrantLock lock = new ReentrantLock();
 * Deque<G> waiters = new ArrayDeque<>();
 * boolean[] done = {false};
 * s.go(new Steps() {                          // the waiter
 *     boolean parked;
 *     public Next step(G gp) {
 *         if (parked) { System.out.println("done"); return Next.EXIT; }
 *         lock.lock();
 *         if (done[0]) { lock.unlock(); System.out.println("done"); return Next.EXIT; }
 *         parked = true;                       // the next step runs after the wakeup
 *         waiters.add(gp);
 *         return Next.park(g -> { lock.unlock(); return true; });
 *     }
 * });
 * s.go(() -> {                                 // the waker, from inside a G: goready
 *     lock.lock();
 *     done[0] = true;
 *     G w = waiters.poll();
 *     lock.unlock();
 *     if (w != null) s.ready(w);
 * });
 * }</pre>
 *
 * <h2>Where the code is</h2>
 *
 * <table>
 *   <caption>the scheduler's classes</caption>
 *   <tr><th>class</th><th>what</th><th>modelled by the spec</th></tr>
 *   <tr><td>{@code Sched} (this)</td><td>the public face: start-up, {@code go}, {@code ready},
 *       {@code injectglist}, quiescence, shutdown, statistics, the panic handler</td>
 *       <td>no (no labels)</td></tr>
 *   <tr><td>{@link MLoop}</td><td>the loop each M runs, ported from proc.go: {@code schedule},
 *       {@code findRunnable}, {@code stealWork}, {@code checkRunqsNoP}, {@code execute},
 *       {@code goexit0}, {@code goschedImpl}, {@code goyield_m}, {@code park_m},
 *       {@code injectglist}, and {@code wakep}'s second half, {@code startm}, {@code stopm}; its
 *       class comment gives the search order, spinning, and why no wakeup is lost</td>
 *       <td>yes ({@code spec/tla/Proc.tla})</td></tr>
 *   <tr><td>{@link Idle}</td><td>the idle P and M lists and the M registry, guarded by
 *       {@code sched.lock}</td><td>yes</td></tr>
 *   <tr><td>{@link M}</td><td>an M: a platform thread, its P, its park note</td><td>yes</td></tr>
 *   <tr><td>{@link RandomOrder}, {@link RandomEnum}</td><td>stealWork's victim order</td>
 *       <td>no: the spec visits victims in a fixed order</td></tr>
 *   <tr><td>{@link Proc}</td><td>the queue and free-list functions the loop calls, and
 *       {@code ready}/{@code goready}</td><td>yes</td></tr>
 *   <tr><td>{@link Steps}, {@link Next}</td><td>a G's body in steps and how each step ends</td>
 *       <td>the G actions</td></tr>
 * </table>
 *
 * <h2>G, M, P</h2>
 *
 * <p>A G is a function to run ({@code gp.sched.ctxt}) with a stack descriptor and a status. A P is
 * the right to run Gs: it owns a 256-slot run queue plus {@code runnext}, a cache of free Gs and a
 * goid cache. An M is a platform thread; it runs Gs only while it holds a P, so at most GOMAXPROCS
 * Gs run at once. Ms are started on demand ({@code startm}) and never exit before
 * {@link #shutdown}; an M with nothing to do parks on {@code sched.midle} ({@code stopm}) with its
 * P on {@code sched.pidle} ({@code pidleput}). Both idle lists are guarded by {@code sched.lock},
 * the lock that also guards the global run queue.
 *
 * <p><b>The life of a G.</b> {@link #go} inside a G is Go's {@code newproc}: {@code newproc1} takes
 * a dead G from the P's free list ({@code gfget}, refilled from the global lists) or makes one
 * ({@code malg}), makes it {@code _Grunnable}, puts it in the P's {@code runnext} (kicking the
 * previous runnext into the ring; a full ring spills half to the global queue) and calls
 * {@code wakep}. {@code schedule} finds it ({@code findRunnable}), {@code execute} switches it to
 * {@code _Grunning} and runs its next step; a step that yields puts the G back on a queue
 * ({@code _Grunnable}), one that parks leaves it {@code _Gwaiting} until {@link #ready} puts it in
 * the readier's {@code runnext} ({@code goready}) or {@link #injectglist} queues it; the last step
 * ends in {@code goexit0}, which makes the G {@code _Gdead} and puts it back with {@code gfput}.
 *
 * <p><b>{@code go} from outside any G</b> ({@link #goOutside}). Go has no P-less {@code go}
 * statement: every G is made by an M holding a P. A Java caller that is not running inside a G
 * holds no P, so it borrows the <em>injection P</em>: a P that is not in {@code allp}, never runs
 * Gs and never has queued Gs, and is owned by whichever outside caller holds {@code injectLock}. It
 * is only the context {@code newproc1} needs (a free-G cache refilled from the global free lists,
 * and a goid cache). The G then goes on the global queue under {@code sched.lock}, as Go's
 * {@code injectglist} does for a thread without a P, and an idle P gets an M ({@code startIdle}),
 * as for a {@link #ready} from outside, which is {@code injectglist} with no P: the global queue,
 * then an M for each idle P; with no idle P ({@code pidlegetSpinning} then sets
 * {@code needspinning}), every P's M looks at the global queue under {@code sched.lock} before it
 * idles, so the G is not stranded. (Until the Proc replay this path called {@code wakep}, and
 * {@code checkRunqsNoP} re-read the global queue to cover it, which Go 1.21 does not do.)
 *
 * <p><b>Quiescence and shutdown.</b> Each P counts the Gs created and readied on it (before they
 * become runnable) and the Gs that finished or parked on it (after they stopped), with release
 * stores (see {@link #add}); {@link #awaitQuiescence} sums the second kind, then the first, and equal sums mean that
 * at the moment between the two passes no G was runnable or running (parked Gs may remain).
 * {@link #shutdown} stops outside submissions, raises {@code shuttingDown} under
 * {@code sched.lock}, wakes every idle M and joins every M: an M finishes its current step, then
 * leaves. The caller then owns every P and drains the local queues ({@code runqdrain}) and the
 * global queue, and finds the parked Gs through {@code allgs}; all are marked dead and handed back
 * ({@link #unfinished()}; {@code shutdown} returns the functions of the {@code go(Runnable)} Gs
 * that never ran). So each G either finished or is handed back.
 *
 * <p><b>Errors.</b> Misuse is refused before anything changes: {@code go(null)} ("go of nil func
 * value"), a P count below 1, starting twice, {@code go}, {@code ready} or {@code injectglist}
 * from outside before start or after shutdown, {@code ready} of a G that is not parked ("bad
 * g->status in ready", Go's throw), waiting for quiescence or shutting down from inside a G. A G's
 * exception is a panic confined to that G: it goes to the {@link PanicHandler}, the G is recycled,
 * the M goes on. The scheduler's own invariant checks are Go's {@code throw}s ("stopm spinning",
 * "negative nmspinning" …) as {@link IllegalStateException}s; in Go they are fatal, and here they
 * mean a bug.
 *
 * <h2>Deviations from Go 1.21</h2>
 * <ul>
 *   <li>No preemption: a G gives its M back only between steps (a {@code Runnable} G has one). A
 *       step that blocks its Java thread holds its P meanwhile. A chain of Gs that each spawn
 *       exactly one G runs entirely from {@code runnext} and holds its P until the chain ends (Go
 *       breaks it with sysmon's 10 ms time slice), though other Ps can still steal the ring.</li>
 *   <li>A G's continuation is its {@link Steps} object, kept in {@code gp.sched.ctxt} while the G
 *       is queued or parked (Go saves pc and sp there). {@code gopark}'s wait reason and tracing are
 *       not kept. An exception from an {@code unlockf} is the G's panic and the G stays parked (in
 *       Go it would be fatal).</li>
 *   <li>No netpoll, timers, GC, locked Ms or syscalls, hence no {@code sched.needspinning}: it exists
 *       for work that appears without an owning P (netpoll, timers); here a queued G either sits
 *       on a P whose M will run it or on the global queue that every M checks under
 *       {@code sched.lock} before idling its P. A thread outside any G stands for the P-less
 *       readier (netpoll's {@code injectglist}).</li>
 *   <li>{@code goschedImpl} is Go 1.21's under every {@link GoVersion}: Go 1.22 added a
 *       {@code wakep} after its {@code globrunqput}, which neither this port nor the spec makes.
 *       {@code injectglist} is Go 1.21's under GO1_14 and GO1_21 (Go 1.14's put every G on the
 *       global queue); under GO1_25 it puts what runqputbatch left on the global queue itself and
 *       ends with Go 1.23's {@code wakep}.</li>
 *   <li>Ms are not bounded by {@code sched.maxmcount} and do not exit; there is no {@code m0}/main
 *       goroutine: all Ps start idle and the first {@code go} starts the first M.</li>
 *   <li>Under {@link GoVersion#GO1_25}, findRunnable uses Go 1.25's global-queue forms
 *       ({@code globrunqget()} at the {@code %61} look, {@code globrunqgetbatch} under the lock and
 *       {@code runqputbatch} after it at the global check and on the park path) and, after dropping
 *       the spinning count, re-checks the global queue under {@code sched.lock} before the P
 *       runqueues, as Go does since 1.22 ({@link Labels#FINDRUNNABLE_LOCKRECHECK}; Go 1.21 and
 *       earlier check the P runqueues only). runqput keeps using runnext unless the configuration
 *       says there is no sysmon ({@link ProcConfig#haveSysmon}; Go 1.23+ avoids runnext there,
 *       and Go has sysmon on every platform but wasm).</li>
 * </ul>
 *
 * <h2>Against the spec's Proc model</h2>
 *
 * <p>The conformance harness replays every edge of the spec's Proc models on this scheduler
 * ({@link #startDriven}: each M's loop as a controller's logical thread), comparing the mapped
 * state after every step (conformance/README.md, "Driving the Proc models"). What the Java side
 * does not have: sysmon, a GC worker's {@code runqdrain} and a GOMAXPROCS change (the spec's
 * {@code SysmonRetake}, {@code gcdrain} and {@code resize}). {@code injectglist} with a P has the
 * same steps in both (the hand-off to idle Ps is a {@link Labels#GLOBRUNQPUT_LOCK} section and a
 * {@link Labels#STARTM} section per idle P; under Go 1.25 the rest that runqputbatch left is a
 * {@link Labels#RUNQPUTBATCH_LOCK} section, then {@code wakep}). {@code unlockf}, a G's own code,
 * has no step in either.
 */
public final class Sched implements AutoCloseable {

    /** Buckets of the steal-batch histogram ({@link Stats#stealBatches()}): 1, 2, 3–4, 5–8, 9–16, 17–32, 33–64, 65+. */
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

    /**
     * NEW → RUNNING → SHUTTING_DOWN → TERMINATED; written under {@link #lifecycle} (and injectLock),
     * read without them: the volatile write of RUNNING publishes what start() set before it.
     */
    private volatile int state = NEW;
    private final Object lifecycle = new Object();

    private final ProcConfig cfg;

    // Set once by start(), before `state` is written RUNNING (the volatile write publishes them)
    // and before any M exists (Thread.start publishes them to Ms).
    private Proc proc;
    private MLoop loop;
    /** The injection P of outside {@code go} calls; owned by the holder of {@link #injectLock}. */
    private P injectP;
    private final ReentrantLock injectLock = new ReentrantLock();

    // ---- per-P counters (index pp.id * PAD; the injection P uses slot gomaxprocs) ---------------

    private static final int PAD = 16; // 128 bytes: no false sharing between Ps
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /**
     * Gs created on each P: one writer per slot (the P's owner, or the holder of injectLock for the
     * injection slot), release stores; {@link #quiescent()} reads them with acquire loads, which
     * keep its two passes in order (see there).
     */
    private long[] created;
    /** Gs that finished on each P: as {@link #created}. */
    private long[] finished;
    /** Gs that parked on each P (their unlockf, if any, returned true): as {@link #created}. */
    private long[] parked;
    /** Gs readied by a G on each P ({@code ready}, {@code injectglist}; the injection slot: from outside): as {@link #created}. */
    private long[] readied;
    /** Gs that yielded on each P (Gosched, goyield; statistics): as {@link #created}. */
    private long[] yielded;
    /** Panics (statistics): an atomic counter, no ordering needed. */
    private final java.util.concurrent.atomic.AtomicLong npanics = new java.util.concurrent.atomic.AtomicLong();

    /** Set by any thread, read by Ms at each panic: volatile so a new handler is seen. */
    private volatile PanicHandler panicHandler = PanicHandler.PRINT;

    /**
     * Quiescence waiters: counted (under the {@code quiesce} monitor) so that parking Ms notify
     * only when someone waits. An M reads the count without the monitor: a notify it skips because
     * the count was stale is covered by the waiter's bounded wait (at most 20 ms).
     */
    private final Object quiesce = new Object();
    private volatile int quiesceWaiters;

    // ---- construction and lifecycle -----------------------------------------------------------

    /** A scheduler with Go's queue constants; call {@link #start()} or {@link #start(int)}. */
    public Sched() {
        this(new ProcConfig());
    }

    /**
     * A scheduler over a {@link Proc} built from {@code cfg} (ring size, free-list constants,
     * a scheduling-point hook, checked mode …), copied: later changes to {@code cfg} do not reach
     * the scheduler. {@link #start(int)} sets the copy's {@code nprocs}.
     */
    public Sched(ProcConfig cfg) {
        this.cfg = Objects.requireNonNull(cfg, "config").copy();
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
            MLoop lp = new MLoop(this, pr);
            injectP = pr.newP(pr.gomaxprocs);
            injectP.storeOpaqueStatus(P._Prunning);
            created = new long[(pr.gomaxprocs + 1) * PAD];
            finished = new long[(pr.gomaxprocs + 1) * PAD];
            parked = new long[(pr.gomaxprocs + 1) * PAD];
            readied = new long[(pr.gomaxprocs + 1) * PAD];
            yielded = new long[(pr.gomaxprocs + 1) * PAD];
            lp.initIdle();
            pr.setWakeHook(lp::startSpinningM);
            pr.setMainStarted(true); // from now on newproc calls wakep
            proc = pr;
            loop = lp;
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
        Proc pr = proc;
        return pr == null ? 0 : pr.gomaxprocs;
    }

    /** Whether {@link #shutdown} has been called. */
    public boolean isShutdown() {
        return state >= SHUTTING_DOWN;
    }

    /** Sets the handler for Gs whose function throws (default {@link PanicHandler#PRINT}). */
    public void setPanicHandler(PanicHandler h) {
        panicHandler = Objects.requireNonNull(h, "panic handler");
    }

    // ---- go ---------------------------------------------------------------------------------------

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
     *                               shutdown returns the new G. From a caller holding
     *                               {@code sched.lock} or {@code sched.gFree.lock}, which newproc may
     *                               need (nothing changes).
     */
    public void go(Runnable fn) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        M mp = M.current();
        if (mp != null && mp.owner == this && mp.curg != null) {
            checkNoSchedLocks("go");
            P pp = mp.p;
            incr(created, pp.id); // before the G exists: see quiescent()
            try {
                proc.newproc(pp, fn, mp.curg); // the new G's own funcval holds fn: nothing else allocated
            } catch (RuntimeException | Error e) {
                add(created, pp.id, -1); // no G was made (newproc refuses before it changes anything)
                throw e;
            }
            return;
        }
        goOutside(fn);
    }

    /**
     * Refuses a caller holding a lock of the scheduler that the operation takes: it would deadlock
     * on itself part-way (or, waiting for the Ms, stall them). Changes nothing.
     */
    private void checkNoSchedLocks(String fn) {
        Proc pr = proc;
        if (pr == null) {
            return; // not started: the scheduler has no locks yet
        }
        checkNotHeld(fn, pr.sched.lock);
        checkNotHeld(fn, pr.sched.gFree.lock);
    }

    private static void checkNotHeld(String fn, Mutex m) {
        if (m.heldByCurrentThread()) {
            throw new IllegalStateException(fn + ": the caller holds " + m.name()
                    + ", which the scheduler needs; release it first");
        }
    }

    /**
     * Go's {@code go} of a G whose body runs in steps ({@link Steps}): between steps it may yield
     * ({@link Next#GOSCHED}, {@link Next#GOYIELD}) or park ({@link Next#park}) until
     * {@link #ready} or {@link #injectglist} wakes it. Created and queued exactly as
     * {@link #go(Runnable)}.
     *
     * @throws NullPointerException  {@code go of nil func value} when body is null (nothing changes)
     * @throws IllegalStateException as {@link #go(Runnable)}
     */
    public void go(Steps body) {
        if (body == null) {
            throw new NullPointerException("go of nil func value");
        }
        go0(new FuncVal(body));
    }

    private void go0(FuncVal fn) {
        M mp = M.current();
        if (mp != null && mp.owner == this && mp.curg != null) {
            checkNoSchedLocks("go");
            P pp = mp.p;
            incr(created, pp.id); // before the G exists: see quiescent()
            try {
                proc.newproc(pp, fn, mp.curg);
            } catch (RuntimeException | Error e) {
                add(created, pp.id, -1); // no G was made (newproc refuses before it changes anything)
                throw e;
            }
            return;
        }
        goOutside(null, fn);
    }

    /**
     * {@code go} from a thread that is not running a G of this scheduler, so holds no P.
     *
     * <p>The caller borrows the injection P under {@code injectLock} (see the class comment): it is
     * the context for {@code newproc1} ({@code gfget}: the P's free cache, refilled from
     * {@code sched.gFree}; else {@code malg}; a goid from its cache). The new G goes on the global
     * queue ({@code lock(&sched.lock); globrunqput(gp); unlock}, {@link Labels#GLOBRUNQPUT_LOCK}), and
     * an idle P gets an M ({@code startIdle}), as Go's {@code injectglist} does when the caller has
     * no P.
     */
    void goOutside(Runnable fn) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        goOutside(fn, null);
    }

    /** goOutside of a Runnable ({@code body}, held in the new G's own funcval) or of {@code fn}. */
    private void goOutside(Runnable body, FuncVal fn) {
        injectLock.lock();
        try {
            checkRunningFromOutside("go");
            checkNoSchedLocks("go");
            incr(created, proc.gomaxprocs); // before the G exists: see quiescent()
            G gp;
            try {
                gp = body != null ? proc.newproc1(injectP, body, null, 0) : proc.newproc1(injectP, fn, null, 0);
            } catch (RuntimeException | Error e) {
                add(created, proc.gomaxprocs, -1); // no G was made
                throw e;
            }
            proc.globrunqputLocked(gp);
            // Go's injectglist with no P (netpoll's readied Gs): an M for an idle P, if there is
            // one (startIdle; none: needspinning, and every P's M looks at the global queue under
            // sched.lock before it idles its P). Not wakep: a spinning M's checkRunqsNoP does not
            // re-read the global queue (Go 1.21).
            loop.startIdle(1);
        } finally {
            injectLock.unlock();
        }
    }

    /** From outside a G (injectLock held): refuses before start and after shutdown. */
    private void checkRunningFromOutside(String what) {
        int s = state;
        if (s != RUNNING) {
            throw new IllegalStateException(s == NEW ? "scheduler not started: call start() first"
                    : what + " after shutdown");
        }
    }

    // ---- ready, injectglist ---------------------------------------------------------------------

    /**
     * Go's {@code goready(gp)}: makes a parked G ({@code _Gwaiting}, after its step returned
     * {@link Next#park}) runnable again; its next step will run.
     *
     * <p>Inside a G of this scheduler this is {@code ready(gp, next=true)} on the M's P
     * ({@link Proc#ready}): the G goes to the P's {@code runnext}, kicking the previous runnext to
     * the ring, so it runs next on this P after the current G's step unless a thief takes it, and
     * {@code wakep} may start another M. From any other thread, which holds no P, it is
     * {@link #injectglist} with no P: the G goes on the global queue and an idle P, if any, gets an
     * M (Go readies from such threads the same way: netpoll's Gs go through injectglist).
     *
     * <p>Ready a G only once per park, after it parked: a G that is not {@code _Gwaiting} is
     * refused. The usual pattern puts the G on a wait structure under a lock inside its step and
     * releases that lock in the {@link Next.Unlockf}, which runs after the G is {@code _Gwaiting}:
     * a readier that takes the G from the structure under the same lock then always sees it parked.
     * {@code gp} must be a G of this scheduler.
     *
     * @throws NullPointerException  gp is null (nothing changes)
     * @throws IllegalStateException "bad g->status in ready" when gp is not parked (also when
     *                               another thread readied it first); a G visibly on a list or queue
     *                               (its schedlink set); from a caller holding {@code sched.lock} or
     *                               {@code sched.gFree.lock}; from outside a G, before start or
     *                               after shutdown; nothing changes in each case
     */
    public void ready(G gp) {
        Objects.requireNonNull(gp, "ready: nil g");
        M mp = M.current();
        if (mp != null && mp.owner == this && mp.curg != null) {
            P pp = mp.p;
            checkReadyable(gp); // refused before any count changes
            checkNoSchedLocks("ready");
            add(readied, pp.id, 1); // before the G is runnable: see quiescent()
            try {
                proc.goready(pp, gp);
            } catch (RuntimeException | Error e) {
                add(readied, pp.id, -1); // refused: nothing was readied
                throw e;
            }
            return;
        }
        injectOutside(new G[] {gp}, "ready");
    }

    /** ready's checks of gp: parked (Go's throw otherwise) and on no list. */
    private static void checkReadyable(G gp) {
        if (gp.readgstatus() != G._Gwaiting) {
            throw new IllegalStateException("bad g->status in ready: " + gp + " is "
                    + G.statusName(gp.readgstatus()));
        }
        checkUnlinked("ready", gp);
    }

    /**
     * Go's {@code injectglist}: makes every G of {@code gs} (each parked, {@code _Gwaiting})
     * runnable at once. Inside a G of this scheduler: one G per idle P goes to the global queue with
     * an M started for it, the rest to this P's ring ({@link MLoop#injectglist}). From any other
     * thread: all to the global queue, and up to that many idle Ps get an M.
     *
     * <p>All or nothing: if a G is null, listed twice, not parked or visibly on a list or queue (or
     * another thread readies it meanwhile), an exception is thrown and every G stays as it was.
     *
     * @throws NullPointerException     gs or one of its Gs is null
     * @throws IllegalArgumentException a G listed twice
     * @throws IllegalStateException    a G not parked, or on a list or queue (its schedlink set); a
     *                                  caller holding {@code sched.lock} or {@code sched.gFree.lock};
     *                                  from outside a G, before start or after shutdown
     */
    public void injectglist(java.util.Collection<G> gs) {
        Objects.requireNonNull(gs, "injectglist: nil list");
        G[] arr = gs.toArray(new G[0]);
        java.util.Set<G> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (G gp : arr) {
            Objects.requireNonNull(gp, "injectglist: nil g");
            if (!seen.add(gp)) {
                throw new IllegalArgumentException("injectglist: " + gp + " listed twice");
            }
            if (gp.readgstatus() != G._Gwaiting) {
                throw new IllegalStateException("injectglist: " + gp + " is not parked (status "
                        + G.statusName(gp.readgstatus()) + ")");
            }
            checkUnlinked("injectglist", gp);
        }
        if (arr.length == 0) {
            return;
        }
        M mp = M.current();
        if (mp != null && mp.owner == this && mp.curg != null) {
            checkNoSchedLocks("injectglist");
            P pp = mp.p;
            add(readied, pp.id, arr.length); // before the Gs are runnable: see quiescent()
            try {
                loop.injectglist(pp, arr);
            } catch (RuntimeException | Error e) {
                add(readied, pp.id, -arr.length);
                throw e;
            }
            return;
        }
        injectOutside(arr, "injectglist");
    }

    /**
     * A parked G on a list or queue (its schedlink set: a user's mistake, Go's parked Gs are on no
     * run queue) would be linked twice when queued: refused before its status changes.
     */
    private static void checkUnlinked(String fn, G gp) {
        if (gp.schedlink() != null) {
            throw new IllegalStateException(fn + ": " + gp + " is on a list or queue (schedlink is set)");
        }
    }

    /** injectglist with no P, from a thread outside any G: the caller holds the injection slot's counters. */
    private void injectOutside(G[] gs, String what) {
        injectLock.lock();
        try {
            checkRunningFromOutside(what);
            if (what.equals("ready")) {
                checkReadyable(gs[0]);
            }
            checkNoSchedLocks(what);
            int slot = proc.gomaxprocs;
            add(readied, slot, gs.length); // before the Gs are runnable: see quiescent()
            try {
                loop.injectglist(null, gs);
            } catch (RuntimeException | Error e) {
                add(readied, slot, -gs.length);
                throw e;
            }
        } finally {
            injectLock.unlock();
        }
    }

    // ---- bookkeeping the loop reports (not in Go) ------------------------------------------------

    /** goexit0 finished a G on pp: counted for quiescence and {@link Stats#gsRun()}. */
    void gFinished(P pp) {
        incr(finished, pp.id);
    }

    /** park_m parked a G on pp (its unlockf, if any, returned true): counted for quiescence. */
    void gParked(P pp) {
        incr(parked, pp.id);
    }

    /**
     * goschedImpl or goyield_m is about to requeue a G on pp (statistics). Called before the G is queued again: the release store then
     * happens-before whatever M takes the G, so a reader that saw the G finish (quiescence) also
     * sees this yield in {@link #stats()}.
     */
    void gYielded(P pp) {
        incr(yielded, pp.id);
    }

    /** stopm parked an M: wake quiescence waiters, if any, to re-check. */
    void mParked() {
        if (quiesceWaiters != 0) {
            synchronized (quiesce) {
                quiesce.notifyAll();
            }
        }
    }

    /** Reports a G's throw to the handler; a throwing handler is printed, never propagated. */
    void panicked(G gp, Throwable t) {
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

    // ---- quiescence -------------------------------------------------------------------------------

    private static void incr(long[] a, int slot) {
        add(a, slot, 1);
    }

    /**
     * a[slot] += d by the slot's single writer (its P's owner, or injectLock's holder): a plain read
     * and a release store, not a volatile one (no full fence per G). Release is enough: a G is
     * counted created (or readied) before it is published (runqput's release store or CAS, or
     * sched.lock) and counted finished (or parked) after it stopped, so each "started" count
     * happens-before the matching "stopped" count, wherever the G ran; a reader that acquires a
     * stopped count ({@link #sum}) then sees at least the matching started count (see
     * {@link #quiescent()}). There is no Dekker-style pair here that would need a StoreLoad barrier.
     */
    private static void add(long[] a, int slot, long d) {
        int i = slot * PAD;
        LONGS.setRelease(a, i, (long) LONGS.get(a, i) + d);
    }

    private static long sum(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i += PAD) {
            s += (long) LONGS.getAcquire(a, i); // pairs with add's release store
        }
        return s;
    }

    /**
     * Whether no G was runnable or running at some moment during this call (parked Gs may exist).
     *
     * <p>A G is <em>active</em> (runnable or running) from its creation or its readying until it
     * finishes or parks. Activations ({@code created}, {@code readied}) are counted before the G
     * becomes runnable; deactivations ({@code finished}, {@code parked}) after it stopped running,
     * so for every G, at every moment, its deactivations counted so far never exceed its activations.
     * This reads every deactivation count first, then every activation count, all volatile: if the
     * sums are equal, then at the moment between the two passes the deactivations counted were at
     * least the first sum and the activations at most the second, so they were equal, and no G was
     * active then.
     */
    boolean quiescent() {
        long inactive = sum(finished) + sum(parked) + nreturnedQueued;
        long active = sum(created) + sum(readied);
        return inactive == active;
    }

    /**
     * Waits until no G is runnable or running: every G created so far has finished or is parked
     * ({@link Next#park}) waiting for a {@link #ready}. Returns at once if that already holds. Gs
     * created or readied concurrently from outside may make the state momentary. Not callable from
     * inside a G, which would wait for itself.
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
        Objects.requireNonNull(unit, "awaitQuiescence: nil unit");
        M mp = M.current();
        if (mp != null && mp.owner == this) {
            throw new IllegalStateException("awaitQuiescence from inside a goroutine would wait for itself");
        }
        checkNoSchedLocks("awaitQuiescence");
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
     * Stops the scheduler and returns the functions of the {@code go(Runnable)} Gs that never ran,
     * in queue order (each P's runnext and ring, then the global queue). Outside {@code go},
     * {@code ready} and {@code injectglist} fail from now on; Gs running now finish their current
     * step (and the Gs they create or ready are handed back); then every M exits.
     *
     * <p>Every G that did not finish is then handed back and marked dead (put on a free list):
     * the queued ones ({@code _Grunnable}: never ran, or yielded by a {@link Steps} body) and the
     * parked ones ({@code _Gwaiting}, found through {@code allgs}); {@link #unfinished()} lists them
     * all with their functions. A parked G's wait structures (the user's) still hold it: a later
     * {@link #ready} of it is refused ("ready after shutdown"). So each G either finished, or is
     * handed back. Calling it again, or before start, returns an empty list.
     *
     * @throws IllegalStateException from inside a G of this scheduler (it would wait for itself), or
     *                               from a caller holding {@code sched.lock} or
     *                               {@code sched.gFree.lock} (nothing changes)
     */
    public List<Runnable> shutdown() {
        M self = M.current();
        if (self != null && self.owner == this) {
            throw new IllegalStateException("shutdown from inside a goroutine would wait for itself");
        }
        checkNoSchedLocks("shutdown");
        synchronized (lifecycle) {
            if (state == NEW || state == TERMINATED) {
                state = TERMINATED;
                if (unfinished == null) {
                    unfinished = List.of();
                }
                return new ArrayList<>();
            }
            injectLock.lock();
            try {
                state = SHUTTING_DOWN; // no outside go from now on
            } finally {
                injectLock.unlock();
            }
            List<M> ms;
            Schedt sched = proc.sched;
            MLoop lp = loop;
            sched.lock.lock();
            try {
                lp.shuttingDown = true; // no M is started from now on
                for (M mp; (mp = lp.idle.mget()) != null; ) {
                    mp.nextp = null;
                    mp.notewakeup(); // nextp == null: exit
                }
                ms = new ArrayList<>(lp.idle.allm);
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
            Thread me = Thread.currentThread();
            for (P pp : proc.allp) {
                pp.storePlainOwner(me); // the owner-only operations below run on this thread
            }
            List<Runnable> left = new ArrayList<>();
            List<Unfinished> un = new ArrayList<>();
            List<G> dead = new ArrayList<>();
            for (P pp : proc.allp) {
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
                FuncVal fn = gp.sched.ctxt;
                un.add(new Unfinished(gp.goid, fn.function(), G._Grunnable));
                if (fn.body != null) {
                    left.add(fn.body);
                }
                if (fn == gp.fnbuf) {
                    gp.fnbuf.clear(); // the G's own funcval: keep no closure alive on the free list
                }
                gp.sched.ctxt = null;
                proc.casgstatus(gp, _Grunnable, _Gdead);
                gp.schedlink = null;
                proc.gfput(proc.allp[0], gp);
            }
            nreturnedQueued = dead.size(); // deactivations: see quiescent()
            // Parked Gs: no queue holds them; allgs does. No M runs and no outside thread can ready
            // them now (state is SHUTTING_DOWN), so their status is stable.
            List<G> waiting = new ArrayList<>();
            for (G gp : proc.allgs()) {
                if (gp.readgstatus() == G._Gwaiting) {
                    waiting.add(gp);
                }
            }
            waiting.sort(java.util.Comparator.comparingLong(g -> g.goid));
            for (G gp : waiting) {
                un.add(new Unfinished(gp.goid, gp.sched.ctxt.function(), G._Gwaiting));
                gp.sched.ctxt = null;
                proc.casgstatus(gp, G._Gwaiting, _Gdead);
                proc.gfput(proc.allp[0], gp);
            }
            for (P pp : proc.allp) {
                pp.storePlainOwner(P.SHUT_DOWN);
            }
            unfinished = List.copyOf(un);
            nreturned = un.size();
            state = TERMINATED;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return left;
        }
    }

    /** Gs handed back by shutdown (statistics; volatile: written by shutdown, read by stats). */
    private volatile long nreturned;
    /** Of those, the queued ones (they never finish: counted as deactivated by quiescent()). */
    private volatile long nreturnedQueued;
    /** What shutdown handed back; null until then (written under lifecycle before TERMINATED). */
    private volatile List<Unfinished> unfinished;

    /**
     * A G that {@link #shutdown} stopped before it finished.
     *
     * @param goid     its goid
     * @param function what it was started with: the {@link Runnable} or the {@link Steps}
     * @param status   where it was: {@link G#_Grunnable} (on a run queue: it never ran, or it
     *                 yielded) or {@link G#_Gwaiting} (parked)
     */
    public record Unfinished(long goid, Object function, int status) {
        @Override
        public String toString() {
            return "goroutine " + goid + " [" + G.statusName(status) + "] " + function;
        }
    }

    /**
     * Every G that shutdown handed back: the queued ones in queue order, then the parked ones by
     * goid. Empty when shutdown found none, or ran before start.
     *
     * @throws IllegalStateException before {@link #shutdown} has returned
     */
    public List<Unfinished> unfinished() {
        List<Unfinished> u = unfinished;
        if (u == null) {
            throw new IllegalStateException("unfinished() before shutdown");
        }
        return u;
    }

    /** {@link #shutdown()}, for try-with-resources; the Gs that never ran are dropped. */
    @Override
    public void close() {
        shutdown();
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
     * @param gsReturned      Gs handed back by shutdown ({@link #unfinished()})
     * @param gsYielded       yields: {@link Next#GOSCHED} and {@link Next#GOYIELD} steps
     * @param gsParked        parks: {@link Next#park} steps that parked (unlockf, if any, returned true)
     * @param gsReadied       Gs made runnable again by {@link #ready} and {@link #injectglist}
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
                        long gsReturned, long gsYielded, long gsParked, long gsReadied, long steals, long gsStolen, long[] stealBatches, long runqputslows,
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
                            + "yields: %d; parks: %d; readied: %d%n"
                            + "steals: %d taking %d Gs; batch sizes %s%n"
                            + "global queue: %d Gs put (%d by full local rings), %d gets taking %d Gs%n"
                            + "Ms: %d started, %d parks, %d wakes of parked Ms%n"
                            + "stacks: %d allocated, %d freed, %d in use",
                    gsCreated, gsReused, gsAllocated, gsRun, panics, gsReturned,
                    gsYielded, gsParked, gsReadied, steals, gsStolen, h, globrunqputGs, runqputslows, globrunqgets, globrunqgetGs,
                    msStarted, parks, wakes, stacksAllocated, stacksFreed, stacksInUse());
        }
    }

    /** The counters now (see {@link Stats}). Before start: all zero. */
    public Stats stats() {
        Proc pr = proc;
        if (pr == null) {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new long[STEAL_BUCKETS], 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        MLoop lp = loop;
        ProcStats ps = pr.stats();
        long[] hist = new long[STEAL_BUCKETS];
        for (int i = 0; i < pr.gomaxprocs; i++) {
            for (int b = 0; b < STEAL_BUCKETS; b++) {
                hist[b] += lp.stealHist[i][b];
            }
        }
        long run = sum(finished);
        long parks, wakes, newm;
        pr.sched.lock.lock();
        try {
            parks = lp.idle.nparks;
            wakes = lp.idle.nwakes;
            newm = lp.idle.nnewm;
        } finally {
            pr.sched.lock.unlock();
        }
        P ip = injectP;
        return new Stats(ps.gsCreated() + ip.nnewproc, ps.gsAllocated() + ip.nmalg, ps.gsReused() + ip.ngfgetReuse,
                run, npanics.get(), nreturned, sum(yielded), sum(parked), sum(readied), ps.steals(), ps.gsStolen(), hist, ps.runqputslows(),
                ps.globrunqputGs(), ps.globrunqgets(), ps.globrunqgetGs(), parks, wakes, newm,
                ps.stacksAllocated(), ps.stacksFreed());
    }

    // ---- driven Ms: for a harness that runs the Ms itself -------------------------------------------

    /**
     * Starts the scheduler for a harness that runs each M's loop on a thread of its own choosing
     * (the conformance harness runs them as a controller's logical threads to replay
     * {@code spec/tla/Proc.tla}'s paths). It sets up the spec's scenario {@code "main"}, which is
     * how Go starts: {@code nprocs} Ps, all idle but {@code allp[0]}; the main goroutine
     * ({@code main}, goid 1) made by {@code newproc} on {@code allp[0]} before {@code mainStarted}
     * (in runnext, no wakep), as {@code rt0_go} does; and {@code nm} Ms that are never started as
     * threads: M 1 is handed {@code allp[0]} (it wakes as from {@code mstart}), Ms 2..nm are parked
     * on {@code sched.midle}, M 2 at its head. Element k of the result runs M k+1's loop on the
     * calling thread: it waits in stopm's mPark at the scheduling point {@link Labels#STOPM} until
     * startm wakes it (M 1 is woken already), then runs {@code schedule} until shutdown. Inside it,
     * {@link #go}, {@link #ready} and {@link #injectglist} act as inside any G of this scheduler.
     *
     * <p>A driven M parks only at scheduling points, so the config's {@code point} must be a
     * controller that runs one thread at a time (with {@link SchedPoint#NONE} a parked driven M
     * would spin). Since a driven M is not a thread, startm never makes a new one: with no idle M
     * it throws (the spec's startm waits for one to park; a replay never takes that step).
     *
     * @param nprocs GOMAXPROCS, at least 1
     * @param nm     Ms, at least {@code nprocs} (the spec's {@code NumM >= NumP})
     * @param main   the main goroutine's body
     * @return one body per M, M 1 first
     * @throws IllegalArgumentException {@code nprocs < 1} or {@code nm < nprocs} (nothing changes)
     * @throws IllegalStateException    already started (nothing changes)
     */
    public List<Runnable> startDriven(int nprocs, int nm, Steps main) {
        Objects.requireNonNull(main, "main");
        return startDriven(nprocs, nm, p0 -> {
            G g = proc.newproc1(p0, new FuncVal(main), null, 0);
            proc.runqput(p0, g, true);
        });
    }

    /**
     * {@link #startDriven(int, int, Steps)} with the initial Gs made by {@code setup} instead of
     * one main goroutine: it runs on the calling thread, before any M, with {@code allp[0]} owned by
     * the caller (as m0 before mstart) and {@code mainStarted} false (no wakep), and may make Gs on
     * it ({@link Proc#newproc1}) and queue them on its ring, its runnext or the global queue (the
     * spec's other starting scenarios, such as {@code "fairness"}: two Gs in P 1's ring and one on
     * the global queue). Its Gs count as created for {@link #awaitQuiescence} only if it queues them.
     *
     * @throws IllegalArgumentException as {@link #startDriven(int, int, Steps)}
     */
    public List<Runnable> startDriven(int nprocs, int nm, java.util.function.Consumer<P> setup) {
        return startDriven(nprocs, nm, 1, setup);
    }

    /**
     * {@link #startDriven(int, int, java.util.function.Consumer)} with Ms 1..busy each holding a P
     * at the start (allp[0..busy-1], each M starting as a just-woken M at findRunnable's top), as
     * the spec's scenarios with two busy Ps start ({@code "fairness2"}, {@code "fairness3"},
     * {@code "steal"}); {@code setup} may then also queue Gs on those Ps ({@code proc().allp}).
     *
     * @throws IllegalArgumentException unless 1 <= busy <= nprocs <= nm
     */
    public List<Runnable> startDriven(int nprocs, int nm, int busy, java.util.function.Consumer<P> setup) {
        Objects.requireNonNull(setup, "setup");
        if (nprocs < 1 || nm < nprocs || busy < 1 || busy > nprocs) {
            throw new IllegalArgumentException("startDriven needs 1 <= busy <= nprocs <= nm, got busy " + busy + ", nprocs "
                    + nprocs + ", nm " + nm);
        }
        start(nprocs);
        Proc pr = proc;
        MLoop lp = loop;
        pr.setMainStarted(false); // newproc(main) calls no wakep, as in rt0_go
        List<M> ms = lp.drivenMs(nm, busy);
        P p0 = ms.get(0).nextp;
        for (int k = 0; k < busy; k++) {
            ms.get(k).nextp.storePlainOwner(Thread.currentThread()); // m0 owns the busy Ps while it makes the initial Gs
        }
        long made = pr.allgs().size();
        setup.accept(p0);
        add(created, p0.id, pr.allgs().size() - made);
        for (int k = 0; k < busy; k++) {
            ms.get(k).nextp.storePlainOwner(P.IDLE); // acquired by its M when it wakes
        }
        pr.setMainStarted(true);
        List<Runnable> bodies = new ArrayList<>();
        for (M mp : ms) {
            bodies.add(() -> {
                M.DRIVEN.set(mp);
                try {
                    lp.mstartDriven(mp);
                } finally {
                    M.DRIVEN.remove();
                }
            });
        }
        return bodies;
    }

    /**
     * One M, as {@link #schedSnapshot()} sees it.
     *
     * @param id       {@code m.id} (driven Ms: 1..nm)
     * @param p        {@code m.p.id}, else {@code m.nextp.id} (the P startm handed it, not yet
     *                 acquired: the spec's {@code pp[m]} from startm on), else -1
     * @param spinning {@code m.spinning}
     * @param curg     {@code m.curg}, or null
     * @param parked   whether the M is in stopm's mPark (the spec's {@code parked}: from stopm's
     *                 lock section until its wake-up returns)
     */
    public record MView(long id, int p, boolean spinning, G curg, boolean parked) {}

    /**
     * The scheduler's state beside the queues ({@link Proc#snapshot()} has those): every M, the
     * idle lists, {@code nmspinning} and {@code needspinning}. Exact only while no M runs (every
     * driven M waits at a scheduling point, or after shutdown).
     *
     * @param allm         every M, in the order they were made
     * @param pidle        {@code sched.pidle}: P ids, the next pidleget's first
     * @param midle        {@code sched.midle}: M ids, the next mget's first
     * @param nmspinning   {@code sched.nmspinning}
     * @param needspinning {@code sched.needspinning}
     */
    public record SchedView(List<MView> allm, List<Integer> pidle, List<Long> midle, int nmspinning,
                            int needspinning) {}

    /** A {@link SchedView} of this scheduler now (see there for when it is exact); null before start. */
    public SchedView schedSnapshot() {
        MLoop lp = loop;
        if (lp == null) {
            return null;
        }
        List<MView> ms = new ArrayList<>();
        for (M mp : lp.idle.allm) {
            P pp = mp.p != null ? mp.p : mp.nextp;
            ms.add(new MView(mp.mid, pp == null ? -1 : pp.id, mp.spinning, mp.curg, mp.sleeping));
        }
        List<Integer> pidle = new ArrayList<>();
        for (P pp : lp.idle.pidleList()) {
            pidle.add(pp.id);
        }
        List<Long> midle = new ArrayList<>();
        for (M mp : lp.idle.midleList()) {
            midle.add(mp.mid);
        }
        return new SchedView(List.copyOf(ms), List.copyOf(pidle), List.copyOf(midle), lp.sched.loadVolatileNmspinning(),
                lp.sched.loadVolatileNeedspinning());
    }

    // ---- test access --------------------------------------------------------------------------------

    /** The P of the M running the calling G, or null outside a G (tests). */
    static P currentP() {
        M mp = M.current();
        return mp == null || mp.curg == null ? null : mp.p;
    }

    /** Whether shutdown has raised its flag: from now on no M starts a G (tests). */
    boolean shuttingDown() {
        MLoop lp = loop;
        return lp != null && lp.shuttingDown;
    }

    /** Number of Ms started so far (tests). */
    int mcount() {
        MLoop lp = loop;
        if (lp == null) {
            return 0;
        }
        lp.sched.lock.lock();
        try {
            return lp.idle.allm.size();
        } finally {
            lp.sched.lock.unlock();
        }
    }
}
