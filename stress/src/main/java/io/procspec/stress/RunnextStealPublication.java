package io.procspec.stress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Test 1b. As {@link RunqputStealPublication}, through runnext: the owner runs {@code newproc}
 * (newproc1, then runqput with next=true, a CAS of runnext); the thief steals runnext
 * (runqgrab's plain load of runnext, validated by its CAS). The owner's CAS publishes the G's
 * fields; the thief's successful CAS reads the value the owner's CAS wrote, so it sees them.
 *
 * <p>r1: 1 if the thief stole a G; r2: fields visible (31 = all); r3: Gs left on the owner.
 */
@JCStressTest
@Description("newproc (runqput next=true) vs runqsteal of runnext: the stolen G is fully visible")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "The thief found runnext empty (before the owner's CAS): nothing stolen; the G stays in runnext.")
@Outcome(id = "1, 31, 0", expect = ACCEPTABLE, desc = "The thief took the new G out of runnext by CAS and sees every field newproc1 wrote.")
@Outcome(expect = FORBIDDEN, desc = "A stolen G with a field missing, or a G both stolen and left in runnext, or lost.")
@State
public class RunnextStealPublication extends OwnerThief {

    public RunnextStealPublication() {
        super(Configs.ring4(), "real");
    }

    @Actor
    public void owner() {
        proc.newproc(owner, Configs.FN, null);
    }

    @Actor
    public void thief(III_Result r) {
        thiefStealsAndLooks(r, true);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = leftOnBoth();
    }
}
