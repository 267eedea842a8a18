package io.procspec.stress.broken;

import io.procspec.stress.Configs;
import io.procspec.stress.OwnerThief;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 1 ({@code RunqputStealPublication}): the owner's runqput stores runqtail
 * with a plain write instead of a store-release (bug {@code runqtail_plain_store}, a twin from the catalogue in mutants/). Under the
 * JMM the thief may see the new tail and a stale slot or stale G fields. On x86 the hardware keeps
 * stores in order, so this shows only if the JIT reorders the stores; on ARM/POWER it can show in
 * hardware.
 */
@JCStressTest
@Description("BROKEN (plain store of runqtail): runqput vs runqsteal publication")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "Nothing stolen.")
@Outcome(id = "1, 31, 0", expect = ACCEPTABLE, desc = "Stolen and fully visible (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: a stolen G with stale fields, or a null slot, or a G lost/duplicated.")
@State
public class BrokenPlainTailPublication extends OwnerThief {

    public BrokenPlainTailPublication() {
        super(Configs.ring4(), "runqtail_plain_store");
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
