package io.procspec.report.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's own machine-readable summary, schema {@code procspec.layer/1}, written by each layer to
 * {@code <module>/target/procspec/summary.json} and read by the report (never its logs).
 * The authoritative description of every field is {@code report/README.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "layer", "title", "verdict", "reason", "startedAt", "seconds", "command",
        "environment", "figures", "items", "labels"})
public final class LayerSummary {
    public static final String SCHEMA = "procspec.layer/1";

    public String schema = SCHEMA;
    /** One of {@link Verdicts#LAYERS}. */
    public String layer;
    public String title;
    /** pass | fail | skipped | partial. */
    public String verdict;
    /** One line: why skipped, failed or partial; null when passed. */
    public String reason;
    /** ISO-8601 instant, e.g. {@code 2026-11-29T23:00:00Z}. */
    public String startedAt;
    /** Wall-clock seconds the layer took. */
    public Double seconds;
    /** How to reproduce this layer alone, from the repository root. */
    public String command;
    /** jdk, cores, os, seed, ...: name to number or string. */
    public Map<String, Object> environment = new LinkedHashMap<>();
    /** Headline figures: name to number or string. */
    public Map<String, Object> figures = new LinkedHashMap<>();
    public List<Item> items = new ArrayList<>();
    /** Optional: step label to the number of times it fired in this layer. */
    public Map<String, Long> labels;

    /** One model, test, property, pattern, bug or benchmark of a layer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "verdict", "expected", "figures", "detail", "counterexample"})
    public static final class Item {
        public String name;
        /** pass | fail | skipped (the reason in {@link #detail}). */
        public String verdict;
        /** pass (default) or violation: a broken variant or bug model that must be caught. */
        public String expected;
        public Map<String, Object> figures = new LinkedHashMap<>();
        public String detail;
        /** A procspec.trace/1 file, relative to the summary's folder. */
        public String counterexample;

        public Item() {}

        public Item(String name, String verdict) {
            this.name = name;
            this.verdict = verdict;
        }
    }
}
