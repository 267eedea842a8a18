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
                G next = pp.lpRunnext();
                if (next == null) {
                    break;
                }
                point.at(RUNQGET_CASNEXT);
                if (pp.casRunnext(next, null)) {
                    return taken(next, true);
                }
            }
        } else {
            for (;;) {  // BUG: Go 1.14's retry loop in the Go 1.21 branch
                point.at(RUNQGET_LOADNEXT);  // BUG
                G next = pp.lpRunnext();  // BUG
                if (next == null) {  // BUG
                    break;  // BUG
                }  // BUG
                point.at(RUNQGET_CASNEXT);  // BUG
                if (pp.casRunnext(next, null)) {  // BUG
                    return taken(next, true);  // BUG
                }  // BUG
            }  // BUG
        }
        final G[] runq = pp.runq;
        for (;;) {
            point.at(RUNQGET_LOADHEAD);
            int h = pp.lvRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.lpRunqtail();
            if (t == h) {
                return null;
            }
            point.at(RUNQGET_LOAD);
            G gp = runq[h & pp.mask];
            point.at(RUNQGET_CAS);
            if (pp.casRelRunqhead(h, h + 1)) { // cas-release, commits consume
                return taken(gp, false);
            }
        }
    }
}
