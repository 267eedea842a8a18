package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * TLC's distributed mode on loopback: a TLCServer and two TLCWorkers (one thread each) on
 * 127.0.0.1 check a small model and must find the same number of distinct states as a
 * single-process run.  If the server never gets ready (RMI unusable here), the test is skipped
 * with the reason; once it runs, any disagreement fails.
 */
class DistributedTlcTest {
    @Test
    void serverAndTwoWorkersAgreeWithSingleProcess() {
        SpecLayout layout = SpecLayout.detect();
        SpecReports reports = new SpecReports(layout);
        Instant started = Instant.now();
        ModelConfig model = layout.model("Distributed_GFree");
        TlcResult single = TlcRunner.run(layout, model, TlcRunner.Options.fromSystemProperties().withWorkers(1));
        assertThat(single.outcome()).as(single.summary()).isEqualTo(TlcResult.Outcome.OK);

        DistributedTlc.Run run = DistributedTlc.runOnLoopback(layout, model, 2, 1, "1g",
                Duration.ofSeconds(90), Duration.ofSeconds(model.timeoutSeconds()));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("distinct", run.result().distinct());
        figures.put("distinctSingleProcess", single.distinct());
        figures.put("workers", run.workersRegistered());
        if (!run.serverReady() || run.workersRegistered() == 0) {
            reports.recordOther("Distributed_GFree (distributed TLC)", "skipped", "pass", figures,
                    "distributed TLC could not run here (RMI on 127.0.0.1)", started, seconds);
        } else {
            boolean agree = run.result().outcome() == TlcResult.Outcome.OK && run.result().distinct() == single.distinct();
            reports.recordOther("Distributed_GFree (distributed TLC)", agree ? "pass" : "fail", "pass", figures,
                    "a TLCServer and two TLCWorkers on 127.0.0.1 find as many distinct states as one TLC process",
                    started, seconds);
        }
        Assumptions.assumeTrue(run.serverReady(),
                () -> "TLCServer did not get ready on 127.0.0.1 within 90 s; its output:\n" + run.serverOutput());
        Assumptions.assumeTrue(run.workersRegistered() > 0,
                () -> "no TLCWorker could register with the server over RMI; server output:\n" + run.serverOutput());
        System.out.println(single.summary());
        System.out.println(run.result().summary() + " with " + run.workersRegistered() + " worker registrations");
        assertThat(run.result().outcome()).as(run.serverOutput()).isEqualTo(TlcResult.Outcome.OK);
        assertThat(run.result().distinct()).as("distinct states, distributed vs single process")
                .isEqualTo(single.distinct());
    }
}
