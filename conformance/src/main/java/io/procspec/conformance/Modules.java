package io.procspec.conformance;

/** The spec modules the harness knows. */
public final class Modules {
    private Modules() {}

    /** The harness's knowledge of spec module {@code spec}; throws for a module it cannot replay. */
    public static SpecModule of(String spec) {
        return switch (spec) {
            case "RunQueue" -> new RunQueueModule();
            case "GFree" -> new GFreeModule();
            default -> throw new IllegalArgumentException("the conformance harness has no abstraction function for "
                    + "module " + spec + " (it knows RunQueue and GFree)");
        };
    }
}
