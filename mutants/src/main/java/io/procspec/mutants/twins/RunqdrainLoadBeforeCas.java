package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqdrain_load_before_cas} (Go's reverted CL 310149): runqdrain reads the
 * slots and links the Gs into a queue before its CAS of runqhead, so it writes {@code schedlink}
 * of Gs that a thief may already own (and may have linked into a list of its own).
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}); the patch of the same name
 * ({@code Patches}) makes the same change in a scratch copy ({@code PatchesTest}).
 */
public final class RunqdrainLoadBeforeCas extends Twin {

    public RunqdrainLoadBeforeCas(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqdrain_load_before_cas";
    }

    @Override
    public Proc.Drained runqdrain(P pp) {
        return runqdrain0(pp);
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    Proc.Drained runqdrain0(P pp) {
        GQueue drainQ = new GQueue();
        int n = 0;
        point.at(RUNQDRAIN_LOADNEXT);
        G oldNext = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
        if (oldNext != null) {
            point.at(RUNQDRAIN_CASNEXT);
            // A full CAS: a thief stealing runnext races with it (jcstress RunqdrainSteal).
            if (pp.casVolatileRunnext(oldNext, null)) {
                drainQ.pushBack(oldNext);
                n++;
            }
        }
        int h;
        int qn;
        for (;;) { // retry:
            point.at(RUNQDRAIN_LOADHEAD);
            h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            qn = t - h;
            if (qn == 0) {
                return new Proc.Drained(drainQ, n);
            }
            if (Integer.compareUnsigned(qn, pp.ringSize()) > 0) { // read inconsistent h and t
                continue;
            }
            GQueue read = new GQueue(); // BUG: reads and links the Gs before the CAS
            for (int i = 0; i < qn; i++) { // BUG
                point.at(RUNQDRAIN_LOAD); // BUG
                read.pushBack(pp.loadPlainRunq(h + i)); // BUG
            } // BUG
            point.at(RUNQDRAIN_CAS);
            if (pp.casReleaseRunqhead(h, h + qn)) { // cas-release, commits consume
                drainQ.pushBackAll(read); // BUG
                n += qn; // BUG
                qn = 0; // BUG: nothing is left to read after the CAS
                break;
            }
        }
        // We've inverted the order in which it gets G's from the local P's runnable queue and
        // then advances the head pointer because we don't want to mess up the statuses of G's
        // while runqdrain() and runqsteal() are running in parallel. Thus we should advance the
        // head pointer before draining the local P into a gQueue, so that we can update any
        // gp.schedlink only after we take the full ownership of G, meanwhile, other P's can't
        // access to all G's in local P's runnable queue and steal them. See
        // https://groups.google.com/g/golang-dev/c/0pTKxEKhHSc/m/6Q85QjdVBQAJ for more details.
        // (Go's reverted CL 310149 read the slots before the CAS.) The plain loads below are
        // safe: only this owner writes slots, and it will not reuse these until after this loop.
        for (int i = 0; i < qn; i++) {
            point.at(RUNQDRAIN_LOAD);
            drainQ.pushBack(pp.loadPlainRunq(h + i));
            n++;
        }
        return new Proc.Drained(drainQ, n);
    }
}
