package io.procspec.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build without scheduling-point calls (bench/pom.xml) is impl's runtime package minus exactly
 * the lines that call the hook: nothing else is removed, and no call is left.
 */
class NoHookBuildTest {
    static final Path IMPL = Path.of("../impl/src/main/java/io/procspec/runtime");
    static final Path GEN = Path.of("target/generated-sources/nohook/io/procspec/nohook/runtime");
    static final Pattern CALL = Pattern.compile("^\\s*(\\w+\\.)*point\\.at(Lock)?\\(.*\\);\\s*$");

    @Test
    void everyHookCallAndNothingElseIsRemoved() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(IMPL)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertThat(sources).isNotEmpty();
        int calls = 0;
        for (Path src : sources) {
            List<String> orig = Files.readAllLines(src);
            List<String> gen = Files.readAllLines(GEN.resolve(src.getFileName()));
            List<String> kept = orig.stream().filter(l -> !CALL.matcher(l).matches())
                    .map(l -> l.replaceAll("\\bio\\.procspec\\.runtime\\b", "io.procspec.nohook.runtime"))
                    .collect(Collectors.toList());
            calls += orig.size() - kept.size();
            assertThat(gen).as(src.getFileName().toString()).isEqualTo(kept);
            for (String l : gen) {
                assertThat(l).as("a scheduling-point call left in " + src.getFileName())
                        .doesNotContainPattern("^\\s*(\\w+\\.)*point\\.at(Lock)?\\(");
            }
        }
        // Proc and Sched call the hook at every labelled step: dozens of calls were removed.
        assertThat(calls).isGreaterThan(40);
    }

    @Test
    void theWakep120VariantDiffersOnlyInWakep() throws IOException {
        Path gen = Path.of("target/generated-sources/wakep120/io/procspec/wakep120/runtime");
        int changed = 0;
        try (Stream<Path> s = Files.list(IMPL)) {
            for (Path src : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> orig = Files.readAllLines(src);
                List<String> g = Files.readAllLines(gen.resolve(src.getFileName()));
                assertThat(g).hasSameSizeAs(orig);
                for (int i = 0; i < orig.size(); i++) {
                    String o = orig.get(i).replaceAll("\\bio\\.procspec\\.runtime\\b", "io.procspec.wakep120.runtime");
                    if (!o.equals(g.get(i))) {
                        changed++;
                        assertThat(o.trim()).isEqualTo("point.at(WAKEP);");
                        assertThat(g.get(i)).contains("if (sched.loadVolatileNpidle() == 0) { return; }");
                    }
                }
            }
        }
        assertThat(changed).as("wakep's first step rewritten once").isEqualTo(1);
    }

    @Test
    void theWakep120SchedulerRunsATree() throws InterruptedException {
        io.procspec.wakep120.runtime.Sched s = new io.procspec.wakep120.runtime.Sched().start(2);
        try {
            assertThat(SpawnTrees.schedWakep120(s, 1000, 10)).isEqualTo(SpawnTrees.expectedSum(1000));
        } finally {
            s.shutdown();
        }
    }

    @Test
    void theNoHookSchedulerRunsATree() throws InterruptedException {
        io.procspec.nohook.runtime.Sched s = new io.procspec.nohook.runtime.Sched().start(2);
        try {
            assertThat(SpawnTrees.schedNoHook(s, 1000, 10)).isEqualTo(SpawnTrees.expectedSum(1000));
        } finally {
            s.shutdown();
        }
    }
}
