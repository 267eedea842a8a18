package io.procspec.conformance;

import io.procspec.control.Schedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direction 2's three sources of choices, without TLC: each reproduces its logs from what a
 * rejected log is shown with (seed, sample list, explorer schedule).
 */
class TraceSourcesTest {
    static final ExecutorService POOL = Pools.daemon();
    static final Map<String, String> C = TraceValidation.defaultConstants();

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void randomChoicesAreTheDrawsOfRandom() {
        TraceValidation.Choices c = TraceValidation.Choices.random(7);
        Random r = new Random(7);
        for (int i = 1; i < 200; i++) {
            if (i % 3 == 0) {
                assertThat(c.flag()).isEqualTo(r.nextBoolean());
            } else {
                assertThat(c.next(i)).isEqualTo(r.nextInt(i));
            }
        }
        TraceValidation.Trace a = TraceValidation.record(C, "real", 42, POOL);
        TraceValidation.Trace b = TraceValidation.record(C, "real", 42, POOL);
        assertThat(TraceValidation.dataModule(List.of(a), false)).isEqualTo(TraceValidation.dataModule(List.of(b), false));
        assertThat(a.origin().id()).isEqualTo("seed 42");
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aListOfIntsIsTakenModuloTheBoundThenZeros() {
        TraceValidation.Choices c = TraceValidation.Choices.of(List.of(7, -1, 65535));
        assertThat(c.next(3)).isEqualTo(1);
        assertThat(c.next(4)).isEqualTo(3);
        assertThat(c.flag()).isTrue();
        assertThat(c.next(5)).isZero();
        assertThat(c.flag()).isFalse();
        // the same list, the same log; the empty list is the run that never preempts
        List<Integer> sample = JqwikChoices.samples(1, 3).get(0);
        TraceValidation.Trace x = TraceValidation.record(C, "real", sample, "sample 1", POOL);
        TraceValidation.Trace y = TraceValidation.record(C, "real", sample, "sample 1", POOL);
        assertThat(x.failure()).isNull();
        assertThat(x.steps()).isEqualTo(y.steps());
        assertThat(JqwikChoices.samples(5, 3)).isEqualTo(JqwikChoices.samples(5, 3));
        assertThat(JqwikChoices.samples(5, 3)).isNotEqualTo(JqwikChoices.samples(5, 4));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void explorerRunsAreDistinctAndReplayFromTheirSchedule() {
        TraceValidation.Exploration none = TraceValidation.explore(C, "real", 42, 0, 1000, POOL);
        assertThat(none.complete()).isTrue();
        // no preemption: the branches are only the free choices where a thread finished
        assertThat(none.traces()).isNotEmpty().hasSizeLessThan(100);
        TraceValidation.Exploration one = TraceValidation.explore(C, "real", 42, 1, 100, POOL);
        assertThat(one.complete()).isFalse(); // 649 executions in all (bound 1, seed 42)
        assertThat(one.traces()).hasSize(100);
        List<List<Integer>> schedules = new ArrayList<>();
        for (TraceValidation.Trace t : one.traces()) {
            assertThat(t.failure()).isNull();
            schedules.add(t.schedule());
        }
        assertThat(schedules).doesNotHaveDuplicates();
        TraceValidation.Trace t = one.traces().get(57);
        TraceValidation.Trace again = TraceValidation.record(C, "real", TraceValidation.Choices.random(42),
                Schedule.byThread(t.schedule()), t.origin(), POOL).trace();
        assertThat(again.steps()).isEqualTo(t.steps());
        assertThat(one.spread(10)).hasSize(10).contains(one.traces().get(0), one.traces().get(90));
    }
}
