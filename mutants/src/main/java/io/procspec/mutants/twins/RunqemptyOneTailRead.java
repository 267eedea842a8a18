package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import java.util.Objects;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code runqempty_one_tail_read}: runqempty returns after reading head, tail and runnext, without re-reading tail (Go CL 20858 fixed this): between the reads runnext's G can move to the ring and back out, so it may answer "empty" spuriously.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class RunqemptyOneTailRead extends Twin {

    public RunqemptyOneTailRead(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "runqempty_one_tail_read";
    }

    @Override
    public boolean runqempty(P pp) {
        return runqempty0(pp);
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    boolean runqempty0(P pp) {
        Objects.requireNonNull(pp, "runqempty: nil p");
        // Defend against a race where 1) pp has G1 in runqnext but runqhead == runqtail, 2) runqput
        // on pp kicks G1 to the runq, 3) runqget on pp empties runqnext. Simply observing that
        // runqhead == runqtail and then observing that runqnext == nil does not mean the queue is
        // empty: between the reads, G1 moved from runnext to the ring and back out. Re-reading
        // tail after runnext proves no put happened in between, so the three reads describe one
        // moment.
        for (;;) {
            point.at(RUNQEMPTY_LOADHEAD);
            int head = pp.loadVolatileRunqhead();
            point.at(RUNQEMPTY_LOADTAIL);
            int tail = pp.loadVolatileRunqtail();
            point.at(RUNQEMPTY_LOADNEXT);
            G runnext = pp.loadVolatileRunnext();
            point.at(RUNQEMPTY_RECHECK);
            return head == tail && runnext == null;  // BUG: tail is not read again (the step stays, as in the spec's RereadTail)
        }
    }
}
