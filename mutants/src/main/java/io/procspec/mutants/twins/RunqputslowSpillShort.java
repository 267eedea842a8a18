package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.GQueue;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqputslow_spill_short}: a divergence (wrong spill size): runqputslow moves half the ring minus one (plus gp) to the global queue instead of half the ring (Go moves 128 of 256, plus gp).
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqputslowSpillShort extends Twin {

    public RunqputslowSpillShort(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqputslow_spill_short";
    }

    @Override
    public void runqput(P pp, G gp, boolean next) {
        checkQueueable("runqput", gp);
        runqput0(pp, gp, next);
    }

    /** A gQueue of batch[0..k), linked with pushBack (Proc links them through the package-private schedlink). */
    static GQueue linked(G[] batch, int k) {
        GQueue q = new GQueue();
        for (int i = 0; i < k; i++) {
            q.pushBack(batch[i]);
        }
        return q;
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
                pp.storeReleaseRunqtail(t + 1); // store-release, makes the item available for consumption
                return;
            }
            if (runqputslow(pp, gp, h, t)) {
                return;
            }
            // the queue is not full, now the put above must succeed
        }
    }

    @Override
    protected boolean runqputslow(P pp, G gp, int h, int t) {
        final G[] batch = new G[pp.ringSize() / 2 + 1]; // Go: var batch [len(pp.runq)/2 + 1]*g

        // First, grab a batch from local queue.
        int n = t - h;
        n = n >>> 1; // unsigned n / 2
        if (n != pp.ringSize() / 2) {
            throw new IllegalStateException("runqputslow: queue is not full");
        }
        n = n - 1;  // BUG: one G fewer than half the ring
        for (int i = 0; i < n; i++) {  // BUG
            point.at(RUNQPUTSLOW_COPY);
            batch[i] = pp.loadPlainRunq(h + i);
        }
        point.at(RUNQPUTSLOW_CAS);
        if (!pp.casReleaseRunqhead(h, h + n)) { // cas-release, commits consume
            java.util.Arrays.fill(batch, 0, n, null);
            return false;
        }
        batch[n] = gp;

        // Link the goroutines.
        for (int i = 0; i < n; i++) {
            // (G.schedlink is package-private: linked() links them with pushBack)
        }
        GQueue q = linked(batch, n + 1);
        java.util.Arrays.fill(batch, 0, n + 1, null);

        // Now put the batch on global queue.
        lock(sched.lock, RUNQPUTSLOW_LOCK);
        try {
            globrunqputbatch(q, n + 1);
        } finally {
            unlock(sched.lock);
        }
        return true;
    }
}
