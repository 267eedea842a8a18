package io.procspec.stress.broken;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import io.procspec.stress.Configs;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 5's two-actor form ({@code TwoThieves}): both thieves use a runqgrab that
 * stores runqhead instead of CASing it (bug {@code runqgrab_no_cas}, a twin from the catalogue in mutants/). Two thieves that read
 * the same head copy the same slots: a G stolen twice (r4 = 0).
 */
@JCStressTest
@Description("BROKEN (runqgrab moves head without CAS): two thieves on one ring")
@Outcome(id = {"2, 1, 1, 1", "1, 2, 1, 1"}, expect = ACCEPTABLE, desc = "One thief after the other (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: the same Gs stolen by both thieves (or a G lost).")
@State
public class BrokenTwoThievesNoCas {
    final Proc proc = new Proc(Configs.ring8());
    /** The twin of bug {@code runqgrab_no_cas} from the catalogue (mutants/). */
    final QueueOps grabNoCas = Catalogue.ops("runqgrab_no_cas", proc);
    final P victim = proc.allp[0];
    final P thiefA = proc.newP(1);
    final P thiefB = proc.newP(2);
    final G[] gs = Fixtures.runnableGs(4);
    G stolenA;
    G stolenB;

    public BrokenTwoThievesNoCas() {
        for (G g : gs) {
            proc.runqput(victim, g, false);
        }
    }

    @Actor
    public void thiefA() {
        stolenA = grabNoCas.runqsteal(thiefA, victim, false);
    }

    @Actor
    public void thiefB() {
        stolenB = grabNoCas.runqsteal(thiefB, victim, false);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        List<G> a = Fixtures.one(stolenA);
        a.addAll(Fixtures.localRunq(thiefA));
        List<G> b = Fixtures.one(stolenB);
        b.addAll(Fixtures.localRunq(thiefB));
        List<G> left = Fixtures.localRunq(victim);
        r.r1 = a.size();
        r.r2 = b.size();
        r.r3 = left.size();
        r.r4 = Fixtures.exactlyOnce(gs, a, b, left) ? 1 : 0;
    }
}
