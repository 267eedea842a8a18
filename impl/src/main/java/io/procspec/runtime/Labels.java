package io.procspec.runtime;

/**
 * The step-label contract between the TLA+/PlusCal spec ({@code spec/}) and this Java port.
 *
 * <p>Every shared-memory step that the spec treats as one atomic action is a PlusCal label in the
 * spec and a call to {@link SchedPoint#at} with the identical string here, placed immediately
 * <em>before</em> the Java code that performs the step. A test ({@code LabelContractTest} in
 * {@code spec/}) fails when the two sets differ, and another ({@code LabelUsageTest} in impl's
 * tests) fails when a constant below is not used by the main sources.
 *
 * <p>Naming: {@code <proc.go function>_<step>}. A lock section is one label, placed before the
 * {@code lock(...)} call ({@link Proc#lock}); the whole section up to {@code unlock} is one
 * atomic step unless it contains other labels (only {@link #GLOBRUNQGET_LOCK}'s does, through
 * {@code runqput}, and it ends at {@link #GLOBRUNQGET_UNLOCK}).
 *
 * <p>Each constant's doc names the Go statement(s) of the step.
 *
 * <p>{@link #all()} is the one list of the labels (every check that needs the set uses it, never a
 * copy); {@link #scheduler()} and {@link #queue()} split it by who takes the step. Tests name a
 * label by its constant, never by a string literal.
 */
public final class Labels {
    private Labels() {}

    /**
     * Every label: the values of this class's {@code public static final String} constants, in
     * alphabetical order. The spec's PlusCal labels must be exactly this set
     * ({@code LabelContractTest} in {@code spec/}).
     */
    public static java.util.SortedSet<String> all() {
        return Registry.ALL;
    }

    /** Constant name ({@code "RUNQPUT_CASNEXT"}) → label ({@code "runqput_casnext"}), for every label. */
    public static java.util.SortedMap<String, String> constants() {
        return Registry.CONSTANTS;
    }

    /**
     * The labels of the steps the scheduler loop takes itself ({@link MLoop}: findRunnable's idle
     * path, wakep's second half, startm, stopm). Queue and free-list scenarios cannot reach them.
     */
    public static java.util.SortedSet<String> scheduler() {
        return Registry.SCHEDULER;
    }

    /** The labels of {@link Proc}'s queue and free-list functions: {@link #all()} minus {@link #scheduler()}. */
    public static java.util.SortedSet<String> queue() {
        return Registry.QUEUE;
    }

    /** Built on first use (the constants themselves are compile-time constants and need no class init). */
    private static final class Registry {
        static final java.util.SortedMap<String, String> CONSTANTS;
        static final java.util.SortedSet<String> ALL;
        static final java.util.SortedSet<String> SCHEDULER;
        static final java.util.SortedSet<String> QUEUE;

        static {
            java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
            for (java.lang.reflect.Field f : Labels.class.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (java.lang.reflect.Modifier.isPublic(mod) && java.lang.reflect.Modifier.isStatic(mod)
                        && java.lang.reflect.Modifier.isFinal(mod) && f.getType() == String.class) {
                    try {
                        m.put(f.getName(), (String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new ExceptionInInitializerError(e);
                    }
                }
            }
            CONSTANTS = java.util.Collections.unmodifiableSortedMap(m);
            java.util.TreeSet<String> all = new java.util.TreeSet<>(m.values());
            if (all.size() != m.size()) {
                throw new ExceptionInInitializerError("two label constants share a value: " + m);
            }
            ALL = java.util.Collections.unmodifiableSortedSet(all);
            SCHEDULER = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(java.util.List.of(
                    WAKEP_LOCK, STARTM, STOPM, BECOMESPINNING, FINDRUNNABLE_LOCKIDLE, FINDRUNNABLE_UNLOCKIDLE,
                    FINDRUNNABLE_DROPSPINNING, FINDRUNNABLE_LOCKRECHECK, CHECKRUNQSNOP_LOCK)));
            java.util.TreeSet<String> q = new java.util.TreeSet<>(all);
            q.removeAll(SCHEDULER);
            QUEUE = java.util.Collections.unmodifiableSortedSet(q);
        }
    }

    // ---- newproc / newproc1 / malg / allgadd / casgstatus / wakep -----------------------------

    /** malg: {@code newg.stack = stackalloc(stacksize)} from the shared stack allocator. */
    public static final String MALG = "malg";
    /** allgadd: {@code lock(&allglock); allgs = append(allgs, gp); unlock(&allglock)}. */
    public static final String ALLGADD = "allgadd";
    /** casgstatus: one CAS of {@code gp.atomicstatus} (every status transition). */
    public static final String CASGSTATUS = "casgstatus";
    /** newproc1: {@code newg.goid = pp.goidcache}; on an empty cache {@code sched.goidgen.Add(_GoidCacheBatch)}. */
    public static final String NEWPROC1_GOID = "newproc1_goid";
    /** wakep: {@code sched.nmspinning.Load() != 0 || !sched.nmspinning.CompareAndSwap(0, 1)}. */
    public static final String WAKEP = "wakep";

    // ---- gfget / gfput / gfpurge ---------------------------------------------------------------

    /** gfget: unlocked {@code pp.gFree.empty() && (!sched.gFree.stack.empty() || !sched.gFree.noStack.empty())}. */
    public static final String GFGET_CHECK = "gfget_check";
    /** gfget: {@code lock(&sched.gFree.lock)}; move up to 32 Gs to the P, stacks first; unlock. */
    public static final String GFGET_LOCK = "gfget_lock";
    /** gfget: {@code gp := pp.gFree.pop()}, then free a wrong-size stack / allocate a missing one. */
    public static final String GFGET_POP = "gfget_pop";
    /** gfput: status check, free a non-standard stack, {@code pp.gFree.push(gp)}. */
    public static final String GFPUT_PUSH = "gfput_push";
    /** gfput: at 64, pop down to below 32 and, under {@code sched.gFree.lock}, push onto the global lists. */
    public static final String GFPUT_LOCK = "gfput_lock";
    /** gfpurge: pop every local free G and, under {@code sched.gFree.lock}, push onto the global lists. */
    public static final String GFPURGE_LOCK = "gfpurge_lock";

    // ---- runqput / runqputslow / runqputbatch ------------------------------------------------

    /** runqput: {@code oldnext := pp.runnext}. */
    public static final String RUNQPUT_LOADNEXT = "runqput_loadnext";
    /** runqput: {@code pp.runnext.cas(oldnext, gp)}. */
    public static final String RUNQPUT_CASNEXT = "runqput_casnext";
    /** runqput: {@code h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail}. */
    public static final String RUNQPUT_LOADHEAD = "runqput_loadhead";
    /** runqput: {@code pp.runq[t%len(pp.runq)].set(gp)} (plain store). */
    public static final String RUNQPUT_STORE = "runqput_store";
    /** runqput: {@code atomic.StoreRel(&pp.runqtail, t+1)}. */
    public static final String RUNQPUT_STORETAIL = "runqput_storetail";
    /** runqputslow: {@code batch[i] = pp.runq[(h+i)%len(pp.runq)]} (plain load; one step per slot). */
    public static final String RUNQPUTSLOW_COPY = "runqputslow_copy";
    /** runqputslow: {@code atomic.CasRel(&pp.runqhead, h, h+n)}. */
    public static final String RUNQPUTSLOW_CAS = "runqputslow_cas";
    /** runqputslow: {@code lock(&sched.lock); globrunqputbatch(&q, n+1); unlock(&sched.lock)}. */
    public static final String RUNQPUTSLOW_LOCK = "runqputslow_lock";
    /** runqputbatch: {@code h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail}. */
    public static final String RUNQPUTBATCH_LOADHEAD = "runqputbatch_loadhead";
    /** runqputbatch: {@code pp.runq[t%len(pp.runq)].set(gp)} for each G that fits (one step per slot). */
    public static final String RUNQPUTBATCH_STORE = "runqputbatch_store";
    /** runqputbatch: {@code atomic.StoreRel(&pp.runqtail, t)}. */
    public static final String RUNQPUTBATCH_STORETAIL = "runqputbatch_storetail";
    /** runqputbatch: {@code lock(&sched.lock); globrunqputbatch(q, qsize); unlock(&sched.lock)} for the rest. */
    public static final String RUNQPUTBATCH_LOCK = "runqputbatch_lock";

    // ---- runqget / runqdrain ------------------------------------------------------------------

    /** runqget: {@code next := pp.runnext}. */
    public static final String RUNQGET_LOADNEXT = "runqget_loadnext";
    /** runqget: {@code pp.runnext.cas(next, 0)}. */
    public static final String RUNQGET_CASNEXT = "runqget_casnext";
    /** runqget: {@code h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail}. */
    public static final String RUNQGET_LOADHEAD = "runqget_loadhead";
    /** runqget: {@code gp := pp.runq[h%len(pp.runq)].ptr()} (plain load, validated by the CAS). */
    public static final String RUNQGET_LOAD = "runqget_load";
    /** runqget: {@code atomic.CasRel(&pp.runqhead, h, h+1)}. */
    public static final String RUNQGET_CAS = "runqget_cas";
    /** runqdrain: {@code oldNext := pp.runnext}. */
    public static final String RUNQDRAIN_LOADNEXT = "runqdrain_loadnext";
    /** runqdrain: {@code pp.runnext.cas(oldNext, 0)}. */
    public static final String RUNQDRAIN_CASNEXT = "runqdrain_casnext";
    /** runqdrain: {@code h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail}. */
    public static final String RUNQDRAIN_LOADHEAD = "runqdrain_loadhead";
    /** runqdrain: {@code atomic.CasRel(&pp.runqhead, h, h+qn)} (before the slots are read). */
    public static final String RUNQDRAIN_CAS = "runqdrain_cas";
    /** runqdrain: {@code gp := pp.runq[(h+i)%len(pp.runq)].ptr()} after the CAS (one step per slot). */
    public static final String RUNQDRAIN_LOAD = "runqdrain_load";

    // ---- runqgrab / runqsteal / runqempty ---------------------------------------------------

    /** runqgrab: {@code h := atomic.LoadAcq(&pp.runqhead)}. */
    public static final String RUNQGRAB_LOADHEAD = "runqgrab_loadhead";
    /** runqgrab: {@code t := atomic.LoadAcq(&pp.runqtail)}. */
    public static final String RUNQGRAB_LOADTAIL = "runqgrab_loadtail";
    /** runqgrab: {@code next := pp.runnext} (ring looked empty and stealRunNextG). */
    public static final String RUNQGRAB_LOADNEXT = "runqgrab_loadnext";
    /** runqgrab: {@code pp.runnext.cas(next, 0)} (after the back-off when the victim is running). */
    public static final String RUNQGRAB_CASNEXT = "runqgrab_casnext";
    /** runqgrab: {@code batch[(batchHead+i)%len(batch)] = pp.runq[(h+i)%len(pp.runq)]} (one step per slot). */
    public static final String RUNQGRAB_COPY = "runqgrab_copy";
    /** runqgrab: {@code atomic.CasRel(&pp.runqhead, h, h+n)}. */
    public static final String RUNQGRAB_CAS = "runqgrab_cas";
    /** runqsteal: {@code h := atomic.LoadAcq(&pp.runqhead)} of the thief's own ring. */
    public static final String RUNQSTEAL_LOADHEAD = "runqsteal_loadhead";
    /** runqsteal: {@code atomic.StoreRel(&pp.runqtail, t+n)}. */
    public static final String RUNQSTEAL_STORETAIL = "runqsteal_storetail";
    /** runqempty: {@code head := atomic.Load(&pp.runqhead)}. */
    public static final String RUNQEMPTY_LOADHEAD = "runqempty_loadhead";
    /** runqempty: {@code tail := atomic.Load(&pp.runqtail)}. */
    public static final String RUNQEMPTY_LOADTAIL = "runqempty_loadtail";
    /** runqempty: {@code runnext := atomic.Loaduintptr(&pp.runnext)}. */
    public static final String RUNQEMPTY_LOADNEXT = "runqempty_loadnext";
    /** runqempty: {@code tail == atomic.Load(&pp.runqtail)} (the second read of tail). */
    public static final String RUNQEMPTY_RECHECK = "runqempty_recheck";

    // ---- global run queue (lock sections of the callers) -------------------------------------

    /**
     * {@code lock(&sched.lock); globrunqput(gp); unlock(&sched.lock)} (goschedImpl; {@code go} from
     * outside a G), or the same section with {@code globrunqputbatch} (injectglist's hand-off to
     * idle Ps; in the spec also a preempted GC worker's drained queue).
     */
    public static final String GLOBRUNQPUT_LOCK = "globrunqput_lock";
    /** {@code lock(&sched.lock); globrunqputhead(gp); unlock(&sched.lock)}. */
    public static final String GLOBRUNQPUTHEAD_LOCK = "globrunqputhead_lock";
    /**
     * {@code lock(&sched.lock); gp := globrunqget(pp, max)}: the fair-share batch leaves the global
     * queue in this step; the extra Gs then go through {@code runqput} while the lock is held.
     */
    public static final String GLOBRUNQGET_LOCK = "globrunqget_lock";
    /** {@code unlock(&sched.lock)} after {@code globrunqget}'s {@code runqput} calls. */
    public static final String GLOBRUNQGET_UNLOCK = "globrunqget_unlock";
    // ---- the scheduler (Sched: findRunnable, wakep's second half, startm/stopm) --------------

    /** wakep: {@code lock(&sched.lock); pp := pidlegetSpinning(0)}; none: {@code nmspinning.Add(-1)}; unlock. */
    public static final String WAKEP_LOCK = "wakep_lock";
    /**
     * startm: hand the idle P to an idle (or new) M and {@code notewakeup(&nmp.park)}; in
     * injectglist's startIdle the same section also takes the idle P ({@code pidlegetSpinning}).
     */
    public static final String STARTM = "startm";
    /** stopm: {@code lock(&sched.lock); mput(mp); unlock}; the M sleeps until a startm hands it a P. */
    public static final String STOPM = "stopm";
    /** findRunnable: {@code mp.becomeSpinning()}: {@code sched.nmspinning.Add(1)} before stealing. */
    public static final String BECOMESPINNING = "becomeSpinning";
    /**
     * findRunnable, before parking: {@code lock(&sched.lock)}; if {@code sched.runqsize != 0},
     * {@code globrunqget(pp, 0)} (its runqput steps follow, then {@link #FINDRUNNABLE_UNLOCKIDLE});
     * else {@code pidleput(pp)} and unlock.
     */
    public static final String FINDRUNNABLE_LOCKIDLE = "findRunnable_lockidle";
    /** findRunnable: {@code unlock(&sched.lock)} after the park path's {@code globrunqget}. */
    public static final String FINDRUNNABLE_UNLOCKIDLE = "findRunnable_unlockidle";
    /** findRunnable: a spinning M stops spinning: {@code sched.nmspinning.Add(-1)}. */
    public static final String FINDRUNNABLE_DROPSPINNING = "findRunnable_dropspinning";
    /**
     * findRunnable (Go 1.22+; here {@link GoVersion#GO1_25}), after dropping the spinning count:
     * {@code lock(&sched.lock)}; if the global queue is not empty, {@code pp := pidlegetSpinning(0)}
     * and, with a P, {@code gp, q := globrunqgetbatch(len(pp.runq)/2)}; {@code unlock} (then
     * runqputbatch, acquirep, becomeSpinning, return gp).
     */
    public static final String FINDRUNNABLE_LOCKRECHECK = "findRunnable_lockrecheck";
    /** checkRunqsNoP: a runq looked non-empty: {@code lock(&sched.lock); pp, _ := pidlegetSpinning(0); unlock}. */
    public static final String CHECKRUNQSNOP_LOCK = "checkRunqsNoP_lock";
}
