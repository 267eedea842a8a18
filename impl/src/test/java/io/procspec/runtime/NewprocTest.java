package io.procspec.runtime;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.procspec.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.*;

/** newproc / newproc1 / malg: status, frame, goids, the Go 1.14 argument copy, misuse. */
class NewprocTest {

    @Test
    void newprocMakesARunnableGInRunnextWithAFrameThatReturnsIntoGoexit() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).checked(true));
        P pp = proc.allp[0];
        FuncVal fn = new FuncVal(() -> {});
        G parent = runnable(77);
        parent.startpc = 0x9000;
        G g = proc.newproc(pp, fn, parent);

        assertThat(g.readgstatus()).isEqualTo(G._Grunnable);
        assertThat(pp.runnext()).isSameAs(g);
        assertThat(g.goid).isEqualTo(1);
        assertThat(g.parentGoid).isEqualTo(77);
        assertThat(g.startpc).isEqualTo(fn.fn);
        assertThat(g.gopc).isEqualTo(0x9001);
        assertThat(proc.allgs()).containsExactly(g);

        // sp = stack.hi - alignUp(4*PtrSize + MinFrameSize, StackAlign), then gostartcall pushes one word
        assertThat(g.stktopsp).isEqualTo(g.stack.hi() - 32);
        assertThat(g.sched.sp).isEqualTo(g.stktopsp - Arch.PtrSize);
        assertThat(g.sched.sp % Arch.StackAlign).isZero();
        assertThat(g.sched.sp).isBetween(g.stack.lo(), g.stack.hi() - 1);
        assertThat(g.sched.retaddr).isEqualTo(Arch.GOEXIT_PC + Arch.PCQuantum);
        assertThat(g.sched.pc).isEqualTo(fn.fn);
        assertThat(g.sched.ctxt).isSameAs(fn);
        assertThat(g.sched.g).isSameAs(g);
        assertThat(g.stack.size()).isEqualTo(2048);
        assertThat(g.stackguard0).isEqualTo(g.stack.lo() + Arch.StackGuard);
    }

    @Test
    void goidsComeInPerPBatchesOf16AndAreUnique() {
        Proc proc = new Proc(new ProcConfig().nprocs(2));
        Set<Long> goids = new HashSet<>();
        long[] first = new long[2];
        for (int i = 0; i < 40; i++) {
            P pp = proc.allp[i % 2];
            G g = proc.newproc1(pp, new FuncVal(() -> {}), null, 0);
            assertThat(goids.add(g.goid)).isTrue();
            if (i < 2) {
                first[i] = g.goid;
            }
        }
        assertThat(first).containsExactly(1, 17);
        assertThat(proc.sched.loadVolatileGoidgen()).isEqualTo(64); // 2 Ps × 2 batches of 16
    }

    @Test
    void newprocReusesFreeGsAndItsStack() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).checked(true));
        P pp = proc.allp[0];
        G g = proc.newproc1(pp, new FuncVal(() -> {}), null, 0);
        Stack s = g.stack;
        proc.casgstatus(g, G._Grunnable, G._Gdead);
        proc.gfput(pp, g);
        G again = proc.newproc1(pp, new FuncVal(() -> {}), null, 0);
        assertThat(again).isSameAs(g);
        assertThat(again.stack).isEqualTo(s);
        assertThat(again.goid).isEqualTo(2);
        assertThat(proc.stats().gsReused()).isEqualTo(1);
        assertThat(proc.stats().gsAllocated()).isEqualTo(1);
    }

    @Test
    void go114CopiesArgumentsOntoTheStack() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).goVersion(GoVersion.GO1_14));
        P pp = proc.allp[0];
        byte[] args = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        G g = proc.newproc(pp, args.length, new FuncVal(() -> {}), args, null);
        // siz rounds 11 up to 16; totalSize = 4*8 + 16 + 0
        assertThat(g.stktopsp).isEqualTo(g.stack.hi() - 48);
        assertThat(g.argp).isEqualTo(g.stktopsp);
        assertThat(g.args).containsExactly(args);
        assertThat(g.argp + 16).isLessThanOrEqualTo(g.stack.hi() - 32);
        assertThat(g.sched.retaddr).isEqualTo(Arch.GOEXIT_PC + Arch.PCQuantum);
    }

    @Test
    void go114ArgumentsTooLargeThrowBeforeAnyGIsTaken() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).goVersion(GoVersion.GO1_14));
        P pp = proc.allp[0];
        // 2048 - 4*8 - 8 = 2008: 2001 rounds up to 2008 and no longer fits; 2000 does
        byte[] big = new byte[2001];
        assertThatIllegalStateException().isThrownBy(() -> proc.newproc(pp, 2001, new FuncVal(() -> {}), big, null))
                .withMessage("newproc: function arguments too large for new goroutine");
        assertThat(proc.allgs()).isEmpty();
        assertThat(pp.runnext()).isNull();
        G ok = proc.newproc(pp, 2000, new FuncVal(() -> {}), new byte[2000], null);
        assertThat(ok.stktopsp).isGreaterThanOrEqualTo(ok.stack.lo());
    }

    @Test
    void nilFunctionIsRefusedWithNothingChanged() {
        Proc proc = new Proc(new ProcConfig().nprocs(1));
        P pp = proc.allp[0];
        assertThatNullPointerException().isThrownBy(() -> proc.newproc(pp, (Runnable) null, null))
                .withMessage("go of nil func value");
        assertThatNullPointerException().isThrownBy(() -> proc.newproc(pp, (FuncVal) null, null))
                .withMessage("go of nil func value");
        assertThat(proc.allgs()).isEmpty();
        assertThat(proc.stacks.allocated()).isZero();
        assertThat(pp.runnext()).isNull();
    }

    @Test
    void newproc1ThrowsOnAFreeGWithoutStatusDead() {
        Proc proc = new Proc(new ProcConfig().nprocs(1));
        P pp = proc.allp[0];
        G g = proc.malg(2048);
        proc.casgstatus(g, G._Gidle, G._Gdead);
        proc.gfput(pp, g);
        forceStatus(g, G._Grunnable); // corrupt it behind the free list's back
        assertThatIllegalStateException().isThrownBy(() -> proc.newproc1(pp, new FuncVal(() -> {}), null, 0))
                .withMessage("newproc1: new g is not Gdead");
    }

    @Test
    void runqputRefusesNonRunnableAndDoubleQueuedGsLeavingQueuesUnchanged() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(4).checked(true));
        P pp = proc.allp[0];
        G a = runnable(1);
        G b = runnable(2);
        proc.runqput(pp, a, false);
        proc.runqput(pp, b, true);
        G dead = runnable(3);
        forceStatus(dead, G._Gdead);
        for (boolean next : new boolean[] {false, true}) {
            assertThatIllegalStateException().isThrownBy(() -> proc.runqput(pp, dead, next))
                    .withMessageContaining("not runnable");
            assertThatIllegalStateException().isThrownBy(() -> proc.runqput(pp, a, next))
                    .withMessageContaining("already runq");
            assertThatNullPointerException().isThrownBy(() -> proc.runqput(pp, null, next));
        }
        proc.sched.lock.lock();
        try {
            assertThatIllegalStateException().isThrownBy(() -> proc.globrunqput(b))
                    .withMessageContaining("already runq");
            assertThatIllegalStateException().isThrownBy(() -> proc.globrunqput(dead))
                    .withMessageContaining("not runnable");
        } finally {
            proc.sched.lock.unlock();
        }
        assertThat(pp.runnext()).isSameAs(b);
        assertThat(pp.runqSnapshot()).containsExactly(a);
        assertThat(proc.sched.runqsize()).isZero();
    }

    @Test
    void globalQueueFunctionsRequireTheLock() {
        Proc proc = new Proc(1);
        assertThatIllegalStateException().isThrownBy(() -> proc.globrunqput(runnable(1)))
                .withMessageContaining("assertLockHeld");
        assertThatIllegalStateException().isThrownBy(() -> proc.globrunqget(proc.allp[0], 0))
                .withMessageContaining("assertLockHeld");
    }

    @Test
    void casgstatusRefusesAWrongTransition() {
        Proc proc = new Proc(1);
        G g = proc.malg(2048);
        assertThatIllegalStateException().isThrownBy(() -> proc.casgstatus(g, G._Gdead, G._Grunnable))
                .withMessageContaining("is _Gidle, not _Gdead");
        assertThat(g.readgstatus()).isEqualTo(G._Gidle);
        assertThatIllegalStateException().isThrownBy(() -> proc.casgstatus(g, G._Gidle, G._Gidle))
                .withMessage("casgstatus: bad incoming values");
    }

    @Test
    void configRejectsBadValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProcConfig().nprocs(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProcConfig().nprocs(-3));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProcConfig().ringSize(6));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProcConfig().ringSize(1));
        assertThatIllegalArgumentException().isThrownBy(() -> new P(0, 12, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProcConfig().gfree(4, 8, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProcConfig().startingStackSize(3000));
        assertThatIllegalArgumentException().isThrownBy(() -> new Proc(1).setStartingStackSize(1024));
    }

    @Test
    void wakepIsCalledOnlyAfterMainStartedAndOnlyWithoutASpinningM() {
        Proc proc = new Proc(new ProcConfig().nprocs(1));
        P pp = proc.allp[0];
        int[] calls = {0};
        proc.setWakeHook(p -> calls[0]++); // keeps nmspinning at 1: "an M is spinning"
        proc.newproc(pp, () -> {}, null);
        assertThat(calls[0]).isZero();
        proc.setMainStarted(true);
        proc.newproc(pp, () -> {}, null);
        assertThat(calls[0]).isEqualTo(1);
        proc.newproc(pp, () -> {}, null);
        assertThat(calls[0]).as("a spinning M exists").isEqualTo(1);
        assertThat(proc.sched.addVolatileNmspinning(-1)).as("the hook kept the spinning count").isZero();
        proc.setWakeHook(Proc.WakeHook.NONE);
        proc.wakep();
        assertThat(proc.sched.loadVolatileNmspinning()).as("no M to start: increment undone").isZero();
    }

    /**
     * ready (goready): a parked G goes to the readier's runnext, kicking the old runnext to the
     * ring, and wakep is called; a G that is not _Gwaiting is refused with Go's message and nothing
     * changes.
     */
    @Test
    void readyPutsTheGInRunnextAndWakes() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(8).checked(true));
        P pp = proc.allp[0];
        int[] wakes = {0};
        proc.setWakeHook(p -> {
            wakes[0]++;
            p.sched.addVolatileNmspinning(-1); // no M to start
        });
        G old = runnable(1);
        proc.runqput(pp, old, true);
        G w = runnable(2);
        forceStatus(w, G._Gwaiting);
        proc.goready(pp, w);
        assertThat(w.readgstatus()).isEqualTo(G._Grunnable);
        assertThat(pp.runnext()).isSameAs(w);
        assertThat(pp.runqSnapshot()).containsExactly(old);
        assertThat(wakes[0]).isEqualTo(1);

        G running = runnable(3);
        forceStatus(running, G._Grunning);
        assertThatIllegalStateException().isThrownBy(() -> proc.ready(pp, running, false))
                .withMessageContaining("bad g->status in ready");
        assertThatIllegalStateException().isThrownBy(() -> proc.goready(pp, w))
                .withMessageContaining("bad g->status in ready");
        assertThat(running.readgstatus()).isEqualTo(G._Grunning);
        assertThat(pp.runnext()).isSameAs(w);
        assertThat(pp.runqSnapshot()).containsExactly(old);
        assertThat(wakes[0]).as("no wakep for a refused ready").isEqualTo(1);
    }

    /** globrunqputbatchLocked (injectglist's hand-off) checks every G and the count before it locks. */
    @Test
    void globrunqputbatchLockedRefusesBadInputUnchanged() {
        Proc proc = new Proc(new ProcConfig().nprocs(1));
        GQueue q = new GQueue();
        G a = runnable(1);
        G b = runnable(2);
        q.pushBack(a);
        q.pushBack(b);
        assertThatIllegalArgumentException().isThrownBy(() -> proc.globrunqputbatchLocked(q, 3))
                .withMessageContaining("n is 3");
        assertThat(proc.sched.runqsize()).isZero();
        proc.globrunqputbatchLocked(q, 2);
        assertThat(proc.sched.runqSnapshot()).containsExactly(a, b);
        assertThat(proc.sched.runqsize()).isEqualTo(2);
    }

    @Test
    void globrunqgetTakesTheFairShareCappedAsGoDoes() {
        Proc proc = new Proc(new ProcConfig().nprocs(4).ringSize(8).checked(true));
        P pp = proc.allp[0];
        G[] gs = runnableGs(20);
        for (G g : gs) {
            proc.globrunqputLocked(g);
        }
        // 20/4+1 = 6, capped at half the ring (4): one returned, three on the ring
        G first = proc.globrunqgetLocked(pp, 0);
        assertThat(first).isSameAs(gs[0]);
        assertThat(pp.runqSnapshot()).containsExactly(gs[1], gs[2], gs[3]);
        assertThat(proc.sched.runqsize()).isEqualTo(16);
        assertThat(proc.globrunqgetLocked(proc.allp[1], 1)).isSameAs(gs[4]);
        assertThat(proc.allp[1].runqSnapshot()).isEmpty();
        G[] rest = drainByGet(proc, pp).toArray(new G[0]);
        assertThat(rest).containsExactly(gs[1], gs[2], gs[3]);
        proc.globrunqputheadLocked(rest[0]);
        assertThat(proc.sched.runqSnapshot().get(0)).isSameAs(gs[1]);
    }

    @Test
    void go125GlobrunqgetBatchThenRunqputbatch() {
        Proc proc = new Proc(new ProcConfig().nprocs(2).ringSize(8).goVersion(GoVersion.GO1_25));
        P pp = proc.allp[0];
        G[] gs = runnableGs(9);
        for (G g : gs) {
            proc.globrunqputLocked(g);
        }
        // min(len/2 = 4, 9, 9/2+1 = 5) = 4
        assertThat(proc.globrunqgetLocked(pp, 0)).isSameAs(gs[0]);
        assertThat(pp.runqSnapshot()).containsExactly(gs[1], gs[2], gs[3]);
        assertThat(proc.globrunqgetLocked(pp, 1)).isSameAs(gs[4]);
        assertThat(proc.sched.runqsize()).isEqualTo(4);
    }

    @Test
    void runqputbatchSpillsTheRestToTheGlobalQueueInGo121() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(4).checked(true));
        P pp = proc.allp[0];
        GQueue q = new GQueue();
        G[] gs = runnableGs(6);
        for (G g : gs) {
            q.pushBack(g);
        }
        proc.runqputbatch(pp, q, 6);
        assertThat(q.empty()).isTrue();
        assertThat(pp.runqSnapshot()).containsExactly(gs[0], gs[1], gs[2], gs[3]);
        assertThat(proc.sched.runqSnapshot()).containsExactly(gs[4], gs[5]);
        assertThat(proc.sched.runqsize()).isEqualTo(2);
        List<G> got = drainByGet(proc, pp);
        assertThat(got).hasSize(4);
    }

    @Test
    void withoutSysmonGo125AvoidsRunnextAndEarlierVersionsDoNot() {
        for (GoVersion v : GoVersion.values()) {
            for (boolean sysmon : new boolean[] {true, false}) {
                Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(8).goVersion(v).haveSysmon(sysmon));
                P pp = proc.allp[0];
                G a = proc.newproc(pp, new FuncVal(() -> {}), null);
                G b = runnableGs(1)[0];
                proc.runqput(pp, b, true); // goready's form
                boolean avoid = v == GoVersion.GO1_25 && !sysmon;
                if (avoid) { // "If there is no sysmon, we must avoid runnext entirely" (Go 1.23+)
                    assertThat(pp.runnext()).as(v + " without sysmon").isNull();
                    assertThat(pp.runqSnapshot()).as(v + " without sysmon").containsExactly(a, b);
                } else {
                    assertThat(pp.runnext()).as(v + (sysmon ? " with" : " without") + " sysmon").isSameAs(b);
                    assertThat(pp.runqSnapshot()).containsExactly(a); // kicked out of runnext by b
                }
            }
        }
    }
}
