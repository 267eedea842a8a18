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
 * Test 12. The owner's runnext holds G1 and its ring of 4 holds G2..G4. The owner drains
 * (runqdrain: CAS runnext to nil, then CAS runqhead past the whole ring and only then read the
 * slots) while a thief steals with stealRunNextG. Each G must be taken exactly once.
 *
 * <p>r1: Gs drained; r2: Gs the thief holds; r3: Gs left; r4: 1 if every G is in exactly one place
 * and runqdrain's count equals its queue's length.
 */
@JCStressTest
@Description("runqdrain vs runqsteal: each G taken once")
@Outcome(id = "4, 0, 0, 1", expect = ACCEPTABLE, desc = "The drain committed first (runnext, then the 3 ring Gs); the thief found the ring empty and runnext nil.")
@Outcome(id = "2, 2, 0, 1", expect = ACCEPTABLE, desc = "The thief's CAS of runqhead came first (2 of 3); the drain took runnext and, after a failed CAS and retry, the last ring G.")
@Outcome(expect = FORBIDDEN, desc = "A G drained and stolen, a G lost, or a drain count that does not match the queue.")
@State
public class RunqdrainSteal {
    final Proc proc = new Proc(Configs.ring4());
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);
    final G[] gs = Fixtures.runnableGs(4);
    Proc.Drained drained;
    G stolen;

    public RunqdrainSteal() {
        proc.runqput(owner, gs[0], true);
        for (int i = 1; i < 4; i++) {
            proc.runqput(owner, gs[i], false);
        }
    }

    @Actor
    public void owner() {
        drained = proc.runqdrain(owner);
    }

    @Actor
    public void thief() {
        stolen = proc.runqsteal(thief, owner, true);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        List<G> d = drained.drainQ().toList();
        List<G> t = Fixtures.one(stolen);
        t.addAll(Fixtures.localRunq(thief));
        List<G> left = Fixtures.localRunq(owner);
        r.r1 = d.size();
        r.r2 = t.size();
        r.r3 = left.size();
        r.r4 = Fixtures.exactlyOnce(gs, d, t, left) && drained.n() == d.size() ? 1 : 0;
    }
}
