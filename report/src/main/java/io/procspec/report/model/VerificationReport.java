package io.procspec.report.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's own {@code summary.json}, schema {@code procspec.report/1}: the run (command, mode,
 * time, environment), every known layer as a {@code procspec.layer/1} summary (the layer's own,
 * or one the report writes for a layer that is absent, not selected or wrote nothing, always with
 * its reason), the traceability table and every counterexample trace. Reference: report/README.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "verdict", "reason", "complete", "startedAt", "seconds", "command", "mode",
        "selected", "maven", "mavenExitCode", "environment", "layers", "layerFiles", "traceability", "traces"})
public final class VerificationReport {
    public static final String SCHEMA = "procspec.report/1";

    public String schema = SCHEMA;
    /** fail if any layer failed; pass if every layer passed; partial otherwise (some skipped or partial). */
    public String verdict;
    public String reason;
    /** Always true in a report moved into place; a report of an interrupted run is never moved there. */
    public boolean complete = true;
    public String startedAt;
    public Double seconds;
    /** The command as the user gave it, e.g. {@code ./procspec check --quick}. */
    public String command;
    /** quick | full | reuse. */
    public String mode;
    public List<String> selected = new ArrayList<>();
    /** The Maven command line that ran the layers (null when no Maven run). */
    public String maven;
    public Integer mavenExitCode;
    public Map<String, Object> environment = new LinkedHashMap<>();
    public List<LayerSummary> layers = new ArrayList<>();
    /** layer to the summary file it came from, relative to the repository root (absent: written by the report). */
    public Map<String, String> layerFiles = new LinkedHashMap<>();
    public List<Object> traceability = new ArrayList<>();
    public List<TraceRef> traces = new ArrayList<>();

    /** A counterexample with where it came from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "layer", "item", "expected", "file", "trace", "error"})
    public static final class TraceRef {
        /** An HTML id, unique in the report. */
        public String id;
        public String layer;
        public String item;
        /** true when the item expected a violation (a caught bug), false for a real failure. */
        public boolean expected;
        /** The trace file, relative to the repository root. */
        public String file;
        public Trace trace;
        /** Why the file could not be read, if it could not. */
        public String error;
    }
}
