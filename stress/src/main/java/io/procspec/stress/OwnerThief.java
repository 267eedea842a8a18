package io.procspec.stress;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The state the owner-versus-thief tests share: a {@link Proc}, its P 0 (the owner, whose ring is
 * raced for) and a stand-alone P 1 (the thief), and the functions under test — the port's, or a
 * bug twin's from the catalogue ({@code mutants/}) for the broken variants. jcstress wants every
 * test's {@code @Actor} and {@code @Arbiter} methods declared in the test class itself; they call
 * the helpers here, so a test class is its outcomes and which helper each actor runs.
 */
public abstract class OwnerThief {
    protected final Proc proc;
    /** The functions under test: {@code Catalogue.ops(variant, proc)}. */
    protected final QueueOps ops;
    protected final P owner;
    protected final P thief;

    /**
     * @param cfg     the Proc's configuration ({@link Configs})
     * @param variant "real" for the port, or the name of a catalogued bug
     */
    protected OwnerThief(ProcConfig cfg, String variant) {
        this.proc = new Proc(cfg);
        this.ops = Catalogue.ops(variant, proc);
        this.owner = proc.allp[0];
        this.thief = proc.newP(1);
    }

    /** Set-up for the wrap tests: the owner's counters to 2^32 − 1, so the race crosses 0. */
    protected final void nearTheWrap() {
        Fixtures.advanceCounters(proc, owner, Configs.JUST_BEFORE_WRAP);
    }

    /** Set-up: G {@code goid} on the owner's queue (runnext when {@code next}), with the port's runqput. */
    protected final void queued(long goid, boolean next) {
        proc.runqput(owner, Fixtures.runnable(goid), next);
    }

    /** The owner's runqget: the goid it got, or 0. */
    protected final int ownerGets() {
        return Fixtures.id(ops.runqget(owner));
    }

    /** The thief's runqsteal from the owner: the goid it returned, or 0. */
    protected final int thiefSteals(boolean stealRunNextG) {
        return Fixtures.id(ops.runqsteal(thief, owner, stealRunNextG));
    }

    /** The owner makes a G with newproc1 and puts it on its ring (runqput, next = false). */
    protected final void ownerMakesAndQueues() {
        G g = proc.newproc1(owner, Configs.FN, null, 0);
        ops.runqput(owner, g, false);
    }

    /** The thief steals; if it got a G: r1 = 1 and r2 = which of newproc1's fields it sees ({@link Configs#fieldsVisible}). */
    protected final void thiefStealsAndLooks(III_Result r, boolean stealRunNextG) {
        G g = ops.runqsteal(thief, owner, stealRunNextG);
        if (g != null) {
            r.r1 = 1;
            r.r2 = Configs.fieldsVisible(g);
        }
    }

    /** Gs left on the two Ps (rings and runnext), for the arbiter. */
    protected final int leftOnBoth() {
        return Fixtures.localRunq(owner).size() + Fixtures.localRunq(thief).size();
    }
}
