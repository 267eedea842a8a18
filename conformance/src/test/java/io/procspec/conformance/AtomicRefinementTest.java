package io.procspec.conformance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RunQueueAtomic's actions as {@link AtomicRefinement} tells them from the queues (ring of 8, 3 Ps). */
class AtomicRefinementTest {
    static final int RING = 8;

    static AtomicRefinement.Queues q(List<Integer> p1, List<Integer> p2, List<Integer> next, List<Integer> global) {
        return new AtomicRefinement.Queues(List.of(p1, p2, List.of()), next, global);
    }

    static String action(int x, AtomicRefinement.Queues s, AtomicRefinement.Queues s2) {
        return AtomicRefinement.action(x, s, s2, RING, 3);
    }

    @Test
    void theOwnersActions() {
        AtomicRefinement.Queues s = q(List.of(1, 2, 3, 4), List.of(), List.of(0, 0, 0), List.of());
        assertThat(action(1, s, s)).isEqualTo("stutter");
        assertThat(action(1, s, q(List.of(1, 2, 3, 4, 5, 6), List.of(), List.of(0, 0, 0), List.of()))).isEqualTo("Publish");
        assertThat(action(1, s, q(List.of(2, 3, 4), List.of(), List.of(0, 0, 0), List.of()))).isEqualTo("Get");
        assertThat(action(1, s, q(List.of(), List.of(), List.of(0, 0, 0), List.of()))).isEqualTo("Drain");
        assertThat(action(1, s, q(List.of(1, 2, 3, 4), List.of(), List.of(7, 0, 0), List.of()))).isEqualTo("PutNext");
        AtomicRefinement.Queues full = q(List.of(1, 2, 3, 4, 5, 6, 7, 8), List.of(), List.of(0, 0, 0), List.of());
        assertThat(action(1, full, q(List.of(5, 6, 7, 8), List.of(), List.of(0, 0, 0), List.of()))).isEqualTo("PutSlowTake");
        assertThat(action(1, s, q(List.of(1, 2, 3), List.of(), List.of(0, 0, 0), List.of(4)))).isEqualTo("DestroyMove");
        // runqputslow moving one G too few (runqputslow_spill_short): no action of the owner
        assertThatThrownBy(() -> action(1, full, q(List.of(4, 5, 6, 7, 8), List.of(), List.of(0, 0, 0), List.of())))
                .isInstanceOf(AtomicRefinement.Violation.class).hasMessageContaining("took 3 of the 8");
    }

    @Test
    void aThiefTakesAtMostHalfRoundedUp() {
        AtomicRefinement.Queues s = q(List.of(1, 2, 3), List.of(), List.of(9, 0, 0), List.of());
        assertThat(action(2, s, q(List.of(3), List.of(), List.of(9, 0, 0), List.of()))).isEqualTo("Steal");
        assertThat(action(2, s, q(List.of(1, 2, 3), List.of(), List.of(0, 0, 0), List.of()))).isEqualTo("TakeNext");
        assertThatThrownBy(() -> action(2, s, q(List.of(), List.of(), List.of(9, 0, 0), List.of())))
                .isInstanceOf(AtomicRefinement.Violation.class).hasMessageContaining("StealMax(3) = 2");
        assertThatThrownBy(() -> action(2, s, q(List.of(1, 2, 3, 4), List.of(), List.of(9, 0, 0), List.of())))
                .isInstanceOf(AtomicRefinement.Violation.class).hasMessageContaining("only the owner publishes");
        assertThatThrownBy(() -> action(2, s, q(List.of(1, 2, 3), List.of(), List.of(5, 0, 0), List.of())))
                .isInstanceOf(AtomicRefinement.Violation.class).hasMessageContaining("only the owner");
    }

    @Test
    void theGlobalQueueGivesTheFairShare() {
        AtomicRefinement.Queues s = q(List.of(), List.of(), List.of(0, 0, 0), List.of(1, 2, 3, 4, 5, 6));
        assertThat(action(3, s, q(List.of(), List.of(), List.of(0, 0, 0), List.of(1, 2, 3, 4, 5, 6, 7)))).isEqualTo("GlobPut");
        // FairShare(6, 0) = min(6/3 + 1, 6, 8/2) = 3; FairShare(6, 1) = 1
        assertThat(action(3, s, q(List.of(), List.of(), List.of(0, 0, 0), List.of(4, 5, 6)))).isEqualTo("GlobGet");
        assertThat(action(3, s, q(List.of(), List.of(), List.of(0, 0, 0), List.of(2, 3, 4, 5, 6)))).isEqualTo("GlobGet");
        assertThatThrownBy(() -> action(3, s, q(List.of(), List.of(), List.of(0, 0, 0), List.of(3, 4, 5, 6))))
                .isInstanceOf(AtomicRefinement.Violation.class).hasMessageContaining("fair share");
        assertThatThrownBy(() -> action(1, s, q(List.of(1), List.of(), List.of(0, 0, 0), List.of(2, 3, 4, 5, 6))))
                .isInstanceOf(AtomicRefinement.Violation.class).hasMessageContaining("2 queues at once");
    }
}
