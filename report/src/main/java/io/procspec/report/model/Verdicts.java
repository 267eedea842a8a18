package io.procspec.report.model;

import java.util.List;
import java.util.Set;

/** The closed vocabularies of the formats (report/README.md). */
public final class Verdicts {
    private Verdicts() {}

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String SKIPPED = "skipped";
    public static final String PARTIAL = "partial";

    /** A layer's verdict. */
    public static final Set<String> LAYER = Set.of(PASS, FAIL, SKIPPED, PARTIAL);
    /** An item's verdict. */
    public static final Set<String> ITEM = Set.of(PASS, FAIL, SKIPPED);
    /** An item's expected outcome. */
    public static final Set<String> EXPECTED = Set.of("pass", "violation");
    /** The layer names, in the report's order. */
    public static final List<String> LAYERS = List.of("impl", "spec", "conformance", "oracle", "properties",
            "stress", "bugs", "bench", "docs");
    /** A trace's source. */
    public static final Set<String> SOURCES = Set.of("tlc", "property", "conformance", "jcstress", "oracle");
}
