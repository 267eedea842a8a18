package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.ZI_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 6, RunqemptyNext0TrueNext1False: Go's {@code RunSchedLocalQueueEmptyTest} as a jcstress test. G0 was put with
 * next=true; the owner then puts G1 with next=false and takes one G with runqget, while another
 * thread asks runqempty. At every moment at least one G is queued, so runqempty must say false.
 * With G0 in runnext and next1=true, runqput kicks G0 to the ring and runqget then takes G1 out of
 * runnext: a reader that saw head == tail before the kick and runnext == nil after the get would
 * wrongly report empty; runqempty's re-read of runqtail catches exactly that.
 *
 * <p>r1: runqempty's answer; r2 (arbiter): Gs left on the queue.
 */
@JCStressTest
@Description("runqempty vs owner runqput+runqget (next0=true, next1=false): never reports empty while a G is queued")
@Outcome(id = "false, 1", expect = ACCEPTABLE, desc = "runqempty saw a G (in runnext or on the ring) at the moment its reads describe; one G is left after the owner's put and get.")
@Outcome(id = "true, 1", expect = FORBIDDEN, desc = "runqempty reported an empty queue although a G was queued throughout (the spurious-empty race runqempty's re-read of runqtail prevents).")
@Outcome(expect = FORBIDDEN, desc = "Any other result: the owner's put and get lost or duplicated a G.")
@State
public class RunqemptyNext0TrueNext1False extends RunqemptyCase {

    public RunqemptyNext0TrueNext1False() {
        super(true, false);
    }

    @Actor
    public void owner() {
        ownerPutsAndGets();
    }

    @Actor
    public void observer(ZI_Result r) {
        observes(r);
    }

    @Arbiter
    public void arbiter(ZI_Result r) {
        counts(r);
    }
}
