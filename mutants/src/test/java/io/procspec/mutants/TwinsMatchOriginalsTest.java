package io.procspec.mutants;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps every Java twin equal to its correct original except the marked lines: for each method
 * a twin copies from {@code Proc} ({@link Bug#copies()}), the twin's body and Proc's body are
 * compared line by line (comments and blank lines ignored, the declared rewrites applied to
 * Proc's side). Every line that differs must be in a hunk that has a {@code // BUG} marker on the
 * twin's side (or within {@link #NEAR} lines of one, for the braces of a removed block), every
 * twin line that is not Proc's must carry the marker, and every twin has at least one marked line. So when Proc changes, a twin that was not updated fails here.
 */
class TwinsMatchOriginalsTest {
    static final Path ROOT = Path.of(System.getProperty("procspec.root", "..")).toAbsolutePath().normalize();
    static final Path PROC = ROOT.resolve("impl/src/main/java/io/procspec/runtime/Proc.java");
    static final Path TWINS = ROOT.resolve("mutants/src/main/java/io/procspec/mutants/twins");

    record Line(String text, boolean marked) {}

    /** How far (in twin lines) a removed original line may be from a marked twin line. */
    static final int NEAR = 3;

    @TestFactory
    Stream<DynamicTest> everyTwinDiffersOnlyInMarkedLines() throws IOException {
        String proc = Files.readString(PROC);
        List<DynamicTest> tests = new ArrayList<>();
        for (Bug b : Catalogue.withTwin()) {
            tests.add(DynamicTest.dynamicTest(b.name(), () -> {
                Class<?> twinClass = b.twin(new io.procspec.runtime.Proc(1)).getClass();
                String twin = Files.readString(TWINS.resolve(twinClass.getSimpleName() + ".java"));
                int marked = 0;
                assertThat(b.copies()).as("%s lists the Proc methods its twin copies", b.name()).isNotEmpty();
                for (Bug.Copy c : b.copies()) {
                    List<Line> o = normalize(method(source(c, proc), methodName(c), originalClass(c)));
                    o = rewrite(o, c.rewrites());
                    List<Line> t = normalize(method(twin, c.copy(), twinClass.getSimpleName()));
                    List<String> problems = compare(o, t);
                    assertThat(problems).as("%s: %s.%s vs Proc.%s", b.name(), twinClass.getSimpleName(), c.copy(),
                            c.original()).isEmpty();
                    marked += (int) t.stream().filter(Line::marked).count();
                }
                assertThat(marked).as("%s: the twin marks its bug with // BUG", b.name()).isPositive();
            }));
        }
        return tests.stream();
    }

    /**
     * The class a copy's original is in: {@code Proc}, or the class named before the dot
     * ({@code "FindRunnableChecks.globalCheckDue"}: the scheduler twins' extension point).
     */
    static String originalClass(Bug.Copy c) {
        int dot = c.original().indexOf('.');
        return dot < 0 ? "Proc" : c.original().substring(0, dot);
    }

    /** The original's method name (without its class). */
    static String methodName(Bug.Copy c) {
        int dot = c.original().indexOf('.');
        return dot < 0 ? c.original() : c.original().substring(dot + 1);
    }

    /** The impl source file of a copy's original. */
    static Path originalFile(Bug.Copy c) {
        return ROOT.resolve("impl/src/main/java/io/procspec/runtime/" + originalClass(c) + ".java");
    }

    /** The source of a copy's original ({@code proc} when it is Proc's). */
    static String source(Bug.Copy c, String proc) throws IOException {
        return originalClass(c).equals("Proc") ? proc : Files.readString(originalFile(c));
    }

    @Test
    void theComparisonCatchesAnUnmarkedChange() {
        List<Line> o = List.of(new Line("a();", false), new Line("b();", false), new Line("c();", false));
        assertThat(compare(o, List.of(new Line("a();", false), new Line("x();", false), new Line("c();", false))))
                .isNotEmpty();
        assertThat(compare(o, List.of(new Line("a();", false), new Line("x();", true), new Line("c();", false))))
                .isEmpty();
        assertThat(compare(o, List.of(new Line("a();", false), new Line("c();", false)))).isNotEmpty();
        assertThat(compare(o, List.of(new Line("a();", false), new Line("// BUG", true), new Line("c();", false))))
                .isEmpty();
    }

    /** The lines of method {@code name} (declaration at 4 spaces, up to its closing brace). */
    static List<String> method(String src, String name, String where) {
        String[] lines = src.split("\n", -1);
        Pattern decl = Pattern.compile("^    (?!return|new|throw)[\\w<>\\[\\]., ]+\\s" + Pattern.quote(name) + "\\(.*\\{\\s*$");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = decl.matcher(lines[i]);
            if (m.matches()) {
                List<String> out = new ArrayList<>();
                int j = i + 1;
                while (j < lines.length && !lines[j].equals("    }")) {
                    out.add(lines[j]);
                    j++;
                }
                if (j == lines.length) {
                    throw new AssertionError(where + "." + name + ": no closing brace");
                }
                return out;
            }
        }
        throw new AssertionError("no method " + name + " in " + where);
    }

    /** Comments and blank lines dropped, whitespace trimmed; a "// BUG" comment marks its line. */
    static List<Line> normalize(List<String> lines) {
        List<Line> out = new ArrayList<>();
        for (String l : lines) {
            boolean marked = l.contains("// BUG");
            String code = stripComment(l).trim();
            if (code.isEmpty()) {
                if (marked) {
                    out.add(new Line("// BUG", true)); // a marker line: stands for removed code
                }
                continue;
            }
            out.add(new Line(code, marked));
        }
        return out;
    }

    static String stripComment(String l) {
        boolean inString = false;
        for (int i = 0; i < l.length() - 1; i++) {
            char c = l.charAt(i);
            if (c == '"' && (i == 0 || l.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (!inString && c == '/' && l.charAt(i + 1) == '/') {
                return l.substring(0, i);
            }
        }
        return l;
    }

    static List<Line> rewrite(List<Line> lines, List<String[]> rewrites) {
        List<Line> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Line l : lines) {
            String t = l.text();
            boolean drop = false;
            for (String[] rw : rewrites) {
                if (t.contains(rw[0])) {
                    used.add(rw[0]);
                    if (rw[1].isEmpty()) {
                        drop = true;
                    } else {
                        t = t.replace(rw[0], rw[1]);
                    }
                }
            }
            if (!drop) {
                out.add(new Line(t, false));
            }
        }
        for (String[] rw : rewrites) {
            if (!used.contains(rw[0])) {
                throw new AssertionError("declared rewrite '" + rw[0] + "' matches nothing in Proc (stale?)");
            }
        }
        return out;
    }

    /** Problems of a line diff (LCS): differing lines outside a hunk with a marked twin line. */
    static List<String> compare(List<Line> o, List<Line> t) {
        int n = o.size();
        int m = t.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = o.get(i).text().equals(t.get(j).text()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> problems = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && o.get(i).text().equals(t.get(j).text())) {
                i++;
                j++;
                continue;
            }
            // a hunk: collect removed original lines and added twin lines until the next match
            List<String> removed = new ArrayList<>();
            List<Line> added = new ArrayList<>();
            while (i < n || j < m) {
                if (i < n && j < m && o.get(i).text().equals(t.get(j).text()) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                    break;
                }
                if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    added.add(t.get(j++));
                } else {
                    removed.add(o.get(i++).text());
                }
            }
            // a hunk that only removes lines (a brace of a removed block, split off by the diff)
            // must be next to a marked twin line: within NEAR lines of where it is
            boolean anyMark = added.stream().anyMatch(Line::marked);
            for (int k = Math.max(0, j - added.size() - NEAR); k < Math.min(m, j + NEAR) && !anyMark; k++) {
                anyMark = t.get(k).marked();
            }
            for (Line a : added) {
                if (!a.marked()) {
                    problems.add("unmarked twin line: " + a.text());
                }
            }
            if (!removed.isEmpty() && !anyMark) {
                problems.add("original lines changed without a // BUG marker: " + removed);
            }
        }
        return problems;
    }
}
