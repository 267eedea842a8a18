package io.procspec.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's invariants ({@code spec/README.md}, "What is checked"), checked on a
 * {@link Snapshot} of the Java port, under the same names. Every layer that checks the Java state
 * (impl's tests, jcstress arbiters, jqwik properties, the conformance harness) uses these, so that
 * a violation reads the same everywhere.
 *
 * <p>A snapshot sees the queues and free lists; Gs outside them (taken by {@code runqget} or a
 * steal, handed out by {@code gfget}, running) are the caller's: pass them as {@code held}, each
 * with the status it must have. The checks that count Gs ({@link #EXACTLY_ONE_PLACE} with a
 * universe, {@link #STACK_ACCOUNTING}) are exact only when {@code held} names every G outside the
 * structures.
 *
 * <table>
 *   <caption>invariants</caption>
 *   <tr><th>name</th><th>what</th></tr>
 *   <tr><td>{@code ExactlyOnePlace}</td><td>no G in two places (ring slot between head and tail,
 *       runnext, the global queue, a free list, held); with a universe, none missing and none
 *       unknown</td></tr>
 *   <tr><td>{@code StatusMatchesPlace}</td><td>queued Gs {@code _Grunnable}, free ones
 *       {@code _Gdead}, held ones as the caller says</td></tr>
 *   <tr><td>{@code RingBounded}</td><td>{@code 0 <= tail - head <= len(runq)} (unsigned)</td></tr>
 *   <tr><td>{@code GlobalSizeMatches}</td><td>{@code sched.runqsize == len(sched.runq)}</td></tr>
 *   <tr><td>{@code FreeCountsMatch}</td><td>{@code pp.gFree.n} and {@code sched.gFree.n} equal
 *       the list lengths</td></tr>
 *   <tr><td>{@code GlobalFreeListsSorted}</td><td>{@code sched.gFree.stack} Gs have a stack,
 *       {@code .noStack} Gs none</td></tr>
 *   <tr><td>{@code LocalFreeListBounded}</td><td>{@code pp.gFree.n < localMax} (after gfput
 *       returned)</td></tr>
 *   <tr><td>{@code StackAccounting}</td><td>stacks allocated = stacks held by Gs + stacks freed,
 *       and no stack held by two Gs</td></tr>
 *   <tr><td>{@code LiveGsHaveStacks}</td><td>every runnable, running or waiting G has a stack
 *       (newproc1's "newg missing stack")</td></tr>
 *   <tr><td>{@code GoidsUnique}</td><td>live (not dead) Gs have distinct goids</td></tr>
 * </table>
 */
public final class Invariants {
    private Invariants() {}

    // The names are the spec's ({@link SpecProperties}), so a violation reads the same in TLC's
    // output and in Java's.
    public static final String EXACTLY_ONE_PLACE = SpecProperties.EXACTLY_ONE_PLACE;
    public static final String STATUS_MATCHES_PLACE = SpecProperties.STATUS_MATCHES_PLACE;
    public static final String RING_BOUNDED = SpecProperties.RING_BOUNDED;
    public static final String GLOBAL_SIZE_MATCHES = SpecProperties.GLOBAL_SIZE_MATCHES;
    public static final String FREE_COUNTS_MATCH = SpecProperties.FREE_COUNTS_MATCH;
    public static final String GLOBAL_FREE_LISTS_SORTED = SpecProperties.GLOBAL_FREE_LISTS_SORTED;
    public static final String LOCAL_FREE_LIST_BOUNDED = SpecProperties.LOCAL_FREE_LIST_BOUNDED;
    public static final String STACK_ACCOUNTING = SpecProperties.STACK_ACCOUNTING;
    public static final String LIVE_GS_HAVE_STACKS = SpecProperties.LIVE_GS_HAVE_STACKS;
    public static final String GOIDS_UNIQUE = SpecProperties.GOIDS_UNIQUE;

    /** Every invariant name, in the order {@link #check} runs them. */
    public static final List<String> ALL = List.of(EXACTLY_ONE_PLACE, STATUS_MATCHES_PLACE, RING_BOUNDED,
            GLOBAL_SIZE_MATCHES, FREE_COUNTS_MATCH, GLOBAL_FREE_LISTS_SORTED, LOCAL_FREE_LIST_BOUNDED,
            STACK_ACCOUNTING, LIVE_GS_HAVE_STACKS, GOIDS_UNIQUE);

    /** One broken invariant: its spec name and what was seen. */
    public record Violation(String invariant, String detail) {
        @Override
        public String toString() {
            return invariant + ": " + detail;
        }
    }

    /**
     * Where every G of a snapshot is: "runq[p]" (ring between head and tail), "runnext[p]",
     * "gFree[p]", "globrunq", "gFree.stack", "gFree.noStack", "held". A G in two places is listed
     * under its first; {@link #exactlyOnePlace} reports the second.
     */
    public static Map<G, String> places(Snapshot s, Map<G, Integer> held) {
        Map<G, String> where = new IdentityHashMap<>();
        placeAll(s, held, where, new ArrayList<>());
        return where;
    }

    private static void placeAll(Snapshot s, Map<G, Integer> held, Map<G, String> where, List<String> twice) {
        for (Snapshot.PView p : s.allp()) {
            if (p.size() <= p.ringSize()) {
                for (G g : p.runq()) {
                    place(where, g, "runq[" + p.id() + "]", twice);
                }
            }
            if (p.runnext() != null) {
                place(where, p.runnext(), "runnext[" + p.id() + "]", twice);
            }
            for (G g : p.gFree()) {
                place(where, g, "gFree[" + p.id() + "]", twice);
            }
        }
        for (G g : s.globrunq()) {
            place(where, g, "globrunq", twice);
        }
        for (G g : s.gFreeStack()) {
            place(where, g, "gFree.stack", twice);
        }
        for (G g : s.gFreeNoStack()) {
            place(where, g, "gFree.noStack", twice);
        }
        if (held != null) {
            for (G g : held.keySet()) {
                place(where, g, "held", twice);
            }
        }
    }

    private static void place(Map<G, String> where, G g, String place, List<String> twice) {
        if (g == null) {
            twice.add("a nil G in " + place);
            return;
        }
        String was = where.putIfAbsent(g, place);
        if (was != null) {
            twice.add(g + " is in " + was + " and in " + place);
        }
    }

    /**
     * Every invariant of the table above. {@code held}: Gs outside the structures with the status
     * each must have (may be empty); {@code universe}: every G the caller knows of, or null to skip
     * the "none missing, none unknown" part of ExactlyOnePlace.
     */
    public static List<Violation> check(Snapshot s, Map<G, Integer> held, Collection<G> universe) {
        List<Violation> out = new ArrayList<>();
        out.addAll(exactlyOnePlace(s, held, universe));
        out.addAll(statusMatchesPlace(s, held));
        out.addAll(ringBounded(s));
        out.addAll(globalSizeMatches(s));
        out.addAll(freeCountsMatch(s));
        out.addAll(globalFreeListsSorted(s));
        out.addAll(localFreeListBounded(s));
        out.addAll(stackAccounting(s, held));
        out.addAll(liveGsHaveStacks(s, held));
        out.addAll(goidsUnique(s, held));
        return out;
    }

    /** {@link #check} without a universe. */
    public static List<Violation> check(Snapshot s, Map<G, Integer> held) {
        return check(s, held, null);
    }

    /** Throws an AssertionError naming every violation of {@link #check}; for tests. */
    public static void assertAll(Snapshot s, Map<G, Integer> held, Collection<G> universe) {
        List<Violation> v = check(s, held, universe);
        if (!v.isEmpty()) {
            throw new AssertionError("invariants violated: " + v);
        }
    }

    public static List<Violation> exactlyOnePlace(Snapshot s, Map<G, Integer> held, Collection<G> universe) {
        List<Violation> out = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        Map<G, String> where = new IdentityHashMap<>();
        placeAll(s, held, where, twice);
        for (String t : twice) {
            out.add(new Violation(EXACTLY_ONE_PLACE, t));
        }
        if (universe != null) {
            Map<G, Boolean> known = new IdentityHashMap<>();
            for (G g : universe) {
                known.put(g, Boolean.TRUE);
                if (!where.containsKey(g)) {
                    out.add(new Violation(EXACTLY_ONE_PLACE, g + " is lost (in no queue, no free list, not held)"));
                }
            }
            for (Map.Entry<G, String> e : where.entrySet()) {
                if (!known.containsKey(e.getKey())) {
                    out.add(new Violation(EXACTLY_ONE_PLACE, e.getKey() + " in " + e.getValue() + " is unknown"));
                }
            }
        }
        return out;
    }

    public static List<Violation> statusMatchesPlace(Snapshot s, Map<G, Integer> held) {
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<G, String> e : places(s, held).entrySet()) {
            G g = e.getKey();
            String place = e.getValue();
            int want = place.equals("held") ? held.get(g)
                    : place.startsWith("runq") || place.startsWith("runnext") || place.equals("globrunq")
                    ? G._Grunnable : G._Gdead;
            int got = status(s, g);
            if (got != want) {
                out.add(new Violation(STATUS_MATCHES_PLACE, g + " in " + place + " is " + G.statusName(got)
                        + ", should be " + G.statusName(want)));
            }
        }
        return out;
    }

    public static List<Violation> ringBounded(Snapshot s) {
        List<Violation> out = new ArrayList<>();
        for (Snapshot.PView p : s.allp()) {
            if (p.size() > p.ringSize()) {
                out.add(new Violation(RING_BOUNDED, "p" + p.id() + ": tail - head = " + p.size() + " > ring "
                        + p.ringSize() + " (head " + Integer.toUnsignedString(p.runqhead()) + ", tail "
                        + Integer.toUnsignedString(p.runqtail()) + ")"));
            }
        }
        return out;
    }

    public static List<Violation> globalSizeMatches(Snapshot s) {
        if (s.runqsize() != s.globrunq().size()) {
            return List.of(new Violation(GLOBAL_SIZE_MATCHES, "sched.runqsize " + s.runqsize()
                    + " != length of sched.runq " + s.globrunq().size()));
        }
        return List.of();
    }

    public static List<Violation> freeCountsMatch(Snapshot s) {
        List<Violation> out = new ArrayList<>();
        for (Snapshot.PView p : s.allp()) {
            if (p.gFreeN() != p.gFree().size()) {
                out.add(new Violation(FREE_COUNTS_MATCH, "p" + p.id() + ".gFree.n " + p.gFreeN() + " != length "
                        + p.gFree().size()));
            }
        }
        int total = s.gFreeStack().size() + s.gFreeNoStack().size();
        if (s.gFreeN() != total) {
            out.add(new Violation(FREE_COUNTS_MATCH, "sched.gFree.n " + s.gFreeN() + " != " + s.gFreeStack().size()
                    + " + " + s.gFreeNoStack().size()));
        }
        return out;
    }

    public static List<Violation> globalFreeListsSorted(Snapshot s) {
        List<Violation> out = new ArrayList<>();
        for (G g : s.gFreeStack()) {
            if (!view(s, g).stack().present()) {
                out.add(new Violation(GLOBAL_FREE_LISTS_SORTED, g + " on sched.gFree.stack has no stack"));
            }
        }
        for (G g : s.gFreeNoStack()) {
            if (view(s, g).stack().present()) {
                out.add(new Violation(GLOBAL_FREE_LISTS_SORTED, g + " on sched.gFree.noStack has a stack"));
            }
        }
        return out;
    }

    public static List<Violation> localFreeListBounded(Snapshot s) {
        List<Violation> out = new ArrayList<>();
        for (Snapshot.PView p : s.allp()) {
            if (p.gFreeN() >= s.gfreeLocalMax()) {
                out.add(new Violation(LOCAL_FREE_LIST_BOUNDED, "p" + p.id() + ".gFree.n " + p.gFreeN()
                        + " >= localMax " + s.gfreeLocalMax()));
            }
        }
        return out;
    }

    public static List<Violation> stackAccounting(Snapshot s, Map<G, Integer> held) {
        List<Violation> out = new ArrayList<>();
        Map<Long, G> byId = new HashMap<>();
        long withStack = 0;
        for (G g : places(s, held).keySet()) {
            Stack st = view(s, g).stack();
            if (st.present()) {
                withStack++;
                G other = byId.put(st.id(), g);
                if (other != null) {
                    out.add(new Violation(STACK_ACCOUNTING, "stack " + st.id() + " held by " + other + " and " + g));
                }
            }
        }
        if (s.stacks().inUse() != withStack) {
            out.add(new Violation(STACK_ACCOUNTING, "stacks allocated " + s.stacks().allocated() + " - freed "
                    + s.stacks().freed() + " = " + s.stacks().inUse() + " != Gs holding a stack " + withStack));
        }
        return out;
    }

    public static List<Violation> liveGsHaveStacks(Snapshot s, Map<G, Integer> held) {
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<G, String> e : places(s, held).entrySet()) {
            G g = e.getKey();
            int st = status(s, g);
            if ((st == G._Grunnable || st == G._Grunning || st == G._Gwaiting) && !view(s, g).stack().present()) {
                out.add(new Violation(LIVE_GS_HAVE_STACKS, g + " in " + e.getValue() + " is "
                        + G.statusName(st) + " without a stack"));
            }
        }
        return out;
    }

    public static List<Violation> goidsUnique(Snapshot s, Map<G, Integer> held) {
        List<Violation> out = new ArrayList<>();
        Map<Long, G> seen = new LinkedHashMap<>();
        for (G g : places(s, held).keySet()) {
            Snapshot.GView v = view(s, g);
            if (v.status() == G._Gdead || v.status() == G._Gidle) {
                continue;
            }
            G other = seen.put(v.goid(), g);
            if (other != null) {
                out.add(new Violation(GOIDS_UNIQUE, "goid " + v.goid() + " shared by two live Gs"));
            }
        }
        return out;
    }

    private static int status(Snapshot s, G g) {
        return view(s, g).status();
    }

    /** The snapshot's copy of g, or (for a held G the snapshot was not told about) g's fields now. */
    private static Snapshot.GView view(Snapshot s, G g) {
        Snapshot.GView v = s.gs().get(g);
        return v == null ? Snapshot.GView.of(g) : v;
    }
}
