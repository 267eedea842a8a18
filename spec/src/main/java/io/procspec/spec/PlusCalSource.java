package io.procspec.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PlusCal algorithm of a module, read from its comment block: the labels (atomic steps),
 * the proc.go function and Java method each label's comment names, and each step's code.
 *
 * <p>Conventions the spec follows (and the tests check): a label stands alone at the start of
 * its line ({@code runqput_loadhead:}); the comment lines just above it contain
 * {@code proc.go <function>; io.procspec.runtime.<Class>#<method>}.
 */
public final class PlusCalSource {
    /** One label: where it is, what it documents, and the code of its step (comments stripped). */
    public record Label(String name, String module, int line, String goFunction, String javaMethod,
                        String stepCode) {}

    private static final Pattern LABEL_LINE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:(?!=)(.*)$");
    private static final Pattern DOC = Pattern.compile(
            "proc\\.go ([^;]+);\\s*(io\\.procspec\\.runtime\\.[A-Za-z]+#[A-Za-z]+)");
    private static final String ALGORITHM_START = "--algorithm";
    private static final String ALGORITHM_END = "end algorithm";

    private final String module;
    private final String algorithmName;
    private final List<Label> labels;

    private PlusCalSource(String module, String algorithmName, List<Label> labels) {
        this.module = module;
        this.algorithmName = algorithmName;
        this.labels = List.copyOf(labels);
    }

    public static boolean hasAlgorithm(String text) {
        return text.contains("(* " + ALGORITHM_START) || text.contains("(*" + ALGORITHM_START);
    }

    public static PlusCalSource parse(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.tla$", "");
        return parse(name, SpecLayout.read(file));
    }

    public static PlusCalSource parse(String module, String text) {
        int start = text.indexOf(ALGORITHM_START);
        if (start < 0) {
            return new PlusCalSource(module, null, List.of());
        }
        int end = text.indexOf(ALGORITHM_END, start);
        if (end < 0) {
            throw new IllegalArgumentException(module + ": no '" + ALGORITHM_END + "'");
        }
        int firstLine = lineOf(text, start);
        String[] lines = text.substring(start, end).split("\n", -1);
        Matcher an = Pattern.compile("--algorithm\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(lines[0]);
        String algName = an.find() ? an.group(1) : module;

        // Bodies: from a line "begin" to the next "end process" / "end procedure".
        List<Label> result = new ArrayList<>();
        boolean inBody = false;
        List<Integer> labelLines = new ArrayList<>();
        List<int[]> bodies = new ArrayList<>();
        int bodyStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (!inBody && t.equals("begin")) {
                inBody = true;
                bodyStart = i + 1;
            } else if (inBody && (t.startsWith("end process") || t.startsWith("end procedure"))) {
                inBody = false;
                bodies.add(new int[] {bodyStart, i});
            }
        }
        for (int[] body : bodies) {
            labelLines.clear();
            for (int i = body[0]; i < body[1]; i++) {
                String code = stripComment(lines[i]);
                Matcher m = LABEL_LINE.matcher(code);
                if (m.matches() && !isKeyword(m.group(1))) {
                    labelLines.add(i);
                }
            }
            for (int k = 0; k < labelLines.size(); k++) {
                int li = labelLines.get(k);
                int next = k + 1 < labelLines.size() ? labelLines.get(k + 1) : body[1];
                Matcher m = LABEL_LINE.matcher(stripComment(lines[li]));
                m.matches();
                StringBuilder code = new StringBuilder(m.group(2));
                for (int j = li + 1; j < next; j++) {
                    code.append(' ').append(stripComment(lines[j]));
                }
                String goFn = null;
                String javaM = null;
                for (int j = li - 1; j >= 0 && lines[j].trim().startsWith("\\*"); j--) {
                    Matcher d = DOC.matcher(lines[j]);
                    if (d.find()) {
                        goFn = d.group(1).trim();
                        javaM = d.group(2);
                        break;
                    }
                }
                result.add(new Label(m.group(1), module, firstLine + li, goFn, javaM, normalize(code.toString())));
            }
        }
        return new PlusCalSource(module, algName, result);
    }

    public String module() {
        return module;
    }

    public String algorithmName() {
        return algorithmName;
    }

    public List<Label> labels() {
        return labels;
    }

    public Map<String, Label> labelsByName() {
        Map<String, Label> m = new LinkedHashMap<>();
        labels.forEach(l -> m.put(l.name(), l));
        return m;
    }

    /**
     * The macros of the algorithm: name -> body (comments stripped, whitespace normalised),
     * in the order they appear.
     */
    public static Map<String, String> macros(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int start = text.indexOf(ALGORITHM_START);
        int end = start < 0 ? -1 : text.indexOf(ALGORITHM_END, start);
        if (start < 0 || end < 0) {
            return out;
        }
        String[] lines = text.substring(start, end).split("\n", -1);
        Pattern head = Pattern.compile("^macro\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)$");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = head.matcher(stripComment(lines[i]).trim());
            if (!m.matches()) {
                continue;
            }
            StringBuilder body = new StringBuilder(m.group(2));
            int j = i + 1;
            for (; j < lines.length && !stripComment(lines[j]).trim().startsWith("end macro"); j++) {
                body.append(' ').append(stripComment(lines[j]));
            }
            out.put(m.group(1), normalize(body.toString()));
            i = j;
        }
        return out;
    }

    /** The variables the translation declares, in order (globals, pc, then process variables). */
    public static List<String> variables(String moduleText) {
        int b = moduleText.indexOf(PlusCalTranslator.BEGIN);
        int e = moduleText.indexOf(PlusCalTranslator.END);
        List<String> out = new ArrayList<>();
        if (b < 0 || e < b) {
            return out;
        }
        Matcher m = Pattern.compile("(?ms)^VARIABLES? (.*?)(?=\\n\\n|\\n\\(\\*)").matcher(moduleText.substring(b, e));
        while (m.find()) {
            for (String v : m.group(1).replace('\n', ' ').split(",")) {
                if (!v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }

    static String stripComment(String line) {
        int i = line.indexOf("\\*");
        return i < 0 ? line : line.substring(0, i);
    }

    static String normalize(String code) {
        return code.trim().replaceAll("\\s+", " ");
    }

    private static boolean isKeyword(String word) {
        return switch (word) {
            case "begin", "end", "if", "then", "else", "elsif", "either", "or", "with", "do", "while",
                 "await", "when", "goto", "skip", "print", "assert", "call", "return", "variables",
                 "variable", "define", "macro", "procedure", "process", "fair" -> true;
            default -> false;
        };
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
