package io.procspec.oracle;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle layer in {@code mvn verify}: the fixed CI patterns (with goroutines that yield, wait
 * and ready) and six seeded random ones, on every Go toolchain found, against Sched with one P;
 * plus four broken Java models (a 128-slot ring, ready to the ring's tail, Gosched as goyield)
 * that must be caught. Writes {@code oracle/target/procspec/summary.json}; without Go it
 * writes a skipped summary and the test is reported as skipped. Fails on any mismatch or error.
 *
 * <p>System properties (set by the pom): {@code procspec.oracle.layer} ({@code ci}, or
 * {@code skip} under {@code -Plong}), {@code procspec.oracle.samples},
 * {@code procspec.oracle.reruns}, {@code procspec.oracle.out}, {@code procspec.oracle.work}.
 */
class OracleLayerTest {

    static final String COMMAND = "mvn -pl oracle -am verify";

    @Test
    @Timeout(900)
    void theJavaSchedulerStartsGoroutinesInGosOrder() throws Exception {
        Assumptions.assumeTrue(System.getProperty("procspec.oracle.layer", "ci").equals("ci"),
                "the CI oracle layer is off (procspec.oracle.layer=" + System.getProperty("procspec.oracle.layer") + ")");
        Instant started = Instant.now();
        Path out = Path.of(System.getProperty("procspec.oracle.out", "target/procspec"));
        Path work = Path.of(System.getProperty("procspec.oracle.work", "target/procspec-oracle/go"));
        int samples = Integer.getInteger("procspec.oracle.samples", 3);
        int reruns = Integer.getInteger("procspec.oracle.reruns", 5);
        Report.Context ctx = new Report.Context(COMMAND, null, 600);

        GoToolchain.Discovery found = GoToolchain.discover();
        found.skipped().forEach(s -> System.out.println("oracle: skipped " + s));
        if (found.toolchains().isEmpty()) {
            String reason = found.skipped().stream().filter(s -> s.startsWith("PROCSPEC_GO=none")).findFirst()
                    .orElse("no Go toolchain found (looked in PROCSPEC_GO, /usr/lib/go-*, GOROOT, PATH, /usr/local/go, ~/sdk)");
            Report.writeSkipped(out, ctx, reason, started);
            Assumptions.abort(reason);
        }
        List<GoToolchain> toolchains = found.toolchains();
        System.out.println("oracle: Go toolchains " + toolchains);
        for (GoToolchain t : toolchains) {
            VersionModel m = VersionModel.of(t);
            System.out.println("oracle:   " + m.summary() + (m.differences().isEmpty() ? "" : ": " + m.differences()));
        }
        List<Pattern> patterns = new ArrayList<>(Patterns.ci());
        patterns.addAll(Patterns.ciRandom());
        List<Oracle.Spec> specs = Oracle.specs(patterns, toolchains);
        specs.addAll(Oracle.brokenModelSpecs(toolchains.get(toolchains.size() - 1)));

        Oracle.Options opts = Oracle.Options.defaults(work).withSamples(samples).withRerunBudget(reruns);
        Oracle.Result r = new Oracle(opts, System.out).run(specs);
        Path summary = Report.write(r, out, ctx);
        System.out.print(Report.table(r));
        System.out.printf("oracle: %s in %.1f s (%d Go builds, %.1f s); %s%n", Report.verdict(r.items()), r.seconds(),
                r.builds(), r.buildSeconds(), summary.toAbsolutePath());

        List<String> failed = new ArrayList<>();
        for (Oracle.Item it : r.items()) {
            if (it.verdict().equals("fail")) {
                failed.add(it.name() + ": " + it.detail());
            }
        }
        assertThat(failed).as("items that failed (see %s)", summary.toAbsolutePath()).isEmpty();
        int compared = 0;
        for (Oracle.Item it : r.items()) {
            compared += it.matches() + it.mismatches();
        }
        assertThat(compared).as("samples compared at all (the rest were inconclusive)").isPositive();
        // the goroutines that give the P back were compared too, through goready and Gosched
        long goreadies = 0;
        long gosched = 0;
        for (Oracle.Item it : r.items()) {
            if (it.counts() != null && it.spec.expected().equals("pass")) {
                goreadies += it.counts().goreadies();
                gosched += it.counts().yields();
            }
        }
        assertThat(goreadies).as("goreadies in the Java runs that matched Go").isPositive();
        assertThat(gosched).as("Gosched calls in the Java runs that matched Go").isPositive();
    }
}
