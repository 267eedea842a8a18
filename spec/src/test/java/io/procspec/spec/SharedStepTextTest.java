package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A label that appears in several modules (RunQueue.tla and Proc.tla, GFree.tla and Proc.tla) is
 * the same atomic step: its code (comments and layout aside) must be identical everywhere.  Only
 * the macros named ...Return, which say where a function returns to, differ between modules.
 */
class SharedStepTextTest {
    @Test
    void sharedLabelsHaveIdenticalSteps() {
        SpecLayout layout = SpecLayout.detect();
        Map<String, List<PlusCalSource.Label>> byName = new LinkedHashMap<>();
        for (var module : layout.algorithmModules()) {
            for (PlusCalSource.Label l : PlusCalSource.parse(module).labels()) {
                byName.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l);
            }
        }
        List<String> differences = new ArrayList<>();
        int shared = 0;
        for (var e : byName.entrySet()) {
            List<PlusCalSource.Label> ls = e.getValue();
            if (ls.size() < 2) {
                continue;
            }
            shared++;
            for (PlusCalSource.Label other : ls.subList(1, ls.size())) {
                if (!other.stepCode().equals(ls.get(0).stepCode())) {
                    differences.add(e.getKey() + ": " + ls.get(0).module() + ":" + ls.get(0).line() + " vs "
                            + other.module() + ":" + other.line() + "\n    " + ls.get(0).stepCode()
                            + "\n    " + other.stepCode());
                }
            }
        }
        assertThat(shared).as("labels shared between modules").isGreaterThan(40);
        assertThat(differences).as("shared labels whose steps differ").isEmpty();
    }

    /**
     * A helper macro defined in several modules (WriteSlot, AdvanceHead, RunqputStoreSlot ...)
     * is the same code everywhere; only the macros named ...Return, and the modules' own
     * drivers, differ.
     */
    @Test
    void sharedMacrosAreIdentical() {
        SpecLayout layout = SpecLayout.detect();
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        for (var module : layout.algorithmModules()) {
            PlusCalSource.macros(SpecLayout.read(module)).forEach((name, body) -> byName
                    .computeIfAbsent(name, k -> new LinkedHashMap<>()).put(module.getFileName().toString(), body));
        }
        List<String> differences = new ArrayList<>();
        int shared = 0;
        for (var e : byName.entrySet()) {
            if (e.getKey().endsWith("Return") || e.getKey().equals("Dispatch") || e.getValue().size() < 2) {
                continue;
            }
            shared++;
            if (e.getValue().values().stream().distinct().count() > 1) {
                differences.add(e.getKey() + ": " + e.getValue());
            }
        }
        assertThat(shared).as("helper macros shared between modules").isGreaterThanOrEqualTo(6);
        assertThat(differences).as("shared macros whose code differs").isEmpty();
    }
}
