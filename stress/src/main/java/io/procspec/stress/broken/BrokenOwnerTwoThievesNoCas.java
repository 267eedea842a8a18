package io.procspec.stress.broken;

import io.procspec.runtime.BrokenRunq;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.StressSupport;
import io.procspec.stress.Configs;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Broken twin of test 5 ({@code OwnerTwoThieves}, three actors: needs three CPUs): the owner's
 * runqget and both thieves' runqgrab advance runqhead by a store instead of a CAS. Any two
 * consumers that read the same head take the same Gs.
 */
@JCStressTest
@Description("BROKEN (consumers move head without CAS): owner runqget + two thieves on one ring")
@Outcome(id = {"1, 2, 1, 0, 1", "1, 1, 2, 0, 1"}, expect = ACCEPTABLE, desc = "The three committed one after another (the bug did not show this time).")
@Outcome(expect = FORBIDDEN, desc = "The bug: a G taken twice, or lost.")
@State
public class BrokenOwnerTwoThievesNoCas {
    final Proc proc = new Proc(Configs.ring8());
    final P owner = proc.allp[0];
    final P thiefA = proc.newP(1);
    final P thiefB = proc.newP(2);
    final G[] gs = StressSupport.runnableGs(proc, 4);
    G ownerGot;
    G stolenA;
    G stolenB;

    public BrokenOwnerTwoThievesNoCas() {
        for (G g : gs) {
            proc.runqput(owner, g, false);
        }
    }

    @Actor
    public void owner() {
        ownerGot = BrokenRunq.runqgetNoCas(owner);
    }

    @Actor
    public void thiefA() {
        stolenA = BrokenRunq.runqstealNoCas(thiefA, owner);
    }

    @Actor
    public void thiefB() {
        stolenB = BrokenRunq.runqstealNoCas(thiefB, owner);
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        List<G> o = StressSupport.one(ownerGot);
        List<G> a = StressSupport.one(stolenA);
        a.addAll(StressSupport.localRunq(thiefA));
        List<G> b = StressSupport.one(stolenB);
        b.addAll(StressSupport.localRunq(thiefB));
        List<G> left = StressSupport.localRunq(owner);
        r.r1 = o.size();
        r.r2 = a.size();
        r.r3 = b.size();
        r.r4 = left.size();
        r.r5 = StressSupport.exactlyOnce(gs, o, a, b, left) ? 1 : 0;
    }
}
