package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqget_retries_runnext}: a divergence (runnext as the other Go version does it): a Go 1.21 runqget that retries its runnext CAS as Go 1.14 does, where Go 1.21 (and the spec) go on to the ring after a failed CAS.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqgetRetriesRunnext extends Twin {

    public RunqgetRetriesRunnext(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqget_retries_runnext";
    }

    @Override
    public Proc.Runqget runqget(P pp) {
        return runqget0(pp);
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    Proc.Runqget runqget0(P pp) {
        // If there's a runnext, it's the next G to run.
        if (goVersion == GoVersion.GO1_14) {
            for (;;) {
                point.at(RUNQGET_LOADNEXT);
                G next = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
                if (next == null) {
                    break;
                }
                point.at(RUNQGET_CASNEXT);
                // A full CAS: against a thief's CAS of the same runnext exactly one wins
                // (jcstress RunnextGetStealGo114).
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(next, true);
                }
            }
        } else {
            for (;;) {  // BUG: Go 1.14's retry loop in the Go 1.21 branch
                point.at(RUNQGET_LOADNEXT);  // BUG
                G next = pp.loadPlainRunnext();  // BUG
                if (next == null) {  // BUG
                    break;  // BUG
                }  // BUG
                point.at(RUNQGET_CASNEXT);  // BUG
                if (pp.casVolatileRunnext(next, null)) {  // BUG
                    return taken(next, true);  // BUG
                }  // BUG
            }  // BUG
        }
        for (;;) {
            point.at(RUNQGET_LOADHEAD);
            // load-acquire, synchronize with other consumers: a thief's CAS-release that moved
            // head past slots this owner will now refill.
            int h = pp.loadAcquireRunqhead();
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            if (t == h) {
                return null;
            }
            point.at(RUNQGET_LOAD);
            G gp = pp.loadPlainRunq(h); // plain: this owner wrote it; validated by the CAS
            point.at(RUNQGET_CAS);
            // cas-release, commits consume: against a thief taking the same last G exactly one
            // CAS wins (jcstress RunqgetStealLastG; bug runqget_no_cas, BrokenRunqgetNoCasLastG).
            if (pp.casReleaseRunqhead(h, h + 1)) {
                return taken(gp, false);
            }
        }
    }
}
