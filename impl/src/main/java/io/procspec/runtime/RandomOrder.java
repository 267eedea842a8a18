package io.procspec.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * randomOrder (proc.go): enumerates {@code 0..count-1} in a pseudo-random order — a random start
 * and a random stride coprime to {@code count}, so that every position is visited exactly once.
 * {@link MLoop#stealWork} visits the victims in such an order ({@code stealOrder}). Immutable.
 */
final class RandomOrder {
    final int count;
    /** The strides: every {@code i} in {@code 1..count} with {@code gcd(i, count) == 1}. */
    final int[] coprimes;

    /** reset(count). */
    RandomOrder(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("randomOrder: count must be >= 1, got " + count);
        }
        this.count = count;
        List<Integer> cs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (gcd(i, count) == 1) {
                cs.add(i);
            }
        }
        this.coprimes = cs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** start: the enumeration for the random number {@code i} (an unsigned 32-bit value). */
    RandomEnum start(int i) {
        long u = Integer.toUnsignedLong(i);
        return new RandomEnum(count, (int) (u % count), coprimes[(int) ((u / count) % coprimes.length)]);
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return "randomOrder" + Arrays.toString(coprimes);
    }
}
