package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Extra (not in the list): runqputbatch writes three slots and publishes them with one
 * store-release of runqtail (as findRunnable does after globrunqgetbatch in Go 1.25, and
 * injectglist). A thief sees none or all three, and steals half rounded up: 2.
 *
 * <p>r1: Gs the thief holds; r2: 1 if they are distinct Gs of the batch, in FIFO order, with their
 * goids visible; r3: Gs left on the owner's ring; r4: 1 if every G is in exactly one place.
 */
@JCStressTest
@Description("runqputbatch vs runqsteal: a batch is published all at once by one store-release")
@Outcome(id = "0, 1, 3, 1", expect = ACCEPTABLE, desc = "The thief read runqtail before the batch's store-release: nothing to steal.")
@Outcome(id = "2, 1, 1, 1", expect = ACCEPTABLE, desc = "The thief saw the new runqtail: 3 Gs, stole G1 and G2 with their fields visible; G3 stays.")
@Outcome(expect = FORBIDDEN, desc = "A partial batch seen, a G stolen with stale fields, or a G lost or duplicated.")
@State
public class RunqputbatchSteal {
    final Proc proc = new Proc(Configs.ring4());
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);
    final G[] gs = Fixtures.runnableGs(3);
    G stolen;

    @Actor
    public void owner() {
        GQueue q = new GQueue();
        for (G g : gs) {
            q.pushBack(g);
        }
        proc.runqputbatch(owner, q, 3);
    }

    @Actor
    public void thief() {
        stolen = proc.runqsteal(thief, owner, false);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        // runqsteal returns the last G it grabbed and leaves the others on the thief's ring.
        List<G> t = Fixtures.localRunq(thief);
        t.addAll(Fixtures.one(stolen));
        List<G> left = Fixtures.localRunq(owner);
        r.r1 = t.size();
        boolean ok = true;
        for (int i = 0; i < t.size(); i++) {
            ok &= t.get(i) == gs[i] && t.get(i).goid == i + 1;
        }
        r.r2 = ok ? 1 : 0;
        r.r3 = left.size();
        r.r4 = Fixtures.exactlyOnce(gs, t, left) ? 1 : 0;
    }
}
