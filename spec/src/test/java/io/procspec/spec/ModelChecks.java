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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the models of a profile with TLC and checks what each reports; shared by the CI and deep
 * tests.  Models run {@code -Dprocspec.tlc.jobs} at a time (default 2, each TLC with
 * {@code workers / jobs} workers unless the model fixes its own), which keeps both cores busy
 * through TLC's single-threaded phases (start-up, parsing, liveness checking).
 */
final class ModelChecks {
    /** Actions of the translation that are not labels and need not fire. */
    static final Set<String> NOT_STEPS = Set.of("Init", "Terminating", "Idle", "Quiescent");

    private final SpecLayout layout = SpecLayout.detect();
    private final SpecReports reports = new SpecReports(layout);
    private TlcRunner.Options options = TlcRunner.Options.fromSystemProperties();
    private final Map<ModelConfig, ModelRun> results = new LinkedHashMap<>();

    private boolean requireCoverage = true;

    Stream<DynamicNode> tests(String profile, boolean requireFullCoverage) {
        this.requireCoverage = requireFullCoverage;
        if (!requireFullCoverage) {
            options = options.withCoverage(false);      // deep runs: no per-minute coverage reports
        }
        List<ModelConfig> models = layout.models().stream().filter(m -> m.profile().equals(profile)).toList();
        reports.forgetBefore(SpecReports.jvmStart());
        int jobs = Math.max(1, Integer.getInteger("procspec.tlc.jobs", 2));
        TlcRunner.Options perJob = options.withWorkers(Math.max(1, options.workers() / jobs));
        ModelRunner runner = new ModelRunner(layout, perJob, reports, System.out::println);
        System.out.println(ModelRunner.startLine(models.size()));
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "tlc-job");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        Map<ModelConfig, Future<ModelRun>> futures = new LinkedHashMap<>();
        // longest first (by the recorded runs), so that the two jobs finish together
        Map<String, Double> recorded = recordedSeconds();
        List<ModelConfig> order = new ArrayList<>(models);
        order.sort((a, b) -> Double.compare(recorded.getOrDefault(b.name(), 1e9), recorded.getOrDefault(a.name(), 1e9)));
        for (ModelConfig m : order) {
            futures.put(m, pool.submit(() -> runner.run(m, models.size(), done)));
        }
        pool.shutdown();
        List<DynamicNode> nodes = new ArrayList<>();
        for (ModelConfig m : models) {
            nodes.add(DynamicTest.dynamicTest(m.name() + " (" + m.expect() + ")", () -> check(m, futures.get(m))));
        }
        if (requireFullCoverage) {
            nodes.add(DynamicTest.dynamicTest("every label fires in some model of profile " + profile,
                    this::everyLabelFiresSomewhere));
            nodes.add(DynamicTest.dynamicTest("every branch probe is reached in some model of profile " + profile,
                    () -> everyProbeReachedSomewhere(models)));
        }
        nodes.add(DynamicTest.dynamicTest("summary of profile " + profile, () -> writeSummary(profile)));
        return nodes.stream();
    }

    /** Seconds per model from models/manifest.json, if it has them. */
    @SuppressWarnings("unchecked")
    Map<String, Double> recordedSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        Path f = layout.modelsDir().resolve("manifest.json");
        if (!Files.exists(f)) {
            return out;
        }
        try {
            Map<String, Object> m = SpecReports.json().readValue(f.toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
            for (Object o : (List<Object>) m.getOrDefault("models", List.of())) {
                Map<String, Object> e = (Map<String, Object>) o;
                if (e.get("seconds") instanceof Number n) {
                    out.put((String) e.get("model"), n.doubleValue());
                }
            }
        } catch (IOException e) {
            // no ordering then
        }
        return out;
    }

    void check(ModelConfig m, Future<ModelRun> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        ModelRun run = future.get(m.timeoutSeconds() + 600L, TimeUnit.SECONDS);
        results.put(m, run);
        TlcResult r = run.result();
        System.out.println(r.summary());
        String table = "";
        Path trace = layout.workDir().resolve(m.name()).resolve("trace.txt");
        if (Files.exists(trace)) {
            table = read(trace);
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
            assertThat(run.traceFile()).as("%s: trace document", m.name()).isNotNull();
            System.out.println(table);
        } else {
            assertThat(r.left()).as("%s: states left on the queue", m.name()).isZero();
            if (requireCoverage) {
                checkCoverage(m, r);
            }
        }
        assertThat(run.asExpected()).as("%s: as expected", m.name()).isTrue();
    }

    /**
     * Every action of the model's spec fires, unless the model exempts it with a reason.  A label
     * fires when TLC took it at all; an environment action (not a label) only when it led to a
     * new state — TLC also counts the successors a state constraint then prunes (an environment
     * budget of 0).
     */
    void checkCoverage(ModelConfig m, TlcResult r) {
        assertThat(r.coverage()).as("%s: no coverage reported", m.name()).isNotEmpty();
        Set<String> labels = PlusCalSource.parse(layout.tlaDir().resolve(layout.algorithmModuleOf(m.spec()) + ".tla"))
                .labelsByName().keySet();
        Set<String> silent = new TreeSet<>();
        Set<String> exemptButFired = new TreeSet<>();
        for (String action : r.coverage().keySet()) {
            if (NOT_STEPS.contains(action)) {
                continue;
            }
            TlcResult.Coverage c = r.coverage().get(action);
            boolean fired = labels.contains(action) ? c.total() > 0 : c.distinct() > 0;
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
        for (ModelRun run : results.values()) {
            TlcResult r = run.result();
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

    /**
     * Every branch probe of every algorithm module is reached in some passing model of the
     * profile, unless a model of the profile exempts it ({@code @probe-exempt}) with a reason;
     * an exempt probe must not be reached anywhere.
     */
    void everyProbeReachedSomewhere(List<ModelConfig> models) {
        Map<String, String> exempt = new TreeMap<>();
        models.forEach(m -> exempt.putAll(m.probeExempt()));
        Set<String> all = new TreeSet<>();
        for (var module : layout.algorithmModules()) {
            all.addAll(Probes.names(SpecLayout.read(module)));
        }
        Set<String> reached = new TreeSet<>();
        for (ModelRun run : results.values()) {
            if (run.result().outcome() == TlcResult.Outcome.OK) {
                run.probes().forEach((p, c) -> {
                    if (c > 0) {
                        reached.add(p);
                    }
                });
            }
        }
        Set<String> never = new TreeSet<>(all);
        never.removeAll(reached);
        never.removeAll(exempt.keySet());
        Set<String> exemptButReached = new TreeSet<>(exempt.keySet());
        exemptButReached.retainAll(reached);
        Set<String> unknown = new TreeSet<>(exempt.keySet());
        unknown.removeAll(all);
        assertThat(never).as("branch probes reached in no passing model (add '\\* @probe-exempt PROBE: reason' only with a reason)")
                .isEmpty();
        assertThat(exemptButReached).as("exempt probes that are reached (remove the @probe-exempt)").isEmpty();
        assertThat(unknown).as("@probe-exempt names no probe of any module").isEmpty();
    }

    void writeSummary(String profile) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | spec | expect | result | generated | distinct | depth | TLC s | wall s |\n");
        sb.append("|---|---|---|---|---:|---:|---:|---:|---:|\n");
        double total = 0;
        for (var e : results.entrySet()) {
            ModelConfig m = e.getKey();
            TlcResult r = e.getValue().result();
            total += r.wallTime().toMillis() / 1000.0;
            sb.append(String.format("| %s | %s | %s | %s | %,d | %,d | %d | %.1f | %.1f |%n", m.name(), m.spec(),
                    m.expect(), e.getValue().reported(), r.generated(), r.distinct(), r.depth(),
                    r.tlcTime().toMillis() / 1000.0, r.wallTime().toMillis() / 1000.0));
        }
        sb.append(String.format("%nTotal TLC wall time: %.1f s (%d models, %d TLC workers, %d processors)%n", total,
                results.size(), options.workers(), Runtime.getRuntime().availableProcessors()));
        write(layout.workDir().resolve("summary-" + profile + ".md"), sb.toString());
        System.out.println(sb);
        System.out.println("machine-readable: " + reports.dir().resolve("summary.json") + ", "
                + reports.dir().resolve("manifest.json"));
        boolean pass = results.values().stream().allMatch(ModelRun::asExpected);
        System.out.println(ModelRunner.endLine(pass ? "pass" : "fail"));
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
