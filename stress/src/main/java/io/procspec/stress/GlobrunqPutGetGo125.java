package io.procspec.stress;

import io.procspec.runtime.GoVersion;
import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 7, two actors, Go 1.25 (globrunqgetbatch under sched.lock, runqputbatch after unlock). G1 is on the global queue; P0 puts G2 there (goschedImpl's locked
 * globrunqput) while P1 runs findRunnable's locked globrunqget (GOMAXPROCS=2, no max): it takes
 * its fair share {@code runqsize/2 + 1}, returns the first and puts the rest on its ring. sched.lock
 * orders the two; sched.runqsize must always match the queue.
 *
 * <p>r1: goid globrunqget returned; r2: Gs it put on P1's ring; r3: Gs left on the global queue;
 * r4: 1 if every G is in one place and runqsize matches.
 */
@JCStressTest
@Description("globrunqput vs Go 1.25 globrunqgetbatch + runqputbatch: size and contents consistent")
@Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "The get held sched.lock first: runqsize 1, share 1/2+1 capped at 1: it took G1; then G2 was put.")
@Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "The put held sched.lock first: runqsize 2, share 2/2+1 = 2: the get returned G1 and put G2 on P1's ring.")
@Outcome(expect = FORBIDDEN, desc = "A G lost or duplicated, FIFO order broken, or sched.runqsize out of step with the queue.")
@State
public class GlobrunqPutGetGo125 extends GlobrunqPutGetCase {

    public GlobrunqPutGetGo125() {
        super(GoVersion.GO1_25);
    }

    @Actor
    public void putter() {
        puts();
    }

    @Actor
    public void getter() {
        gets();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        judge(r);
    }
}
