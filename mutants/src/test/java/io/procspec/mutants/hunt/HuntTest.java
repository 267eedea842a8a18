package io.procspec.mutants.hunt;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI subset of the bug matrix (issue 15): the hunt passes on the port as it is, and catches a
 * fixed set of representative bugs (one per kind the controlled layer can see: order, lost
 * atomicity, a historical bug, a scheduler-facing runqempty bug, arithmetic) with a small
 * counterexample. The full matrix, every bug through every layer, is the bug runner's job.
 */
class HuntTest {

    @Test
    @Timeout(120)
    void thePortAsItIsPassesEveryScenario() {
        Hunt.Result r = Hunt.hunt(QueueOps::real, 1, 100_000, 100);
        assertThat(r.caught()).as("real: %s", r.failing()).isFalse();
        assertThat(r.failure()).isNull();
        assertThat(r.executions()).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tail_before_slot", "runqgrab_no_cas", "runqempty_one_tail_read",
            "runqput_lost_runnext", "gfput_no_split", "runqgrab_floor_half_plus_one",
            "runqdrain_load_before_cas"})
    @Timeout(60)
    void aRepresentativeBugIsCaughtWithASmallCounterexample(String bug) {
        Hunt.Result r = Hunt.hunt(p -> Catalogue.ops(bug, p), 1, 100_000, 50);
        assertThat(r.caught()).as("%s caught", bug).isTrue();
        assertThat(r.preemptionBound()).isLessThanOrEqualTo(1);
        assertThat(r.steps()).as("%s: counterexample steps", bug).isPositive();
        assertThat(r.failing().table()).contains("Schedule.of(");
    }

    @Test
    @Timeout(120)
    void theWeakMemoryHuntPassesOnThePortAsItIs() {
        Hunt.Result r = Hunt.hunt(QueueOps::real, 1, 100_000, 100, true);
        assertThat(r.caught()).as("real in weak mode: %s", r.failing()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runqtail_plain_store", "runqput_runnext_cas_plain", "runqgrab_cas_plain", "runqput_head_plain_load"})
    @Timeout(120)
    void anOrderingBugIsCaughtOnlyInTheWeakMemoryMode(String bug) {
        Hunt.Result sc = Hunt.hunt(p -> Catalogue.ops(bug, p), 1, 100_000, 50, false);
        assertThat(sc.caught()).as("%s under sequential consistency", bug).isFalse();
        Hunt.Result weak = Hunt.hunt(p -> Catalogue.ops(bug, p), 1, 100_000, 50, true);
        assertThat(weak.caught()).as("%s in the weak-memory mode", bug).isTrue();
        // a weak read: a load of an older store (counted in the run), or a load-buffering read of a
        // later store (the second, justified run the failure names)
        if (String.valueOf(weak.failing().failure()).contains("load buffering")) {
            assertThat(weak.failing().failure().getMessage()).contains("does not happen-after the load");
        } else {
            assertThat(weak.failing().valueChoices()).as("it needed a weak read").isPositive();
            assertThat(weak.failing().table()).contains("weak reads");
        }
    }
}
