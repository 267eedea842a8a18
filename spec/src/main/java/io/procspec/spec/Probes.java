package io.procspec.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Branch probes: {@code await Probe("name", self)} marks an interesting branch of a PlusCal step
 * (a failed CAS, a retry, a batch of more than one G ...).  {@code Probe(name, p) == p = p}
 * changes nothing, and mentions the process so that TLC does not fold it as a constant.  The
 * harness finds each occurrence in the module's translation and reads how often TLC evaluated it
 * from the expression coverage ({@code -coverage}): TLC reports the probe (or its argument, or the
 * conjunct list of the branch it opens) as a range that starts on the probe's line and overlaps
 * the call; the innermost such range is the count.  A probe must therefore be the first statement of its branch (as all
 * are), and a branch TLC never evaluated has no range: 0.  A probe written several times (a
 * macro expanded in several steps) counts all of them.
 */
public final class Probes {
    private static final Pattern PROBE = Pattern.compile("Probe\\(\"([A-Za-z0-9_]+)\"[,)]");

    /** One occurrence of a probe in the translation: 1-based line, first and last column of the call. */
    public record Site(String name, int line, int col, int endCol) {}

    private Probes() {}

    /** The probe names a module's algorithm uses, sorted. */
    public static Set<String> names(String moduleText) {
        Set<String> out = new TreeSet<>();
        sites(moduleText).forEach(s -> out.add(s.name()));
        return out;
    }

    /** The probe occurrences in the translation (between BEGIN and END TRANSLATION). */
    public static List<Site> sites(String moduleText) {
        String[] lines = moduleText.split("\n", -1);
        List<Site> out = new ArrayList<>();
        boolean in = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(PlusCalTranslator.BEGIN)) {
                in = true;
            } else if (lines[i].startsWith(PlusCalTranslator.END)) {
                in = false;
            } else if (in) {
                Matcher m = PROBE.matcher(lines[i]);
                while (m.find()) {
                    int close = lines[i].indexOf(')', m.end() - 1);
                    out.add(new Site(m.group(1), i + 1, m.start() + 1, close < 0 ? lines[i].length() : close + 1));
                }
            }
        }
        return out;
    }

    /** The range starts on the probe's line and covers part of the call (the call, its argument, its conjunct list). */
    static boolean overlaps(CoverageRange r, Site s) {
        return r.line1() == s.line() && r.col1() <= s.endCol() && (r.line2() > s.line() || r.col2() >= s.col());
    }

    /**
     * How often each probe of the module was reached in a run, from the run's expression
     * coverage; every probe of the module is in the result (0 if never reached, or if the run
     * reported no coverage).
     */
    public static Map<String, Long> counts(String module, String moduleText, List<CoverageRange> coverage) {
        Map<String, Long> out = new TreeMap<>();
        for (Site s : sites(moduleText)) {
            long c = coverage.stream()
                    .filter(r -> r.module().equals(module) && overlaps(r, s))
                    .min(Comparator.comparingLong(CoverageRange::extent))
                    .map(CoverageRange::count).orElse(0L);
            out.merge(s.name(), c, Long::sum);
        }
        return out;
    }
}
