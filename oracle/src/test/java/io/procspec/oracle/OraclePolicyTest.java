package io.procspec.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle's policy (reruns, inconclusive samples, mismatches, errors, the report files),
 * checked with a fake Go toolchain whose "programs" print scripted result lines: no Go needed,
 * every outcome forced. The real toolchains are exercised by {@link OracleLayerTest}.
 */
class OraclePolicyTest {

    @TempDir
    Path dir;
    GoToolchain fakeGo;
    static final Pattern FAN3 = Pattern.parse("fan(3)"); // Java: 0,3,1,2 at every phase

    /** A go command: "version" prints a release, "build -o OUT ." writes a program that prints the next line of outputs. */
    @BeforeEach
    void fakeToolchain() throws IOException {
        Path go = dir.resolve("go");
        String d = dir.toString();
        Files.writeString(go, """
                #!/bin/sh
                D='%s'
                case "$1" in
                version) echo "go version go1.21.99 linux/amd64" ;;
                build)
                  echo build >> "$D/builds"
                  cat > "$3" <<'EOF'
                #!/bin/sh
                D='%s'
                n=$(cat "$D/count" 2>/dev/null || echo 0)
                n=$((n+1))
                echo "$n" > "$D/count"
                line=$(sed -n "${n}p" "$D/outputs")
                [ -n "$line" ] || { echo "fake program: no output line $n" >&2; exit 7; }
                printf '%%s\\n' "$line" | sed "s/IDX/$1/; s/SHIFT/$2/"
                EOF
                  chmod +x "$3" ;;
                *) echo "fake go: $*" >&2; exit 2 ;;
                esac
                """.formatted(d, d));
        assertThat(go.toFile().setExecutable(true)).isTrue();
        fakeGo = new GoToolchain(go, "go1.21.99", 1, 21, 99);
    }

    static String run(String order, long elapsedNs, int perturbed) {
        return "procspec-oracle/1 pattern=IDX shift=SHIFT go=go1.21.99 n=4 elapsed_ns=" + elapsedNs + " perturbed="
                + perturbed + " order=" + order;
    }

    void outputs(String... lines) throws IOException {
        Files.writeString(dir.resolve("outputs"), String.join("\n", lines) + "\n");
        Files.deleteIfExists(dir.resolve("count"));
    }

    Oracle.Result check(Pattern p, int samples, int reruns) throws Exception {
        Oracle.Options o = Oracle.Options.defaults(dir.resolve("work")).withSamples(samples).withRerunBudget(reruns);
        return new Oracle(o, null).run(List.of(Oracle.Spec.of(p, fakeGo)));
    }

    @Test
    @Timeout(120)
    void perturbedRunsAreRerunAndNeverCompared() throws Exception {
        outputs(run("0,1,2,3", 1_000_000, 1), // a preempted spawner: rerun (its order would be a mismatch)
                run("0,1,2,3", 20_000_000, 0), // 20 ms: sysmon may have preempted: rerun
                run("0,3,1,2", 1_000_000, 0)); // clean, Go's real order
        Oracle.Item it = check(FAN3, 1, 5).items().get(0);
        assertThat(it.samples()).isEqualTo(1);
        assertThat(it.runs()).isEqualTo(3);
        assertThat(it.reruns()).isEqualTo(2);
        assertThat(it.matches()).isEqualTo(1);
        assertThat(it.mismatches()).isZero();
        assertThat(it.perturbed()).containsEntry("preempted spawner", 1).containsEntry("slow (>= 9 ms)", 1);
        assertThat(it.verdict()).isEqualTo("pass");
        assertThat(JavaSide.format(it.phases())).isEqualTo("0-60");
    }

    @Test
    @Timeout(120)
    void aSampleThatStaysPerturbedIsInconclusiveNotAMatch() throws Exception {
        outputs(run("0,3,1,2", 1_000, 2), run("0,3,1,2", 1_000, 1), run("0,3,1,2", 50_000_000, 0),
                run("0,3,1,2", 1_000, 0));
        Oracle.Result r = check(FAN3, 2, 1);
        Oracle.Item it = r.items().get(0);
        assertThat(it.inconclusive()).isEqualTo(1); // sample 1: two perturbed runs, budget 1
        assertThat(it.matches()).isEqualTo(1); // sample 2: perturbed, then clean
        assertThat(it.reruns()).isEqualTo(2);
        assertThat(it.verdict()).isEqualTo("pass");

        outputs(run("0,3,1,2", 1_000, 1), run("0,3,1,2", 1_000, 1));
        Oracle.Result all = check(FAN3, 1, 1);
        Oracle.Item none = all.items().get(0);
        assertThat(none.matches()).isZero();
        assertThat(none.inconclusive()).isEqualTo(1);
        assertThat(none.verdict()).isEqualTo("skipped");
        assertThat(none.detail()).contains("nothing was compared");
        assertThat(Report.verdict(all.items())).isEqualTo("partial");
    }

    @Test
    @Timeout(120)
    void aCleanOrderNoPhaseGivesIsAMismatchWithTraceAndProgram() throws Exception {
        outputs(run("0,1,2,3", 1_000, 0));
        Oracle.Result r = check(FAN3, 1, 0);
        Oracle.Item it = r.items().get(0);
        assertThat(it.mismatches()).isEqualTo(1);
        assertThat(it.verdict()).isEqualTo("fail");
        Oracle.Mismatch m = it.mismatchList().get(0);
        assertThat(m.divergence().index()).isEqualTo(1);
        assertThat(m.java()).containsExactly(0, 3, 1, 2);

        Path out = dir.resolve("out");
        Path summary = Report.write(r, out, new Report.Context("test", null, 600));
        JsonNode s = Report.JSON.readTree(summary.toFile());
        assertThat(s.path("schema").asText()).isEqualTo("procspec.layer/1");
        assertThat(s.path("verdict").asText()).isEqualTo("fail");
        assertThat(s.path("reason").asText()).contains("fan(3)@go1.21");
        JsonNode item = s.path("items").get(0);
        assertThat(item.path("name").asText()).isEqualTo("fan(3)@go1.21");
        assertThat(item.path("figures").path("mismatches").asInt()).isEqualTo(1);
        assertThat(item.path("detail").asText()).contains("rerun by hand", "run . 0 " + m.shift());
        String ce = item.path("counterexample").asText();
        assertThat(ce).startsWith("traces/").endsWith(".json");

        JsonNode t = Report.JSON.readTree(out.resolve(ce).toFile());
        assertThat(t.path("schema").asText()).isEqualTo("procspec.trace/1");
        assertThat(t.path("source").asText()).isEqualTo("oracle");
        assertThat(t.path("property").asText()).isEqualTo(Report.PROPERTY);
        assertThat(t.path("lanes").toString()).isEqualTo("[\"go\",\"java\"]");
        assertThat(t.path("steps").size()).isEqualTo(8); // 4 starts, both sides
        for (JsonNode st : t.path("steps")) {
            assertThat(st.path("lane").asText()).isIn("go", "java");
            st.path("changes").forEach(c -> assertThat(c.size()).isEqualTo(2));
        }
        assertThat(t.path("steps").get(2).path("changes").path("ran").toString()).isEqualTo("[\"g0\",\"g1\"]");
        assertThat(t.path("steps").get(3).path("changes").path("ran").toString()).isEqualTo("[\"g0\",\"g3\"]");
        assertThat(t.path("steps").get(3).path("queues").path("P0.runq").toString()).isEqualTo("[\"g1\",\"g2\"]");
        assertThat(t.path("note").asText()).contains("[g1]", "[g3]");
        Path repro = out.resolve("repro").resolve("fan_3_go1.21");
        assertThat(repro.resolve("main.go")).exists();
        assertThat(Files.readString(repro.resolve("main.go"))).contains("name: \"fan(3)\"");
        assertThat(Files.readString(repro.resolve("run.sh"))).contains("run . 0 " + m.shift());
        // the Go order is recorded for the spec's trace validation too, marked as not matching
        JsonNode orders = Report.JSON.readTree(out.resolve("go-orders").resolve("fan_3_go1.21.json").toFile());
        assertThat(orders.path("schema").asText()).isEqualTo("procspec.goorder/2");
        assertThat(orders.path("bodies").get(0).toString()).isEqualTo("[\"go 1\",\"go 2\",\"go 3\"]");
        assertThat(orders.path("segments").toString()).isEqualTo("[1,1,1,1]");
        assertThat(orders.path("orders").get(0).path("matchesJava").asBoolean()).isFalse();
        assertThat(orders.path("children").get(0).toString()).isEqualTo("[1,2,3]");
    }

    @Test
    @Timeout(120)
    void aFailingProgramIsAnErrorAndBuildsAreCached() throws Exception {
        outputs(); // no line: the program exits 7
        Oracle.Result r = check(FAN3, 2, 3);
        Oracle.Item it = r.items().get(0);
        assertThat(it.verdict()).isEqualTo("fail");
        assertThat(it.errors()).hasSize(2).first().asString().contains("exit status 7", "no output line");
        assertThat(it.matches() + it.mismatches() + it.inconclusive()).isZero();
        assertThat(r.builds()).isEqualTo(1);

        outputs(run("0,3,1,2", 1_000, 0));
        Oracle.Result again = check(FAN3, 1, 0);
        assertThat(again.builds()).as("the same program is not rebuilt").isZero();
        assertThat(Files.readAllLines(dir.resolve("builds"))).hasSize(1);
        assertThat(again.items().get(0).verdict()).isEqualTo("pass");
    }

    @Test
    @Timeout(120)
    void anInconsistentResultIsAnError() throws Exception {
        outputs(run("0,3,3,2", 1_000, 0));
        Oracle.Item it = check(FAN3, 1, 0).items().get(0);
        assertThat(it.verdict()).isEqualTo("fail");
        assertThat(it.errors().get(0)).contains("twice");
    }

    @Test
    @Timeout(120)
    void aBrokenModelMustBeCaught() throws Exception {
        Pattern p = Pattern.parse("fan(300)");
        int[] go = OnePReference.order(p, 6, 256);
        StringBuilder o = new StringBuilder();
        for (int id : go) {
            o.append(o.length() == 0 ? "" : ",").append(id);
        }
        outputs(("procspec-oracle/1 pattern=IDX shift=SHIFT go=go1.21.99 n=301 elapsed_ns=1000 perturbed=0 order=" + o));
        Oracle.Options opts = Oracle.Options.defaults(dir.resolve("work")).withSamples(1);
        Oracle.Result r = new Oracle(opts, null).run(List.of(new Oracle.Spec(p, fakeGo, JavaSide.Model.RING_128,
                "violation")));
        Oracle.Item it = r.items().get(0);
        assertThat(it.mismatches()).isEqualTo(1);
        assertThat(it.verdict()).isEqualTo("pass");
        assertThat(it.detail()).contains("caught the broken model");

        outputs(("procspec-oracle/1 pattern=IDX shift=SHIFT go=go1.21.99 n=301 elapsed_ns=1000 perturbed=0 order=" + o));
        Oracle.Item right = new Oracle(opts, null).run(List.of(Oracle.Spec.of(p, fakeGo))).items().get(0);
        assertThat(right.verdict()).isEqualTo("pass");
        assertThat(right.phases()).contains(6);
    }

    @Test
    @Timeout(120)
    void aWaitReadyMismatchShowsTheParkedGoroutinesAndTheCounts() throws Exception {
        Pattern m = Pattern.parse("m:g(3*g(ready(m)),3*wait)"); // Java: 0,3,0,1,0,2,0 at every phase
        // as if goready put m at the ring's tail: m runs after all the leaves
        outputs("procspec-oracle/1 pattern=IDX shift=SHIFT go=go1.21.99 n=4 elapsed_ns=1000 perturbed=0 order=0,3,1,2,0,0,0",
                "procspec-oracle/1 pattern=IDX shift=SHIFT go=go1.21.99 n=4 elapsed_ns=1000 perturbed=0 order=0,3,0,1,0,2,0");
        Oracle.Result r = check(m, 2, 0);
        Oracle.Item it = r.items().get(0);
        assertThat(it.mismatches()).isEqualTo(1);
        assertThat(it.matches()).isEqualTo(1);
        assertThat(it.counts()).isEqualTo(new JavaSide.Counts(0, 3, 3, 0));
        Oracle.Mismatch mm = it.mismatchList().get(0);
        assertThat(mm.divergence().index()).isEqualTo(2);

        Path out = dir.resolve("out");
        JsonNode s = Report.JSON.readTree(Report.write(r, out, new Report.Context("test", null, 600)).toFile());
        JsonNode f = s.path("items").get(0).path("figures");
        assertThat(f.path("goreadies").asInt()).isEqualTo(3);
        assertThat(f.path("runs of goroutines").asInt()).isEqualTo(7);
        assertThat(s.path("figures").path("patterns that yield or wait").asInt()).isEqualTo(1);
        JsonNode t = Report.JSON.readTree(out.resolve(s.path("items").get(0).path("counterexample").asText()).toFile());
        // Java's third run is m (g0), readied by g3 while the Go run went on with g1
        JsonNode javaAt2 = t.path("steps").get(5);
        assertThat(javaAt2.path("lane").asText()).isEqualTo("java");
        assertThat(javaAt2.path("changes").path("ran").toString()).isEqualTo("[\"g3\",\"g0\"]");
        assertThat(t.path("steps").get(3).path("queues").path("parked").toString()).isEqualTo("[\"g0\"]");
        assertThat(t.path("title").asText()).contains("run #3");
        JsonNode orders = Report.JSON.readTree(out.resolve("go-orders").resolve(Report.fileName(it.name()) + ".json")
                .toFile());
        assertThat(orders.path("bodies").get(0).toString())
                .isEqualTo("[\"go 1\",\"go 2\",\"go 3\",\"wait\",\"wait\",\"wait\"]");
        assertThat(orders.path("bodies").get(1).toString()).isEqualTo("[\"ready 0\"]");
        assertThat(orders.path("segments").get(0).asInt()).isEqualTo(4);
        assertThat(orders.path("events").asInt()).isEqualTo(7);
    }

    @Test
    void withoutGoTheLayerIsSkippedNeverPassed() throws IOException {
        Path f = Report.writeSkipped(dir.resolve("s"), new Report.Context("mvn -pl oracle -am verify", null, 600),
                "no Go toolchain found", Instant.now());
        JsonNode s = Report.JSON.readTree(f.toFile());
        assertThat(s.path("verdict").asText()).isEqualTo("skipped");
        assertThat(s.path("reason").asText()).contains("no Go toolchain");
        assertThat(s.path("items").size()).isZero();
    }
}
