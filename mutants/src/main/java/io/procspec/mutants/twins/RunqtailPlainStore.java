package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqtail_plain_store}: runqput stores runqtail with a plain write instead of a store-release: nothing orders the slot write (and the G's fields) before the tail store, for the JIT or the CPU (x86 keeps stores in order; ARM/POWER need not).
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqtailPlainStore extends Twin {

    public RunqtailPlainStore(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqtail_plain_store";
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
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers
            int t = pp.loadPlainRunqtail();
            if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                point.at(RUNQPUT_STORE);
                pp.storePlainRunq(t, gp);
                point.at(RUNQPUT_STORETAIL);
                pp.storePlainRunqtail(t + 1);  // BUG: plain store, no release
                return;
            }
            if (runqputslow(pp, gp, h, t)) {
                return;
            }
            // the queue is not full, now the put above must succeed
        }
    }
}
