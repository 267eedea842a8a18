package io.procspec.stress.broken;

import io.procspec.stress.Configs;
import io.procspec.stress.OwnerThief;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 2 ({@code RunqgetStealLastG}): the owner's runqget advances runqhead with a
 * store instead of a CAS (bug {@code runqget_no_cas}, a twin from the catalogue in mutants/). When the thief's CAS lands between the
 * owner's read of head and its store, both take the last G: "1, 1, 0".
 */
@JCStressTest
@Description("BROKEN (runqget moves head without CAS): runqget vs runqsteal for the last G")
@Outcome(id = {"1, 0, 0", "0, 1, 0"}, expect = ACCEPTABLE, desc = "Exactly one got it (the bug did not show this time).")
@Outcome(id = "1, 1, 0", expect = FORBIDDEN, desc = "The bug: both own the last G.")
@Outcome(expect = FORBIDDEN, desc = "Any other result.")
@State
public class BrokenRunqgetNoCasLastG extends OwnerThief {

    public BrokenRunqgetNoCasLastG() {
        super(Configs.ring4(), "runqget_no_cas");
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
