package io.procspec.report.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counterexample or reference trace, schema {@code procspec.trace/1}: an interleaving of labelled
 * steps by lanes (Ps, Ms or logical threads), with the variables each step changed and, optionally,
 * the queues' contents after it. Written by TLC's harness, the properties, the conformance harness,
 * jcstress's runner and the Go oracle; drawn by the report and by {@code ./procspec explain}.
 * Field reference: {@code report/README.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "source", "title", "model", "property", "lanes", "steps", "replay", "note"})
public final class Trace {
    public static final String SCHEMA = "procspec.trace/1";

    public String schema = SCHEMA;
    /** tlc | property | conformance | jcstress | oracle. */
    public String source;
    public String title;
    public String model;
    public String property;
    /** The actors in display order. */
    public List<String> lanes = new ArrayList<>();
    public List<Step> steps = new ArrayList<>();
    /** Optional: how to replay it (a Schedule, a TLC command ...). */
    public String replay;
    public String note;

    /** One atomic step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"index", "lane", "label", "function", "changes", "queues"})
    public static final class Step {
        /** 1-based position in the trace. */
        public int index;
        public String lane;
        /** The step label (Labels.java / the PlusCal label), or a free description where there is none. */
        public String label;
        /** The proc.go function the step belongs to. */
        public String function;
        /** variable to [before, after], both as strings. */
        public Map<String, List<String>> changes = new LinkedHashMap<>();
        /** Optional: queue name to its contents (head first) after the step. */
        public Map<String, List<String>> queues;
    }
}
