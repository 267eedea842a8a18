package io.procspec.stress.broken;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
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
    /** The twin of bug {@code runqget_no_cas} from the catalogue (mutants/). */
    final QueueOps getNoCas = Catalogue.ops("runqget_no_cas", proc);
    /** The twin of bug {@code runqgrab_no_cas} from the catalogue (mutants/). */
    final QueueOps grabNoCas = Catalogue.ops("runqgrab_no_cas", proc);
    final P owner = proc.allp[0];
    final P thiefA = proc.newP(1);
    final P thiefB = proc.newP(2);
    final G[] gs = Fixtures.runnableGs(4);
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
        Proc.Runqget r = getNoCas.runqget(owner);
        ownerGot = r == null ? null : r.gp();
    }

    @Actor
    public void thiefA() {
        stolenA = grabNoCas.runqsteal(thiefA, owner, false);
    }

    @Actor
    public void thiefB() {
        stolenB = grabNoCas.runqsteal(thiefB, owner, false);
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        List<G> o = Fixtures.one(ownerGot);
        List<G> a = Fixtures.one(stolenA);
        a.addAll(Fixtures.localRunq(thiefA));
        List<G> b = Fixtures.one(stolenB);
        b.addAll(Fixtures.localRunq(thiefB));
        List<G> left = Fixtures.localRunq(owner);
        r.r1 = o.size();
        r.r2 = a.size();
        r.r3 = b.size();
        r.r4 = left.size();
        r.r5 = Fixtures.exactlyOnce(gs, o, a, b, left) ? 1 : 0;
    }
}
