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
 * Test 4. The owner's ring of 4 is full (G1..G4). The owner puts G5: runqput sees the ring full
 * and calls runqputslow, which copies G1, G2 and CASes runqhead from h to h+2, then moves G1, G2, G5
 * to the global queue. Meanwhile a thief steals half the ring (2 Gs). If the thief's CAS wins, the
 * owner's fails, runqputslow returns false and runqput retries its fast path, which now succeeds.
 * Every G must end in exactly one of ring, global queue, thief.
 *
 * <p>r1: Gs on the owner's ring; r2: Gs on the global queue; r3: Gs the thief holds (returned +
 * its ring); r4: 1 if every G is in exactly one place and sched.runqsize matches the global queue.
 */
@JCStressTest
@Description("runqputslow vs runqsteal: the CAS on head fails, the owner retries; every G in exactly one place")
@Outcome(id = "1, 3, 1, 1", expect = ACCEPTABLE, desc = "runqputslow's CAS won: G1, G2, G5 went to the global queue; the thief then stole 1 of the 2 left (G3).")
@Outcome(id = "3, 0, 2, 1", expect = ACCEPTABLE, desc = "The thief's CAS won (G1, G2); runqputslow's CAS failed, runqput retried and put G5 on the ring (G3, G4, G5).")
@Outcome(expect = FORBIDDEN, desc = "A G lost or in two places, a wrong count, or sched.runqsize out of step with the global queue.")
@State
public class RunqputslowSteal {
    final Proc proc = new Proc(Configs.ring4());
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);
    final G[] gs = Fixtures.runnableGs(5);
    G stolen;

    public RunqputslowSteal() {
        for (int i = 0; i < 4; i++) {
            proc.runqput(owner, gs[i], false);
        }
    }

    @Actor
    public void owner() {
        proc.runqput(owner, gs[4], false);
    }

    @Actor
    public void thief() {
        stolen = proc.runqsteal(thief, owner, false);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        List<G> ring = Fixtures.localRunq(owner);
        List<G> global = Fixtures.globalRunq(proc);
        List<G> taken = Fixtures.one(stolen);
        taken.addAll(Fixtures.localRunq(thief));
        r.r1 = ring.size();
        r.r2 = global.size();
        r.r3 = taken.size();
        r.r4 = Fixtures.exactlyOnce(gs, ring, global, taken) && Fixtures.globalSizeConsistent(proc) ? 1 : 0;
    }
}
