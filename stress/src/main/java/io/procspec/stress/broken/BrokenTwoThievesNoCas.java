package io.procspec.stress.broken;

import io.procspec.runtime.BrokenRunq;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.StressSupport;
import io.procspec.stress.Configs;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 5's two-actor form ({@code TwoThieves}): both thieves use a runqgrab that
 * stores runqhead instead of CASing it ({@link BrokenRunq#runqstealNoCas}). Two thieves that read
 * the same head copy the same slots: a G stolen twice (r4 = 0).
 */
@JCStressTest
@Description("BROKEN (runqgrab moves head without CAS): two thieves on one ring")
@Outcome(id = {"2, 1, 1, 1", "1, 2, 1, 1"}, expect = ACCEPTABLE, desc = "One thief after the other (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: the same Gs stolen by both thieves (or a G lost).")
@State
public class BrokenTwoThievesNoCas {
    final Proc proc = new Proc(Configs.ring8());
    final P victim = proc.allp[0];
    final P thiefA = proc.newP(1);
    final P thiefB = proc.newP(2);
    final G[] gs = StressSupport.runnableGs(proc, 4);
    G stolenA;
    G stolenB;

    public BrokenTwoThievesNoCas() {
        for (G g : gs) {
            proc.runqput(victim, g, false);
        }
    }

    @Actor
    public void thiefA() {
        stolenA = BrokenRunq.runqstealNoCas(thiefA, victim);
    }

    @Actor
    public void thiefB() {
        stolenB = BrokenRunq.runqstealNoCas(thiefB, victim);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        List<G> a = StressSupport.one(stolenA);
        a.addAll(StressSupport.localRunq(thiefA));
        List<G> b = StressSupport.one(stolenB);
        b.addAll(StressSupport.localRunq(thiefB));
        List<G> left = StressSupport.localRunq(victim);
        r.r1 = a.size();
        r.r2 = b.size();
        r.r3 = left.size();
        r.r4 = StressSupport.exactlyOnce(gs, a, b, left) ? 1 : 0;
    }
}
