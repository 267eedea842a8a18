package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The step-label contract: the PlusCal labels of all spec modules, together, are exactly
 * {@code io.procspec.runtime.Labels.all()}; and
 * every label's comment names its proc.go function and its Java method.
 */
class LabelContractTest {
    private final SpecLayout layout = SpecLayout.detect();

    Set<String> specLabels() {
        Set<String> labels = new TreeSet<>();
        for (var module : layout.algorithmModules()) {
            PlusCalSource.parse(module).labels().forEach(l -> labels.add(l.name()));
        }
        return labels;
    }

    @Test
    void specLabelsEqualLabelsJava() {
        Set<String> spec = specLabels();
        Set<String> java = io.procspec.runtime.Labels.all();
        Set<String> onlySpec = new TreeSet<>(spec);
        onlySpec.removeAll(java);
        Set<String> onlyJava = new TreeSet<>(java);
        onlyJava.removeAll(spec);
        assertThat(onlySpec.isEmpty() && onlyJava.isEmpty())
                .as("label sets differ.%n  in the spec but not in Labels.java: %s%n  in Labels.java but not in the spec: %s",
                        onlySpec, onlyJava)
                .isTrue();
    }

    @Test
    void everyLabelNamesItsGoFunctionAndJavaMethod() {
        List<String> missing = new ArrayList<>();
        for (var module : layout.algorithmModules()) {
            for (PlusCalSource.Label l : PlusCalSource.parse(module).labels()) {
                if (l.goFunction() == null || l.javaMethod() == null) {
                    missing.add(l.module() + ":" + l.line() + " " + l.name());
                }
            }
        }
        assertThat(missing).as("labels without a '\\* proc.go FUNCTION; io.procspec.runtime.Class#method' comment")
                .isEmpty();
    }

    @Test
    void everyModuleHasLabels() {
        assertThat(layout.algorithmModules()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("GFree.tla", "Proc.tla", "RunQueue.tla");
        for (var module : layout.algorithmModules()) {
            assertThat(PlusCalSource.parse(module).labels()).as(module.toString()).isNotEmpty();
        }
    }
}
