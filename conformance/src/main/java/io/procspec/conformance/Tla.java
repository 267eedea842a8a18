package io.procspec.conformance;

import io.procspec.spec.TlcValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TLA+ values as canonical strings, so that a value TLC printed and the same value computed from
 * the Java state compare equal as strings: sets sorted, record fields sorted, a function whose
 * domain is 1..n written as the tuple TLC prints for it, whitespace normalized.
 */
public final class Tla {
    private Tla() {}

    /** The canonical form of a value as TLC prints it. */
    public static String canon(String tlcText) {
        return canon(TlcValue.parse(tlcText));
    }

    static String canon(TlcValue v) {
        if (v instanceof TlcValue.Atom a) {
            return a.text().trim();
        }
        if (v instanceof TlcValue.Tuple t) {
            List<String> parts = new ArrayList<>();
            for (TlcValue e : t.elems()) {
                parts.add(canon(e));
            }
            return tuple(parts);
        }
        if (v instanceof TlcValue.Record r) {
            Map<String, String> f = new TreeMap<>();
            r.fields().forEach((k, x) -> f.put(k, canon(x)));
            return record(f);
        }
        if (v instanceof TlcValue.Fcn f) {
            List<String> keys = new ArrayList<>(f.map().keySet());
            boolean oneToN = true;
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.get(i).equals(Integer.toString(i + 1))) {
                    oneToN = false;
                    break;
                }
            }
            if (oneToN) {
                List<String> parts = new ArrayList<>();
                for (String k : keys) {
                    parts.add(canon(f.map().get(k)));
                }
                return tuple(parts);
            }
            Map<String, String> m = new TreeMap<>(Tla::compareKeys);
            f.map().forEach((k, x) -> m.put(k, canon(x)));
            return fcn(m);
        }
        if (v instanceof TlcValue.SetV s) {
            List<String> parts = new ArrayList<>();
            for (TlcValue e : s.elems()) {
                parts.add(canon(e));
            }
            return set(parts);
        }
        throw new IllegalArgumentException("unknown value " + v);
    }

    private static int compareKeys(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    // ---- builders for the Java side (already canonical) -------------------------------------

    public static String num(long n) {
        return Long.toString(n);
    }

    public static String str(String s) {
        return "\"" + s + "\"";
    }

    public static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /** {@code <<a, b, …>>} (a function with domain 1..n). */
    public static String tuple(Collection<String> elems) {
        return "<<" + String.join(", ", elems) + ">>";
    }

    /** {@code {…}} with the elements sorted as canon sorts them. */
    public static String set(Collection<String> elems) {
        List<String> s = new ArrayList<>(elems);
        s.sort(Tla::compareKeys);
        return "{" + String.join(", ", s) + "}";
    }

    /** {@code [f |-> v, …]} with the fields sorted. */
    public static String record(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(fields).forEach((k, v) -> parts.add(k + " |-> " + v));
        return "[" + String.join(", ", parts) + "]";
    }

    /** {@code (k :> v @@ …)}, keys in numeric order; a 1..n domain becomes a tuple. */
    public static String fcn(Map<String, String> m) {
        Map<String, String> sorted = new TreeMap<>(Tla::compareKeys);
        sorted.putAll(m);
        List<String> keys = new ArrayList<>(sorted.keySet());
        boolean oneToN = !keys.isEmpty();
        for (int i = 0; i < keys.size() && oneToN; i++) {
            oneToN = keys.get(i).equals(Integer.toString(i + 1));
        }
        if (oneToN || keys.isEmpty()) {
            return tuple(new ArrayList<>(sorted.values()));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k + " :> " + v));
        return "(" + String.join(" @@ ", parts) + ")";
    }
}
