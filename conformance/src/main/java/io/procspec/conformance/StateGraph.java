package io.procspec.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TLC's reachable state graph with action labels, as written by
 * {@code tlc2.TLC -dump dot,actionlabels FILE}: every distinct state (its variables as TLC prints
 * them) and every transition (source, target, the action's name, which for a PlusCal algorithm is
 * the label the acting process was at). Duplicate transitions are merged.
 *
 * <p>Memory: each variable's distinct values are stored once ({@link #value}), a state is an
 * array of value ids, so models of a few hundred thousand states fit in a small heap.
 */
public final class StateGraph {
    private final List<String> vars;
    private final List<List<String>> dict;
    private final List<int[]> states;
    private final int[] initial;
    private final int[] from;
    private final int[] to;
    private final int[] action;
    private final List<String> actions;
    private final int[] outStart;
    private final int[] outEdge;

    private StateGraph(List<String> vars, List<List<String>> dict, List<int[]> states, int[] initial,
                       int[] from, int[] to, int[] action, List<String> actions) {
        this.vars = vars;
        this.dict = dict;
        this.states = states;
        this.initial = initial;
        this.from = from;
        this.to = to;
        this.action = action;
        this.actions = actions;
        int n = states.size();
        outStart = new int[n + 1];
        for (int f : from) {
            outStart[f + 1]++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
        }
        outEdge = new int[from.length];
        int[] fill = Arrays.copyOf(outStart, n);
        for (int e = 0; e < from.length; e++) {
            outEdge[fill[from[e]]++] = e;
        }
    }

    public int states() {
        return states.size();
    }

    public int edges() {
        return from.length;
    }

    public int[] initial() {
        return initial.clone();
    }

    public List<String> vars() {
        return vars;
    }

    public int from(int e) {
        return from[e];
    }

    public int to(int e) {
        return to[e];
    }

    public String action(int e) {
        return actions.get(action[e]);
    }

    /** The edges leaving state s. */
    public int[] out(int s) {
        return Arrays.copyOfRange(outEdge, outStart[s], outStart[s + 1]);
    }

    public int outDegree(int s) {
        return outStart[s + 1] - outStart[s];
    }

    public int outEdge(int s, int k) {
        return outEdge[outStart[s] + k];
    }

    /** Variable {@code var} of state s as TLC printed it (whitespace collapsed). */
    public String value(int s, String var) {
        int v = vars.indexOf(var);
        if (v < 0) {
            throw new IllegalArgumentException("no variable " + var + " in " + vars);
        }
        return value(s, v);
    }

    public String value(int s, int varIndex) {
        return dict.get(varIndex).get(states.get(s)[varIndex]);
    }

    /** The id of the value of variable varIndex in state s: equal ids mean equal values. */
    public int valueId(int s, int varIndex) {
        return states.get(s)[varIndex];
    }

    /** Every variable of state s, in the graph's variable order. */
    public Map<String, String> state(int s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int v = 0; v < vars.size(); v++) {
            out.put(vars.get(v), value(s, v));
        }
        return out;
    }

    /** Parses a dot file written by TLC's {@code -dump dot,actionlabels}. */
    public static StateGraph parseDot(Path file) throws IOException {
        Map<Long, Integer> ids = new HashMap<>();
        List<String> vars = null;
        List<Map<String, Integer>> dictIndex = new ArrayList<>();
        List<List<String>> dict = new ArrayList<>();
        List<int[]> states = new ArrayList<>();
        List<Integer> init = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Map<String, Integer> actionIds = new HashMap<>();
        int[] from = new int[1024];
        int[] to = new int[1024];
        int[] act = new int[1024];
        int ne = 0;
        Set<Long> seenEdge = new HashSet<>();
        long[] ef = new long[1024];
        long[] et = new long[1024];
        int[] ea = new int[1024];
        int np = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || !(Character.isDigit(line.charAt(0)) || line.charAt(0) == '-')) {
                    continue;
                }
                int sp = line.indexOf(' ');
                long fp = Long.parseLong(line, 0, sp, 10);
                if (line.startsWith("->", sp + 1)) {
                    int sp2 = line.indexOf(' ', sp + 4);
                    long target = Long.parseLong(line, sp + 4, sp2 < 0 ? line.length() : sp2, 10);
                    int l = line.indexOf("label=\"", sp2 < 0 ? 0 : sp2);
                    String label = l < 0 ? "" : line.substring(l + 7, line.indexOf('"', l + 7));
                    Integer a = actionIds.get(label);
                    if (a == null) {
                        a = actions.size();
                        actionIds.put(label, a);
                        actions.add(label);
                    }
                    if (np == ef.length) {
                        ef = Arrays.copyOf(ef, np * 2);
                        et = Arrays.copyOf(et, np * 2);
                        ea = Arrays.copyOf(ea, np * 2);
                    }
                    ef[np] = fp;
                    et[np] = target;
                    ea[np] = a;
                    np++;
                    continue;
                }
                int l = line.indexOf("[label=\"");
                if (l < 0) {
                    continue;
                }
                int end = line.lastIndexOf("\"");
                String text = unescape(line.substring(l + 8, end));
                boolean isInit = line.substring(end).contains("filled");
                Map<String, String> st = parseState(text);
                if (vars == null) {
                    vars = new ArrayList<>(st.keySet());
                    for (int i = 0; i < vars.size(); i++) {
                        dictIndex.add(new HashMap<>());
                        dict.add(new ArrayList<>());
                    }
                }
                if (!st.keySet().equals(new HashSet<>(vars))) {
                    throw new IOException("state " + fp + " has variables " + st.keySet() + ", expected " + vars);
                }
                int[] row = new int[vars.size()];
                for (int i = 0; i < vars.size(); i++) {
                    String val = st.get(vars.get(i));
                    Map<String, Integer> di = dictIndex.get(i);
                    Integer id = di.get(val);
                    if (id == null) {
                        id = dict.get(i).size();
                        di.put(val, id);
                        dict.get(i).add(val);
                    }
                    row[i] = id;
                }
                if (ids.putIfAbsent(fp, states.size()) == null) {
                    states.add(row);
                    if (isInit) {
                        init.add(states.size() - 1);
                    }
                }
            }
        }
        for (int x = 0; x < np; x++) {
            Integer f = ids.get(ef[x]);
            Integer t = ids.get(et[x]);
            if (f == null || t == null) {
                throw new IOException("edge to or from an unknown state: " + ef[x] + " -> " + et[x]);
            }
            int a = ea[x];
            long key = ((long) f * 1_000_003L + t) * 1_000L + a;
            if (!seenEdge.add(key)) {
                continue;
            }
            if (ne == from.length) {
                from = Arrays.copyOf(from, ne * 2);
                to = Arrays.copyOf(to, ne * 2);
                act = Arrays.copyOf(act, ne * 2);
            }
            from[ne] = f;
            to[ne] = t;
            act[ne] = a;
            ne++;
        }
        if (vars == null) {
            throw new IOException("no states in " + file);
        }
        return new StateGraph(List.copyOf(vars), dict, states, init.stream().mapToInt(Integer::intValue).toArray(),
                Arrays.copyOf(from, ne), Arrays.copyOf(to, ne), Arrays.copyOf(act, ne), actions);
    }

    /**
     * A path graph from an error trace: state i is {@code states.get(i)} (variables as TLC printed
     * them), and the edge from state i-1 to state i has action {@code actions.get(i)}.
     */
    public static StateGraph ofTrace(List<Map<String, String>> states, List<String> actions) {
        List<String> vars = new ArrayList<>(states.get(0).keySet());
        List<List<String>> dict = new ArrayList<>();
        List<Map<String, Integer>> index = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            dict.add(new ArrayList<>());
            index.add(new HashMap<>());
        }
        List<int[]> rows = new ArrayList<>();
        for (Map<String, String> st : states) {
            int[] row = new int[vars.size()];
            for (int i = 0; i < vars.size(); i++) {
                String v = st.get(vars.get(i));
                if (v == null) {
                    throw new IllegalArgumentException("trace state without variable " + vars.get(i));
                }
                v = v.replaceAll("\\s+", " ").trim();
                Integer id = index.get(i).get(v);
                if (id == null) {
                    id = dict.get(i).size();
                    index.get(i).put(v, id);
                    dict.get(i).add(v);
                }
                row[i] = id;
            }
            rows.add(row);
        }
        int n = states.size() - 1;
        int[] from = new int[n];
        int[] to = new int[n];
        int[] act = new int[n];
        List<String> acts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            from[i] = i;
            to[i] = i + 1;
            String a = actions.get(i + 1);
            int k = acts.indexOf(a);
            if (k < 0) {
                k = acts.size();
                acts.add(a);
            }
            act[i] = k;
        }
        return new StateGraph(List.copyOf(vars), dict, rows, new int[] {0}, from, to, act, acts);
    }

    /** "/\ x = v\n/\ y = w" into {x: v, y: w} (values with their whitespace collapsed). */
    static Map<String, String> parseState(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split("\n(?=/\\\\ )")) {
            String p = part.startsWith("/\\ ") ? part.substring(3) : part;
            int eq = p.indexOf(" = ");
            if (eq < 0) {
                continue;
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 3).replaceAll("\\s+", " ").trim());
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
