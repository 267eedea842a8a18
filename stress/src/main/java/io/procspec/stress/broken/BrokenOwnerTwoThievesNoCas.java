package io.procspec.stress.broken;

import io.procspec.stress.Thieves;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIIII_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 5 ({@code OwnerTwoThieves}, three actors: needs three CPUs): the owner's
 * runqget and both thieves' runqgrab advance runqhead by a store instead of a CAS. Any two
 * consumers that read the same head take the same Gs.
 */
@JCStressTest
@Description("BROKEN (consumers move head without CAS): owner runqget + two thieves on one ring")
@Outcome(id = {"1, 2, 1, 0, 1", "1, 1, 2, 0, 1"}, expect = ACCEPTABLE, desc = "The three committed one after another (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: a G taken twice, or lost.")
@State
public class BrokenOwnerTwoThievesNoCas extends Thieves {

    public BrokenOwnerTwoThievesNoCas() {
        super("runqget_no_cas", "runqgrab_no_cas");
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
