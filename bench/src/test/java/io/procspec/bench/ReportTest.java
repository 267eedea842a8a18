package io.procspec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report reads a results folder into tables, plots and a procspec.layer/1 summary. */
class ReportTest {
    @TempDir
    Path dir;

    static ObjectNode entry(String bench, String unit, double[] samples, Map<String, String> params, Double allocNorm) {
        ObjectNode e = BenchRun.JSON.createObjectNode();
        e.put("benchmark", "io.procspec.bench." + bench);
        e.put("jdkVersion", "17.0.15");
        ObjectNode p = e.putObject("params");
        params.forEach(p::put);
        ObjectNode pm = e.putObject("primaryMetric");
        pm.put("scoreUnit", unit);
        ArrayNode raw = pm.putArray("rawData").addArray();
        for (double s : samples) {
            raw.add(s);
        }
        ObjectNode sec = e.putObject("secondaryMetrics");
        if (allocNorm != null) {
            sec.putObject("gc.alloc.rate.norm").put("score", allocNorm);
        }
        return e;
    }

    static double[] around(double m, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = m + (i % 5) - 2;
        }
        return d;
    }

    void folder() throws IOException {
        ArrayNode runq = BenchRun.JSON.createArrayNode();
        runq.add(entry("RunqBench.proc", "ops/us", around(200, 10), Map.of(), null));
        runq.add(entry("RunqBench.procNoHook", "ops/us", around(200, 10), Map.of(), null));
        runq.add(entry("RunqBench.procNext", "ops/us", around(100, 10), Map.of(), null));
        runq.add(entry("RunqBench.procNoHookNext", "ops/us", around(150, 10), Map.of(), null));
        runq.add(entry("RunqBench.arrayDeque", "ops/us", around(400, 10), Map.of(), null));
        BenchRun.JSON.writeValue(dir.resolve("jmh-runq.json").toFile(), runq);
        ArrayNode spawn = BenchRun.JSON.createArrayNode();
        Map<String, String> sp = Map.of("leaves", "1000000", "fanout", "10", "procs", "0");
        spawn.add(entry("SpawnBench.procspec", "ms/op", around(300, 15), sp, 1_111_111 * 40.0));
        spawn.add(entry("SpawnBench.forkJoinPool", "ms/op", around(100, 15), sp, 1_111_111 * 48.0));
        BenchRun.JSON.writeValue(dir.resolve("jmh-spawn-jdk17.json").toFile(), spawn);
        Files.writeString(dir.resolve("go-go1.21.13.json"), "{\"go\":\"go1.21.13\",\"gomaxprocs\":2,\"tasks\":1111111,"
                + "\"ms\":[600,610,590],\"allocBytesPerTask\":10.5,\"mallocsPerTask\":0.01}\n");
        ObjectNode machine = BenchRun.JSON.createObjectNode();
        machine.put("cores", 2).put("cpu", "test").put("os", "Linux").put("runnerJdk", "17").put("commit", "abc")
                .put("startedAt", "2026-11-29T00:00:00Z").put("seconds", 12.5).put("loadBefore", 0.1)
                .put("loadAfter", 0.2).put("command", "BenchRun run --set quick");
        BenchRun.JSON.writeValue(dir.resolve("machine.json").toFile(), machine);
        ObjectNode runs = BenchRun.JSON.createObjectNode();
        runs.put("set", "quick");
        ArrayNode rs = runs.putArray("runs");
        rs.addObject().put("id", "runq").put("kind", "runq").put("jdkVersion", "17.0.15").put("file", "jmh-runq.json")
                .put("log", "logs/runq.log").put("ok", true).put("thieves", 0).put("threads", 1)
                .putArray("expected").add("proc").add("procNoHook").add("procNext").add("procNoHookNext").add("arrayDeque");
        rs.addObject().put("id", "spawn-jdk17").put("kind", "spawn").put("jdkVersion", "17.0.15")
                .put("file", "jmh-spawn-jdk17.json").put("log", "logs/spawn-jdk17.log").put("ok", true)
                .put("thieves", 0).put("threads", 1)
                .putArray("expected").add("procspec").add("forkJoinPool").add("procspecNoHook");
        rs.addObject().put("id", "go-go1.21.13").put("kind", "go").put("file", "go-go1.21.13.json").put("ok", true);
        runs.putArray("skipped").addObject().put("name", "spawn/virtualThreads").put("reason", "no JDK 21");
        BenchRun.JSON.writeValue(dir.resolve("runs.json").toFile(), runs);
    }

    @Test
    void tablesRatiosVerdictsAndSummary() throws IOException {
        folder();
        Report r = Report.load(dir);
        Path summaryDir = dir.resolve("summary");
        r.write(dir, summaryDir);

        // a planned benchmark without a result fails the layer and names itself
        assertThat(r.verdict()).isEqualTo("fail");
        JsonNode s = BenchRun.JSON.readTree(summaryDir.resolve("summary.json").toFile());
        assertThat(s.path("schema").asText()).isEqualTo("procspec.layer/1");
        assertThat(s.path("layer").asText()).isEqualTo("bench");
        assertThat(s.path("verdict").asText()).isEqualTo("fail");
        assertThat(s.path("reason").asText()).contains("spawn/procspecNoHook/jdk17").contains("no JDK 21");
        assertThat(s.path("environment").path("cores").asInt()).isEqualTo(2);
        JsonNode fig = s.path("figures");
        assertThat(fig.path("spawn.procspec/forkJoinPool").asDouble()).isEqualTo(3.0);
        assertThat(fig.path("spawn.procspec/go1.21.13").asDouble()).isCloseTo(300 / 600.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(fig.path("spawn.procspec.bytesPerTask").asDouble()).isEqualTo(40.0);
        assertThat(fig.path("owner.proc/arrayDeque").asDouble()).isEqualTo(0.5);
        assertThat(fig.path("hook.owner").asText()).isEqualTo("within noise");
        List<String> verdicts = s.path("items").findValuesAsText("verdict");
        assertThat(verdicts).contains("pass", "fail", "skipped");
        assertThat(s.path("items").toString()).contains("spawn/go1.21.13").contains("owner/proc/jdk17");

        String md = Files.readString(dir.resolve("results.md"));
        assertThat(md).contains("| proc | 200 |").contains("0.500×")
                .contains("| procspec | JDK 17.0.15 | 300 |").contains("| 3.00× |")
                .contains("hook slower by 50.0%") // procNext 100 ops/µs vs 150 without the hook: 1.5× the time per op
                .contains("## Not measured");
        assertThat(summaryDir.resolve("bench-spawn.png")).isNotEmptyFile();
        assertThat(summaryDir.resolve("bench-owner.png")).isNotEmptyFile();
    }

    @Test
    void hookDecision() {
        Report.Row a = new Report.Row("owner", "a", "17", 1, "ops/us", around(100, 3), null, 0);
        Report.Row b = new Report.Row("owner", "b", "17", 1, "ops/us", around(200, 3), null, 0);
        assertThat(Report.hookVerdict(Report.hookCost(a, b, true), 3)).startsWith("undecided");
        Report.Row c = new Report.Row("owner", "c", "17", 1, "ops/us", around(100, 20), null, 0);
        Report.Row d = new Report.Row("owner", "d", "17", 1, "ops/us", around(101, 20), null, 0);
        assertThat(Report.hookVerdict(Report.hookCost(c, d, true), 20)).isEqualTo("within noise");
        Report.Row e = new Report.Row("spawn", "e", "17", 1, "ms", around(150, 20), null, 0);
        Report.Row f = new Report.Row("spawn", "f", "17", 1, "ms", around(100, 20), null, 0);
        // a price of fidelity names the faithful build, not the hook
        assertThat(Report.comparison("price", e, f, false, "faithful build")).contains("faithful build slower by 50.0%");
        assertThat(Report.comparison("hook", f, e, false, "hook")).contains("hook faster by 33.3%");
    }
}
