package io.procspec.stress;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.testkit.Fixtures;

import java.util.ArrayList;
import java.util.List;

/** The free-list checks of the gfree tests (quiescent, in an arbiter). */
final class GfreeChecks {
    private GfreeChecks() {}

    /**
     * Every G of {@code all} is in exactly one of: the Ps' free lists, the two global lists,
     * {@code taken}; each count equals its list's length; the global stack list holds only Gs
     * with a stack and the noStack list only Gs without; every G taken has a stack.
     */
    static boolean consistent(Proc proc, G[] all, List<G> taken) {
        List<List<G>> places = new ArrayList<>();
        for (P pp : proc.allp) {
            if (!Fixtures.localFreeConsistent(pp)) {
                return false;
            }
            places.add(pp.gFree.toList());
        }
        if (!Fixtures.globalFreeConsistent(proc)) {
            return false;
        }
        List<G> stack = proc.sched.gFree.stack.toList();
        List<G> noStack = proc.sched.gFree.noStack.toList();
        for (G g : stack) {
            if (!g.stack.present()) {
                return false;
            }
        }
        for (G g : noStack) {
            if (g.stack.present()) {
                return false;
            }
        }
        for (G g : taken) {
            if (!g.stack.present()) {
                return false;
            }
        }
        places.add(stack);
        places.add(noStack);
        places.add(taken);
        return Fixtures.exactlyOnce(all, places);
    }
}
