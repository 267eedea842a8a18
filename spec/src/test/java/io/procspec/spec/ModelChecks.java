package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** Runs the models of a profile with TLC and checks what each reports; shared by the CI and deep tests. */
final class ModelChecks {
    /** Actions of the translation that are not labels and need not fire. */
    static final Set<String> NOT_STEPS = Set.of("Init", "Terminating", "Idle");

    private final SpecLayout layout = SpecLayout.detect();
    private TlcRunner.Options options = TlcRunner.Options.fromSystemProperties();
    private final Map<ModelConfig, TlcResult> results = new LinkedHashMap<>();

    private boolean requireCoverage = true;

    Stream<DynamicNode> tests(String profile, boolean requireFullCoverage) {
        this.requireCoverage = requireFullCoverage;
        if (!requireFullCoverage) {
            options = options.withCoverage(false);      // deep runs: no per-minute coverage reports
        }
        List<ModelConfig> models = layout.models().stream().filter(m -> m.profile().equals(profile)).toList();
        List<DynamicNode> nodes = new ArrayList<>();
        for (ModelConfig m : models) {
            nodes.add(DynamicTest.dynamicTest(m.name() + " (" + m.expect() + ")", () -> check(m)));
        }
        if (requireFullCoverage) {
            nodes.add(DynamicTest.dynamicTest("every label fires in some model of profile " + profile,
                    this::everyLabelFiresSomewhere));
        }
        nodes.add(DynamicTest.dynamicTest("summary of profile " + profile, () -> writeSummary(profile)));
        return nodes.stream();
    }

    void check(ModelConfig m) {
        TlcResult r = TlcRunner.run(layout, m, options);
        results.put(m, r);
        System.out.println(r.summary());
        Path dir = layout.workDir().resolve(m.name());
        String table = "";
        if (!r.trace().isEmpty()) {
            PlusCalSource src = PlusCalSource.parse(layout.tlaDir().resolve(m.spec() + ".tla"));
            table = TraceTable.render(r.trace(), src.labelsByName(), m.spec().equals("Proc") ? "M" : "P");
            write(dir.resolve("trace.txt"), r.summary() + "\n\n" + table);
        }
        assertThat(r.outcome()).as("%s: %s%n%s", m.name(), r.summary(),
                r.outcome() == TlcResult.Outcome.ERROR ? tail(r.output()) : table)
                .isEqualTo(m.expect().outcome());
        if (m.expectsViolation()) {
            if (m.expect().outcome() == TlcResult.Outcome.TEMPORAL) {
                assertThat(m.properties()).as("%s: a temporal expectation needs exactly the one property it names", m.name())
                        .containsExactly(m.expect().property());
            } else if (m.expect().property() != null) {
                assertThat(r.property()).as("%s: violated property", m.name()).isEqualTo(m.expect().property());
            }
            assertThat(r.trace()).as("%s: error trace", m.name()).isNotEmpty();
            System.out.println(table);
        } else {
            assertThat(r.left()).as("%s: states left on the queue", m.name()).isZero();
            if (requireCoverage) {
                checkCoverage(m, r);
            }
        }
    }

    /** Every action of the model's spec fires, unless the model exempts it with a reason. */
    void checkCoverage(ModelConfig m, TlcResult r) {
        assertThat(r.coverage()).as("%s: no coverage reported", m.name()).isNotEmpty();
        Set<String> silent = new TreeSet<>();
        Set<String> exemptButFired = new TreeSet<>();
        for (String action : r.coverage().keySet()) {
            if (NOT_STEPS.contains(action)) {
                continue;
            }
            boolean fired = r.fired(action);
            if (!fired && !m.exempt().containsKey(action)) {
                silent.add(action);
            }
            if (fired && m.exempt().containsKey(action)) {
                exemptButFired.add(action);
            }
        }
        Set<String> unknown = new TreeSet<>(m.exempt().keySet());
        unknown.removeAll(r.coverage().keySet());
        assertThat(silent).as("%s: labels/actions that never fire (add '\\* @exempt LABEL: reason' only with a reason)",
                m.name()).isEmpty();
        assertThat(exemptButFired).as("%s: exempt labels that do fire (remove the @exempt)", m.name()).isEmpty();
        assertThat(unknown).as("%s: @exempt names no action of %s", m.name(), m.spec()).isEmpty();
    }

    /** Across all passing models, every label of every module fires at least once. */
    void everyLabelFiresSomewhere() {
        Set<String> fired = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (var e : results.entrySet()) {
            TlcResult r = e.getValue();
            if (r.outcome() != TlcResult.Outcome.OK) {
                continue;
            }
            r.coverage().forEach((a, c) -> {
                if (!NOT_STEPS.contains(a)) {
                    all.add(a);
                    if (c.total() > 0) {
                        fired.add(a);
                    }
                }
            });
        }
        for (var module : layout.algorithmModules()) {
            PlusCalSource.parse(module).labels().forEach(l -> all.add(l.name()));
        }
        Set<String> never = new TreeSet<>(all);
        never.removeAll(fired);
        assertThat(never).as("labels/actions that fire in no passing model").isEmpty();
    }

    void writeSummary(String profile) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | spec | expect | result | generated | distinct | depth | TLC s | wall s |\n");
        sb.append("|---|---|---|---|---:|---:|---:|---:|---:|\n");
        double total = 0;
        for (var e : results.entrySet()) {
            ModelConfig m = e.getKey();
            TlcResult r = e.getValue();
            String res = r.outcome() == TlcResult.Outcome.OK ? "no error"
                    : r.outcome() + (r.property() != null ? " " + r.property() : "");
            total += r.wallTime().toMillis() / 1000.0;
            sb.append(String.format("| %s | %s | %s | %s | %,d | %,d | %d | %.1f | %.1f |%n", m.name(), m.spec(),
                    m.expect(), res, r.generated(), r.distinct(), r.depth(), r.tlcTime().toMillis() / 1000.0,
                    r.wallTime().toMillis() / 1000.0));
        }
        sb.append(String.format("%nTotal wall time: %.1f s (%d models, %d TLC workers, %d processors)%n", total,
                results.size(), options.workers(), Runtime.getRuntime().availableProcessors()));
        write(layout.workDir().resolve("summary-" + profile + ".md"), sb.toString());
        System.out.println(sb);
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
