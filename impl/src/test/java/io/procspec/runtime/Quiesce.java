package io.procspec.runtime;

import java.util.concurrent.TimeUnit;

/**
 * Waiting for a {@link Sched} to become quiescent without ever hanging a test: the wait fails as
 * soon as the scheduler stops making progress (no G finished, was created or was stolen for
 * {@link #STALL_MILLIS}), so a lost wakeup or a livelocked queue fails in seconds, not after the
 * test's hang-guard {@code @Timeout}. A legitimately long run keeps finishing Gs and is never cut off.
 *
 * <p>{@code -Dprocspec.stall.seconds=N} changes the stall limit (default 10 s: a G of the unit tests
 * runs for microseconds, so 10 s without a single G finishing is a hang, even on a loaded 2-core
 * machine).
 */
final class Quiesce {
    private Quiesce() {}

    /** How long the scheduler may show no progress before the wait fails. */
    static final long STALL_MILLIS = TimeUnit.SECONDS.toMillis(Long.getLong("procspec.stall.seconds", 10));

    /**
     * Waits until {@code s} is quiescent; throws an AssertionError (with the scheduler's counters)
     * when it makes no progress for {@link #STALL_MILLIS}.
     */
    static void await(Sched s) throws InterruptedException {
        await(s, STALL_MILLIS);
    }

    /** {@link #await(Sched)} with its own stall limit. */
    static void await(Sched s, long stallMillis) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long last = progress(s);
        for (;;) {
            if (s.awaitQuiescence(100, TimeUnit.MILLISECONDS)) {
                return;
            }
            long now = progress(s);
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                throw new AssertionError("the scheduler made no progress for " + stallMillis
                        + " ms while Gs are still runnable or running (a lost wakeup, a livelock or a hang):\n"
                        + s.stats());
            }
        }
    }

    /** A number that changes whenever a G is created, finishes, panics or is stolen. */
    private static long progress(Sched s) {
        Sched.Stats st = s.stats();
        return st.gsCreated() * 31 + st.gsRun() * 17 + st.panics() * 7 + st.gsStolen() + st.parks() * 3 + st.wakes() * 5;
    }
}
