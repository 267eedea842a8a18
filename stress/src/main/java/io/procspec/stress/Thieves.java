package io.procspec.stress;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;
import org.openjdk.jcstress.infra.results.IIIII_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;

import java.util.List;

/**
 * The state of the two-thieves tests: four Gs on the victim's ring of 8 (P 0), two stand-alone
 * thieves (Ps 1 and 2), and, in the three-actor form, the victim's owner taking one G meanwhile.
 * The owner's and the thieves' functions are the port's or a bug twin's. As with
 * {@link OwnerThief}, each test declares its actors and calls these helpers.
 */
public abstract class Thieves {
    protected final Proc proc = new Proc(Configs.ring8());
    protected final P victim = proc.allp[0];
    protected final P thiefA = proc.newP(1);
    protected final P thiefB = proc.newP(2);
    protected final G[] gs = Fixtures.runnableGs(4);
    /** The owner's functions and the thieves'. */
    private final QueueOps ownerOps;
    private final QueueOps thiefOps;
    private G ownerGot;
    private G stolenA;
    private G stolenB;

    /**
     * @param ownerVariant the victim owner's functions: "real" or a catalogued bug
     * @param thiefVariant the thieves' functions
     */
    protected Thieves(String ownerVariant, String thiefVariant) {
        this.ownerOps = Catalogue.ops(ownerVariant, proc);
        this.thiefOps = Catalogue.ops(thiefVariant, proc);
        for (G g : gs) {
            proc.runqput(victim, g, false);
        }
    }

    /** The victim's owner takes one G (runqget). */
    protected final void ownerGets() {
        Proc.Runqget r = ownerOps.runqget(victim);
        ownerGot = r == null ? null : r.gp();
    }

    protected final void thiefAsteals() {
        stolenA = thiefOps.runqsteal(thiefA, victim, false);
    }

    protected final void thiefBsteals() {
        stolenB = thiefOps.runqsteal(thiefB, victim, false);
    }

    /** Arbiter of the two-actor form: r1, r2 = Gs each thief holds; r3 = left on the victim; r4 = 1 if each G is in exactly one place. */
    protected final void judge(IIII_Result r) {
        List<G> a = took(stolenA, thiefA);
        List<G> b = took(stolenB, thiefB);
        List<G> left = Fixtures.localRunq(victim);
        r.r1 = a.size();
        r.r2 = b.size();
        r.r3 = left.size();
        r.r4 = Fixtures.exactlyOnce(gs, a, b, left) ? 1 : 0;
    }

    /** Arbiter of the three-actor form: r1 = the owner's G (0 or 1); r2, r3 = the thieves'; r4 = left; r5 = exactly once. */
    protected final void judgeWithOwner(IIIII_Result r) {
        List<G> o = Fixtures.one(ownerGot);
        List<G> a = took(stolenA, thiefA);
        List<G> b = took(stolenB, thiefB);
        List<G> left = Fixtures.localRunq(victim);
        r.r1 = o.size();
        r.r2 = a.size();
        r.r3 = b.size();
        r.r4 = left.size();
        r.r5 = Fixtures.exactlyOnce(gs, o, a, b, left) ? 1 : 0;
    }

    private static List<G> took(G stolen, P thief) {
        List<G> t = Fixtures.one(stolen);
        t.addAll(Fixtures.localRunq(thief));
        return t;
    }
}
