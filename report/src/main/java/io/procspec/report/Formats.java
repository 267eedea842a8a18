package io.procspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.Trace;
import io.procspec.report.model.Verdicts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the two shared formats, {@code procspec.layer/1} and {@code procspec.trace/1}.
 * A file that breaks its schema is refused with a {@link FormatError} naming the file and field,
 * so that a layer's mistake shows in the report as that layer's failure, not as a silent gap.
 */
public final class Formats {
    private Formats() {}

    /** Reads and validates a layer summary. */
    public static LayerSummary readLayer(Path file) throws IOException, FormatError {
        JsonNode node = parse(file);
        requireSchema(file, node, LayerSummary.SCHEMA);
        LayerSummary s;
        try {
            s = Json.MAPPER.treeToValue(node, LayerSummary.class);
        } catch (JsonProcessingException e) {
            throw new FormatError(file + ": " + e.getOriginalMessage());
        }
        validate(file.toString(), s);
        return s;
    }

    /** The checks of {@link #readLayer}, for a summary already in memory. */
    public static void validate(String where, LayerSummary s) throws FormatError {
        if (s.layer == null || s.layer.isBlank()) {
            throw new FormatError(where + ": \"layer\" is missing");
        }
        if (s.verdict == null || !Verdicts.LAYER.contains(s.verdict)) {
            throw new FormatError(where + ": \"verdict\" is " + quoted(s.verdict) + ", not one of pass, fail, skipped, partial");
        }
        if (!Verdicts.PASS.equals(s.verdict) && (s.reason == null || s.reason.isBlank())) {
            throw new FormatError(where + ": verdict " + s.verdict + " needs a \"reason\"");
        }
        if (s.startedAt != null) {
            try {
                Instant.parse(s.startedAt);
            } catch (DateTimeParseException e) {
                throw new FormatError(where + ": \"startedAt\" is not an ISO-8601 instant: " + s.startedAt);
            }
        }
        if (s.seconds != null && (s.seconds < 0 || s.seconds.isNaN())) {
            throw new FormatError(where + ": \"seconds\" is negative");
        }
        checkFigures(where + ": figures", s.figures);
        checkFigures(where + ": environment", s.environment);
        if (s.items == null) {
            throw new FormatError(where + ": \"items\" is null");
        }
        for (int i = 0; i < s.items.size(); i++) {
            LayerSummary.Item it = s.items.get(i);
            String w = where + ": items[" + i + "]";
            if (it == null || it.name == null || it.name.isBlank()) {
                throw new FormatError(w + ": \"name\" is missing");
            }
            if (it.verdict == null || !Verdicts.ITEM.contains(it.verdict)) {
                throw new FormatError(w + " (" + it.name + "): \"verdict\" is " + quoted(it.verdict) + ", not one of pass, fail, skipped");
            }
            if (it.expected != null && !Verdicts.EXPECTED.contains(it.expected)) {
                throw new FormatError(w + " (" + it.name + "): \"expected\" is " + quoted(it.expected) + ", not pass or violation");
            }
            checkFigures(w + " (" + it.name + "): figures", it.figures);
            if (it.counterexample != null && (it.counterexample.startsWith("/") || it.counterexample.contains(".."))) {
                throw new FormatError(w + " (" + it.name + "): \"counterexample\" must be relative to the summary's folder, inside it");
            }
        }
        if (s.labels != null) {
            for (Map.Entry<String, Long> e : s.labels.entrySet()) {
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new FormatError(where + ": labels." + e.getKey() + " is not a count");
                }
            }
        }
    }

    /** Reads and validates a trace. */
    public static Trace readTrace(Path file) throws IOException, FormatError {
        JsonNode node = parse(file);
        requireSchema(file, node, Trace.SCHEMA);
        Trace t;
        try {
            t = Json.MAPPER.treeToValue(node, Trace.class);
        } catch (JsonProcessingException e) {
            throw new FormatError(file + ": " + e.getOriginalMessage());
        }
        validate(file.toString(), t);
        return t;
    }

    public static void validate(String where, Trace t) throws FormatError {
        if (t.source == null || !Verdicts.SOURCES.contains(t.source)) {
            throw new FormatError(where + ": \"source\" is " + quoted(t.source) + ", not one of tlc, property, conformance, jcstress, oracle");
        }
        if (t.lanes == null || t.lanes.isEmpty()) {
            throw new FormatError(where + ": \"lanes\" is empty");
        }
        if (t.steps == null) {
            throw new FormatError(where + ": \"steps\" is missing");
        }
        for (int i = 0; i < t.steps.size(); i++) {
            Trace.Step s = t.steps.get(i);
            if (s == null || s.lane == null || !t.lanes.contains(s.lane)) {
                throw new FormatError(where + ": steps[" + i + "]: \"lane\" " + (s == null ? "missing" : quoted(s.lane)) + " is not one of the lanes " + t.lanes);
            }
            if (s.changes != null) {
                for (Map.Entry<String, List<String>> c : s.changes.entrySet()) {
                    if (c.getValue() == null || c.getValue().size() != 2) {
                        throw new FormatError(where + ": steps[" + i + "].changes." + c.getKey() + " is not [before, after]");
                    }
                }
            }
        }
    }

    private static JsonNode parse(Path file) throws IOException, FormatError {
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new FormatError(file + ": not JSON: " + e.getOriginalMessage());
        }
    }

    private static void requireSchema(Path file, JsonNode node, String schema) throws FormatError {
        if (node == null || !node.isObject()) {
            throw new FormatError(file + ": not a JSON object");
        }
        String got = node.path("schema").asText(null);
        if (!schema.equals(got)) {
            throw new FormatError(file + ": \"schema\" is " + quoted(got) + ", expected " + schema);
        }
    }

    private static void checkFigures(String where, Map<String, Object> m) throws FormatError {
        if (m == null) {
            return;
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v != null && !(v instanceof Number) && !(v instanceof String) && !(v instanceof Boolean)) {
                throw new FormatError(where + "." + e.getKey() + " is not a number or a string");
            }
        }
    }

    private static String quoted(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }
}
