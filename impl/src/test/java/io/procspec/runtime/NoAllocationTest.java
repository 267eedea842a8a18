package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

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
}
