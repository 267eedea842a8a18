package io.procspec.stress.broken;

import io.procspec.stress.Configs;
import io.procspec.stress.OwnerThief;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 3 ({@code RunnextGetSteal}): the owner's runqget takes runnext with a load
 * and a store of nil instead of a CAS (bug {@code runqget_runnext_no_cas}, a twin from the catalogue in mutants/). If the thief's CAS
 * lands between the owner's load and store, both get the G: "1, 1, 0".
 */
@JCStressTest
@Description("BROKEN (runnext taken without CAS): owner runqget vs thief stealing runnext")
@Outcome(id = {"1, 0, 0", "0, 1, 0"}, expect = ACCEPTABLE, desc = "Exactly one got it (the bug did not show this time).")
@Outcome(id = "1, 1, 0", expect = FORBIDDEN, desc = "The bug: both got the G in runnext.")
@Outcome(expect = FORBIDDEN, desc = "Any other result.")
@State
public class BrokenRunnextNoCas extends OwnerThief {

    public BrokenRunnextNoCas() {
        super(Configs.ring4(), "runqget_runnext_no_cas");
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
