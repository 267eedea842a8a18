package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIIII_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 5 (three actors: needs three CPUs, skipped on fewer). Four Gs on the owner's ring of 8.
 * The owner takes one with runqget while two thieves each steal half of what they see. Every
 * consumer commits by a CAS of runqhead, so the result is that of some order of the three: the
 * owner always gets 1, the first thief to commit 2 (or 1 after the owner), the other the rest.
 *
 * <p>r1: Gs the owner got; r2, r3: Gs thief A, B hold; r4: Gs left on the owner's ring;
 * r5: 1 if every G is in exactly one place.
 */
@JCStressTest
@Description("owner runqget + two thieves on one ring: no G lost or duplicated")
@Outcome(id = "1, 2, 1, 0, 1", expect = ACCEPTABLE, desc = "Thief A committed before thief B (A saw 4 or 3 Gs and took 2, B took the last of its 1 or 2).")
@Outcome(id = "1, 1, 2, 0, 1", expect = ACCEPTABLE, desc = "Thief B committed before thief A: the mirror image.")
@Outcome(expect = FORBIDDEN, desc = "A G taken twice or lost, or a steal of the wrong size (not half of a consistent snapshot).")
@State
public class OwnerTwoThieves extends Thieves {

    public OwnerTwoThieves() {
        super("real", "real");
    }

    @Actor
    public void owner() {
        ownerGets();
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
    public void arbiter(IIIII_Result r) {
        judgeWithOwner(r);
    }
}
