package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 5 (three actors: needs three CPUs, skipped on fewer). Four Gs on the owner's ring of 8.
 * The owner takes one with runqget while two thieves each steal half of what they see. Every
 * consumer commits by a CAS of runqhead, so the result is that of some order of the three: the
 * owner always gets 1, the first thief to commit 2 (or 1 after the owner), the other the rest.
 *
 * <p>r1: Gs the owner got; r2, r3: Gs thief A, B hold; r4: Gs left on the owner's ring;
 * r5: 1 if every G is in exactly one place.
 */
@JCStressTest
@Description("owner runqget + two thieves on one ring: no G lost or duplicated")
@Outcome(id = "1, 2, 1, 0, 1", expect = ACCEPTABLE, desc = "Thief A committed before thief B (A saw 4 or 3 Gs and took 2, B took the last of its 1 or 2).")
@Outcome(id = "1, 1, 2, 0, 1", expect = ACCEPTABLE, desc = "Thief B committed before thief A: the mirror image.")
@Outcome(expect = FORBIDDEN, desc = "A G taken twice or lost, or a steal of the wrong size (not half of a consistent snapshot).")
@State
public class OwnerTwoThieves {
    final Proc proc = new Proc(Configs.ring8());
    final P owner = proc.allp[0];
    final P thiefA = proc.newP(1);
    final P thiefB = proc.newP(2);
    final G[] gs = Fixtures.runnableGs(4);
    G ownerGot;
    G stolenA;
    G stolenB;

    public OwnerTwoThieves() {
        for (G g : gs) {
            proc.runqput(owner, g, false);
        }
    }

    @Actor
    public void owner() {
        Proc.Runqget r = proc.runqget(owner);
        ownerGot = r == null ? null : r.gp();
    }

    @Actor
    public void thiefA() {
        stolenA = proc.runqsteal(thiefA, owner, false);
    }

    @Actor
    public void thiefB() {
        stolenB = proc.runqsteal(thiefB, owner, false);
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
