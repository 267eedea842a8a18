package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 10. Two threads race casgstatus(gp, _Grunnable, _Grunning) on the same G (as two Ps that
 * both dequeued it would). The status CAS lets exactly one win; procspec's casgstatus throws
 * IllegalStateException for the loser (Go would spin forever: there is no GC scan bit here).
 *
 * <p>r1, r2: 1 if that actor's casgstatus succeeded, 0 if it threw; r3: final status (2 = _Grunning).
 */
@JCStressTest
@Description("casgstatus: two actors racing the same transition, exactly one wins")
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE, desc = "Actor 1's CAS won; actor 2 saw _Grunning, not _Grunnable, and got IllegalStateException.")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "Actor 2's CAS won; actor 1 lost.")
@Outcome(id = "1, 1, 2", expect = FORBIDDEN, desc = "Both won the same transition: two Ps would run one G.")
@Outcome(expect = FORBIDDEN, desc = "Neither won, or a wrong final status.")
@State
public class CasgstatusSameTransition {
    final Proc proc = new Proc(Configs.ring4());
    final G gp = Fixtures.runnable(1);

    static int tryCas(Proc proc, G gp, int to) {
        try {
            proc.casgstatus(gp, G._Grunnable, to);
            return 1;
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    @Actor
    public void a1(III_Result r) {
        r.r1 = tryCas(proc, gp, G._Grunning);
    }

    @Actor
    public void a2(III_Result r) {
        r.r2 = tryCas(proc, gp, G._Grunning);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = gp.readgstatus();
    }
}
