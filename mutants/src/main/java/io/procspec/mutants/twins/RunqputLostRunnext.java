package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqput_lost_runnext}: runqput(next=true) puts gp in runnext but drops the kicked-out old runnext instead of putting it on the ring.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqputLostRunnext extends Twin {

    public RunqputLostRunnext(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqput_lost_runnext";
    }

    @Override
    public void runqput(P pp, G gp, boolean next) {
        checkQueueable("runqput", gp);
        runqput0(pp, gp, next);
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    void runqput0(P pp, G gp, boolean next) {
        if (next) {
            G oldnext;
            do { // retryNext:
                point.at(RUNQPUT_LOADNEXT);
                oldnext = pp.loadPlainRunnext();
                point.at(RUNQPUT_CASNEXT);
            } while (!pp.casVolatileRunnext(oldnext, gp));
            return;  // BUG: the old runnext should be kicked out to the ring; it is lost
        }
        for (;;) { // retry:
            point.at(RUNQPUT_LOADHEAD);
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers
            int t = pp.loadPlainRunqtail();
            if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                point.at(RUNQPUT_STORE);
                pp.storePlainRunq(t, gp);
                point.at(RUNQPUT_STORETAIL);
                pp.storeReleaseRunqtail(t + 1); // store-release, makes the item available for consumption
                return;
            }
            if (runqputslow(pp, gp, h, t)) {
                return;
            }
            // the queue is not full, now the put above must succeed
        }
    }
}
