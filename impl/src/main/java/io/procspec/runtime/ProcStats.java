package io.procspec.runtime;

/**
 * Counters of the queue and free-list functions of a {@link Proc}, summed over {@code allp} and
 * {@code sched} ({@link Proc#stats()}). Read racily while other threads run; exact when quiescent.
 *
 * @param gsCreated       Gs made runnable by {@code newproc1}
 * @param gsAllocated     of those, newly made by {@code malg}
 * @param gsReused        of those, taken from a free list by {@code gfget}
 * @param steals          successful {@code runqsteal}s
 * @param gsStolen        Gs moved by them
 * @param runqputslows    full rings spilled to the global queue by {@code runqputslow}
 * @param globrunqputGs   Gs put on the global queue
 * @param globrunqgets    takes from the global queue
 * @param globrunqgetGs   Gs taken from the global queue
 * @param stacksAllocated {@code stackalloc} calls
 * @param stacksFreed     {@code stackfree} calls
 */
public record ProcStats(long gsCreated, long gsAllocated, long gsReused, long steals, long gsStolen,
                        long runqputslows, long globrunqputGs, long globrunqgets, long globrunqgetGs,
                        long stacksAllocated, long stacksFreed) {}
