package io.procspec.spec;

import io.procspec.runtime.Invariants;
import io.procspec.runtime.Labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The parser on recorded TLC output (-tool mode; coverage expression lines trimmed). */
class TlcOutputParserTest {
    static String resource(String name) throws IOException {
        try (InputStream in = TlcOutputParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void successWithStatsAndCoverage() throws IOException {
        TlcResult r = TlcOutputParser.parse("ok", resource("tlc-ok.out"), 0, Duration.ofSeconds(1), false);
        assertThat(r.outcome()).isEqualTo(TlcResult.Outcome.OK);
        assertThat(r.generated()).isEqualTo(9122);
        assertThat(r.distinct()).isEqualTo(4410);
        assertThat(r.left()).isZero();
        assertThat(r.depth()).isEqualTo(15);
        assertThat(r.tlcTime()).isPositive();
        assertThat(r.trace()).isEmpty();
        assertThat(r.coverage()).containsKeys(Labels.GFGET_CHECK, Labels.GFPUT_PUSH, Labels.MALG, "AdjustStartingStackSize");
        assertThat(r.fired(Labels.GFGET_CHECK)).isTrue();
        assertThat(r.fired("GrowStack")).isFalse();
    }

    @Test
    void invariantViolationWithTrace() throws IOException {
        TlcResult r = TlcOutputParser.parse("bug", resource("tlc-invariant.out"), 12, Duration.ofSeconds(1), false);
        assertThat(r.outcome()).isEqualTo(TlcResult.Outcome.INVARIANT);
        assertThat(r.property()).isEqualTo(Invariants.LOCAL_FREE_LIST_BOUNDED);
        assertThat(r.trace()).isNotEmpty();
        assertThat(r.trace().get(0).isInitial()).isTrue();
        assertThat(r.trace().get(1).action()).isEqualTo(Labels.GFGET_CHECK);
        assertThat(r.trace().get(0).vars()).containsKeys("pc", "gFreeLocal", "stackSize");
        for (int i = 0; i < r.trace().size(); i++) {
            assertThat(r.trace().get(i).index()).isEqualTo(i + 1);
        }
    }

    @Test
    void temporalViolationWithLoop() throws IOException {
        TlcResult r = TlcOutputParser.parse("bug", resource("tlc-temporal.out"), 13, Duration.ofSeconds(1), false);
        assertThat(r.outcome()).isEqualTo(TlcResult.Outcome.TEMPORAL);
        assertThat(r.trace()).isNotEmpty();
        assertThat(r.trace().get(r.trace().size() - 1).action()).startsWith("Back to state");
    }

    @Test
    void anUnfinishedRunKeepsTheLastProgressFigures() {
        String out = String.join("\n",
                "Progress(15) at 2026-11-30 00:29:51: 84 states generated (84 s/min), 37 distinct states found (37 ds/min), 4 states left on queue.",
                "Progress(39) at 2026-11-30 00:30:59: 5,152 states generated (5,068 s/min), 1,868 distinct states found (1,831 ds/min), 283 states left on queue.");
        TlcResult r = TlcOutputParser.parse("slow", out, -1, Duration.ofSeconds(60), true);
        assertThat(r.outcome()).isEqualTo(TlcResult.Outcome.ERROR);
        assertThat(r.generated()).isEqualTo(5152);
        assertThat(r.distinct()).isEqualTo(1868);
        assertThat(r.left()).isEqualTo(283);
        assertThat(r.depth()).isEqualTo(39);
        assertThat(r.finished()).isFalse();
    }

    @Test
    void timeoutIsAnError() {
        TlcResult r = TlcOutputParser.parse("slow", "Progress(3) at x: 10 states generated", -1, Duration.ofSeconds(5), true);
        assertThat(r.outcome()).isEqualTo(TlcResult.Outcome.ERROR);
        assertThat(r.message()).isEqualTo("timed out");
    }
}
