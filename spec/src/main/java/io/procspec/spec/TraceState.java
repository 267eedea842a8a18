package io.procspec.spec;

import java.util.Map;

/**
 * One state of a TLC error trace: its number, the action that led to it (a label name, or
 * "Initial predicate", "Stuttering", "Back to state N"), and the variables as TLC printed them.
 */
public record TraceState(int index, String action, Map<String, String> vars) {
    public boolean isInitial() {
        return action.startsWith("Initial predicate");
    }
}
