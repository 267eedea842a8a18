package io.procspec.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * RunQueue's per-operation refinement ({@code Refinement} in {@code spec/tla/RunQueue.tla}: the
 * fine-grained queues refine {@code RunQueueAtomic.tla}, each operation one atomic step with its
 * own batch size) checked on a Java transition: the queues before and after one step of process
 * {@code x}, mapped as the spec's {@code AbsState} maps them, must be related by one of
 * {@code RunQueueAtomic}'s actions of {@code x}, or be unchanged.
 *
 * <p>What is checked is the queues' part of each action ({@code local}, {@code next},
 * {@code global}, and {@code own}: process x owns P x, as RunQueue's {@code pp}): only the owner
 * appends to its ring (Publish) or sets its runnext (PutNext); the owner takes exactly one G
 * (Get), half of a full ring (PutSlowTake) or everything (Drain) from the head of its ring; any
 * other process takes at most half, rounded up, and at most half a ring (Steal, {@code StealMax});
 * anyone takes a runnext (TakeNext); the global queue grows at its tail (GlobPut) or gives exactly
 * the fair share for max 0 or 1 (GlobGet); p.destroy moves the newest local G, or else runnext,
 * to the global head (DestroyMove). The hands' part ({@code held}: the Gs an operation in flight
 * holds) needs the Go functions' locals, which Java does not show; that every G stays in exactly
 * one place is {@code ExactlyOnePlace}'s business.
 */
public final class AtomicRefinement {
    private AtomicRefinement() {}

    /**
     * The queues of {@code RunQueueAtomic}'s state S, mapped from the Java state.
     *
     * @param local  each P's queue from head to tail (P p at index p-1), G numbers, oldest first
     * @param next   each P's runnext, 0 for none
     * @param global sched.runq from head to tail
     */
    public record Queues(List<List<Integer>> local, List<Integer> next, List<Integer> global) {}

    /**
     * The abstract action a step of process {@code x} (1-based) took, from the queues before
     * ({@code s}) and after ({@code s2}): "stutter" when they are unchanged, else the name of the
     * RunQueueAtomic action.
     *
     * @param ring  the ring size (RingSize)
     * @param numP  the number of Ps (NumP, for FairShare)
     * @throws Violation when no action of x relates them, with what the step did and what the
     *         action that comes closest allows
     */
    public static String action(int x, Queues s, Queues s2, int ring, int numP) {
        List<Integer> localChanged = new ArrayList<>();
        List<Integer> nextChanged = new ArrayList<>();
        for (int p = 1; p <= s.local().size(); p++) {
            if (!s.local().get(p - 1).equals(s2.local().get(p - 1))) {
                localChanged.add(p);
            }
            if (!s.next().get(p - 1).equals(s2.next().get(p - 1))) {
                nextChanged.add(p);
            }
        }
        boolean globalChanged = !s.global().equals(s2.global());
        int changes = localChanged.size() + nextChanged.size() + (globalChanged ? 1 : 0);
        if (changes == 0) {
            return "stutter";
        }
        String who = "P" + x;
        if (changes == 1 && localChanged.size() == 1) {
            int p = localChanged.get(0);
            List<Integer> a = s.local().get(p - 1);
            List<Integer> b = s2.local().get(p - 1);
            if (extendsSeq(a, b)) {
                if (p != x) {
                    throw new Violation(who + " appended " + b.subList(a.size(), b.size()) + " to P" + p
                            + "'s queue: only the owner publishes (Publish)");
                }
                if (b.size() > ring) {
                    throw new Violation(who + "'s queue holds " + b.size() + " Gs, more than the ring's " + ring);
                }
                return "Publish";
            }
            if (!isDrop(a, b)) {
                throw new Violation("P" + p + "'s queue went from " + a + " to " + b
                        + ": neither appended to (Publish) nor taken from its head");
            }
            int k = a.size() - b.size();
            if (p == x) {
                if (k == 1) {
                    return "Get";
                }
                if (a.size() == ring && k == ring / 2) {
                    return "PutSlowTake";
                }
                if (b.isEmpty()) {
                    return "Drain";
                }
                throw new Violation(who + " took " + k + " of the " + a.size() + " Gs of its own queue: the owner takes "
                        + "exactly 1 (Get), half of a full ring, " + ring / 2 + " (PutSlowTake), or all (Drain)");
            }
            int max = stealMax(a.size(), ring);
            if (k > max) {
                throw new Violation(who + " took " + k + " of the " + a.size() + " Gs of P" + p + "'s queue " + a
                        + ": a thief takes at most half, rounded up, and at most half a ring: StealMax("
                        + a.size() + ") = " + max + " (Steal)");
            }
            return "Steal";
        }
        if (changes == 1 && nextChanged.size() == 1) {
            int p = nextChanged.get(0);
            if (s2.next().get(p - 1) == 0) {
                return "TakeNext";
            }
            if (p != x) {
                throw new Violation(who + " set P" + p + "'s runnext to G" + s2.next().get(p - 1)
                        + ": only the owner does (PutNext)");
            }
            return "PutNext";
        }
        if (changes == 1) {
            List<Integer> a = s.global();
            List<Integer> b = s2.global();
            if (extendsSeq(a, b)) {
                return "GlobPut";
            }
            if (isDrop(a, b)) {
                int k = a.size() - b.size();
                int f0 = fairShare(a.size(), 0, ring, numP);
                int f1 = fairShare(a.size(), 1, ring, numP);
                if (k != f0 && k != f1) {
                    throw new Violation(who + " took " + k + " of the " + a.size() + " Gs of the global queue: "
                            + "globrunqget takes exactly the fair share, " + f0 + " (max 0) or " + f1 + " (max 1) (GlobGet)");
                }
                return "GlobGet";
            }
            throw new Violation("the global queue went from " + a + " to " + b
                    + ": neither appended to (GlobPut) nor taken from its head (GlobGet)");
        }
        if (changes == 2 && globalChanged && s2.global().size() == s.global().size() + 1
                && s2.global().subList(1, s2.global().size()).equals(s.global())) {
            int g = s2.global().get(0);
            List<Integer> own = s.local().get(x - 1);
            if (localChanged.equals(List.of(x)) && !own.isEmpty() && own.get(own.size() - 1) == g
                    && s2.local().get(x - 1).equals(own.subList(0, own.size() - 1))) {
                return "DestroyMove";
            }
            if (nextChanged.equals(List.of(x)) && own.isEmpty() && s.next().get(x - 1) == g && s2.next().get(x - 1) == 0) {
                return "DestroyMove";
            }
        }
        throw new Violation(who + "'s step changed " + changes + " queues at once (local " + localChanged + ", runnext "
                + nextChanged + (globalChanged ? ", global" : "") + "): no single RunQueueAtomic action does");
    }

    /** RunQueueAtomic's StealMax: half, rounded up, and at most half a ring. */
    static int stealMax(int n, int ring) {
        return Math.min(n - n / 2, ring / 2);
    }

    /** RunQueueDefs' FairShare(size, max). */
    static int fairShare(int size, int max, int ring, int numP) {
        int n0 = Math.min(size / numP + 1, size);
        int n1 = max > 0 ? Math.min(n0, max) : n0;
        return Math.min(n1, ring / 2);
    }

    private static boolean extendsSeq(List<Integer> a, List<Integer> b) {
        return b.size() > a.size() && b.subList(0, a.size()).equals(a);
    }

    private static boolean isDrop(List<Integer> a, List<Integer> b) {
        return b.size() < a.size() && a.subList(a.size() - b.size(), a.size()).equals(b);
    }

    /** A Java transition that is no RunQueueAtomic action. */
    public static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Violation(String m) {
            super(m);
        }
    }
}
