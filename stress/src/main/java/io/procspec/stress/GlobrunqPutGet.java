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
 * Test 7, two actors. G1 is on the global queue; P0 puts G2 there (goschedImpl's locked
 * globrunqput) while P1 runs findRunnable's locked globrunqget (GOMAXPROCS=2, no max): it takes
 * its fair share {@code runqsize/2 + 1}, returns the first and puts the rest on its ring. sched.lock
 * orders the two; sched.runqsize must always match the queue.
 *
 * <p>r1: goid globrunqget returned; r2: Gs it put on P1's ring; r3: Gs left on the global queue;
 * r4: 1 if every G is in one place and runqsize matches.
 */
@JCStressTest
@Description("globrunqput vs globrunqget: size and contents consistent")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "The get held sched.lock first: runqsize 1, share 1/2+1 capped at 1: it took G1; then G2 was put.")
@Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "The put held sched.lock first: runqsize 2, share 2/2+1 = 2: the get returned G1 and put G2 on P1's ring.")
@Outcome(expect = FORBIDDEN, desc = "A G lost or duplicated, FIFO order broken, or sched.runqsize out of step with the queue.")
@State
public class GlobrunqPutGet {
    final Proc proc = new Proc(Configs.ring4().nprocs(2));
    final P p0 = proc.allp[0];
    final P p1 = proc.allp[1];
    final G[] gs = Fixtures.runnableGs(2);
    G got;

    public GlobrunqPutGet() {
        proc.globrunqputLocked(gs[0]);
    }

    @Actor
    public void putter() {
        proc.globrunqputLocked(gs[1]);
    }

    @Actor
    public void getter() {
        got = proc.globrunqgetLocked(p1, 0);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        List<G> ring = Fixtures.localRunq(p1);
        List<G> global = Fixtures.globalRunq(proc);
        r.r1 = Fixtures.id(got);
        r.r2 = ring.size();
        r.r3 = global.size();
        r.r4 = Fixtures.exactlyOnce(gs, Fixtures.one(got), ring, global, Fixtures.localRunq(p0))
                && Fixtures.globalSizeConsistent(proc) ? 1 : 0;
    }
}
