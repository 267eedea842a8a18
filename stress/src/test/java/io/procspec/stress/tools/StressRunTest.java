package io.procspec.stress.tools;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit checks of the runner's plumbing (the jcstress run itself is the verify phase). */
class StressRunTest {

    @Test
    void userOptionsReplaceThePresetOnes() {
        List<String> preset = List.of("-m", "quick", "-iters", "3", "-time", "300");
        assertThat(StressRun.merge(preset, List.of("-iters", "10", "-f", "2")))
                .containsExactly("-m", "quick", "-time", "300", "-iters", "10", "-f", "2");
    }

    @Test
    void selectionRegexMatchesExactlyTheNames() {
        Pattern p = Pattern.compile(StressRun.regexOf(List.of("a.B", "a.C$x")));
        assertThat(p.matcher("a.B").find()).isTrue();
        assertThat(p.matcher("a.C$x").find()).isTrue();
        assertThat(p.matcher("a.BB").find()).isFalse();
        assertThat(p.matcher("WrapA.B").find()).isFalse();
    }

    @Test
    void summaryJsonKeepsAwkwardTextIntact() throws Exception {
        Summarize.Row row = new Summarize.Row("io.procspec.stress.X", 2);
        row.status = "PASSED";
        row.note = "a\"b\\c\nd\u0001";
        String json = Summarize.json(new java.util.LinkedHashMap<>(java.util.Map.of("mode", "quick")), List.of(row));
        com.fasterxml.jackson.databind.JsonNode n = Summarize.JSON.readTree(json);
        assertThat(n.get("mode").asText()).isEqualTo("quick");
        assertThat(n.get("tests").get(0).get("note").asText()).isEqualTo("a\"b\\c\nd\u0001");
        assertThat(n.get("tests").get(0).fieldNames()).toIterable().startsWith("test", "actors", "status");
    }

    @Test
    void theLayerSummaryJoinsThePartsOfOneBuild(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Summarize.Row ok = new Summarize.Row("io.procspec.stress.A", 2);
        ok.status = "PASSED";
        ok.samples = 10;
        Summarize.Row skip = new Summarize.Row("io.procspec.stress.B", 3);
        skip.status = "SKIPPED";
        Summarize.Row caught = new Summarize.Row("io.procspec.stress.broken.BrokenRunqgetNoCasLastG", 2);
        caught.status = "FAILED";
        caught.forbiddenSeen = true;
        caught.samples = 20;
        caught.outcomes.add(new Summarize.Outcome("1, 1, 0", "FORBIDDEN", 7, "both own the G"));
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
        LayerReport.writePart(dir, "old", "build-0", LayerReport.part("main", t, 1, "x", true, java.util.Map.of(),
                LayerReport.items(List.of(caught), false, dir)));
        LayerReport.writePart(dir, "main", "build-1", LayerReport.part("main", t, 5, "mvn", true, java.util.Map.of(),
                LayerReport.items(List.of(ok, skip), false, dir)));
        LayerReport.writePart(dir, "broken", "build-1", LayerReport.part("broken", t.plusSeconds(5), 2, "java", true,
                java.util.Map.of(), LayerReport.items(List.of(caught), true, dir)));
        com.fasterxml.jackson.databind.JsonNode s = LayerReport.JSON.readTree(dir.resolve("summary.json").toFile());
        assertThat(s.get("schema").asText()).isEqualTo("procspec.layer/1");
        assertThat(s.get("verdict").asText()).isEqualTo("partial");
        assertThat(s.get("items")).hasSize(3);
        assertThat(s.get("items").get(2).get("expected").asText()).isEqualTo("violation");
        assertThat(s.get("items").get(2).get("verdict").asText()).isEqualTo("pass");
        assertThat(s.get("items").get(2).get("counterexample").asText()).isEqualTo("traces/broken.BrokenRunqgetNoCasLastG.json");
        com.fasterxml.jackson.databind.JsonNode trace = LayerReport.JSON.readTree(
                dir.resolve("traces/broken.BrokenRunqgetNoCasLastG.json").toFile());
        assertThat(trace.get("schema").asText()).isEqualTo("procspec.trace/1");
        assertThat(trace.get("lanes").toString()).contains("owner", "thief", "result");
        assertThat(s.get("seconds").asDouble()).isEqualTo(7.0);
    }

    @Test
    void everyTestIsInTheGeneratedListWithItsActorCount() {
        assertThat(org.openjdk.jcstress.infra.runners.TestList.tests())
                .contains("io.procspec.stress.RunqputStealPublication", "io.procspec.stress.broken.BrokenRunqgetNoCasLastG");
        assertThat(org.openjdk.jcstress.infra.runners.TestList.getInfo("io.procspec.stress.OwnerTwoThieves").threads())
                .isEqualTo(3);
    }
}
