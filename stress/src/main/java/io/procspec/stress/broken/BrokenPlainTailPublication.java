package io.procspec.stress.broken;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import io.procspec.stress.Configs;
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
public class BrokenPlainTailPublication {
    final Proc proc = new Proc(Configs.ring4());
    /** The twin of bug {@code runqtail_plain_store} from the catalogue (mutants/). */
    final QueueOps plainTail = Catalogue.ops("runqtail_plain_store", proc);
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);

    @Actor
    public void owner() {
        G g = proc.newproc1(owner, Configs.FN, null, 0);
        plainTail.runqput(owner, g, false);
    }

    @Actor
    public void thief(III_Result r) {
        G g = proc.runqsteal(thief, owner, false);
        if (g != null) {
            r.r1 = 1;
            r.r2 = Configs.fieldsVisible(g);
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Fixtures.localRunq(owner).size() + Fixtures.localRunq(thief).size();
    }
}
