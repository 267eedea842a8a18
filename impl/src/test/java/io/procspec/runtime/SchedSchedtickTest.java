package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProcConfig#schedtick(int)}: the P's initial schedtick, a Go {@code uint32}. With one P
 * the order in which Gs run is a function of the pattern and of the schedtick phase alone
 * (findRunnable's {@code schedtick%61} check), so these tests compare orders: a phase near 2^31
 * must behave as its unsigned remainder, and a phase that wraps past 2^32 as the small phase that
 * lines up with it after the wrap.
 */
class SchedSchedtickTest {

    /**
     * Order in which the leaves of a fan-out run on one P: a root G (from outside, so via the
     * global queue) spawns {@code n} leaves. Past 257 the ring spills half to the global queue, and
     * the every-61st-tick check then decides where those Gs fall among the ring's.
     */
    static List<Integer> fanOutOrder(int n, int initialSchedtick) throws InterruptedException {
        Sched s = new Sched(new ProcConfig().schedtick(initialSchedtick)).start(1);
        List<Integer> order = new ArrayList<>();
        try {
            s.go(() -> {
                for (int i = 0; i < n; i++) {
                    int leaf = i;
                    s.go(() -> {
                        synchronized (order) {
                            order.add(leaf);
                        }
                    });
                }
            });
            assertThat(s.awaitQuiescence(60, TimeUnit.SECONDS)).as("quiescent").isTrue();
        } finally {
            assertThat(s.shutdown()).isEmpty();
        }
        synchronized (order) {
            assertThat(order).hasSize(n);
            return new ArrayList<>(order);
        }
    }

    @Test
    @Timeout(120)
    void thePhaseDecidesWhereSpilledGsRun() throws Exception {
        // Guards the tests below against comparing orders that no phase could change.
        assertThat(fanOutOrder(300, 0)).isNotEqualTo(fanOutOrder(300, 30));
    }

    @Test
    @Timeout(120)
    void aSchedtickAbove2To31IsReadUnsigned() throws Exception {
        for (int u : new int[] {Integer.MIN_VALUE + 5, Integer.MIN_VALUE + 1000, -1000}) {
            int phase = Integer.remainderUnsigned(u, 61);
            assertThat(fanOutOrder(300, u))
                    .as("schedtick %s (unsigned) behaves as %d", Integer.toUnsignedString(u), phase)
                    .isEqualTo(fanOutOrder(300, phase));
        }
    }

    @Test
    @Timeout(120)
    void aSchedtickThatWrapsPast2To32LinesUpAfterTheWrap() throws Exception {
        // 2^32 - 3 wraps to 0 on the third tick, as 58 reaches 61: both check the global queue on
        // that tick and every 61st after it (2^32 is not a multiple of 61, so no small phase equals
        // 2^32 - 3 before the wrap; with a 300-leaf fan-out neither is at a multiple of 61 there).
        assertThat(fanOutOrder(300, -3)).isEqualTo(fanOutOrder(300, 58));
    }
}
