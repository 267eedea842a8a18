package io.procspec.spec;

import java.time.Instant;
import java.util.Map;

/**
 * One model checked: its configuration, TLC's result, what each label and each branch probe
 * counted, whether the result is the expected one, and where its trace was written (relative to
 * the layer summary's folder), if any.
 */
public record ModelRun(ModelConfig model, TlcResult result, int workers, Instant startedAt,
                       Map<String, Long> labels, Map<String, Long> probes, boolean asExpected,
                       String traceFile) {
    /** "pass" when TLC reported what the model expects (no error, or the expected violation). */
    public String verdict() {
        return asExpected ? "pass" : "fail";
    }

    /** What TLC reported, in the words of the expectation: "ok" or "invariant NAME" ... */
    public String reported() {
        return switch (result.outcome()) {
            case OK -> "ok";
            case INVARIANT -> "invariant " + result.property();
            case ACTION_PROPERTY -> "action " + result.property();
            case TEMPORAL -> "temporal" + (model.expect().outcome() == TlcResult.Outcome.TEMPORAL
                    && model.properties().size() == 1 ? " " + model.properties().get(0) : "");
            case DEADLOCK -> "deadlock";
            case ASSERTION -> "assertion";
            case ERROR -> "error: " + result.message();
        };
    }
}
