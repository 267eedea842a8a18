package io.procspec.mutants.hunt;

import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;

/** Manual probe: java ... HuntProbe [bug...] prints what the hunt finds and how long it takes. */
public class HuntProbe {
    public static void main(String[] args) {
        String[] bugs = args.length == 0 ? new String[] {"real"} : args;
        for (String b : bugs) {
            Hunt.Result r = Hunt.hunt(p -> Catalogue.ops(b, p), 2, 100_000, 120);
            System.out.printf("%s: caught=%s scenario=%s bound=%d executions=%d steps=%d %.1fs %s%n", b, r.caught(),
                    r.scenario(), r.preemptionBound(), r.executions(), r.steps(), r.seconds(), r.failure());
        }
    }
}
