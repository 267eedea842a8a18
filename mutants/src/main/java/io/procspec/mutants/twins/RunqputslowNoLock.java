package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.GQueue;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqputslow_no_lock}: runqputslow reads sched.runq without sched.lock (step runqputslow_lock) and writes it back with its batch appended a step later (again at runqputslow_lock): whatever another P put on the global queue in between is lost. (Go issue 40457 was of this kind: runqputbatch spilled without sched.lock.)
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqputslowNoLock extends Twin {

    public RunqputslowNoLock(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqputslow_no_lock";
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

    /**
     * The bug's second step: {@code sched.runq = old ++ batch; sched.runqsize = oldsize + n}, as read a
     * step earlier. sched.lock is taken only because Proc's functions assert it; it is not the
     * scheduling point (none is reached here), so nothing orders this write after another P's.
     */
    private void writeBack(java.util.List<G> old, int oldsize, GQueue batch, int n) {
        sched.lock.lock();
        try {
            while (proc.globrunqget() != null) {
                // discard what is there now: the bug overwrites it
            }
            GQueue all = new GQueue();
            for (G g : old) {
                all.pushBack(g);
            }
            all.pushBackAll(batch);
            proc.globrunqputbatch(all, oldsize + n);
        } finally {
            sched.lock.unlock();
        }
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
        for (int i = 0; i < n; i++) {
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
        point.at(RUNQPUTSLOW_LOCK);  // BUG: read sched.runq unlocked, write it back a step later
        java.util.List<G> old = sched.runqSnapshot();  // BUG
        int oldsize = sched.loadOpaqueRunqsize();  // BUG
        point.at(RUNQPUTSLOW_LOCK);  // BUG
        writeBack(old, oldsize, q, n + 1);  // BUG
        return true;
    }
}
