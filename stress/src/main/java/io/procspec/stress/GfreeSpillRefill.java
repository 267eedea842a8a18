package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;



import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 8. Free lists scaled down: {@code gfree(localMax 2, localKeep 1, refill 1)}. P0 frees G1 (no
 * stack) and G2 (standard stack): the second gfput reaches localMax and spills both to the global
 * lists (G2 to sched.gFree.stack, G1 to noStack) in one sched.gFree.lock section. P1's gfget finds
 * its list empty, checks the global lists without the lock, and refills one G under it, preferring
 * one with a stack.
 *
 * <p>r1: goid P1 got (0 = none, 2 = the G with a stack); r2: 1 if that G has a stack; r3: 1 if
 * every G is in exactly one place, each list's count equals its length, the global lists hold
 * only Gs of their kind, and G2 kept its own stack; r4: sched.gFree.n.
 */
@JCStressTest
@Description("gfput spill vs gfget refill on two Ps: no G lost or duplicated, counts match, with-stack Gs preferred")
@Outcome(id = "0, 0, 1, 2", expect = ACCEPTABLE, desc = "P1's gfget ran before the spill was visible: no free G anywhere for it (newproc1 would malg); both Gs are on the global lists.")
@Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "P1 refilled after the spill and took G2, the one with a stack (preferred), keeping that stack; G1 stays on sched.gFree.noStack.")
@Outcome(id = "1, 1, 1, 1", expect = FORBIDDEN, desc = "P1 took G1 (no stack) while G2 with a stack was free: the with-stack preference is broken.")
@Outcome(expect = FORBIDDEN, desc = "A G lost or duplicated, a count out of step with its list, or a G on the wrong global list.")
@State
public class GfreeSpillRefill {
    final Proc proc = new Proc(Configs.ring4().nprocs(2).gfree(2, 1, 1));
    final P p0 = proc.allp[0];
    final P p1 = proc.allp[1];
    final G g1 = Fixtures.dead(proc, 1, false);
    final G g2 = Fixtures.dead(proc, 2, true);
    final io.procspec.runtime.Stack g2stack = g2.stack;
    G got;

    @Actor
    public void freer() {
        proc.gfput(p0, g1);
        proc.gfput(p0, g2);
    }

    @Actor
    public void getter() {
        got = proc.gfget(p1);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r1 = Fixtures.id(got);
        r.r2 = got != null && got.stack.present() ? 1 : 0;
        r.r3 = GfreeChecks.consistent(proc, new G[] {g1, g2}, Fixtures.one(got))
                && (got != g2 || got.stack == g2stack) ? 1 : 0;
        r.r4 = proc.sched.gFree.n;
    }
}
