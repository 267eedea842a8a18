package io.procspec.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TLC's output (plain, or with {@code -tool} message markers) into a {@link TlcResult}.
 */
public final class TlcOutputParser {
    private static final Pattern STATS = Pattern.compile(
            "([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is (\\d+)");
    private static final Pattern PROGRESS_DEPTH = Pattern.compile("Progress\\((\\d+)\\)");
    private static final Pattern FINISHED_MS = Pattern.compile("Finished in (\\d+)ms");
    private static final Pattern FINISHED_HMS = Pattern.compile("Finished in (?:(\\d+)h )?(?:(\\d+)min )?(\\d+)s");
    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\w+) is violated");
    private static final Pattern ACTION_PROP = Pattern.compile("Action property (\\w+) is violated");
    /** A property that TLC names by location (a conjunct of a definition): "@Module:line". */
    private static final Pattern ACTION_PROP_AT = Pattern.compile(
            "Action property line (\\d+), col \\d+ to line \\d+, col \\d+ of module (\\w+) is violated");
    private static final Pattern COVERAGE = Pattern.compile(
            "^<(\\w+) line \\d+, col \\d+ to line \\d+, col \\d+ of module \\w+>: (\\d+):(\\d+)\\s*$");
    private static final Pattern EXPRESSION = Pattern.compile(
            "^\\s*\\|*line (\\d+), col (\\d+) to line (\\d+), col (\\d+) of module (\\w+): (\\d+)(?::\\d+)?\\s*$");
    private static final Pattern STATE_HEADER = Pattern.compile("^(?:State )?(\\d+): (.*)$");
    private static final Pattern VAR = Pattern.compile("^/\\\\ (\\w+) = (.*)$");

    private TlcOutputParser() {}

    public static TlcResult parse(String model, String raw, int exitCode, Duration wall, boolean timedOut) {
        List<String> lines = new ArrayList<>();
        for (String l : raw.split("\n")) {
            if (!l.startsWith("@!@!@")) {
                lines.add(l);
            }
        }
        String text = String.join("\n", lines);

        long generated = 0;
        long distinct = 0;
        long left = 0;
        Matcher m = STATS.matcher(text);
        while (m.find()) {
            generated = num(m.group(1));
            distinct = num(m.group(2));
            left = num(m.group(3));
        }
        if (generated == 0) {
            Matcher p = Pattern.compile("([\\d,]+) states generated(?: \\([^)]*\\))?, ([\\d,]+) distinct states found"
                    + "(?: \\([^)]*\\))?, ([\\d,]+) states left").matcher(text);
            while (p.find()) {
                generated = num(p.group(1));
                distinct = num(p.group(2));
                left = num(p.group(3));
            }
        }
        int depth = 0;
        m = DEPTH.matcher(text);
        while (m.find()) {
            depth = Integer.parseInt(m.group(1));
        }
        Duration tlcTime = Duration.ZERO;
        m = FINISHED_MS.matcher(text);
        if (m.find()) {
            tlcTime = Duration.ofMillis(Long.parseLong(m.group(1)));
        } else {
            m = FINISHED_HMS.matcher(text);
            if (m.find()) {
                long s = Long.parseLong(m.group(3));
                if (m.group(2) != null) {
                    s += 60 * Long.parseLong(m.group(2));
                }
                if (m.group(1) != null) {
                    s += 3600 * Long.parseLong(m.group(1));
                }
                tlcTime = Duration.ofSeconds(s);
            }
        }

        TlcResult.Outcome outcome;
        String property = null;
        String message = null;
        Matcher inv = INVARIANT.matcher(text);
        Matcher act = ACTION_PROP.matcher(text);
        Matcher actAt = ACTION_PROP_AT.matcher(text);
        if (inv.find()) {
            outcome = TlcResult.Outcome.INVARIANT;
            property = inv.group(1);
        } else if (act.find()) {
            outcome = TlcResult.Outcome.ACTION_PROPERTY;
            property = act.group(1);
        } else if (actAt.find()) {
            outcome = TlcResult.Outcome.ACTION_PROPERTY;
            property = "@" + actAt.group(2) + ":" + actAt.group(1);
        } else if (text.contains("Temporal properties were violated")) {
            outcome = TlcResult.Outcome.TEMPORAL;
        } else if (text.contains("Deadlock reached")) {
            outcome = TlcResult.Outcome.DEADLOCK;
        } else if (text.contains("The first argument of Assert evaluated to FALSE")) {
            outcome = TlcResult.Outcome.ASSERTION;
        } else if (!timedOut && text.contains("Model checking completed. No error has been found.")) {
            outcome = TlcResult.Outcome.OK;
        } else {
            outcome = TlcResult.Outcome.ERROR;
            message = timedOut ? "timed out" : firstError(text, exitCode);
        }
        if (depth == 0) {       // an unfinished run: the depth of the last progress report
            Matcher pr = PROGRESS_DEPTH.matcher(text);
            while (pr.find()) {
                depth = Integer.parseInt(pr.group(1));
            }
        }
        return new TlcResult(model, outcome, property, message, generated, distinct, left, depth, tlcTime, wall,
                trace(lines), coverage(lines), expressions(lines), raw, exitCode);
    }

    /** The error trace: the states after "The behavior up to this point is" (or "Error: ..."). */
    static List<TraceState> trace(List<String> lines) {
        List<TraceState> states = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("The behavior up to this point is") || l.contains("is violated by the initial state")
                    || l.contains("The following behavior constitutes a counter-example")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {        // -tool mode prints an invariant's trace right after "... is violated."
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("^(?:State )?1: <Initial predicate>.*")) {
                    start = i;
                    break;
                }
            }
        }
        if (start < 0) {
            return states;
        }
        int idx = -1;
        String action = null;
        Map<String, String> vars = null;
        String lastVar = null;
        for (int i = start; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher h = STATE_HEADER.matcher(l);
            if (h.matches() && (h.group(2).startsWith("<") || h.group(2).startsWith("Stuttering")
                    || h.group(2).startsWith("Back to state"))) {
                if (vars != null) {
                    states.add(new TraceState(idx, action, vars));
                }
                idx = Integer.parseInt(h.group(1));
                action = actionName(h.group(2));
                if (action.equals("Back to state")) {
                    String inner = h.group(2).replaceFirst("^Back to state:?\\s*", "");
                    action = "Back to state " + idx + (inner.startsWith("<") ? " via " + actionName(inner) : "");
                }
                vars = new LinkedHashMap<>();
                lastVar = null;
                continue;
            }
            if (vars == null) {
                continue;
            }
            Matcher v = VAR.matcher(l);
            if (v.matches()) {
                lastVar = v.group(1);
                vars.put(lastVar, v.group(2).trim());
            } else if (lastVar != null && l.startsWith(" ") && !l.isBlank()) {
                vars.put(lastVar, vars.get(lastVar) + " " + l.trim());
            } else if (!l.isBlank() && !l.startsWith(" ")) {
                // end of this state's variables
                if (l.startsWith("Finished") || l.contains("states generated") || l.startsWith("The coverage")
                        || l.startsWith("Progress") || l.startsWith("Error")) {
                    break;
                }
                lastVar = null;
            }
        }
        if (vars != null) {
            states.add(new TraceState(idx, action, vars));
        }
        return states;
    }

    static Map<String, TlcResult.Coverage> coverage(List<String> lines) {
        Map<String, TlcResult.Coverage> cov = new LinkedHashMap<>();
        for (String l : lines) {
            Matcher c = COVERAGE.matcher(l);
            if (c.matches()) {
                cov.put(c.group(1), new TlcResult.Coverage(Long.parseLong(c.group(2)), Long.parseLong(c.group(3))));
            }
        }
        return cov;
    }

    /** The expression entries of the last coverage report (each sub-expression with its count). */
    static List<CoverageRange> expressions(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("The coverage statistics")) {
                start = i + 1;
            }
        }
        List<CoverageRange> out = new ArrayList<>();
        if (start < 0) {
            return out;
        }
        for (int i = start; i < lines.size() && !lines.get(i).startsWith("End of statistics"); i++) {
            Matcher m = EXPRESSION.matcher(lines.get(i));
            if (m.matches()) {
                out.add(new CoverageRange(m.group(5), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Long.parseLong(m.group(6))));
            }
        }
        return out;
    }

    private static String actionName(String header) {
        if (header.startsWith("<Initial predicate")) {
            return "Initial predicate";
        }
        if (header.startsWith("Stuttering")) {
            return "Stuttering";
        }
        if (header.startsWith("Back to state")) {
            Matcher m = Pattern.compile("Back to state:? ?(\\d+)?").matcher(header);
            return m.find() && m.group(1) != null ? "Back to state " + m.group(1) : "Back to state";
        }
        String inner = header.substring(1);
        int sp = inner.indexOf(' ');
        int gt = inner.indexOf('>');
        int end = sp < 0 ? gt : (gt < 0 ? sp : Math.min(sp, gt));
        return end < 0 ? inner : inner.substring(0, end);
    }

    private static String firstError(String text, int exitCode) {
        for (String l : text.split("\n")) {
            if (l.startsWith("Error") || l.contains("error") && l.contains("Semantic")
                    || l.startsWith("***Parse Error***") || l.contains("Exception")) {
                return l.trim();
            }
        }
        return "exit code " + exitCode + " without a result";
    }

    private static long num(String s) {
        return Long.parseLong(s.replace(",", ""));
    }
}
