package io.procspec.stress.broken;

import io.procspec.stress.Thieves;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 5's two-actor form ({@code TwoThieves}): both thieves use a runqgrab that
 * stores runqhead instead of CASing it (bug {@code runqgrab_no_cas}, a twin from the catalogue in mutants/). Two thieves that read
 * the same head copy the same slots: a G stolen twice (r4 = 0).
 */
@JCStressTest
@Description("BROKEN (runqgrab moves head without CAS): two thieves on one ring")
@Outcome(id = {"2, 1, 1, 1", "1, 2, 1, 1"}, expect = ACCEPTABLE, desc = "One thief after the other (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: the same Gs stolen by both thieves (or a G lost).")
@State
public class BrokenTwoThievesNoCas extends Thieves {

    public BrokenTwoThievesNoCas() {
        super("real", "runqgrab_no_cas");
    }

    @Actor
    public void thiefA() {
        thiefAsteals();
    }

    @Actor
    public void thiefB() {
        thiefBsteals();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        judge(r);
    }
}
