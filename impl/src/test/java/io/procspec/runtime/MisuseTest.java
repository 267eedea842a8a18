package io.procspec.runtime;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.procspec.testkit.MisuseSnapshot;

import static io.procspec.testkit.Fixtures.runnable;
import static io.procspec.testkit.Fixtures.runnableGs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Misuse is refused before anything changes (issue 13): one named regression test per row of the
 * README's misuse table (the kinds of {@code MisuseProperties}), each asserting the exception, its
 * message and a {@link MisuseSnapshot} equal before and after.
 */
class MisuseTest {

    static final FuncVal FN = new FuncVal(() -> {});

    static Proc proc(int ring, GoVersion v) {
        return new Proc(new ProcConfig().nprocs(1).ringSize(ring).goVersion(v).checked(true).gfree(4, 2, 2)
                .runnextBackoffNanos(0));
    }

    static Proc proc() {
        return proc(4, GoVersion.GO1_21);
    }

    /** The call throws exactly type with message, and the snapshot (with extras) is unchanged. */
    static void refused(Proc proc, Class<? extends Throwable> type, String message, ThrowingCallable call,
                        Object... extras) {
        List<P> ps = new ArrayList<>();
        List<G> gs = new ArrayList<>();
        List<GQueue> qs = new ArrayList<>();
        for (Object o : extras) {
            if (o instanceof P p) {
                ps.add(p);
            } else if (o instanceof G g) {
                gs.add(g);
            } else if (o instanceof GQueue q) {
                qs.add(q);
            } else {
                throw new IllegalArgumentException(String.valueOf(o));
            }
        }
        MisuseSnapshot before = MisuseSnapshot.of(proc, ps, gs, qs);
        assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessage(message);
        MisuseSnapshot after = MisuseSnapshot.of(proc, ps, gs, qs);
        assertThat(after).as("state changed:%n%s", before.diff(after)).isEqualTo(before);
    }

    static void fill(Proc proc, P pp) {
        while (pp.runqsize() < pp.ringSize()) {
            proc.runqput(pp, runnable(900 + pp.runqsize()), false);
        }
    }

    static G dead(Proc proc, int size) {
        G g = proc.malg(size);
        proc.casgstatus(g, G._Gidle, G._Gdead);
        return g;
    }

    static GQueue queueOf(G... gs) {
        GQueue q = new GQueue();
        for (G g : gs) {
            q.pushBack(g);
        }
        return q;
    }

    // ---- the reported case (issue 13) -------------------------------------------------------------

    /**
     * Issue 13 as reported: one P, ring of 4 full, 10 Gs on the global queue, globrunqgetLocked(pp, 0).
     * Go 1.21 used to move 2 Gs off the ring (runqputslow's CAS) and take 2 from the global queue
     * before "lock: sched.lock already held by this thread (self-deadlock)": 14 Gs before, 10
     * findable after. Go 1.25 took 2 from the global queue before "Couldn't put Gs into empty local
     * runq". Now both are refused before any G moves, saying why.
     */
    @ParameterizedTest
    @EnumSource(value = GoVersion.class, names = {"GO1_21", "GO1_25"})
    void globrunqgetLockedWithAFullRingIsRefusedBeforeAnyGMoves(GoVersion v) {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(4).goVersion(v));
        P pp = proc.allp[0];
        G[] gs = runnableGs(14);
        for (int i = 0; i < 4; i++) {
            proc.runqput(pp, gs[i], false);
        }
        for (int i = 4; i < 14; i++) {
            proc.globrunqputLocked(gs[i]);
        }
        String why = "no room on p0's ring for the batch: 1 G to put, 0 free slots";
        refused(proc, IllegalStateException.class,
                v == GoVersion.GO1_25 ? "Couldn't put Gs into empty local runq: " + why : "globrunqget: " + why,
                () -> proc.globrunqgetLocked(pp, 0));
        List<G> findable = new ArrayList<>(pp.runqSnapshot());
        findable.addAll(proc.sched.runqSnapshot());
        assertThat(findable).containsExactly(gs);
        // with room (the ring emptied, as Go calls it) the same call works
        for (int i = 0; i < 4; i++) {
            proc.runqget(pp);
        }
        assertThat(proc.globrunqgetLocked(pp, 0)).isSameAs(gs[4]);
    }

    // ---- newproc, malg, casgstatus -------------------------------------------------------------

    @Test
    void newprocNilFunctionOrP() {
        Proc proc = proc();
        P pp = proc.allp[0];
        refused(proc, NullPointerException.class, "go of nil func value", () -> proc.newproc(pp, (Runnable) null, null));
        refused(proc, NullPointerException.class, "go of nil func value", () -> proc.newproc1(pp, (FuncVal) null, null, 0));
        refused(proc, NullPointerException.class, "newproc: nil p", () -> proc.newproc(null, FN, null));
        refused(proc, NullPointerException.class, "newproc1: nil p", () -> proc.newproc1(null, FN, null, 0));
    }

    @Test
    void newprocThatWouldSpillWhileTheCallerHoldsSchedLock() {
        Proc proc = proc();
        P pp = proc.allp[0];
        proc.runqput(pp, runnable(1), true);
        fill(proc, pp);
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "newproc: the caller holds sched.lock, and runqput would need it"
                    + " to spill p0's full ring to the global queue", () -> proc.newproc(pp, FN, null));
        } finally {
            proc.sched.lock.unlock();
        }
        assertThat(proc.newproc(pp, FN, null).readgstatus()).isEqualTo(G._Grunnable); // unlocked: it spills
        assertThat(proc.sched.runqsize()).isEqualTo(3);
    }

    @Test
    void newproc114ArgumentsThatDoNotFitOrDoNotMatch() {
        Proc proc = proc();
        P pp = proc.allp[0];
        refused(proc, IllegalStateException.class, "newproc: function arguments too large for new goroutine",
                () -> proc.newproc(pp, 2048, FN, new byte[2048], null));
        refused(proc, IllegalArgumentException.class, "newproc: narg 16 does not match the 8 argument bytes given",
                () -> proc.newproc(pp, 16, FN, new byte[8], null));
    }

    /** malg(2^30 + 1) used to loop for ever in round2 (1 << 32 is 1 in Java). */
    @Test
    @Timeout(10)
    void malgStackSizeOutOfRange() {
        Proc proc = proc();
        refused(proc, IllegalArgumentException.class, "malg: stack size 1073741825 out of range (at most 1073741824 bytes)",
                () -> proc.malg((1 << 30) + 1));
        refused(proc, IllegalArgumentException.class, "malg: stack size 2147483647 out of range (at most 1073741824 bytes)",
                () -> proc.malg(Integer.MAX_VALUE));
    }

    @Test
    void casgstatusNilBadValuesOrWrongStatus() {
        Proc proc = proc();
        G g = runnable(1);
        proc.runqput(proc.allp[0], g, false);
        refused(proc, NullPointerException.class, "casgstatus: nil g", () -> proc.casgstatus(null, G._Gdead, G._Grunnable));
        refused(proc, IllegalStateException.class, "casgstatus: bad incoming values",
                () -> proc.casgstatus(g, G._Grunnable, G._Grunnable), g);
        refused(proc, IllegalStateException.class, "casgstatus: bad incoming values",
                () -> proc.casgstatus(g, G._Grunnable, 99), g);
        refused(proc, IllegalStateException.class, "casgstatus: " + g + " is _Grunnable, not _Gdead (to _Grunning)",
                () -> proc.casgstatus(g, G._Gdead, G._Grunning), g);
    }

    // ---- gfput, gfget, gfpurge ---------------------------------------------------------------

    @Test
    void gfputNilNotDeadTwiceOrLinked() {
        Proc proc = proc();
        P pp = proc.allp[0];
        G d = dead(proc, Arch.StackMin);
        refused(proc, NullPointerException.class, "gfput: nil p", () -> proc.gfput(null, d), d);
        refused(proc, NullPointerException.class, "gfput: nil g", () -> proc.gfput(pp, null));
        G q = runnable(7);
        proc.runqput(pp, q, false);
        refused(proc, IllegalStateException.class, "gfput: bad status (not Gdead)", () -> proc.gfput(pp, q), q);
        G a = dead(proc, Arch.StackMin);
        G b = dead(proc, Arch.StackMin);
        G c = dead(proc, Arch.StackMin);
        proc.gfput(pp, a);
        proc.gfput(pp, b);
        proc.gfput(pp, c); // c -> b -> a
        refused(proc, IllegalStateException.class, "gfput: " + c + " is already on p0's free list", () -> proc.gfput(pp, c));
        refused(proc, IllegalStateException.class, "gfput: " + b + " is on a list or queue (schedlink is set)",
                () -> proc.gfput(pp, b));
    }

    /** gfput of a G that was already free made a cycle (gp.schedlink = gp) unless in checked mode. */
    @Test
    @Timeout(10)
    void gfputTwiceWithoutCheckedModeMakesNoCycle() {
        Proc proc = new Proc(1);
        P pp = proc.allp[0];
        G g = dead(proc, Arch.StackMin);
        proc.gfput(pp, g);
        refused(proc, IllegalStateException.class, "gfput: " + g + " is already on p0's free list", () -> proc.gfput(pp, g));
        assertThat(pp.gFree.toList()).containsExactly(g);
    }

    @Test
    void gfputSpillWhileTheCallerHoldsGFreeLock() {
        Proc proc = proc();
        P pp = proc.allp[0];
        for (int i = 0; i < 3; i++) {
            proc.gfput(pp, dead(proc, Arch.StackMin));
        }
        G g = dead(proc, 2 * Arch.StackMin); // gfput would free its odd-size stack first
        proc.sched.gFree.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "gfput: the caller holds sched.gFree.lock, and gfput would need it"
                    + " to move p0's free Gs to the global lists", () -> proc.gfput(pp, g), g);
        } finally {
            proc.sched.gFree.lock.unlock();
        }
        proc.gfput(pp, g);
        assertThat(pp.gFree.n).isEqualTo(1);
        assertThat(proc.sched.gFree.n).isEqualTo(3);
    }

    @Test
    void gfgetRefillAndGfpurgeWhileTheCallerHoldsGFreeLock() {
        Proc proc = proc();
        P pp = proc.allp[0];
        proc.gfput(pp, dead(proc, Arch.StackMin));
        proc.gfput(pp, dead(proc, -1));
        String m = "lock: sched.gFree.lock already held by this thread (self-deadlock)";
        proc.sched.gFree.lock.lock();
        try {
            refused(proc, IllegalStateException.class, m, () -> proc.gfpurge(pp));
        } finally {
            proc.sched.gFree.lock.unlock();
        }
        proc.gfpurge(pp); // now the P's list is empty and the global lists hold both
        proc.sched.gFree.lock.lock();
        try {
            refused(proc, IllegalStateException.class, m, () -> proc.gfget(pp)); // it would refill
        } finally {
            proc.sched.gFree.lock.unlock();
        }
        assertThat(proc.gfget(pp)).isNotNull();
    }

    // ---- runqput, runqputbatch -----------------------------------------------------------------

    @Test
    void runqputNilNotRunnableRunnextOrLinked() {
        Proc proc = proc();
        P pp = proc.allp[0];
        G g = runnable(1);
        refused(proc, NullPointerException.class, "runqput: nil p", () -> proc.runqput(null, g, false), g);
        refused(proc, NullPointerException.class, "runqput: nil g", () -> proc.runqput(pp, null, true));
        G d = dead(proc, -1);
        refused(proc, IllegalStateException.class, "runqput: " + d + " is not runnable (status _Gdead)",
                () -> proc.runqput(pp, d, true), d);
        proc.runqput(pp, g, true);
        for (boolean next : new boolean[] {false, true}) {
            refused(proc, IllegalStateException.class, "runqput: " + g + " is already p0's runnext",
                    () -> proc.runqput(pp, g, next));
        }
        G h1 = runnable(2);
        G h2 = runnable(3);
        proc.globrunqputLocked(h1);
        proc.globrunqputLocked(h2);
        refused(proc, IllegalStateException.class, "runqput: " + h1 + " is on a list or queue (schedlink is set)",
                () -> proc.runqput(pp, h1, false));
    }

    /** Without checked mode, runqput of the runnext G made runnext's kick put it on the ring too. */
    @Test
    void runqputOfTheRunnextGWithoutCheckedModeIsRefused() {
        Proc proc = new Proc(new ProcConfig().ringSize(4));
        P pp = proc.allp[0];
        G g = runnable(1);
        proc.runqput(pp, g, true);
        refused(proc, IllegalStateException.class, "runqput: " + g + " is already p0's runnext", () -> proc.runqput(pp, g, true));
        assertThat(pp.runqSnapshot()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void runqputThatWouldSpillWhileTheCallerHoldsSchedLock(boolean next) {
        Proc proc = proc();
        P pp = proc.allp[0];
        if (next) {
            proc.runqput(pp, runnable(1), true);
        }
        fill(proc, pp);
        G g = runnable(2);
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "runqput: the caller holds sched.lock, and runqput would need it"
                    + " to spill p0's full ring to the global queue", () -> proc.runqput(pp, g, next), g);
        } finally {
            proc.sched.lock.unlock();
        }
    }

    @Test
    void runqputOfAQueuedGIsSeenOnlyInCheckedMode() {
        Proc proc = proc();
        P pp = proc.allp[0];
        G g = runnable(1);
        proc.runqput(pp, g, false);
        refused(proc, IllegalStateException.class, "runqput: " + g + " is already runq (checked mode)",
                () -> proc.runqput(pp, g, false));
    }

    @Test
    void runqputbatchNilCountNotRunnableRunnextCorrupt() {
        Proc proc = proc();
        P pp = proc.allp[0];
        refused(proc, NullPointerException.class, "runqputbatch: nil p", () -> proc.runqputbatch(null, new GQueue(), 0));
        refused(proc, NullPointerException.class, "runqputbatch: nil queue", () -> proc.runqputbatch(pp, null, 0));
        GQueue two = queueOf(runnable(1), runnable(2));
        refused(proc, IllegalArgumentException.class, "runqputbatch: qsize is 3 but the queue holds 2 Gs",
                () -> proc.runqputbatch(pp, two, 3), two);
        refused(proc, IllegalArgumentException.class, "runqputbatch: qsize is 1 but the queue holds more Gs than that",
                () -> proc.runqputbatch(pp, two, 1), two);
        refused(proc, IllegalArgumentException.class, "runqputbatch: qsize must be >= 0, got -1",
                () -> proc.runqputbatch(pp, two, -1), two);
        G d = dead(proc, -1);
        GQueue bad = queueOf(runnable(3), d, runnable(4));
        refused(proc, IllegalStateException.class, "runqputbatch: " + d + " is not runnable (status _Gdead)",
                () -> proc.runqputbatch(pp, bad, 3), bad);
        G next = runnable(5);
        proc.runqput(pp, next, true);
        GQueue withNext = queueOf(runnable(6), next);
        refused(proc, IllegalStateException.class, "runqputbatch: " + next + " is already p0's runnext",
                () -> proc.runqputbatch(pp, withNext, 2), withNext);
        // q's tail linked onward: q2 grew past the tail q shares with it
        G a = runnable(7);
        G b = runnable(8);
        GQueue q2 = queueOf(a, b);
        GQueue q = new GQueue();
        q.pushBackAll(q2);
        q2.pushBack(runnable(9));
        refused(proc, IllegalStateException.class, "runqputbatch: the queue is corrupt (its tail is not the last G linked"
                + " from its head)", () -> proc.runqputbatch(pp, q, 3), q, q2);
    }

    /**
     * Checked mode: a batch whose second G is already queued used to leave its first G registered
     * as queued, so that putting that G later was refused.
     */
    @Test
    void aRefusedBatchLeavesCheckedModeBookkeepingAsItWas() {
        Proc proc = proc();
        P pp = proc.allp[0];
        G queued = runnable(1);
        proc.runqput(pp, queued, false);
        G x = runnable(2);
        GQueue q = queueOf(x, queued); // queued is in the ring: no link shows it, checked mode does
        refused(proc, IllegalStateException.class, "runqputbatch: " + queued + " is already runq (checked mode)",
                () -> proc.runqputbatch(pp, q, 2), q);
        assertThat(q.pop()).isSameAs(x);
        proc.runqput(pp, x, false); // x was not left registered
        assertThat(pp.runqSnapshot()).containsExactly(queued, x);
    }

    @ParameterizedTest
    @EnumSource(value = GoVersion.class, names = {"GO1_14", "GO1_21"})
    void runqputbatchThatWouldSpillWhileTheCallerHoldsSchedLock(GoVersion v) {
        Proc proc = proc(4, v);
        P pp = proc.allp[0];
        for (int i = 0; i < 3; i++) {
            proc.runqput(pp, runnable(i + 1), false);
        }
        GQueue q = queueOf(runnable(10), runnable(11));
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "runqputbatch: the caller holds sched.lock, and runqputbatch would"
                    + " need it to put the Gs that do not fit on p0's ring on the global queue",
                    () -> proc.runqputbatch(pp, q, 2), q);
        } finally {
            proc.sched.lock.unlock();
        }
    }

    // ---- runqget, runqdrain, runqempty, runqgrab, runqsteal ------------------------------------

    @Test
    void nilPToTheQueueReaders() {
        Proc proc = proc();
        refused(proc, NullPointerException.class, "runqget: nil p", () -> proc.runqget(null));
        refused(proc, NullPointerException.class, "runqdrain: nil p", () -> proc.runqdrain(null));
        refused(proc, NullPointerException.class, "runqempty: nil p", () -> proc.runqempty(null));
    }

    /**
     * runqgrab copies into the batch P's ring beyond batchHead before its CAS: a batch ring of
     * another size, the victim's own ring, a batchHead that is not the batch's tail or a batch ring
     * more than half full would overwrite queued Gs (or lose the ones it took).
     */
    @Test
    void runqgrabNilSelfRingsBatchHeadOrNoRoom() {
        Proc proc = new Proc(new ProcConfig().ringSize(8).runnextBackoffNanos(0));
        P pp = proc.allp[0];
        for (int i = 0; i < 6; i++) {
            proc.runqput(pp, runnable(i + 1), false);
        }
        P batch = proc.newP(1);
        int t = batch.runqtail();
        refused(proc, NullPointerException.class, "runqgrab: nil p", () -> proc.runqgrab(null, batch, t, true), batch);
        refused(proc, NullPointerException.class, "runqgrab: nil batch", () -> proc.runqgrab(pp, null, t, true), batch);
        refused(proc, IllegalArgumentException.class, "runqgrab: p0 cannot grab into its own ring",
                () -> proc.runqgrab(pp, pp, pp.runqtail(), true));
        P small = new P(2, 4, 0);
        refused(proc, IllegalArgumentException.class, "runqgrab: rings differ in size (8 and 4)",
                () -> proc.runqgrab(pp, small, 0, true), small);
        refused(proc, IllegalArgumentException.class, "runqgrab: batchHead is 3 but p1's runqtail is 0",
                () -> proc.runqgrab(pp, batch, 3, true), batch);
        for (int i = 0; i < 5; i++) {
            proc.runqput(batch, runnable(20 + i), false);
        }
        refused(proc, IllegalStateException.class, "runqgrab: runq overflow: p1's ring holds 5 of 8 slots, more than"
                + " half, so a steal (up to 4 Gs) might not fit", () -> proc.runqgrab(pp, batch, batch.runqtail(), true), batch);
        proc.runqget(batch);
        assertThat(proc.runqgrab(pp, batch, batch.runqtail(), true)).as("with room it grabs half").isEqualTo(3);
    }

    /** runqputslow is public (the bug twins call it): it refuses what would lose Gs before its CAS. */
    @Test
    void runqputslowNilNotRunnableWrongTailOrUnderSchedLock() {
        Proc proc = proc();
        P pp = proc.allp[0];
        fill(proc, pp);
        int h = pp.runqhead();
        int t = pp.runqtail();
        G g = runnable(1);
        refused(proc, NullPointerException.class, "runqputslow: nil p", () -> proc.runqputslow(null, g, h, t), g);
        refused(proc, NullPointerException.class, "runqputslow: nil g", () -> proc.runqputslow(pp, null, h, t));
        G d = dead(proc, -1);
        refused(proc, IllegalStateException.class, "runqputslow: " + d + " is not runnable (status _Gdead)",
                () -> proc.runqputslow(pp, d, h, t), d);
        G next = runnable(2);
        proc.runqput(pp, next, true); // the ring is full, runnext was empty: no spill
        refused(proc, IllegalStateException.class, "runqputslow: " + next + " is already on a list or queue",
                () -> proc.runqputslow(pp, next, h, t));
        refused(proc, IllegalArgumentException.class, "runqputslow: t is 3 but p0's runqtail is 4",
                () -> proc.runqputslow(pp, g, h, t - 1), g);
        refused(proc, IllegalStateException.class, "runqputslow: queue is not full",
                () -> proc.runqputslow(pp, g, h + 1, t), g);
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "runqputslow: the caller holds sched.lock, which runqputslow needs"
                    + " to put the batch on the global queue", () -> proc.runqputslow(pp, g, h, t), g);
        } finally {
            proc.sched.lock.unlock();
        }
        assertThat(proc.runqputslow(pp, g, h, t)).isTrue();
        assertThat(proc.sched.runqsize()).isEqualTo(3);
    }

    /** A G whose stack another allocator handed out: gfput (or a later gfget) would free it here. */
    @Test
    void gfputOfAGWithAForeignStack() {
        Proc proc = proc();
        Proc other = proc();
        G g = dead(other, 2 * Arch.StackMin); // other's stack 1; proc has handed out none
        refused(proc, IllegalStateException.class, "gfput: stack 1 was not allocated by this allocator",
                () -> proc.gfput(proc.allp[0], g), g);
    }

    @Test
    void runqstealNilSelfRingsOrNoRoom() {
        Proc proc = proc();
        P thief = proc.allp[0];
        P victim = proc.newP(1);
        refused(proc, NullPointerException.class, "runqsteal: nil p", () -> proc.runqsteal(null, victim, true), victim);
        refused(proc, NullPointerException.class, "runqsteal: nil p2", () -> proc.runqsteal(thief, null, true));
        refused(proc, IllegalArgumentException.class, "runqsteal: p0 cannot steal from itself",
                () -> proc.runqsteal(thief, thief, true));
        P big = new P(9, 8, 0);
        refused(proc, IllegalArgumentException.class, "runqsteal: rings differ in size (8 and 4)",
                () -> proc.runqsteal(big, thief, true), big);
        for (int i = 0; i < 3; i++) {
            proc.runqput(thief, runnable(i + 1), false);
        }
        proc.runqput(victim, runnable(10), true); // even a victim with just runnext: the check does not depend on it
        refused(proc, IllegalStateException.class, "runqsteal: runq overflow: p0's ring holds 3 of 4 slots, more than"
                + " half, so a steal (up to 2 Gs) might not fit", () -> proc.runqsteal(thief, victim, true), victim);
    }

    // ---- the global queue ----------------------------------------------------------------------

    @Test
    void globalQueueFunctionsWithoutSchedLock() {
        Proc proc = proc();
        G g = runnable(1);
        GQueue q = queueOf(runnable(2));
        String m = "assertLockHeld: sched.lock is not held";
        refused(proc, IllegalStateException.class, m, () -> proc.globrunqput(g), g);
        refused(proc, IllegalStateException.class, m, () -> proc.globrunqputhead(g), g);
        refused(proc, IllegalStateException.class, m, () -> proc.globrunqputbatch(q, 1), q);
        refused(proc, IllegalStateException.class, m, () -> proc.globrunqget(proc.allp[0], 0));
        refused(proc, IllegalStateException.class, m, proc::globrunqget);
        refused(proc, IllegalStateException.class, m, () -> proc.globrunqgetbatch(2, new GQueue()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void globrunqputNilNotRunnableOrAlreadyQueued(boolean head) {
        Proc proc = new Proc(new ProcConfig().ringSize(4)); // not checked: the cheap checks alone
        String fn = head ? "globrunqputhead" : "globrunqput";
        G[] gs = runnableGs(3);
        for (G g : gs) {
            proc.globrunqputLocked(g);
        }
        G d = dead(proc, -1);
        proc.sched.lock.lock();
        try {
            java.util.function.Function<G, ThrowingCallable> put = g -> head ? () -> proc.globrunqputhead(g)
                    : () -> proc.globrunqput(g);
            refused(proc, NullPointerException.class, fn + ": nil g", put.apply(null));
            refused(proc, IllegalStateException.class, fn + ": " + d + " is not runnable (status _Gdead)", put.apply(d), d);
            refused(proc, IllegalStateException.class, fn + ": " + gs[2] + " is already on the global queue", put.apply(gs[2]));
            refused(proc, IllegalStateException.class, fn + ": " + gs[0] + " is already on the global queue", put.apply(gs[0]));
            refused(proc, IllegalStateException.class, fn + ": " + gs[1] + " is on a list or queue (schedlink is set)",
                    put.apply(gs[1]));
        } finally {
            proc.sched.lock.unlock();
        }
    }

    @Test
    void lockSectionsAndLockWhileTheCallerHoldsSchedLock() {
        Proc proc = proc();
        G g = runnable(1);
        String m = "lock: sched.lock already held by this thread (self-deadlock)";
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, m, () -> proc.globrunqputLocked(g), g);
            refused(proc, IllegalStateException.class, m, () -> proc.globrunqputheadLocked(g), g);
            refused(proc, IllegalStateException.class, m, () -> proc.globrunqgetLocked(proc.allp[0], 0));
            refused(proc, IllegalStateException.class, m, () -> proc.lock(proc.sched.lock, Labels.GLOBRUNQPUT_LOCK));
        } finally {
            proc.sched.lock.unlock();
        }
    }

    @Test
    void globrunqputbatchNilCountNotRunnableOrTheGlobalQueueItself() {
        Proc proc = proc();
        GQueue two = queueOf(runnable(1), runnable(2));
        G d = dead(proc, -1);
        GQueue bad = queueOf(runnable(3), d);
        proc.globrunqputLocked(runnable(4));
        proc.sched.lock.lock();
        try {
            refused(proc, NullPointerException.class, "globrunqputbatch: nil batch", () -> proc.globrunqputbatch(null, 0));
            refused(proc, IllegalArgumentException.class, "globrunqputbatch: n is 3 but the queue holds 2 Gs",
                    () -> proc.globrunqputbatch(two, 3), two);
            refused(proc, IllegalStateException.class, "globrunqputbatch: " + d + " is not runnable (status _Gdead)",
                    () -> proc.globrunqputbatch(bad, 2), bad);
            refused(proc, IllegalArgumentException.class, "globrunqputbatch: the batch is the global queue itself",
                    () -> proc.globrunqputbatch(proc.sched.runq, 1));
        } finally {
            proc.sched.lock.unlock();
        }
    }

    /** globrunqgetbatch(0) used to take one G while counting none: runqsize and the queue disagreed. */
    @Test
    void globrunqgetNilMaxOrBatchSize() {
        Proc proc = proc();
        P pp = proc.allp[0];
        proc.globrunqputLocked(runnable(1));
        refused(proc, NullPointerException.class, "globrunqgetLocked: nil p", () -> proc.globrunqgetLocked(null, 0));
        refused(proc, IllegalArgumentException.class, "globrunqgetLocked: max must be >= 0, got -1",
                () -> proc.globrunqgetLocked(pp, -1));
        proc.sched.lock.lock();
        try {
            refused(proc, NullPointerException.class, "globrunqget: nil p", () -> proc.globrunqget(null, 0));
            refused(proc, IllegalArgumentException.class, "globrunqget: max must be >= 0, got -1", () -> proc.globrunqget(pp, -1));
            refused(proc, NullPointerException.class, "globrunqgetbatch: nil queue", () -> proc.globrunqgetbatch(2, null));
            refused(proc, IllegalArgumentException.class, "globrunqgetbatch: n must be >= 1, got 0",
                    () -> proc.globrunqgetbatch(0, new GQueue()));
        } finally {
            proc.sched.lock.unlock();
        }
    }

    @Test
    void globrunqgetWithoutRoomForTheBatch() {
        Proc proc = new Proc(new ProcConfig().ringSize(8).checked(true)); // 1 P: the batch is min(size, 4)
        P pp = proc.allp[0];
        for (int i = 0; i < 6; i++) {
            proc.runqput(pp, runnable(i + 1), false);
        }
        for (int i = 0; i < 5; i++) {
            proc.globrunqputLocked(runnable(20 + i));
        }
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "globrunqget: no room on p0's ring for the batch: 3 Gs to put, 2 free slots",
                    () -> proc.globrunqget(pp, 0));
            assertThat(proc.globrunqget(pp, 3)).as("a batch of 3 fits").isNotNull();
        } finally {
            proc.sched.lock.unlock();
        }
        assertThat(pp.runqsize()).isEqualTo(8);
    }

    // ---- locks, sizes, stacks, lists ----------------------------------------------------------------

    @Test
    @Timeout(30)
    void lockNilAndUnlockOfAFreeLockOrOfAnotherThreadsLock() throws Exception {
        Proc proc = proc();
        refused(proc, NullPointerException.class, "lock: nil mutex", () -> proc.lock(null, Labels.GLOBRUNQPUT_LOCK));
        refused(proc, NullPointerException.class, "unlock: nil mutex", () -> proc.unlock(null));
        refused(proc, IllegalStateException.class, "unlock of unlocked lock: sched.lock", () -> proc.unlock(proc.sched.lock));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            proc.sched.lock.lock();
            locked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                proc.sched.lock.unlock();
            }
        });
        t.start();
        assertThat(locked.await(20, TimeUnit.SECONDS)).isTrue();
        try {
            refused(proc, IllegalStateException.class, "unlock: sched.lock is held by another thread",
                    () -> proc.unlock(proc.sched.lock));
        } finally {
            release.countDown();
            t.join(20_000);
        }
    }

    @Test
    void badIdsStatusesAndSizes() {
        Proc proc = proc();
        refused(proc, IllegalArgumentException.class, "p id must be >= 0, got -1", () -> proc.newP(-1));
        refused(proc, IllegalArgumentException.class, "storeOpaqueStatus: bad P status 7", () -> proc.allp[0].storeOpaqueStatus(7));
        refused(proc, IllegalArgumentException.class, "stack size must be a power of two >= 2048, got 3000",
                () -> proc.setStartingStackSize(3000));
        refused(proc, IllegalStateException.class, "stackalloc: bad size 3000 (must be a power of two)",
                () -> proc.stacks.stackalloc(3000));
    }

    @Test
    void stackfreeOfNoStackOrAForeignOne() {
        Proc proc = new Proc(1); // no live tracking: the serial range is the cheap check
        proc.malg(Arch.StackMin);
        refused(proc, IllegalStateException.class, "stackfree: no stack", () -> proc.stacks.stackfree(Stack.NONE));
        refused(proc, IllegalStateException.class, "stackfree: stack 99 was not allocated by this allocator",
                () -> proc.stacks.stackfree(new Stack(0xc000001000L, 0xc000001800L, 99)));
        refused(proc, NullPointerException.class, "stackfree: nil stack", () -> proc.stacks.stackfree(null));
    }

    /** Pushing a G that is already on the queue made a cycle (pushBack of the tail: tail.schedlink = tail). */
    @Test
    @Timeout(10)
    void pushingAGThatIsAlreadyOnAListOrQueue() {
        Proc proc = proc();
        G a = runnable(1);
        G b = runnable(2);
        GQueue q = queueOf(a, b);
        refused(proc, NullPointerException.class, "gQueue.pushBack: nil g", () -> q.pushBack(null), q);
        refused(proc, IllegalStateException.class, "gQueue.pushBack: " + b + " is already on a list or queue",
                () -> q.pushBack(b), q);
        refused(proc, IllegalStateException.class, "gQueue.push: " + a + " is already on a list or queue",
                () -> new GQueue().push(a), q);
        P pp = proc.allp[0];
        G d = dead(proc, Arch.StackMin);
        proc.gfput(pp, d);
        refused(proc, NullPointerException.class, "gList.push: nil g", () -> pp.gFree.push(null));
        refused(proc, IllegalStateException.class, "gList.push: " + d + " is already on a list or queue",
                () -> pp.gFree.push(d));
        refused(proc, IllegalArgumentException.class, "gQueue.pushBackAll: cannot append a queue to itself",
                () -> q.pushBackAll(q), q);
        assertThat(q.toList()).containsExactly(a, b);
    }

    // ---- ready, goready, globrunqputbatchLocked (the Gs that park and are readied) ----------------

    /** A G parked as park_m leaves one: _Gwaiting, on no queue. */
    static G waiting(long goid) {
        G g = runnable(goid);
        io.procspec.testkit.Fixtures.forceStatus(g, G._Gwaiting);
        return g;
    }

    /**
     * ready changes the status first: what runqput would refuse after it (a P not the caller's, a
     * linked G, a spill under sched.lock, checked mode's double put) is refused before it.
     */
    @Test
    void readyNilNotParkedLinkedSpillOrQueued() {
        Proc proc = proc();
        P pp = proc.allp[0];
        G w = waiting(1);
        refused(proc, NullPointerException.class, "ready: nil g", () -> proc.ready(pp, null, true));
        refused(proc, NullPointerException.class, "ready: nil p", () -> proc.ready(null, w, true), w);
        G r = runnable(2);
        refused(proc, IllegalStateException.class, "bad g->status in ready: " + r + " is _Grunnable",
                () -> proc.goready(pp, r), r);
        G a = waiting(3);
        GQueue linked = queueOf(a, runnable(4)); // a user's queue still holds a
        refused(proc, IllegalStateException.class, "ready: " + a + " is on a list or queue (schedlink is set)",
                () -> proc.ready(pp, a, false), linked);
        proc.runqput(pp, runnable(5), true);
        fill(proc, pp);
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "ready: the caller holds sched.lock, and runqput would need it"
                    + " to spill p0's full ring to the global queue", () -> proc.goready(pp, w), w);
        } finally {
            proc.sched.lock.unlock();
        }
        G queued = pp.slot(pp.runqhead()); // in the ring; made to look parked
        io.procspec.testkit.Fixtures.forceStatus(queued, G._Gwaiting);
        refused(proc, IllegalStateException.class, "ready: " + queued + " is already runq (checked mode)",
                () -> proc.ready(pp, queued, false), queued);
        G next = pp.runnext(); // the runnext G, made to look parked: refused before its status changes
        io.procspec.testkit.Fixtures.forceStatus(next, G._Gwaiting);
        refused(proc, IllegalStateException.class, "ready: " + next + " is already " + pp + "'s runnext",
                () -> proc.ready(pp, next, true), next);
        assertThat(next.readgstatus()).isEqualTo(G._Gwaiting);
    }

    /** Checked mode tracks the G newproc queues: putting it again is refused, in the ring or in runnext. */
    @Test
    void checkedModeTracksTheGsNewprocQueues() {
        Proc proc = proc();
        P pp = proc.allp[0];
        G first = proc.newproc(pp, () -> { }, null);
        G second = proc.newproc(pp, () -> { }, null); // kicks first from runnext into the ring
        assertThat(pp.runnext()).isSameAs(second);
        refused(proc, IllegalStateException.class, "runqput: " + first + " is already runq (checked mode)",
                () -> proc.runqput(pp, first, false));
        G got = proc.runqget(pp).gp(); // the runnext G; no longer tracked as queued
        assertThat(got).isSameAs(second);
        proc.runqput(pp, got, false);
    }

    @Test
    void globrunqputbatchLockedRefusesBeforeItLocks() {
        Proc proc = proc();
        GQueue two = queueOf(runnable(1), runnable(2));
        G d = dead(proc, -1);
        GQueue bad = queueOf(runnable(3), d);
        proc.globrunqputLocked(runnable(4));
        refused(proc, NullPointerException.class, "globrunqputbatch: nil batch", () -> proc.globrunqputbatchLocked(null, 0));
        refused(proc, IllegalArgumentException.class, "globrunqputbatch: n is 3 but the queue holds 2 Gs",
                () -> proc.globrunqputbatchLocked(two, 3), two);
        refused(proc, IllegalStateException.class, "globrunqputbatch: " + d + " is not runnable (status _Gdead)",
                () -> proc.globrunqputbatchLocked(bad, 2), bad);
        refused(proc, IllegalArgumentException.class, "globrunqputbatch: the batch is the global queue itself",
                () -> proc.globrunqputbatchLocked(proc.sched.runq, 1));
        proc.sched.lock.lock();
        try {
            refused(proc, IllegalStateException.class, "lock: sched.lock already held by this thread (self-deadlock)",
                    () -> proc.globrunqputbatchLocked(two, 2), two);
        } finally {
            proc.sched.lock.unlock();
        }
    }

    /**
     * Sched.ready and injectglist from outside a G: a caller holding a scheduler lock used to have
     * the Gs' statuses changed before the global queue's lock refused; a G still linked on the
     * caller's own queue was linked twice.
     */
    @Test
    @Timeout(60)
    void schedReadyAndInjectglistMisuse() throws Exception {
        Sched s = new Sched(new ProcConfig().checked(true)).start(1);
        Proc proc = s.proc();
        java.util.concurrent.atomic.AtomicReference<G> parked = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch isParked = new CountDownLatch(1);
        s.go((Steps) new Steps() {
            boolean waited;

            @Override
            public Next step(G gp) {
                if (waited) {
                    return Next.EXIT;
                }
                waited = true;
                parked.set(gp);
                return Next.park(g -> {
                    isParked.countDown();
                    return true;
                });
            }
        });
        assertThat(isParked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(s.awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();
        G w = parked.get();
        refused(proc, NullPointerException.class, "ready: nil g", () -> s.ready(null));
        refused(proc, NullPointerException.class, "injectglist: nil list", () -> s.injectglist(null));
        refused(proc, NullPointerException.class, "go of nil func value", () -> s.go((Steps) null));
        for (Mutex m : new Mutex[] {proc.sched.lock, proc.sched.gFree.lock}) {
            String held = "the caller holds " + m.name() + ", which the scheduler needs; release it first";
            m.lock();
            try {
                refused(proc, IllegalStateException.class, "ready: " + held, () -> s.ready(w), w);
                refused(proc, IllegalStateException.class, "injectglist: " + held, () -> s.injectglist(List.of(w)), w);
                refused(proc, IllegalStateException.class, "go: " + held, () -> s.go((Steps) gp -> Next.EXIT));
            } finally {
                m.unlock();
            }
        }
        G other = runnable(77);
        GQueue mine = queueOf(w, other); // the caller's own queue still links w
        refused(proc, IllegalStateException.class, "ready: " + w + " is on a list or queue (schedlink is set)",
                () -> s.ready(w), mine);
        refused(proc, IllegalStateException.class, "injectglist: " + w + " is on a list or queue (schedlink is set)",
                () -> s.injectglist(List.of(w)), mine);
        assertThat(mine.pop()).isSameAs(w); // popped: no longer linked
        assertThat(s.stats().gsReadied()).isZero();
        s.ready(w);
        assertThat(s.awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();
        assertThat(s.stats().gsReadied()).isEqualTo(1);
        assertThat(s.shutdown()).isEmpty();
    }

    // ---- a P that is not the caller's, and Sched --------------------------------------------------

    @Test
    @Timeout(60)
    void aSchedulersPIsNotTheCallersIdleHeldOrAfterShutdown() throws Exception {
        Sched s = new Sched(new ProcConfig().checked(true)).start(1);
        Proc proc = s.proc();
        P pp = proc.allp[0];
        G g = runnable(1);
        refused(proc, IllegalStateException.class, "runqput: p0 is not the caller's P (it is idle in a scheduler)",
                () -> proc.runqput(pp, g, false), g);
        refused(proc, IllegalStateException.class, "newproc: p0 is not the caller's P (it is idle in a scheduler)",
                () -> proc.newproc(pp, FN, null));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        s.go(() -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            refused(proc, IllegalStateException.class, "runqget: p0 is not the caller's P (it is held by thread procspec-m0)",
                    () -> proc.runqget(pp));
            refused(proc, IllegalStateException.class, "runqsteal: p0 is not the caller's P (it is held by thread procspec-m0)",
                    () -> proc.runqsteal(pp, proc.newP(4), true));
            G d = dead(proc, Arch.StackMin);
            refused(proc, IllegalStateException.class, "gfput: p0 is not the caller's P (it is held by thread procspec-m0)",
                    () -> proc.gfput(pp, d), d);
        } finally {
            release.countDown();
        }
        assertThat(s.awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();
        assertThat(s.shutdown()).isEmpty();
        refused(proc, IllegalStateException.class, "gfget: p0 is not the caller's P (its scheduler was shut down)",
                () -> proc.gfget(pp));
        refused(proc, IllegalStateException.class, "globrunqgetLocked: p0 is not the caller's P (its scheduler was shut down)",
                () -> proc.globrunqgetLocked(pp, 0));
        G w = waiting(9);
        refused(proc, IllegalStateException.class, "ready: p0 is not the caller's P (its scheduler was shut down)",
                () -> proc.goready(pp, w), w);
        // a P the caller makes itself is its own
        P mine = proc.newP(3);
        proc.runqput(mine, g, false);
        assertThat(proc.runqget(mine).gp()).isSameAs(g);
    }

    @Test
    @Timeout(60)
    void schedGoAwaitAndShutdownWhileTheCallerHoldsASchedulerLock() throws Exception {
        Sched s = new Sched().start(1);
        Proc proc = s.proc();
        for (Mutex m : new Mutex[] {proc.sched.lock, proc.sched.gFree.lock}) {
            String held = "the caller holds " + m.name() + ", which the scheduler needs; release it first";
            Sched.Stats before = s.stats();
            m.lock();
            try {
                refused(proc, IllegalStateException.class, "go: " + held, () -> s.go(() -> {}));
                refused(proc, IllegalStateException.class, "shutdown: " + held, s::shutdown);
                refused(proc, IllegalStateException.class, "awaitQuiescence: " + held, () -> s.awaitQuiescence(1, TimeUnit.SECONDS));
            } finally {
                m.unlock();
            }
            assertThat(s.stats().gsCreated()).isEqualTo(before.gsCreated());
            assertThat(s.isShutdown()).isFalse();
        }
        // the scheduler still works: nothing was counted for the refused go
        int[] ran = {0};
        s.go(() -> ran[0]++);
        assertThat(s.awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ran[0]).isEqualTo(1);
        assertThat(s.shutdown()).isEmpty();
    }

    /** A field added to ProcConfig later must be copied too, or a Proc would run with its default. */
    @Test
    void aConfigCopyHasEveryField() throws Exception {
        ProcConfig c = new ProcConfig().nprocs(3).ringSize(8).counterStart(-5).goVersion(GoVersion.GO1_14)
                .point(SchedPoint.NONE).checked(true).gfree(8, 4, 2).goidBatch(4).startingStackSize(4096)
                .runnextBackoffNanos(7).schedtick(60).schedtickPeriod(3).stealTries(2).haveSysmon(false).malgHook(g -> { }).findRunnableChecks(new FindRunnableChecks() { });
        ProcConfig copy = c.copy();
        ProcConfig defaults = new ProcConfig();
        for (java.lang.reflect.Field f : ProcConfig.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            assertThat(f.get(copy)).as("copied %s", f.getName()).isEqualTo(f.get(c));
            if (!f.getName().equals("point")) { // the only default the test cannot change
                assertThat(f.get(c)).as("the test sets %s", f.getName()).isNotEqualTo(f.get(defaults));
            }
        }
    }

    @Test
    void laterChangesToAConfigDoNotReachAProcOrSched() {
        ProcConfig cfg = new ProcConfig().ringSize(4);
        Proc proc = new Proc(cfg);
        Sched s = new Sched(cfg);
        cfg.ringSize(8).gfree(8, 4, 4);
        assertThat(proc.newP(3).ringSize()).isEqualTo(4);
        assertThat(proc.config().gfreeLocalMax()).isEqualTo(64);
        proc.config().gfree(16, 8, 8); // config() is a copy too
        assertThat(proc.config().gfreeLocalMax()).isEqualTo(64);
        s.start(1);
        assertThat(s.proc().allp[0].ringSize()).isEqualTo(4);
        s.shutdown();
    }
}
