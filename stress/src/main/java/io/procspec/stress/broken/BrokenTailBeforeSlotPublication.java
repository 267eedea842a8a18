package io.procspec.stress.broken;

import io.procspec.stress.Configs;
import io.procspec.stress.OwnerThief;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 1 ({@code RunqputStealPublication}): the owner's runqput store-releases
 * runqtail before writing the slot (bug {@code tail_before_slot}, a twin from the catalogue in mutants/). A program-order
 * bug: a thief that sees the new tail in the window before the slot write copies the slot's old
 * content (null on a fresh ring), on any hardware. The thief then returns null after a successful
 * steal (r1 = 0 although the queue is empty afterwards: "0, 0, 0") or a G whose fields are missing.
 */
@JCStressTest
@Description("BROKEN (runqtail published before the slot is written): runqput vs runqsteal publication")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "Nothing stolen.")
@Outcome(id = "1, 31, 0", expect = ACCEPTABLE, desc = "Stolen and fully visible (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: a stolen G with stale fields, or a null slot, or a G lost/duplicated.")
@State
public class BrokenTailBeforeSlotPublication extends OwnerThief {

    public BrokenTailBeforeSlotPublication() {
        super(Configs.ring4(), "tail_before_slot");
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
