package io.procspec.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import static io.procspec.runtime.Arch.*;
import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.G._Gidle;
import static io.procspec.runtime.G._Grunnable;
import static io.procspec.runtime.G._Gwaiting;
import static io.procspec.runtime.Labels.*;

/**
 * The functions of Go's {@code src/runtime/proc.go} that create goroutines and move them between
 * run queues and free lists, ported step for step. Go 1.21 is the reference; {@link GoVersion}
 * selects the 1.14 and 1.25 forms where they differ.
 *
 * <h2>Implementation overview</h2>
 *
 * <p>A G is born in {@link #newproc1}: taken from the P's free list ({@link #gfget}, which refills
 * from the global lists under {@code sched.gFree.lock}) or made by {@link #malg}; its context is
 * built on its stack so that it "returns" into goexit; it becomes {@code _Grunnable} and gets a
 * goid from the P's cache of {@code goidBatch}. {@link #newproc} then puts it in the P's
 * {@code runnext} slot with {@link #runqput}, kicking the old runnext to the tail of the ring.
 *
 * <p>The ring is a single-producer, multi-consumer queue. The owner writes a slot, then publishes
 * it with a store-release of {@code runqtail}. Consumers (the owner's {@link #runqget}, thieves'
 * {@link #runqgrab}) load-acquire head and tail, read the slots plainly, and commit with a
 * CAS-release of {@code runqhead}; a failed CAS means another consumer got there first, and the
 * values read (possibly garbage from a slot being overwritten) are thrown away. When the ring is
 * full, {@link #runqputslow} moves half of it plus the new G to the global queue under
 * {@code sched.lock}, committing its take with the same CAS; if a thief moved head meanwhile, the
 * ring is no longer full and runqput retries the fast path.
 *
 * <p>A dead G goes back through {@link #gfput}; at {@code localMax} free Gs the P moves all but
 * fewer than {@code localKeep} to the global lists, split into Gs with and without stacks, so that
 * {@link #gfget} can prefer Gs that still have one.
 *
 * <h2>Memory ordering</h2>
 *
 * <p>This section is procspec's one reference for memory ordering; {@link P}, {@link G},
 * {@link Schedt}, the README and {@code spec/README.md} link here.
 *
 * <p><b>Accessors.</b> Every access to a location that two threads may touch without a lock
 * between them (the ring's slots, {@code runqhead}, {@code runqtail}, {@code runnext},
 * {@code pp.status}, {@code gp.atomicstatus}, {@code sched.runqsize}, {@code sched.nmspinning},
 * {@code sched.npidle}, {@code sched.goidgen}, the heads of {@code sched.gFree}'s lists, the misuse
 * checks' {@code pp.owner}) goes
 * through an accessor of the object that holds it, named {@code <operation><Mode><Field>}: the
 * field is the location, the mode is the ordering. One legend, used everywhere:
 *
 * <table>
 *   <caption>accessor prefixes</caption>
 *   <tr><th>prefix</th><th>Java (VarHandle)</th><th>Go</th><th>orders</th></tr>
 *   <tr><td>{@code loadPlain}, {@code storePlain}</td><td>{@code get}, {@code set}, plain
 *       array element</td><td>a plain read or write</td><td>nothing; may be stale, hoisted,
 *       reordered</td></tr>
 *   <tr><td>{@code loadOpaque}, {@code storeOpaque}</td><td>{@code getOpaque},
 *       {@code setOpaque}</td><td>a racy read of a hint</td><td>coherence only: never torn,
 *       never hoisted out of a loop, no ordering with other locations</td></tr>
 *   <tr><td>{@code loadAcquire}</td><td>{@code getAcquire}</td><td>{@code atomic.LoadAcq}</td>
 *       <td>later accesses stay after it; sees what a release store it reads from published</td></tr>
 *   <tr><td>{@code storeRelease}</td><td>{@code setRelease}</td><td>{@code atomic.StoreRel}</td>
 *       <td>earlier accesses stay before it</td></tr>
 *   <tr><td>{@code loadVolatile}, {@code storeVolatile}</td><td>{@code getVolatile},
 *       {@code setVolatile}</td><td>{@code atomic.Load}, {@code atomic.Store}</td><td>sequentially
 *       consistent: in the JLS's one total synchronization order</td></tr>
 *   <tr><td>{@code casRelease}</td><td>{@code compareAndExchangeRelease} (strong)</td>
 *       <td>{@code atomic.CasRel}</td><td>a release store if it succeeds</td></tr>
 *   <tr><td>{@code casVolatile}, {@code addVolatile}</td><td>{@code compareAndSet},
 *       {@code getAndAdd}</td><td>{@code atomic.Cas}, {@code .CompareAndSwap},
 *       {@code .Add}</td><td>sequentially consistent read-modify-write</td></tr>
 * </table>
 *
 * <p>Go names stay where Go has a function: {@link G#readgstatus()} is
 * {@link G#loadVolatileAtomicstatus()}. Each accessor is one VarHandle or array access that the
 * JIT inlines, so the hot paths cost what the access written in place would ({@code bench/}
 * measures it). Because every racy access is a method that names its location and its ordering,
 * a weak-memory simulation (issue 15: loads that may return any store the Java memory model
 * allows) can be added inside the accessors, behind a {@code static final} switch fixed at class
 * initialisation, without changing any call site here.
 *
 * <p><b>Who synchronizes with whom.</b> One row per shared location; "checked by" names the
 * spec's property (TLC, {@code spec/README.md}) and the jcstress tests ({@code stress/}) that fail
 * when the ordering is wrong, and the catalogued bug ({@code mutants/}) that weakens it. The call
 * sites repeat the partner in a one-line note.
 *
 * <table>
 *   <caption>memory ordering of the shared locations</caption>
 *   <tr><th>location</th><th>written by (mode)</th><th>read by (mode)</th><th>synchronizes with,
 *       and why this mode</th><th>checked by</th></tr>
 *   <tr><td>{@code pp.runq[i]} (ring slots)</td><td>the owner (runqput, runqputbatch) and a thief
 *       into its own ring beyond its tail (runqgrab's batch): plain</td><td>the owner (runqget,
 *       runqputslow, runqdrain) and thieves (runqgrab): plain</td><td>a slot is published by the
 *       store-release of {@code runqtail} that follows the write, and handed back to the owner by
 *       the consumer's CAS-release of {@code runqhead} (the owner load-acquires head before it
 *       overwrites). A consumer with a stale head may read a slot being overwritten: a benign race
 *       (a reference is never torn), and its CAS then fails and the copy is dropped. runqdrain
 *       reads after its CAS (Go's order, see there).</td><td>{@code NoTornSteal},
 *       {@code ExactlyOnePlace}; jcstress {@code RunqputStealPublication}, {@code RunqputbatchSteal};
 *       bug {@code tail_before_slot} ({@code BrokenTailBeforeSlotPublication})</td></tr>
 *   <tr><td>{@code pp.runqtail}</td><td>the owner only: store-release (runqput, runqputbatch,
 *       runqsteal)</td><td>the owner: plain; thieves (runqgrab): load-acquire; runqempty:
 *       volatile</td><td>the release publishes the slot writes before it to a thief's acquire load
 *       of tail. The owner reads its own writes plainly.</td><td>{@code Refinement},
 *       {@code RingBounded}; jcstress {@code RunqputStealPublication},
 *       {@code WrapRunqputStealPublication}; bug {@code runqtail_plain_store}
 *       ({@code BrokenPlainTailPublication}, visible on ARM/POWER only)</td></tr>
 *   <tr><td>{@code pp.runqhead}</td><td>any consumer: CAS-release (runqget, runqputslow,
 *       runqdrain, runqgrab)</td><td>owner and consumers: load-acquire; runqempty:
 *       volatile</td><td>the CAS-release orders the consumer's slot reads before it; the owner's
 *       load-acquire of head (runqput, runqputbatch, runqsteal's overflow check) synchronizes with
 *       it before reusing those slots, and another consumer's load-acquire sees a consistent head.
 *       A CAS, never a store: two consumers with the same head must not both commit.</td>
 *       <td>{@code ExactlyOnePlace}, {@code NoTornSteal}; jcstress {@code RunqgetStealLastG},
 *       {@code TwoThieves}, {@code OwnerTwoThieves}, {@code RunqputslowSteal},
 *       {@code RunqdrainSteal}; bugs {@code runqgrab_no_cas} ({@code BrokenTwoThievesNoCas}),
 *       {@code runqget_no_cas} ({@code BrokenRunqgetNoCasLastG}), {@code counter_too_narrow};
 *       the weakened modes {@code runqput_head_plain_load} and {@code runqgrab_cas_plain} show only
 *       as load buffering (the weak-memory hunt's load-buffering check, mutants/), and
 *       {@code runqget_cas_plain} not at all (an equivalent mutant: the owner is the only writer of
 *       the slot it read); the static ordering audit (mutants/) flags all three as not Go's</td></tr>
 *   <tr><td>{@code pp.runnext}</td><td>the owner sets it non-null (runqput) and anyone clears it
 *       (runqget, runqdrain, runqgrab): full CAS only</td><td>plain before each CAS (a guess the
 *       CAS validates); runqempty: volatile</td><td>the owner's CAS publishes the G to the thief
 *       whose successful CAS reads it. Full, not release: it is the submitter's write in the
 *       no-lost-wakeup Dekker pattern ({@link MLoop}), so it must be in one total order with
 *       wakep's load of {@code nmspinning} and with runqempty's loads in checkRunqsNoP.</td>
 *       <td>{@code ExactlyOnePlace}, {@code RunqemptyNeverSpurious}, {@code NoLostWakeup};
 *       jcstress {@code RunnextStealPublication}, {@code RunnextGetSteal},
 *       {@code RunnextGetStealGo114}, {@code RunnextKickSteal}, {@code WrapRunnextGetSteal};
 *       bugs {@code runqget_runnext_no_cas} ({@code BrokenRunnextNoCas}),
 *       {@code runqput_runnext_cas_plain} (the weak-memory hunt, through the G's goid and
 *       startpc)</td></tr>
 *   <tr><td>runqempty's reads of head, tail, runnext, tail</td><td>–</td><td>volatile</td>
 *       <td>volatile rather than acquire: the Dekker pattern above needs them in the JLS's total
 *       order (see runqempty)</td><td>{@code RunqemptyNeverSpurious}, {@code NoLostWakeup};
 *       jcstress {@code RunqemptyNext0True…}; bug {@code runqempty_one_tail_read}</td></tr>
 *   <tr><td>{@code pp.status}</td><td>the P's owner or the holder of {@code sched.lock}
 *       (acquirep, releasep, pidleput): opaque</td><td>thieves (runqgrab's back-off, stealWork's
 *       idle skip): opaque</td><td>nothing: a hint (relaxed would do); opaque so a thief's loop
 *       re-reads it</td><td>–</td></tr>
 *   <tr><td>{@code pp.owner} (not Go's: who may call the owner-only operations)</td><td>the
 *       thread that takes or gives up the P (acquirep, releasep on the M's thread; the scheduler's
 *       start and shutdown): plain</td><td>the misuse checks of the owner-only operations:
 *       plain</td><td>nothing: a thread only asks whether it finds itself there, and program order
 *       shows it its own last write; no thread writes another thread there, so a stale value
 *       refuses only a call that is misuse anyway</td><td>impl's {@code MisuseTest}, properties'
 *       {@code MisuseProperties} ({@code NOT_CALLERS_P})</td></tr>
 *   <tr><td>{@code gp.atomicstatus}</td><td>casgstatus: full CAS</td><td>readgstatus:
 *       volatile</td><td>a status change publishes the G's fields written before it (ready reads a
 *       parked G's status). Full, as Go's: two racing transitions from one status, exactly one
 *       wins.</td><td>{@code StatusMatchesPlace}; jcstress {@code CasgstatusSameTransition},
 *       {@code CasgstatusDifferentTransitions}</td></tr>
 *   <tr><td>{@code gp.goid}, {@code gp.startpc} (the G's plain fields newproc1 writes; goid
 *       after the status CAS)</td><td>newproc1, by the P that creates the G: plain
 *       ({@link G#storePlainGoid}, {@link G#storePlainStartpc})</td><td>the thread that takes the
 *       G from runnext or the ring: plain ({@link G#loadPlainGoid}, {@link G#loadPlainStartpc});
 *       elsewhere directly (set-up, snapshots)</td><td>published with the G: by runqput's full CAS
 *       of runnext (the thief's CAS that takes it reads it) or by the store-release of runqtail
 *       after the slot (the thief's load-acquire of tail); routed through the simulation hook so
 *       the weak-memory mode sees an unpublished G</td><td>jcstress
 *       {@code RunnextStealPublication}, {@code RunqputStealPublication}; bug
 *       {@code runqput_runnext_cas_plain} (the weak-memory hunt)</td></tr>
 *   <tr><td>{@code sched.runqsize}</td><td>the holder of {@code sched.lock}: opaque (with the
 *       queue)</td><td>under the lock: plain; findRunnable's checks without it:
 *       opaque</td><td>findRunnable's checks are hints, decided again under the lock: work
 *       queued under the lock before a parker's {@code findRunnable_lockidle} section is seen
 *       inside it, and a P-less submitter ({@code Sched.goOutside}, {@code injectglist} without a
 *       P) starts an M on an idle P ({@code startIdle}) or, with none, sets
 *       {@code needspinning} under the lock (Go 1.21; checkRunqsNoP does not read it).</td><td>{@code GlobalSizeMatches},
 *       {@code NoLostWakeup}; jcstress {@code GlobrunqPutGet}, {@code RunqputslowSteal}</td></tr>
 *   <tr><td>{@code sched.nmspinning}</td><td>wakep (CAS 0 → 1), becomeSpinning, the spinning M
 *       that stops, wakep's undo: full CAS / add</td><td>wakep, findRunnable's spin limit:
 *       volatile</td><td>the other half of the Dekker pattern: the parker's decrement and the
 *       submitter's load are both synchronization actions</td><td>{@code MsAndPs},
 *       {@code NoLostWakeup}</td></tr>
 *   <tr><td>{@code sched.npidle}</td><td>pidleput, pidleget under {@code sched.lock}: add</td>
 *       <td>findRunnable's spin limit, injectglist: volatile</td><td>nothing: heuristics
 *       re-checked under the lock (relaxed would do; Go's is an atomic.Int32)</td><td>–</td></tr>
 *   <tr><td>{@code sched.goidgen}</td><td>newproc1 on an empty goid cache: atomic add</td>
 *       <td>snapshots</td><td>nothing but atomicity: batches are disjoint (relaxed would
 *       do)</td><td>{@code GoidsUnique}; jcstress {@code GoidUnique}</td></tr>
 *   <tr><td>heads of {@code sched.gFree.stack}, {@code .noStack}</td><td>the holder of
 *       {@code sched.gFree.lock}: opaque</td><td>gfget's unlocked check: opaque</td><td>nothing: a
 *       hint, decided again under the lock</td><td>{@code FreeCountsMatch}; jcstress
 *       {@code GfreeSpillRefill}, {@code GfreeTwoPs}</td></tr>
 *   <tr><td>{@code sched.runq}, the free lists, {@code Idle}'s lists, {@code allgs}</td>
 *       <td colspan="2">only under their {@link Mutex} ({@code sched.lock},
 *       {@code sched.gFree.lock}, {@code allglock})</td><td>unlock happens-before the next lock
 *       (Go's runtime mutex)</td><td>{@code ExactlyOnePlace}; bug {@code runqputslow_no_lock}</td></tr>
 *   <tr><td>a G's plain fields (goid, stack, sched, schedlink …)</td><td colspan="2">its
 *       current owner: the P that made or runs it, or the holder of the list it is on</td>
 *       <td>handed between threads only through the edges above (tail release / acquire, runnext
 *       CAS, a lock, a status CAS)</td><td>jcstress {@code RunqputStealPublication},
 *       {@code RunnextStealPublication}</td></tr>
 * </table>
 *
 * <p>The scheduler's own bookkeeping outside the spec ({@code M}'s park note, {@code Sched}'s
 * quiescence counters and lifecycle) documents its ordering where it is declared.
 *
 * <p><b>32-bit counters ({@code counter_too_narrow}).</b> {@code runqhead} and {@code runqtail}
 * are Go's {@code uint32}: Java {@code int}s with wrapping arithmetic and unsigned comparisons,
 * and tests start them near 2^32 so every path crosses the wrap. A consumer's CAS of head compares
 * numbers, not positions: a thief that read head {@code h}, stalled while head went round by
 * exactly 2^32, and then CASes would commit a stale, torn copy (an ABA). 32 bits make that need
 * 2^32 operations on one P during one stall, which Go relies on never happening; Tokio's 16-bit
 * indices made it reachable. The spec's bug switch {@code counter_too_narrow}
 * ({@code RunQueue_bug_counter_too_narrow}: counters that wrap at {@code 2*RingSize}) shows TLC
 * finding the torn steal ({@code NoTornSteal}); the CI models bound the work so that a correct
 * counter cannot come round during one stall.
 *
 * <h2>The step-label contract</h2>
 *
 * <p>Before every step the spec treats as atomic, the code calls {@code point.at(label)} with a
 * constant from {@link Labels}. With {@link SchedPoint#NONE} this is free; a controlling hook
 * serializes threads step by step. Lock sections begin with {@link #lock(Mutex, String)}.
 *
 * <h2>Misuse</h2>
 *
 * <p>Go's {@code throw}s become {@link IllegalStateException} with Go's message. Every public
 * operation checks, before it changes anything (no queue, free list, count, status, goid or stack
 * moves, and no scheduling point is reached), what a cheap check can see: null arguments; a G in
 * the wrong status; a G visibly on a list or queue already (its {@code schedlink} set, or it is
 * the P's runnext, the global queue's end, the free list's head); the wrong lock state (a
 * global-queue function without {@code sched.lock}; a caller holding a lock the operation would
 * take, which would deadlock on itself halfway); a ring without room for what the operation puts
 * there; a P that is not the caller's (a P of a {@link Sched} used by a thread other than its M);
 * a thief stealing from itself; rings of different sizes; a count that disagrees with its queue;
 * out-of-range sizes. The README's misuse table lists every case with its exception and message.
 * Where Go throws for the situation, the message is Go's; where Proc refuses earlier than Go
 * would throw, it is Go's message followed by what is wrong; otherwise it names the operation and
 * the violated precondition. The checks run once per call, before the operation's loops, and
 * allocate nothing unless they refuse. The scheduler's own loop ({@link MLoop}) calls the same
 * public operations, except {@code runqget}, whose allocation-free form {@code runqgetG} has no
 * checks (the loop passes its own P).
 *
 * <p>The same G queued twice, or put on a free list twice, where no cheap check sees it, is
 * caught only in {@linkplain ProcConfig#checked(boolean) checked mode}, which costs a concurrent
 * map operation per queue operation and is meant for tests.
 */
public final class Proc {

    /** {@link #runqget}'s result: Go's {@code (gp *g, inheritTime bool)}. */
    public record Runqget(G gp, boolean inheritTime) {}

    /** {@link #runqdrain}'s result: Go's {@code (drainQ gQueue, n uint32)}. */
    public record Drained(GQueue drainQ, int n) {}

    // ---- state ----------------------------------------------------------------------------

    final ProcConfig cfg;
    /** The scheduling-point hook: final, so with {@link SchedPoint#NONE} the JIT inlines it away. */
    final SchedPoint point;
    /** {@link ProcConfig#malgHook}: null unless a harness numbers the Gs malg makes. */
    private final java.util.function.Consumer<G> malgHook;
    final GoVersion goVersion;
    /** runqput may use runnext: always before Go 1.23; since, only where there is sysmon ({@link ProcConfig#haveSysmon}). */
    private final boolean runnextAllowed;
    final boolean checked;

    /** The global {@code sched}. */
    public final Schedt sched = new Schedt();
    /** All Ps, {@code allp[0..gomaxprocs)}. */
    public final P[] allp;
    /** GOMAXPROCS. */
    public final int gomaxprocs;
    /** stackalloc / stackfree with accounting. */
    public final StackAllocator stacks;

    /** allglock and allgs: every G ever made by malg. */
    final Mutex allglock = new Mutex("allglock");
    private final ArrayList<G> allgs = new ArrayList<>();

    /**
     * startingStackSize: changes at run time (Go adapts it to average stack use at each GC, with
     * the world stopped). Volatile so that a change made by another thread is seen by the next
     * gfget/gfput; nothing else is ordered by it.
     */
    private volatile int startingStackSize;

    /**
     * mainStarted: newproc calls wakep only after the runtime's main goroutine started. Set once by
     * the scheduler before any M exists; volatile so that a Proc driven by hand sees a later set.
     */
    private volatile boolean mainStarted;

    /** The second half of wakep (pidlegetSpinning, startm), connected by the scheduler (volatile: as mainStarted). */
    private volatile WakeHook wakeHook = WakeHook.NONE;

    /** Checked mode: where each tracked G is ("runq" or "free"). Null when not checked. */
    private final Map<G, String> where;

    /** A Proc with its own copy of {@code cfg} (later changes to {@code cfg} do not reach it). */
    public Proc(ProcConfig cfg) {
        this.cfg = Objects.requireNonNull(cfg, "config").copy();
        this.point = this.cfg.point;
        this.malgHook = this.cfg.malgHook;
        this.goVersion = this.cfg.goVersion;
        this.runnextAllowed = this.cfg.haveSysmon || this.goVersion != GoVersion.GO1_25;
        this.checked = this.cfg.checked;
        this.where = this.checked ? new ConcurrentHashMap<>() : null;
        this.stacks = new StackAllocator(this.checked);
        this.startingStackSize = this.cfg.startingStackSize;
        this.gomaxprocs = this.cfg.nprocs;
        this.allp = new P[this.cfg.nprocs];
        for (int i = 0; i < allp.length; i++) {
            allp[i] = newP(i);
        }
    }

    /** A Proc with Go's defaults and {@code nprocs} Ps. */
    public Proc(int nprocs) {
        this(new ProcConfig().nprocs(nprocs));
    }

    /** A copy of this Proc's configuration (changing it changes nothing here). */
    public ProcConfig config() {
        return cfg.copy();
    }

    public GoVersion goVersion() {
        return goVersion;
    }

    /** A P with this Proc's ring size and counter start, not in {@link #allp} (Go's {@code new(p)}). */
    public P newP(int id) {
        P pp = new P(id, cfg.ringSize, cfg.counterStart);
        pp.schedtick = cfg.schedtick; // published with pp (final allp, or the scheduler's start)
        return pp;
    }

    // ---- locks with scheduling points ------------------------------------------------------

    /** lock(m), preceded by the scheduling point {@code label} that begins the lock section. */
    public void lock(Mutex m, String label) {
        if (m == null) {
            throw new NullPointerException("lock: nil mutex");
        }
        m.checkNotHeld(); // before the scheduling point: a refused call reaches none
        point.atLock(label, m);
        m.lock();
    }

    /** unlock(m). */
    public void unlock(Mutex m) {
        if (m == null) {
            throw new NullPointerException("unlock: nil mutex");
        }
        m.unlock();
    }

    // ---- misuse checks (see "Misuse" above); none changes anything -------------------------------

    private static NullPointerException nil(String fn, String what) {
        return new NullPointerException(fn + ": nil " + what);
    }

    /** A non-null P that the calling thread may use as its own (owner-only operations). */
    private static void checkOwnP(String fn, P pp) {
        if (pp == null) {
            throw nil(fn, "p");
        }
        // plain: see P.loadPlainOwner (a thread always sees its own latest write of owner)
        Object o = pp.loadPlainOwner(); // null: a stand-alone P, whose owner is whoever calls
        if (o != null && o != Thread.currentThread()) {
            throw new IllegalStateException(fn + ": " + pp + " is not the caller's P (" + pp.ownerDescription() + ")");
        }
    }

    /** Whether a put of one G ({@code next}: into runnext, kicking the old one) would spill (owner's view). */
    private static boolean putWouldSpill(P pp, boolean next) {
        if (next && pp.loadPlainRunnext() == null) { // plain: only this owner sets it non-null
            return false;
        }
        // Consumers only move head forward, so a ring that is not full now will not be full
        // later; load-acquire as runqput's own read of head.
        return Integer.compareUnsigned(pp.loadPlainRunqtail() - pp.loadAcquireRunqhead(), pp.ringSize()) >= 0;
    }

    /** Free slots of pp's ring (owner's view; consumers can only add to it). */
    private static int ringRoom(P pp) {
        return pp.ringSize() - (pp.loadPlainRunqtail() - pp.loadAcquireRunqhead()); // as runqput reads them
    }

    /** A put that would spill needs sched.lock: refused if the caller holds it (self-deadlock halfway). */
    private void checkSpillLock(String fn, P pp, boolean next) {
        if (sched.lock.heldByCurrentThread() && putWouldSpill(pp, next)) {
            throw new IllegalStateException(fn + ": the caller holds sched.lock, and runqput would need it to spill "
                    + pp + "'s full ring to the global queue");
        }
    }

    // ---- newproc / newproc1 / malg ----------------------------------------------------------

    /**
     * newproc (Go 1.21): create a G running {@code fn}, put it in {@code pp}'s runnext, and wake a
     * P if the runtime's main started. {@code callergp} may be null for a creator outside any G
     * (its goid then counts as 0).
     *
     * <p>Spec: {@code Proc.newproc}; proc.go {@code newproc}.
     */
    public G newproc(P pp, FuncVal fn, G callergp) {
        checkNewproc(pp, fn);
        G newg = newproc1(pp, fn, callergp, callerpc(callergp));
        track("newproc", newg); // checked mode: the new G is queued like any other
        runqput0(pp, newg, runnextIf(true));
        if (mainStarted) {
            wakep();
        }
        return newg;
    }

    /**
     * newproc of a Runnable: as {@link #newproc(P, FuncVal, G)}, with the new G's own funcval
     * holding {@code fn}, so that nothing is allocated per G but the caller's Runnable (in Go the
     * funcval is the caller's closure).
     */
    public G newproc(P pp, Runnable fn, G callergp) {
        checkNewproc(pp, fn);
        G newg = newproc1(pp, fn, callergp, callerpc(callergp));
        track("newproc", newg); // checked mode: the new G is queued like any other
        runqput0(pp, newg, runnextIf(true));
        if (mainStarted) {
            wakep();
        }
        return newg;
    }

    /**
     * newproc (Go 1.14): {@code newproc(siz, fn)} with {@code siz} bytes of arguments, copied onto
     * the new G's stack. Throws "newproc: function arguments too large for new goroutine" when
     * they do not fit, before any G is taken.
     */
    public G newproc(P pp, int siz, FuncVal fn, byte[] args, G callergp) {
        checkNewproc(pp, fn);
        G newg = newproc1(pp, fn, args, siz, callergp, callerpc(callergp));
        track("newproc", newg); // checked mode: the new G is queued like any other
        runqput0(pp, newg, runnextIf(true));
        if (mainStarted) {
            wakep();
        }
        return newg;
    }

    /** newproc's checks: nil fn or p, a P not the caller's, a runqput that would spill with sched.lock held. */
    private void checkNewproc(P pp, Object fn) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        checkOwnP("newproc", pp);
        checkSpillLock("newproc", pp, true);
    }

    /** getcallerpc: the pc of the go statement, here a synthetic address inside the caller's function. */
    private static long callerpc(G callergp) {
        return callergp == null ? 0 : callergp.startpc + 1;
    }

    /**
     * newproc1 (Go 1.21): a new G in state {@code _Grunnable} that will run {@code fn} and then
     * "return" into goexit. The caller adds it to a run queue.
     *
     * <p>As in Go, a G made by malg gets a {@code stackMin} (2048-byte) stack, while a G from the
     * free lists gets {@code startingStackSize} (gfget); when the two differ, gfput frees the
     * malg'd stack at the G's first exit.
     */
    public G newproc1(P pp, FuncVal fn, G callergp, long callerpc) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        checkOwnP("newproc1", pp);
        G newg = gfgetOrMalg(pp);
        // extra space in case of reads slightly beyond frame
        long totalSize = alignUp(4L * PtrSize + MinFrameSize, StackAlign);
        long sp = newg.stack.hi() - totalSize;
        initFrame(pp, newg, sp, fn, callergp, callerpc);
        return newg;
    }

    /**
     * newproc1 of a Runnable: as {@link #newproc1(P, FuncVal, G, long)}, the function held in the
     * new G's own funcval (filled after gfget/malg, so no FuncVal is allocated).
     */
    G newproc1(P pp, Runnable fn, G callergp, long callerpc) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        checkOwnP("newproc1", pp);
        G newg = gfgetOrMalg(pp);
        // extra space in case of reads slightly beyond frame
        long totalSize = alignUp(4L * PtrSize + MinFrameSize, StackAlign);
        long sp = newg.stack.hi() - totalSize;
        initFrame(pp, newg, sp, newg.fnbuf.set(fn), callergp, callerpc);
        return newg;
    }

    /**
     * newproc1 (Go 1.14): as above, with {@code narg} bytes of arguments at {@code argp} copied to
     * the top of the new stack ({@code memmove(spArg, argp, narg)}).
     */
    public G newproc1(P pp, FuncVal fn, byte[] argp, int narg, G callergp, long callerpc) {
        if (fn == null) {
            throw new NullPointerException("go of nil func value");
        }
        checkOwnP("newproc1", pp);
        if (narg < 0 || (argp == null ? narg != 0 : argp.length < narg)) {
            throw new IllegalArgumentException("newproc: narg " + narg + " does not match the "
                    + (argp == null ? 0 : argp.length) + " argument bytes given");
        }
        long siz = narg;
        siz = (siz + 7) & ~7L;
        // We could allocate a larger initial stack if necessary. Not worth it: this is almost
        // always an error. 4*sizeof(uintreg): extra space added below; sizeof(uintreg): caller's LR.
        if (siz >= StackMin - 4L * PtrSize - PtrSize) {
            throw new IllegalStateException("newproc: function arguments too large for new goroutine");
        }
        G newg = gfgetOrMalg(pp);
        long totalSize = 4L * PtrSize + siz + MinFrameSize; // extra space in case of reads slightly beyond frame
        totalSize += -totalSize & (1 - 1); // sys.SpAlign is 1 on amd64
        long sp = newg.stack.hi() - totalSize;
        long spArg = sp;
        newg.argp = spArg;
        newg.args = narg > 0 ? java.util.Arrays.copyOf(argp, narg) : null;
        initFrame(pp, newg, sp, fn, callergp, callerpc);
        return newg;
    }

    /** newproc1's first part: gfget, else malg + casgstatus(_Gidle, _Gdead) + allgadd; Go's checks. */
    private G gfgetOrMalg(P pp) {
        G newg = gfget(pp);
        if (newg == null) {
            newg = malg(StackMin);
            casgstatus(newg, _Gidle, _Gdead);
            allgadd(newg); // publishes with a g->status of Gdead so GC scanner doesn't look at uninitialized stack.
            pp.nmalg++;
        } else {
            pp.ngfgetReuse++;
        }
        if (newg.stack.hi() == 0) {
            throw new IllegalStateException("newproc1: newg missing stack");
        }
        if (newg.readgstatus() != _Gdead) {
            throw new IllegalStateException("newproc1: new g is not Gdead");
        }
        return newg;
    }

    /** newproc1's second part: the context, gostartcallfn, parent, _Grunnable, goid. */
    private void initFrame(P pp, G newg, long sp, FuncVal fn, G callergp, long callerpc) {
        newg.sched.clear(); // memclrNoHeapPointers(&newg.sched, ...)
        newg.sched.sp = sp;
        newg.stktopsp = sp;
        newg.sched.pc = GOEXIT_PC + PCQuantum; // +PCQuantum so that previous instruction is in same function
        newg.sched.g = newg;
        gostartcallfn(newg.sched, fn);
        newg.parentGoid = callergp == null ? 0 : callergp.goid;
        newg.gopc = callerpc;
        newg.storePlainStartpc(fn.fn); // plain: published with the G by runqput (runnext CAS or tail release)
        casgstatus(newg, _Gdead, _Grunnable);

        point.at(NEWPROC1_GOID);
        if (pp.goidcache == pp.goidcacheend) {
            // Sched.goidgen is the last allocated id, this batch must be
            // [sched.goidgen+1, sched.goidgen+GoidCacheBatch]. At startup sched.goidgen=0, so
            // main goroutine receives goid=1.
            long b = cfg.goidBatch;
            // Atomicity is all that is needed: two Ps adding at once get disjoint batches
            // (GoidsUnique; jcstress GoidUnique). Relaxed would do; volatile is Go's Add.
            pp.goidcache = sched.addVolatileGoidgen(b);
            pp.goidcache -= b - 1;
            pp.goidcacheend = pp.goidcache + b;
        }
        newg.storePlainGoid(pp.goidcache); // plain, after the status CAS: only runqput's publication orders it
        pp.goidcache++;
        pp.nnewproc++;
    }

    /** malg's largest stack: round2 of anything above would not fit an int (Go's maxstacksize is 1e9). */
    public static final int MaxMalgStack = 1 << 30;

    /**
     * malg: allocate a new g, with a stack big enough for stacksize bytes (negative: no stack).
     *
     * @throws IllegalArgumentException if {@code stacksize > MaxMalgStack} (nothing is allocated)
     */
    public G malg(int stacksize) {
        if (stacksize > MaxMalgStack) {
            throw new IllegalArgumentException("malg: stack size " + stacksize + " out of range (at most "
                    + MaxMalgStack + " bytes)");
        }
        G newg = new G();
        if (stacksize >= 0) {
            stacksize = round2(StackSystem + stacksize);
            point.at(MALG);
            newg.stack = stacks.stackalloc(stacksize);
            newg.stackguard0 = newg.stack.lo() + StackGuard;
        }
        if (malgHook != null) {
            malgHook.accept(newg); // a harness numbers it (not in Go)
        }
        return newg;
    }

    /** allgadd: record gp in allgs. */
    void allgadd(G gp) {
        if (gp.readgstatus() == _Gidle) {
            throw new IllegalStateException("allgadd: bad status Gidle");
        }
        lock(allglock, ALLGADD);
        try {
            allgs.add(gp);
        } finally {
            unlock(allglock);
        }
    }

    /** A copy of allgs: every G malg made. */
    public List<G> allgs() {
        allglock.lock();
        try {
            return new ArrayList<>(allgs);
        } finally {
            allglock.unlock();
        }
    }

    /**
     * casgstatus: {@code gp.atomicstatus} from {@code oldval} to {@code newval} by CAS.
     *
     * <p>Go loops until the CAS succeeds, because a GC scan bit may be set for a moment. There is
     * no GC here, so a failed CAS means the G is not in {@code oldval}: that is misuse (or a lost
     * race for the same transition), reported by an IllegalStateException, the status unchanged.
     */
    public void casgstatus(G gp, int oldval, int newval) {
        if (gp == null) {
            throw new NullPointerException("casgstatus: nil g");
        }
        if (oldval == newval || !G.validStatus(oldval) || !G.validStatus(newval)) {
            throw new IllegalStateException("casgstatus: bad incoming values");
        }
        point.at(CASGSTATUS);
        // A full CAS, as Go's: of two transitions from the same status exactly one wins
        // (jcstress CasgstatusSameTransition), and the G's fields written before it are visible to
        // whoever reads the new status (ready's readgstatus of a parked G, for example).
        if (!gp.casVolatileAtomicstatus(oldval, newval)) {
            throw new IllegalStateException("casgstatus: " + gp + " is " + G.statusName(gp.readgstatus())
                    + ", not " + G.statusName(oldval) + " (to " + G.statusName(newval) + ")");
        }
    }

    // ---- gfget / gfput / gfpurge -------------------------------------------------------------

    /** startingStackSize: the stack size gfget gives a G (Go adapts it at each GC). */
    public int startingStackSize() {
        return startingStackSize;
    }

    /**
     * Change startingStackSize, as Go's GC does from average stack use. Free Gs with stacks of the
     * old size keep them until gfget sees the mismatch.
     */
    public void setStartingStackSize(int size) {
        ProcConfig.checkStackSize(size);
        startingStackSize = size;
    }

    /**
     * gfput: put on the P's free list. If the local list is too long, transfer a batch to the global
     * list.
     *
     * <p>Refused with nothing changed: a nil p or g, a P not the caller's, a G not {@code _Gdead}
     * ("gfput: bad status (not Gdead)", Go's throw), a G visibly on a list already (the head of
     * pp's free list, or its schedlink set), a stack this Proc's allocator did not hand out, a
     * spill while the caller holds {@code sched.gFree.lock}.
     */
    public void gfput(P pp, G gp) {
        checkOwnP("gfput", pp);
        Objects.requireNonNull(gp, "gfput: nil g");
        if (gp.readgstatus() != _Gdead) {
            throw new IllegalStateException("gfput: bad status (not Gdead)");
        }
        checkGfput(pp, gp);
        if (checked && where.putIfAbsent(gp, "free") != null) {
            throw new IllegalStateException("gfput: " + gp + " is already " + where.get(gp) + " (checked mode)");
        }
        point.at(GFPUT_PUSH);
        long stksize = gp.stack.size();
        if (stksize != startingStackSize && gp.stack.present()) {
            // non-standard stack size - free it.
            stacks.stackfree(gp.stack);
            gp.stack = Stack.NONE;
            gp.stackguard0 = 0;
        }
        pp.gFree.push(gp);
        pp.gFree.n++;
        if (pp.gFree.n >= cfg.gfreeLocalMax) {
            // Move a batch of free Gs to the global list. The pops are the owner's own; the
            // spec counts them with the lock section as one step.
            Mutex l = sched.gFree.lock;
            if (goVersion == GoVersion.GO1_14) {
                // Go 1.14 pops and pushes one by one while holding the lock.
                lock(l, GFPUT_LOCK);
                try {
                    while (pp.gFree.n >= cfg.gfreeLocalKeep) {
                        pp.gFree.n--;
                        G g1 = pp.gFree.pop();
                        if (!g1.stack.present()) {
                            sched.gFree.noStack.push(g1);
                        } else {
                            sched.gFree.stack.push(g1);
                        }
                        sched.gFree.n++;
                    }
                } finally {
                    unlock(l);
                }
                return;
            }
            point.atLock(GFPUT_LOCK, l);
            int inc = 0;
            GQueue stackQ = pp.gfStackQ; // Go's are stack values: owner-only scratch, no allocation
            GQueue noStackQ = pp.gfNoStackQ;
            while (pp.gFree.n >= cfg.gfreeLocalKeep) {
                G g1 = pp.gFree.pop();
                pp.gFree.n--;
                if (!g1.stack.present()) {
                    noStackQ.push(g1);
                } else {
                    stackQ.push(g1);
                }
                inc++;
            }
            l.lock();
            try {
                sched.gFree.noStack.pushAll(noStackQ);
                sched.gFree.stack.pushAll(stackQ);
                sched.gFree.n += inc;
            } finally {
                unlock(l);
            }
            stackQ.clear();
            noStackQ.clear();
        }
    }

    /** gfput's misuse checks after Go's status check: a G on a list, a foreign stack, a spill under the lock. */
    private void checkGfput(P pp, G gp) {
        if (gp == pp.gFree.head) {
            throw new IllegalStateException("gfput: " + gp + " is already on " + pp + "'s free list");
        }
        if (gp.schedlink != null) {
            throw new IllegalStateException("gfput: " + gp + " is on a list or queue (schedlink is set)");
        }
        if (gp.stack.present()) {
            stacks.checkOwned("gfput", gp.stack); // gfput or a later gfget may free it
        }
        if (pp.gFree.n + 1 >= cfg.gfreeLocalMax && sched.gFree.lock.heldByCurrentThread()) {
            throw new IllegalStateException("gfput: the caller holds sched.gFree.lock, and gfput would need it to move "
                    + pp + "'s free Gs to the global lists");
        }
    }

    /**
     * gfget: get from the P's free list. If the local list is empty, grab a batch from the global
     * list, preferring Gs with stacks. Returns null when there is no free G anywhere.
     *
     * <p>Refused with nothing changed: a nil p, a P not the caller's, a caller holding
     * {@code sched.gFree.lock} (its refill takes it).
     */
    public G gfget(P pp) {
        checkOwnP("gfget", pp);
        sched.gFree.lock.checkNotHeld(); // the refill takes it; refuse before the first scheduling point
        for (;;) { // retry:
            point.at(GFGET_CHECK);
            // Unlocked opaque reads of the global lists' heads: a hint only (relaxed would do);
            // the refill below decides again under sched.gFree.lock.
            if (pp.gFree.empty() && (sched.gFree.stack.loadOpaqueHead() != null || sched.gFree.noStack.loadOpaqueHead() != null)) {
                lock(sched.gFree.lock, GFGET_LOCK);
                try {
                    // Move a batch of free Gs to the P.
                    while (pp.gFree.n < cfg.gfreeRefill) {
                        // Prefer Gs with stacks.
                        G gp = sched.gFree.stack.pop();
                        if (gp == null) {
                            gp = sched.gFree.noStack.pop();
                            if (gp == null) {
                                break;
                            }
                        }
                        sched.gFree.n--;
                        pp.gFree.push(gp);
                        pp.gFree.n++;
                    }
                } finally {
                    unlock(sched.gFree.lock);
                }
                continue; // goto retry
            }
            break;
        }
        point.at(GFGET_POP);
        G gp = pp.gFree.pop();
        if (gp == null) {
            return null;
        }
        pp.gFree.n--;
        if (checked) {
            where.remove(gp);
        }
        int size = startingStackSize;
        if (gp.stack.present() && gp.stack.size() != size) {
            // Deallocate old stack. We kept it in gfput because it was the right size when the
            // goroutine was put on the free list, but the right size has changed since then.
            stacks.stackfree(gp.stack);
            gp.stack = Stack.NONE;
            gp.stackguard0 = 0;
        }
        if (!gp.stack.present()) {
            // Stack was deallocated in gfput or just above. Allocate a new one.
            gp.stack = stacks.stackalloc(size);
            gp.stackguard0 = gp.stack.lo() + StackGuard;
        }
        return gp;
    }

    /**
     * gfpurge: purge all cached G's from gfree list to the global list.
     *
     * <p>Refused with nothing changed: a nil p, a P not the caller's, a caller holding
     * {@code sched.gFree.lock} (taken after the pops).
     */
    public void gfpurge(P pp) {
        checkOwnP("gfpurge", pp);
        sched.gFree.lock.checkNotHeld(); // it is taken after the pops: refuse before them
        point.atLock(GFPURGE_LOCK, sched.gFree.lock);
        int inc = 0;
        GQueue stackQ = pp.gfStackQ;
        GQueue noStackQ = pp.gfNoStackQ;
        while (!pp.gFree.empty()) {
            G gp = pp.gFree.pop();
            pp.gFree.n--;
            if (!gp.stack.present()) {
                noStackQ.push(gp);
            } else {
                stackQ.push(gp);
            }
            inc++;
        }
        sched.gFree.lock.lock();
        try {
            sched.gFree.noStack.pushAll(noStackQ);
            sched.gFree.stack.pushAll(stackQ);
            sched.gFree.n += inc;
        } finally {
            unlock(sched.gFree.lock);
        }
        stackQ.clear();
        noStackQ.clear();
    }

    // ---- runqput / runqputslow / runqputbatch ------------------------------------------------

    /**
     * runqput tries to put g on the local runnable queue. If next is false, runqput adds g to the
     * tail of the runnable queue. If next is true, runqput puts g in the pp.runnext slot. If the
     * run queue is full, runnext puts g on the global queue. Executed only by the owner P.
     *
     * <p>Refused with nothing changed: a nil p or g, a P not the caller's, a G not
     * {@code _Grunnable}, a G that is already pp's runnext or visibly on a list (schedlink set), and
     * a put that would spill a full ring while the caller holds {@code sched.lock}.
     */
    public void runqput(P pp, G gp, boolean next) {
        checkOwnP("runqput", pp);
        checkRunnable("runqput", gp);
        if (gp == pp.loadPlainRunnext()) { // plain: only this owner sets it non-null
            throw new IllegalStateException("runqput: " + gp + " is already " + pp + "'s runnext");
        }
        if (gp.schedlink != null) {
            throw new IllegalStateException("runqput: " + gp + " is on a list or queue (schedlink is set)");
        }
        checkSpillLock("runqput", pp, next);
        track("runqput", gp);
        runqput0(pp, gp, runnextIf(next));
    }

    /**
     * runqput's {@code next}, after Go 1.23+'s rule "If there is no sysmon, we must avoid runnext
     * entirely or risk starvation" (a runnext G shares the current G's time slice, and only sysmon
     * preempts such a pair): false under {@link GoVersion#GO1_25} without sysmon
     * ({@link ProcConfig#haveSysmon}), {@code next} otherwise.
     */
    private boolean runnextIf(boolean next) {
        return next && runnextAllowed;
    }

    /** Refuses a null or non-runnable G. No queue changes. */
    private static void checkRunnable(String fn, G gp) {
        if (gp == null) {
            throw nil(fn, "g");
        }
        int s = gp.readgstatus();
        if (s != _Grunnable) {
            throw new IllegalStateException(fn + ": " + gp + " is not runnable (status " + G.statusName(s) + ")");
        }
    }

    /** Checked mode: records gp as queued, refusing one already queued or free (the last check before a move). */
    private void track(String fn, G gp) {
        if (checked) {
            String was = where.putIfAbsent(gp, "runq");
            if (was != null) {
                throw new IllegalStateException(fn + ": " + gp + " is already " + was + " (checked mode)");
            }
        }
    }

    /** Checked mode: {@link #track} for every G of q, all or none. */
    private void trackAll(String fn, GQueue q) {
        if (checked) {
            for (G g = q.head; g != null; g = g.schedlink) {
                String was = where.putIfAbsent(g, "runq");
                if (was != null) {
                    for (G u = q.head; u != g; u = u.schedlink) {
                        where.remove(u);
                    }
                    throw new IllegalStateException(fn + ": " + g + " is already " + was + " (checked mode)");
                }
            }
        }
    }

    /**
     * Checks a batch: qsize matches the Gs linked from q's head (walking at most qsize + 1 of
     * them), the walk ends at q's tail, and every G is runnable and not pp's runnext (pp may be
     * null). No queue changes.
     */
    private static void checkBatch(String fn, String count, GQueue q, int qsize, P pp) {
        if (qsize < 0) {
            throw new IllegalArgumentException(fn + ": " + count + " must be >= 0, got " + qsize);
        }
        int len = q.lengthUpTo(qsize);
        if (len != qsize) {
            throw new IllegalArgumentException(fn + ": " + count + " is " + qsize + " but the queue holds "
                    + (len > qsize ? "more Gs than that" : len == 1 ? "1 G" : len + " Gs"));
        }
        G last = null;
        G next = pp == null ? null : pp.loadPlainRunnext(); // plain: pp is the caller's own P
        for (G g = q.head; g != null; g = g.schedlink) {
            checkRunnable(fn, g);
            if (g == next) {
                throw new IllegalStateException(fn + ": " + g + " is already " + pp + "'s runnext");
            }
            last = g;
        }
        if (last != q.tail) {
            throw new IllegalStateException(fn + ": the queue is corrupt (its tail is not the last G linked from its head)");
        }
    }

    /** runqput without the misuse checks (callers that move already-queued Gs). */
    private void runqput0(P pp, G gp, boolean next) {
        if (next) {
            G oldnext;
            do { // retryNext:
                point.at(RUNQPUT_LOADNEXT);
                oldnext = pp.loadPlainRunnext(); // plain: a guess the CAS validates
                point.at(RUNQPUT_CASNEXT);
                // The edge that publishes gp to a thief: a thief's successful CAS of runnext in
                // runqgrab reads this value and so synchronizes with this CAS, seeing every field
                // newproc1 (or ready) wrote (jcstress RunnextStealPublication). A full CAS, not a
                // release: it is the submitter's store in the no-lost-wakeup Dekker pattern (see
                // MLoop), ordered before wakep's volatile load of nmspinning and seen by
                // runqempty's volatile load in checkRunqsNoP (NoLostWakeup).
            } while (!pp.casVolatileRunnext(oldnext, gp));
            if (oldnext == null) {
                return;
            }
            // Kick the old runnext out to the regular run queue.
            gp = oldnext;
        }
        for (;;) { // retry:
            point.at(RUNQPUT_LOADHEAD);
            // load-acquire, synchronize with consumers: their CAS-release of head ordered their
            // reads of the slots below h before it, so the store into slot t (= an old h + len)
            // cannot be seen by a consumer that is still copying it and will commit.
            int h = pp.loadAcquireRunqhead();
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                point.at(RUNQPUT_STORE);
                pp.storePlainRunq(t, gp); // plain: published by the store-release below
                point.at(RUNQPUT_STORETAIL);
                // store-release, makes the item available for consumption: synchronizes with the
                // load-acquire of tail in runqgrab (jcstress RunqputStealPublication; bug
                // runqtail_plain_store, jcstress BrokenPlainTailPublication).
                pp.storeReleaseRunqtail(t + 1);
                return;
            }
            if (runqputslow(pp, gp, h, t)) {
                return;
            }
            // the queue is not full, now the put above must succeed
        }
    }

    /**
     * runqputslow: put g and a batch of work from the local runnable queue on the global queue.
     * Executed only by the owner P. Returns false when a consumer moved head since h was read
     * (the ring is then no longer full).
     *
     * <p>runqput calls it with the h and t it read from pp, its own P. Refused with nothing
     * changed: a nil p or g, a P not the caller's, a G not runnable or visibly queued already, a
     * {@code t} that is not pp's tail, a caller holding {@code sched.lock} (the CAS would take the
     * Gs off the ring, then the lock would throw); a ring that is not full between {@code h} and
     * {@code t} is Go's throw ("runqputslow: queue is not full"), also before anything moves.
     */
    public boolean runqputslow(P pp, G gp, int h, int t) {
        checkRunqputslow(pp, gp, t);
        final G[] batch = pp.slowBatch; // Go: var batch [len(pp.runq)/2 + 1]*g

        // First, grab a batch from local queue.
        int n = t - h;
        n = n >>> 1; // unsigned n / 2
        if (n != pp.ringSize() / 2) {
            throw new IllegalStateException("runqputslow: queue is not full");
        }
        for (int i = 0; i < n; i++) {
            point.at(RUNQPUTSLOW_COPY);
            batch[i] = pp.loadPlainRunq(h + i); // plain: this owner wrote these slots
        }
        point.at(RUNQPUTSLOW_CAS);
        // cas-release, commits consume: a thief may have taken some of the Gs read above; the CAS
        // fails then and the copies are dropped (jcstress RunqputslowSteal). Release: the reads
        // above happen-before this owner's (or a thief's) later reuse of those slots.
        if (!pp.casReleaseRunqhead(h, h + n)) {
            java.util.Arrays.fill(batch, 0, n, null);
            return false;
        }
        batch[n] = gp;

        // Link the goroutines.
        for (int i = 0; i < n; i++) {
            batch[i].schedlink = batch[i + 1];
        }
        GQueue q = pp.slowQ.set(batch[0], batch[n]); // Go's is a stack value: owner-only scratch
        java.util.Arrays.fill(batch, 0, n + 1, null);
        pp.nrunqputslow++;

        // Now put the batch on global queue.
        lock(sched.lock, RUNQPUTSLOW_LOCK);
        try {
            globrunqputbatch0(q, n + 1);
        } finally {
            unlock(sched.lock);
        }
        return true;
    }

    /** runqputslow's misuse checks (runqput, its caller here, passes them by construction). */
    private void checkRunqputslow(P pp, G gp, int t) {
        checkOwnP("runqputslow", pp);
        checkRunnable("runqputslow", gp);
        if (gp == pp.loadPlainRunnext() || gp.schedlink != null) { // plain: only this owner sets runnext non-null
            throw new IllegalStateException("runqputslow: " + gp + " is already on a list or queue");
        }
        int tail = pp.loadPlainRunqtail(); // plain: only this owner writes tail
        if (t != tail) {
            throw new IllegalArgumentException("runqputslow: t is " + Integer.toUnsignedString(t) + " but " + pp
                    + "'s runqtail is " + Integer.toUnsignedString(tail));
        }
        if (sched.lock.heldByCurrentThread()) {
            throw new IllegalStateException("runqputslow: the caller holds sched.lock, which runqputslow needs to put"
                    + " the batch on the global queue");
        }
    }

    /**
     * runqputbatch tries to put all the Gs on q on the local runnable queue. Go 1.21: the rest go
     * to the global queue and q ends empty; Go 1.25: the rest stay on q. Executed only by the
     * owner P.
     *
     * <p>Refused with nothing changed: a nil p or q, a P not the caller's, a qsize that is not the
     * number of Gs on q, a G not runnable or already pp's runnext, and (Go 1.14, 1.21) Gs that do not
     * fit on the ring while the caller holds {@code sched.lock}, which their spill would need.
     */
    public void runqputbatch(P pp, GQueue q, int qsize) {
        checkOwnP("runqputbatch", pp);
        if (q == null) {
            throw nil("runqputbatch", "queue");
        }
        checkBatch("runqputbatch", "qsize", q, qsize, pp);
        if (goVersion != GoVersion.GO1_25 && qsize > ringRoom(pp) && sched.lock.heldByCurrentThread()) {
            throw new IllegalStateException("runqputbatch: the caller holds sched.lock, and runqputbatch would need it"
                    + " to put the Gs that do not fit on " + pp + "'s ring on the global queue");
        }
        trackAll("runqputbatch", q);
        runqputbatch0(pp, q, qsize);
        if (checked) {
            for (G g = q.head; g != null; g = g.schedlink) { // Go 1.25: the Gs left on q are not queued
                where.remove(g);
            }
        }
    }

    private void runqputbatch0(P pp, GQueue q, int qsize) {
        point.at(RUNQPUTBATCH_LOADHEAD);
        int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers (as in runqput)
        int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
        int n = 0;
        while (!q.empty() && Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
            G gp = q.pop();
            point.at(RUNQPUTBATCH_STORE);
            pp.storePlainRunq(t, gp);
            t++;
            n++;
        }
        qsize -= n;
        point.at(RUNQPUTBATCH_STORETAIL);
        // store-release, makes the items available for consumption: one release publishes every
        // slot written above; a thief sees none or all (jcstress RunqputbatchSteal).
        pp.storeReleaseRunqtail(t);
        if (!q.empty() && goVersion != GoVersion.GO1_25) {
            lock(sched.lock, RUNQPUTBATCH_LOCK);
            try {
                globrunqputbatch0(q, qsize);
            } finally {
                unlock(sched.lock);
            }
        }
    }

    // ---- runqget / runqdrain -----------------------------------------------------------------

    /**
     * runqget: get g from local runnable queue. If inheritTime is true, gp should inherit the
     * remaining time in the current time slice; otherwise it should start a new time slice.
     * Executed only by the owner P. Returns null when the queue is empty.
     */
    public Runqget runqget(P pp) {
        checkOwnP("runqget", pp);
        G gp = runqgetG(pp);
        return gp == null ? null : new Runqget(gp, pp.runqgetInheritTime);
    }

    /**
     * {@link #runqget} without the result object: returns the G (or null) and leaves
     * {@code inheritTime} in {@link P#runqgetInheritTime}, so that the scheduler's loop allocates
     * nothing per G. Same steps and labels. No misuse checks: its one caller, the scheduler's
     * loop, passes the P its M holds.
     */
    G runqgetG(P pp) {
        // If there's a runnext, it's the next G to run.
        if (goVersion == GoVersion.GO1_14) {
            for (;;) {
                point.at(RUNQGET_LOADNEXT);
                G next = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
                if (next == null) {
                    break;
                }
                point.at(RUNQGET_CASNEXT);
                // A full CAS: against a thief's CAS of the same runnext exactly one wins
                // (jcstress RunnextGetStealGo114).
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(pp, next, true);
                }
            }
        } else {
            point.at(RUNQGET_LOADNEXT);
            G next = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
            // If the runnext is non-0 and the CAS fails, it could only have been stolen by another
            // P, because other Ps can race to set runnext to 0, but only the current P can set it
            // to non-0. Hence, there's no need to retry this CAS if it fails.
            if (next != null) {
                point.at(RUNQGET_CASNEXT);
                // A full CAS: against a thief's CAS of the same runnext exactly one wins
                // (jcstress RunnextGetSteal; bug runqget_runnext_no_cas, jcstress BrokenRunnextNoCas).
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(pp, next, true);
                }
            }
        }
        for (;;) {
            point.at(RUNQGET_LOADHEAD);
            // load-acquire, synchronize with other consumers: a thief's CAS-release that moved
            // head past slots this owner will now refill.
            int h = pp.loadAcquireRunqhead();
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            if (t == h) {
                return null;
            }
            point.at(RUNQGET_LOAD);
            G gp = pp.loadPlainRunq(h); // plain: this owner wrote it; validated by the CAS
            point.at(RUNQGET_CAS);
            // cas-release, commits consume: against a thief taking the same last G exactly one
            // CAS wins (jcstress RunqgetStealLastG; bug runqget_no_cas, BrokenRunqgetNoCasLastG).
            if (pp.casReleaseRunqhead(h, h + 1)) {
                return taken(pp, gp, false);
            }
        }
    }

    private G taken(P pp, G gp, boolean inheritTime) {
        if (checked) {
            where.remove(gp);
        }
        pp.runqgetInheritTime = inheritTime;
        return gp;
    }

    /**
     * runqdrain: drain the local runnable queue of pp and return all goroutines in it, runnext
     * first. Executed only by the owner P.
     */
    public Drained runqdrain(P pp) {
        checkOwnP("runqdrain", pp);
        GQueue drainQ = new GQueue();
        int n = 0;
        point.at(RUNQDRAIN_LOADNEXT);
        G oldNext = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
        if (oldNext != null) {
            point.at(RUNQDRAIN_CASNEXT);
            // A full CAS: a thief stealing runnext races with it (jcstress RunqdrainSteal).
            if (pp.casVolatileRunnext(oldNext, null)) {
                drainQ.pushBack(oldNext);
                n++;
            }
        }
        int h;
        int qn;
        for (;;) { // retry:
            point.at(RUNQDRAIN_LOADHEAD);
            h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            qn = t - h;
            if (qn == 0) {
                return drained(drainQ, n);
            }
            if (Integer.compareUnsigned(qn, pp.ringSize()) > 0) { // read inconsistent h and t
                continue;
            }
            point.at(RUNQDRAIN_CAS);
            if (pp.casReleaseRunqhead(h, h + qn)) { // cas-release, commits consume
                break;
            }
        }
        // We've inverted the order in which it gets G's from the local P's runnable queue and
        // then advances the head pointer because we don't want to mess up the statuses of G's
        // while runqdrain() and runqsteal() are running in parallel. Thus we should advance the
        // head pointer before draining the local P into a gQueue, so that we can update any
        // gp.schedlink only after we take the full ownership of G, meanwhile, other P's can't
        // access to all G's in local P's runnable queue and steal them. See
        // https://groups.google.com/g/golang-dev/c/0pTKxEKhHSc/m/6Q85QjdVBQAJ for more details.
        // (Go's reverted CL 310149 read the slots before the CAS.) The plain loads below are
        // safe: only this owner writes slots, and it will not reuse these until after this loop.
        for (int i = 0; i < qn; i++) {
            point.at(RUNQDRAIN_LOAD);
            drainQ.pushBack(pp.loadPlainRunq(h + i));
            n++;
        }
        return drained(drainQ, n);
    }

    private Drained drained(GQueue q, int n) {
        if (checked) {
            for (G g = q.head; g != null; g = g.schedlink) {
                where.remove(g);
            }
        }
        return new Drained(q, n);
    }

    // ---- runqgrab / runqsteal / runqempty ---------------------------------------------------

    /**
     * runqgrab: grab a batch of goroutines from pp's runnable queue into batch, a ring buffer
     * starting at batchHead. Returns number of grabbed goroutines. Can be executed by any P.
     *
     * <p>Go passes {@code &thief.runq} as the batch; here {@code batch} is that P, whose ring
     * receives the Gs at counter values {@code batchHead, batchHead+1, …} (plain stores beyond its
     * tail, published later by runqsteal's store-release).
     *
     * <p>Go calls it from runqsteal only: the batch is the thief's own ring, batchHead its tail,
     * with room for half a ring. Refused with nothing changed (no slot of either ring written): a
     * nil p or batch, {@code batch == pp}, rings of different sizes ({@link IllegalArgumentException}),
     * a batch P that is not the caller's, a batchHead that is not the batch's tail, a batch ring
     * holding more than half its slots (as {@link #runqsteal}).
     */
    public int runqgrab(P pp, P batch, int batchHead, boolean stealRunNextG) {
        if (pp == null) {
            throw nil("runqgrab", "p");
        }
        if (batch == null) {
            throw nil("runqgrab", "batch");
        }
        checkOwnP("runqgrab", batch);
        if (batch == pp) {
            throw new IllegalArgumentException("runqgrab: " + pp + " cannot grab into its own ring");
        }
        if (batch.ringSize() != pp.ringSize()) {
            throw new IllegalArgumentException("runqgrab: rings differ in size (" + pp.ringSize()
                    + " and " + batch.ringSize() + ")");
        }
        checkRoomToSteal("runqgrab", batch);
        int tail = batch.loadPlainRunqtail(); // plain: batch is the caller's own P, the only writer of its tail
        if (batchHead != tail) {
            throw new IllegalArgumentException("runqgrab: batchHead is " + Integer.toUnsignedString(batchHead) + " but "
                    + batch + "'s runqtail is " + Integer.toUnsignedString(tail));
        }
        return runqgrab0(pp, batch, batchHead, stealRunNextG);
    }

    /**
     * runqsteal's and runqgrab's room check: the thief's ring ({@code into}) holds at most half its
     * slots, so any steal fits (the victim's queue may grow while it is read). The thief's own
     * view: consumers only shrink what it holds.
     */
    private static void checkRoomToSteal(String fn, P into) {
        // plain tail: only the thief writes it; load-acquire head, as runqsteal's overflow check
        int held = into.loadPlainRunqtail() - into.loadAcquireRunqhead();
        if (Integer.compareUnsigned(held, into.ringSize() / 2) > 0) {
            throw new IllegalStateException(fn + ": runq overflow: " + into + "'s ring holds " + Integer.toUnsignedString(held)
                    + " of " + into.ringSize() + " slots, more than half, so a steal (up to " + into.ringSize() / 2
                    + " Gs) might not fit");
        }
    }

    /** runqgrab without the misuse checks: runqsteal's call, whose arguments are right by construction. */
    private int runqgrab0(P pp, P batch, int batchHead, boolean stealRunNextG) {
        for (;;) {
            point.at(RUNQGRAB_LOADHEAD);
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            point.at(RUNQGRAB_LOADTAIL);
            // load-acquire, synchronize with the producer: the owner's store-release of tail, so
            // the slots below t hold what the owner wrote (jcstress RunqputStealPublication).
            int t = pp.loadAcquireRunqtail();
            int n = t - h;
            n = n - (n >>> 1);
            if (n == 0) {
                if (stealRunNextG) {
                    // Try to steal from pp.runnext.
                    point.at(RUNQGRAB_LOADNEXT);
                    G next = pp.loadPlainRunnext(); // plain: a guess; the CAS below validates it
                    if (next != null) {
                        // opaque: a hint for the back-off only (relaxed would do); re-read each try
                        if (pp.loadOpaqueStatus() == P._Prunning) {
                            // Sleep to ensure that pp isn't about to run the g we are about to
                            // steal. The important use case here is when the g running on pp
                            // ready()s another g and then almost immediately blocks. Instead of
                            // stealing runnext in this window, back off to give pp a chance to
                            // schedule runnext and avoid thrashing gs between different Ps.
                            backoff(cfg.runnextBackoffNanos);
                        }
                        point.at(RUNQGRAB_CASNEXT);
                        // A full CAS that reads the owner's CAS which stored next: synchronizes
                        // with it, so next's fields are visible (jcstress RunnextStealPublication);
                        // against the owner's runqget CAS exactly one wins (RunnextGetSteal).
                        if (!pp.casVolatileRunnext(next, null)) {
                            continue;
                        }
                        batch.storePlainRunq(batchHead, next); // plain: runqsteal publishes it
                        return 1;
                    }
                }
                return 0;
            }
            if (Integer.compareUnsigned(n, pp.ringSize() / 2) > 0) { // read inconsistent h and t
                continue;
            }
            for (int i = 0; i < n; i++) {
                point.at(RUNQGRAB_COPY);
                // Plain load of pp's slot (may be mid-overwrite by pp's owner if our h is stale:
                // then the CAS below fails and the copy is dropped; a reference read is never
                // torn), plain store into batch's ring beyond its tail (runqsteal publishes it).
                // The spec's NoTornSteal checks that a copy that commits was never torn.
                batch.storePlainRunq(batchHead + i, pp.loadPlainRunq(h + i));
            }
            point.at(RUNQGRAB_CAS);
            // cas-release, commits consume: orders the slot reads above before the owner's
            // load-acquire of head that precedes its reuse of those slots. Against another
            // consumer exactly one CAS wins (jcstress TwoThieves; bug runqgrab_no_cas,
            // BrokenTwoThievesNoCas). Go's head is a uint32: see "counter_too_narrow" above.
            if (pp.casReleaseRunqhead(h, h + n)) {
                return n;
            }
        }
    }

    /** usleep(3): a short spin, since parking the thread takes far longer than 3µs. */
    private static void backoff(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    /**
     * runqsteal: steal half of elements from local runnable queue of p2 and put onto local
     * runnable queue of p. Returns one of the stolen elements (or null if failed). Executed by the
     * thief P {@code pp}, which must own its ring.
     *
     * <p>As in Go, the stolen Gs are copied into pp's ring (beyond its tail) before the overflow
     * check, so pp's ring must have room for half a ring: Go calls runqsteal only from
     * findRunnable after pp's own runqget found nothing. A ring holding more than half its slots
     * is refused before anything moves, with Go's message ("runqsteal: runq overflow") and what is
     * wrong: the victim's queue may grow while it is read, so any steal might not fit.
     *
     * <p>Also refused with nothing changed: a nil p or p2, a P not the caller's, {@code pp == p2},
     * rings of different sizes.
     */
    public G runqsteal(P pp, P p2, boolean stealRunNextG) {
        checkRunqsteal(pp, p2);
        if (pp == p2) {
            throw new IllegalArgumentException("runqsteal: " + pp + " cannot steal from itself");
        }
        if (pp.ringSize() != p2.ringSize()) {
            throw new IllegalArgumentException("runqsteal: rings differ in size (" + pp.ringSize()
                    + " and " + p2.ringSize() + ")");
        }
        checkRoomToSteal("runqsteal", pp);
        int t = pp.loadPlainRunqtail(); // plain: pp is the thief's own P, the only writer of its tail
        int n = runqgrab0(p2, pp, t, stealRunNextG);
        if (n == 0) {
            return null;
        }
        pp.nsteals++;
        pp.nstolen += n;
        n--;
        G gp = pp.loadPlainRunq(t + n); // plain: written by runqgrab on this thread
        if (checked) {
            where.remove(gp);
        }
        if (n == 0) {
            return gp;
        }
        point.at(RUNQSTEAL_LOADHEAD);
        int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers (as in runqput)
        if (Integer.compareUnsigned(t - h + n, pp.ringSize()) >= 0) {
            throw new IllegalStateException("runqsteal: runq overflow");
        }
        point.at(RUNQSTEAL_STORETAIL);
        // store-release, makes the item available for consumption: publishes the slots runqgrab
        // copied into this ring to consumers that load-acquire tail (as in runqput).
        pp.storeReleaseRunqtail(t + n);
        return gp;
    }

    /** runqsteal's first misuse checks: a nil thief or one not the caller's, a nil victim. */
    private static void checkRunqsteal(P pp, P p2) {
        checkOwnP("runqsteal", pp);
        if (p2 == null) {
            throw nil("runqsteal", "p2");
        }
    }

    /**
     * runqempty reports whether pp has no Gs on its local run queue. It never returns true
     * spuriously.
     *
     * @throws NullPointerException "runqempty: nil p"
     */
    public boolean runqempty(P pp) {
        Objects.requireNonNull(pp, "runqempty: nil p");
        // Defend against a race where 1) pp has G1 in runqnext but runqhead == runqtail, 2) runqput
        // on pp kicks G1 to the runq, 3) runqget on pp empties runqnext. Simply observing that
        // runqhead == runqtail and then observing that runqnext == nil does not mean the queue is
        // empty: between the reads, G1 moved from runnext to the ring and back out. Re-reading
        // tail after runnext proves no put happened in between, so the three reads describe one
        // moment (the spec's RunqemptyNeverSpurious; bug runqempty_one_tail_read, Go CL 20858;
        // jcstress RunqemptyNext*).
        //
        // Volatile loads, not acquire loads, as Go's atomic.Load is sequentially consistent. The
        // reads' order among themselves would survive acquire loads (each keeps later accesses
        // after it), but checkRunqsNoP's no-lost-wakeup argument (MLoop; NoLostWakeup) is a
        // Dekker pattern: the parker decrements nmspinning, then runs these loads; the submitter
        // CASes runnext, then loads nmspinning. Only when all four accesses are volatile does the
        // JLS put them in one total order, in which one side must see the other's write. Acquire
        // loads are not synchronization actions: a load of runnext could then return the value from
        // before the submitter's CAS even though the submitter's load of nmspinning saw the count
        // from before the decrement, and both would sleep.
        for (;;) {
            point.at(RUNQEMPTY_LOADHEAD);
            int head = pp.loadVolatileRunqhead();
            point.at(RUNQEMPTY_LOADTAIL);
            int tail = pp.loadVolatileRunqtail();
            point.at(RUNQEMPTY_LOADNEXT);
            G runnext = pp.loadVolatileRunnext();
            point.at(RUNQEMPTY_RECHECK);
            if (tail == pp.loadVolatileRunqtail()) {
                return head == tail && runnext == null;
            }
        }
    }

    // ---- the global run queue (sched.lock held) -----------------------------------------------
    //
    // sched.runq and sched.runqsize change only under sched.lock (unlock happens-before the next
    // lock). runqsize is read plainly under the lock and stored opaque, for the readers without
    // the lock (findRunnable's checks): see the table, row runqsize.

    /**
     * globrunqput: put gp on the global runnable queue. sched.lock must be held ("assertLockHeld:
     * sched.lock is not held" otherwise). Refused with nothing changed: a nil g, a G not runnable,
     * a G visibly queued already (an end of the global queue, or its schedlink set).
     */
    public void globrunqput(G gp) {
        sched.lock.assertHeld();
        checkGlobalPut("globrunqput", gp);
        sched.runq.pushBack(gp);
        sched.storeOpaqueRunqsize(sched.loadPlainRunqsize() + 1); // sched.runqsize++
        sched.nglobrunqput++;
    }

    /** globrunqputhead: put gp at the head of the global runnable queue. As {@link #globrunqput}. */
    public void globrunqputhead(G gp) {
        sched.lock.assertHeld();
        checkGlobalPut("globrunqputhead", gp);
        sched.runq.push(gp);
        sched.storeOpaqueRunqsize(sched.loadPlainRunqsize() + 1); // sched.runqsize++
        sched.nglobrunqput++;
    }

    private void checkGlobalPut(String fn, G gp) {
        checkRunnable(fn, gp);
        if (gp == sched.runq.head || gp == sched.runq.tail) {
            throw new IllegalStateException(fn + ": " + gp + " is already on the global queue");
        }
        if (gp.schedlink != null) {
            throw new IllegalStateException(fn + ": " + gp + " is on a list or queue (schedlink is set)");
        }
        track(fn, gp);
    }

    /**
     * globrunqputbatch: put a batch of runnable goroutines on the global runnable queue; clears
     * *batch. sched.lock must be held. Refused with nothing changed: a nil batch, the global queue
     * itself as the batch, an n that is not the number of Gs on it, a G that is not runnable.
     */
    public void globrunqputbatch(GQueue batch, int n) {
        sched.lock.assertHeld();
        checkGlobalBatch(batch, n);
        trackAll("globrunqputbatch", batch);
        globrunqputbatch0(batch, n);
    }

    /** globrunqputbatch's checks of its batch (no queue changes). */
    private void checkGlobalBatch(GQueue batch, int n) {
        if (batch == null) {
            throw nil("globrunqputbatch", "batch");
        }
        if (batch == sched.runq) {
            throw new IllegalArgumentException("globrunqputbatch: the batch is the global queue itself");
        }
        checkBatch("globrunqputbatch", "n", batch, n, null);
    }

    /** globrunqputbatch for callers whose batch is right by construction (runqputslow, runqputbatch). */
    private void globrunqputbatch0(GQueue batch, int n) {
        sched.runq.pushBackAll(batch);
        sched.storeOpaqueRunqsize(sched.loadPlainRunqsize() + n); // sched.runqsize += n
        sched.nglobrunqput += n;
        batch.clear();
    }

    /**
     * globrunqget (Go 1.14, 1.21): try get a batch of G's from the global runnable queue: the fair
     * share {@code runqsize/gomaxprocs + 1}, capped by max (if > 0) and by half the ring. Returns one
     * G; the rest go on pp's ring through runqput. sched.lock must be held.
     *
     * <p>Go calls it with pp's ring empty (or with max 1). Refused with nothing changed: a nil p,
     * a P not the caller's, {@code max < 0}, and a ring without room for the rest of the batch
     * (runqput would spill and take sched.lock, which the caller holds).
     */
    public G globrunqget(P pp, int max) {
        sched.lock.assertHeld();
        checkOwnP("globrunqget", pp);
        checkMax("globrunqget", max);
        int runqsize = sched.loadPlainRunqsize();
        if (runqsize == 0) {
            return null;
        }
        int n = runqsize / gomaxprocs + 1;
        if (n > runqsize) {
            n = runqsize;
        }
        if (max > 0 && n > max) {
            n = max;
        }
        if (n > pp.ringSize() / 2) {
            n = pp.ringSize() / 2;
        }
        checkRoomForBatch("globrunqget: ", pp, n - 1);
        G gp = globrunqtake(n);
        n--;
        for (; n > 0; n--) {
            G gp1 = sched.runq.pop();
            runqput0(pp, gp1, false);
        }
        return gp;
    }

    /**
     * The global-queue gets' common part: {@code sched.runqsize -= n} for the n Gs the caller takes
     * (n &gt; 0), and {@code gp := sched.runq.pop()}, the first of them. sched.lock held.
     */
    private G globrunqtake(int n) {
        sched.storeOpaqueRunqsize(sched.loadPlainRunqsize() - n); // sched.runqsize -= n
        sched.nglobrunqget++;
        sched.nglobrunqgetGs += n;
        G gp = sched.runq.pop();
        if (checked) {
            where.remove(gp);
        }
        return gp;
    }

    /**
     * globrunqget (Go 1.25): one G from the global queue, or null. sched.lock must be held.
     */
    public G globrunqget() {
        sched.lock.assertHeld();
        if (sched.loadPlainRunqsize() == 0) {
            return null;
        }
        return globrunqtake(1);
    }

    /**
     * globrunqgetbatch (Go 1.25): up to {@code min(n, runqsize, runqsize/gomaxprocs+1)} Gs from the
     * global queue: the first is returned, the rest appended to q. sched.lock must be held.
     */
    public G globrunqgetbatch(int n, GQueue q) {
        sched.lock.assertHeld();
        if (q == null) {
            throw nil("globrunqgetbatch", "queue");
        }
        if (n < 1) {
            throw new IllegalArgumentException("globrunqgetbatch: n must be >= 1, got " + n);
        }
        int size = sched.loadPlainRunqsize();
        if (size == 0) {
            return null;
        }
        n = Math.min(n, Math.min(size, size / gomaxprocs + 1));
        G gp = globrunqtake(n);
        n--;
        for (; n > 0; n--) {
            q.pushBack(sched.runq.pop());
        }
        return gp;
    }

    private static void checkMax(String fn, int max) {
        if (max < 0) {
            throw new IllegalArgumentException(fn + ": max must be >= 0, got " + max);
        }
    }

    /** Refuses a batch of {@code k} Gs that would not fit on pp's ring, with {@code prefix} + what is wrong. */
    private static void checkRoomForBatch(String prefix, P pp, int k) {
        int room = ringRoom(pp);
        if (k > room) {
            throw new IllegalStateException(prefix + "no room on " + pp + "'s ring for the batch: " + k
                    + (k == 1 ? " G" : " Gs") + " to put, " + room + " free " + (room == 1 ? "slot" : "slots"));
        }
    }

    // ---- lock sections of the callers of the global-queue functions --------------------------

    /** {@code lock(&sched.lock); globrunqput(gp); unlock(&sched.lock)}, as goschedImpl does. */
    public void globrunqputLocked(G gp) {
        globrunqputUnder(GLOBRUNQPUT_LOCK, gp, false);
    }

    /**
     * {@code lock(&sched.lock); globrunqputbatch(&q, n); unlock(&sched.lock)}: injectglist's
     * hand-off of Gs to idle Ps (and, in the spec, a preempted GC worker's drained queue): one lock
     * section labelled {@link Labels#GLOBRUNQPUT_LOCK}, as the spec's. Refused before it locks,
     * with nothing changed, as {@link #globrunqputbatch} (a nil batch, the global queue itself, an n
     * that is not the number of Gs on it, a G that is not runnable), and a caller already holding
     * sched.lock.
     */
    public void globrunqputbatchLocked(GQueue q, int n) {
        checkGlobalBatch(q, n);
        globrunqputbatchUnder(GLOBRUNQPUT_LOCK, q, n);
    }

    /** {@code lock(&sched.lock); globrunqputhead(gp); unlock(&sched.lock)}. */
    public void globrunqputheadLocked(G gp) {
        globrunqputUnder(GLOBRUNQPUTHEAD_LOCK, gp, true);
    }

    /** The lock section {@code label}: {@code lock(&sched.lock); globrunqput[head](gp); unlock(&sched.lock)}. */
    private void globrunqputUnder(String label, G gp, boolean head) {
        lock(sched.lock, label);
        try {
            if (head) {
                globrunqputhead(gp);
            } else {
                globrunqput(gp);
            }
        } finally {
            unlock(sched.lock);
        }
    }

    /**
     * Go 1.25: the rest of a batch that {@code globrunqgetbatch} took under sched.lock goes on pp's
     * empty ring after the unlock ({@code runqputbatch(pp, &q)}); Go throws "Couldn't put Gs into
     * empty local runq" if any is left. The Gs count as queued all along (checked mode). Used by
     * findRunnable's park path and its re-check of the global queue ({@link MLoop}).
     */
    void runqputbatchFromGlobal(P pp, GQueue q) {
        if (!q.empty()) {
            runqputbatch0(pp, q, q.length());
            if (!q.empty()) {
                throw new IllegalStateException("Couldn't put Gs into empty local runq");
            }
        }
    }

    /**
     * Go 1.25's injectglist, after {@code runqputbatch(pp, &q)} left Gs on q:
     * {@code lock(&sched.lock); globrunqputbatch(&q); unlock(&sched.lock)} (the spec's
     * {@link Labels#RUNQPUTBATCH_LOCK} section, as Go 1.14/1.21's spill inside runqputbatch).
     */
    void globrunqputbatchRest(GQueue q) {
        globrunqputbatchUnder(RUNQPUTBATCH_LOCK, q, q.length());
    }

    /** The lock section {@code label}: {@code lock(&sched.lock); globrunqputbatch(&q, n); unlock(&sched.lock)}. */
    private void globrunqputbatchUnder(String label, GQueue q, int n) {
        lock(sched.lock, label);
        try {
            globrunqputbatch(q, n);
        } finally {
            unlock(sched.lock);
        }
    }

    /**
     * findRunnable's global-queue check: {@code lock(&sched.lock); gp := globrunqget(pp, max);
     * unlock(&sched.lock)} (Go 1.14, 1.21). Go 1.25: {@code globrunqget()} when max is 1, else
     * {@code globrunqgetbatch(len(pp.runq)/2)} and, after unlock, {@code runqputbatch}; a batch that
     * does not fit throws "Couldn't put Gs into empty local runq".
     *
     * <p>Go calls it with pp's ring empty. A batch that would not fit is refused before anything
     * moves: Go 1.25 with Go's message followed by what is wrong ("Couldn't put Gs into empty local
     * runq: no room on p0's ring for the batch: 3 Gs to put, 1 free slot"), Go 1.14/1.21 as
     * {@link #globrunqget(P, int)}. Also refused: a nil p, a P not the caller's, {@code max < 0},
     * a caller already holding sched.lock.
     */
    public G globrunqgetLocked(P pp, int max) {
        checkOwnP("globrunqgetLocked", pp);
        checkMax("globrunqgetLocked", max);
        if (goVersion == GoVersion.GO1_25) {
            GQueue q = new GQueue();
            G gp;
            lock(sched.lock, GLOBRUNQGET_LOCK);
            try {
                if (max == 1) {
                    gp = globrunqget();
                } else {
                    int n = pp.ringSize() / 2;
                    int size = sched.loadPlainRunqsize(); // plain: under sched.lock
                    n = Math.min(n, Math.min(size, size / gomaxprocs + 1)); // what globrunqgetbatch takes
                    checkRoomForBatch("Couldn't put Gs into empty local runq: ", pp, n - 1);
                    gp = globrunqgetbatch(pp.ringSize() / 2, q);
                }
            } finally {
                unlock(sched.lock);
            }
            if (gp != null && !q.empty()) {
                runqputbatch0(pp, q, q.length());
                if (!q.empty()) {
                    throw new IllegalStateException("Couldn't put Gs into empty local runq");
                }
            }
            return gp;
        }
        lock(sched.lock, GLOBRUNQGET_LOCK);
        try {
            G gp = globrunqget(pp, max);
            point.at(GLOBRUNQGET_UNLOCK);
            return gp;
        } finally {
            unlock(sched.lock);
        }
    }

    // ---- ready / goready -------------------------------------------------------------------

    /**
     * ready (proc.go): mark gp ready to run: {@code casgstatus(gp, _Gwaiting, _Grunnable)}, put it
     * on {@code pp}'s run queue ({@code runqput(pp, gp, next)}: in runnext when {@code next}), and
     * call {@code wakep}. Executed by the owner of {@code pp} (Go: the readier's {@code mp.p}).
     *
     * <p>Spec: G action {@code ready}: {@link Labels#CASGSTATUS}, the runqput labels, then
     * {@link Labels#WAKEP}.
     *
     * <p>Also refused before the status changes, with nothing changed: a P not the caller's, a G
     * visibly on a list or queue (schedlink set), a put that would spill while the caller holds
     * sched.lock, and (checked mode) a G already queued or free: what runqput would refuse after.
     *
     * @throws NullPointerException  a nil p or g
     * @throws IllegalStateException "bad g->status in ready" when gp is not {@code _Gwaiting}
     *                               (Go throws; nothing changes), or when another thread readied it
     *                               first (the status CAS fails; nothing changes)
     */
    public void ready(P pp, G gp, boolean next) {
        Objects.requireNonNull(gp, "ready: nil g");
        checkOwnP("ready", pp);
        int status = gp.readgstatus();
        // Mark runnable.
        if (status != _Gwaiting) {
            throw new IllegalStateException("bad g->status in ready: " + gp + " is " + G.statusName(status));
        }
        checkReady(pp, gp, next);
        // status is Gwaiting, make Grunnable and put on runq
        casgstatus(gp, _Gwaiting, _Grunnable);
        runqput(pp, gp, next);
        wakep();
    }

    /** ready's checks of what runqput would refuse once gp is runnable; none changes anything. */
    private void checkReady(P pp, G gp, boolean next) {
        if (gp == pp.loadPlainRunnext()) { // plain: only this owner sets it non-null
            throw new IllegalStateException("ready: " + gp + " is already " + pp + "'s runnext");
        }
        if (gp.schedlink != null) {
            throw new IllegalStateException("ready: " + gp + " is on a list or queue (schedlink is set)");
        }
        checkSpillLock("ready", pp, next);
        if (checked && where.containsKey(gp)) {
            throw new IllegalStateException("ready: " + gp + " is already " + where.get(gp) + " (checked mode)");
        }
    }

    /** goready (proc.go): {@code ready(gp, traceskip, true)}: the readied G goes to runnext. */
    public void goready(P pp, G gp) {
        ready(pp, gp, true);
    }

    // ---- wakep ----------------------------------------------------------------------------

    /**
     * The part of wakep after the spinning-M check: take an idle P and start an M spinning on it
     * ({@code pidlegetSpinning} + {@code startm}). Connected by the scheduler.
     */
    public interface WakeHook {
        /**
         * Called after wakep raised nmspinning from 0 to 1. Must hand an idle P to an M (which then
         * counts as the spinning M) or, with no idle P, undo the increment
         * ({@code sched.nmspinning.Add(-1)}).
         */
        void startSpinningM(Proc proc);

        /** No scheduler connected: there are no Ms to start, so the increment is undone. */
        WakeHook NONE = proc -> {
            if (proc.sched.addVolatileNmspinning(-1) < 0) {
                throw new IllegalStateException("wakep: negative nmspinning");
            }
        };
    }

    public void setWakeHook(WakeHook h) {
        wakeHook = Objects.requireNonNull(h, "wake hook");
    }

    /** mainStarted: from now on newproc calls wakep. */
    public void setMainStarted(boolean started) {
        mainStarted = started;
    }

    public boolean mainStarted() {
        return mainStarted;
    }

    /**
     * wakep: try to add one more P to execute G's. Called when a G is made runnable (newproc,
     * ready). Be conservative about spinning threads: only start one if none exist already.
     */
    public void wakep() {
        point.at(WAKEP);
        // Volatile load and full CAS: the submitter's load in the no-lost-wakeup Dekker pattern
        // (MLoop): it comes after the submitter published its G (runnext CAS, or a ring put)
        // and either sees the parker's decrement or is seen by its recheck.
        if (sched.loadVolatileNmspinning() != 0 || !sched.casVolatileNmspinning(0, 1)) {
            return;
        }
        wakeHook.startSpinningM(this);
    }

    // ---- snapshots -----------------------------------------------------------------------------

    /** The scheduling-point hook this Proc calls (for the bug catalogue's twins, which copy Proc's code). */
    public SchedPoint point() {
        return point;
    }

    /**
     * A {@link Snapshot} of {@link #allp} and the global structures. Exact only while nothing
     * changes the Proc (see {@link Snapshot}).
     */
    public Snapshot snapshot() {
        return Snapshot.of(this, List.of(allp), List.of());
    }

    /**
     * A {@link Snapshot} of the Ps {@code ps} (for example {@code allp} plus stand-alone Ps made by
     * {@link #newP}) and the global structures; {@code held} are Gs the caller holds outside every
     * queue and free list (taken by runqget, gfget, …), recorded in {@link Snapshot#gs()} too.
     */
    public Snapshot snapshot(List<P> ps, java.util.Collection<G> held) {
        return Snapshot.of(this, List.copyOf(ps), held == null ? List.of() : held);
    }

    /** Counters summed over allp and sched (racy reads; exact when quiescent). */
    public ProcStats stats() {
        long newproc = 0, nmalg = 0, reuse = 0, steals = 0, stolen = 0, slow = 0;
        for (P pp : allp) {
            newproc += pp.nnewproc;
            nmalg += pp.nmalg;
            reuse += pp.ngfgetReuse;
            steals += pp.nsteals;
            stolen += pp.nstolen;
            slow += pp.nrunqputslow;
        }
        return new ProcStats(newproc, nmalg, reuse, steals, stolen, slow, sched.nglobrunqput, sched.nglobrunqget,
                sched.nglobrunqgetGs, stacks.allocated(), stacks.freed());
    }
}
