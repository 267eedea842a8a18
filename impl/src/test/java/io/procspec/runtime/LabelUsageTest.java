package io.procspec.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java side of the step-label contract: every label of {@link Labels#all()} is a PlusCal
 * identifier and is used at a scheduling point in the main sources, and {@link Labels#scheduler()}
 * and {@link Labels#queue()} split it. (The spec module's LabelContractTest checks the spec's label
 * set equals {@code Labels.all()}.)
 */
class LabelUsageTest {

    @Test
    void labelsAreDistinctIdentifiers() {
        assertThat(Labels.all()).hasSameSizeAs(Labels.constants().keySet()).hasSizeGreaterThan(40);
        for (String v : Labels.all()) {
            assertThat(v).matches("[A-Za-z][A-Za-z0-9_]*");
        }
        assertThat(Labels.constants()).containsEntry("RUNQPUT_CASNEXT", Labels.RUNQPUT_CASNEXT);
    }

    @Test
    void schedulerAndQueueLabelsPartitionAll() {
        TreeSet<String> union = new TreeSet<>(Labels.scheduler());
        union.addAll(Labels.queue());
        assertThat(union).isEqualTo(Labels.all());
        assertThat(Labels.scheduler()).doesNotContainAnyElementsOf(Labels.queue());
        assertThat(Labels.all()).containsAll(Labels.scheduler());
    }

    @Test
    void everyLabelIsUsedByTheMainSources() throws Exception {
        Path main = Path.of("src/main/java");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("Labels.java"))::iterator) {
                all.append(read(p));
            }
        }
        String src = all.toString();
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, String> c : Labels.constants().entrySet()) {
            if (!src.matches("(?s).*\\b(Labels\\.)?" + c.getKey() + "\\b.*")) {
                unused.add(c.getKey());
            }
        }
        assertThat(unused).as("labels declared but never used at a scheduling point").isEmpty();
    }

    /** The scheduler labels are the loop's own steps: each is used in MLoop. */
    @Test
    void schedulerLabelsAreTakenByTheLoop() throws Exception {
        String loop = read(Path.of("src/main/java/io/procspec/runtime/MLoop.java"));
        for (Map.Entry<String, String> c : Labels.constants().entrySet()) {
            if (Labels.scheduler().contains(c.getValue())) {
                assertThat(loop).as(c.getKey() + " is a scheduler label").containsPattern("\\b" + c.getKey() + "\\b");
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
