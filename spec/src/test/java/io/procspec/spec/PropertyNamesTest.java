package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.procspec.runtime.Invariants;
import io.procspec.runtime.SpecProperties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The property names are one set of strings in the spec and in Java: the invariants and properties
 * the TLC models check are exactly {@code io.procspec.runtime.SpecProperties.all()}, each is defined
 * in a TLA+ module, and the invariants Java checks on snapshots ({@code Invariants.ALL}) are among
 * them.
 */
class PropertyNamesTest {
    private final SpecLayout layout = SpecLayout.detect();

    @Test
    void theModelsCheckExactlyTheJavaNames() {
        Set<String> checked = new TreeSet<>();
        for (ModelConfig m : layout.models()) {
            checked.addAll(m.invariants());
            checked.addAll(m.properties());
        }
        Set<String> onlySpec = new TreeSet<>(checked);
        onlySpec.removeAll(SpecProperties.all());
        Set<String> onlyJava = new TreeSet<>(SpecProperties.all());
        onlyJava.removeAll(checked);
        assertThat(onlySpec.isEmpty() && onlyJava.isEmpty())
                .as("property names differ.%n  checked by a model but not in SpecProperties: %s%n"
                        + "  in SpecProperties but checked by no model: %s", onlySpec, onlyJava)
                .isTrue();
    }

    @Test
    void everyNameIsDefinedInTheSpec() {
        StringBuilder tla = new StringBuilder();
        try (var files = java.nio.file.Files.list(layout.tlaDir())) {
            for (var f : files.filter(p -> p.toString().endsWith(".tla")).sorted().toList()) {
                tla.append(java.nio.file.Files.readString(f)).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String name : SpecProperties.all()) {
            assertThat(tla.toString()).as(name + " defined as an operator").containsPattern("(?m)^" + name + "\\s*==");
        }
    }

    @Test
    void javaInvariantsAreSpecProperties() {
        assertThat(SpecProperties.all()).containsAll(Invariants.ALL);
        assertThat(SpecProperties.all()).contains(SpecProperties.NO_LOST_WAKEUP, SpecProperties.RUNQEMPTY_NEVER_SPURIOUS);
    }
}
