package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A G made from a Runnable uses its own funcval, so that with G reuse the only allocation per
 * {@code go} is the caller's closure; the funcval keeps no closure alive once its G has run; a
 * function's synthetic entry PC is its class's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoAllocationTest {

    @Test
    void newprocOfARunnableFillsTheGsOwnFuncval() {
        Proc proc = new Proc(new ProcConfig().nprocs(1));
        P pp = proc.allp[0];
        Runnable r = () -> {};
        G g = proc.newproc(pp, r, null);
        assertThat(g.sched.ctxt).isSameAs(g.fnbuf);
        assertThat(g.fnbuf.body).isSameAs(r);
        assertThat(g.startpc).isEqualTo(g.fnbuf.fn).isEqualTo(g.sched.pc);
        // one PC per function: every closure of this lambda shares it, as Go's closures share code
        Runnable[] same = new Runnable[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            same[i] = () -> System.out.print(k);
        }
        assertThat(new FuncVal(same[0]).fn).isEqualTo(new FuncVal(same[1]).fn).isNotEqualTo(g.startpc);
    }

    @Test
    void aFinishedGKeepsNoClosureAlive() throws InterruptedException {
        Sched s = new Sched().start(2);
        try {
            AtomicLong ran = new AtomicLong();
            for (int i = 0; i < 1000; i++) {
                s.go(ran::incrementAndGet);
            }
            assertThat(s.awaitQuiescence(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get()).isEqualTo(1000);
            for (G g : s.proc().allgs()) {
                assertThat(g.readgstatus()).isEqualTo(G._Gdead);
                assertThat(g.fnbuf.body).as("funcval of a dead G").isNull();
                assertThat(g.sched.ctxt).isNull();
            }
        } finally {
            s.shutdown();
        }
    }

    @Test
    void creatingRunningAndFreeingGsAllocatesNothingOnceWarm() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(tm.isThreadAllocatedMemorySupported() && tm.isThreadAllocatedMemoryEnabled());
        Proc proc = new Proc(new ProcConfig().nprocs(1));
        P pp = proc.allp[0];
        Runnable fn = () -> {};
        // newproc → runqget → (run) → _Gdead → gfput, on one P, as Sched does per G
        cycle(proc, pp, fn, 200_000); // warm up: the JIT, the free list
        long tid = Thread.currentThread().getId();
        long before = tm.getThreadAllocatedBytes(tid);
        int n = 200_000;
        cycle(proc, pp, fn, n);
        long bytes = tm.getThreadAllocatedBytes(tid) - before;
        assertThat((double) bytes / n).as("bytes allocated per G").isLessThan(1.0);
    }

    private static void cycle(Proc proc, P pp, Runnable fn, int n) {
        for (int i = 0; i < n; i++) {
            proc.newproc(pp, fn, null);
            G gp = proc.runqgetG(pp);
            proc.casgstatus(gp, G._Grunnable, G._Grunning);
            gp.sched.ctxt = null;
            gp.fnbuf.clear();
            proc.casgstatus(gp, G._Grunning, G._Gdead);
            proc.gfput(pp, gp);
        }
    }
}
