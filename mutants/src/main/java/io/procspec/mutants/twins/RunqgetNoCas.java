package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqget_no_cas}: runqget advances runqhead with a plain store instead of a CAS: a thief that took the same slot meanwhile is not noticed, and both own the G.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqgetNoCas extends Twin {

    public RunqgetNoCas(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqget_no_cas";
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
                G next = pp.loadPlainRunnext();
                if (next == null) {
                    break;
                }
                point.at(RUNQGET_CASNEXT);
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(next, true);
                }
            }
        } else {
            point.at(RUNQGET_LOADNEXT);
            G next = pp.loadPlainRunnext();
            // If the runnext is non-0 and the CAS fails, it could only have been stolen by another
            // P, because other Ps can race to set runnext to 0, but only the current P can set it
            // to non-0. Hence, there's no need to retry this CAS if it fails.
            if (next != null) {
                point.at(RUNQGET_CASNEXT);
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(next, true);
                }
            }
        }
        for (;;) {
            point.at(RUNQGET_LOADHEAD);
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.loadPlainRunqtail();
            if (t == h) {
                return null;
            }
            point.at(RUNQGET_LOAD);
            G gp = pp.loadPlainRunq(h);
            point.at(RUNQGET_CAS);
            pp.storePlainRunqhead(h + 1);  // BUG: no CAS: a concurrent consumer's move of head is overwritten
            return taken(gp, false);  // BUG
        }
    }
}
