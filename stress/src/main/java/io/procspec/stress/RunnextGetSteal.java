package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 3. The owner's G is in runnext, the ring is empty. The owner's runqget CASes runnext to nil
 * (Go 1.21: once, no retry); the thief's runqgrab finds the ring empty and CASes runnext to nil.
 * Exactly one CAS succeeds.
 *
 * <p>r1: goid the owner got; r2: goid the thief got; r3: Gs left anywhere.
 */
@JCStressTest
@Description("runnext: owner runqget vs thief stealing runnext: exactly one gets it")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "The owner's CAS of runnext won; the thief's CAS failed, it retried and found nothing.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The thief's CAS of runnext won; the owner's CAS failed (only a thief can clear runnext, so no retry) and the ring was empty.")
@Outcome(id = "1, 1, 0", expect = FORBIDDEN, desc = "Both got the G: runnext taken without a CAS.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "Neither got it although runnext held a G throughout.")
@Outcome(expect = FORBIDDEN, desc = "Any other result.")
@State
public class RunnextGetSteal extends OwnerThief {

    public RunnextGetSteal() {
        super(Configs.ring4(), "real");
        queued(1, true);
    }

    @Actor
    public void owner(III_Result r) {
        r.r1 = ownerGets();
    }

    @Actor
    public void thief(III_Result r) {
        r.r2 = thiefSteals(true);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = leftOnBoth();
    }
}
