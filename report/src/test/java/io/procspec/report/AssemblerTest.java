package io.procspec.report;

import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AssemblerTest {
    @TempDir
    Path root;

    static final Set<String> ALL = new LinkedHashSet<>(List.of("impl", "spec", "conformance", "oracle", "properties",
            "stress", "bugs", "bench", "docs"));

    static VerificationReport assemble(Path root, Set<String> selected, boolean reuse, Integer exit, Instant start) {
        return Assembler.assemble(new Assembler.Run(root, selected, reuse ? "reuse" : "quick", "./procspec check",
                start, 1.0, reuse ? null : "mvn verify", exit, reuse, Map.of("jdk", "test")));
    }

    private static LayerSummary layer(VerificationReport r, String name) {
        return r.layers.stream().filter(l -> l.layer.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyKnownLayerAppearsAndNothingAbsentPasses() throws Exception {
        FixtureRepo.create(root);
        VerificationReport r = assemble(root, ALL, true, null, Instant.now());
        assertThat(r.layers).extracting(l -> l.layer).containsExactly("impl", "spec", "conformance", "oracle",
                "properties", "stress", "bugs", "bench", "docs");
        assertThat(layer(r, "docs").verdict).isEqualTo("skipped"); // the fixture has no doccheck module
        assertThat(layer(r, "docs").reason).contains("not in this repository");
        assertThat(layer(r, "impl").verdict).isEqualTo("pass");
        assertThat(layer(r, "oracle").verdict).isEqualTo("skipped");
        assertThat(layer(r, "oracle").reason).contains("not in this repository yet", "issue 11");
        assertThat(layer(r, "conformance").verdict).isEqualTo("skipped");
        assertThat(layer(r, "conformance").reason).contains("no summary");
        assertThat(layer(r, "properties").verdict).isEqualTo("fail");
        assertThat(layer(r, "stress").verdict).isEqualTo("partial");
        assertThat(r.verdict).isEqualTo("fail");
        assertThat(r.reason).contains("properties");
        assertThat(r.traces).hasSize(2);
        assertThat(r.traces).filteredOn(t -> !t.expected).singleElement()
                .satisfies(t -> assertThat(t.trace.steps).hasSize(4));
        assertThat(r.traces).allSatisfy(t -> assertThat(t.error).isNull());
    }

    @Test
    void aSummaryFromBeforeTheRunIsNotUsed() throws Exception {
        FixtureRepo.create(root);
        VerificationReport r = assemble(root, Set.of("impl"), false, 0, Instant.now().plusSeconds(60));
        assertThat(layer(r, "impl").verdict).isEqualTo("skipped");
        assertThat(layer(r, "impl").reason).contains("wrote no procspec.layer/1 summary");
        assertThat(layer(r, "spec").reason).startsWith("not selected");
        VerificationReport failed = assemble(root, Set.of("impl"), false, 1, Instant.now().plusSeconds(60));
        assertThat(layer(failed, "impl").verdict).isEqualTo("fail");
        assertThat(failed.verdict).isEqualTo("fail");
    }

    @Test
    void anInvalidOrInconsistentSummaryFailsItsLayer() throws Exception {
        FixtureRepo.create(root);
        Path impl = root.resolve("impl/target/procspec/summary.json");
        Files.writeString(impl, Files.readString(impl).replace("\"verdict\": \"pass\",\n  \"reason\"", "\"verdict\": \"green\",\n  \"reason\""));
        Path bench = root.resolve("bench/target/procspec/summary.json");
        Files.writeString(bench, Files.readString(bench).replace("\"score\": 310.2, \"scoreError\": 12.5, \"unit\": \"ops/us\", \"group\": \"RunqBench\"}}",
                "\"score\": 310.2}, \"detail\": \"x\"}").replace("{\"name\": \"RunqBench.proc\", \"verdict\": \"pass\"",
                "{\"name\": \"RunqBench.proc\", \"verdict\": \"fail\""));
        VerificationReport r = assemble(root, ALL, true, null, Instant.now());
        assertThat(layer(r, "impl").verdict).isEqualTo("fail");
        assertThat(layer(r, "impl").reason).contains("invalid summary", "\"green\"");
        assertThat(layer(r, "bench").verdict).isEqualTo("fail");
        assertThat(layer(r, "bench").reason).contains("says pass, but 1 of its items failed");
    }

    @Test
    void aMavenFailureWithNoFailingLayerStillFails() throws Exception {
        FixtureRepo.create(root);
        VerificationReport r = assemble(root, Set.of("impl"), false, 1, Instant.EPOCH);
        assertThat(layer(r, "impl").verdict).isEqualTo("pass");
        assertThat(r.verdict).isEqualTo("fail");
        assertThat(r.reason).contains("Maven run failed");
    }

    @Test
    void traceabilityListsEveryLabelWithItsCounts() throws Exception {
        FixtureRepo.create(root);
        VerificationReport r = assemble(root, ALL, true, null, Instant.now());
        List<Traceability.Row> rows = r.traceability.stream().map(o -> (Traceability.Row) o).toList();
        assertThat(rows).hasSize(Traceability.labels().size());
        Traceability.Row store = rows.stream().filter(x -> x.label.equals("runqput_store")).findFirst().orElseThrow();
        assertThat(store.function).isEqualTo("runqput");
        assertThat(store.java).isEqualTo("Proc.runqput");
        assertThat(store.spec).isEqualTo("RunQueue.tla");
        assertThat(store.fired).containsEntry("spec", 1234L).containsEntry("properties", 0L).doesNotContainKey("stress");
        Traceability.Row becomeSpinning = rows.stream().filter(x -> x.label.equals("becomeSpinning")).findFirst().orElseThrow();
        assertThat(becomeSpinning.function).isEqualTo("becomeSpinning");
    }
}
