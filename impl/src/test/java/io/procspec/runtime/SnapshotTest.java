package io.procspec.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.procspec.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The public snapshot API and the spec-named invariants, on states built through Proc's own functions. */
class SnapshotTest {

    private static Proc proc() {
        return new Proc(new ProcConfig().nprocs(2).ringSize(4).counterStart(-2).gfree(4, 2, 2));
    }

    @Test
    void aSnapshotHoldsEveryStructureAndACopyOfEachG() {
        Proc proc = proc();
        P p0 = proc.allp[0];
        G[] gs = runnableGs(3);
        proc.runqput(p0, gs[0], false);
        proc.runqput(p0, gs[1], false);
        proc.runqput(p0, gs[2], true);
        proc.globrunqputLocked(runnable(9));
        Snapshot s = proc.snapshot();
        Snapshot.PView v = s.p(0);
        assertThat(v.runq()).containsExactly(gs[0], gs[1]);
        assertThat(v.runnext()).isSameAs(gs[2]);
        assertThat(v.size()).isEqualTo(2);
        assertThat(Integer.toUnsignedLong(v.runqhead())).isEqualTo((1L << 32) - 2); // counters near the wrap
        assertThat(v.slots()).hasSize(4);
        assertThat(s.globrunq()).hasSize(1);
        assertThat(s.runqsize()).isEqualTo(1);
        assertThat(s.g(gs[0]).status()).isEqualTo(G._Grunnable);
        assertThat(s.schedLockHolder()).isNull();
        // the snapshot does not change when the Proc does
        proc.runqget(p0);
        assertThat(s.p(0).runnext()).isSameAs(gs[2]);
        // fixture Gs have no stack (as Go's tests' make([]g, n)): only LiveGsHaveStacks notices
        assertThat(Invariants.check(s, Map.of())).extracting(Invariants.Violation::invariant)
                .containsOnly(Invariants.LIVE_GS_HAVE_STACKS);
    }

    @Test
    void freeListsStacksAndCountsAreInTheSnapshot() {
        Proc proc = proc();
        P p0 = proc.allp[0];
        G a = proc.newproc(p0, () -> { }, null);
        G taken = proc.runqget(p0).gp();
        assertThat(taken).isSameAs(a);
        proc.casgstatus(a, G._Grunnable, G._Grunning);
        proc.casgstatus(a, G._Grunning, G._Gdead);
        proc.gfput(p0, a);
        Snapshot s = proc.snapshot();
        assertThat(s.p(0).gFree()).containsExactly(a);
        assertThat(s.p(0).gFreeN()).isEqualTo(1);
        assertThat(s.stacks().inUse()).isEqualTo(1);
        assertThat(s.g(a).stack().present()).isTrue();
        assertThat(Invariants.check(s, Map.of(), List.of(a))).isEmpty();
    }

    @Test
    void eachInvariantReportsItsViolationUnderTheSpecsName() {
        Proc proc = proc();
        P p0 = proc.allp[0];
        G g = runnable(1);
        proc.runqput(p0, g, false);
        // the same G held by the caller too: ExactlyOnePlace
        assertThat(Invariants.check(proc.snapshot(), Map.of(g, G._Grunnable)))
                .extracting(Invariants.Violation::invariant).contains(Invariants.EXACTLY_ONE_PLACE);
        // a G that is not in any place: lost
        G lost = runnable(2);
        assertThat(Invariants.exactlyOnePlace(proc.snapshot(), Map.of(), List.of(g, lost)))
                .extracting(Invariants.Violation::detail).anyMatch(d -> d.contains("lost"));
        // a queued G in the wrong status: StatusMatchesPlace
        forceStatus(g, G._Gdead);
        assertThat(Invariants.check(proc.snapshot(), Map.of()))
                .extracting(Invariants.Violation::invariant).contains(Invariants.STATUS_MATCHES_PLACE);
        forceStatus(g, G._Grunnable);
        // counts that do not match their lists: FreeCountsMatch
        p0.gFree.n = 4; // localMax is 4
        assertThat(Invariants.check(proc.snapshot(), Map.of()))
                .extracting(Invariants.Violation::invariant).contains(Invariants.FREE_COUNTS_MATCH,
                        Invariants.LOCAL_FREE_LIST_BOUNDED);
        p0.gFree.n = 0;
        // a tail beyond the ring: RingBounded (a plain store no correct path makes)
        p0.storePlainRunqtail(p0.runqhead() + 9);
        assertThat(Invariants.ringBounded(proc.snapshot())).extracting(Invariants.Violation::invariant)
                .containsExactly(Invariants.RING_BOUNDED);
    }

    @Test
    void stackAccountingSeesAStackThatNobodyHolds() {
        Proc proc = proc();
        G g = proc.malg(Arch.StackMin); // allocated, then dropped by the caller: held by no G we know
        assertThat(Invariants.stackAccounting(proc.snapshot(), Map.of())).extracting(Invariants.Violation::invariant)
                .containsExactly(Invariants.STACK_ACCOUNTING);
        assertThat(Invariants.stackAccounting(proc.snapshot(List.of(proc.allp), List.of(g)), Map.of(g, G._Gidle)))
                .isEmpty();
    }
}
