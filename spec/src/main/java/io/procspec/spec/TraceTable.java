package io.procspec.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a TLC error trace as a table: step, the process that acted (an M in Proc, a P in
 * RunQueue and GFree), the label, the proc.go function the label belongs to, and the variables
 * that changed (element by element, e.g. {@code runqhead[1]: 6 -> 7}).
 */
public final class TraceTable {
    private TraceTable() {}

    /**
     * @param trace the states of the trace
     * @param labels labels of the checked module, for the proc.go column
     * @param processPrefix "M" or "P"
     */
    public static String render(List<TraceState> trace, Map<String, PlusCalSource.Label> labels, String processPrefix) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "proc", "label", "proc.go", "changed"});
        TraceState prev = null;
        for (TraceState s : trace) {
            String proc = "-";
            String go = "-";
            List<String> changes = new ArrayList<>();
            if (prev == null || s.isInitial()) {
                changes.add("(initial state)");
            } else if (s.action().startsWith("Back to state") || s.action().equals("Stuttering")) {
                changes.add("(the behaviour loops: " + s.action() + ")");
            } else {
                for (Map.Entry<String, String> e : s.vars().entrySet()) {
                    String before = prev.vars().get(e.getKey());
                    if (before != null && !before.equals(e.getValue()) && !e.getKey().equals("pc")) {
                        TlcValue.diff(e.getKey(), TlcValue.parse(before), TlcValue.parse(e.getValue()), changes);
                    }
                }
                int actor = actor(prev, s);
                if (actor > 0) {
                    proc = processPrefix + actor;
                }
                PlusCalSource.Label l = labels.get(s.action());
                if (l != null && l.goFunction() != null) {
                    go = l.goFunction();
                } else if (l == null) {
                    go = "(environment)";
                }
            }
            String label = s.action();
            if (changes.isEmpty()) {
                changes.add("(no variable changed)");
            }
            rows.add(new String[] {String.valueOf(s.index()), proc, label, go, changes.get(0)});
            for (int i = 1; i < changes.size(); i++) {
                rows.add(new String[] {"", "", "", "", changes.get(i)});
            }
            prev = s;
        }
        int[] w = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                w[i] = Math.max(w[i], Math.min(r[i].length(), 40));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            sb.append(String.format("%" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %s%n",
                    r[0], r[1], clip(r[2], 40), clip(r[3], 40), r[4]));
            if (k == 0) {
                sb.append("-".repeat(w[0] + w[1] + w[2] + w[3] + 8 + 30)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The process whose pc was at the step's label and whose part of the state changed. */
    static int actor(TraceState prev, TraceState next) {
        String pcBefore = prev.vars().get("pc");
        String pcAfter = next.vars().get("pc");
        if (pcBefore == null || pcAfter == null) {
            return 0;
        }
        TlcValue a = TlcValue.parse(pcBefore);
        TlcValue b = TlcValue.parse(pcAfter);
        if (!(a instanceof TlcValue.Tuple ta) || !(b instanceof TlcValue.Tuple tb) || ta.elems().size() != tb.elems().size()) {
            return 0;
        }
        String label = "\"" + next.action() + "\"";
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < ta.elems().size(); i++) {
            if (ta.elems().get(i).toString().equals(label)) {
                candidates.add(i);
            }
        }
        for (int i : candidates) {
            if (!ta.elems().get(i).toString().equals(tb.elems().get(i).toString())) {
                return i + 1;
            }
        }
        // pc unchanged (a step that loops on its own label): look at the process-indexed variables
        for (int i : candidates) {
            for (Map.Entry<String, String> e : next.vars().entrySet()) {
                String before = prev.vars().get(e.getKey());
                if (before == null || before.equals(e.getValue())) {
                    continue;
                }
                TlcValue x = TlcValue.parse(before);
                TlcValue y = TlcValue.parse(e.getValue());
                if (x instanceof TlcValue.Tuple tx && y instanceof TlcValue.Tuple ty
                        && tx.elems().size() == ta.elems().size() && ty.elems().size() == tx.elems().size()
                        && !tx.elems().get(i).toString().equals(ty.elems().get(i).toString())) {
                    return i + 1;
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0) + 1;
        }
        if (candidates.isEmpty()) {         // an action that is not a label (Wakeup): whose pc changed
            int changed = 0;
            for (int i = 0; i < ta.elems().size(); i++) {
                if (!ta.elems().get(i).toString().equals(tb.elems().get(i).toString())) {
                    if (changed != 0) {
                        return 0;
                    }
                    changed = i + 1;
                }
            }
            return changed;
        }
        return 0;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
