package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 5, two-actor form (runs on two CPUs): two thieves steal from one ring of 8 holding four Gs
 * while its owner is not running. The first to commit takes 2, the second half of the 2 left.
 *
 * <p>r1, r2: Gs thief A, B hold; r3: Gs left; r4: 1 if every G is in exactly one place.
 */
@JCStressTest
@Description("two thieves on one ring: no G lost or duplicated")
@Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "Thief A's CAS of runqhead came first: A took 2 of 4, B 1 of the 2 left.")
@Outcome(id = "1, 2, 1, 1", expect = ACCEPTABLE, desc = "Thief B's CAS came first: the mirror image.")
@Outcome(expect = FORBIDDEN, desc = "A G stolen twice or lost, or a steal of the wrong size.")
@State
public class TwoThieves {
    final Proc proc = new Proc(Configs.ring8());
    final P victim = proc.allp[0];
    final P thiefA = proc.newP(1);
    final P thiefB = proc.newP(2);
    final G[] gs = Fixtures.runnableGs(4);
    G stolenA;
    G stolenB;

    public TwoThieves() {
        for (G g : gs) {
            proc.runqput(victim, g, false);
        }
    }

    @Actor
    public void thiefA() {
        stolenA = proc.runqsteal(thiefA, victim, false);
    }

    @Actor
    public void thiefB() {
        stolenB = proc.runqsteal(thiefB, victim, false);
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
