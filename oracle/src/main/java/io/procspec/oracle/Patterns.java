package io.procspec.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The fixed pattern set that CI runs, and the random sets of the long run. */
public final class Patterns {

    private Patterns() {}

    /**
     * The fixed set, each chosen for a rule of the one-P order:
     * <ul>
     *   <li>{@code fan(5)}: runnext (the newest runs first, inheriting the time slice), then the
     *       ring in FIFO order;</li>
     *   <li>{@code fan(256)}, {@code fan(257)}: the ring fills (257 = 256 in the ring + 1 in
     *       runnext) without spilling; {@code fan(258)}: the first {@code runqputslow}, 128 + 1 Gs
     *       to the global queue;</li>
     *   <li>{@code fan(300)}, {@code fan(513)}, {@code fan(600)}, {@code fan(1000)}: one, two,
     *       several spills; the global queue then runs every 61st schedtick
     *       ({@code schedtick%61}) among the ring's Gs, and in {@code globrunqget} batches when
     *       the ring is empty;</li>
     *   <li>{@code chain(50)}, {@code chain(300)}: each G starts the next, which runs from runnext
     *       and inherits the time slice: schedtick does not advance;</li>
     *   <li>{@code tree(10,10,10)}, {@code tree(2,2,2,2,2,2,2,2)}: nested fan-outs, runnext churn
     *       at every level;</li>
     *   <li>{@code tree(3,300)}, {@code g(4*fan(300))}: spills from several spawners while the
     *       global queue still holds the last spill's Gs: the {@code %61} check and the global
     *       batches interleave with fresh spills;</li>
     *   <li>{@code g(300*g,chain(20),100*g)}: a spill, then a chain in the middle of a fan-out,
     *       then more; {@code g(200*g(2*g))}: 200 spawners of 2, past the ring.</li>
     * </ul>
     */
    public static List<Pattern> ci() {
        List<Pattern> out = new ArrayList<>();
        for (String e : new String[] {
                "fan(5)", "fan(256)", "fan(257)", "fan(258)", "fan(300)", "fan(513)", "fan(600)", "fan(1000)",
                "chain(50)", "chain(300)",
                "tree(10,10,10)", "tree(2,2,2,2,2,2,2,2)", "tree(3,300)", "g(4*fan(300))",
                "g(300*g,chain(20),100*g)", "g(200*g(2*g))"}) {
            out.add(Pattern.parse(e));
        }
        return out;
    }

    /** The seeded random patterns CI adds: {@code random(1,300)}, {@code random(2,600)}, {@code random(3,1000)}. */
    public static List<Pattern> ciRandom() {
        return List.of(RandomPatterns.pattern(1, 300), RandomPatterns.pattern(2, 600), RandomPatterns.pattern(3, 1000));
    }

    /**
     * {@code count} random patterns from {@code seed}: pattern i is {@code random(seed+i, n_i)},
     * with n_i drawn from [minSize, maxSize] by a generator seeded with {@code seed}, so a
     * pattern's name alone reproduces it.
     */
    public static List<Pattern> random(long seed, int count, int minSize, int maxSize) {
        if (count < 0 || minSize < 1 || maxSize < minSize || maxSize > Pattern.MAX_SIZE) {
            throw new IllegalArgumentException("need count >= 0 and 1 <= minSize <= maxSize <= " + Pattern.MAX_SIZE
                    + ", got " + count + ", " + minSize + ", " + maxSize);
        }
        SplittableRandom sizes = new SplittableRandom(seed);
        List<Pattern> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = minSize + sizes.nextInt(maxSize - minSize + 1);
            out.add(RandomPatterns.pattern(seed + i, n));
        }
        return out;
    }
}
