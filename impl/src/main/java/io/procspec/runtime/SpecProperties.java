package io.procspec.runtime;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names of the spec's properties, exactly as the TLA+ modules define them and the TLC models
 * ({@code spec/models/*.cfg}) check them, so that Java code, tests and reports name a property the
 * way TLC reports it. {@code PropertyNamesTest} in {@code spec/} keeps this list equal to the set the
 * models check. What each one means is in {@code spec/README.md} ("What is checked").
 *
 * <p>{@link Invariants} checks the structural ones on a {@link Snapshot}; others are relied on by
 * the Java code and checked by its tests under these names: {@link #NO_LOST_WAKEUP} (the
 * scheduler's parking protocol, {@link MLoop}), {@link #RUNQEMPTY_NEVER_SPURIOUS}
 * ({@link Proc#runqempty}), {@link #GLOBAL_EVENTUALLY_RUNS} (findRunnable's {@code %61} check),
 * {@link #RUNNABLE_EVENTUALLY_RUNS} (every runnable G runs).
 */
public final class SpecProperties {
    private SpecProperties() {}

    // ---- invariants ------------------------------------------------------------------------------

    public static final String TYPE_OK = "TypeOK";
    /** Every G is in exactly one place. */
    public static final String EXACTLY_ONE_PLACE = "ExactlyOnePlace";
    public static final String STATUS_MATCHES_PLACE = "StatusMatchesPlace";
    public static final String RING_BOUNDED = "RingBounded";
    public static final String GLOBAL_SIZE_MATCHES = "GlobalSizeMatches";
    /** A thief whose CAS commits never copied a slot the owner overwrote meanwhile. */
    public static final String NO_TORN_STEAL = "NoTornSteal";
    public static final String FREE_COUNTS_MATCH = "FreeCountsMatch";
    public static final String GLOBAL_FREE_LISTS_SORTED = "GlobalFreeListsSorted";
    public static final String LOCAL_FREE_LIST_BOUNDED = "LocalFreeListBounded";
    public static final String FREE_STACKS_STANDARD = "FreeStacksStandard";
    public static final String STACK_ACCOUNTING = "StackAccounting";
    public static final String HELD_HAVE_STACKS = "HeldHaveStacks";
    public static final String LIVE_GS_HAVE_STACKS = "LiveGsHaveStacks";
    public static final String GOIDS_UNIQUE = "GoidsUnique";
    /** A P is held by at most one M, idle Ps by none; nmspinning counts the spinning Ms. */
    public static final String MS_AND_PS = "MsAndPs";
    /** When every M is parked, no G is runnable. */
    public static final String NO_LOST_WAKEUP = "NoLostWakeup";
    /** No Go {@code throw} was reached. */
    public static final String NO_THROW = "NoThrow";
    /** Go's "schedule: spinning with local work": an M woken spinning by startm has an empty local queue. */
    public static final String SPINNING_WOKEN_WITH_EMPTY_QUEUE = "SpinningWokenWithEmptyQueue";
    /** Each {@code sched.gFree.lock} section is one atomic step, so the lock is free between steps. */
    public static final String GFREE_LOCK_FREE_BETWEEN_STEPS = "GFreeLockFreeBetweenSteps";
    /** No thief is lapped: a ring's head does not go once round while a thief holds a stale head (no ABA). */
    public static final String NO_LAP = "NoLap";
    /** The abstract scheduler ({@code Scheduler.tla}): an idle P runs nothing. */
    public static final String IDLE_IS_IDLE = "IdleIsIdle";
    /** A witness, not a requirement: a thief never takes a runnext (expected violated: the runnext-steal trace). */
    public static final String NO_RUNNEXT_STEAL = "NoRunnextSteal";

    // ---- temporal and action properties ----------------------------------------------------------

    /** The fine-grained run queues refine the atomic ones (linearizability for the model's size). */
    public static final String REFINEMENT = "Refinement";
    /** When runqempty answers true, the queue was empty when it read runnext. */
    public static final String RUNQEMPTY_NEVER_SPURIOUS = "RunqemptyNeverSpurious";
    /** Under weak fairness of each M, every runnable G eventually runs. */
    public static final String RUNNABLE_EVENTUALLY_RUNS = "RunnableEventuallyRuns";
    /** A G on the global queue eventually runs even when the local queue never empties. */
    public static final String GLOBAL_EVENTUALLY_RUNS = "GlobalEventuallyRuns";
    /** Inside the scheduler ({@code Proc.tla}): the run queues refine {@code RunQueueAtomic}, per operation. */
    public static final String QUEUE_REFINEMENT = "QueueRefinement";
    /** The G free lists refine {@code GFreeAtomic}, per operation (in {@code GFree.tla} and {@code Proc.tla}). */
    public static final String FREE_REFINEMENT = "FreeRefinement";
    /** At a thief's successful CAS, the Gs it copied are the first Gs of the victim's queue. */
    public static final String STEAL_COPIES_QUEUED = "StealCopiesQueued";
    /** While some P is idle and a G is queued, that does not last for ever. */
    public static final String NO_STRANDED_WORK = "NoStrandedWork";
    /** {@link #NO_STRANDED_WORK} under the assumption that every runqempty call returns (lock-free, not wait-free). */
    public static final String WORK_CONSERVATION = "WorkConservation";

    private static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            TYPE_OK, EXACTLY_ONE_PLACE, STATUS_MATCHES_PLACE, RING_BOUNDED, GLOBAL_SIZE_MATCHES, NO_TORN_STEAL,
            FREE_COUNTS_MATCH, GLOBAL_FREE_LISTS_SORTED, LOCAL_FREE_LIST_BOUNDED, FREE_STACKS_STANDARD,
            STACK_ACCOUNTING, HELD_HAVE_STACKS, LIVE_GS_HAVE_STACKS, GOIDS_UNIQUE, MS_AND_PS, NO_LOST_WAKEUP,
            NO_THROW, SPINNING_WOKEN_WITH_EMPTY_QUEUE, GFREE_LOCK_FREE_BETWEEN_STEPS, NO_LAP, IDLE_IS_IDLE,
            NO_RUNNEXT_STEAL, REFINEMENT, RUNQEMPTY_NEVER_SPURIOUS, RUNNABLE_EVENTUALLY_RUNS, GLOBAL_EVENTUALLY_RUNS,
            QUEUE_REFINEMENT, FREE_REFINEMENT, STEAL_COPIES_QUEUED, NO_STRANDED_WORK, WORK_CONSERVATION)));

    /** Every property name, sorted. */
    public static SortedSet<String> all() {
        return ALL;
    }
}
