package io.procspec.conformance;

import io.procspec.spec.SpecLayout;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jqwik shrinks a log that TLC rejects: the property "every log of bug B's Java twin, from a jqwik
 * list of choices ({@link JqwikChoices#choices()}), is a behaviour of RunQueue" fails for a
 * divergent twin, and jqwik shrinks the failing list towards fewer choices and smaller ints (fewer
 * preemptions, the driver's first operations), printing the smallest list it found; recording it
 * again ({@code TraceValidation.record(constants, bug, list, …)}) gives the shrunk log.
 *
 * <p>Every try and every shrinking step is a TLC run (seconds each), so the property runs only on
 * request, naming the bug ({@code "real"} for the port as it is, which must pass):
 * {@code -Dtest=TraceShrinking -Dprocspec.conformance.shrink=runqputslow_spill_short} on the
 * module's verify. Shrinking stops after {@code jqwik.shrinking.bounded.seconds} (300 s here,
 * {@code src/test/resources/junit-platform.properties}).
 */
class TraceShrinking {
    static final String BUG = "procspec.conformance.shrink";
    static final ExecutorService POOL = Pools.daemon();
    static final Map<String, String> C = TraceValidation.defaultConstants();

    /** Skips the property unless {@code -Dprocspec.conformance.shrink=BUG} names a bug. */
    public static final class OnRequest implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return System.getProperty(BUG) == null
                    ? SkipResult.skip("runs on request: -D" + BUG + "=BUG (every try is a TLC run)")
                    : SkipResult.doNotSkip();
        }
    }

    @Property(tries = 100, seed = "42", shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(OnRequest.class)
    void logsOfTheBugsTwinAreBehavioursOfTheSpec(@ForAll("choices") List<Integer> choices) {
        String bug = System.getProperty(BUG);
        SpecLayout layout = SpecLayout.detect();
        TraceValidation.Trace t = TraceValidation.record(C, bug, choices, "shrinking", POOL);
        assertThat(t.failure()).as("the Java run of %s", bug).isNull();
        assertThat(TraceValidation.accepted(layout, layout.workDir().resolve("trace-shrinking"), C, t, Duration.ofMinutes(2)))
                .as("TLC accepts the log of %s's twin (%d steps) recorded from these choices", bug, t.steps().size())
                .isTrue();
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return JqwikChoices.choices();
    }
}
