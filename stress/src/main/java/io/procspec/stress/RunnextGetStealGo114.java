package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 3 with Go 1.14's runqget, which loops on runnext until it is nil or its CAS succeeds. The
 * owner's G is in runnext, the ring is empty; the thief's runqgrab finds the ring empty and CASes
 * runnext to nil. Exactly one CAS succeeds.
 *
 * <p>r1: goid the owner got; r2: goid the thief got; r3: Gs left anywhere.
 */
@JCStressTest
@Description("runnext: Go 1.14 runqget (retrying runnext CAS) vs thief stealing runnext: exactly one gets it")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "The owner's CAS of runnext won; the thief's CAS failed, it retried and found nothing.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The thief's CAS of runnext won; the owner retried, saw runnext nil, and the ring was empty.")
@Outcome(id = "1, 1, 0", expect = FORBIDDEN, desc = "Both got the G: runnext taken without a CAS.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "Neither got it although runnext held a G throughout.")
@Outcome(expect = FORBIDDEN, desc = "Any other result.")
@State
public class RunnextGetStealGo114 extends OwnerThief {

    public RunnextGetStealGo114() {
        super(Configs.ring4Go114(), "real");
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
