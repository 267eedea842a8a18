package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqput_runnext_cas_plain}: runqput(next=true) sets runnext with a plain CAS
 * instead of a full one: the thief whose CAS takes the G from runnext does not synchronize with
 * the owner, so newproc1's last writes (goid, after the status CAS; startpc) need not be visible
 * to it. On x86 the CAS is a locked instruction either way; the controller's weak-memory mode,
 * through which G's goid and startpc are routed, shows it.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqputRunnextCasPlain extends Twin {

    public RunqputRunnextCasPlain(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqput_runnext_cas_plain";
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
            } while (!pp.casPlainRunnext(oldnext, gp)); // BUG: plain CAS, no ordering
            if (oldnext == null) {
                return;
            }
            // Kick the old runnext out to the regular run queue.
            gp = oldnext;
        }
        for (;;) { // retry:
            point.at(RUNQPUT_LOADHEAD);
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers
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
