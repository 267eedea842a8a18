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
 * <h2>The step-label contract</h2>
 *
 * <p>Before every step the spec treats as atomic, the code calls {@code point.at(label)} with a
 * constant from {@link Labels}. With {@link SchedPoint#NONE} this is free; a controlling hook
 * serializes threads step by step. Lock sections begin with {@link #lock(Mutex, String)}.
 *
 * <h2>Misuse</h2>
 *
 * <p>Go's {@code throw}s become {@link IllegalStateException} with Go's message. Input a cheap
 * check can see as wrong (a null function or G, a G in the wrong status) is refused before any
 * queue changes. The same G queued twice, or put on a free list twice, is caught only in
 * {@linkplain ProcConfig#checked(boolean) checked mode}, which costs a concurrent map operation per
 * queue operation and is meant for tests.
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
    final GoVersion goVersion;
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

    /** startingStackSize: changes at run time (Go adapts it to average stack use at each GC). */
    private volatile int startingStackSize;

    /** mainStarted: newproc calls wakep only after the runtime's main goroutine started. */
    private volatile boolean mainStarted;

    /** The second half of wakep (pidlegetSpinning, startm), connected by the scheduler. */
    private volatile WakeHook wakeHook = WakeHook.NONE;

    /** Checked mode: where each tracked G is ("runq" or "free"). Null when not checked. */
    private final Map<G, String> where;

    public Proc(ProcConfig cfg) {
        this.cfg = Objects.requireNonNull(cfg, "config");
        this.point = cfg.point;
        this.goVersion = cfg.goVersion;
        this.checked = cfg.checked;
        this.where = cfg.checked ? new ConcurrentHashMap<>() : null;
        this.stacks = new StackAllocator(cfg.checked);
        this.startingStackSize = cfg.startingStackSize;
        this.gomaxprocs = cfg.nprocs;
        this.allp = new P[cfg.nprocs];
        for (int i = 0; i < allp.length; i++) {
            allp[i] = newP(i);
        }
    }

    /** A Proc with Go's defaults and {@code nprocs} Ps. */
    public Proc(int nprocs) {
        this(new ProcConfig().nprocs(nprocs));
    }

    public ProcConfig config() {
        return cfg;
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
        point.atLock(label, m);
        m.lock();
    }

    /** unlock(m). */
    public void unlock(Mutex m) {
        m.unlock();
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
        G newg = newproc1(pp, fn, callergp, callerpc(callergp));
        runqput0(pp, newg, true);
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
        G newg = newproc1(pp, fn, callergp, callerpc(callergp));
        runqput0(pp, newg, true);
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
        G newg = newproc1(pp, fn, args, siz, callergp, callerpc(callergp));
        runqput0(pp, newg, true);
        if (mainStarted) {
            wakep();
        }
        return newg;
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
        newg.startpc = fn.fn;
        casgstatus(newg, _Gdead, _Grunnable);

        point.at(NEWPROC1_GOID);
        if (pp.goidcache == pp.goidcacheend) {
            // Sched.goidgen is the last allocated id, this batch must be
            // [sched.goidgen+1, sched.goidgen+GoidCacheBatch]. At startup sched.goidgen=0, so
            // main goroutine receives goid=1.
            long b = cfg.goidBatch;
            pp.goidcache = sched.goidgen.addAndGet(b); // atomic add: batches are disjoint
            pp.goidcache -= b - 1;
            pp.goidcacheend = pp.goidcache + b;
        }
        newg.goid = pp.goidcache;
        pp.goidcache++;
        pp.nnewproc++;
    }

    /**
     * malg: allocate a new g, with a stack big enough for stacksize bytes (negative: no stack).
     */
    public G malg(int stacksize) {
        G newg = new G();
        if (stacksize >= 0) {
            stacksize = round2(StackSystem + stacksize);
            point.at(MALG);
            newg.stack = stacks.stackalloc(stacksize);
            newg.stackguard0 = newg.stack.lo() + StackGuard;
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
        if (oldval == newval) {
            throw new IllegalStateException("casgstatus: bad incoming values");
        }
        point.at(CASGSTATUS);
        if (!gp.casStatus(oldval, newval)) {
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
     */
    public void gfput(P pp, G gp) {
        Objects.requireNonNull(gp, "gfput: nil g");
        point.at(GFPUT_PUSH);
        if (gp.readgstatus() != _Gdead) {
            throw new IllegalStateException("gfput: bad status (not Gdead)");
        }
        if (checked && where.putIfAbsent(gp, "free") != null) {
            throw new IllegalStateException("gfput: " + gp + " is already " + where.get(gp) + " (checked mode)");
        }
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

    /**
     * gfget: get from the P's free list. If the local list is empty, grab a batch from the global
     * list, preferring Gs with stacks. Returns null when there is no free G anywhere.
     */
    public G gfget(P pp) {
        for (;;) { // retry:
            point.at(GFGET_CHECK);
            if (pp.gFree.empty() && (!sched.gFree.stack.emptyRacy() || !sched.gFree.noStack.emptyRacy())) {
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

    /** gfpurge: purge all cached G's from gfree list to the global list. */
    public void gfpurge(P pp) {
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
     * <p>gp must be {@code _Grunnable}; anything else is refused with the queues unchanged.
     */
    public void runqput(P pp, G gp, boolean next) {
        checkQueueable("runqput", gp);
        runqput0(pp, gp, next);
    }

    /** Refuses a null or non-runnable G, and (checked mode) one already queued. No queue changes. */
    private void checkQueueable(String fn, G gp) {
        if (gp == null) {
            throw new NullPointerException(fn + ": nil g");
        }
        int s = gp.readgstatus();
        if (s != _Grunnable) {
            throw new IllegalStateException(fn + ": " + gp + " is not runnable (status " + G.statusName(s) + ")");
        }
        if (checked) {
            String was = where.putIfAbsent(gp, "runq");
            if (was != null) {
                throw new IllegalStateException(fn + ": " + gp + " is already " + was + " (checked mode)");
            }
        }
    }

    /** runqput without the misuse checks (callers that move already-queued Gs). */
    private void runqput0(P pp, G gp, boolean next) {
        if (next) {
            G oldnext;
            do { // retryNext:
                point.at(RUNQPUT_LOADNEXT);
                oldnext = pp.lpRunnext();
                point.at(RUNQPUT_CASNEXT);
            } while (!pp.casRunnext(oldnext, gp));
            if (oldnext == null) {
                return;
            }
            // Kick the old runnext out to the regular run queue.
            gp = oldnext;
        }
        final G[] runq = pp.runq;
        for (;;) { // retry:
            point.at(RUNQPUT_LOADHEAD);
            int h = pp.lvRunqhead(); // load-acquire, synchronize with consumers
            int t = pp.lpRunqtail();
            if (Integer.compareUnsigned(t - h, runq.length) < 0) {
                point.at(RUNQPUT_STORE);
                runq[t & pp.mask] = gp;
                point.at(RUNQPUT_STORETAIL);
                pp.soRunqtail(t + 1); // store-release, makes the item available for consumption
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
     */
    public boolean runqputslow(P pp, G gp, int h, int t) {
        final G[] runq = pp.runq;
        final G[] batch = pp.slowBatch; // Go: var batch [len(pp.runq)/2 + 1]*g

        // First, grab a batch from local queue.
        int n = t - h;
        n = n >>> 1; // unsigned n / 2
        if (n != runq.length / 2) {
            throw new IllegalStateException("runqputslow: queue is not full");
        }
        for (int i = 0; i < n; i++) {
            point.at(RUNQPUTSLOW_COPY);
            batch[i] = runq[(h + i) & pp.mask];
        }
        point.at(RUNQPUTSLOW_CAS);
        if (!pp.casRelRunqhead(h, h + n)) { // cas-release, commits consume
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
            globrunqputbatch(q, n + 1);
        } finally {
            unlock(sched.lock);
        }
        return true;
    }

    /**
     * runqputbatch tries to put all the Gs on q on the local runnable queue. Go 1.21: the rest go
     * to the global queue and q ends empty; Go 1.25: the rest stay on q. Executed only by the
     * owner P. Every G must be runnable; a wrong one is refused before anything moves.
     */
    public void runqputbatch(P pp, GQueue q, int qsize) {
        for (G g = q.head; g != null; g = g.schedlink) {
            checkQueueable("runqputbatch", g);
        }
        runqputbatch0(pp, q, qsize);
    }

    private void runqputbatch0(P pp, GQueue q, int qsize) {
        final G[] runq = pp.runq;
        point.at(RUNQPUTBATCH_LOADHEAD);
        int h = pp.lvRunqhead(); // load-acquire, synchronize with consumers
        int t = pp.lpRunqtail();
        int n = 0;
        while (!q.empty() && Integer.compareUnsigned(t - h, runq.length) < 0) {
            G gp = q.pop();
            point.at(RUNQPUTBATCH_STORE);
            runq[t & pp.mask] = gp;
            t++;
            n++;
        }
        qsize -= n;
        point.at(RUNQPUTBATCH_STORETAIL);
        pp.soRunqtail(t); // store-release, makes the items available for consumption
        if (!q.empty() && goVersion != GoVersion.GO1_25) {
            lock(sched.lock, RUNQPUTBATCH_LOCK);
            try {
                globrunqputbatch(q, qsize);
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
        G gp = runqgetG(pp);
        return gp == null ? null : new Runqget(gp, pp.runqgetInheritTime);
    }

    /**
     * {@link #runqget} without the result object: returns the G (or null) and leaves
     * {@code inheritTime} in {@link P#runqgetInheritTime}, so that the scheduler's loop allocates
     * nothing per G. Same steps and labels.
     */
    G runqgetG(P pp) {
        // If there's a runnext, it's the next G to run.
        if (goVersion == GoVersion.GO1_14) {
            for (;;) {
                point.at(RUNQGET_LOADNEXT);
                G next = pp.lpRunnext();
                if (next == null) {
                    break;
                }
                point.at(RUNQGET_CASNEXT);
                if (pp.casRunnext(next, null)) {
                    return taken(pp, next, true);
                }
            }
        } else {
            point.at(RUNQGET_LOADNEXT);
            G next = pp.lpRunnext();
            // If the runnext is non-0 and the CAS fails, it could only have been stolen by another
            // P, because other Ps can race to set runnext to 0, but only the current P can set it
            // to non-0. Hence, there's no need to retry this CAS if it fails.
            if (next != null) {
                point.at(RUNQGET_CASNEXT);
                if (pp.casRunnext(next, null)) {
                    return taken(pp, next, true);
                }
            }
        }
        final G[] runq = pp.runq;
        for (;;) {
            point.at(RUNQGET_LOADHEAD);
            int h = pp.lvRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.lpRunqtail();
            if (t == h) {
                return null;
            }
            point.at(RUNQGET_LOAD);
            G gp = runq[h & pp.mask];
            point.at(RUNQGET_CAS);
            if (pp.casRelRunqhead(h, h + 1)) { // cas-release, commits consume
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
        GQueue drainQ = new GQueue();
        int n = 0;
        point.at(RUNQDRAIN_LOADNEXT);
        G oldNext = pp.lpRunnext();
        if (oldNext != null) {
            point.at(RUNQDRAIN_CASNEXT);
            if (pp.casRunnext(oldNext, null)) {
                drainQ.pushBack(oldNext);
                n++;
            }
        }
        final G[] runq = pp.runq;
        int h;
        int qn;
        for (;;) { // retry:
            point.at(RUNQDRAIN_LOADHEAD);
            h = pp.lvRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.lpRunqtail();
            qn = t - h;
            if (qn == 0) {
                return drained(drainQ, n);
            }
            if (Integer.compareUnsigned(qn, runq.length) > 0) { // read inconsistent h and t
                continue;
            }
            point.at(RUNQDRAIN_CAS);
            if (pp.casRelRunqhead(h, h + qn)) { // cas-release, commits consume
                break;
            }
        }
        // We've inverted the order in which it gets G's from the local P's runnable queue and then
        // advances the head pointer because we don't want to mess up the statuses of G's while
        // runqdrain() and runqget() are called concurrently. If we don't advance the head pointer
        // first, G's might be taken by a thief while we read them. Only the owner writes slots, so
        // once head has moved past them they stay as they are until this owner reuses them.
        for (int i = 0; i < qn; i++) {
            point.at(RUNQDRAIN_LOAD);
            drainQ.pushBack(runq[(h + i) & pp.mask]);
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
     */
    public int runqgrab(P pp, G[] batch, int batchHead, boolean stealRunNextG) {
        final G[] runq = pp.runq;
        final int bmask = batch.length - 1;
        for (;;) {
            point.at(RUNQGRAB_LOADHEAD);
            int h = pp.lvRunqhead(); // load-acquire, synchronize with other consumers
            point.at(RUNQGRAB_LOADTAIL);
            int t = pp.lvRunqtail(); // load-acquire, synchronize with the producer
            int n = t - h;
            n = n - (n >>> 1);
            if (n == 0) {
                if (stealRunNextG) {
                    // Try to steal from pp.runnext.
                    point.at(RUNQGRAB_LOADNEXT);
                    G next = pp.lpRunnext();
                    if (next != null) {
                        if (pp.status() == P._Prunning) {
                            // Sleep to ensure that pp isn't about to run the g we are about to
                            // steal. The important use case here is when the g running on pp
                            // ready()s another g and then almost immediately blocks. Instead of
                            // stealing runnext in this window, back off to give pp a chance to
                            // schedule runnext and avoid thrashing gs between different Ps.
                            backoff(cfg.runnextBackoffNanos);
                        }
                        point.at(RUNQGRAB_CASNEXT);
                        if (!pp.casRunnext(next, null)) {
                            continue;
                        }
                        batch[batchHead & bmask] = next;
                        return 1;
                    }
                }
                return 0;
            }
            if (Integer.compareUnsigned(n, runq.length / 2) > 0) { // read inconsistent h and t
                continue;
            }
            for (int i = 0; i < n; i++) {
                point.at(RUNQGRAB_COPY);
                batch[(batchHead + i) & bmask] = runq[(h + i) & pp.mask];
            }
            point.at(RUNQGRAB_CAS);
            if (pp.casRelRunqhead(h, h + n)) { // cas-release, commits consume
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
     * findRunnable after pp's own runqget found nothing. On a fuller ring the copy can overwrite
     * queued Gs and the call then throws "runqsteal: runq overflow" (fatal in Go).
     */
    public G runqsteal(P pp, P p2, boolean stealRunNextG) {
        if (pp == p2) {
            throw new IllegalArgumentException("runqsteal: " + pp + " cannot steal from itself");
        }
        if (pp.runq.length != p2.runq.length) {
            throw new IllegalArgumentException("runqsteal: rings differ in size (" + pp.runq.length
                    + " and " + p2.runq.length + ")");
        }
        int t = pp.lpRunqtail();
        int n = runqgrab(p2, pp.runq, t, stealRunNextG);
        if (n == 0) {
            return null;
        }
        pp.nsteals++;
        pp.nstolen += n;
        n--;
        G gp = pp.runq[(t + n) & pp.mask];
        if (checked) {
            where.remove(gp);
        }
        if (n == 0) {
            return gp;
        }
        point.at(RUNQSTEAL_LOADHEAD);
        int h = pp.lvRunqhead(); // load-acquire, synchronize with consumers
        if (Integer.compareUnsigned(t - h + n, pp.runq.length) >= 0) {
            throw new IllegalStateException("runqsteal: runq overflow");
        }
        point.at(RUNQSTEAL_STORETAIL);
        pp.soRunqtail(t + n); // store-release, makes the item available for consumption
        return gp;
    }

    /**
     * runqempty reports whether pp has no Gs on its local run queue. It never returns true
     * spuriously.
     */
    public boolean runqempty(P pp) {
        // Defend against a race where 1) pp has G1 in runqnext but runqhead == runqtail, 2) runqput
        // on pp kicks G1 to the runq, 3) runqget on pp empties runqnext. Simply observing that
        // runqhead == runqtail and then observing that runqnext == nil does not mean the queue is
        // empty: between the reads, G1 moved from runnext to the ring and back out. Re-reading
        // tail after runnext proves no put happened in between, so the three reads describe one
        // moment.
        for (;;) {
            point.at(RUNQEMPTY_LOADHEAD);
            int head = pp.vRunqhead();
            point.at(RUNQEMPTY_LOADTAIL);
            int tail = pp.vRunqtail();
            point.at(RUNQEMPTY_LOADNEXT);
            G runnext = pp.vRunnext();
            point.at(RUNQEMPTY_RECHECK);
            if (tail == pp.vRunqtail()) {
                return head == tail && runnext == null;
            }
        }
    }

    // ---- the global run queue (sched.lock held) -----------------------------------------------

    /**
     * globrunqput: put gp on the global runnable queue. sched.lock must be held. gp must be
     * runnable; anything else is refused with the queue unchanged.
     */
    public void globrunqput(G gp) {
        sched.lock.assertHeld();
        checkQueueable("globrunqput", gp);
        sched.runq.pushBack(gp);
        sched.addRunqsize(1);
        sched.nglobrunqput++;
    }

    /** globrunqputhead: put gp at the head of the global runnable queue. sched.lock must be held. */
    public void globrunqputhead(G gp) {
        sched.lock.assertHeld();
        checkQueueable("globrunqputhead", gp);
        sched.runq.push(gp);
        sched.addRunqsize(1);
        sched.nglobrunqput++;
    }

    /**
     * globrunqputbatch: put a batch of runnable goroutines on the global runnable queue; clears
     * *batch. sched.lock must be held.
     */
    public void globrunqputbatch(GQueue batch, int n) {
        sched.lock.assertHeld();
        sched.runq.pushBackAll(batch);
        sched.addRunqsize(n);
        sched.nglobrunqput += n;
        batch.clear();
    }

    /**
     * globrunqget (Go 1.14, 1.21): try get a batch of G's from the global runnable queue: the fair
     * share {@code runqsize/gomaxprocs + 1}, capped by max (if > 0) and by half the ring. Returns one
     * G; the rest go on pp's ring through runqput. sched.lock must be held.
     */
    public G globrunqget(P pp, int max) {
        sched.lock.assertHeld();
        int runqsize = sched.runqsizeLocked();
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
        if (n > pp.runq.length / 2) {
            n = pp.runq.length / 2;
        }
        sched.addRunqsize(-n);
        sched.nglobrunqget++;
        sched.nglobrunqgetGs += n;
        G gp = sched.runq.pop();
        if (checked) {
            where.remove(gp);
        }
        n--;
        for (; n > 0; n--) {
            G gp1 = sched.runq.pop();
            runqput0(pp, gp1, false);
        }
        return gp;
    }

    /**
     * globrunqget (Go 1.25): one G from the global queue, or null. sched.lock must be held.
     */
    public G globrunqget() {
        sched.lock.assertHeld();
        if (sched.runqsizeLocked() == 0) {
            return null;
        }
        sched.addRunqsize(-1);
        sched.nglobrunqget++;
        sched.nglobrunqgetGs++;
        G gp = sched.runq.pop();
        if (checked) {
            where.remove(gp);
        }
        return gp;
    }

    /**
     * globrunqgetbatch (Go 1.25): up to {@code min(n, runqsize, runqsize/gomaxprocs+1)} Gs from the
     * global queue: the first is returned, the rest appended to q. sched.lock must be held.
     */
    public G globrunqgetbatch(int n, GQueue q) {
        sched.lock.assertHeld();
        int size = sched.runqsizeLocked();
        if (size == 0) {
            return null;
        }
        n = Math.min(n, Math.min(size, size / gomaxprocs + 1));
        sched.addRunqsize(-n);
        sched.nglobrunqget++;
        sched.nglobrunqgetGs += n;
        G gp = sched.runq.pop();
        if (checked) {
            where.remove(gp);
        }
        n--;
        for (; n > 0; n--) {
            q.pushBack(sched.runq.pop());
        }
        return gp;
    }

    // ---- lock sections of the callers of the global-queue functions --------------------------

    /** {@code lock(&sched.lock); globrunqput(gp); unlock(&sched.lock)}, as goschedImpl does. */
    public void globrunqputLocked(G gp) {
        lock(sched.lock, GLOBRUNQPUT_LOCK);
        try {
            globrunqput(gp);
        } finally {
            unlock(sched.lock);
        }
    }

    /** {@code lock(&sched.lock); globrunqputhead(gp); unlock(&sched.lock)}. */
    public void globrunqputheadLocked(G gp) {
        lock(sched.lock, GLOBRUNQPUTHEAD_LOCK);
        try {
            globrunqputhead(gp);
        } finally {
            unlock(sched.lock);
        }
    }

    /**
     * findRunnable's global-queue check: {@code lock(&sched.lock); gp := globrunqget(pp, max);
     * unlock(&sched.lock)} (Go 1.14, 1.21). Go 1.25: {@code globrunqget()} when max is 1, else
     * {@code globrunqgetbatch(len(pp.runq)/2)} and, after unlock, {@code runqputbatch}; a batch that
     * does not fit throws "Couldn't put Gs into empty local runq".
     */
    public G globrunqgetLocked(P pp, int max) {
        if (goVersion == GoVersion.GO1_25) {
            GQueue q = new GQueue();
            G gp;
            lock(sched.lock, GLOBRUNQGET_LOCK);
            try {
                gp = max == 1 ? globrunqget() : globrunqgetbatch(pp.runq.length / 2, q);
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
            if (proc.sched.nmspinning.decrementAndGet() < 0) {
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
        if (sched.nmspinning.get() != 0 || !sched.nmspinning.compareAndSet(0, 1)) {
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
