package io.procspec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bench layer of {@code ./procspec check}: runs the JMH benchmarks one at a time, prints a
 * progress line ({@code [procspec] {json}}) after each, and writes the layer summary
 * ({@code procspec.layer/1}, report/README.md) with each benchmark's score, error and its ratio to
 * the port's own figure in the same run (peers: the hookless ring, JCTools SPMC), plus JMH's JSON.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.procspec.bench.QuickBench [--mode quick|full] [--out DIR]
 *   quick: 1 fork, 2 warm-up and 3 measured iterations of 1 s (about a minute on 2 cores)
 *   full:  the benchmarks' own settings (3 forks, 3 + 5 iterations)
 * </pre>
 * Run by {@code mvn -pl bench -am verify -Dbench.run=quick} (profile {@code bench-run}).
 * Scores measured while the machine is loaded are noisy: the summary records the load average.
 */
public final class QuickBench {
    private QuickBench() {}

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The benchmarks in report order: class, method. */
    static final List<String> BENCHMARKS = List.of("RunqBench.proc", "RunqBench.procCountingHook", "RunqBench.plainRing",
            "RunqBench.jctoolsSpmc", "StealBench.ownerVsThief");

    public static void main(String[] args) throws IOException, RunnerException {
        String mode = "quick";
        Path out = Paths.get("target", "procspec");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--out" -> out = Paths.get(args[++i]);
                default -> {
                    System.err.println("QuickBench: unknown option " + args[i] + " (--mode quick|full, --out DIR)");
                    System.exit(2);
                }
            }
        }
        if (!mode.equals("quick") && !mode.equals("full")) {
            System.err.println("QuickBench: --mode is quick or full, not " + mode);
            System.exit(2);
        }
        Files.createDirectories(out);
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        String load = loadAverage();
        progress("start", Map.of("total", BENCHMARKS.size(), "message", "JMH " + mode + ", load average " + load));
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int done = 0;
        for (String b : BENCHMARKS) {
            ChainedOptionsBuilder o = new OptionsBuilder()
                    .include("^" + Pattern.quote("io.procspec.bench." + b) + "$")
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("jmh-" + b + ".json").toString())
                    .shouldFailOnError(true);
            if (mode.equals("quick")) {
                o.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(3).measurementTime(TimeValue.seconds(1));
            }
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("name", b);
            Map<String, Object> figures = new LinkedHashMap<>();
            try {
                Collection<RunResult> rr = runWaitingForLock(o);
                RunResult r = rr.iterator().next();
                double score = r.getPrimaryResult().getScore();
                double err = r.getPrimaryResult().getScoreError();
                figures.put("score", round(score));
                figures.put("scoreError", Double.isNaN(err) ? 0 : round(err));
                figures.put("unit", r.getPrimaryResult().getScoreUnit());
                figures.put("group", b.substring(0, b.indexOf('.')));
                figures.put("forks", r.getParams().getForks());
                figures.put("iterations", r.getParams().getMeasurement().getCount());
                scores.put(b, score);
                it.put("verdict", "pass");
            } catch (LockHeld e) {
                it.put("verdict", "skipped");
                it.put("detail", e.getMessage());
                skipped.add(b);
            } catch (RunnerException | RuntimeException e) {
                it.put("verdict", "fail");
                it.put("detail", String.valueOf(e).lines().findFirst().orElse("JMH failed"));
                failed.add(b);
            }
            it.put("figures", figures);
            items.add(it);
            progress("item", Map.of("item", b, "verdict", it.get("verdict"), "done", ++done, "total", BENCHMARKS.size()));
        }
        // ratios to the port's own owner path, in the same run
        Double proc = scores.get("RunqBench.proc");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmarks", scores.size());
        if (proc != null) {
            for (Map<String, Object> it : items) {
                Double s = scores.get((String) it.get("name"));
                if (s != null && ((String) it.get("name")).startsWith("RunqBench.")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> f = (Map<String, Object>) it.get("figures");
                    f.put("ratio to proc", round(s / proc));
                }
            }
            for (String peer : List.of("RunqBench.plainRing", "RunqBench.jctoolsSpmc")) {
                if (scores.get(peer) != null) {
                    figures.put("proc / " + peer.substring(peer.indexOf('.') + 1), round(proc / scores.get(peer)));
                }
            }
        }
        figures.put("load average at start", load);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", "bench");
        s.put("title", "JMH benchmarks against peers (" + mode + ")");
        String verdict = !failed.isEmpty() ? "fail" : scores.isEmpty() ? "skipped" : skipped.isEmpty() ? "pass" : "partial";
        s.put("verdict", verdict);
        s.put("reason", switch (verdict) {
            case "fail" -> "JMH failed on " + String.join(", ", failed);
            case "skipped", "partial" -> "not measured: " + String.join(", ", skipped)
                    + " (another JMH run on this machine held its lock; measuring beside it would be wrong)";
            default -> null;
        });
        s.put("startedAt", startedAt.toString());
        s.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        s.put("command", "mvn -pl bench -am verify -Dbench.run=" + mode);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("load", load);
        s.put("environment", env);
        s.put("figures", figures);
        s.put("items", items);
        Path tmp = out.resolve("summary.json.tmp");
        JSON.writeValue(tmp.toFile(), s);
        Files.move(tmp, out.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress("end", Map.of("verdict", s.get("verdict")));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /** JMH's lock (/tmp/jmh.lock) was held by another run for longer than we wait. */
    static final class LockHeld extends Exception {
        private static final long serialVersionUID = 1L;

        LockHeld(String m) {
            super(m);
        }
    }

    /**
     * Runs JMH; while another JMH run on the machine holds JMH's lock, waits (up to 3 minutes in all
     * for this process) rather than measure beside it.
     */
    private static long lockWaitLeftMillis = 180_000;

    static Collection<RunResult> runWaitingForLock(ChainedOptionsBuilder o) throws RunnerException, LockHeld {
        while (true) {
            try {
                return new Runner(o.build()).run();
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("JMH lock")) {
                    throw e;
                }
                if (lockWaitLeftMillis <= 0) {
                    throw new LockHeld("another JMH run held /tmp/jmh.lock for over 3 minutes");
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new LockHeld("interrupted while waiting for JMH's lock");
                }
                lockWaitLeftMillis -= 5_000;
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).split("\\s+");
            return String.format(Locale.ROOT, "%s %s %s", f[0], f[1], f[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void progress(String event, Map<String, Object> fields) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", "bench");
        m.put("event", event);
        m.putAll(fields);
        System.out.println("[procspec] " + JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        System.out.flush();
    }
}
