package io.procspec.oracle;

import java.util.HashMap;
import java.util.Map;

/**
 * One run of a generated Go program: its output line (see {@link GoProgram}), parsed.
 *
 * @param pattern      the pattern's index in the program
 * @param shift        extra Gosched calls before the pattern (see {@link GoProgram})
 * @param goVersion    {@code runtime.Version()} of the program
 * @param n            goroutines in the pattern
 * @param elapsedNanos wall time from the pattern's start to its end
 * @param perturbed    goroutines that started while a spawner was descheduled mid-spawn
 * @param order        goroutine ids in the order they ran (one per start, and one after each yield and wait)
 */
public record GoSample(int pattern, int shift, String goVersion, int n, long elapsedNanos, int perturbed, int[] order) {

    /**
     * Parses the program's standard output.
     *
     * @throws IllegalArgumentException if there is no well-formed result line
     */
    public static GoSample parse(String stdout) {
        String line = null;
        for (String l : stdout.split("\n")) {
            if (l.startsWith(GoProgram.OUTPUT_TAG + " ")) {
                if (line != null) {
                    throw new IllegalArgumentException("two result lines");
                }
                line = l.strip();
            }
        }
        if (line == null) {
            throw new IllegalArgumentException("no line starting with " + GoProgram.OUTPUT_TAG);
        }
        Map<String, String> f = new HashMap<>();
        for (String w : line.substring(GoProgram.OUTPUT_TAG.length()).trim().split(" ")) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad field '" + w + "'");
            }
            f.put(w.substring(0, eq), w.substring(eq + 1));
        }
        for (String k : new String[] {"pattern", "shift", "go", "n", "elapsed_ns", "perturbed", "order"}) {
            if (!f.containsKey(k)) {
                throw new IllegalArgumentException("missing field " + k);
            }
        }
        try {
            String o = f.get("order");
            String[] parts = o.isEmpty() ? new String[0] : o.split(",");
            int[] order = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                order[i] = Integer.parseInt(parts[i]);
            }
            return new GoSample(Integer.parseInt(f.get("pattern")), Integer.parseInt(f.get("shift")), f.get("go"), Integer.parseInt(f.get("n")),
                    Long.parseLong(f.get("elapsed_ns")), Integer.parseInt(f.get("perturbed")), order);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number: " + e.getMessage());
        }
    }

    /**
     * Checks the run against what was asked: the pattern, the toolchain's release, and an order
     * that runs every goroutine exactly {@link Pattern#segments} times (once to start, once after
     * each yield and each wait), the root first.
     *
     * @return null if it is consistent, else what is wrong
     */
    public String inconsistency(Pattern p, int index, int shift, GoToolchain go) {
        if (pattern != index) {
            return "ran pattern " + pattern + ", asked for " + index;
        }
        if (this.shift != shift) {
            return "ran with shift " + this.shift + ", asked for " + shift;
        }
        if (!goVersion.equals(go.version())) {
            return "the program reports " + goVersion + ", built with " + go.version();
        }
        if (n != p.size()) {
            return "ran a pattern of " + n + " goroutines, the pattern has " + p.size();
        }
        if (order.length != p.events()) {
            return "recorded " + order.length + " runs of goroutines, the pattern has " + p.events();
        }
        int[] seen = new int[n];
        for (int id : order) {
            if (id < 0 || id >= n) {
                return "goroutine " + id + " is not in the pattern";
            }
            if (++seen[id] > p.segments(id)) {
                return "goroutine " + id + " ran more than its " + p.segments(id) + " time(s): started twice?";
            }
        }
        if (n > 0 && order[0] != 0) {
            return "the root did not start first";
        }
        return null;
    }
}
