package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer summary, the manifest and a trace document, from recorded TLC output. */
class ReportsTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void aViolationBecomesAnItemAManifestEntryAndATrace() throws IOException {
        Path cfg = tmp.resolve("GFree_bug_x.cfg");
        Files.writeString(cfg, String.join("\n",
                "\\* @spec MCGFree", "\\* @profile ci", "\\* @expect invariant LocalFreeListBounded",
                "\\* @reference a spill too late", "\\* @about A test model.",
                "SPECIFICATION FullSpec", "CONSTANTS", "    NumP = 2", "INVARIANTS", "    LocalFreeListBounded", ""));
        ModelConfig m = ModelConfig.parse(cfg);
        TlcResult r = TlcOutputParser.parse(m.name(), TlcOutputParserTest.resource("tlc-invariant.out"), 12,
                Duration.ofSeconds(3), false);
        SpecLayout layout = SpecLayout.detect();
        PlusCalSource src = PlusCalSource.parse(layout.tlaDir().resolve("GFree.tla"));
        TraceJson.Trace t = TraceJson.build(m, r, src.labelsByName(), "P",
                PlusCalSource.variables(layout.moduleText("GFree")));
        SpecReports reports = new SpecReports(tmp.resolve("out"));
        String file = reports.writeTrace(m.name(), t);
        ModelRun run = new ModelRun(m, r, 1, Instant.now(), Map.of("gfput_push", 3L, "malg", 0L),
                Map.of("gfput_stack_freed", 2L), ModelRunner.asExpected(m, r), file);
        reports.record(run);

        Map<String, Object> summary = read(tmp.resolve("out/summary.json"));
        assertThat(summary).containsEntry("schema", "procspec.layer/1").containsEntry("layer", "spec")
                .containsEntry("verdict", "pass");
        Map<String, Object> item = ((List<Map<String, Object>>) summary.get("items")).get(0);
        assertThat(item).containsEntry("name", "GFree_bug_x").containsEntry("verdict", "pass")
                .containsEntry("expected", "violation").containsEntry("counterexample", "traces/GFree_bug_x.json");
        assertThat((Map<String, Object>) summary.get("labels")).containsEntry("gfput_push", 3);

        Map<String, Object> manifest = read(tmp.resolve("out/manifest.json"));
        Map<String, Object> entry = ((List<Map<String, Object>>) manifest.get("models")).get(0);
        assertThat(entry).containsEntry("model", "GFree_bug_x").containsEntry("module", "MCGFree")
                .containsEntry("expect", "INVARIANT LocalFreeListBounded").containsEntry("asExpected", true)
                .containsEntry("reference", "a spill too late");
        assertThat((Map<String, Object>) entry.get("probes")).containsEntry("gfput_stack_freed", 2);

        Map<String, Object> trace = read(tmp.resolve("out").resolve(file));
        assertThat(trace).containsEntry("schema", "procspec.trace/1").containsEntry("source", "tlc")
                .containsEntry("title", "a spill too late").containsEntry("property", "LocalFreeListBounded");
        assertThat((List<String>) trace.get("lanes")).contains("P1", "P2");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) trace.get("steps");
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(0)).containsKeys("index", "lane", "label", "function", "changes");
        assertThat(steps.get(0).get("label")).isEqualTo("gfget_check");
        assertThat(steps.get(0).get("function")).isEqualTo("gfget");
    }

    @Test
    void theLayersTimeIsTheSpanOfItsRunsNotTheirSum() throws IOException {
        // two models side by side: 0-10 s and 4-16 s; the layer took 16 s, not 22
        TlcResult ten = TlcOutputParser.parse("A", TlcOutputParserTest.resource("tlc-ok.out"), 0, Duration.ofSeconds(10), false);
        TlcResult twelve = TlcOutputParser.parse("B", TlcOutputParserTest.resource("tlc-ok.out"), 0, Duration.ofSeconds(12), false);
        Instant t0 = Instant.parse("2026-11-30T03:00:00Z");
        SpecReports reports = new SpecReports(tmp.resolve("out"));
        for (String name : List.of("A", "B")) {
            Path cfg = tmp.resolve(name + ".cfg");
            Files.writeString(cfg, "\\* @spec MCGFree\nSPECIFICATION FullSpec\n");
            boolean a = name.equals("A");
            reports.record(new ModelRun(ModelConfig.parse(cfg), a ? ten : twelve, 1, a ? t0 : t0.plusSeconds(4),
                    Map.of(), Map.of(), true, null));
        }
        Map<String, Object> summary = read(tmp.resolve("out/summary.json"));
        assertThat(summary).containsEntry("seconds", 16.0).containsEntry("startedAt", t0.toString());
    }

    @Test
    void theProgressLineIsOneJsonObject() throws IOException {
        TlcResult r = TlcOutputParser.parse("X", TlcOutputParserTest.resource("tlc-ok.out"), 0, Duration.ofMillis(1500), false);
        Path cfg = tmp.resolve("X.cfg");
        Files.writeString(cfg, "\\* @spec MCGFree\nSPECIFICATION FullSpec\n");
        ModelRun run = new ModelRun(ModelConfig.parse(cfg), r, 2, Instant.now(), Map.of(), Map.of(), true, null);
        String line = ModelRunner.progressLine("X", 3, 7, run);
        assertThat(line).startsWith("[procspec] ");
        Map<String, Object> o = SpecReports.json().readValue(line.substring("[procspec] ".length()),
                new TypeReference<Map<String, Object>>() {});
        assertThat(o).containsEntry("layer", "spec").containsEntry("event", "item").containsEntry("item", "X")
                .containsEntry("done", 3).containsEntry("total", 7).containsEntry("verdict", "pass");
        assertThat((Map<String, Object>) o.get("figures")).containsEntry("distinct", 4410).containsEntry("seconds", 1.5);
        assertThat(line).doesNotContain("\n");
        Map<String, Object> start = SpecReports.json().readValue(ModelRunner.startLine(7).substring("[procspec] ".length()),
                new TypeReference<Map<String, Object>>() {});
        assertThat(start).containsEntry("event", "start").containsEntry("total", 7);
        Map<String, Object> end = SpecReports.json().readValue(ModelRunner.endLine("fail").substring("[procspec] ".length()),
                new TypeReference<Map<String, Object>>() {});
        assertThat(end).containsEntry("event", "end").containsEntry("verdict", "fail");
    }

    private static Map<String, Object> read(Path p) throws IOException {
        return SpecReports.json().readValue(p.toFile(), new TypeReference<Map<String, Object>>() {});
    }
}
