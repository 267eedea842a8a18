package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 10b. Two different transitions out of _Grunnable race on one G: _Grunnable → _Grunning and
 * _Grunnable → _Gdead. Exactly one wins and the final status is the winner's target.
 *
 * <p>r1: 1 if the → _Grunning CAS won; r2: 1 if the → _Gdead CAS won; r3: final status (2 running, 6 dead).
 */
@JCStressTest
@Description("casgstatus: two different transitions from the same status, exactly one wins")
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE, desc = "→ _Grunning won; → _Gdead saw _Grunning and threw.")
@Outcome(id = "0, 1, 6", expect = ACCEPTABLE, desc = "→ _Gdead won; → _Grunning saw _Gdead and threw.")
@Outcome(expect = FORBIDDEN, desc = "Both or neither won, or the final status is not the winner's target.")
@State
public class CasgstatusDifferentTransitions {
    final Proc proc = new Proc(Configs.ring4());
    final G gp = Fixtures.runnable(1);

    @Actor
    public void toRunning(III_Result r) {
        r.r1 = CasgstatusSameTransition.tryCas(proc, gp, G._Grunning);
    }

    @Actor
    public void toDead(III_Result r) {
        r.r2 = CasgstatusSameTransition.tryCas(proc, gp, G._Gdead);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = gp.readgstatus();
    }
}
