package io.procspec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a results folder (runs.json, machine.json, the JMH and Go JSON files) into rows of samples
 * and writes {@code results.md}, the plots and the layer summary ({@code procspec.layer/1}).
 *
 * <p>Statistics: every sample of a row is one measurement iteration (JMH: forks × iterations; for
 * the spawn tree, one tree per sample; Go: one tree per sample). The tables give the median, the
 * interquartile range (25th–75th percentile) and the extremes, and ratios of medians to a peer
 * measured in the same run. "Within noise" (the hook) means a two-sided Mann–Whitney U test over
 * the two rows' samples does not reject equal distributions at p &lt; 0.01.
 */
final class Report {
    /** A measured row: samples of one benchmark (method or impl) in one configuration. */
    record Row(String group, String name, String jdk, int x, String unit, double[] samples,
               Double bytesPerOp, long tasks) {
        double median() {
            return pct(50);
        }

        double pct(double p) {
            DescriptiveStatistics s = new DescriptiveStatistics(samples);
            return s.getPercentile(p);
        }

        double min() {
            return new DescriptiveStatistics(samples).getMin();
        }

        double max() {
            return new DescriptiveStatistics(samples).getMax();
        }
    }

    /** A planned measurement that did not produce a result, or was not run. */
    record Missing(String name, String verdict, String detail) {}

    static final double NOISE_P = 0.01;

    final JsonNode machine;
    final JsonNode runs;
    final List<Row> rows = new ArrayList<>();
    final List<Missing> missing = new ArrayList<>();

    private Report(JsonNode machine, JsonNode runs) {
        this.machine = machine;
        this.runs = runs;
    }

    static Report load(Path dir) throws IOException {
        JsonNode machine = BenchRun.JSON.readTree(dir.resolve("machine.json").toFile());
        JsonNode runs = BenchRun.JSON.readTree(dir.resolve("runs.json").toFile());
        Report r = new Report(machine, runs);
        for (JsonNode run : runs.path("runs")) {
            String kind = run.path("kind").asText();
            Path f = dir.resolve(run.path("file").asText());
            if (kind.equals("go")) {
                r.loadGo(run, f);
            } else {
                r.loadJmh(run, f, dir);
            }
        }
        for (JsonNode s : runs.path("skipped")) {
            r.missing.add(new Missing(s.path("name").asText(), "skipped", s.path("reason").asText()));
        }
        return r;
    }

    private void loadGo(JsonNode run, Path f) throws IOException {
        String id = run.path("id").asText();
        if (!run.path("ok").asBoolean() || !Files.isRegularFile(f)) {
            missing.add(new Missing("spawn/" + id, "fail", run.path("error").asText("no result")));
            return;
        }
        JsonNode g = BenchRun.JSON.readTree(f.toFile());
        double[] ms = new double[g.path("ms").size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = g.path("ms").get(i).asDouble();
        }
        long tasks = g.path("tasks").asLong();
        rows.add(new Row("spawn", "go", g.path("go").asText(), g.path("gomaxprocs").asInt(), "ms/tree", ms,
                g.path("allocBytesPerTask").asDouble() * tasks, tasks));
    }

    private void loadJmh(JsonNode run, Path f, Path dir) throws IOException {
        String id = run.path("id").asText();
        String kind = run.path("kind").asText();
        String jdk = run.path("jdkVersion").asText();
        int thieves = run.path("thieves").asInt();
        int threads = run.path("threads").asInt();
        Set<String> expected = new LinkedHashSet<>();
        run.path("expected").forEach(e -> expected.add(e.asText()));
        JsonNode results = Files.isRegularFile(f) ? BenchRun.JSON.readTree(f.toFile()) : null;
        Set<String> found = new LinkedHashSet<>();
        if (results != null) {
            for (JsonNode e : results) {
                String bench = e.path("benchmark").asText();
                String method = bench.substring(bench.lastIndexOf('.') + 1);
                String name = kind.equals("steal") ? e.path("params").path("impl").asText() : method;
                found.add(name);
                JsonNode pm = e.path("primaryMetric");
                String jdkv = e.path("jdkVersion").asText(jdk);
                switch (kind) {
                    case "runq":
                        rows.add(new Row("owner", name, jdkv, 1, pm.path("scoreUnit").asText(), raw(pm), null, 0));
                        break;
                    case "gfree":
                        rows.add(new Row("gfree", name, jdkv, threads, pm.path("scoreUnit").asText(), raw(pm), null, 0));
                        break;
                    case "steal": {
                        JsonNode sec = e.path("secondaryMetrics");
                        rows.add(new Row("steal.moved", name, jdkv, thieves, "Gs/us", raw(sec.path("moved")), null, 0));
                        rows.add(new Row("steal.owner", name, jdkv, thieves, "ops/us", raw(sec.path("owner")), null, 0));
                        break;
                    }
                    case "spawn": {
                        JsonNode params = e.path("params");
                        long tasks = SpawnTrees.count(0, params.path("leaves").asInt(1_000_000), params.path("fanout").asInt(10));
                        JsonNode norm = e.path("secondaryMetrics").path("gc.alloc.rate.norm");
                        Double b = norm.isMissingNode() ? null : norm.path("score").asDouble();
                        rows.add(new Row("spawn", name, jdkv, 0, pm.path("scoreUnit").asText(), raw(pm), b, tasks));
                        break;
                    }
                    default:
                        throw new IOException("unknown run kind " + kind);
                }
            }
        }
        for (String e : expected) {
            if (!found.contains(e)) {
                String where = kind.equals("steal") ? "steal/" + e + "/thieves=" + thieves
                        : kind.equals("gfree") ? "gfree/" + e + "/threads=" + threads
                        : kind.equals("spawn") ? "spawn/" + e + "/jdk" + Machine.feature(jdk)
                        : "owner/" + e;
                String why = run.path("ok").asBoolean() ? failure(dir.resolve(run.path("log").asText()), e)
                        : run.path("error").asText();
                boolean skipped = run.path("skipped").asBoolean();
                missing.add(new Missing(where, skipped ? "skipped" : "fail", (skipped ? "not measured: " : "no result: ") + why));
            }
        }
    }

    /** The first exception line after the benchmark's failure in a JMH log. */
    static String failure(Path log, String name) {
        try {
            List<String> lines = Files.readAllLines(log);
            boolean in = false;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith("# Benchmark: ")) {
                    in = l.endsWith("." + name) || l.contains("." + name + " ");
                }
                if (l.startsWith("# Parameters: ") && l.contains("impl = " + name)) {
                    in = true;
                }
                if (in && l.contains("<failure>") && i + 1 < lines.size()) {
                    return lines.get(i + 1).trim();
                }
            }
        } catch (IOException e) {
            // no log
        }
        return "the benchmark failed; see the log";
    }

    static double[] raw(JsonNode metric) {
        List<Double> v = new ArrayList<>();
        JsonNode raw = metric.path("rawData");
        if (raw.isArray() && raw.size() > 0) {
            for (JsonNode fork : raw) {
                for (JsonNode x : fork) {
                    v.add(x.asDouble());
                }
            }
        } else if (metric.has("score")) {
            v.add(metric.path("score").asDouble());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ---- lookups -------------------------------------------------------------------------------

    Row find(String group, String name, String jdkFeature, int x) {
        for (Row r : rows) {
            if (r.group.equals(group) && r.name.equals(name) && r.x == x
                    && (jdkFeature == null || String.valueOf(Machine.feature(r.jdk)).equals(jdkFeature))) {
                return r;
            }
        }
        return null;
    }

    List<Row> group(String g) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.group.equals(g)) {
                out.add(r);
            }
        }
        return out;
    }

    List<Row> goRows() {
        List<Row> out = new ArrayList<>();
        for (Row r : group("spawn")) {
            if (r.name.equals("go")) {
                out.add(r);
            }
        }
        return out;
    }

    /** The JDK feature versions that ran the spawn tree, in run order. */
    List<String> spawnJdks() {
        Set<String> s = new LinkedHashSet<>();
        for (Row r : group("spawn")) {
            if (!r.name.equals("go")) {
                s.add(String.valueOf(Machine.feature(r.jdk)));
            }
        }
        return new ArrayList<>(s);
    }

    String primaryJdk() {
        List<String> j = spawnJdks();
        return j.isEmpty() ? null : j.get(0);
    }

    String verdict() {
        boolean skipped = false;
        for (Missing m : missing) {
            if (m.verdict.equals("fail")) {
                return "fail";
            }
            skipped = true;
        }
        if (rows.isEmpty()) {
            return "fail";
        }
        return skipped ? "partial" : "pass";
    }

    /** Hook against no hook: [cost as a fraction (positive: the hook is slower), p-value]. */
    static double[] hookCost(Row hook, Row noHook, boolean higherIsBetter) {
        double c = higherIsBetter ? noHook.median() / hook.median() - 1 : hook.median() / noHook.median() - 1;
        double p = hook.samples.length < 2 || noHook.samples.length < 2 ? Double.NaN
                : new MannWhitneyUTest().mannWhitneyUTest(hook.samples, noHook.samples);
        return new double[]{c, p};
    }

    /** Fewer samples than this per row cannot reach p < NOISE_P with a rank test: no decision. */
    static final int MIN_SAMPLES = 8;

    static String hookVerdict(double[] cp, int n) {
        return verdict(cp, n, "hook");
    }

    /**
     * The decision rule of results.md: "undecided" below {@link #MIN_SAMPLES} samples per row,
     * "within noise" when p ≥ {@code NOISE_P}, otherwise "{@code subject} slower (or faster) by x %".
     */
    static String verdict(double[] cp, int n, String subject) {
        if (Double.isNaN(cp[1]) || n < MIN_SAMPLES) {
            return String.format(Locale.ROOT, "undecided: %d samples per row, need %d", n, MIN_SAMPLES);
        }
        if (cp[1] >= NOISE_P) {
            return "within noise";
        }
        return String.format(Locale.ROOT, "%s %s by %.1f%%", subject, cp[0] > 0 ? "slower" : "faster", Math.abs(cp[0]) * 100);
    }

    // ---- writing ---------------------------------------------------------------------------------

    void write(Path dir, Path summaryDir) throws IOException {
        Files.writeString(dir.resolve("results.md"), markdown());
        List<Path> plots = new ArrayList<>();
        try {
            plots = Plots.draw(this, dir);
        } catch (RuntimeException | Error e) { // e.g. a runtime without java.desktop
            System.err.println("BenchRun: plots not drawn: " + e);
        }
        Files.createDirectories(summaryDir);
        for (Path p : plots) {
            Files.copy(p, summaryDir.resolve("bench-" + p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        BenchRun.JSON.writeValue(summaryDir.resolve("summary.json").toFile(), summary(dir, plots));
    }

    static String f(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }

    static String ratio(Row a, Row b) {
        return a == null || b == null ? "–" : f(a.median() / b.median()) + "×";
    }

    static String spread(Row r) {
        return f(r.pct(25)) + "–" + f(r.pct(75)) + " (" + f(r.min()) + "–" + f(r.max()) + ")";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# procspec benchmarks: ").append(runs.path("set").asText()).append(" set\n\n");
        md.append("| machine | |\n| --- | --- |\n");
        for (String k : List.of("cores", "cpu", "os", "runnerJdk", "commit", "startedAt", "seconds", "loadBefore", "loadAfter", "command")) {
            md.append("| ").append(k).append(" | ").append(machine.path(k).asText()).append(" |\n");
        }
        md.append("\nMedians over every measured iteration (JMH: forks × iterations; spawn tree: one tree per sample),"
                + " spread as interquartile range (25th–75th percentile) with the extremes in brackets, and ratios of"
                + " medians between rows measured in this run. JDK per row as shown. Load averages above ~0.5 on"
                + " this machine mean other work shared the cores: compare ratios, not absolute figures.\n");

        List<Row> owner = group("owner");
        if (!owner.isEmpty()) {
            Row proc = find("owner", "proc", null, 1);
            Row deque = find("owner", "arrayDeque", null, 1);
            md.append("\n## Owner operations (one thread, put 128 then get 128; ops/µs, higher is better; JDK ")
                    .append(owner.get(0).jdk).append(")\n\n");
            md.append("| benchmark | median | IQR (min–max) | vs proc | vs ArrayDeque |\n| --- | --- | --- | --- | --- |\n");
            for (Row r : owner) {
                md.append("| ").append(r.name).append(" | ").append(f(r.median())).append(" | ").append(spread(r))
                        .append(" | ").append(ratio(r, proc)).append(" | ").append(ratio(r, deque)).append(" |\n");
            }
        }

        md.append(hookTable());

        List<Row> moved = group("steal.moved");
        if (!moved.isEmpty()) {
            md.append("\n## Stealing (one owner producing, N thieves; JDK ").append(moved.get(0).jdk).append(")\n\n");
            md.append("Gs moved by all thieves per µs, and the owner's own operations per µs (higher is better)."
                    + " With more threads than cores the thieves time-share the cores.\n\n");
            md.append("| thieves | impl | moved median | moved IQR (min–max) | owner median | owner IQR | moved vs jctools | moved vs unpadded | owner vs jctools |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Row r : moved) {
                Row own = find("steal.owner", r.name, null, r.x);
                Row mj = find("steal.moved", "jctools", null, r.x);
                Row mu = find("steal.moved", "unpadded", null, r.x);
                Row oj = find("steal.owner", "jctools", null, r.x);
                md.append("| ").append(r.x).append(" | ").append(r.name).append(" | ").append(f(r.median())).append(" | ")
                        .append(spread(r)).append(" | ").append(own == null ? "–" : f(own.median())).append(" | ")
                        .append(own == null ? "–" : spread(own)).append(" | ").append(ratio(r, mj)).append(" | ")
                        .append(ratio(r, mu)).append(" | ").append(ratio(own, oj)).append(" |\n");
            }
        }

        List<Row> gfree = group("gfree");
        if (!gfree.isEmpty()) {
            md.append("\n## Free lists (gfget ×96 then gfput ×96 per P, spilling and refilling; ops/µs summed over threads; JDK ")
                    .append(gfree.get(0).jdk).append(")\n\n");
            md.append("| threads (Ps) | impl | median | IQR (min–max) | vs gfgetGfput |\n| --- | --- | --- | --- | --- |\n");
            for (Row r : gfree) {
                md.append("| ").append(r.x).append(" | ").append(r.name).append(" | ").append(f(r.median())).append(" | ")
                        .append(spread(r)).append(" | ").append(ratio(r, find("gfree", "gfgetGfput", null, r.x))).append(" |\n");
            }
        }

        List<Row> spawn = group("spawn");
        if (!spawn.isEmpty()) {
            List<Row> gos = goRows();
            Row go121 = null;
            for (Row g : gos) {
                if (g.jdk.startsWith("go1.21")) {
                    go121 = g;
                }
            }
            if (go121 == null && !gos.isEmpty()) {
                go121 = gos.get(0);
            }
            md.append("\n## Spawn tree (1,000,000 leaves, fan-out 10: ").append(String.format(Locale.ROOT, "%,d", spawn.get(0).tasks))
                    .append(" tasks; ms per tree, lower is better)\n\n");
            md.append("| scheduler | runtime | median ms | IQR (min–max) | ns/task | bytes/task | vs ForkJoinPool (same JDK) | vs ")
                    .append(go121 == null ? "Go" : go121.jdk).append(" |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Row r : spawn) {
                boolean go = r.name.equals("go");
                Row fj = go ? null : find("spawn", "forkJoinPool", String.valueOf(Machine.feature(r.jdk)), 0);
                md.append("| ").append(go ? "Go runtime" : r.name).append(" | ").append(go ? r.jdk : "JDK " + r.jdk)
                        .append(" | ").append(f(r.median())).append(" | ").append(spread(r)).append(" | ")
                        .append(f(r.median() * 1e6 / r.tasks)).append(" | ")
                        .append(r.bytesPerOp == null ? "–" : f(r.bytesPerOp / r.tasks)).append(" | ")
                        .append(go ? "–" : ratio(r, fj)).append(" | ").append(ratio(r, go121)).append(" |\n");
            }
            md.append("\nbytes/task: JMH's gc.alloc.rate.norm per tree divided by the tasks (Java, includes each task's"
                    + " Runnable or ForkJoinTask); Go: runtime.MemStats.TotalAlloc over the measured trees per goroutine."
                    + " Go's GOMAXPROCS: ").append(gos.isEmpty() ? "–" : String.valueOf(gos.get(0).x)).append(".\n");
        }

        if (!missing.isEmpty()) {
            md.append("\n## Not measured\n\n| what | verdict | why |\n| --- | --- | --- |\n");
            for (Missing m : missing) {
                md.append("| ").append(m.name).append(" | ").append(m.verdict).append(" | ").append(m.detail.replace("|", "\\|")).append(" |\n");
            }
        }
        return md.toString();
    }

    String hookTable() {
        StringBuilder md = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String[] p : new String[][]{{"proc", "procNoHook"}, {"procNext", "procNoHookNext"}}) {
            Row h = find("owner", p[0], null, 1);
            Row n = find("owner", p[1], null, 1);
            if (h != null && n != null) {
                lines.add(comparison("owner ops: " + p[0] + " vs " + p[1], h, n, true, "hook"));
            }
        }
        for (String j : spawnJdks()) {
            Row h = find("spawn", "procspec", j, 0);
            Row n = find("spawn", "procspecNoHook", j, 0);
            if (h != null && n != null) {
                lines.add(comparison("spawn tree: procspec vs procspecNoHook", h, n, false, "hook"));
            }
        }
        if (!lines.isEmpty()) {
            md.append("\n## The scheduling-point hook: production (no-op hook) against a build without the calls\n\n");
            md.append("The no-hook build is impl's runtime package with every `point.at(...)` line deleted at build time"
                    + " (bench/pom.xml). Cost: how much more time per operation the hook build's median takes. Decision:"
                    + " \"within noise\" when a two-sided Mann–Whitney U test over the two rows' per-iteration samples"
                    + " gives p ≥ ").append(NOISE_P).append(" (no detectable difference) with at least ").append(MIN_SAMPLES)
                    .append(" samples per row; otherwise the measured difference is stated.\n\n");
            md.append(COMPARISON_HEAD);
            lines.forEach(l -> md.append(l).append('\n'));
        }
        List<String> price = new ArrayList<>();
        for (String j : spawnJdks()) {
            Row h = find("spawn", "procspec", j, 0);
            for (String[] v : new String[][]{{"procspecWakep120", "Go 1.21's wakep lock (vs 1.20's npidle check)"},
                    {"procspecNoBackoff", "runqgrab's usleep(3) before stealing runnext"}}) {
                Row n = find("spawn", v[0], j, 0);
                if (h != null && n != null) {
                    price.add(comparison("spawn tree: " + v[1], h, n, false, "faithful build"));
                }
            }
        }
        if (!price.isEmpty()) {
            md.append("\n## Prices of fidelity to proc.go (spawn tree)\n\n");
            md.append("procspec (Go 1.21's rules) against the same scheduler with one rule changed: `procspecWakep120`"
                    + " returns from wakep when no P is idle, as Go 1.16–1.20 did (Go 1.21 takes sched.lock to find no"
                    + " idle P whenever no M spins); `procspecNoBackoff` drops the 3 µs back-off before stealing a"
                    + " running P's runnext. Cost: how much more time the faithful build takes; same decision rule.\n\n");
            md.append(COMPARISON_HEAD);
            price.forEach(l -> md.append(l).append('\n'));
        }
        return md.toString();
    }

    static final String COMPARISON_HEAD = "| comparison | JDK | faithful median | variant median | cost | p | verdict |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |\n";

    /** One table row: {@code h} (the faithful build) against {@code n}; {@code subject} names h in the verdict. */
    static String comparison(String what, Row h, Row n, boolean higherIsBetter, String subject) {
        double[] cp = hookCost(h, n, higherIsBetter);
        String u = higherIsBetter ? " ops/µs" : " ms";
        return "| " + what + " | JDK " + h.jdk + " | " + f(h.median()) + u + " | " + f(n.median()) + u + " | "
                + String.format(Locale.ROOT, "%+.1f%%", cp[0] * 100) + " | " + String.format(Locale.ROOT, "%.3g", cp[1])
                + " | " + verdict(cp, Math.min(h.samples.length, n.samples.length), subject) + " |";
    }

    // ---- summary (procspec.layer/1) ------------------------------------------------------------

    Map<String, Object> summary(Path dir, List<Path> plots) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", "bench");
        s.put("title", "JMH benchmarks against peers (" + runs.path("set").asText() + " set)");
        String v = verdict();
        s.put("verdict", v);
        s.put("reason", reason(v));
        s.put("startedAt", machine.path("startedAt").asText(Instant.now().toString()));
        s.put("seconds", machine.path("seconds").asDouble());
        s.put("command", machine.path("command").asText());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", machine.path("runnerJdk").asText());
        env.put("jdks", String.join(", ", jdkList()));
        env.put("cores", machine.path("cores").asInt());
        env.put("os", machine.path("os").asText());
        env.put("cpu", machine.path("cpu").asText());
        env.put("seed", null);
        env.put("commit", machine.path("commit").asText());
        env.put("loadBefore", machine.path("loadBefore").asDouble());
        env.put("loadAfter", machine.path("loadAfter").asDouble());
        env.put("results", dir.toString());
        s.put("environment", env);
        s.put("figures", headline());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> it = new LinkedHashMap<>();
            String jdk = r.name.equals("go") ? r.jdk : "jdk" + Machine.feature(r.jdk);
            String x = r.group.startsWith("steal") ? "/thieves=" + r.x : r.group.equals("gfree") ? "/threads=" + r.x : "";
            it.put("name", r.group + "/" + (r.name.equals("go") ? r.jdk : r.name) + x + (r.name.equals("go") ? "" : "/" + jdk));
            it.put("verdict", "pass");
            Map<String, Object> fig = new LinkedHashMap<>();
            // score, scoreError, unit, group: what the verification report charts (report/README.md);
            // score is the median and scoreError half the interquartile range
            fig.put("score", round(r.median()));
            fig.put("scoreError", round((r.pct(75) - r.pct(25)) / 2));
            fig.put("group", r.group + (r.group.startsWith("steal") ? " (" + r.x + " thieves)"
                    : r.group.equals("gfree") ? " (" + r.x + " threads)" : ""));
            fig.put("median", round(r.median()));
            fig.put("p25", round(r.pct(25)));
            fig.put("p75", round(r.pct(75)));
            fig.put("min", round(r.min()));
            fig.put("max", round(r.max()));
            fig.put("samples", r.samples.length);
            fig.put("unit", r.unit);
            if (r.tasks > 0) {
                fig.put("nsPerTask", round(r.median() * 1e6 / r.tasks));
                if (r.bytesPerOp != null) {
                    fig.put("bytesPerTask", round(r.bytesPerOp / r.tasks));
                }
            }
            it.put("figures", fig);
            it.put("detail", (r.name.equals("go") ? "Go " : "JDK ") + r.jdk + "; " + r.unit
                    + (r.group.equals("spawn") ? "; every tree's sum checked" : ""));
            items.add(it);
        }
        for (Missing m : missing) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("name", m.name);
            it.put("verdict", m.verdict);
            it.put("detail", m.detail);
            items.add(it);
        }
        s.put("items", items);
        return s;
    }

    private List<String> jdkList() {
        Set<String> j = new LinkedHashSet<>();
        for (Row r : rows) {
            if (!r.name.equals("go")) {
                j.add(r.jdk);
            }
        }
        return new ArrayList<>(j);
    }

    private String reason(String v) {
        if (v.equals("pass")) {
            return null;
        }
        List<String> why = new ArrayList<>();
        for (Missing m : missing) {
            why.add(m.name + ": " + m.detail);
        }
        if (rows.isEmpty() && why.isEmpty()) {
            why.add("no benchmark produced a result");
        }
        return String.join("; ", why);
    }

    static Object round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Math.round(v * 1000) / 1000.0;
    }

    Map<String, Object> headline() {
        Map<String, Object> h = new LinkedHashMap<>();
        String j = primaryJdk();
        Row ps = j == null ? null : find("spawn", "procspec", j, 0);
        Row fj = j == null ? null : find("spawn", "forkJoinPool", j, 0);
        if (ps != null) {
            h.put("spawn.procspec.ms (JDK " + ps.jdk + ")", round(ps.median()));
            if (ps.bytesPerOp != null) {
                h.put("spawn.procspec.bytesPerTask", round(ps.bytesPerOp / ps.tasks));
            }
        }
        if (fj != null) {
            h.put("spawn.forkJoinPool.ms (JDK " + fj.jdk + ")", round(fj.median()));
        }
        if (ps != null && fj != null) {
            h.put("spawn.procspec/forkJoinPool", round(ps.median() / fj.median()));
        }
        for (String jj : spawnJdks()) {
            Row vt = find("spawn", "virtualThreads", jj, 0);
            if (vt != null) {
                h.put("spawn.virtualThreads.ms (JDK " + vt.jdk + ")", round(vt.median()));
            }
        }
        for (Row g : goRows()) {
            h.put("spawn." + g.jdk + ".ms", round(g.median()));
            if (ps != null) {
                h.put("spawn.procspec/" + g.jdk, round(ps.median() / g.median()));
            }
        }
        Row proc = find("owner", "proc", null, 1);
        Row deque = find("owner", "arrayDeque", null, 1);
        if (proc != null && deque != null) {
            h.put("owner.proc/arrayDeque", round(proc.median() / deque.median()));
        }
        Row sp = find("steal.moved", "proc", null, 1);
        Row sj = find("steal.moved", "jctools", null, 1);
        if (sp != null && sj != null) {
            h.put("steal.1thief.moved.proc/jctools", round(sp.median() / sj.median()));
        }
        Row nh = find("owner", "procNoHook", null, 1);
        if (proc != null && nh != null) {
            h.put("hook.owner", hookVerdict(hookCost(proc, nh, true), Math.min(proc.samples.length, nh.samples.length)));
        }
        Row psn = j == null ? null : find("spawn", "procspecNoHook", j, 0);
        if (ps != null && psn != null) {
            h.put("hook.spawn", hookVerdict(hookCost(ps, psn, false), Math.min(ps.samples.length, psn.samples.length)));
        }
        Row w = j == null ? null : find("spawn", "procspecWakep120", j, 0);
        if (ps != null && w != null) {
            h.put("price.wakepLock", round(hookCost(ps, w, false)[0]));
        }
        Row nb = j == null ? null : find("spawn", "procspecNoBackoff", j, 0);
        if (ps != null && nb != null) {
            h.put("price.usleep3", round(hookCost(ps, nb, false)[0]));
        }
        h.put("loadBefore", machine.path("loadBefore").asDouble());
        h.put("loadAfter", machine.path("loadAfter").asDouble());
        return h;
    }
}
