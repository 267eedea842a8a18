package io.procspec.report;

import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFixtures() throws Exception {
        FixtureRepo.copy("spec.summary.json", dir.resolve("s.json"));
        LayerSummary s = Formats.readLayer(dir.resolve("s.json"));
        assertThat(s.items).hasSize(2);
        assertThat(s.items.get(1).expected).isEqualTo("violation");
        assertThat(s.figures.get("distinctStates")).isEqualTo(18400);
        FixtureRepo.copy("spec.trace.json", dir.resolve("t.json"));
        Trace t = Formats.readTrace(dir.resolve("t.json"));
        assertThat(t.lanes).containsExactly("P1", "P2");
        assertThat(t.steps.get(1).changes.get("runqtail[1]")).containsExactly("0", "1");
    }

    @Test
    void refusesWhatBreaksTheSchema() throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"schema\": \"procspec.layer/2\", \"layer\": \"impl\"}");
        assertThatThrownBy(() -> Formats.readLayer(f)).isInstanceOf(FormatError.class).hasMessageContaining("expected procspec.layer/1");
        Files.writeString(f, "{\"schema\": \"procspec.layer/1\", \"layer\": \"impl\", \"verdict\": \"skipped\", \"items\": []}");
        assertThatThrownBy(() -> Formats.readLayer(f)).hasMessageContaining("needs a \"reason\"");
        Files.writeString(f, "{\"schema\": \"procspec.layer/1\", \"layer\": \"impl\", \"verdict\": \"pass\", \"items\": [{\"name\": \"a\", \"verdict\": \"ok\"}]}");
        assertThatThrownBy(() -> Formats.readLayer(f)).hasMessageContaining("items[0] (a)");
        Files.writeString(f, "{\"schema\": \"procspec.layer/1\", \"layer\": \"impl\", \"verdict\": \"pass\", \"items\": [{\"name\": \"a\", \"verdict\": \"pass\", \"counterexample\": \"../../x.json\"}]}");
        assertThatThrownBy(() -> Formats.readLayer(f)).hasMessageContaining("inside it");
        Files.writeString(f, "{\"schema\": \"procspec.trace/1\", \"source\": \"tlc\", \"lanes\": [\"P1\"], \"steps\": [{\"index\": 1, \"lane\": \"P9\"}]}");
        assertThatThrownBy(() -> Formats.readTrace(f)).hasMessageContaining("\"P9\" is not one of the lanes");
        Files.writeString(f, "{\"schema\": \"procspec.trace/1\", \"source\": \"tlc\", \"lanes\": [\"P1\"], \"steps\": [{\"index\": 1, \"lane\": \"P1\", \"changes\": {\"x\": [\"1\"]}}]}");
        assertThatThrownBy(() -> Formats.readTrace(f)).hasMessageContaining("not [before, after]");
        // missing required fields are a FormatError naming the field, not a NullPointerException
        Files.writeString(f, "{\"schema\": \"procspec.trace/1\"}");
        assertThatThrownBy(() -> Formats.readTrace(f)).isInstanceOf(FormatError.class).hasMessageContaining("\"source\" is missing");
        Files.writeString(f, "{\"schema\": \"procspec.layer/1\", \"layer\": \"impl\", \"items\": []}");
        assertThatThrownBy(() -> Formats.readLayer(f)).isInstanceOf(FormatError.class).hasMessageContaining("\"verdict\" is missing");
        Files.writeString(f, "{\"schema\": \"procspec.layer/1\", \"layer\": \"impl\", \"verdict\": \"pass\", \"items\": [{\"name\": \"a\"}]}");
        assertThatThrownBy(() -> Formats.readLayer(f)).isInstanceOf(FormatError.class).hasMessageContaining("items[0] (a): \"verdict\" is missing");
        Files.writeString(f, "not json");
        assertThatThrownBy(() -> Formats.readTrace(f)).hasMessageContaining("not JSON");
    }
}
