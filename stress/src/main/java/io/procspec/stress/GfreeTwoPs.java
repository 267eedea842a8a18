package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 8, both Ps at once. {@code gfree(2, 1, 1)}. P0 frees G1 (no stack) and G2 (stack), P1 frees
 * G3 (no stack) and G4 (stack); each second gfput spills both of that P's Gs to the global lists
 * under sched.gFree.lock. Then each P calls gfget: its own list is empty, so it refills one G from
 * the global lists, preferring the stack list. Since each P spilled a G with a stack before its own
 * gfget, and the other P takes at most one, both always get a G with a stack, and they differ.
 *
 * <p>r1, r2: goids P0, P1 got; r3: 1 if the free lists are consistent (see {@link GfreeChecks});
 * r4: sched.gFree.n.
 */
@JCStressTest
@Description("gfput/gfget on two Ps with concurrent spills and refills: no G lost or duplicated; with-stack Gs preferred")
@Outcome(id = "2, 4, 1, 2", expect = ACCEPTABLE, desc = "P0 refilled G2 (its own spilled G with a stack, or the only one yet), P1 G4; G1 and G3 stay on the noStack list.")
@Outcome(id = "4, 2, 1, 2", expect = ACCEPTABLE, desc = "Both spilled before P0's refill: P0 took the stack list's head G4, P1 then G2; G1 and G3 stay global.")
@Outcome(expect = FORBIDDEN, desc = "Both got the same G, a G without a stack was preferred, a G lost, or a count out of step with its list.")
@State
public class GfreeTwoPs {
    final Proc proc = new Proc(Configs.ring4().nprocs(2).gfree(2, 1, 1));
    final G[] gs = {
        Fixtures.dead(proc, 1, false), Fixtures.dead(proc, 2, true),
        Fixtures.dead(proc, 3, false), Fixtures.dead(proc, 4, true)};
    G got0;
    G got1;

    @Actor
    public void p0() {
        proc.gfput(proc.allp[0], gs[0]);
        proc.gfput(proc.allp[0], gs[1]);
        got0 = proc.gfget(proc.allp[0]);
    }

    @Actor
    public void p1() {
        proc.gfput(proc.allp[1], gs[2]);
        proc.gfput(proc.allp[1], gs[3]);
        got1 = proc.gfget(proc.allp[1]);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r1 = Fixtures.id(got0);
        r.r2 = Fixtures.id(got1);
        List<G> taken = Fixtures.one(got0);
        taken.addAll(Fixtures.one(got1));
        r.r3 = GfreeChecks.consistent(proc, gs, taken) ? 1 : 0;
        r.r4 = proc.sched.gFree.n;
    }
}
