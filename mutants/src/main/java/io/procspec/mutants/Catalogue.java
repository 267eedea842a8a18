package io.procspec.mutants;

import io.procspec.mutants.Bug.Category;
import io.procspec.mutants.Bug.Copy;
import io.procspec.mutants.twins.CounterTooNarrow;
import io.procspec.mutants.twins.DropspinningNoRecheck;
import io.procspec.mutants.twins.NoSchedtickCheck;
import io.procspec.mutants.twins.GfputBadSpill;
import io.procspec.mutants.twins.GfputNoSplit;
import io.procspec.mutants.twins.GfputStackLeak;
import io.procspec.mutants.twins.RunqemptyOneTailRead;
import io.procspec.mutants.twins.RunqgetNoCas;
import io.procspec.mutants.twins.RunqgetRetriesRunnext;
import io.procspec.mutants.twins.RunqgrabLoadtailLabelLate;
import io.procspec.mutants.twins.RunqgrabStealAll;
import io.procspec.mutants.twins.RunqputslowSpillShort;
import io.procspec.mutants.twins.RunqgetRunnextNoCas;
import io.procspec.mutants.twins.RunqgrabFloorHalfPlusOne;
import io.procspec.mutants.twins.RunqgrabNoCas;
import io.procspec.mutants.twins.RunqputLostRunnext;
import io.procspec.mutants.twins.RunqputslowNoLock;
import io.procspec.mutants.twins.RunqtailPlainStore;
import io.procspec.mutants.twins.TailBeforeSlot;
import io.procspec.runtime.Proc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one catalogue of bugs: every bug the layers inject, under one name each — the spec's
 * {@code Bug} switches and their Java twins side by side, and the broken variants that the
 * jcstress suite ({@code stress/}) and the property suite ({@code properties/}) run. A bug is data
 * (a {@link Bug}) plus, where there is one, a twin (a class in {@code io.procspec.mutants.twins});
 * checks find it by name ({@link #bug(String)}, {@link #ops(String, Proc)}). To add a bug, add an
 * entry below and its twin; {@code TwinsMatchOriginalsTest} then checks the twin against Proc.
 */
public final class Catalogue {
    private Catalogue() {}

    private static final String RUNQSTEAL_RW = "pp.nsteals++;";
    private static final String GFPUT_RW = "stksize != startingStackSize &&";
    // Proc's misuse checks (issue 13) are each one call before anything changes; the twins, which
    // serve correct callers, do not copy them (Proc's check helpers are private), so each is a
    // declared rewrite that drops the line. runqsteal's body calls runqgrab0, runqgrab without its
    // checks.
    private static final String[] RUNQSTEAL_CHECKS = {"checkRunqsteal(pp, p2);", "", "checkRoomToSteal(\"runqsteal\", pp);", ""};
    // runqputslow copied with Proc's private members replaced (as runqputslow_spill_short's twin)
    private static final String[] RUNQPUTSLOW_RW = {"checkRunqputslow(pp, gp, t);", "",
            "globrunqputbatch0(q, n + 1);", "globrunqputbatch(q, n + 1);",
            "final G[] batch = pp.slowBatch;", "final G[] batch = new G[pp.ringSize() / 2 + 1];",
            "pp.nrunqputslow++;", "",
            "pp.slowQ.set(batch[0], batch[n]);", "linked(batch, n + 1);",
            "batch[i].schedlink = batch[i + 1];", ""};
    private static final String[] GFPUT_CHECKS = {"checkOwnP(\"gfput\", pp);", "", "checkGfput(pp, gp);", ""};
    // gfput's batches live in P-owned scratch queues (package-private), the twins' in new ones;
    // runqget's body is Proc.runqgetG, which keeps inheritTime in the P.

    private static final List<Bug> BUGS = List.of(
            // ---- the spec's bug switches (spec/tla/Bugs.tla, BugNames), each with its model ----
            new Bug("runqempty_one_tail_read", Category.HISTORICAL,
                    "runqempty returns without the second read of tail (Go CL 20858): it can answer empty while a G moves from runnext to the ring and back",
                    "RunQueue_bug_runqempty_one_tail_read", "RunqemptyNeverSpurious", RunqemptyOneTailRead::new,
                    List.of(Copy.of("runqempty", "runqempty0")), ""),
            new Bug("runqgrab_no_cas", Category.LOST_ATOMICITY,
                    "runqgrab commits its take with a plain store of runqhead instead of a CAS: two consumers take the same Gs",
                    "RunQueue_bug_runqgrab_no_cas", "ExactlyOnePlace", RunqgrabNoCas::new,
                    List.of(Copy.of("runqsteal", "runqsteal0", with(RUNQSTEAL_CHECKS, RUNQSTEAL_RW, "", "pp.nstolen += n;", "")),
                            Copy.of("runqgrab0", "runqgrab0")), ""),
            new Bug("tail_before_slot", Category.ORDER,
                    "runqput publishes runqtail before it writes the slot: a thief copies the slot's old content",
                    "RunQueue_bug_tail_before_slot", "StealCopiesQueued", TailBeforeSlot::new,
                    List.of(Copy.of("runqput0", "runqput0")), ""),
            new Bug("runqputslow_no_lock", Category.LOST_ATOMICITY,
                    "runqputslow reads sched.runq without sched.lock and writes it back a step later (the kind of Go issue 40457): a G another P queued in between is lost",
                    "RunQueue_bug_runqputslow_no_lock", "ExactlyOnePlace", RunqputslowNoLock::new,
                    List.of(Copy.of("runqput0", "runqput0"),
                            Copy.of("runqputslow", "runqputslow",
                                    "checkRunqputslow(pp, gp, t);", "",
                                    "final G[] batch = pp.slowBatch;", "final G[] batch = new G[pp.ringSize() / 2 + 1];",
                                    "pp.nrunqputslow++;", "",
                                    "pp.slowQ.set(batch[0], batch[n]);", "linked(batch, n + 1);",
                                    "batch[i].schedlink = batch[i + 1];", "")), ""),
            new Bug("counter_too_narrow", Category.ARITHMETIC,
                    "runqhead/runqtail wrap at 2*len(runq) (Tokio's 16-bit indices): a stalled thief's CAS succeeds after head went once round (ABA)",
                    "RunQueue_bug_counter_too_narrow", "StealCopiesQueued", CounterTooNarrow::new,
                    List.of(Copy.of("runqput0", "runqput0"),
                            Copy.of("runqputslow", "runqputslow", RUNQPUTSLOW_RW),
                            Copy.of("runqputbatch0", "runqputbatch0", "globrunqputbatch0(q, qsize);", "globrunqputbatch(q, qsize);"),
                            Copy.of("runqgetG", "runqget0", "taken(pp, ", "taken("),
                            Copy.of("runqdrain", "runqdrain0", "checkOwnP(\"runqdrain\", pp);", "",
                                    "return drained(drainQ, n);", "return new Proc.Drained(drainQ, n);"),
                            Copy.of("runqsteal", "runqsteal0", with(RUNQSTEAL_CHECKS, RUNQSTEAL_RW, "", "pp.nstolen += n;", "")),
                            Copy.of("runqgrab0", "runqgrab0")),
                    "the twin's counters are the Java ints reduced modulo 2*len(runq) (a power of two dividing 2^32: the spec's Mod == 2*RingSize exactly); "
                            + "every counter store and distance of the copied functions is masked, the constructor narrows the Ps' counters; "
                            + "globrunqget is refused (its runqput is Proc's). Java has no ghost of the thief's copy: conformance shows StealCopiesQueued as a thief "
                            + "whose runqgrab_cas succeeds although the victim's head went once round since the thief read it"),
            new Bug("runqgrab_steal_all", Category.ARITHMETIC,
                    "runqgrab takes the victim's whole queue (n := t - h) instead of half: the per-operation refinement's steal batch (at most half, rounded up) is exceeded",
                    "RunQueue_bug_runqgrab_steal_all", "Refinement", RunqgrabStealAll::new,
                    List.of(Copy.of("runqsteal", "runqsteal0", with(RUNQSTEAL_CHECKS, RUNQSTEAL_RW, "", "pp.nstolen += n;", "")),
                            Copy.of("runqgrab0", "runqgrab0")),
                    "every G stays in exactly one place; conformance shows the violation on Java by its per-step refinement check "
                            + "(RunQueueModule: each Java step's effect on the queues is a RunQueueAtomic action; a thief's batch is at most half, rounded up)"),
            new Bug("dropspinning_no_recheck", Category.SCHEDULER,
                    "a spinning M that drops spinning parks without checkRunqsNoP: a G queued by an M that saw it spinning (and woke nobody) waits while a P stays idle",
                    "Proc_bug_dropspinning_no_recheck", "WorkConservation", DropspinningNoRecheck::new,
                    List.of(Copy.of("FindRunnableChecks.checkRunqsNoP", "checkRunqsNoP")),
                    "a scheduler twin (FindRunnableChecks, installed with ProcConfig.findRunnableChecks); conformance replays TLC's counterexample on it"),
            new Bug("gfput_bad_spill", Category.ARITHMETIC,
                    "gfput spills only above localMax (n > 64, not n >= 64) and its spill drops stacks onto the noStack list without stackfree",
                    "GFree_bug_gfput_bad_spill", "LocalFreeListBounded", GfputBadSpill::new,
                    List.of(Copy.of("gfput", "gfput0", with(GFPUT_CHECKS, GFPUT_RW, "stksize != startingStackSize() &&",
                            "pp.gfStackQ;", "new GQueue();", "pp.gfNoStackQ;", "new GQueue();",
                            "stackQ.clear();", "", "noStackQ.clear();", ""))), ""),
            new Bug("gfput_stack_leak", Category.HISTORICAL,
                    "gfput's spill (right threshold) drops stacks onto the noStack list without stackfree: the stacks leak",
                    "GFree_bug_gfput_stack_leak", "StackAccounting", GfputStackLeak::new,
                    List.of(Copy.of("gfput", "gfput0", with(GFPUT_CHECKS, GFPUT_RW, "stksize != startingStackSize() &&",
                            "pp.gfStackQ;", "new GQueue();", "pp.gfNoStackQ;", "new GQueue();",
                            "stackQ.clear();", "", "noStackQ.clear();", ""))), ""),
            new Bug("no_schedtick_check", Category.SCHEDULER,
                    "findRunnable without the schedtick%61 look at the global queue: a G on the global queue can starve",
                    "Proc_bug_no_schedtick_check", "GlobalEventuallyRuns", NoSchedtickCheck::new,
                    List.of(Copy.of("FindRunnableChecks.globalCheckDue", "globalCheckDue")),
                    "a scheduler twin (FindRunnableChecks, installed with ProcConfig.findRunnableChecks); conformance replays TLC's counterexample on it"),

            // ---- broken variants of the jcstress suite (stress/.../broken) --------------------------
            new Bug("runqtail_plain_store", Category.MEMORY_ORDERING,
                    "runqput stores runqtail plainly instead of with a store-release (shows on ARM/POWER or by JIT reordering, not on x86)",
                    null, null, RunqtailPlainStore::new, List.of(Copy.of("runqput0", "runqput0")), ""),
            new Bug("runqget_no_cas", Category.LOST_ATOMICITY,
                    "runqget advances runqhead with a store instead of a CAS: a G a thief took meanwhile is taken twice",
                    null, null, RunqgetNoCas::new, List.of(Copy.of("runqgetG", "runqget0", "taken(pp, ", "taken(")), ""),
            new Bug("runqget_runnext_no_cas", Category.LOST_ATOMICITY,
                    "runqget takes runnext with a load and a store of nil instead of a CAS: both the owner and a thief get the G",
                    null, null, RunqgetRunnextNoCas::new, List.of(Copy.of("runqgetG", "runqget0", "taken(pp, ", "taken(")), ""),

            // ---- broken variants of the property suite (properties/) --------------------------------
            new Bug("runqput_lost_runnext", Category.ORDER,
                    "runqput(next=true) drops the old runnext instead of kicking it to the ring",
                    null, null, RunqputLostRunnext::new, List.of(Copy.of("runqput0", "runqput0")), ""),
            new Bug("runqgrab_floor_half_plus_one", Category.ARITHMETIC,
                    "runqgrab takes floor(n/2)+1 instead of n - n/2 (one too many for even n)",
                    null, null, RunqgrabFloorHalfPlusOne::new,
                    List.of(Copy.of("runqsteal", "runqsteal0", with(RUNQSTEAL_CHECKS, RUNQSTEAL_RW, "", "pp.nstolen += n;", "")),
                            Copy.of("runqgrab0", "runqgrab0")), ""),
            new Bug("gfput_no_split", Category.HISTORICAL,
                    "gfput's spill does not separate Gs with and without stacks: all go on sched.gFree.stack",
                    null, null, GfputNoSplit::new,
                    List.of(Copy.of("gfput", "gfput0", with(GFPUT_CHECKS, GFPUT_RW, "stksize != startingStackSize() &&",
                            "pp.gfStackQ;", "new GQueue();", "pp.gfNoStackQ;", "new GQueue();",
                            "stackQ.clear();", "", "noStackQ.clear();", ""))), ""),

            // ---- deliberate divergences of the Java code from the spec (conformance/ must report each) ----
            new Bug("runqgrab_loadtail_label_late", Category.DIVERGENCE,
                    "runqgrab's point runqgrab_loadtail placed one access too late: head and tail are read in one Java step, two spec steps",
                    null, null, RunqgrabLoadtailLabelLate::new,
                    List.of(Copy.of("runqsteal", "runqsteal0", with(RUNQSTEAL_CHECKS, RUNQSTEAL_RW, "", "pp.nstolen += n;", "")),
                            Copy.of("runqgrab0", "runqgrab0")), ""),
            new Bug("runqputslow_spill_short", Category.DIVERGENCE,
                    "runqputslow moves one G fewer than half the ring to the global queue (a wrong spill size: 127 of 256)",
                    null, null, RunqputslowSpillShort::new,
                    List.of(Copy.of("runqput0", "runqput0"),
                            Copy.of("runqputslow", "runqputslow",
                                    "checkRunqputslow(pp, gp, t);", "",
                                    // Proc's unchecked globrunqputbatch0 is private: the twin calls the public one
                                    "globrunqputbatch0(q, n + 1);", "globrunqputbatch(q, n + 1);",
                                    "final G[] batch = pp.slowBatch;", "final G[] batch = new G[pp.ringSize() / 2 + 1];",
                                    "pp.nrunqputslow++;", "",
                                    "pp.slowQ.set(batch[0], batch[n]);", "linked(batch, n + 1);",
                                    "batch[i].schedlink = batch[i + 1];", "")), ""),
            new Bug("runqget_retries_runnext", Category.DIVERGENCE,
                    "a Go 1.21 runqget that retries its runnext CAS as Go 1.14 does (runnext handled as in the other Go version)",
                    null, null, RunqgetRetriesRunnext::new, List.of(Copy.of("runqgetG", "runqget0", "taken(pp, ", "taken(")), "")
    );

    /** {@code checks} followed by {@code more}: the rewrite pairs of a copy. */
    private static String[] with(String[] checks, String... more) {
        String[] all = java.util.Arrays.copyOf(checks, checks.length + more.length);
        System.arraycopy(more, 0, all, checks.length, more.length);
        return all;
    }

    /** BUGS, then the bugs kept as patches ({@link Patches}, issue 15): one catalogue, one set of names. */
    private static final List<Bug> ALL = concat(BUGS, Patches.bugs());

    private static List<Bug> concat(List<Bug> a, List<Bug> b) {
        List<Bug> out = new ArrayList<>(a);
        out.addAll(b);
        return Collections.unmodifiableList(out);
    }

    private static final Map<String, Bug> BY_NAME;

    static {
        Map<String, Bug> m = new LinkedHashMap<>();
        for (Bug b : ALL) {
            if (m.put(b.name(), b) != null) {
                throw new ExceptionInInitializerError("bug named twice: " + b.name());
            }
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    /** Every bug, in catalogue order. */
    public static List<Bug> all() {
        return ALL;
    }

    /** The bugs with a Java twin. */
    public static List<Bug> withTwin() {
        List<Bug> out = new ArrayList<>();
        for (Bug b : ALL) {
            if (b.hasTwin()) {
                out.add(b);
            }
        }
        return out;
    }

    /** The bugs with a spec {@code Bug} switch. */
    public static List<Bug> withSpecSwitch() {
        List<Bug> out = new ArrayList<>();
        for (Bug b : ALL) {
            if (b.hasSpecSwitch()) {
                out.add(b);
            }
        }
        return out;
    }

    /** The bug named {@code name}; an IllegalArgumentException lists the names when there is none. */
    public static Bug bug(String name) {
        Bug b = BY_NAME.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no bug named '" + name + "'; the catalogue has " + BY_NAME.keySet());
        }
        return b;
    }

    /** The functions of {@code proc} with bug {@code name} injected; "real" (or null) for the port as it is. */
    public static QueueOps ops(String name, Proc proc) {
        if (name == null || name.isEmpty() || name.equals("real")) {
            return QueueOps.real(proc);
        }
        return bug(name).twin(proc);
    }
}
