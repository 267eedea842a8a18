package io.procspec.testkit;

import io.procspec.runtime.G;
import io.procspec.runtime.Invariants;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.SchedPoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * G fixtures and small helpers shared by every layer that checks the Java port: impl's unit
 * tests, the jcstress tests ({@code stress/}), the jqwik properties ({@code properties/}) and the
 * conformance harness. Uses only impl's public API.
 *
 * <p>The spec-named invariants themselves live in impl ({@link Invariants}, over a
 * {@link io.procspec.runtime.Snapshot}); the helpers here that check something delegate to them.
 */
public final class Fixtures {
    private Fixtures() {}

    /** A Proc without hooks, used only to change the status of fixture Gs (no queue is touched). */
    private static final Proc SETUP = new Proc(1);

    // ---- Gs ------------------------------------------------------------------------------------

    /** One runnable G with the given goid, as newproc1 leaves it (status set by casgstatus). No stack. */
    public static G runnable(long goid) {
        G g = new G();
        g.goid = goid;
        SETUP.casgstatus(g, G._Gidle, G._Grunnable);
        return g;
    }

    /** Gs as Go's tests make them ({@code make([]g, n)}): runnable, with goids 1..n. */
    public static G[] runnableGs(int n) {
        G[] gs = new G[n];
        for (int i = 0; i < n; i++) {
            gs[i] = runnable(i + 1);
        }
        return gs;
    }

    /** A dead G (as goexit leaves one) with goid {@code goid}, with a stack of proc's starting size or none. */
    public static G dead(Proc proc, long goid, boolean withStack) {
        G g = proc.malg(withStack ? proc.startingStackSize() : -1);
        g.goid = goid;
        SETUP.casgstatus(g, G._Gidle, G._Gdead);
        return g;
    }

    /** Sets gp's status whatever it is (test setup only; not a transition Go makes). */
    public static void forceStatus(G gp, int s) {
        int cur = gp.readgstatus();
        if (cur != s) {
            SETUP.casgstatus(gp, cur, s);
        }
    }

    // ---- reading results -----------------------------------------------------------------------

    /** Takes everything runqget returns, runnext first. */
    public static List<G> drainByGet(Proc proc, P pp) {
        List<G> out = new ArrayList<>();
        for (Proc.Runqget r; (r = proc.runqget(pp)) != null; ) {
            out.add(r.gp());
        }
        return out;
    }

    /** The goid of gp as an int result (0 for none). */
    public static int id(G gp) {
        return gp == null ? 0 : (int) gp.goid;
    }

    /** The goid of a runqget result (0 for none). */
    public static int id(Proc.Runqget r) {
        return r == null ? 0 : id(r.gp());
    }

    /** Everything a P holds in its run queue: runnext first, then the ring from head to tail (quiescent). */
    public static List<G> localRunq(P pp) {
        List<G> out = new ArrayList<>();
        G next = pp.runnext();
        if (next != null) {
            out.add(next);
        }
        out.addAll(pp.runqSnapshot());
        return out;
    }

    /** A one-element (or empty, for null) mutable list. */
    public static List<G> one(G g) {
        List<G> out = new ArrayList<>(1);
        if (g != null) {
            out.add(g);
        }
        return out;
    }

    /** The global run queue, head to tail (quiescent). */
    public static List<G> globalRunq(Proc proc) {
        return proc.sched.runqSnapshot();
    }

    // ---- checks (ExactlyOnePlace for results held outside the Proc; the rest via Invariants) ----

    /**
     * ExactlyOnePlace over result lists: the places together hold exactly the Gs {@code expected},
     * none missing, none twice, no stranger (null included).
     */
    @SafeVarargs
    public static boolean exactlyOnce(G[] expected, List<G>... places) {
        List<List<G>> all = new ArrayList<>(places.length);
        for (List<G> place : places) { // copied, not wrapped: the varargs array never escapes
            all.add(place);
        }
        return exactlyOnce(expected, all);
    }

    /** As {@link #exactlyOnce(G[], List[])}, over a list of places. */
    public static boolean exactlyOnce(G[] expected, List<List<G>> places) {
        Set<G> seen = new HashSet<>();
        int total = 0;
        for (List<G> place : places) {
            for (G g : place) {
                if (g == null || !seen.add(g)) {
                    return false;
                }
                total++;
            }
        }
        if (total != expected.length) {
            return false;
        }
        for (G g : expected) {
            if (!seen.contains(g)) {
                return false;
            }
        }
        return true;
    }

    /** GlobalSizeMatches: sched.runqsize equals the length of the global queue (quiescent). */
    public static boolean globalSizeConsistent(Proc proc) {
        return Invariants.globalSizeMatches(proc.snapshot()).isEmpty();
    }

    /** FreeCountsMatch for pp's own list: pp.gFree.n equals its length (quiescent). */
    public static boolean localFreeConsistent(P pp) {
        return pp.gFree.n == pp.gFree.length();
    }

    /** FreeCountsMatch for the global lists: sched.gFree.n equals both lengths (quiescent). */
    public static boolean globalFreeConsistent(Proc proc) {
        return proc.sched.gFree.n == proc.sched.gFree.stack.length() + proc.sched.gFree.noStack.length();
    }

    // ---- set-up ----------------------------------------------------------------------------------

    /** Moves pp's counters to {@code target} by putting and getting a throwaway G (owner, setup only). */
    public static void advanceCounters(Proc proc, P pp, int target) {
        G filler = runnable(999_999);
        while (pp.runqhead() != target) {
            proc.runqput(pp, filler, false);
            if (proc.runqget(pp).gp() != filler) {
                throw new AssertionError("advanceCounters: queue was not empty");
            }
        }
    }

    /** A hook recording every label, optionally running an action (once) at one label. */
    public static final class Recorder implements SchedPoint {
        public final List<String> labels = new ArrayList<>();
        private String trigger;
        private Runnable action;
        private boolean inAction;

        /** Runs action the first time label is reached (nested points are recorded, not re-triggered). */
        public Recorder once(String label, Runnable action) {
            this.trigger = label;
            this.action = action;
            return this;
        }

        @Override
        public void at(String label) {
            labels.add(label);
            if (!inAction && action != null && label.equals(trigger)) {
                Runnable a = action;
                action = null;
                inAction = true;
                try {
                    a.run();
                } finally {
                    inAction = false;
                }
            }
        }

        public long count(String label) {
            return labels.stream().filter(label::equals).count();
        }
    }
}
