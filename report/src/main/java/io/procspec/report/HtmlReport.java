package io.procspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.VerificationReport;
import io.procspec.report.model.Verdicts;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the report as one self-contained {@code index.html} (Mustache template
 * {@code report.mustache}; ECharts inlined from its WebJar for the benchmark plot; counterexamples
 * drawn as inline SVG by {@link TraceDiagram}). Nothing is loaded from the network.
 */
public final class HtmlReport {
    private HtmlReport() {}

    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    public static String render(VerificationReport r) {
        Mustache m = new DefaultMustacheFactory("io/procspec/report").compile("report.mustache");
        StringWriter w = new StringWriter();
        m.execute(w, view(r));
        return w.toString();
    }

    static Map<String, Object> view(VerificationReport r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("verdict", r.verdict);
        v.put("verdictClass", cls(r.verdict));
        v.put("reason", r.reason);
        v.put("reasonHtml", reasonHtml(r.reason));
        v.put("command", r.command);
        v.put("mode", r.mode);
        v.put("startedAt", r.startedAt);
        v.put("seconds", duration(r.seconds));
        v.put("maven", r.maven);
        v.put("mavenExitCode", r.mavenExitCode);
        v.put("commit", r.environment.get("commit"));

        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerSummary s : r.layers) {
            layers.add(layerView(s, r));
        }
        v.put("layers", layers);

        List<Map<String, Object>> env = new ArrayList<>();
        for (Map.Entry<String, Object> e : r.environment.entrySet()) {
            env.add(Map.of("key", e.getKey(), "value", String.valueOf(e.getValue())));
        }
        v.put("environment", env);

        List<Map<String, Object>> failures = new ArrayList<>();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (VerificationReport.TraceRef t : r.traces) {
            (t.expected ? expected : failures).add(traceView(t));
        }
        v.put("failures", failures);
        v.put("hasFailures", !failures.isEmpty());
        v.put("expectedTraces", expected);
        v.put("hasExpectedTraces", !expected.isEmpty());
        v.put("expectedCount", expected.size());

        v.put("traceColumns", new ArrayList<>(Traceability.COLUMNS.values()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : r.traceability) {
            Traceability.Row row = (Traceability.Row) o;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", row.function);
            m.put("label", row.label);
            m.put("spec", row.spec == null ? "—" : row.spec);
            m.put("java", row.java == null ? "—" : row.java);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String layer : Traceability.COLUMNS.keySet()) {
                Long n = row.fired.get(layer);
                cells.add(Map.of("text", n == null ? "not recorded" : n == 0 ? "no" : "yes (" + num(n) + ")",
                        "cls", n == null ? "unknown" : n == 0 ? "no" : "yes"));
            }
            m.put("cells", cells);
            rows.add(m);
        }
        v.put("traceRows", rows);
        List<String> noCounts = new ArrayList<>();
        for (Map.Entry<String, String> c : Traceability.COLUMNS.entrySet()) {
            boolean any = false;
            for (Object o : r.traceability) {
                any |= ((Traceability.Row) o).fired.containsKey(c.getKey());
            }
            if (!any) {
                noCounts.add(c.getValue());
            }
        }
        v.put("traceNoCounts", noCounts.isEmpty() ? null : String.join(", ", noCounts));

        try {
            v.put("dataJson", Json.MAPPER.writeValueAsString(chartData(r)).replace("</", "<\\/"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        v.put("echarts", resource(ECHARTS));
        return v;
    }

    private static Map<String, Object> layerView(LayerSummary s, VerificationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", s.layer);
        m.put("title", s.title);
        m.put("verdict", s.verdict);
        m.put("verdictClass", cls(s.verdict));
        m.put("reason", s.reason);
        m.put("reasonHtml", reasonHtml(s.reason));
        m.put("seconds", duration(s.seconds));
        m.put("command", s.command);
        m.put("file", r.layerFiles.get(s.layer));
        m.put("figures", figures(s.figures));
        long pass = s.items.stream().filter(i -> Verdicts.PASS.equals(i.verdict)).count();
        long fail = s.items.stream().filter(i -> Verdicts.FAIL.equals(i.verdict)).count();
        long skip = s.items.stream().filter(i -> Verdicts.SKIPPED.equals(i.verdict)).count();
        long caught = s.items.stream().filter(i -> "violation".equals(i.expected) && Verdicts.PASS.equals(i.verdict)).count();
        StringBuilder ran = new StringBuilder();
        if (!s.items.isEmpty()) {
            ran.append(s.items.size()).append(" items: ").append(pass).append(" passed");
            if (caught > 0) {
                ran.append(" (").append(caught).append(" broken variants caught)");
            }
            if (fail > 0) {
                ran.append(", ").append(fail).append(" failed");
            }
            if (skip > 0) {
                ran.append(", ").append(skip).append(" skipped");
            }
        }
        m.put("ran", ran.toString());
        m.put("hasItems", !s.items.isEmpty());
        m.put("open", Verdicts.FAIL.equals(s.verdict));
        Map<String, String> traceIds = new LinkedHashMap<>();
        for (VerificationReport.TraceRef t : r.traces) {
            if (t.layer.equals(s.layer)) {
                traceIds.put(t.item, t.id);
            }
        }
        boolean matrix = "bugs".equals(s.layer);
        List<String> matrixCols = new ArrayList<>();
        if (matrix) {
            Set<String> cols = new LinkedHashSet<>();
            for (String l : Verdicts.LAYERS) {
                for (LayerSummary.Item it : s.items) {
                    if (it.figures != null && it.figures.containsKey(l)) {
                        cols.add(l);
                    }
                }
            }
            matrixCols.addAll(cols);
        }
        m.put("matrix", matrix && !matrixCols.isEmpty());
        m.put("matrixCols", matrixCols);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LayerSummary.Item it : s.items) {
            Map<String, Object> iv = new LinkedHashMap<>();
            iv.put("name", it.name);
            iv.put("verdict", it.verdict);
            iv.put("verdictClass", cls(it.verdict));
            iv.put("expected", "violation".equals(it.expected) ? "violation (must be caught)" : null);
            Map<String, Object> rest = new LinkedHashMap<>(it.figures == null ? Map.of() : it.figures);
            if (matrix) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (String c : matrixCols) {
                    Object val = rest.remove(c);
                    String text = val == null ? "" : String.valueOf(val);
                    cells.add(Map.of("text", text, "cls", text.startsWith("caught") || text.equals("yes") ? "yes"
                            : text.startsWith("missed") || text.equals("no") ? "no" : "unknown"));
                }
                iv.put("cells", cells);
            }
            iv.put("figures", figures(rest));
            iv.put("detail", it.detail);
            iv.put("traceId", traceIds.get(it.name));
            items.add(iv);
        }
        m.put("items", items);
        m.put("isBench", "bench".equals(s.layer) && !s.items.isEmpty());
        return m;
    }

    private static Map<String, Object> traceView(VerificationReport.TraceRef t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("layer", t.layer);
        m.put("item", t.item);
        m.put("file", t.file);
        m.put("error", t.error);
        if (t.trace != null) {
            m.put("title", t.trace.title);
            m.put("source", t.trace.source);
            m.put("model", t.trace.model);
            m.put("property", t.trace.property);
            m.put("note", t.trace.note);
            m.put("replay", t.trace.replay);
            String svg = TraceDiagram.svg(t.trace);
            int i = svg.indexOf("<svg");
            m.put("svg", i < 0 ? svg : svg.substring(i));
            boolean queues = TraceDiagram.hasQueues(t.trace);
            m.put("hasQueues", queues);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<String> row : TraceDiagram.table(t.trace)) {
                rows.add(Map.of("cells", queues ? row : row.subList(0, 5)));
            }
            m.put("rows", rows);
            m.put("hasRows", !rows.isEmpty());
        }
        return m;
    }

    /** The benchmark items, for the chart: name, group, score, error, unit. */
    private static Map<String, Object> chartData(VerificationReport r) {
        List<Map<String, Object>> bench = new ArrayList<>();
        for (LayerSummary s : r.layers) {
            if (!"bench".equals(s.layer)) {
                continue;
            }
            for (LayerSummary.Item it : s.items) {
                if (it.figures == null || !(it.figures.get("score") instanceof Number)) {
                    continue;
                }
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("name", it.name);
                b.put("group", String.valueOf(it.figures.getOrDefault("group", "")));
                b.put("score", it.figures.get("score"));
                b.put("error", it.figures.get("scoreError"));
                b.put("unit", String.valueOf(it.figures.getOrDefault("unit", "")));
                bench.add(b);
            }
        }
        return Map.of("bench", bench);
    }

    static List<Map<String, Object>> figures(Map<String, Object> f) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (f != null) {
            for (Map.Entry<String, Object> e : f.entrySet()) {
                out.add(Map.of("key", e.getKey(), "value", e.getValue() instanceof Number n ? num(n) : String.valueOf(e.getValue())));
            }
        }
        return out;
    }

    /** A reason as HTML: escaped, with "see maven.log" a link to the maven.log beside index.html. */
    static String reasonHtml(String reason) {
        if (reason == null) {
            return null;
        }
        String esc = reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
        return esc.replace("see maven.log", "see <a href=\"maven.log\">maven.log</a>");
    }

    static String num(Number n) {
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n);
    }

    static String duration(Double s) {
        if (s == null) {
            return "";
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long t = Math.round(s);
        return String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    private static String cls(String verdict) {
        return verdict == null ? "unknown" : verdict;
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (the echarts WebJar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
