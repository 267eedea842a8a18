package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 1. The owner creates a G with newproc1 (plain writes of goid, startpc, stack, context) and
 * puts it on its ring with runqput; a thief steals with runqsteal. runqput's store-release of
 * runqtail, paired with runqgrab's load-acquire of it, must make the slot and every field the owner
 * wrote before the put visible to the thief.
 *
 * <p>r1: 1 if the thief stole a G; r2: {@link Configs#fieldsVisible} of the stolen G (31 = all);
 * r3 (arbiter): Gs left on the owner's queue.
 */
@JCStressTest
@Description("runqput vs runqsteal: a stolen G is fully visible to the thief (store-release of runqtail)")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "The thief loaded runqtail before the owner's store-release: nothing to steal; the G stays on the owner's ring.")
@Outcome(id = "1, 31, 0", expect = ACCEPTABLE, desc = "The thief saw the new runqtail, so (acquire/release) it sees the slot and every field newproc1 wrote; the owner's ring is empty.")
@Outcome(expect = FORBIDDEN, desc = "A stolen G with a field missing (unsafe publication), a G both stolen and left behind, or a G lost.")
@State
public class RunqputStealPublication extends OwnerThief {

    public RunqputStealPublication() {
        super(Configs.ring4(), "real");
    }

    @Actor
    public void owner() {
        ownerMakesAndQueues();
    }

    @Actor
    public void thief(III_Result r) {
        thiefStealsAndLooks(r, false);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = leftOnBoth();
    }
}
