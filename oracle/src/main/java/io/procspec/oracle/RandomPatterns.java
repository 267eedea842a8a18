package io.procspec.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random patterns ({@code random(seed, n)}): the same seed and size give the same pattern on
 * every machine and JDK ({@link SplittableRandom} is specified exactly).
 *
 * <p>Starting from the root, the generator repeatedly picks a goroutine that already exists and
 * appends a shape to its body, until the pattern has exactly {@code n} goroutines:
 * <ul>
 *   <li>a small fan-out, 1–8 leaves (35%): runnext churn and short ring runs;</li>
 *   <li>a medium fan-out, 9–80 (30%);</li>
 *   <li>a burst of 100–700 (15%): past the 256-slot ring and past 512, so {@code runqputslow}
 *       spills half the ring to the global queue, and the {@code schedtick%61} check then
 *       interleaves the global queue with the ring;</li>
 *   <li>a chain of 2–30 (20%): each goroutine starts the next, which runs from runnext and
 *       inherits the time slice (schedtick does not advance).</li>
 * </ul>
 * Because a goroutine may receive several shapes, and any goroutine (not just the last) may be
 * picked, bodies mix bursts, chains and fans at every depth.
 *
 * <p>{@code mixed(seed, n)} ({@link #mixedTree}) draws from the same shapes and adds the actions
 * that make goroutines give the P back: yields ({@code runtime.Gosched()}), chains whose links
 * yield before or after starting the next, and wait/ready pairs (one goroutine waits, another, or
 * several, ready it), each appended where the pattern has got to, so they land before and after
 * spawns, in parents and children, and sometimes wait before their ready runs (a park and a
 * {@code goready}) and sometimes after (a buffered wake-up). A pair that would deadlock is dropped.
 */
public final class RandomPatterns {

    private RandomPatterns() {}

    /** The random pattern {@code random(seed, n)}. */
    public static Pattern pattern(long seed, int n) {
        return Pattern.parse("random(" + seed + "," + n + ")");
    }

    /** The random pattern with yields, waits and readies {@code mixed(seed, n)}. */
    public static Pattern mixed(long seed, int n) {
        return Pattern.parse("mixed(" + seed + "," + n + ")");
    }

    /** The goroutine tree of {@code random(seed, n)}: exactly n goroutines. */
    static Pattern.Node tree(long seed, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a random pattern needs at least 1 goroutine, got " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Pattern.Node root = new Pattern.Node();
        List<Pattern.Node> all = new ArrayList<>();
        all.add(root);
        int left = n - 1;
        while (left > 0) {
            Pattern.Node at = all.get(rnd.nextInt(all.size()));
            int shape = rnd.nextInt(100);
            if (shape < 20) { // chain
                int len = Math.min(left, 2 + rnd.nextInt(29));
                Pattern.Node last = at;
                for (int i = 0; i < len; i++) {
                    Pattern.Node next = new Pattern.Node();
                    last.spawn(next);
                    all.add(next);
                    last = next;
                }
                left -= len;
            } else {
                int k;
                if (shape < 55) {
                    k = 1 + rnd.nextInt(8);
                } else if (shape < 85) {
                    k = 9 + rnd.nextInt(72);
                } else {
                    k = 100 + rnd.nextInt(601);
                }
                k = Math.min(k, left);
                for (int i = 0; i < k; i++) {
                    Pattern.Node c = new Pattern.Node();
                    at.spawn(c);
                    all.add(c);
                }
                left -= k;
            }
        }
        return root;
    }

    /**
     * The goroutine tree of {@code mixed(seed, n)}: exactly n goroutines, drawn as follows until
     * there are n: a chain of 2–30 (15%; its links, alike, start the next only, or yield first, or
     * yield after), a small fan 1–8 (25%), a medium fan 9–80 (20%), a burst 100–700 (8%), 1–4
     * yields appended to a goroutine (10%), 1–8 wait/ready pairs between random goroutines (15%),
     * or one goroutine that readies 2–20 others that each wait once (7%). A pair or group that
     * would make the pattern deadlock is taken back.
     */
    static Pattern.Node mixedTree(long seed, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a random pattern needs at least 1 goroutine, got " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Pattern.Node root = new Pattern.Node();
        List<Pattern.Node> all = new ArrayList<>();
        all.add(root);
        int left = n - 1;
        int actions = 0;
        while (left > 0) {
            Pattern.Node at = all.get(rnd.nextInt(all.size()));
            int shape = rnd.nextInt(100);
            if (shape < 15) { // a chain; its links yield before or after starting the next, or not at all
                int len = Math.min(left, 2 + rnd.nextInt(29));
                int kind = rnd.nextInt(3);
                Pattern.Node last = at;
                for (int i = 0; i < len; i++) {
                    Pattern.Node next = new Pattern.Node();
                    if (kind == 1 && i > 0) {
                        last.yield();
                    }
                    last.spawn(next);
                    if (kind == 2 && i > 0) {
                        last.yield();
                    }
                    all.add(next);
                    last = next;
                }
                left -= len;
            } else if (shape < 68) {
                int k;
                if (shape < 40) {
                    k = 1 + rnd.nextInt(8);
                } else if (shape < 60) {
                    k = 9 + rnd.nextInt(72);
                } else {
                    k = 100 + rnd.nextInt(601);
                }
                k = Math.min(k, left);
                for (int i = 0; i < k; i++) {
                    Pattern.Node c = new Pattern.Node();
                    at.spawn(c);
                    all.add(c);
                }
                left -= k;
            } else if (actions >= MAX_MIXED_ACTIONS) {
                continue;
            } else if (shape < 78) {
                int k = 1 + rnd.nextInt(4);
                for (int i = 0; i < k; i++) {
                    at.yield();
                }
                actions += k;
            } else if (shape < 93) {
                int pairs = 1 + rnd.nextInt(8);
                for (int i = 0; i < pairs; i++) {
                    Pattern.Node w = all.get(rnd.nextInt(all.size()));
                    Pattern.Node r = all.get(rnd.nextInt(all.size()));
                    actions += tryAppend(root, List.of(w), r);
                }
            } else {
                int k = 2 + rnd.nextInt(19);
                List<Pattern.Node> ws = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    ws.add(all.get(rnd.nextInt(all.size())));
                }
                actions += tryAppend(root, ws, at);
            }
        }
        return root;
    }

    /** Bounds the yield, wait and ready actions of a mixed pattern (far above what n goroutines draw). */
    static final int MAX_MIXED_ACTIONS = 100_000;

    /**
     * Appends a wait to each of {@code waiters} and, to {@code readier}, a ready of each; takes
     * them back if the pattern would then deadlock.
     *
     * @return the actions added (0 if taken back)
     */
    private static int tryAppend(Pattern.Node root, List<Pattern.Node> waiters, Pattern.Node readier) {
        java.util.IdentityHashMap<Pattern.Node, Integer> sizes = new java.util.IdentityHashMap<>();
        for (Pattern.Node w : waiters) {
            sizes.putIfAbsent(w, w.items.size());
        }
        sizes.putIfAbsent(readier, readier.items.size());
        for (Pattern.Node w : waiters) {
            w.waitAction();
        }
        for (Pattern.Node w : waiters) {
            readier.ready(w);
        }
        try {
            Pattern.of("mixed", root);
            return 2 * waiters.size();
        } catch (IllegalArgumentException deadlock) {
            sizes.forEach((nd, size) -> nd.items.subList(size, nd.items.size()).clear());
            return 0;
        }
    }
}
