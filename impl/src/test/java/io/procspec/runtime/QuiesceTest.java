package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests' quiescence wait fails in seconds when the scheduler hangs, instead of waiting for a timeout. */
class QuiesceTest {

    @Test
    @Timeout(30)
    void aHungSchedulerFailsTheWaitWithinTheStallLimit() throws Exception {
        Sched s = new Sched().start(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        // One P, held by a G that blocks: the queued Gs can never run (what a lost wakeup looks like).
        s.go(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        for (int i = 0; i < 10; i++) {
            s.go(ran::incrementAndGet);
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Quiesce.await(s, 500)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no progress for 500 ms");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("failed after the stall limit, not a timeout")
                .isLessThan(5_000);
        release.countDown();
        Quiesce.await(s);
        assertThat(ran.get()).isEqualTo(10);
        assertThat(s.shutdown()).isEmpty();
    }
}
