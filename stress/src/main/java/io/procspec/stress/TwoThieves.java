package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 5, two-actor form (runs on two CPUs): two thieves steal from one ring of 8 holding four Gs
 * while its owner is not running. The first to commit takes 2, the second half of the 2 left.
 *
 * <p>r1, r2: Gs thief A, B hold; r3: Gs left; r4: 1 if every G is in exactly one place.
 */
@JCStressTest
@Description("two thieves on one ring: no G lost or duplicated")
@Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "Thief A's CAS of runqhead came first: A took 2 of 4, B 1 of the 2 left.")
@Outcome(id = "1, 2, 1, 1", expect = ACCEPTABLE, desc = "Thief B's CAS came first: the mirror image.")
@Outcome(expect = FORBIDDEN, desc = "A G stolen twice or lost, or a steal of the wrong size.")
@State
public class TwoThieves extends Thieves {

    public TwoThieves() {
        super("real", "real");
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
