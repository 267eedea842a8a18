package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.procspec.testkit.Fixtures.*;
import static io.procspec.runtime.SpecProperties.*;
import static org.assertj.core.api.Assertions.*;

/** The local run queue: Go's export_test.go checks, ported, plus wraparound and edge cases. */
class RunqTest {

    static Proc proc(int ring, int counterStart) {
        return new Proc(new ProcConfig().nprocs(2).ringSize(ring).counterStart(counterStart).checked(true));
    }

    /** Go's RunSchedLocalQueueTest: put i Gs, get them back in order, for every i up to the ring. */
    @ParameterizedTest
    @ValueSource(ints = {0, -5, -1, Integer.MAX_VALUE - 2})
    void runSchedLocalQueue(int counterStart) {
        Proc proc = proc(256, counterStart);
        P pp = proc.newP(7);
        G[] gs = runnableGs(256);
        for (int i = 0; i < 256; i++) {
            assertThat(proc.runqget(pp)).as("runq is not empty initially").isNull();
            for (int j = 0; j < i; j++) {
                proc.runqput(pp, gs[i], false);
                // Go reuses &gs[i]; checked mode forbids a G queued twice, so take it back at once
                assertThat(proc.runqget(pp).gp()).isSameAs(gs[i]);
            }
            for (int j = 0; j < i; j++) {
                proc.runqput(pp, gs[j], false);
            }
            for (int j = 0; j < i; j++) {
                Proc.Runqget r = proc.runqget(pp);
                assertThat(r.gp()).as("bad element at iter %d/%d", i, j).isSameAs(gs[j]);
                assertThat(r.inheritTime()).isFalse();
            }
            assertThat(proc.runqget(pp)).as("runq is not empty but should be").isNull();
        }
    }

    /** Go's RunSchedLocalQueueStealTest, single-threaded: half (rounded up) stolen, every G once. */
    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void runSchedLocalQueueSteal(int counterStart) {
        Proc proc = proc(256, counterStart);
        P p1 = proc.newP(1);
        P p2 = proc.newP(2);
        for (int i = 0; i < 256; i++) {
            G[] gs = runnableGs(i);
            for (int j = 0; j < i; j++) {
                proc.runqput(p1, gs[j], false);
            }
            G gp = proc.runqsteal(p2, p1, true);
            int s = gp != null ? 1 : 0;
            List<G> rest1 = drainByGet(proc, p1);
            List<G> rest2 = drainByGet(proc, p2);
            Set<G> seen = new HashSet<>(rest1);
            if (gp != null) {
                assertThat(seen.add(gp)).isTrue();
            }
            for (G g : rest2) {
                assertThat(seen.add(g)).as("G stolen twice").isTrue();
            }
            s += rest2.size();
            assertThat(seen).hasSize(i);
            assertThat(s).as("bad steal %d, want %d of %d", s, (i + 1) / 2, i).isEqualTo(i - i / 2);
            for (G g : gs) {
                assertThat(seen).contains(g);
            }
        }
    }

    @Test
    void runnextFirstAndKicksOldToTail() {
        Proc proc = proc(8, 0);
        P pp = proc.newP(0);
        G[] gs = runnableGs(3);
        proc.runqput(pp, gs[0], true);
        proc.runqput(pp, gs[1], false);
        proc.runqput(pp, gs[2], true); // kicks gs[0] behind gs[1]
        assertThat(pp.runnext()).isSameAs(gs[2]);
        Proc.Runqget r = proc.runqget(pp);
        assertThat(r.gp()).isSameAs(gs[2]);
        assertThat(r.inheritTime()).isTrue();
        assertThat(drainByGet(proc, pp)).containsExactly(gs[1], gs[0]);
    }

    /** runqputslow: a full ring plus one moves half the ring and the new G to the global queue. */
    @ParameterizedTest
    @ValueSource(ints = {0, -5, -129})
    void runqputslowSpillsHalfPlusOne(int counterStart) {
        Proc proc = proc(256, counterStart);
        P pp = proc.allp[0];
        G[] gs = runnableGs(257);
        for (int i = 0; i < 256; i++) {
            proc.runqput(pp, gs[i], false);
        }
        assertThat(pp.runqsize()).isEqualTo(256);
        proc.runqput(pp, gs[256], false);
        assertThat(pp.runqsize()).isEqualTo(128);
        List<G> global = proc.sched.runqSnapshot();
        assertThat(global).hasSize(129);
        assertThat(proc.sched.runqsize()).isEqualTo(129);
        assertThat(global.subList(0, 128)).containsExactly(Arrays.copyOfRange(gs, 0, 128));
        assertThat(global.get(128)).isSameAs(gs[256]);
        assertThat(pp.runqSnapshot()).containsExactly(Arrays.copyOfRange(gs, 128, 256));
        assertThat(proc.stats().runqputslows()).isEqualTo(1);
    }

    @Test
    void runqputslowOnANonFullQueueThrows() {
        Proc proc = proc(8, 0);
        P pp = proc.newP(0);
        for (int i = 0; i < 3; i++) {
            proc.runqput(pp, runnable(10 + i), false);
        }
        assertThatIllegalStateException().isThrownBy(() -> proc.runqputslow(pp, runnable(1), 0, 3))
                .withMessage("runqputslow: queue is not full");
    }

    /** Counters at 2^32 − 5 wrap during the test, with rings of 4 and 8, through put/get/steal/spill. */
    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void wraparound(int ring) {
        Proc proc = proc(ring, -5);
        P owner = proc.allp[0];
        P thief = proc.allp[1];
        List<G> put = new ArrayList<>();
        List<G> taken = new ArrayList<>();
        long goid = 1;
        for (int round = 0; round < 40; round++) {
            for (int k = 0; k <= ring; k++) { // one more than fits: a spill every round
                G g = runnable(goid++);
                put.add(g);
                proc.runqput(owner, g, k % 3 == 0);
            }
            G s = proc.runqsteal(thief, owner, round % 2 == 0);
            if (s != null) {
                taken.add(s);
            }
            taken.addAll(drainByGet(proc, thief));
            for (int k = 0; k < ring / 2; k++) {
                Proc.Runqget r = proc.runqget(owner);
                if (r != null) {
                    taken.add(r.gp());
                }
            }
            long dist = Integer.toUnsignedLong(owner.runqtail() - owner.runqhead());
            assertThat(dist).isBetween(0L, (long) ring);
        }
        taken.addAll(drainByGet(proc, owner));
        proc.sched.lock.lock();
        try {
            for (G g; (g = proc.globrunqget()) != null; ) {
                taken.add(g);
            }
        } finally {
            proc.sched.lock.unlock();
        }
        assertThat(owner.runqhead()).as("counters wrapped").isGreaterThanOrEqualTo(0);
        assertThat(taken).containsExactlyInAnyOrderElementsOf(put);
    }

    /** runqgrab takes ceil(n/2), never more than half the ring, and runnext only when the ring is empty. */
    @Test
    void runqgrabTakesCeilHalfAndRunnextLast() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(8).runnextBackoffNanos(0));
        P victim = proc.newP(0);
        G[] gs = runnableGs(6);
        for (int i = 0; i < 5; i++) {
            proc.runqput(victim, gs[i], false);
        }
        proc.runqput(victim, gs[5], true);
        P batch = proc.newP(1); // the ring that receives the Gs (runqsteal's thief)
        // batchHead is the batch's tail, as runqsteal passes it (0: runqgrab does not publish)
        assertThat(proc.runqgrab(victim, batch, 0, true)).isEqualTo(3);
        assertThat(Arrays.asList(batch.slot(0), batch.slot(1), batch.slot(2))).containsExactly(gs[0], gs[1], gs[2]);
        assertThat(proc.runqgrab(victim, batch, 0, true)).isEqualTo(1); // ceil(2/2)
        assertThat(proc.runqgrab(victim, batch, 0, false)).isEqualTo(1); // ceil(1/2)
        assertThat(proc.runqgrab(victim, batch, 0, false)).as("runnext not taken without stealRunNextG").isZero();
        victim.storeOpaqueStatus(P._Prunning); // exercises the back-off path (0 ns here)
        assertThat(proc.runqgrab(victim, batch, 0, true)).isEqualTo(1);
        assertThat(batch.slot(0)).isSameAs(gs[5]);
        assertThat(batch.runqtail()).as("runqgrab does not publish: runqsteal does").isEqualTo(batch.runqhead());
        assertThat(victim.runnext()).isNull();
    }

    @Test
    void runqgrabRefusesARingOfAnotherSize() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(8));
        P victim = proc.newP(0);
        G[] gs = runnableGs(2);
        proc.runqput(victim, gs[0], false);
        proc.runqput(victim, gs[1], false);
        P small = new P(1, 4, 0);
        assertThatThrownBy(() -> proc.runqgrab(victim, small, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rings differ in size");
        assertThat(victim.runqSnapshot()).as("nothing taken").containsExactly(gs[0], gs[1]);
    }

    @Test
    void runqstealOverflowThrows() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(4));
        P thief = proc.newP(0);
        P victim = proc.newP(1);
        for (G g : runnableGs(3)) {
            proc.runqput(thief, g, false);
        }
        G[] vs = runnableGs(4);
        for (G g : vs) {
            proc.runqput(victim, g, false);
        }
        // the thief holds 3 of 4; runqgrab would take ceil(4/2) = 2 into its ring, and 3 + (2 - 1) >= 4:
        // Go's overflow check would throw after the grab (runqsteal is only called on an empty
        // ring). Refused before the grab, with Go's message and what is wrong; nothing moves.
        assertThatIllegalStateException().isThrownBy(() -> proc.runqsteal(thief, victim, false))
                .withMessage("runqsteal: runq overflow: p0's ring holds 3 of 4 slots, more than half,"
                        + " so a steal (up to 2 Gs) might not fit");
        assertThat(victim.runqSnapshot()).containsExactly(vs);
        assertThat(thief.runqsize()).isEqualTo(3);
    }

    @Test
    void runqstealRefusesSelfAndMismatchedRings() {
        Proc proc = proc(8, 0);
        P pp = proc.allp[0];
        proc.runqput(pp, runnable(1), false);
        assertThatIllegalArgumentException().isThrownBy(() -> proc.runqsteal(pp, pp, true))
                .withMessageContaining("cannot steal from itself");
        assertThatIllegalArgumentException().isThrownBy(() -> proc.runqsteal(new P(9, 4, 0), pp, true))
                .withMessageContaining("rings differ");
        assertThat(pp.runqsize()).isEqualTo(1);
    }

    @Test
    void runqdrainTakesRunnextThenRingInOrder() {
        Proc proc = proc(8, -3);
        P pp = proc.newP(0);
        G[] gs = runnableGs(5);
        for (int i = 0; i < 4; i++) {
            proc.runqput(pp, gs[i], false);
        }
        proc.runqput(pp, gs[4], true);
        Proc.Drained d = proc.runqdrain(pp);
        assertThat(d.n()).isEqualTo(5);
        assertThat(d.drainQ().toList()).containsExactly(gs[4], gs[0], gs[1], gs[2], gs[3]);
        assertThat(proc.runqempty(pp)).isTrue();
        assertThat(proc.runqdrain(pp).n()).isZero();
    }

    /** Go's RunSchedLocalQueueEmptyTest, sequential part: runqempty agrees with the queue. */
    @Test
    void runqemptyAgreesWithQueue() {
        Proc proc = proc(8, 0);
        P pp = proc.newP(0);
        assertThat(proc.runqempty(pp)).isTrue();
        G g = runnable(1);
        proc.runqput(pp, g, true);
        assertThat(proc.runqempty(pp)).isFalse();
        proc.runqget(pp);
        proc.runqput(pp, g, false);
        assertThat(proc.runqempty(pp)).isFalse();
        proc.runqget(pp);
        assertThat(proc.runqempty(pp)).isTrue();
    }

    /**
     * The race runqempty's second read of tail defends against, replayed deterministically: G1 in
     * runnext, head == tail; between runqempty's reads of tail and runnext, runqput kicks G1 to the
     * ring and runqget empties runnext. The recheck sees tail moved and reads again.
     */
    @Test
    void runqemptySecondTailReadCatchesTheKickRace() {
        Recorder rec = new Recorder();
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(8).point(rec));
        P pp = proc.newP(0);
        G g1 = runnable(1);
        G g2 = runnable(2);
        proc.runqput(pp, g1, true);
        rec.once(Labels.RUNQEMPTY_LOADNEXT, () -> {
            proc.runqput(pp, g2, true);                 // kicks g1 to the ring
            assertThat(proc.runqget(pp).gp()).isSameAs(g2); // empties runnext
        });
        rec.labels.clear();
        assertThat(proc.runqempty(pp)).as(RUNQEMPTY_NEVER_SPURIOUS).isFalse();
        assertThat(rec.count(Labels.RUNQEMPTY_RECHECK)).as("looped after the recheck").isEqualTo(2);
    }

    /** runqputslow's CAS fails when a thief moves head meanwhile; runqput then retries the fast path. */
    @Test
    void runqputslowCasFailureRetries() {
        Recorder rec = new Recorder();
        Proc proc = new Proc(new ProcConfig().nprocs(2).ringSize(4).point(rec));
        P owner = proc.allp[0];
        P thief = proc.allp[1];
        G[] gs = runnableGs(5);
        for (int i = 0; i < 4; i++) {
            proc.runqput(owner, gs[i], false);
        }
        List<G> stolen = new ArrayList<>();
        rec.once(Labels.RUNQPUTSLOW_CAS, () -> stolen.add(proc.runqsteal(thief, owner, false)));
        proc.runqput(owner, gs[4], false);
        assertThat(proc.sched.runqsize()).as("nothing spilled").isZero();
        stolen.addAll(drainByGet(proc, thief));
        List<G> all = new ArrayList<>(stolen);
        all.addAll(drainByGet(proc, owner));
        assertThat(all).containsExactlyInAnyOrder(gs);
        assertThat(rec.count(Labels.RUNQPUT_LOADHEAD)).as("fast path retried").isGreaterThanOrEqualTo(2);
    }

    /** Go 1.21 tries runnext's CAS once; Go 1.14 reloads runnext after a failed CAS. */
    @ParameterizedTest
    @ValueSource(strings = {"GO1_14", "GO1_21"})
    void runqgetRunnextCasLostToThief(String version) {
        Recorder rec = new Recorder();
        Proc proc = new Proc(new ProcConfig().nprocs(2).ringSize(8).point(rec)
                .goVersion(GoVersion.valueOf(version)).runnextBackoffNanos(0));
        P owner = proc.allp[0];
        P thief = proc.allp[1];
        G a = runnable(1);
        G b = runnable(2);
        proc.runqput(owner, a, false);
        proc.runqput(owner, b, true);
        // a thief steals the ring's G first, then runnext right before the owner's CAS
        assertThat(proc.runqsteal(thief, owner, false)).isSameAs(a);
        rec.once(Labels.RUNQGET_CASNEXT, () -> assertThat(proc.runqsteal(thief, owner, true)).isSameAs(b));
        rec.labels.clear();
        assertThat(proc.runqget(owner)).isNull();
        long loads = rec.labels.stream().takeWhile(l -> !l.equals(Labels.RUNQGET_LOADHEAD))
                .filter(Labels.RUNQGET_LOADNEXT::equals).count();
        assertThat(loads).isEqualTo(version.equals("GO1_14") ? 2 : 1);
    }
}
