package io.procspec.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One progress line a layer prints while it runs: {@code [procspec] {json}} on its standard output,
 * schema {@code procspec.progress/1} (report/README.md). {@code ./procspec check} turns them into a
 * live line on a terminal and plain lines in a CI log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ProgressEvent {
    public static final String PREFIX = "[procspec] ";

    /** The layer name (impl, spec, ...). */
    public String layer;
    /** start | item | status | end. */
    public String event;
    /** The model, test, property ... this event is about. */
    public String item;
    /** Items finished so far, and how many the layer will run (when known). */
    public Integer done;
    public Integer total;
    /** pass | fail | skipped (item or end events). */
    public String verdict;
    /** e.g. distinct states so far, tries done. */
    public Map<String, Object> figures = new LinkedHashMap<>();
    public String message;

    /** Parses a line, or returns null if it is not a progress line. */
    public static ProgressEvent parse(String line) {
        int i = line.indexOf(PREFIX + "{");
        if (i < 0) {
            return null;
        }
        try {
            ProgressEvent e = Json.MAPPER.readValue(line.substring(i + PREFIX.length()), ProgressEvent.class);
            return e.layer == null || e.event == null ? null : e;
        } catch (JsonProcessingException ex) {
            return null;
        }
    }
}
