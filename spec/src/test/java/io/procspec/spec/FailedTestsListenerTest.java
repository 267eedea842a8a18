package io.procspec.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed test turns the spec layer's summary to "fail"; a passing one adds nothing. */
class FailedTestsListenerTest {

    @Test
    void aFailedTestIsAFailingItemOfTheLayer(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("procspec.reports.dir");
        System.setProperty("procspec.reports.dir", tmp.toString());
        try {
            FailedTestsListener l = new FailedTestsListener();
            l.executionFinished(test("passes"), TestExecutionResult.successful());
            assertThat(tmp.resolve("summary.json")).doesNotExist();
            l.executionFinished(test("probes reached in no passing model"),
                    TestExecutionResult.failed(new AssertionError("branch probes reached in no passing model: [x]")));
            JsonNode s = SpecReports.json().readTree(tmp.resolve("summary.json").toFile());
            assertThat(s.path("verdict").asText()).isEqualTo("fail");
            assertThat(s.path("items").toString()).contains("test failed: probes reached in no passing model")
                    .contains("branch probes reached in no passing model: [x]");
        } finally {
            if (before == null) {
                System.clearProperty("procspec.reports.dir");
            } else {
                System.setProperty("procspec.reports.dir", before);
            }
        }
    }

    private static TestIdentifier test(String name) {
        return TestIdentifier.from(new AbstractTestDescriptor(UniqueId.forEngine("t").append("test", name), name) {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        });
    }
}
