package io.procspec.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * Where two start orders part: the first position at which they differ, and both sequences
 * around it, for reports.
 *
 * @param index  the first position (0-based) at which the orders differ
 * @param from   first position of the window shown
 * @param go     Go's goroutine ids at positions {@code from ..}
 * @param java   the Java scheduler's ids at the same positions
 */
public record Divergence(int index, int from, List<Integer> go, List<Integer> java) {

    /** Positions shown before and after the first difference. */
    public static final int CONTEXT = 8;

    /** Length of the common prefix of two orders. */
    public static int commonPrefix(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return n;
    }

    /**
     * The first divergence of {@code go} from {@code java} with {@link #CONTEXT} positions either
     * side, or null if the orders are equal.
     */
    public static Divergence of(int[] go, int[] java) {
        return of(go, java, CONTEXT);
    }

    /** As {@link #of(int[], int[])} with {@code context} positions either side. */
    public static Divergence of(int[] go, int[] java, int context) {
        int i = commonPrefix(go, java);
        if (i == go.length && i == java.length) {
            return null;
        }
        int from = Math.max(0, i - context);
        return new Divergence(i, from, slice(go, from, i + context + 1), slice(java, from, i + context + 1));
    }

    private static List<Integer> slice(int[] a, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int k = from; k < Math.min(to, a.length); k++) {
            out.add(a[k]);
        }
        return out;
    }

    /**
     * Two aligned lines, the first difference marked:
     * <pre>
     * position  49   50   51  [52]  53
     * go        g48  g49  g50 [g1]  g51
     * java      g48  g49  g50 [g51] g52
     * </pre>
     */
    public String render() {
        StringBuilder pos = new StringBuilder("position");
        StringBuilder g = new StringBuilder("go      ");
        StringBuilder j = new StringBuilder("java    ");
        int n = Math.max(go.size(), java.size());
        for (int k = 0; k < n; k++) {
            int at = from + k;
            boolean mark = at == index;
            String a = cell(Integer.toString(at), mark);
            String b = cell(k < go.size() ? "g" + go.get(k) : "-", mark);
            String c = cell(k < java.size() ? "g" + java.get(k) : "-", mark);
            int w = Math.max(a.length(), Math.max(b.length(), c.length()));
            pos.append(' ').append(pad(a, w));
            g.append(' ').append(pad(b, w));
            j.append(' ').append(pad(c, w));
        }
        return pos.toString().stripTrailing() + "\n" + g.toString().stripTrailing() + "\n" + j.toString().stripTrailing();
    }

    private static String cell(String s, boolean mark) {
        return mark ? "[" + s + "]" : s;
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}
