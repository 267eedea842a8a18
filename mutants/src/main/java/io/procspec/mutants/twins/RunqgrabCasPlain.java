package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqgrab_cas_plain}: runqgrab commits its steal with a plain CAS of
 * runqhead instead of a CAS-release, so its slot reads are not ordered before the owner's reuse of
 * the slots: the owner's load-acquire of head that reads the plain CAS does not synchronize with
 * the thief, and the thief's copy may return the G the owner stores next into a slot it freed
 * (load buffering: ARM and POWER may show it; the weak-memory hunt's load-buffering check does).
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqgrabCasPlain extends Twin {

    public RunqgrabCasPlain(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqgrab_cas_plain";
    }

    @Override
    public G runqsteal(P pp, P p2, boolean stealRunNextG) {
        return runqsteal0(pp, p2, stealRunNextG);
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    G runqsteal0(P pp, P p2, boolean stealRunNextG) {
        if (pp == p2) {
            throw new IllegalArgumentException("runqsteal: " + pp + " cannot steal from itself");
        }
        if (pp.ringSize() != p2.ringSize()) {
            throw new IllegalArgumentException("runqsteal: rings differ in size (" + pp.ringSize()
                    + " and " + p2.ringSize() + ")");
        }
        int t = pp.loadPlainRunqtail();
        int n = runqgrab0(p2, pp, t, stealRunNextG);
        if (n == 0) {
            return null;
        }
        n--;
        G gp = pp.loadPlainRunq(t + n);
        if (checked) {
            where.remove(gp);
        }
        if (n == 0) {
            return gp;
        }
        point.at(RUNQSTEAL_LOADHEAD);
        int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers
        if (Integer.compareUnsigned(t - h + n, pp.ringSize()) >= 0) {
            throw new IllegalStateException("runqsteal: runq overflow");
        }
        point.at(RUNQSTEAL_STORETAIL);
        pp.storeReleaseRunqtail(t + n); // store-release, makes the item available for consumption
        return gp;
    }

    int runqgrab0(P pp, P batch, int batchHead, boolean stealRunNextG) {
        for (;;) {
            point.at(RUNQGRAB_LOADHEAD);
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            point.at(RUNQGRAB_LOADTAIL);
            int t = pp.loadAcquireRunqtail(); // load-acquire, synchronize with the producer
            int n = t - h;
            n = n - (n >>> 1);
            if (n == 0) {
                if (stealRunNextG) {
                    // Try to steal from pp.runnext.
                    point.at(RUNQGRAB_LOADNEXT);
                    G next = pp.loadPlainRunnext();
                    if (next != null) {
                        if (pp.loadOpaqueStatus() == P._Prunning) {
                            // Sleep to ensure that pp isn't about to run the g we are about to
                            // steal. The important use case here is when the g running on pp
                            // ready()s another g and then almost immediately blocks. Instead of
                            // stealing runnext in this window, back off to give pp a chance to
                            // schedule runnext and avoid thrashing gs between different Ps.
                            backoff(cfg.runnextBackoffNanos);
                        }
                        point.at(RUNQGRAB_CASNEXT);
                        if (!pp.casVolatileRunnext(next, null)) {
                            continue;
                        }
                        batch.storePlainRunq(batchHead, next);
                        return 1;
                    }
                }
                return 0;
            }
            if (Integer.compareUnsigned(n, pp.ringSize() / 2) > 0) { // read inconsistent h and t
                continue;
            }
            for (int i = 0; i < n; i++) {
                point.at(RUNQGRAB_COPY);
                batch.storePlainRunq(batchHead + i, pp.loadPlainRunq(h + i));
            }
            point.at(RUNQGRAB_CAS);
            if (pp.casPlainRunqhead(h, h + n)) { // BUG: plain CAS, no release
                return n;
            }
        }
    }
}
