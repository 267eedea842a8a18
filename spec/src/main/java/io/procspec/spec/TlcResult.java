package io.procspec.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a TLC run reported: outcome, the violated property, state counts, depth, times, the error
 * trace (if any), the coverage of each action (label) and of each expression (for branch probes),
 * and whether the trace is a lasso (a temporal counterexample that loops back to an earlier state).
 */
public record TlcResult(
        String model, Outcome outcome, String property, String message,
        long generated, long distinct, long left, int depth,
        Duration tlcTime, Duration wallTime,
        List<TraceState> trace, Map<String, Coverage> coverage, List<CoverageRange> expressions,
        String output, int exitCode) {

    public enum Outcome { OK, INVARIANT, ACTION_PROPERTY, TEMPORAL, DEADLOCK, ASSERTION, ERROR }

    /** Coverage of one action: distinct states it found, and times it was taken. */
    public record Coverage(long distinct, long total) {}

    /** The same result with the violated property named. */
    public TlcResult withProperty(String name) {
        return new TlcResult(model, outcome, name, message, generated, distinct, left, depth, tlcTime, wallTime,
                trace, coverage, expressions, output, exitCode);
    }

    /** Whether TLC explored the whole state space (no error, nothing left on the queue, not cut off). */
    public boolean finished() {
        return outcome == Outcome.OK && left == 0;
    }

    /** Whether the action (label) fired at least once. */
    public boolean fired(String action) {
        Coverage c = coverage.get(action);
        return c != null && c.total() > 0;
    }

    public String summary() {
        String what = switch (outcome) {
            case OK -> "no error";
            case INVARIANT -> "invariant " + property + " violated";
            case ACTION_PROPERTY -> "action property " + property + " violated";
            case TEMPORAL -> "temporal property " + (property == null ? "" : property + " ") + "violated";
            case DEADLOCK -> "deadlock";
            case ASSERTION -> "assertion failed";
            case ERROR -> "TLC error: " + message;
        };
        return String.format("%s: %s; %,d states generated, %,d distinct, depth %d, TLC %.1f s, wall %.1f s",
                model, what, generated, distinct, depth, tlcTime.toMillis() / 1000.0, wallTime.toMillis() / 1000.0);
    }
}
