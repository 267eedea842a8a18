package io.procspec.conformance;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;

import java.util.List;

/**
 * Direction 2's jqwik source: the choices of a recorded run (operations, their inputs, the thread
 * of every step) as a list of ints ({@link TraceValidation.Choices#of}), which jqwik generates and
 * shrinks (shorter lists and smaller ints: fewer preemptions, the driver's first operations).
 */
final class JqwikChoices {
    private JqwikChoices() {}

    /** Up to 400 ints in [0, 65535], list sizes spread uniformly (a run takes about 150 choices). */
    static Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 65_535).list().ofMaxSize(400)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /**
     * {@code n} samples of {@link #choices()}, the same for the same seed: jqwik's generator drawing
     * from its source of randomness seeded with {@code seed} (as a property with {@code seed = "…"}).
     */
    static List<List<Integer>> samples(int n, long seed) {
        if (n == 0) {
            return List.of();
        }
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
        return choices().sampleStream().limit(n).toList();
    }
}
