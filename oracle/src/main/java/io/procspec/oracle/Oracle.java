package io.procspec.oracle;

import io.procspec.runtime.GoVersion;
import io.procspec.runtime.SchedPoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Go oracle: runs patterns on the real Go runtime (every toolchain given) and on
 * {@code io.procspec.runtime.Sched} with one P, and compares the orders in which goroutines run.
 *
 * <h2>Policy</h2>
 * <ul>
 *   <li><b>Samples.</b> Each (pattern, Go release) gets {@link Options#samples} samples; a sample
 *       is one process of the generated program ({@link GoProgram}) built with that toolchain.</li>
 *   <li><b>Perturbed runs are rerun, never compared.</b> A run is perturbed when a goroutine
 *       ran while another was descheduled in the middle of its body (the program's {@code perturbed}
 *       count: a preempted spawner), or when the pattern took at least
 *       {@link Options#cleanLimit} (default 9 ms): sysmon preempts a goroutine whose time slice
 *       has run 10 ms, so a shorter pattern cannot have been preempted by it, and a longer one
 *       might have been without any spawner noticing. A sample is rerun up to
 *       {@link Options#rerunBudget} times; if every run is perturbed the sample is
 *       <em>inconclusive</em>: reported, never counted as a match.</li>
 *   <li><b>Phase alignment.</b> The runtime's start-up leaves P0's schedtick at a phase that
 *       varies between runs. The Java side runs the pattern at every phase 0..60
 *       ({@link JavaSide#phases}); a clean Go order <em>matches</em> when it equals the Java order
 *       at some phase exactly, goroutine for goroutine. Otherwise it is a <em>mismatch</em>,
 *       reported with the first divergence from the closest phase, a trace and the Go program.</li>
 *   <li><b>Errors.</b> A program that fails to build, exits with an error, runs past
 *       {@link Options#runLimit} or prints an inconsistent result is an error (the item fails).</li>
 * </ul>
 */
public final class Oracle {

    /**
     * Settings of a run.
     *
     * @param samples     samples per (pattern, release)
     * @param rerunBudget reruns allowed per sample before it is inconclusive
     * @param cleanLimit  a run that took at least this long is perturbed (sysmon's slice is 10 ms)
     * @param runLimit    longest one Go process may run
     * @param buildLimit  longest one {@code go build} may take
     * @param javaLimit   longest one Java run may take
     * @param work        build directory (binaries, GOCACHE)
     */
    public record Options(int samples, int rerunBudget, Duration cleanLimit, Duration runLimit, Duration buildLimit,
                          Duration javaLimit, Path work) {
        public Options {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be >= 1, got " + samples);
            }
            if (rerunBudget < 0) {
                throw new IllegalArgumentException("rerun budget must be >= 0, got " + rerunBudget);
            }
            Objects.requireNonNull(cleanLimit, "cleanLimit");
            Objects.requireNonNull(runLimit, "runLimit");
            Objects.requireNonNull(buildLimit, "buildLimit");
            Objects.requireNonNull(javaLimit, "javaLimit");
            Objects.requireNonNull(work, "work");
        }

        /** 3 samples, 5 reruns each, 9 ms clean limit, 60 s per process, 5 min per build, 60 s per Java run. */
        public static Options defaults(Path work) {
            return new Options(3, 5, Duration.ofMillis(9), Duration.ofSeconds(60), Duration.ofMinutes(5),
                    Duration.ofSeconds(60), work);
        }

        public Options withSamples(int n) {
            return new Options(n, rerunBudget, cleanLimit, runLimit, buildLimit, javaLimit, work);
        }

        public Options withRerunBudget(int n) {
            return new Options(samples, n, cleanLimit, runLimit, buildLimit, javaLimit, work);
        }

        public Options withCleanLimit(Duration d) {
            return new Options(samples, rerunBudget, d, runLimit, buildLimit, javaLimit, work);
        }
    }

    /**
     * One item to check: a pattern against a toolchain.
     *
     * @param pattern  the pattern
     * @param go       the toolchain
     * @param model    what the Java side runs: {@link JavaSide.Model#PORT}, or a broken model
     * @param expected "pass" (Java must match Go), or "violation" (a broken model the oracle must catch)
     */
    public record Spec(Pattern pattern, GoToolchain go, JavaSide.Model model, String expected) {
        public Spec {
            Objects.requireNonNull(model, "model");
            if (!expected.equals("pass") && !expected.equals("violation")) {
                throw new IllegalArgumentException("expected must be pass or violation, got " + expected);
            }
        }

        /** A check that Java matches Go. */
        public static Spec of(Pattern p, GoToolchain go) {
            return new Spec(p, go, JavaSide.Model.PORT, "pass");
        }

        /** {@code fan(300)@go1.21}; a broken model adds its tag: {@code [ring 128]}. */
        public String name() {
            return pattern.name() + "@" + go.family() + (model != JavaSide.Model.PORT ? " [" + model.tag() + "]" : "");
        }
    }

    /** A clean Go order seen in some samples, and the phases at which Java gives the same order. */
    public record Observed(int[] order, int samples, SortedSet<Integer> phases) {}

    /**
     * A clean Go run whose order no phase of the Java side produces.
     *
     * @param sample     which sample (1-based)
     * @param shift      the Go program's SHIFT argument for it
     * @param go         Go's order
     * @param phase      the closest phase (longest common prefix)
     * @param java       the Java order at that phase
     * @param divergence the first difference
     * @param snapshots  the Java scheduler's queues at each run of a goroutine, at that phase
     */
    public record Mismatch(int sample, int shift, int[] go, int phase, int[] java, Divergence divergence,
                           List<JavaSide.Snapshot> snapshots) {}

    /** The outcome of one {@link Spec}, built up as its samples run. */
    public static final class Item {
        public final Spec spec;
        public final VersionModel model;
        int samples;
        int runs;
        int reruns;
        int matches;
        int mismatches;
        int inconclusive;
        final Map<String, Integer> perturbed = new TreeMap<>();
        final List<String> errors = new ArrayList<>();
        final List<Observed> observed = new ArrayList<>();
        final List<Mismatch> mismatchList = new ArrayList<>();
        final SortedSet<Integer> phases = new TreeSet<>();
        Map<String, Long> labels = Map.of();
        /** What the goroutines did in the first matched Java run (null before a match). */
        JavaSide.Counts counts;
        int javaDistinctOrders;
        long minElapsedNanos = Long.MAX_VALUE;
        long maxElapsedNanos;
        double seconds;
        /** The generated program that ran this item's samples (it holds several patterns). */
        Path source;

        Item(Spec spec) {
            this.spec = spec;
            this.model = VersionModel.of(spec.go());
        }

        public String name() {
            return spec.name();
        }

        public int samples() {
            return samples;
        }

        /** Go processes started, reruns included. */
        public int runs() {
            return runs;
        }

        public int reruns() {
            return reruns;
        }

        public int matches() {
            return matches;
        }

        public int mismatches() {
            return mismatches;
        }

        public int inconclusive() {
            return inconclusive;
        }

        /** Perturbed (discarded) runs by reason. */
        public Map<String, Integer> perturbed() {
            return perturbed;
        }

        public List<String> errors() {
            return errors;
        }

        public List<Observed> observed() {
            return observed;
        }

        public List<Mismatch> mismatchList() {
            return mismatchList;
        }

        /** Phases at which the Java order matched some Go sample. */
        public SortedSet<Integer> phases() {
            return phases;
        }

        public Map<String, Long> labels() {
            return labels;
        }

        /** The yields, parks and goreadies of the first Java run that matched Go; null if none matched. */
        public JavaSide.Counts counts() {
            return counts;
        }

        public double seconds() {
            return seconds;
        }

        /** pass | fail | skipped, per the layer format (see the class comment of {@link Oracle}). */
        public String verdict() {
            if (!errors.isEmpty()) {
                return "fail";
            }
            if (spec.expected().equals("violation")) {
                if (mismatches > 0) {
                    return "pass";
                }
                return matches > 0 ? "fail" : "skipped";
            }
            if (mismatches > 0) {
                return "fail";
            }
            return matches > 0 ? "pass" : "skipped";
        }

        /** One line: what happened and why the verdict. */
        public String detail() {
            StringBuilder sb = new StringBuilder();
            sb.append(spec.go().version()).append(" vs Sched(1 P, ").append(model.runAs());
            if (spec.model() != JavaSide.Model.PORT) {
                sb.append(", ").append(spec.model().tag()).append(": a broken model");
            }
            sb.append("): ").append(matches).append(" of ").append(samples).append(" samples match");
            if (mismatches > 0) {
                sb.append(", ").append(mismatches).append(" mismatch");
                Mismatch m = mismatchList.get(0);
                sb.append(" (first at position ").append(m.divergence().index()).append(", phase ").append(m.phase())
                        .append(")");
            }
            if (inconclusive > 0) {
                sb.append(", ").append(inconclusive).append(" inconclusive");
            }
            if (reruns > 0) {
                sb.append("; ").append(reruns).append(" reruns ").append(perturbed);
            }
            if (!phases.isEmpty()) {
                sb.append("; aligned at phase ").append(JavaSide.format(phases));
            }
            if (!errors.isEmpty()) {
                sb.append("; error: ").append(errors.get(0));
            }
            if (spec.expected().equals("violation") && mismatches > 0) {
                sb.append("; the oracle caught the broken model");
            } else if (spec.expected().equals("violation") && matches > 0 && mismatches == 0) {
                sb.append("; the oracle did NOT catch the broken model");
            } else if (matches == 0 && mismatches == 0 && errors.isEmpty()) {
                sb.append("; every sample was perturbed: nothing was compared");
            }
            return sb.toString();
        }
    }

    /**
     * The outcome of a whole run.
     *
     * @param items       one per spec, in the order given
     * @param toolchains  the toolchains used
     * @param startedAt   when the run started
     * @param seconds     how long it took
     * @param buildSeconds time spent compiling Go programs (0 when every binary was cached)
     * @param builds      programs compiled now (the rest came from the cache)
     * @param source      the (first) generated Go program
     */
    public record Result(List<Item> items, List<GoToolchain> toolchains, Instant startedAt, double seconds,
                         double buildSeconds, int builds, Path source) {

        /** label → times fired, summed over items. */
        public Map<String, Long> labels() {
            Map<String, Long> m = new TreeMap<>();
            for (Item it : items) {
                it.labels.forEach((k, v) -> m.merge(k, v, Long::sum));
            }
            return m;
        }
    }

    /** Most goroutines (summed over patterns) one generated program holds. */
    static final int MAX_PROGRAM_GOROUTINES = 100_000;

    private final Options options;
    private final PrintStream progress;
    private final Map<String, JavaSide.Phases> phaseCache = new HashMap<>();

    /**
     * @param options  settings
     * @param progress where to print progress lines ({@code [procspec] {...}}), or null for none
     */
    public Oracle(Options options, PrintStream progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = progress;
    }

    /** Every pattern against every toolchain, pattern by pattern (so each pattern's Java orders are computed once). */
    public static List<Spec> specs(List<Pattern> patterns, List<GoToolchain> toolchains) {
        List<Spec> out = new ArrayList<>();
        for (Pattern p : patterns) {
            for (GoToolchain t : toolchains) {
                out.add(Spec.of(p, t));
            }
        }
        return out;
    }

    /**
     * Checks that the oracle can fail: broken Java models against Go, each on patterns where it
     * changes the order; each must be a mismatch. A 128-slot ring (it spills at 130 Gs instead of
     * 258) on {@code fan(300)} and {@code tree(3,300)}; a {@code ready} that puts the G at the
     * ring's tail instead of runnext on {@code m:g(100*g(ready(m)),100*wait)} (the root, readied by
     * each leaf, runs after that leaf in Go, after all the leaves queued before it when broken); and
     * a {@code Gosched} that puts the G on the ring instead of the global queue on
     * {@code g(300*g(yield))}.
     */
    public static List<Spec> brokenModelSpecs(GoToolchain go) {
        return List.of(new Spec(Pattern.parse("fan(300)"), go, JavaSide.Model.RING_128, "violation"),
                new Spec(Pattern.parse("tree(3,300)"), go, JavaSide.Model.RING_128, "violation"),
                new Spec(Pattern.parse("m:g(100*g(ready(m)),100*wait)"), go, JavaSide.Model.READY_TO_RING, "violation"),
                new Spec(Pattern.parse("g(300*g(yield))"), go, JavaSide.Model.GOSCHED_AS_GOYIELD, "violation"));
    }

    /**
     * Runs every spec and returns the outcome (it never throws for a mismatch or a Go failure:
     * those are in the items).
     *
     * @throws IOException if the build directory cannot be written
     */
    public Result run(List<Spec> specs) throws IOException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Item> items = new ArrayList<>();
        for (Spec s : specs) {
            items.add(new Item(s));
        }
        // The patterns the oracle can run go into programs of at most MAX_PROGRAM_GOROUTINES
        // goroutines' tables (in CI: one program); each toolchain builds each program once.
        Map<String, Pattern> runnable = new LinkedHashMap<>();
        for (Item it : items) {
            Pattern p = it.spec.pattern();
            Pattern prev = runnable.putIfAbsent(p.name(), p);
            if (prev != null && !prev.equals(p)) {
                throw new IllegalArgumentException("two different patterns are named " + p.name());
            }
        }
        List<List<Pattern>> programs = new ArrayList<>();
        Map<String, int[]> where = new HashMap<>(); // pattern name -> {program, index}
        long inProgram = 0;
        for (Pattern p : runnable.values()) {
            long weight = p.size() + (long) p.yields() + p.waits() + p.readies(); // table entries
            if (programs.isEmpty() || inProgram + weight > MAX_PROGRAM_GOROUTINES) {
                programs.add(new ArrayList<>());
                inProgram = 0;
            }
            List<Pattern> cur = programs.get(programs.size() - 1);
            where.put(p.name(), new int[] {programs.size() - 1, cur.size()});
            cur.add(p);
            inProgram += weight;
        }
        GoBuilder builder = new GoBuilder(options.work(), options.buildLimit());
        List<String> sources = new ArrayList<>();
        Path sourcePath = null;
        for (List<Pattern> prog : programs) {
            String src = GoProgram.source(prog);
            sources.add(src);
            Path sp = builder.writeSource(src).resolve("main.go");
            if (sourcePath == null) {
                sourcePath = sp;
            }
        }
        List<GoToolchain> toolchains = new ArrayList<>();
        for (Item it : items) {
            if (!toolchains.contains(it.spec.go())) {
                toolchains.add(it.spec.go());
            }
        }
        Map<String, GoBuilder.Built> built = new HashMap<>(); // version + "#" + program
        Map<String, String> buildErrors = new HashMap<>();
        long buildNanos = 0;
        int builds = 0;
        for (GoToolchain go : toolchains) {
            for (int k = 0; k < sources.size(); k++) {
                try {
                    GoBuilder.Built b = builder.build(go, sources.get(k));
                    built.put(go.version() + "#" + k, b);
                    if (!b.cached()) {
                        builds++;
                        buildNanos += b.buildNanos();
                    }
                } catch (GoBuilder.BuildException e) {
                    buildErrors.put(go.version() + "#" + k, e.getMessage());
                }
            }
        }

        int done = 0;
        for (Item it : items) {
            long i0 = System.nanoTime();
            {
                int[] at = where.get(it.spec.pattern().name());
                String key = it.spec.go().version() + "#" + at[0];
                String be = buildErrors.get(key);
                if (be != null) {
                    it.errors.add(be);
                } else {
                    GoBuilder.Built b = built.get(key);
                    it.source = b.source();
                    check(it, b.binary(), at[1]);
                }
            }
            it.seconds = (System.nanoTime() - i0) / 1e9;
            done++;
            if (progress != null) {
                progress.println("[procspec] {\"layer\":\"oracle\",\"item\":" + Report.jsonString(it.name())
                        + ",\"done\":" + done + ",\"total\":" + items.size() + ",\"verdict\":\"" + it.verdict() + "\"}");
                progress.flush();
            }
        }
        return new Result(items, toolchains, started, (System.nanoTime() - t0) / 1e9, buildNanos / 1e9, builds,
                sourcePath);
    }

    /**
     * The Java orders of a pattern at every phase, cached for the next item (items come pattern by
     * pattern, one per toolchain); only the last pattern's are kept, so long runs stay small.
     */
    private JavaSide.Phases phases(Pattern p, GoVersion v, JavaSide.Model model) throws InterruptedException {
        String key = p.name() + "|" + v + "|" + model;
        JavaSide.Phases ph = phaseCache.get(key);
        if (ph == null) {
            ph = JavaSide.phases(p, v, model, options.javaLimit());
            phaseCache.clear();
            phaseCache.put(key, ph);
        }
        return ph;
    }

    /** Runs the samples of one item. */
    private void check(Item it, Path binary, int patternIndex) throws IOException, InterruptedException {
        Pattern p = it.spec.pattern();
        GoVersion runAs = it.model.runAs();
        JavaSide.Phases phases;
        try {
            phases = phases(p, runAs, it.spec.model());
        } catch (IllegalStateException e) {
            it.errors.add("Java side: " + e.getMessage());
            return;
        }
        it.javaDistinctOrders = phases.distinct();
        Map<String, Observed> seen = new LinkedHashMap<>();
        for (int s = 1; s <= options.samples(); s++) {
            it.samples++;
            int shift = shift(p, s);
            boolean decided = false;
            for (int attempt = 0; attempt <= options.rerunBudget() && !decided; attempt++) {
                if (attempt > 0) {
                    it.reruns++;
                }
                it.runs++;
                Exec.Result r = Exec.run(List.of(binary.toString(), Integer.toString(patternIndex),
                        Integer.toString(shift)), GoProgram.RUN_ENV, null, options.runLimit());
                if (!r.ok()) {
                    it.errors.add("sample " + s + ": the Go program failed: " + r.failure());
                    decided = true;
                    break;
                }
                GoSample g;
                try {
                    g = GoSample.parse(r.stdout());
                } catch (IllegalArgumentException e) {
                    it.errors.add("sample " + s + ": unreadable output (" + e.getMessage() + "): "
                            + abbreviate(r.stdout()));
                    decided = true;
                    break;
                }
                String bad = g.inconsistency(p, patternIndex, shift, it.spec.go());
                if (bad != null) {
                    it.errors.add("sample " + s + ": " + bad);
                    decided = true;
                    break;
                }
                it.minElapsedNanos = Math.min(it.minElapsedNanos, g.elapsedNanos());
                it.maxElapsedNanos = Math.max(it.maxElapsedNanos, g.elapsedNanos());
                if (g.perturbed() > 0) {
                    it.perturbed.merge("preempted spawner", 1, Integer::sum);
                    continue;
                }
                if (g.elapsedNanos() >= options.cleanLimit().toNanos()) {
                    it.perturbed.merge("slow (>= " + options.cleanLimit().toMillis() + " ms)", 1, Integer::sum);
                    continue;
                }
                decided = true;
                SortedSet<Integer> aligned = phases.aligning(g.order());
                String key = Arrays.toString(g.order());
                Observed o = seen.get(key);
                seen.put(key, new Observed(g.order(), o == null ? 1 : o.samples() + 1, aligned));
                if (!aligned.isEmpty()) {
                    it.matches++;
                    it.phases.addAll(aligned);
                    if (it.labels.isEmpty()) {
                        JavaSide.LabelCounter lc = new JavaSide.LabelCounter();
                        it.counts = JavaSide.run(p, runAs, aligned.first(), it.spec.model(), lc, false,
                                options.javaLimit()).counts();
                        it.labels = lc.counts();
                    }
                } else {
                    it.mismatches++;
                    if (it.mismatchList.isEmpty()) {
                        int ph = phases.closest(g.order());
                        int[] java = phases.order(ph);
                        List<JavaSide.Snapshot> snaps = JavaSide.run(p, runAs, ph, it.spec.model(), SchedPoint.NONE,
                                true, options.javaLimit()).snapshots();
                        it.mismatchList.add(new Mismatch(s, shift, g.order(), ph, java, Divergence.of(g.order(), java),
                                snaps));
                    }
                }
            }
            if (!decided) {
                it.inconclusive++;
            }
        }
        it.observed.addAll(seen.values());
    }

    /**
     * The SHIFT of sample {@code s} of a pattern: spread over 0..60 across samples and patterns
     * (so that the {@code schedtick%61} check meets the pattern at many phases), and fixed by the
     * pattern's name and the sample number, so a rerun repeats it.
     */
    static int shift(Pattern p, int s) {
        return Math.floorMod(p.name().hashCode() * 31 + (s - 1) * 23, JavaSide.PERIOD);
    }

    private static String abbreviate(String s) {
        s = s.strip();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
