package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqput_head_plain_load}: runqput loads runqhead plainly instead of with
 * a load-acquire, so reading a consumer's CAS-release of head does not order the consumer's slot
 * read before the owner's overwrite of the slot: the consumer may read the G the owner stores
 * next (load buffering; the Java memory model allows it, hardware does not show it because the
 * store depends on the load; the weak-memory hunt's load-buffering check does).
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqputHeadPlainLoad extends Twin {

    public RunqputHeadPlainLoad(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqput_head_plain_load";
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
            if (oldnext == null) {
                return;
            }
            // Kick the old runnext out to the regular run queue.
            gp = oldnext;
        }
        for (;;) { // retry:
            point.at(RUNQPUT_LOADHEAD);
            int h = pp.loadPlainRunqhead(); // BUG: plain load, no acquire
            int t = pp.loadPlainRunqtail();
            if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                point.at(RUNQPUT_STORE);
                pp.storePlainRunq(t, gp);
                point.at(RUNQPUT_STORETAIL);
                pp.storeReleaseRunqtail(t + 1);
                return;
            }
            if (runqputslow(pp, gp, h, t)) {
                return;
            }
            // the queue is not full, now the put above must succeed
        }
    }
}
