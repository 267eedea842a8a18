package io.procspec.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fake repository made of the fixtures in {@code src/test/resources/fixtures}: the layer summaries
 * at {@code <module>/target/procspec/summary.json} (spec with a caught bug model, properties with a
 * deliberately failing property and its counterexample, stress partial, bench with scores, bugs with a
 * matrix), a conformance module that wrote no summary, no oracle module, and a small spec/tla.
 */
final class FixtureRepo {
    private FixtureRepo() {}

    static Path create(Path root) throws IOException {
        copy("pom.xml", root.resolve("pom.xml"));
        Map<String, String> modules = Map.of("impl", "impl", "spec", "spec", "properties", "properties",
                "stress", "stress", "bench", "bench", "bugs", "mutants");
        for (Map.Entry<String, String> e : modules.entrySet()) {
            Path m = root.resolve(e.getValue());
            Files.createDirectories(m);
            Files.writeString(m.resolve("pom.xml"), "<project/>\n");
            copy(e.getKey() + ".summary.json", m.resolve("target/procspec/summary.json"));
        }
        copy("spec.trace.json", root.resolve("spec/target/procspec/traces/RunQueue_bug_tail_before_slot.json"));
        copy("properties.trace.json", root.resolve(
                "properties/target/procspec/traces/ControlledProperties.interleavingsAreLinearizable.json"));
        copy("RunQueue.tla", root.resolve("spec/tla/RunQueue.tla"));
        Files.createDirectories(root.resolve("conformance"));
        Files.writeString(root.resolve("conformance/pom.xml"), "<project/>\n");
        return root;
    }

    static String read(String fixture) throws IOException {
        try (InputStream in = FixtureRepo.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IOException("missing fixture " + fixture);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static void copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = FixtureRepo.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IOException("missing fixture " + fixture);
            }
            Files.write(to, in.readAllBytes());
        }
    }
}
