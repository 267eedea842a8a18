package io.procspec.report;

import java.util.List;
import java.util.Map;

/**
 * A verification layer the report knows: its name (as in procspec.layer/1), the Maven module that
 * runs it, what it checks, the issue that brings it when the module is not there yet, and the Maven
 * arguments of its quick (CI) and full (many-core) settings.
 *
 * <p>Every module also receives {@code -Dprocspec.check=quick|full}; a new layer can read that
 * property instead of adding a line here.
 */
public record LayerDef(String name, String module, String title, String sees, String issue,
                       List<String> quickArgs, List<String> fullArgs) {

    /** The layers in report order. */
    public static final List<LayerDef> ALL = List.of(
            new LayerDef("impl", "impl", "Unit tests of the Java port",
                    "Go's export_test.go checks, wraparound, misuse, the scheduler", null, List.of(), List.of()),
            new LayerDef("spec", "spec", "TLC model checking",
                    "design bugs in every interleaving of small models", "issue 10", List.of(), List.of("-Pdeep")),
            new LayerDef("conformance", "conformance", "Conformance: spec to Java replay, Java to spec trace validation",
                    "Java code that diverges from the spec step by step", "issue 9", List.of(), List.of()),
            new LayerDef("oracle", "oracle", "The Go runtime as oracle",
                    "the port disagreeing with Go itself on scheduling order", "issue 11", List.of(),
                    List.of("-Plong")), // 1000 random + 1000 mixed patterns and the broken models (OracleMain)
            new LayerDef("properties", "properties", "jqwik properties",
                    "model-based chains, controlled interleavings, free-running threads", null, List.of(), List.of("-Plong")),
            new LayerDef("stress", "stress", "jcstress",
                    "the Java memory model, the JIT and the hardware", null, List.of(),
                    List.of("-Dstress.mode=tough", "-Dstress.args=--cpus " + Runtime.getRuntime().availableProcessors())),
            new LayerDef("bugs", "mutants", "Bug catalogue: which layer catches each injected bug",
                    "how much each layer actually finds", "issue 15", List.of(), List.of()),
            new LayerDef("bench", "bench", "JMH benchmarks against peers",
                    "the cost of the port against its peers", "issue 16", List.of("-Dbench.run=check"), List.of("-Dbench.run=full")),
            new LayerDef("docs", "doccheck", "Documented commands from a fresh clone",
                    "README commands that fail on a machine without procspec in ~/.m2", null, List.of(),
                    List.of("-Pall-commands")));

    private static final Map<String, LayerDef> BY_NAME = Map.ofEntries(
            ALL.stream().map(d -> Map.entry(d.name, d)).toArray(Map.Entry[]::new));

    /** The layer of that name, or null. */
    public static LayerDef byName(String name) {
        return BY_NAME.get(name);
    }

    /** Where the layer writes its summary, relative to the repository root. */
    public String summaryPath() {
        return module + "/target/procspec/summary.json";
    }
}
