package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.infra.results.ZI_Result;

/**
 * The state of test 6 (Go's {@code RunSchedLocalQueueEmptyTest}): G0 put with {@code next0}; the
 * owner then puts G1 with {@code next1} and takes one G, while an observer asks runqempty. The four
 * tests {@code RunqemptyNext0*Next1*} declare the actors and call these helpers.
 */
public abstract class RunqemptyCase {
    protected final Proc proc = new Proc(Configs.ring4());
    protected final P pp = proc.allp[0];
    private final G g1 = Fixtures.runnable(2);
    private final boolean next1;

    protected RunqemptyCase(boolean next0, boolean next1) {
        this.next1 = next1;
        proc.runqput(pp, Fixtures.runnable(1), next0);
    }

    /** The owner: runqput(G1, next1), then runqget. */
    protected final void ownerPutsAndGets() {
        proc.runqput(pp, g1, next1);
        proc.runqget(pp);
    }

    /** The observer: r1 = runqempty's answer. */
    protected final void observes(ZI_Result r) {
        r.r1 = proc.runqempty(pp);
    }

    /** The arbiter: r2 = Gs left on the queue. */
    protected final void counts(ZI_Result r) {
        r.r2 = Fixtures.localRunq(pp).size();
    }
}
