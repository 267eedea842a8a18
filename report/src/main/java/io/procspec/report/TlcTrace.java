package io.procspec.report;

import io.procspec.report.model.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TLC's output (plain or {@code -tool} mode, e.g. {@code spec/target/tlc/<Model>/tlc.out})
 * and turns its error trace into a {@code procspec.trace/1}: one lane per process (P1, P2 ... in
 * RunQueue and GFree, M1 ... in Proc), one step per action with the variables it changed, element
 * by element ({@code runqtail[1]: 0 → 1}). The acting process is the one whose {@code pc} left
 * the action's label (or, for a step that stays at its label, whose process-indexed variables
 * changed). A liveness trace's loop ("Back to state N", "Stuttering") is a last step on an
 * "(environment)" lane.
 */
public final class TlcTrace {
    private TlcTrace() {}

    private static final Pattern HEADER = Pattern.compile("^(?:State )?(\\d+): (?:<(.*)>|(Stuttering)|(Back to state.*))\\s*$");
    private static final Pattern VIOLATED = Pattern.compile(
            "^(?:Error: )?(Invariant|Action property) (\\S+) is violated|^(?:Error: )?(Temporal properties were violated)|^(?:Error: )?(Deadlock reached)");
    private static final Pattern MODULE = Pattern.compile(" of module (\\w+)$");

    /** Whether the text looks like TLC output with an error trace. */
    public static boolean looksLikeTlc(String text) {
        return text.contains("TLC2 Version") || text.contains("@!@!@STARTMSG") || text.contains("The behavior up to this point is");
    }

    /** One state of the trace. */
    record State(int index, String action, String module, Map<String, String> vars) {}

    /** The error trace of {@code text}; {@code model} names it. */
    public static Trace parse(String text, String model) throws FormatError {
        List<State> states = new ArrayList<>();
        String property = null;
        String violation = null;
        State cur = null;
        String var = null;
        StringBuilder val = null;
        boolean closed = false; // TLC's closing lines (state counts, "Finished in") seen after the last state
        for (String raw : text.split("\\R")) {
            String line = raw.stripTrailing();
            if (CLOSING.matcher(line).find()) {
                closed = true;
            }
            Matcher v = VIOLATED.matcher(line.strip());
            if (v.find() && violation == null) {
                violation = line.strip();
                property = v.group(2) != null ? v.group(2) : null;
            }
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                if (cur != null && var != null) {
                    cur.vars().put(var, val.toString().strip());
                }
                String action = h.group(2) != null ? h.group(2) : h.group(3) != null ? h.group(3) : h.group(4);
                String module = null;
                Matcher mm = MODULE.matcher(action);
                if (mm.find()) {
                    module = mm.group(1);
                }
                String name = action.startsWith("Initial predicate") ? "(initial state)" : action.split(" ")[0];
                if (h.group(4) != null) {
                    name = h.group(4);
                }
                cur = new State(Integer.parseInt(h.group(1)), name, module, new LinkedHashMap<>());
                states.add(cur);
                closed = false;
                var = null;
                val = null;
                continue;
            }
            if (cur == null) {
                continue;
            }
            if (line.startsWith("@!@!@") || line.isBlank()) {
                if (var != null) {
                    cur.vars().put(var, val.toString().strip());
                    var = null;
                }
                if (line.startsWith("@!@!@ENDMSG") || line.isBlank()) {
                    continue;
                }
                continue;
            }
            if (line.startsWith("/\\ ")) {
                if (var != null) {
                    cur.vars().put(var, val.toString().strip());
                }
                int eq = line.indexOf(" = ");
                if (eq < 0) {
                    var = null;
                    continue;
                }
                var = line.substring(3, eq).strip();
                val = new StringBuilder(line.substring(eq + 3));
            } else if (var != null) {
                val.append(' ').append(line.strip());
            }
        }
        if (cur != null && var != null) {
            cur.vars().put(var, val.toString().strip());
        }
        if (states.isEmpty()) {
            throw new FormatError("no error trace in this TLC output" + (violation == null ? "" : " (" + violation + ")"));
        }
        String cut = incomplete(states, closed);
        State last = states.get(states.size() - 1);
        if (cut != null && states.size() > 1 && !loop(last) && last.vars().size() < states.get(0).vars().size()) {
            states.remove(states.size() - 1); // half a state: its missing variables would read as changes
        }
        Trace t = toTrace(states, model, property, violation);
        if (cut != null) {
            t.title = (t.title == null ? "TLC error trace" : t.title) + " (incomplete)";
            t.note = cut + (t.note == null ? "" : "\n" + t.note);
        }
        return t;
    }

    private static boolean loop(State s) {
        return s.action().startsWith("Back to state") || s.action().equals("Stuttering");
    }

    /** Lines TLC prints after an error trace: the state counts and the run time. */
    private static final Pattern CLOSING = Pattern.compile(
            "\\d+ states generated|^Finished in \\d|^@!@!@STARTMSG 2186:");

    /**
     * Why the trace looks cut off, or null: its last state has fewer variables than its first (the
     * output ends inside a state), or TLC's closing lines never follow the last state (the output
     * ends after it, and more states may have followed).
     */
    static String incomplete(List<State> states, boolean closed) {
        State first = states.get(0);
        State last = states.get(states.size() - 1);
        if (loop(last)) {
            return null; // a lasso's loop entry ends the trace: nothing can follow it
        }
        if (last.vars().size() < first.vars().size()) {
            Set<String> missing = new LinkedHashSet<>(first.vars().keySet());
            missing.removeAll(last.vars().keySet());
            return "Incomplete: the output ends inside state " + last.index() + " (" + missing.size() + " of "
                    + first.vars().size() + " variables missing, " + String.join(", ", missing.stream().limit(5).toList())
                    + (missing.size() > 5 ? ", ..." : "") + "); the trace stops at the last whole state.";
        }
        if (!closed) {
            return "Incomplete: TLC's closing lines (states generated, \"Finished in\") do not follow state "
                    + last.index() + ": the output was cut off there, and the trace may go on beyond it.";
        }
        return null;
    }

    static Trace toTrace(List<State> states, String model, String property, String violation) {
        Trace t = new Trace();
        t.source = "tlc";
        t.model = model;
        t.property = property;
        t.title = violation == null ? "TLC error trace" : violation;
        String module = null;
        for (State s : states) {
            if (s.module() != null) {
                module = s.module();
                break;
            }
        }
        String prefix = "Proc".equals(module) ? "M" : "P";
        int processes = 0;
        State first = states.get(0);
        if (first.vars().containsKey("pc")) {
            processes = elements(first.vars().get("pc")).size();
        }
        Set<String> lanes = new LinkedHashSet<>();
        for (int i = 1; i <= processes; i++) {
            lanes.add(prefix + i);
        }
        State prev = null;
        int index = 0;
        for (State s : states) {
            if (prev == null) {
                prev = s;
                continue;
            }
            Trace.Step step = new Trace.Step();
            step.index = ++index;
            step.label = s.action();
            boolean loop = s.action().startsWith("Back to state") || s.action().equals("Stuttering");
            int actor = loop ? 0 : actor(prev, s);
            step.lane = actor > 0 ? prefix + actor : "(environment)";
            lanes.add(step.lane);
            step.function = loop ? null : Traceability.function(s.action());
            if (!loop) {
                for (Map.Entry<String, String> e : s.vars().entrySet()) {
                    String before = prev.vars().get(e.getKey());
                    if (before != null && !before.equals(e.getValue()) && !e.getKey().equals("pc")) {
                        diff(e.getKey(), before, e.getValue(), step.changes);
                    }
                }
            }
            t.steps.add(step);
            prev = s;
        }
        t.lanes.addAll(lanes);
        if (t.lanes.isEmpty()) {
            t.lanes.add("(environment)");
        }
        t.note = "From TLC's output: " + (states.size() - 1) + " steps after the initial state.";
        return t;
    }

    /** The 1-based process that took the step, or 0 when it cannot be told. */
    static int actor(State prev, State next) {
        String a = prev.vars().get("pc");
        String b = next.vars().get("pc");
        if (a == null || b == null) {
            return 0;
        }
        List<String> pa = elements(a);
        List<String> pb = elements(b);
        if (pa.size() != pb.size()) {
            return 0;
        }
        String label = "\"" + next.action() + "\"";
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < pa.size(); i++) {
            if (pa.get(i).equals(label)) {
                candidates.add(i);
            }
        }
        for (int i : candidates) {
            if (!pa.get(i).equals(pb.get(i))) {
                return i + 1;
            }
        }
        // pc unchanged (a step that loops on its label): a process-indexed variable that changed
        for (int i : candidates) {
            for (Map.Entry<String, String> e : next.vars().entrySet()) {
                String before = prev.vars().get(e.getKey());
                if (before == null || before.equals(e.getValue())) {
                    continue;
                }
                List<String> x = elements(before);
                List<String> y = elements(e.getValue());
                if (x.size() == pa.size() && y.size() == pa.size() && !x.get(i).equals(y.get(i))) {
                    return i + 1;
                }
            }
        }
        return candidates.size() == 1 ? candidates.get(0) + 1 : 0;
    }

    /** Element-wise differences of two values: tuples and functions by index, records by field. */
    static void diff(String path, String a, String b, Map<String, List<String>> out) {
        Map<String, String> ea = keyed(a);
        Map<String, String> eb = keyed(b);
        if (ea != null && eb != null && ea.keySet().equals(eb.keySet()) && !ea.isEmpty()) {
            for (Map.Entry<String, String> e : ea.entrySet()) {
                String x = e.getValue();
                String y = eb.get(e.getKey());
                if (!x.equals(y)) {
                    String k = e.getKey();
                    diff(k.startsWith(".") ? path + k : path + "[" + k + "]", x, y, out);
                }
            }
            return;
        }
        out.put(path, List.of(a, b));
    }

    /** A tuple {@code <<a, b>>} as 1 → a, 2 → b; a record {@code [f |-> v]} as .f → v; a function {@code (1 :> a @@ 2 :> b)}; else null. */
    static Map<String, String> keyed(String v) {
        String s = v.strip();
        Map<String, String> out = new LinkedHashMap<>();
        if (s.startsWith("<<") && s.endsWith(">>")) {
            List<String> el = split(s.substring(2, s.length() - 2), ",");
            for (int i = 0; i < el.size(); i++) {
                out.put(String.valueOf(i + 1), el.get(i));
            }
            return out;
        }
        if (s.startsWith("[") && s.endsWith("]") && s.contains("|->")) {
            for (String f : split(s.substring(1, s.length() - 1), ",")) {
                int i = f.indexOf("|->");
                if (i < 0) {
                    return null;
                }
                out.put("." + f.substring(0, i).strip(), f.substring(i + 3).strip());
            }
            return out;
        }
        if (s.startsWith("(") && s.endsWith(")") && s.contains(":>")) {
            for (String f : split(s.substring(1, s.length() - 1), "@@")) {
                int i = f.indexOf(":>");
                if (i < 0) {
                    return null;
                }
                out.put(f.substring(0, i).strip(), f.substring(i + 2).strip());
            }
            return out;
        }
        return null;
    }

    /** The elements of a tuple or function value, in order (empty if it is neither). */
    static List<String> elements(String v) {
        Map<String, String> k = keyed(v);
        return k == null ? List.of() : new ArrayList<>(k.values());
    }

    /** Splits at top-level separators (outside brackets and strings). */
    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean str = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                str = !str;
            }
            if (str) {
                continue;
            }
            if (s.startsWith("<<", i)) {
                depth++;
                i++;
                continue;
            }
            if (s.startsWith(">>", i)) {
                depth--;
                i++;
                continue;
            }
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            } else if (depth == 0 && s.startsWith(sep, i)) {
                out.add(s.substring(start, i).strip());
                start = i + sep.length();
                i += sep.length() - 1;
            }
        }
        String last = s.substring(start).strip();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        return out;
    }
}
