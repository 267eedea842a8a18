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
 */
public final class RandomPatterns {

    private RandomPatterns() {}

    /** The random pattern {@code random(seed, n)}. */
    public static Pattern pattern(long seed, int n) {
        return Pattern.parse("random(" + seed + "," + n + ")");
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
}
