package io.procspec.report;

import io.procspec.report.model.Trace;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link Trace} as a sequence diagram with PlantUML: one lane per actor, one arrow per
 * labelled step on its lane (step number, label, function, the variables it changed), and after
 * each step that records them, the queues' contents across all lanes. The same drawing comes out as
 * SVG (the report, {@code explain --svg}) or as Unicode text (the terminal), and {@link #table}
 * gives the same data as rows.
 */
public final class TraceDiagram {
    private TraceDiagram() {}

    /** The PlantUML source of the diagram, with creole markup (for SVG). */
    public static String plantUml(Trace t) {
        return plantUml(t, true);
    }

    /**
     * The PlantUML source; {@code markup} false for the text renderer, which prints creole as
     * written (so nothing is escaped or made bold there).
     */
    static String plantUml(Trace t, boolean markup) {
        java.util.function.UnaryOperator<String> esc = markup ? TraceDiagram::esc : s -> s.replace('\n', ' ');
        String bold = markup ? "**" : "";
        StringBuilder sb = new StringBuilder("@startuml\n");
        sb.append("skinparam shadowing false\n");
        sb.append("skinparam defaultFontName DejaVu Sans\n");
        sb.append("skinparam sequenceMessageAlign left\n");
        sb.append("skinparam noteBackgroundColor #F4F6FA\n");
        sb.append("skinparam noteBorderColor #99A\n");
        sb.append("hide footbox\n");
        for (int i = 0; i < t.lanes.size(); i++) {
            sb.append("participant \"").append(esc.apply(t.lanes.get(i))).append("\" as L").append(i).append('\n');
        }
        String first = "L0";
        String last = "L" + (t.lanes.size() - 1);
        for (Trace.Step s : t.steps) {
            String lane = "L" + t.lanes.indexOf(s.lane);
            sb.append(lane).append(" -> ").append(lane).append(" : ");
            sb.append(bold).append(s.index).append(". ").append(esc.apply(s.label == null ? "(step)" : s.label)).append(bold);
            if (s.function != null && !s.function.equals(s.label)) {
                sb.append(" (").append(esc.apply(s.function)).append(')');
            }
            for (String c : changeLines(s)) {
                sb.append("\\n").append(esc.apply(c));
            }
            sb.append('\n');
            if (s.queues != null && !s.queues.isEmpty()) {
                sb.append("hnote over ").append(first);
                if (!first.equals(last)) {
                    sb.append(", ").append(last);
                }
                sb.append(" : ").append(esc.apply(queuesLine(s.queues))).append('\n');
            }
        }
        sb.append("@enduml\n");
        return sb.toString();
    }

    /** The diagram as a standalone SVG document. */
    public static String svg(Trace t) {
        return render(plantUml(t), FileFormat.SVG);
    }

    /** The diagram as Unicode box-drawing text, for a terminal. */
    public static String text(Trace t) {
        return render(plantUml(t, false), FileFormat.UTXT);
    }

    private static String render(String src, FileFormat format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new SourceStringReader(src).outputImage(out, new FileFormatOption(format));
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("PlantUML could not draw the trace: " + e.getMessage(), e);
        }
    }

    /** "var: before → after" for each change of a step. */
    public static List<String> changeLines(Trace.Step s) {
        List<String> out = new ArrayList<>();
        if (s.changes != null) {
            for (Map.Entry<String, List<String>> c : s.changes.entrySet()) {
                out.add(c.getKey() + ": " + c.getValue().get(0) + " → " + c.getValue().get(1));
            }
        }
        return out;
    }

    /** "P1 [g1 g2] · global []": each queue head first. */
    public static String queuesLine(Map<String, List<String>> queues) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> q : queues.entrySet()) {
            parts.add(q.getKey() + " [" + String.join(" ", q.getValue() == null ? List.of() : q.getValue()) + "]");
        }
        return String.join(" · ", parts);
    }

    /** The same data as rows: step, lane, label, function, changes, queues after. */
    public static List<List<String>> table(Trace t) {
        List<List<String>> rows = new ArrayList<>();
        for (Trace.Step s : t.steps) {
            rows.add(List.of(String.valueOf(s.index), s.lane, nz(s.label), nz(s.function),
                    String.join("; ", changeLines(s)), s.queues == null ? "" : queuesLine(s.queues)));
        }
        return rows;
    }

    /** Whether any step records the queues' contents (else the table has no such column). */
    public static boolean hasQueues(Trace t) {
        return t.steps.stream().anyMatch(s -> s.queues != null && !s.queues.isEmpty());
    }

    /** The table as aligned plain text. */
    public static String textTable(Trace t) {
        boolean queues = hasQueues(t);
        List<String> head = queues ? List.of("#", "lane", "label", "function", "changes", "queues after")
                : List.of("#", "lane", "label", "function", "changes");
        List<List<String>> rows = new ArrayList<>();
        rows.add(head);
        for (List<String> r : table(t)) {
            rows.add(queues ? r : r.subList(0, 5));
        }
        int[] w = new int[head.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format("%-" + Math.max(1, w[i]) + "s", r.get(i)));
                if (i < r.size() - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Escapes PlantUML's creole markup so that data shows as written. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                // the characters whose doubling is creole markup, and that '~' escapes (checked
                // against PlantUML 1.2025: '~' before '=', '^', '|', '>' ... would show as written)
                case '*', '_', '-', '/', '"', '<', '[', ']', '#', '.' -> sb.append('~').append(c);
                case '\n', '\r' -> sb.append(' ');
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
