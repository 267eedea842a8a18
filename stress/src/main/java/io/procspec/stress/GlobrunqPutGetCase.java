package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

/**
 * The state of test 7 (GOMAXPROCS 2, ring of 4): G1 on the global queue; one actor puts G2 there
 * (locked globrunqput), the other takes from it with findRunnable's locked global-queue get
 * ({@code globrunqgetLocked(p1, 0)}) in the given Go version's form.
 */
public abstract class GlobrunqPutGetCase {
    protected final Proc proc;
    protected final P p0;
    protected final P p1;
    protected final G[] gs = Fixtures.runnableGs(2);
    private G got;

    protected GlobrunqPutGetCase(GoVersion v) {
        proc = new Proc(Configs.ring4().nprocs(2).goVersion(v));
        p0 = proc.allp[0];
        p1 = proc.allp[1];
        proc.globrunqputLocked(gs[0]);
    }

    protected final void puts() {
        proc.globrunqputLocked(gs[1]);
    }

    protected final void gets() {
        got = proc.globrunqgetLocked(p1, 0);
    }

    /** r1 = goid got; r2 = Gs on p1's ring; r3 = Gs on the global queue; r4 = 1 if each G is in one place and runqsize matches. */
    protected final void judge(IIII_Result r) {
        List<G> ring = Fixtures.localRunq(p1);
        List<G> global = Fixtures.globalRunq(proc);
        r.r1 = Fixtures.id(got);
        r.r2 = ring.size();
        r.r3 = global.size();
        r.r4 = Fixtures.exactlyOnce(gs, Fixtures.one(got), ring, global, Fixtures.localRunq(p0))
                && Fixtures.globalSizeConsistent(proc) ? 1 : 0;
    }
}
