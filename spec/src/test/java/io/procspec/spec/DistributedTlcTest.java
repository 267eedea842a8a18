package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
        ModelConfig model = layout.model("Distributed_GFree");
        TlcResult single = TlcRunner.run(layout, model, TlcRunner.Options.fromSystemProperties().withWorkers(1));
        assertThat(single.outcome()).as(single.summary()).isEqualTo(TlcResult.Outcome.OK);

        DistributedTlc.Run run = DistributedTlc.runOnLoopback(layout, model, 2, 1, "1g",
                Duration.ofSeconds(90), Duration.ofSeconds(model.timeoutSeconds()));
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
