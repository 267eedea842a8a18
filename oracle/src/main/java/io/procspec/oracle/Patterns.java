package io.procspec.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The fixed pattern sets that CI runs, and the random sets of the long run. */
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
     * and the goroutines that give the P back ({@link #ciSync()}).
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
        out.addAll(ciSync());
        return out;
    }

    /**
     * The fixed patterns whose goroutines yield ({@code runtime.Gosched()}: to the global queue, a
     * new time slice when taken back) and wait until readied ({@code goready}: into the readier's
     * runnext, inheriting its time slice), each chosen for a rule:
     * <ul>
     *   <li>{@code g(300*g(yield))}: 300 leaves that each yield once, after a spill: the global
     *       queue holds the spilled half and every yielded leaf; the {@code %61} check and the
     *       {@code globrunqget} batches take them in queue order;</li>
     *   <li>{@code g(200*g,yield,200*g)}: the spawner yields in the middle of a fan-out: the
     *       goroutine it started last is still in runnext and runs next, inheriting the slice; the
     *       spawner comes back from the global queue after the ring (or at the {@code %61} check);</li>
     *   <li>{@code chain(40,yield)}, {@code chain(40,go,yield)}: chains whose links yield before,
     *       or after, starting the next (after: the next runs from runnext though its parent left
     *       by Gosched); {@code g(300*g,chain(30,g,go,yield))}: the same after a spill;</li>
     *   <li>{@code g(a:g(100*(ready(b),wait)),b:g(100*(wait,ready(a))))}: ping-pong: each readies
     *       the other (goready: runnext) and parks; the pair shares one time slice (schedtick does
     *       not move), so {@code g(600*g,a:g(...),b:g(...))}, with spilled goroutines waiting on the
     *       global queue, meets the {@code %61} check at a fixed schedtick on every switch;</li>
     *   <li>{@code g(199*w#:g(wait),w200:g(ready(r),wait),r:g(wait,200*ready(w#)))}: one goroutine
     *       readies 200 parked ones (the last waiter to park wakes it), each {@code goready}
     *       kicking the previous out of runnext into the ring; {@code g(300*w#:g(wait),yield,
     *       300*ready(w#))}: 300 waiters (the spawner spills, and comes back from the global queue
     *       behind the spilled ones), whose readies fill the ring, so {@code goready}'s
     *       {@code runqput} spills with {@code runqputslow};</li>
     *   <li>{@code m:g(100*g(ready(m)),100*wait)}: one goroutine readied by 100 in turn: it runs
     *       right after each (runnext), ahead of the ring;</li>
     *   <li>{@code g(300*g(yield),a:g(wait),g(ready(a),yield,fan(3)))}: yields, a park and a
     *       goready and a fan-out all around the {@code %61} check.</li>
     * </ul>
     */
    public static List<Pattern> ciSync() {
        List<Pattern> out = new ArrayList<>();
        for (String e : new String[] {
                "g(300*g(yield))", "g(200*g,yield,200*g)",
                "chain(40,yield)", "chain(40,go,yield)", "g(300*g,chain(30,g,go,yield))",
                "g(a:g(100*(ready(b),wait)),b:g(100*(wait,ready(a))))",
                "g(600*g,a:g(100*(ready(b),wait)),b:g(100*(wait,ready(a))))",
                "g(199*w#:g(wait),w200:g(ready(r),wait),r:g(wait,200*ready(w#)))",
                "g(300*w#:g(wait),yield,300*ready(w#))",
                "m:g(100*g(ready(m)),100*wait)",
                "g(300*g(yield),a:g(wait),g(ready(a),yield,fan(3)))"}) {
            out.add(Pattern.parse(e));
        }
        return out;
    }

    /**
     * The seeded random patterns CI adds: {@code random(1,300)}, {@code random(2,600)},
     * {@code random(3,1000)}, and with yields, waits and readies {@code mixed(1,300)},
     * {@code mixed(2,600)}, {@code mixed(3,1000)}.
     */
    public static List<Pattern> ciRandom() {
        return List.of(RandomPatterns.pattern(1, 300), RandomPatterns.pattern(2, 600), RandomPatterns.pattern(3, 1000),
                RandomPatterns.mixed(1, 300), RandomPatterns.mixed(2, 600), RandomPatterns.mixed(3, 1000));
    }

    /**
     * {@code count} random patterns from {@code seed}: pattern i is {@code random(seed+i, n_i)},
     * with n_i drawn from [minSize, maxSize] by a generator seeded with {@code seed}, so a
     * pattern's name alone reproduces it.
     */
    public static List<Pattern> random(long seed, int count, int minSize, int maxSize) {
        return random(seed, count, minSize, maxSize, false);
    }

    /**
     * {@code count} mixed patterns (with yields, waits and readies) from {@code seed}: pattern i is
     * {@code mixed(seed+i, n_i)}, sizes drawn as in {@link #random(long, int, int, int)}.
     */
    public static List<Pattern> mixed(long seed, int count, int minSize, int maxSize) {
        return random(seed, count, minSize, maxSize, true);
    }

    private static List<Pattern> random(long seed, int count, int minSize, int maxSize, boolean mixed) {
        if (count < 0 || minSize < 1 || maxSize < minSize || maxSize > Pattern.MAX_SIZE) {
            throw new IllegalArgumentException("need count >= 0 and 1 <= minSize <= maxSize <= " + Pattern.MAX_SIZE
                    + ", got " + count + ", " + minSize + ", " + maxSize);
        }
        SplittableRandom sizes = new SplittableRandom(seed);
        List<Pattern> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = minSize + sizes.nextInt(maxSize - minSize + 1);
            out.add(mixed ? RandomPatterns.mixed(seed + i, n) : RandomPatterns.pattern(seed + i, n));
        }
        return out;
    }
}
