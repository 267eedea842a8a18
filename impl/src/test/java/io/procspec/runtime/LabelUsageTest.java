package io.procspec.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java side of the step-label contract: every constant of {@link Labels} is a distinct PlusCal
 * identifier and is used at a scheduling point in the main sources. (The spec module's
 * LabelContractTest checks the spec's label set equals this one.)
 */
class LabelUsageTest {

    static List<String> labelFields() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : Labels.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
                names.add(f.getName());
            }
        }
        return names;
    }

    @Test
    void labelsAreDistinctIdentifiers() throws Exception {
        TreeSet<String> values = new TreeSet<>();
        for (String name : labelFields()) {
            String v = (String) Labels.class.getField(name).get(null);
            assertThat(v).as(name).matches("[A-Za-z][A-Za-z0-9_]*");
            assertThat(values.add(v)).as("duplicate label %s", v).isTrue();
        }
        assertThat(values).hasSizeGreaterThan(40);
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
        for (String name : labelFields()) {
            if (!src.matches("(?s).*\\b(Labels\\.)?" + name + "\\b.*")) {
                unused.add(name);
            }
        }
        assertThat(unused).as("labels declared but never used at a scheduling point").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
