package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed record of runs, {@code models/manifest.json}, describes the models as they are:
 * one entry per model (CI, deep and distributed), with the model's module and expectation, and
 * the figures a run reports (states, depth, seconds, whether it finished).  It is written by
 * {@code Main record}, never by hand.
 */
class ManifestTest {
    @Test
    @SuppressWarnings("unchecked")
    void everyModelHasARecordedRunWithItsCurrentExpectation() throws IOException {
        SpecLayout layout = SpecLayout.detect();
        Path file = layout.modelsDir().resolve("manifest.json");
        Map<String, Object> manifest = SpecReports.json().readValue(file.toFile(),
                new TypeReference<Map<String, Object>>() {});
        assertThat(manifest.get("schema")).isEqualTo(SpecReports.MANIFEST_SCHEMA);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object o : (List<Object>) manifest.get("models")) {
            Map<String, Object> e = (Map<String, Object>) o;
            byName.put((String) e.get("model"), e);
        }
        List<String> problems = new ArrayList<>();
        for (ModelConfig m : layout.models()) {
            Map<String, Object> e = byName.remove(m.name());
            if (e == null) {
                problems.add(m.name() + ": no recorded run");
                continue;
            }
            if (!m.expect().toString().equals(e.get("expect")) || !m.spec().equals(e.get("module"))) {
                problems.add(m.name() + ": recorded " + e.get("module") + " expecting " + e.get("expect")
                        + ", the model is " + m.spec() + " expecting " + m.expect());
            }
            for (String key : List.of("distinct", "generated", "depth", "seconds", "finished", "reported")) {
                if (!e.containsKey(key)) {
                    problems.add(m.name() + ": no " + key);
                }
            }
        }
        assertThat(problems).as("models/manifest.json (run the models, then Main record)").isEmpty();
        assertThat(new TreeSet<>(byName.keySet())).as("recorded runs of models that no longer exist").isEmpty();
    }
}
