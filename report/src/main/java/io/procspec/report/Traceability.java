package io.procspec.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.procspec.report.model.LayerSummary;
import io.procspec.runtime.Labels;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The traceability table: for every step label of {@link Labels} (the contract shared by the spec
 * and the Java port), the proc.go function it belongs to, where the spec has it, the Java method
 * that takes it, and how often it fired in each layer that counts labels.
 *
 * <p>The function is the label's prefix ({@code <proc.go function>_<step>}, the naming rule of
 * {@link Labels}); the Java method is found by reflection on the port's classes; the spec module is
 * the {@code spec/tla} file that declares the PlusCal label ({@code label:}).
 */
public final class Traceability {
    private Traceability() {}

    /** The layers whose label counts the table shows, with the column heading. */
    public static final Map<String, String> COLUMNS = columns();

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spec", "TLC");
        m.put("conformance", "replay");
        m.put("properties", "properties");
        m.put("stress", "jcstress");
        return m;
    }

    /** One label's row. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"function", "label", "spec", "java", "fired"})
    public static final class Row {
        public String function;
        public String label;
        /** The spec modules that declare the label, e.g. {@code Proc.tla, RunQueue.tla}, or null if none does. */
        public String spec;
        /** e.g. {@code Proc.runqput}, or null. */
        public String java;
        /** layer to count; a layer that recorded no label counts is absent (unknown, not zero). */
        public Map<String, Long> fired = new LinkedHashMap<>();
    }

    /** Every label of {@link Labels}, in declaration order. */
    public static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Field f : Labels.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    /** The proc.go function of a label: its prefix before the first '_'. */
    public static String function(String label) {
        int i = label.indexOf('_');
        return i < 0 ? label : label.substring(0, i);
    }

    /** The Java method that implements a proc.go function, e.g. {@code Proc.runqput}, or null. */
    public static String javaMethod(String function) {
        // MLoop and Idle: where the scheduler's M loop and idle lists live once Sched is split along its seams
        for (String cls : List.of("Proc", "MLoop", "Sched", "Idle", "M", "P", "G")) {
            try {
                Class<?> c = Class.forName("io.procspec.runtime." + cls);
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals(function)) {
                        return cls + "." + function;
                    }
                }
            } catch (ClassNotFoundException e) {
                // the port has no such class (any more): look in the others
            }
        }
        return null;
    }

    /**
     * Builds the table. {@code root} is the repository root (for spec/tla); {@code layers} the
     * summaries read, by layer name.
     */
    public static List<Row> build(Path root, Map<String, LayerSummary> layers) {
        Map<String, String> specFiles = specLabels(root.resolve("spec").resolve("tla"));
        List<Row> rows = new ArrayList<>();
        for (String label : labels()) {
            Row r = new Row();
            r.label = label;
            r.function = function(label);
            r.java = javaMethod(r.function);
            r.spec = specFiles.get(label);
            for (String layer : COLUMNS.keySet()) {
                LayerSummary s = layers.get(layer);
                if (s != null && s.labels != null) {
                    r.fired.put(layer, s.labels.getOrDefault(label, 0L));
                }
            }
            rows.add(r);
        }
        return rows;
    }

    /** label to the .tla files (comma-separated) that declare it as a PlusCal label. */
    static Map<String, String> specLabels(Path tlaDir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(tlaDir)) {
            return out;
        }
        Pattern label = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9_]*)\\s*:(?!=)", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(tlaDir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!f.toString().endsWith(".tla")) {
                    continue;
                }
                String text = Files.readString(f);
                int alg = text.indexOf("--algorithm");
                if (alg < 0) {
                    alg = text.indexOf("--fair algorithm");
                }
                if (alg < 0) {
                    continue;
                }
                int end = text.indexOf("end algorithm", alg);
                var m = label.matcher(end < 0 ? text.substring(alg) : text.substring(alg, end));
                String name = f.getFileName().toString();
                while (m.find()) {
                    out.merge(m.group(1), name, (a, b) -> List.of(a.split(", ")).contains(b) ? a : a + ", " + b);
                }
            }
        } catch (IOException e) {
            // the spec sources cannot be read: the column stays empty
        }
        return out;
    }
}
