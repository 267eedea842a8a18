package io.procspec.conformance;

/** The spec modules the harness knows, and where its models are. */
public final class Modules {
    private Modules() {}

    /**
     * A model by name: one of the spec's ({@code spec/models}) or one of the harness's own
     * ({@code conformance/models}, small models that reach a particular interleaving).
     */
    public static io.procspec.spec.ModelConfig model(io.procspec.spec.SpecLayout layout, String name) {
        java.nio.file.Path own = layout.specDir().getParent().resolve("conformance/models").resolve(name + ".cfg");
        if (java.nio.file.Files.exists(own)) {
            return io.procspec.spec.ModelConfig.parse(own);
        }
        return layout.model(name);
    }

    /** The harness's knowledge of spec module {@code spec}; throws for a module it cannot replay. */
    public static SpecModule of(String spec) {
        // a model names its MC module (MCRunQueue: the algorithm module with the model's bounds)
        String module = spec.startsWith("MC") ? spec.substring(2) : spec;
        return switch (module) {
            case "RunQueue" -> new RunQueueModule();
            case "GFree" -> new GFreeModule();
            case "Proc" -> new ProcModule();
            default -> throw new IllegalArgumentException("the conformance harness has no abstraction function for "
                    + "module " + spec + " (it knows RunQueue, GFree and Proc)");
        };
    }
}
