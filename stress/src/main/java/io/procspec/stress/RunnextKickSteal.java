package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Extra (not in the list): runqput with next=true kicks the old runnext to the ring while a
 * thief steals runnext. G1 is in runnext, the ring is empty; the owner puts G2 with next=true
 * (load runnext, CAS G1 → G2, then put G1 on the ring); the thief, seeing an empty ring, CASes
 * runnext to nil. If the thief's CAS takes G1 first, the owner's CAS fails and it retries against
 * nil, so G2 ends in runnext and nothing is kicked. If the owner's CAS wins, the thief either
 * steals G1 from the ring (if it saw the new tail) or, having seen an empty ring, CASes runnext
 * (now G2) and takes G2 while G1 sits on the ring.
 *
 * <p>r1: goid stolen; r2: goid in the owner's runnext; r3: goid on the owner's ring (0 none);
 * r4: 1 if G1, G2 are each in exactly one place.
 */
@JCStressTest
@Description("runqput(next=true) kicking runnext vs a thief stealing runnext: no G lost or duplicated")
@Outcome(id = "1, 2, 0, 1", expect = ACCEPTABLE, desc = "The thief got G1: from runnext before the owner's CAS (the owner then retried against nil), or from the ring after the kick. G2 is in runnext.")
@Outcome(id = "2, 0, 1, 1", expect = ACCEPTABLE, desc = "The owner's CAS won and the thief, having read the ring before the kicked G1 was published, took G2 out of runnext; G1 is on the ring.")
@Outcome(expect = FORBIDDEN, desc = "A G lost, duplicated, or nothing stolen although runnext or the ring held a G throughout.")
@State
public class RunnextKickSteal {
    final Proc proc = new Proc(Configs.ring4());
    final P owner = proc.allp[0];
    final P thief = proc.newP(1);
    final G[] gs = Fixtures.runnableGs(2);
    G stolen;

    public RunnextKickSteal() {
        proc.runqput(owner, gs[0], true);
    }

    @Actor
    public void owner() {
        proc.runqput(owner, gs[1], true);
    }

    @Actor
    public void thief() {
        stolen = proc.runqsteal(thief, owner, true);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        java.util.List<G> ring = owner.runqSnapshot();
        r.r1 = Fixtures.id(stolen);
        r.r2 = Fixtures.id(owner.runnext());
        r.r3 = ring.size() == 1 ? Fixtures.id(ring.get(0)) : ring.isEmpty() ? 0 : -ring.size();
        java.util.List<G> t = Fixtures.one(stolen);
        t.addAll(Fixtures.localRunq(thief));
        r.r4 = Fixtures.exactlyOnce(gs, t, Fixtures.localRunq(owner)) ? 1 : 0;
    }
}
