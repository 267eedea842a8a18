package io.procspec.stress.broken;

import io.procspec.runtime.BrokenRunq;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.StressSupport;
import io.procspec.stress.Configs;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 1 ({@code RunqputStealPublication}): the owner's runqput stores runqtail
 * with a plain write instead of a store-release ({@link BrokenRunq#runqputPlainTail}). Under the
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
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);

    @Actor
    public void owner() {
        G g = proc.newproc1(owner, Configs.FN, null, 0);
        BrokenRunq.runqputPlainTail(owner, g);
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
        r.r3 = StressSupport.localRunq(owner).size() + StressSupport.localRunq(thief).size();
    }
}
