package io.procspec.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a TLC run reported: outcome, the violated property, state counts, depth, times, the error
 * trace (if any) and the coverage of each action (label).
 */
public record TlcResult(
        String model, Outcome outcome, String property, String message,
        long generated, long distinct, long left, int depth,
        Duration tlcTime, Duration wallTime,
        List<TraceState> trace, Map<String, Coverage> coverage, String output, int exitCode) {

    public enum Outcome { OK, INVARIANT, ACTION_PROPERTY, TEMPORAL, DEADLOCK, ASSERTION, ERROR }

    /** Coverage of one action: distinct states it found, and times it was taken. */
    public record Coverage(long distinct, long total) {}

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
