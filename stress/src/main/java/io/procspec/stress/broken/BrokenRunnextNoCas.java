package io.procspec.stress.broken;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import io.procspec.stress.Configs;
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
public class BrokenRunnextNoCas {
    final Proc proc = new Proc(Configs.ring4());
    /** The twin of bug {@code runqget_runnext_no_cas} from the catalogue (mutants/). */
    final QueueOps runnextNoCas = Catalogue.ops("runqget_runnext_no_cas", proc);
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);

    public BrokenRunnextNoCas() {
        proc.runqput(owner, Fixtures.runnable(1), true);
    }

    @Actor
    public void owner(III_Result r) {
        r.r1 = Fixtures.id(runnextNoCas.runqget(owner));
    }

    @Actor
    public void thief(III_Result r) {
        r.r2 = Fixtures.id(proc.runqsteal(thief, owner, true));
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Fixtures.localRunq(owner).size() + Fixtures.localRunq(thief).size();
    }
}
