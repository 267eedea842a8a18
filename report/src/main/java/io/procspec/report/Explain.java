package io.procspec.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./procspec explain FILE}: a saved counterexample as the report draws it, on the terminal
 * (a text sequence diagram and the table) or as SVG. FILE may be
 * <ul>
 *   <li>TLC's output with an error trace ({@link TlcTrace}), e.g. {@code spec/target/tlc/<Model>/tlc.out};</li>
 *   <li>a {@code procspec.trace/1} file (written by TLC's harness, a property, the conformance
 *       harness, jcstress's runner or the Go oracle);</li>
 *   <li>a {@code procspec.layer/1} summary: every counterexample its items name (or the one of
 *       {@code --item});</li>
 *   <li>any JSON object holding a {@code procspec.trace/1} under {@code "trace"} (e.g. a property's
 *       own summary in {@code properties/target/property-summary/}).</li>
 * </ul>
 */
public final class Explain {
    private Explain() {}

    /** The traces a file holds, with a title for each. */
    public static List<Trace> load(Path file, String item) throws IOException, FormatError {
        if (Files.isDirectory(file)) {
            throw new FormatError(file + ": a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw new FormatError(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new FormatError(file + ": not a regular file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FormatError(file + ": not UTF-8 text, so neither TLC output nor a procspec JSON file");
        }
        if (!text.stripLeading().startsWith("{") && TlcTrace.looksLikeTlc(text)) {
            // TLC's own output: the model is the folder the harness ran it in (spec/target/tlc/<Model>/tlc.out)
            Path parent = file.toAbsolutePath().getParent();
            String name = file.getFileName().toString();
            String model = name.equals("tlc.out") && parent != null ? parent.getFileName().toString()
                    : name.replaceFirst("\\.[^.]*$", "");
            try {
                return List.of(TlcTrace.parse(text, model));
            } catch (FormatError e) {
                throw new FormatError(file + ": " + e.getMessage());
            }
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new FormatError(file + ": not TLC output, nor a procspec.trace/1 or procspec.layer/1 JSON file ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        String schema = node == null ? null : node.path("schema").asText(null);
        List<Trace> out = new ArrayList<>();
        if (Trace.SCHEMA.equals(schema)) {
            out.add(Formats.readTrace(file));
        } else if (LayerSummary.SCHEMA.equals(schema)) {
            LayerSummary s = Formats.readLayer(file);
            for (LayerSummary.Item it : s.items) {
                if (it.counterexample != null && (item == null || item.equals(it.name))) {
                    Trace t = Formats.readTrace(file.toAbsolutePath().getParent().resolve(it.counterexample));
                    if (t.title == null) {
                        t.title = it.name;
                    }
                    out.add(t);
                }
            }
            if (out.isEmpty()) {
                throw new FormatError(file + ": no item " + (item == null ? "" : "named " + item + " ") + "has a counterexample");
            }
        } else if (node != null && node.has("trace") && Trace.SCHEMA.equals(node.get("trace").path("schema").asText(null))) {
            Trace t = Json.MAPPER.treeToValue(node.get("trace"), Trace.class);
            Formats.validate(file + ": trace", t);
            out.add(t);
        } else {
            throw new FormatError(file + ": neither a procspec.trace/1 trace nor a procspec.layer/1 summary (schema "
                    + (schema == null ? "missing" : "\"" + schema + "\"") + ")");
        }
        return out;
    }

    /** Prints each trace: heading, text diagram, table. */
    public static void printText(PrintStream out, List<Trace> traces, boolean diagram) {
        for (Trace t : traces) {
            out.println(heading(t));
            out.println();
            if (diagram) {
                out.println(TraceDiagram.text(t));
            }
            out.print(TraceDiagram.textTable(t));
            if (t.replay != null) {
                out.println("replay: " + t.replay);
            }
            out.println();
        }
    }

    static String heading(Trace t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.title == null ? "(untitled trace)" : t.title);
        sb.append("  [").append(t.source);
        if (t.model != null) {
            sb.append(", model ").append(t.model);
        }
        if (t.property != null) {
            sb.append(", property ").append(t.property);
        }
        sb.append(", ").append(t.steps.size()).append(" steps]");
        if (t.note != null) {
            sb.append("\n").append(t.note);
        }
        return sb.toString();
    }

    /** Writes one SVG per trace: {@code out} itself for one trace, {@code out-1.svg ...} for several. */
    public static List<Path> writeSvg(Path out, List<Trace> traces) throws IOException {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Path p = out;
            if (traces.size() > 1) {
                String name = out.getFileName().toString().replaceFirst("\\.svg$", "");
                p = out.resolveSibling(name + "-" + (i + 1) + ".svg");
            }
            if (p.toAbsolutePath().getParent() != null) {
                Files.createDirectories(p.toAbsolutePath().getParent());
            }
            Files.writeString(p, TraceDiagram.svg(traces.get(i)), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }
}
