package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 2. One G on the owner's ring (runnext empty). The owner's runqget and a thief's runqsteal
 * both read the slot and race to CAS runqhead from h to h+1: exactly one wins.
 *
 * <p>r1: goid the owner got (0 = none); r2: goid the thief got; r3 (arbiter): Gs left anywhere.
 */
@JCStressTest
@Description("runqget vs runqsteal for the last G in the ring: exactly one gets it")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "The owner's CAS of runqhead won; the thief's failed, it re-read an empty ring and stole nothing.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The thief's CAS of runqhead won; the owner's failed, it re-read an empty ring and got nothing.")
@Outcome(id = "1, 1, 0", expect = FORBIDDEN, desc = "Both own the G: two consumers committed the same slot (a head update that is not a CAS).")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "Neither took it although both ran to completion on a non-empty queue.")
@Outcome(expect = FORBIDDEN, desc = "Any other result: a wrong G, a G lost or duplicated.")
@State
public class RunqgetStealLastG extends OwnerThief {

    public RunqgetStealLastG() {
        super(Configs.ring4(), "real");
        queued(1, false);
    }

    @Actor
    public void owner(III_Result r) {
        r.r1 = ownerGets();
    }

    @Actor
    public void thief(III_Result r) {
        r.r2 = thiefSteals(false);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = leftOnBoth();
    }
}
