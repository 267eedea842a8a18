package io.procspec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a benchmark set ({@link Plan}) and writes the results folder: the JMH JSON of every run,
 * the Go program's JSON per toolchain, {@code runs.json} (what ran, on which JDK, how it ended),
 * {@code machine.json}, {@code results.md} (medians, spread, ratios) and plots; then the layer
 * summary ({@code summary.json}) and the plots for the verification report.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.procspec.bench.BenchRun run --set quick
 * java -cp bench/target/benchmarks.jar io.procspec.bench.BenchRun report bench/recorded/DATE-HOST
 * </pre>
 *
 * Run it from the repository root (it builds the Go program from {@code bench/go}). Exit status:
 * 0 when every planned measurement ran and every result was checked, 1 when one failed, 2 on bad
 * arguments.
 */
@Command(name = "BenchRun", mixinStandardHelpOptions = true,
        description = "procspec benchmarks against peers: run a set, or rebuild a results folder's report.",
        subcommands = {BenchRun.RunCmd.class, BenchRun.ReportCmd.class, BenchRun.AbCmd.class})
public final class BenchRun implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 2;
    }

    /** A progress line for ./procspec check: {@code [procspec] {"layer":"bench",...}} (report/README.md). */
    static void progress(Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", "bench");
        m.putAll(fields);
        try {
            System.out.println("[procspec] " + new ObjectMapper().writeValueAsString(m));
        } catch (IOException e) {
            // a progress line is for people only
        }
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = new CommandLine(new BenchRun()).execute(args);
        System.exit(code);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a benchmark set and write its results folder, summary.json and plots.")
    static final class RunCmd implements Callable<Integer> {
        @Option(names = "--set", defaultValue = "quick",
                description = "check (< 1 min on 2 cores), quick (minutes on 2 cores) or full (many cores). Default: ${DEFAULT-VALUE}")
        String set;

        @Option(names = "--out", description = "results folder (default: bench/recorded/<date>-<host>-<cores>c for quick and full,"
                + " bench/target/procspec/check for check)")
        Path out;

        @Option(names = "--summary-dir", defaultValue = "bench/target/procspec",
                description = "where summary.json and the plots for the verification report go. Default: ${DEFAULT-VALUE}")
        Path summaryDir;

        @Option(names = "--jdk", description = "a Java home to run forks on; repeat for several (the first runs the queue"
                + " benchmarks, each runs the spawn tree). Default: this JVM's, plus the newest JDK 21+ beside it when this one is older")
        List<Path> jdks = new ArrayList<>();

        @Option(names = "--go", description = "a go binary to run the Go spawn tree with; repeat for several."
                + " Default: every /usr/lib/go-*/bin/go and the go on PATH")
        List<Path> gos = new ArrayList<>();

        @Option(names = "--no-go", description = "do not run the Go program")
        boolean noGo;

        @Option(names = "--go-src", defaultValue = "bench/go", description = "the Go module with ./spawntree. Default: ${DEFAULT-VALUE}")
        Path goSrc;

        @Option(names = "--thieves", split = ",", description = "thief counts for stealing. Default: 1,3,7,15")
        List<Integer> thieves;

        @Option(names = "--threads", split = ",", description = "thread counts for the free lists. Default: 1 and the core count"
                + " (full: 1, 2, 4, … up to the core count)")
        List<Integer> threads;

        @Option(names = "--procs", defaultValue = "0", description = "workers for the spawn tree (Ps, pool parallelism,"
                + " GOMAXPROCS); 0: all cores. Default: ${DEFAULT-VALUE}")
        int procs;

        @Override
        public Integer call() throws Exception {
            int cores = Runtime.getRuntime().availableProcessors();
            if (!List.of("check", "quick", "full").contains(set)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--set must be check, quick or full");
            }
            if (procs < 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--procs must be >= 0");
            }
            if (thieves == null) {
                thieves = List.of(1, 3, 7, 15);
            }
            if (threads == null) {
                threads = new ArrayList<>();
                if (set.equals("full")) {
                    for (int n = 1; n < cores; n *= 2) {
                        threads.add(n);
                    }
                    threads.add(cores);
                } else {
                    threads.add(1);
                    if (cores > 1) {
                        threads.add(cores);
                    }
                }
            }
            for (int n : thieves) {
                if (n < 1 || n > StealBench.MAX_THIEVES) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--thieves: each count must be 1.." + StealBench.MAX_THIEVES + ", got " + n);
                }
            }
            for (int n : threads) {
                if (n < 1) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--threads: each count must be >= 1");
                }
            }
            List<Path> homes = jdks.isEmpty() ? defaultJdks() : jdks;
            List<String> versions = new ArrayList<>();
            for (Path h : homes) {
                String v = Machine.jdkVersion(h);
                if (v == null || !Files.isExecutable(h.resolve("bin/java"))) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--jdk " + h + ": not a Java home (no bin/java or release file)");
                }
                versions.add(v);
            }
            List<Plan.GoTool> goTools = new ArrayList<>();
            if (!noGo && !set.equals("check")) {
                if (!Files.isRegularFile(goSrc.resolve("spawntree/main.go"))) {
                    System.err.println("BenchRun: no Go sources at " + goSrc + " (run from the repository root); Go is skipped");
                } else {
                    goTools = goTools(gos.isEmpty() ? defaultGos() : gos);
                }
            }
            Plan plan = Plan.of(set, homes, versions, goTools, thieves, threads, procs);
            if (out == null) {
                out = set.equals("check") ? Path.of("bench/target/procspec/check")
                        : Path.of("bench/recorded", LocalDate.now() + "-" + Machine.host());
            }
            return execute(plan, out, summaryDir);
        }

        int execute(Plan plan, Path out, Path summaryDir) throws IOException, InterruptedException {
            Files.createDirectories(out.resolve("logs"));
            Instant start = Instant.now();
            Map<String, Object> machine = Machine.facts();
            machine.put("set", plan.set);
            machine.put("startedAt", start.toString());
            machine.put("loadBefore", Machine.load1());
            List<Map<String, Object>> runs = new ArrayList<>();
            List<Map<String, String>> skipped = new ArrayList<>();
            int total = plan.jmh.size() + plan.go.size();
            progress(Map.of("event", "start", "total", total, "message",
                    plan.set + " set, load average " + Machine.load1()));
            int k = 0;
            for (Plan.JmhRun r : plan.jmh) {
                k++;
                System.out.printf("[%d/%d] %s on JDK %s (load %.2f) ...%n", k, total, r.id(), r.jdkVersion(), Machine.load1());
                long t0 = System.nanoTime();
                Map<String, Object> rec = record(r);
                try {
                    if (runJmhWhenFree(r, out)) {
                        rec.put("ok", true);
                    } else {
                        rec.put("ok", false);
                        rec.put("error", "another JMH run held /tmp/jmh.lock for " + LOCK_WAIT_S + " s");
                        rec.put("skipped", true);
                    }
                } catch (RunnerException | RuntimeException e) {
                    rec.put("ok", false);
                    rec.put("error", String.valueOf(e));
                    System.out.println("  failed: " + e);
                }
                rec.put("seconds", (System.nanoTime() - t0) / 1e9);
                runs.add(rec);
                progress(Map.of("event", "item", "item", r.id(), "done", k, "total", total,
                        "verdict", Boolean.TRUE.equals(rec.get("ok")) ? "pass" : rec.containsKey("skipped") ? "skipped" : "fail"));
            }
            for (Plan.GoRun g : plan.go) {
                k++;
                System.out.printf("[%d/%d] %s (load %.2f) ...%n", k, total, g.id(), Machine.load1());
                long t0 = System.nanoTime();
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("id", g.id());
                rec.put("kind", "go");
                rec.put("go", g.goBinary().toString());
                rec.put("version", g.version());
                rec.put("file", g.id() + ".json");
                try {
                    runGo(g, out);
                    rec.put("ok", true);
                } catch (IOException | RuntimeException e) {
                    rec.put("ok", false);
                    rec.put("error", String.valueOf(e.getMessage()));
                    System.out.println("  failed: " + e.getMessage());
                }
                rec.put("seconds", (System.nanoTime() - t0) / 1e9);
                runs.add(rec);
                progress(Map.of("event", "item", "item", g.id(), "done", k, "total", total,
                        "verdict", Boolean.TRUE.equals(rec.get("ok")) ? "pass" : "fail"));
            }
            for (String[] s : plan.skipped) {
                skipped.add(Map.of("name", s[0], "reason", s[1]));
            }
            machine.put("loadAfter", Machine.load1());
            machine.put("seconds", java.time.Duration.between(start, Instant.now()).toMillis() / 1e3);
            machine.put("command", "java -cp bench/target/benchmarks.jar io.procspec.bench.BenchRun run --set " + plan.set);
            Map<String, Object> runsDoc = new LinkedHashMap<>();
            runsDoc.put("set", plan.set);
            runsDoc.put("runs", runs);
            runsDoc.put("skipped", skipped);
            JSON.writeValue(out.resolve("machine.json").toFile(), machine);
            JSON.writeValue(out.resolve("runs.json").toFile(), runsDoc);
            Report rep = Report.load(out);
            rep.write(out, summaryDir);
            System.out.println("results: " + out.resolve("results.md"));
            System.out.println("summary: " + summaryDir.resolve("summary.json") + " (verdict " + rep.verdict() + ")");
            progress(Map.of("event", "end", "verdict", rep.verdict()));
            return rep.verdict().equals("fail") ? 1 : 0;
        }

        private static Map<String, Object> record(Plan.JmhRun r) {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("id", r.id());
            rec.put("kind", r.kind());
            rec.put("benchClass", r.benchClass());
            rec.put("expected", r.expected());
            rec.put("paramName", r.paramName());
            rec.put("jdk", r.jdk().toString());
            rec.put("jdkVersion", r.jdkVersion());
            rec.put("thieves", r.thieves());
            rec.put("threads", r.threads());
            rec.put("procs", r.procs());
            rec.put("file", "jmh-" + r.id() + ".json");
            rec.put("log", "logs/" + r.id() + ".log");
            return rec;
        }

        /** How long a run waits for another JMH run (JMH's lock file) before it is reported as skipped. */
        static final int LOCK_WAIT_S = 180;

        /**
         * Runs r once no other JMH run holds JMH's lock; false when the lock stayed taken for
         * {@value #LOCK_WAIT_S} s (benchmarks beside another benchmark measure nothing useful).
         */
        private static boolean runJmhWhenFree(Plan.JmhRun r, Path out) throws RunnerException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_S);
            for (;;) {
                try {
                    runJmh(r, out);
                    return true;
                } catch (RunnerException e) {
                    boolean locked = String.valueOf(e.getMessage()).contains("Another JMH instance");
                    if (!locked) {
                        throw e;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        return false;
                    }
                    System.out.println("  another JMH run holds the lock; waiting");
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }

        private static void runJmh(Plan.JmhRun r, Path out) throws RunnerException {
            ChainedOptionsBuilder b = new OptionsBuilder()
                    .include(r.include())
                    .forks(r.forks())
                    .warmupIterations(r.warmups())
                    .measurementIterations(r.iterations())
                    .jvm(r.jdk().resolve("bin/java").toString())
                    .shouldFailOnError(false)
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("jmh-" + r.id() + ".json").toString())
                    .output(out.resolve("logs/" + r.id() + ".log").toString());
            if (r.warmupMs() > 0) {
                b.warmupTime(TimeValue.milliseconds(r.warmupMs()));
            }
            if (r.iterationMs() > 0) {
                b.measurementTime(TimeValue.milliseconds(r.iterationMs()));
            }
            if (r.paramName() != null) {
                b.param(r.paramName(), r.expected().toArray(new String[0]));
            }
            if (r.thieves() > 0) {
                b.threadGroups(1, r.thieves());
            } else if (r.threads() > 0) {
                b.threads(r.threads());
            }
            if (r.kind().equals("spawn")) {
                b.param("procs", String.valueOf(r.procs()));
                if (r.procs() > 0) {
                    b.jvmArgsAppend("-Djdk.virtualThreadScheduler.parallelism=" + r.procs());
                }
            }
            if (r.gc()) {
                b.addProfiler(GCProfiler.class);
            }
            new Runner(b.build()).run();
        }

        private void runGo(Plan.GoRun g, Path out) throws IOException, InterruptedException {
            Path bin = out.resolve("logs/spawntree-" + g.version()).toAbsolutePath();
            Path src = goSrc.toAbsolutePath();
            Map<String, String> env = new TreeMap<>();
            env.put("GOTOOLCHAIN", "local");
            env.put("GOFLAGS", "-mod=mod");
            String build = exec(List.of(g.goBinary().toString(), "build", "-o", bin.toString(), "./spawntree"), src, env, 600);
            if (build == null) {
                throw new IOException("go build with " + g.goBinary() + " failed (see logs)");
            }
            if (g.procs() > 0) {
                env.put("GOMAXPROCS", String.valueOf(g.procs()));
            }
            String res = exec(List.of(bin.toString(), "-warmup", String.valueOf(g.warmup()), "-reps", String.valueOf(g.reps())),
                    src, env, 1800);
            if (res == null || res.isBlank()) {
                throw new IOException("spawntree built with " + g.version() + " failed or printed nothing");
            }
            Files.writeString(out.resolve(g.id() + ".json"), res.trim() + "\n");
            Files.deleteIfExists(bin);
        }

        /** Runs a command; its stdout, or null when it failed (its stderr goes to ours). */
        static String exec(List<String> cmd, Path dir, Map<String, String> env, int timeoutS)
                throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] outBytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(outBytes, StandardCharsets.UTF_8) : null;
        }

        /** This JVM's home, and if it is older than 21 the newest JDK 21+ beside it (for virtual threads). */
        static List<Path> defaultJdks() {
            Path self = Path.of(System.getProperty("java.home"));
            List<Path> out = new ArrayList<>();
            out.add(self);
            if (Machine.feature(System.getProperty("java.specification.version")) < 21 && self.getParent() != null) {
                Path best = null;
                int bestV = 20;
                try (Stream<Path> s = Files.list(self.getParent())) {
                    for (Path d : (Iterable<Path>) s::iterator) {
                        int v = Machine.feature(Machine.jdkVersion(d));
                        if (v > bestV && Files.isExecutable(d.resolve("bin/java"))) {
                            best = d;
                            bestV = v;
                        }
                    }
                } catch (IOException e) {
                    // none
                }
                if (best != null) {
                    out.add(best);
                }
            }
            return out;
        }

        /** Every /usr/lib/go-X/bin/go and the go on PATH. */
        static List<Path> defaultGos() {
            List<Path> out = new ArrayList<>();
            File[] dirs = new File("/usr/lib").listFiles((d, n) -> n.startsWith("go-"));
            if (dirs != null) {
                java.util.Arrays.sort(dirs);
                for (File d : dirs) {
                    Path g = d.toPath().resolve("bin/go");
                    if (Files.isExecutable(g)) {
                        out.add(g);
                    }
                }
            }
            String path = System.getenv("PATH");
            if (path != null) {
                for (String p : path.split(File.pathSeparator)) {
                    Path g = Path.of(p, "go");
                    if (Files.isExecutable(g)) {
                        out.add(g);
                        break;
                    }
                }
            }
            return out;
        }

        /** The toolchains with their versions, one per version (the PATH go is often a link to one of them). */
        static List<Plan.GoTool> goTools(List<Path> gos) throws IOException, InterruptedException {
            Map<String, Plan.GoTool> byVersion = new LinkedHashMap<>();
            for (Path g : gos) {
                Map<String, String> env = Map.of("GOTOOLCHAIN", "local");
                String v = exec(List.of(g.toString(), "env", "GOVERSION"), Path.of("."), env, 60);
                if (v == null || v.isBlank()) {
                    System.err.println("BenchRun: " + g + " does not run; skipped");
                    continue;
                }
                byVersion.putIfAbsent(v.trim(), new Plan.GoTool(g, v.trim()));
            }
            return new ArrayList<>(byVersion.values());
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Rebuild results.md, the plots and summary.json from a results folder.")
    static final class ReportCmd implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "a results folder written by `run`")
        Path dir;

        @Option(names = "--summary-dir", defaultValue = "bench/target/procspec",
                description = "where summary.json and the plots go. Default: ${DEFAULT-VALUE}")
        Path summaryDir;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(dir.resolve("runs.json"))) {
                throw new CommandLine.ParameterException(new CommandLine(this), dir + " has no runs.json");
            }
            Report rep = Report.load(dir);
            rep.write(dir, summaryDir);
            System.out.println("results: " + dir.resolve("results.md") + "; summary verdict " + rep.verdict());
            return rep.verdict().equals("fail") ? 1 : 0;
        }
    }
    @Command(name = "ab", mixinStandardHelpOptions = true,
            description = {"A/B of the spawn tree: this jar's runtime (B) against an older build of impl (A),"
                    + " in alternating JVMs so that both see the same machine load; prints each side's median,"
                    + " spread, the ratio B/A and a Mann-Whitney p-value.",
                    "A is given as a git revision (its impl/src/main/java is compiled with this JDK's javac)"
                    + " or a folder of compiled classes."})
    static final class AbCmd implements Callable<Integer> {
        @Option(names = "--base-rev", description = "git revision of A, e.g. main or HEAD~1")
        String baseRev;

        @Option(names = "--base-classes", description = "compiled classes of A (instead of --base-rev)")
        Path baseClasses;

        @Option(names = "--candidate-classes", description = "compiled classes of B. Default: this jar's runtime")
        Path candidateClasses;

        @Option(names = "--rounds", defaultValue = "6", description = "JVM pairs (A then B, alternating). Default: ${DEFAULT-VALUE}")
        int rounds;

        @Option(names = "--trees", defaultValue = "5", description = "measured trees per JVM. Default: ${DEFAULT-VALUE}")
        int trees;

        @Option(names = "--warmup", defaultValue = "5", description = "warm-up trees per JVM. Default: ${DEFAULT-VALUE}")
        int warmup;

        @Option(names = "--procs", defaultValue = "0", description = "Ps (0: all cores). Default: ${DEFAULT-VALUE}")
        int procs;

        @Option(names = "--jdk", description = "Java home to run on. Default: this JVM's")
        Path jdk;

        @Override
        public Integer call() throws Exception {
            if ((baseRev == null) == (baseClasses == null)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "give exactly one of --base-rev and --base-classes");
            }
            if (rounds < 1 || trees < 1 || warmup < 0 || procs < 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--rounds, --trees >= 1; --warmup, --procs >= 0");
            }
            Path self = Path.of(BenchRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path a = baseClasses != null ? baseClasses : compileRev(baseRev);
            String java = (jdk != null ? jdk : Path.of(System.getProperty("java.home"))).resolve("bin/java").toString();
            List<Double> as = new ArrayList<>();
            List<Double> bs = new ArrayList<>();
            List<Double> ac = new ArrayList<>();
            List<Double> bc = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            System.out.printf("A = %s, B = %s; load %.2f%n", baseRev != null ? baseRev : a,
                    candidateClasses != null ? candidateClasses : self, Machine.load1());
            for (int r = 0; r < rounds; r++) {
                List<double[]> ra = spawnOnce(java, a + File.pathSeparator + self);
                List<double[]> rb = spawnOnce(java, candidateClasses == null ? self.toString()
                        : candidateClasses + File.pathSeparator + self);
                ra.forEach(x -> { as.add(x[0]); ac.add(x[1]); });
                rb.forEach(x -> { bs.add(x[0]); bc.add(x[1]); });
                double ma = new DescriptiveStatistics(ra.stream().mapToDouble(x -> x[0]).toArray()).getPercentile(50);
                double mb = new DescriptiveStatistics(rb.stream().mapToDouble(x -> x[0]).toArray()).getPercentile(50);
                ratios.add(mb / ma);
                System.out.printf("round %d/%d: A %s ms, B %s ms (load %.2f)%n", r + 1, rounds, Report.f(ma), Report.f(mb), Machine.load1());
            }
            line("wall ms", as, bs);
            line("CPU ms", ac, bc);
            double[] rv = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf("B/A per round (paired): median %s, range %s-%s%n",
                    Report.f(new DescriptiveStatistics(rv).getPercentile(50)), Report.f(new DescriptiveStatistics(rv).getMin()),
                    Report.f(new DescriptiveStatistics(rv).getMax()));
            return 0;
        }

        private static void line(String what, List<Double> a, List<Double> b) {
            double[] av = a.stream().mapToDouble(Double::doubleValue).toArray();
            double[] bv = b.stream().mapToDouble(Double::doubleValue).toArray();
            Report.Row ra = new Report.Row("ab", "A", "", 0, what, av, null, 0);
            Report.Row rb = new Report.Row("ab", "B", "", 0, what, bv, null, 0);
            double p = new org.apache.commons.math3.stat.inference.MannWhitneyUTest().mannWhitneyUTest(av, bv);
            System.out.printf("%s: A median %s, IQR %s (n=%d); B median %s, IQR %s (n=%d); B/A = %s (p = %.3g)%n", what,
                    Report.f(ra.median()), Report.spread(ra), av.length, Report.f(rb.median()), Report.spread(rb), bv.length,
                    Report.f(rb.median() / ra.median()), p);
        }

        private List<double[]> spawnOnce(String java, String cp) throws IOException, InterruptedException {
            String out = RunCmd.exec(List.of(java, "-cp", cp, "io.procspec.bench.SpawnOnce", String.valueOf(procs),
                    String.valueOf(warmup), String.valueOf(trees)), Path.of("."), Map.of(), 1800);
            if (out == null) {
                throw new IOException("SpawnOnce failed on " + cp);
            }
            List<double[]> v = new ArrayList<>();
            for (String l : out.split("\\R")) {
                if (l.startsWith("ms ")) {
                    v.add(new double[]{Double.parseDouble(l.substring(3)), 0});
                } else if (l.startsWith("cpu ") && !v.isEmpty()) {
                    v.get(v.size() - 1)[1] = Double.parseDouble(l.substring(4));
                }
            }
            return v;
        }

        /** git archive REV impl/src/main/java, compiled with this JDK's javac into a temporary folder. */
        private static Path compileRev(String rev) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("procspec-ab-");
            Path tar = dir.resolve("src.tar");
            if (RunCmd.exec(List.of("git", "archive", "-o", tar.toString(), rev, "impl/src/main/java"), Path.of("."), Map.of(), 120) == null) {
                throw new IOException("git archive " + rev + " failed (run from the repository root)");
            }
            if (RunCmd.exec(List.of("tar", "-xf", tar.toString(), "-C", dir.toString()), Path.of("."), Map.of(), 120) == null) {
                throw new IOException("tar failed");
            }
            List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", dir.resolve("classes").toString()));
            try (Stream<Path> s = Files.walk(dir.resolve("impl/src/main/java"))) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            if (javac == null || javac.run(null, null, null, args.toArray(new String[0])) != 0) {
                throw new IOException("could not compile impl at " + rev + " (needs a JDK, not a JRE)");
            }
            return dir.resolve("classes");
        }
    }
}
