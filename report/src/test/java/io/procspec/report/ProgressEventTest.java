package io.procspec.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressEventTest {
    @Test
    void parsesProgressLinesAndIgnoresEverythingElse() {
        ProgressEvent e = ProgressEvent.parse("[INFO] x [procspec] {\"layer\":\"spec\",\"event\":\"item\",\"item\":\"RunQueue\","
                + "\"verdict\":\"pass\",\"done\":3,\"total\":16,\"figures\":{\"distinct\":18331},\"extra\":1}");
        assertThat(e).isNotNull();
        assertThat(e.layer).isEqualTo("spec");
        assertThat(e.done).isEqualTo(3);
        assertThat(Progress.describe(e)).isEqualTo("spec: RunQueue pass  distinct 18,331  (3/16)");
        assertThat(ProgressEvent.parse("[procspec] not json")).isNull();
        assertThat(ProgressEvent.parse("[procspec] {\"event\":\"start\"}")).isNull();
        assertThat(ProgressEvent.parse("[INFO] Building procspec spec")).isNull();
    }
}
