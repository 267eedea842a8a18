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
 * Test 7, three actors (needs three CPUs): two putters each put a G on the empty global queue
 * (globrunqput takes no P) while P1 runs the locked globrunqget (GOMAXPROCS=2, no max: share
 * {@code runqsize/2 + 1}, the first returned, the rest put on P1's ring).
 *
 * <p>r1: goid globrunqget returned (0 = none); r2: Gs it put on P1's ring; r3: Gs left on the
 * global queue; r4: 1 if every G is in one place and runqsize matches.
 */
@JCStressTest
@Description("globrunqput from two Ps vs globrunqget: size and contents consistent")
@Outcome(id = "0, 0, 2, 1", expect = ACCEPTABLE, desc = "The get held sched.lock first and found the queue empty; both puts followed.")
@Outcome(id = {"1, 0, 1, 1", "2, 0, 1, 1"}, expect = ACCEPTABLE, desc = "One put, then the get (runqsize 1: share 1/2+1 capped at 1 took that G), then the other put.")
@Outcome(id = {"1, 1, 0, 1", "2, 1, 0, 1"}, expect = ACCEPTABLE, desc = "Both puts, then the get: share 2/2+1 = 2: it returned the first G put and moved the other to P1's ring.")
@Outcome(expect = FORBIDDEN, desc = "A G lost or duplicated, or sched.runqsize out of step with the queue.")
@State
public class GlobrunqTwoPutsGet {
    final Proc proc = new Proc(Configs.ring4().nprocs(2));
    final G[] gs = Fixtures.runnableGs(2);
    G got;

    @Actor
    public void putter0() {
        proc.globrunqputLocked(gs[0]);
    }

    @Actor
    public void putter1() {
        proc.globrunqputLocked(gs[1]);
    }

    @Actor
    public void getter() {
        got = proc.globrunqgetLocked(proc.allp[1], 0);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        List<G> ring = Fixtures.localRunq(proc.allp[1]);
        List<G> global = Fixtures.globalRunq(proc);
        r.r1 = Fixtures.id(got);
        r.r2 = ring.size();
        r.r3 = global.size();
        r.r4 = Fixtures.exactlyOnce(gs, Fixtures.one(got), ring, global) && Fixtures.globalSizeConsistent(proc) ? 1 : 0;
    }
}
