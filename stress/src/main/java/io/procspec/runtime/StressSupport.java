package io.procspec.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers for the jcstress tests: making Gs in a given state, and checking, after the actors
 * finished (in an {@code @Arbiter}, so quiescent), that every G of a test is in exactly one place.
 *
 * <p>Lives in {@code io.procspec.runtime} only for package-private access to
 * {@link G#schedlink} walks and the free lists' counters; it changes nothing in impl.
 */
public final class StressSupport {
    private StressSupport() {}

    /** A runnable G with the given goid, made as newproc1 would leave it (status by casgstatus). */
    public static G runnable(Proc proc, long goid) {
        G g = new G();
        g.goid = goid;
        proc.casgstatus(g, G._Gidle, G._Grunnable);
        return g;
    }

    /** Runnable Gs with goids 1..n. */
    public static G[] runnableGs(Proc proc, int n) {
        G[] gs = new G[n];
        for (int i = 0; i < n; i++) {
            gs[i] = runnable(proc, i + 1);
        }
        return gs;
    }

    /** A dead G (as goexit leaves one) with goid {@code goid}, with a standard stack or none. */
    public static G dead(Proc proc, long goid, boolean withStack) {
        G g = proc.malg(withStack ? proc.startingStackSize() : -1);
        g.goid = goid;
        proc.casgstatus(g, G._Gidle, G._Gdead);
        return g;
    }

    /** The goid of gp as an int result (0 for none). */
    public static int id(G gp) {
        return gp == null ? 0 : (int) gp.goid;
    }

    /** The goid of a runqget result (0 for none). */
    public static int id(Proc.Runqget r) {
        return r == null ? 0 : id(r.gp());
    }

    /** Everything a P holds in its run queue: runnext first, then the ring from head to tail. */
    public static List<G> localRunq(P pp) {
        List<G> out = new ArrayList<>();
        G next = pp.runnext();
        if (next != null) {
            out.add(next);
        }
        out.addAll(pp.runqSnapshot());
        return out;
    }

    /**
     * Whether the places together hold exactly the Gs {@code expected}: none missing, none twice,
     * no stranger (null included).
     */
    @SafeVarargs
    public static boolean exactlyOnce(G[] expected, List<G>... places) {
        List<List<G>> all = new java.util.ArrayList<>(places.length);
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

    /** A one-element (or empty, for null) list. */
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

    /** Whether sched.runqsize equals the length of the global queue (quiescent). */
    public static boolean globalSizeConsistent(Proc proc) {
        return proc.sched.runqsize() == proc.sched.runq.length();
    }

    /** Whether pp.gFree.n equals the length of pp's free list (quiescent). */
    public static boolean localFreeConsistent(P pp) {
        return pp.gFree.n == pp.gFree.length();
    }

    /** Whether sched.gFree.n equals the lengths of both global free lists (quiescent). */
    public static boolean globalFreeConsistent(Proc proc) {
        return proc.sched.gFree.n == proc.sched.gFree.stack.length() + proc.sched.gFree.noStack.length();
    }

    /** The Gs of a GList, head first. */
    public static List<G> list(GList l) {
        return l.toList();
    }

    /** The Gs of a GQueue, head first. */
    public static List<G> list(GQueue q) {
        return q.toList();
    }

    /** Moves counters of pp to {@code target} by putting and getting a throwaway G (owner, setup only). */
    public static void advanceCounters(Proc proc, P pp, int target) {
        G filler = runnable(proc, 999_999);
        while (pp.runqhead() != target) {
            proc.runqput(pp, filler, false);
            if (proc.runqget(pp).gp() != filler) {
                throw new AssertionError("advanceCounters: queue was not empty");
            }
        }
    }
}
