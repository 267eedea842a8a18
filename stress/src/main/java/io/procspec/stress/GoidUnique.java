package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.Proc;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.HashSet;
import java.util.Set;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 9. goid batches of 2 ({@code goidBatch(2)}), so both Ps refill their goid cache from
 * sched.goidgen (an atomic add) while racing: each creates three Gs with newproc1 (two batches
 * each). Batches are disjoint, so all six goids differ, and goidgen ends at 4 batches × 2.
 *
 * <p>r1: 1 if the six goids are distinct and in 1..8; r2: sched.goidgen at the end.
 */
@JCStressTest
@Description("goid allocation on two Ps: unique goids")
@Outcome(id = "1, 8", expect = ACCEPTABLE, desc = "Each P took two disjoint batches from goidgen by atomic add: six distinct goids in 1..8, goidgen 8.")
@Outcome(expect = FORBIDDEN, desc = "A goid given twice (overlapping batches: a goidgen update that is not atomic) or a wrong goidgen.")
@State
public class GoidUnique {
    final Proc proc = new Proc(Configs.ring4().nprocs(2).goidBatch(2));
    final G[] a = new G[3];
    final G[] b = new G[3];

    @Actor
    public void p0() {
        for (int i = 0; i < 3; i++) {
            a[i] = proc.newproc1(proc.allp[0], Configs.FN, null, 0);
        }
    }

    @Actor
    public void p1() {
        for (int i = 0; i < 3; i++) {
            b[i] = proc.newproc1(proc.allp[1], Configs.FN, null, 0);
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        Set<Long> ids = new HashSet<>();
        boolean ok = true;
        for (G g : a) {
            ok &= g.goid >= 1 && g.goid <= 8 && ids.add(g.goid);
        }
        for (G g : b) {
            ok &= g.goid >= 1 && g.goid <= 8 && ids.add(g.goid);
        }
        r.r1 = ok ? 1 : 0;
        r.r2 = (int) proc.sched.loadVolatileGoidgen();
    }
}
