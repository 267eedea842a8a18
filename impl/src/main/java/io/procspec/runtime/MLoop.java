package io.procspec.runtime;

import java.lang.invoke.VarHandle;
import java.util.List;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.G._Grunnable;
import static io.procspec.runtime.G._Grunning;
import static io.procspec.runtime.G._Gwaiting;
import static io.procspec.runtime.Labels.BECOMESPINNING;
import static io.procspec.runtime.Labels.CHECKRUNQSNOP_LOCK;
import static io.procspec.runtime.Labels.FINDRUNNABLE_DROPSPINNING;
import static io.procspec.runtime.Labels.FINDRUNNABLE_LOCKIDLE;
import static io.procspec.runtime.Labels.FINDRUNNABLE_LOCKRECHECK;
import static io.procspec.runtime.Labels.FINDRUNNABLE_UNLOCKIDLE;
import static io.procspec.runtime.Labels.STARTM;
import static io.procspec.runtime.Labels.STOPM;
import static io.procspec.runtime.Labels.WAKEP_LOCK;

/**
 * The loop every M runs, ported from Go 1.21's {@code proc.go}: {@code mstart} → {@code schedule}
 * → {@code findRunnable} (with {@code stealWork} and {@code checkRunqsNoP}) → {@code execute} →
 * {@code goexit0} → {@code schedule} …, and the waking side: {@code wakep}'s second half,
 * {@code startm}, {@code stopm}. This is the part of the scheduler the spec models
 * ({@code spec/tla/Proc.tla}); start-up, shutdown, quiescence and statistics are {@link Sched}'s,
 * and the idle lists guarded by {@code sched.lock} are {@link Idle}'s.
 *
 * <h2>Where findRunnable looks, in order (Go 1.21)</h2>
 *
 * <p>Every 61st schedtick the global queue first, one G, so that a P busy with its own queue still
 * serves the global queue; then the local queue ({@code runqget}: runnext first, which inherits the
 * time slice and so does not advance schedtick); then the global queue, a fair-share batch; then,
 * if this M may spin, stealing: four passes over the other Ps in a random order
 * ({@link RandomOrder}: a random start and a stride coprime to GOMAXPROCS), taking half of a
 * victim's queue, and its runnext only on the last pass; finally, under {@code sched.lock}, the
 * global queue once more, and if it is empty the P goes idle and the M parks.
 *
 * <h2>Spinning</h2>
 *
 * <p>An M out of local work that looks for work elsewhere is <em>spinning</em>
 * ({@code m.spinning}, counted in {@code sched.nmspinning}). Only
 * {@code 2*nmspinning < GOMAXPROCS - npidle} Ms may start spinning, so a mostly idle program does
 * not burn every core looking for work. {@code wakep}, called when a G is made runnable, starts an
 * M only if there is an idle P and no M is spinning ({@code nmspinning} CAS 0 → 1, then
 * {@link #startSpinningM}); a spinning M that finds work stops spinning and calls {@code wakep}
 * itself ({@link #resetspinning}), so a burst of work unparks Ms one after another rather than all
 * at once, yet eventually uses every P.
 *
 * <h2>No lost wakeups (the spec's {@code NoLostWakeup})</h2>
 *
 * <p>Go's "Worker thread parking/unparking", adapted. The danger is the spinning → parked
 * transition racing with new work: the parker has looked everywhere, the submitter sees a spinning
 * M and does not wake anyone, and the work sits while every M sleeps. Both sides follow a
 * Dekker-style pattern over sequentially consistent accesses:
 * <ul>
 *   <li>submitter: (1) publish the work on its P — newproc's or ready's CAS of {@code runnext},
 *       or a ring put; (2) read {@code nmspinning} in {@code wakep};</li>
 *   <li>parker: (1) put its P on {@code pidle}; decrement {@code nmspinning}
 *       ({@link Labels#FINDRUNNABLE_DROPSPINNING}) and a full fence; (2) re-read the run queue of
 *       every P that is not idle ({@code runqempty}, {@link #checkRunqsNoP}).</li>
 * </ul>
 * Work on the global queue is not part of this pattern (Go 1.21): a G that yields there
 * (goschedImpl) is followed by its own M's findRunnable, and a P-less submitter
 * ({@link Sched#goOutside}, injectglist without a P) starts an M on an idle P
 * ({@code startIdle}), or, with no idle P, sets {@code needspinning} under {@code sched.lock}, which
 * makes the next non-spinning M about to idle its P spin instead.
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
 * a non-empty queue. So a runnable G is always found. TLC checks the same argument on the spec
 * (invariant {@code NoLostWakeup}, property {@code RunnableEventuallyRuns}).
 *
 * <h2>Step labels</h2>
 *
 * The loop's shared-memory steps are labelled for the spec: {@link Labels#WAKEP_LOCK},
 * {@link Labels#STARTM}, {@link Labels#STOPM}, {@link Labels#BECOMESPINNING},
 * {@link Labels#FINDRUNNABLE_LOCKIDLE}, {@link Labels#FINDRUNNABLE_UNLOCKIDLE},
 * {@link Labels#FINDRUNNABLE_DROPSPINNING}, {@link Labels#CHECKRUNQSNOP_LOCK}; the queue functions
 * it calls carry their own.
 *
 * <h2>Threads</h2>
 *
 * <p>One MLoop per started {@link Sched}; its methods run on the M threads (and, for
 * {@link #startSpinningM}, on any thread that calls {@code wakep}). Its fields are final, set
 * before any M starts; {@link #shuttingDown} is written under {@code sched.lock}.
 */
final class MLoop {

    /** stealWork's number of passes over allp (Go: {@code const stealTries = 4}). */
    static final int STEAL_TRIES = 4;

    /** findRunnable checks the global queue first every this many schedticks (Go: 61). */
    static final int GLOBAL_CHECK_PERIOD = 61;

    /** stealWork's passes ({@link #STEAL_TRIES} unless {@link ProcConfig#stealTries} says otherwise: a model's bound). */
    final int stealTries;

    /** The schedtick period of the global-queue check ({@link #GLOBAL_CHECK_PERIOD} unless {@link ProcConfig#schedtickPeriod}). */
    final int globalCheckPeriod;

    /** findRunnable's two decisions the spec's Proc bugs change ({@link FindRunnableChecks#GO} in production). */
    final FindRunnableChecks checks;

    /** The scheduler this loop belongs to (its bookkeeping: quiescence counts, panics). */
    final Sched owner;
    final Proc proc;
    final Schedt sched;
    final P[] allp;
    final int gomaxprocs;
    /** stealOrder (proc.go). */
    final RandomOrder stealOrder;
    /** sched.pidle, sched.midle, allm …: guarded by sched.lock. */
    final Idle idle;
    /** Per P: [0..STEAL_BUCKETS) steal-batch histogram; plain, owner-only, read racily by stats. */
    final long[][] stealHist;

    /**
     * Set under sched.lock by {@link Sched#shutdown}; read racily by Ms (which re-check it under
     * the lock before parking or starting an M). Volatile: an M in a long stealing pass must see it.
     */
    volatile boolean shuttingDown;

    /** Whether this loop's Ms are driven ({@link Sched#startDriven}); set before any M runs. */
    boolean driven;

    MLoop(Sched owner, Proc proc) {
        this.owner = owner;
        this.proc = proc;
        this.sched = proc.sched;
        this.allp = proc.allp;
        this.gomaxprocs = proc.gomaxprocs;
        this.stealOrder = new RandomOrder(gomaxprocs);
        this.idle = new Idle(sched, gomaxprocs);
        this.stealHist = new long[gomaxprocs][Sched.STEAL_BUCKETS];
        this.stealTries = proc.cfg.stealTries;
        this.globalCheckPeriod = proc.cfg.schedtickPeriod;
        this.checks = proc.cfg.findRunnableChecks;
    }

    /** Puts every P on the idle list, allp[0] on top, as procresize leaves them; no M runs yet. */
    void initIdle() {
        sched.lock.lock();
        try {
            for (int i = gomaxprocs - 1; i >= 0; i--) { // so that allp[0] is on top, as procresize leaves it
                allp[i].storePlainOwner(P.IDLE); // before any M exists (Thread.start publishes it)
                idle.pidleput(allp[i]);
            }
        } finally {
            sched.lock.unlock();
        }
    }

    /**
     * wakep's second half (proc.go {@code wakep} after the CAS of nmspinning 0 → 1):
     * {@code lock(&sched.lock); pp := pidlegetSpinning(0)}; no P: {@code nmspinning.Add(-1)} and
     * unlock; else unlock and {@code startm(pp, true)}. Connected as {@link Proc.WakeHook}.
     *
     * <p>Spec: {@link Labels#WAKEP_LOCK}, then {@link Labels#STARTM}.
     */
    void startSpinningM(Proc pr) {
        P pp;
        pr.lock(sched.lock, WAKEP_LOCK);
        try {
            pp = shuttingDown ? null : idle.pidlegetSpinning();
            if (pp == null) {
                // Undo wakep's transient increment, under sched.lock: a parker's recheck that reads
                // the count meanwhile is covered (see "No lost wakeups" above).
                if (sched.addVolatileNmspinning(-1) < 0) {
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
        proc.lock(sched.lock, STARTM);
        try {
            if (shuttingDown) {
                idle.pidleput(pp);
                if (spinning && sched.addVolatileNmspinning(-1) < 0) {
                    throw new IllegalStateException("startm: negative nmspinning");
                }
                return;
            }
            nmp = mgetOrNewm();
        } finally {
            proc.unlock(sched.lock);
        }
        handOff(nmp, pp, spinning);
    }

    /** startm's {@code nmp := mget()}, or a new M registered in allm (newm's thread starts later). sched.lock held. */
    private M mgetOrNewm() {
        M nmp = idle.mget();
        if (nmp == null && driven) {
            throw new IllegalStateException("startm: no idle M (driven Ms are not made on demand: Sched.startDriven)");
        }
        if (nmp == null) {
            nmp = new M(owner, this, idle.mnext++); // newm: the thread starts after unlock
            idle.allm.add(nmp);
            idle.nnewm++;
        } else {
            idle.nwakes++;
        }
        return nmp;
    }

    /**
     * startm's end: {@code nmp.spinning = spinning; nmp.nextp.set(pp); notewakeup(&nmp.park)}, or
     * start a new M's thread. The M is off every list, so only this thread touches it until the
     * note (or {@code Thread.start}) publishes the two fields.
     */
    private void handOff(M nmp, P pp, boolean spinning) {
        boolean fresh = !nmp.driven && nmp.getState() == Thread.State.NEW; // reserved by mgetOrNewm, not started
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
                    idle.allm.remove(nmp);
                    idle.nnewm--;
                    idle.pidleput(pp);
                    if (spinning) {
                        sched.addVolatileNmspinning(-1);
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
            idle.mput(mp);
            idle.nparks++;
        } finally {
            proc.unlock(sched.lock);
        }
        owner.mParked(); // bookkeeping: wakes quiescence waiters
        mp.notesleep(); // mPark
        P pp = mp.nextp;
        if (pp == null) {
            return false; // woken by shutdown
        }
        mp.nextp = null;
        acquirep(mp, pp);
        return true;
    }

    /** acquirep: associate pp with the current M (Go checks pp is idle and unowned). */
    private static void acquirep(M mp, P pp) {
        if (mp.p != null) {
            throw new IllegalStateException("acquirep: already in go");
        }
        // Opaque: the status is a hint for thieves (runqgrab's back-off, stealWork's idle skip);
        // ownership itself passes through sched.lock (pidleget) or startm's note.
        if (pp.loadOpaqueStatus() != P._Pidle) {
            throw new IllegalStateException("acquirep: invalid p state " + pp.loadOpaqueStatus());
        }
        pp.storeOpaqueStatus(P._Prunning);
        // The M's own thread: acquirep runs on it (mstart, stopm, findRunnable); for a driven M,
        // the thread that runs its loop.
        pp.storePlainOwner(Thread.currentThread());
        mp.p = pp;
    }

    /** releasep: disassociate the P from the current M; it is marked idle (the caller idles or parks it). */
    private static P releasep(M mp) {
        P pp = mp.p;
        if (pp == null || pp.loadOpaqueStatus() != P._Prunning) {
            throw new IllegalStateException("releasep: invalid p state");
        }
        mp.p = null;
        pp.storePlainOwner(P.IDLE);
        pp.storeOpaqueStatus(P._Pidle);
        return pp;
    }

    /** runqempty without scheduling points: for sanity checks inside other steps (no queue change). */
    static boolean runqemptyQuiet(P pp) {
        return pp.loadAcquireRunqhead() == pp.loadAcquireRunqtail() && pp.loadVolatileRunnext() == null;
    }

    // ---- the M: mstart, schedule, findRunnable, stealWork --------------------------------------

    /**
     * {@code nm} driven Ms ({@link Sched#startDriven}), ids 1..nm, called before any M runs: Ms
     * 1..busy are each handed a P (allp[0], allp[1], … as pidleget takes them) and a woken note
     * (each starts as from mstart, through stopm's wake-up; busy is 2 in the spec's scenarios with
     * two busy Ps), Ms busy+1..nm are parked on sched.midle with M busy+1 at its head.
     */
    List<M> drivenMs(int nm, int busy) {
        List<M> ms = new java.util.ArrayList<>();
        sched.lock.lock();
        try {
            driven = true;
            for (int k = 1; k <= nm; k++) {
                M mp = new M(owner, this, k, true);
                idle.allm.add(mp);
                ms.add(mp);
            }
            idle.mnext = nm + 1;
            for (int k = nm - 1; k >= busy; k--) {
                idle.mput(ms.get(k)); // mput pushes: M busy+1 ends at the head
            }
            for (int k = 0; k < busy; k++) {
                P pp = idle.pidleget(); // allp[0] first, on top since initIdle
                ms.get(k).nextp = pp;
                ms.get(k).notewakeup();
            }
        } finally {
            sched.lock.unlock();
        }
        return ms;
    }

    /**
     * A driven M's thread body ({@link Sched#startDriven}): as a parked M, it sleeps in stopm's
     * mPark until startm (or, for an M given a P at the start, the start itself) hands it a P;
     * then it acquires the P and runs the schedule loop as {@link #mstart} does.
     */
    void mstartDriven(M mp) {
        mp.notesleep();
        P pp = mp.nextp;
        if (pp == null) {
            return; // woken by shutdown
        }
        mp.nextp = null;
        acquirep(mp, pp);
        try {
            while (schedule(mp)) {
                // each round runs one G
            }
        } finally {
            mexit(mp);
        }
    }

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
        G gp = findRunnable(mp); // blocks until work is available
        if (gp == null) {
            return false;
        }
        if (mp.spinning) {
            resetspinning(mp);
        }
        execute(mp, gp, mp.inheritTime);
        return true;
    }

    /**
     * findRunnable (proc.go, Go 1.21): find a runnable G to execute, trying the global queue every
     * 61st schedtick, the local queue, the global queue, stealing from other Ps; with no work, idle
     * the P and park the M ({@link #stopm}), then start over. Under {@link GoVersion#GO1_25}: Go
     * 1.25's global-queue forms, and Go 1.22+'s re-check of the global queue after dropping the
     * spinning count ({@link #recheckGlobal}). Returns null only at shutdown. Go
     * returns {@code (gp, inheritTime, tryWakeP)}; here the G is returned and {@code inheritTime}
     * left in {@link M#inheritTime}, so that finding a G allocates nothing (except under GO1_25,
     * whose batch paths allocate the batch's {@link GQueue}, as Go's {@code gQueue} result does).
     *
     * <p>Spec: {@link Labels#GLOBRUNQGET_LOCK} (through {@code globrunqgetLocked}), the runq labels,
     * {@link Labels#BECOMESPINNING}, {@link Labels#FINDRUNNABLE_LOCKIDLE},
     * {@link Labels#FINDRUNNABLE_UNLOCKIDLE}, {@link Labels#FINDRUNNABLE_DROPSPINNING},
     * {@link Labels#FINDRUNNABLE_LOCKRECHECK} (GO1_25), {@link Labels#CHECKRUNQSNOP_LOCK},
     * {@link Labels#STOPM}.
     */
    G findRunnable(M mp) {
        for (;;) { // top:
            if (shuttingDown) {
                return null;
            }
            P pp = mp.p;

            // Check the global runnable queue once in a while to ensure fairness. Otherwise two
            // goroutines can completely occupy the local runqueue by constantly respawning each other.
            // schedtick is Go's uint32: an unsigned remainder (a signed one differs from 2^31 on).
            if (checks.globalCheckDue(pp.schedtick, globalCheckPeriod) && sched.loadOpaqueRunqsize() > 0) {
                G gp = proc.globrunqgetLocked(pp, 1);
                if (gp != null) {
                    mp.inheritTime = false;
                    return gp;
                }
            }

            // local runq
            G lg = proc.runqgetG(pp);
            if (lg != null) {
                mp.inheritTime = pp.runqgetInheritTime;
                return lg;
            }

            // global runq
            if (sched.loadOpaqueRunqsize() != 0) {
                G gp = proc.globrunqgetLocked(pp, 0);
                if (gp != null) {
                    mp.inheritTime = false;
                    return gp;
                }
            }

            // Spinning Ms: steal work from other Ps. Limit the number of spinning Ms to half the
            // number of busy Ps. This is necessary to prevent excessive CPU consumption when
            // GOMAXPROCS>>1 but the program parallelism is low.
            // Racy volatile reads (Go's atomic loads) for a heuristic: how many Ms may spin.
            if (mp.spinning || 2 * sched.loadVolatileNmspinning() < gomaxprocs - sched.loadVolatileNpidle()) {
                if (!mp.spinning) {
                    becomeSpinning(mp);
                }
                G gp = stealWork(mp);
                if (gp != null) {
                    mp.inheritTime = false;
                    return gp;
                }
            }

            // We have nothing to do. Return P and block.
            P idled = null;
            G batchGp = null; // Go 1.25: globrunqgetbatch under the lock, runqputbatch after it
            GQueue batch = null;
            boolean top = false;
            proc.lock(sched.lock, FINDRUNNABLE_LOCKIDLE);
            try {
                if (sched.loadPlainRunqsize() != 0) {
                    if (proc.goVersion == GoVersion.GO1_25) {
                        batch = new GQueue();
                        batchGp = proc.globrunqgetbatch(pp.ringSize() / 2, batch);
                        if (batchGp == null) {
                            throw new IllegalStateException("global runq empty with non-zero runqsize");
                        }
                    } else {
                        G gp = proc.globrunqget(pp, 0);
                        proc.point.at(FINDRUNNABLE_UNLOCKIDLE);
                        mp.inheritTime = false;
                        return gp;
                    }
                } else {
                    if (!mp.spinning && sched.loadVolatileNeedspinning() == 1) {
                        // See "Delicate dance" below: a pidlegetSpinning found work and no P.
                        becomeSpinning0(mp);
                        top = true;
                    }
                    if (!top) {
                        if (releasep(mp) != pp) {
                            throw new IllegalStateException("findrunnable: wrong p");
                        }
                        idle.pidleput(pp);
                        idled = pp;
                    }
                }
            } finally {
                proc.unlock(sched.lock);
            }
            if (batchGp != null) {
                putBatch(pp, batch);
                mp.inheritTime = false;
                return batchGp;
            }
            if (top) {
                continue;
            }

            // Delicate dance: thread transitions from spinning to non-spinning state, potentially
            // concurrently with submission of new work. We must drop nmspinning first and then
            // check all sources again (with a #StoreLoad memory barrier in between). If we do it the
            // other way around, another thread can submit work after we've checked all sources but
            // before we drop nmspinning; as a result nobody will unpark a thread to run the work.
            if (mp.spinning) {
                proc.point.at(FINDRUNNABLE_DROPSPINNING);
                mp.spinning = false;
                // The parker's store of the Dekker pattern: a volatile RMW, ordered before the
                // re-reads by the fence below; a submitter's wakep load either sees it or is seen.
                if (sched.addVolatileNmspinning(-1) < 0) {
                    throw new IllegalStateException("findrunnable: negative nmspinning");
                }
                VarHandle.fullFence(); // #StoreLoad: the decrement above, then the re-reads below

                // Note the for correctness, only the last M transitioning from spinning to
                // non-spinning must perform these rechecks to ensure no missed work. However, the
                // runtime has some cases of transient increments of nmspinning that are decremented
                // without going through this path, so we must be conservative and perform the check
                // on all spinning Ms.

                // Check global and P runqueues again (Go 1.22+; Go 1.14 and 1.21 check the P
                // runqueues only).
                if (proc.goVersion == GoVersion.GO1_25) {
                    G gp = recheckGlobal(mp);
                    if (gp != null) {
                        mp.inheritTime = false;
                        return gp;
                    }
                }
                P p2 = checks.checkRunqsNoP() ? checkRunqsNoP() : null;
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
     * Go 1.25's park path (as its global check): the batch {@code globrunqgetbatch} took under
     * sched.lock goes on pp's empty ring after the unlock ({@code runqputbatch}); Go throws if any
     * of it is left over.
     */
    private void putBatch(P pp, GQueue q) {
        proc.runqputbatchFromGlobal(pp, q);
    }

    /**
     * findRunnable's re-check of the global queue after dropping the spinning count (Go 1.22+,
     * {@link GoVersion#GO1_25} here; "Check global and P runqueues again"):
     * {@code lock(&sched.lock); if !sched.runq.empty() { pp, _ := pidlegetSpinning(0); if pp != nil
     * { gp, q := globrunqgetbatch(int32(len(pp.runq)) / 2); unlock(&sched.lock);
     * runqputbatch(pp, &q); acquirep(pp); mp.becomeSpinning(); return gp } }; unlock(&sched.lock)}.
     * Returns the G to run (this M then holds the P and is spinning), or null: no global work, no
     * idle P, or shutdown. acquirep comes before runqputbatch here (runqputbatch is the owner's);
     * the P is this M's from pidlegetSpinning on either way.
     *
     * <p>Spec: {@link Labels#FINDRUNNABLE_LOCKRECHECK}, the runqputbatch labels,
     * {@link Labels#BECOMESPINNING}.
     */
    private G recheckGlobal(M mp) {
        P pp = null;
        G gp = null;
        GQueue q = null;
        proc.lock(sched.lock, FINDRUNNABLE_LOCKRECHECK);
        try {
            if (sched.loadPlainRunqsize() != 0 && !shuttingDown) { // plain: under sched.lock
                pp = idle.pidlegetSpinning();
                if (pp != null) {
                    q = new GQueue();
                    gp = proc.globrunqgetbatch(pp.ringSize() / 2, q);
                    if (gp == null) {
                        throw new IllegalStateException("global runq empty with non-zero runqsize");
                    }
                }
            }
        } finally {
            proc.unlock(sched.lock);
        }
        if (pp == null) {
            return null;
        }
        acquirep(mp, pp);
        putBatch(pp, q);
        becomeSpinning(mp);
        return gp;
    }

    /**
     * becomeSpinning (proc.go, {@code m.becomeSpinning}): {@code mp.spinning = true;
     * sched.nmspinning.Add(1)}.
     *
     * <p>Spec: {@link Labels#BECOMESPINNING}.
     */
    private void becomeSpinning(M mp) {
        proc.point.at(BECOMESPINNING);
        becomeSpinning0(mp);
    }

    /** becomeSpinning's body, inside a step that already has its label (findRunnable's lockidle). */
    private void becomeSpinning0(M mp) {
        mp.spinning = true;
        sched.addVolatileNmspinning(1); // seen by wakep's load: a spinning M will find new work
        sched.storeVolatileNeedspinning(0);
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
        proc.point.at(FINDRUNNABLE_DROPSPINNING);
        mp.spinning = false;
        // Volatile RMW, then wakep's volatile load: if this was the last spinner, wakep sees 0.
        if (sched.addVolatileNmspinning(-1) < 0) {
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
        for (int i = 0; i < stealTries; i++) {
            boolean stealRunNextG = i == stealTries - 1;
            for (RandomEnum e = stealOrder.start(mp.fastrand()); !e.done(); e.next()) {
                if (shuttingDown) {
                    return null; // Go returns early for gcwaiting; here shutdown is the one reason
                }
                P p2 = allp[e.position()];
                if (pp == p2) {
                    continue;
                }
                // Don't bother to attempt to steal if p2 is idle (Go's idlepMask, read live: a P
                // that startm took is not idle, though its M has not acquired it yet). A hint: an
                // idle P's queue is empty, and a stale bit only costs a try.
                if (!idle.idlepMaskRead(p2.id)) {
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
     * checkRunqsNoP (proc.go, Go 1.21): with no P, after dropping nmspinning, check the run queue
     * of every P that is not idle ({@code idlepMask}, read live as Go does) once more for work (not
     * the global queue: work put there is seen under sched.lock by findRunnable's idle section, or
     * comes with startIdle, see {@link Sched#goOutside}); if there is some, take an idle P
     * ({@code lock(&sched.lock); pp := pidlegetSpinning(0); unlock}) for the caller to spin on.
     * Returns null when there is no work, or no idle P (then every P's M still has to pass its own
     * idle check, so the work is not stranded).
     *
     * <p>Spec: the runqempty labels, then {@link Labels#CHECKRUNQSNOP_LOCK}.
     */
    P checkRunqsNoP() {
        // After the decrement and the full fence: the no-lost-wakeup recheck.
        boolean work = false;
        for (int i = 0; i < allp.length && !work; i++) {
            // Go: if !idlepMaskSnapshot.read(id) && !runqempty(p2); the snapshot copies only the
            // slice header, so the bits are read live (an idle P's queue is empty).
            if (!idle.idlepMaskRead(allp[i].id) && !proc.runqempty(allp[i])) {
                work = true;
            }
        }
        if (!work) {
            return null; // No work available.
        }
        proc.lock(sched.lock, CHECKRUNQSNOP_LOCK);
        try {
            return shuttingDown ? null : idle.pidlegetSpinning();
        } finally {
            proc.unlock(sched.lock);
        }
    }

    // ---- execute, goexit0 ------------------------------------------------------------------------

    /**
     * execute (proc.go): schedule gp to run on the current M: {@code casgstatus(gp, _Grunnable,
     * _Grunning)}; unless gp inherits the time slice, advance schedtick; then {@code gogo}: run the
     * G's next step ({@link Steps#step}; a {@code go(Runnable)} G has one: its function). The step's {@link Next}
     * says how the G gives the M back ({@code mcall}): {@link #goexit0}, {@link #goschedImpl},
     * {@link #goyield_m} or {@link #park_m}. A throw (or a null Next) is the G's panic: reported to
     * the panic handler, then goexit0. Returns when the M must schedule again.
     *
     * <p>Spec: {@link Labels#CASGSTATUS}, then the G action's steps.
     */
    void execute(M mp, G gp, boolean inheritTime) {
        for (;;) {
            P pp = mp.p;
            mp.curg = gp;
            proc.casgstatus(gp, _Grunnable, _Grunning);
            gp.stackguard0 = gp.stack.lo() + Arch.StackGuard;
            if (!inheritTime) {
                pp.schedtick++;
            }
            // gogo(&gp.sched): load the closure and clear gobuf.ctxt (Go's gogo zeroes it, for the GC).
            FuncVal fn = gp.sched.ctxt;
            gp.sched.ctxt = null;
            Next next;
            try {
                Runnable body = fn.body;
                if (body != null) { // go(Runnable): one step, to the end
                    if (fn == gp.fnbuf) {
                        fn.clear(); // the G's own funcval: keep no closure alive while the G waits for reuse
                    }
                    body.run();
                    next = Next.EXIT;
                } else {
                    next = fn.steps.step(gp);
                }
                if (next == null) {
                    throw new NullPointerException("a step of goroutine " + gp.goid + " returned null, not a Next");
                }
            } catch (Throwable t) {
                owner.panicked(gp, t);
                next = Next.EXIT;
            }
            Thread.interrupted(); // a G's interrupt must not leak into the M's parking
            if (next.kind == Next.Kind.EXIT) {
                goexit0(mp, gp);
                return;
            }
            // mcall: save the G's context (here its body, the continuation) in gp.sched before
            // the G can be seen by another M: every path below publishes it after this write.
            gp.sched.ctxt = fn;
            switch (next.kind) {
                case GOSCHED -> goschedImpl(mp, gp);
                case GOYIELD -> goyield_m(mp, gp);
                default -> {
                    if (!park_m(mp, gp, next.unlockf)) {
                        inheritTime = true; // execute(gp, true): schedule it back
                        continue;
                    }
                }
            }
            return;
        }
    }

    /**
     * goexit0 (proc.go): goexit continuation on g0: {@code casgstatus(gp, _Grunning, _Gdead)},
     * {@code dropg}, {@code gfput(pp, gp)}; then the caller's loop calls {@link #schedule} again.
     *
     * <p>Spec: G action {@code exit}: {@link Labels#CASGSTATUS}, then gfput's labels.
     */
    void goexit0(M mp, G gp) {
        P pp = mp.p;
        proc.casgstatus(gp, _Grunning, _Gdead);
        mp.curg = null; // dropg
        proc.gfput(pp, gp);
        owner.gFinished(pp); // gsRun: every finished G ran once
    }

    /**
     * goschedImpl (proc.go, Go 1.21; {@code runtime.Gosched()}): {@code casgstatus(gp, _Grunning,
     * _Grunnable)}; {@code dropg}; {@code lock(&sched.lock); globrunqput(gp); unlock}; then the
     * caller schedules. Go 1.21 does not call wakep here (1.22 added {@code if mainStarted
     * {wakep()}}, as the spec notes): this M goes on scheduling and itself looks at the global
     * queue, so no wakeup is lost.
     *
     * <p>Spec: G action {@code gosched}: {@link Labels#CASGSTATUS}, {@link Labels#GLOBRUNQPUT_LOCK}.
     */
    void goschedImpl(M mp, G gp) {
        int status = gp.readgstatus();
        if (status != _Grunning) {
            throw new IllegalStateException("bad g status: " + gp + " in goschedImpl");
        }
        proc.casgstatus(gp, _Grunning, _Grunnable);
        mp.curg = null; // dropg
        owner.gYielded(mp.p); // before the put: once queued, another M may run and finish gp
        proc.globrunqputLocked(gp);
    }

    /**
     * goyield_m (proc.go; {@code goyield()}): {@code casgstatus(gp, _Grunning, _Grunnable)};
     * {@code dropg}; {@code runqput(pp, gp, false)}: the G goes to the tail of this P's ring (a
     * full ring spills half to the global queue); then the caller schedules.
     *
     * <p>Spec: G action {@code yield}: {@link Labels#CASGSTATUS}, then the runqput labels from
     * {@link Labels#RUNQPUT_LOADHEAD}.
     */
    void goyield_m(M mp, G gp) {
        P pp = mp.p;
        proc.casgstatus(gp, _Grunning, _Grunnable);
        mp.curg = null; // dropg
        owner.gYielded(pp); // before the put: once queued, a thief may run and finish gp
        proc.runqput(pp, gp, false);
    }

    /**
     * park_m (proc.go; {@code gopark}): {@code casgstatus(gp, _Grunning, _Gwaiting)};
     * {@code dropg}; then {@code unlockf(gp)} if there is one. Returns true when the G stays parked
     * (the caller schedules); false when unlockf returned false: the G is made runnable again
     * ({@code casgstatus(gp, _Gwaiting, _Grunnable)}) and the caller runs it at once with the rest
     * of its time slice ({@code execute(gp, true)}).
     *
     * <p>After the status change the G belongs to whoever readies it: once unlockf has run (or at
     * once, without one) this M must not touch it again. An exception from unlockf is reported as
     * the G's panic and the G counts as parked (it may already be on a wait queue, or readied).
     *
     * <p>Spec: G action {@code park}: {@link Labels#CASGSTATUS} (unlockf is the G's code, no step).
     */
    boolean park_m(M mp, G gp, Next.Unlockf unlockf) {
        P pp = mp.p;
        proc.casgstatus(gp, _Grunning, _Gwaiting);
        mp.curg = null; // dropg
        if (unlockf != null) {
            boolean ok;
            try {
                ok = unlockf.unlock(gp);
            } catch (Throwable t) {
                owner.panicked(gp, t);
                ok = true;
            }
            if (!ok) {
                proc.casgstatus(gp, _Gwaiting, _Grunnable);
                return false;
            }
        }
        owner.gParked(pp); // after the G was seen parked: see Sched.quiescent()
        return true;
    }

    /**
     * injectglist (proc.go, Go 1.21): make every G of {@code gs} (each {@code _Gwaiting}) runnable
     * and put it on a run queue. With no P ({@code pp == null}: a thread outside any G) they all go
     * to the global queue and up to that many idle Ps get an M ({@code startIdle}). With a P, one G
     * per idle P (as {@code sched.npidle} reads) goes to the global queue, an M is started for each
     * ({@code startIdle}), and the rest go on pp's ring ({@code runqputbatch}; what does not fit
     * spills to the global queue). Go 1.21 calls no wakep at the end: the caller holds pp and will
     * run its ring. Under {@link GoVersion#GO1_25}, runqputbatch leaves what does not fit on q and
     * injectglist puts it on the global queue itself, then calls wakep (Go 1.23+).
     *
     * <p>All statuses change first, one {@code casgstatus} each; if one fails (a G that is not
     * parked, or that another thread readied first) those already changed are set back to
     * {@code _Gwaiting} and the {@link IllegalStateException} propagates, nothing queued.
     *
     * <p>Spec: G action {@code inject} with a P: {@link Labels#CASGSTATUS} per G, then, for the
     * Gs handed to idle Ps, {@link Labels#GLOBRUNQPUT_LOCK} and a {@link Labels#STARTM} section per
     * idle P, then the runqputbatch labels (Go 1.21: no wakep at the end; Go 1.25:
     * {@link Labels#RUNQPUTBATCH_LOCK} for the rest, then {@link Labels#WAKEP}); the conformance
     * replay of {@code Proc_park} covers it.
     */
    void injectglist(P pp, G[] gs) {
        if (gs.length == 0) {
            return;
        }
        // Mark all the goroutines as runnable before we put them on the run queues.
        int marked = 0;
        try {
            for (G gp : gs) {
                proc.casgstatus(gp, _Gwaiting, _Grunnable);
                marked++;
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < marked; i++) {
                gs[i].casVolatileAtomicstatus(_Grunnable, _Gwaiting); // misuse: undo, no step
            }
            throw e;
        }
        // Turn the list into a gQueue.
        GQueue q = new GQueue();
        for (G gp : gs) {
            q.pushBack(gp);
        }
        int qsize = gs.length;

        if (pp == null) {
            proc.globrunqputbatchLocked(q, qsize);
            startIdle(qsize);
            return;
        }

        int npidle = sched.loadVolatileNpidle(); // a hint: startIdle decides under sched.lock
        GQueue globq = new GQueue();
        int n;
        for (n = 0; n < npidle && !q.empty(); n++) {
            globq.pushBack(q.pop());
        }
        if (n > 0) {
            proc.globrunqputbatchLocked(globq, n);
            startIdle(n);
            qsize -= n;
        }
        if (!q.empty()) {
            proc.runqputbatch(pp, q, qsize);
            if (!q.empty()) { // Go 1.25: runqputbatch leaves what does not fit on q
                proc.globrunqputbatchRest(q);
            }
        }
        if (proc.goVersion == GoVersion.GO1_25) {
            // Go 1.23+: some Ps may have become idle after npidle was read; wake one for the
            // Gs that went to the global queue.
            proc.wakep();
        }
    }

    /**
     * injectglist's startIdle: for each of n Gs just put on the global queue, {@code lock(&sched.lock);
     * pp := pidlegetSpinning(0)}; none: unlock and stop; else {@code startm(pp, false, true)} (a
     * non-spinning M on that P, reserved under the same lock) and unlock. With no idle P every P is
     * held by an M that will look at the global queue under sched.lock before it idles, so the Gs
     * are not stranded.
     *
     * <p>Spec: {@link Labels#STARTM} (one lock section: pidleget and mget).
     */
    void startIdle(int n) {
        for (int i = 0; i < n; i++) {
            P pp;
            M nmp;
            proc.lock(sched.lock, STARTM);
            try {
                pp = shuttingDown ? null : idle.pidlegetSpinning();
                if (pp == null) {
                    return;
                }
                nmp = mgetOrNewm();
            } finally {
                proc.unlock(sched.lock);
            }
            handOff(nmp, pp, false);
        }
    }

    /** An M leaves (shutdown): it stops spinning and gives up its P; the shutdown caller drains it. */
    void mexit(M mp) {
        if (mp.spinning) {
            mp.spinning = false;
            sched.addVolatileNmspinning(-1);
        }
        if (mp.p != null) {
            releasep(mp);
        }
    }

    // ---- statistics ----------------------------------------------------------------------------

    /** The bucket of a steal batch of n Gs: 1, 2, 3–4, 5–8, …, 65+. */
    static int bucket(int n) {
        int b = 32 - Integer.numberOfLeadingZeros(n - 1);
        return Math.min(b, Sched.STEAL_BUCKETS - 1);
    }
}
