package io.procspec.bench;

import io.procspec.runtime.Sched;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each peer of the spawn tree computes the right sum on a small tree, repeatedly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpawnTreesTest {
    static final int LEAVES = 20_000;

    @Test
    void countsAndSums() {
        assertThat(SpawnTrees.count(0, 1_000_000, 10)).isEqualTo(1_111_111);
        assertThat(SpawnTrees.expectedSum(1_000_000)).isEqualTo(499_999_500_000L);
        assertThat(SpawnTrees.count(0, 1, 10)).isEqualTo(1);
        assertThat(SpawnTrees.count(0, 7, 3)).isEqualTo(1 + 3 + 2 + 2 + 3); // 2+2+3 leaves, splits of 2 and 3
    }

    @Test
    void procspec() throws InterruptedException {
        Sched s = new Sched().start(2);
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(SpawnTrees.sched(s, LEAVES, 10)).isEqualTo(SpawnTrees.expectedSum(LEAVES));
            }
            assertThat(s.stats().gsRun()).isEqualTo(3 * SpawnTrees.count(0, LEAVES, 10));
        } finally {
            s.shutdown();
        }
    }

    @Test
    void forkJoinPool() {
        ForkJoinPool p = new ForkJoinPool(2);
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(SpawnTrees.forkJoin(p, LEAVES, 10)).isEqualTo(SpawnTrees.expectedSum(LEAVES));
            }
        } finally {
            p.shutdownNow();
        }
    }

    @Test
    void virtualThreads() throws InterruptedException {
        if (!SpawnTrees.virtualThreadsAvailable()) {
            assertThatThrownBy(() -> SpawnTrees.virtualThreads(10, 10))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("JDK 21");
        }
        assumeTrue(SpawnTrees.virtualThreadsAvailable(), "virtual threads need JDK 21+");
        for (int i = 0; i < 3; i++) {
            assertThat(SpawnTrees.virtualThreads(LEAVES, 10)).isEqualTo(SpawnTrees.expectedSum(LEAVES));
        }
    }
}
