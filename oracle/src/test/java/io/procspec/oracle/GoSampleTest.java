package io.procspec.oracle;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoSampleTest {

    static final GoToolchain GO = new GoToolchain(Path.of("/x/go"), "go1.21.13", 1, 21, 13);
    static final Pattern FAN3 = Pattern.parse("fan(3)");

    static String line(String order) {
        return "procspec-oracle/1 pattern=2 shift=5 go=go1.21.13 n=4 elapsed_ns=123456 perturbed=0 order=" + order;
    }

    @Test
    void parsesTheResultLine() {
        GoSample g = GoSample.parse("noise\n" + line("0,3,1,2") + "\n");
        assertThat(g.pattern()).isEqualTo(2);
        assertThat(g.shift()).isEqualTo(5);
        assertThat(g.goVersion()).isEqualTo("go1.21.13");
        assertThat(g.n()).isEqualTo(4);
        assertThat(g.elapsedNanos()).isEqualTo(123456);
        assertThat(g.perturbed()).isZero();
        assertThat(g.order()).containsExactly(0, 3, 1, 2);
        assertThat(g.inconsistency(FAN3, 2, 5, GO)).isNull();
    }

    @Test
    void refusesMalformedOutput() {
        assertThatThrownBy(() -> GoSample.parse("")).hasMessageContaining("no line");
        assertThatThrownBy(() -> GoSample.parse(line("0,1") + "\n" + line("0,1"))).hasMessageContaining("two");
        assertThatThrownBy(() -> GoSample.parse("procspec-oracle/1 pattern=0 order=0")).hasMessageContaining("missing");
        assertThatThrownBy(() -> GoSample.parse(line("0,x"))).hasMessageContaining("bad number");
        assertThatThrownBy(() -> GoSample.parse("procspec-oracle/1 pattern")).hasMessageContaining("bad field");
    }

    @Test
    void findsInconsistentRuns() {
        assertThat(GoSample.parse(line("0,3,1,2")).inconsistency(FAN3, 1, 5, GO)).contains("asked for 1");
        assertThat(GoSample.parse(line("0,3,1,2")).inconsistency(FAN3, 2, 6, GO)).contains("shift");
        assertThat(GoSample.parse(line("0,3,1,2")).inconsistency(FAN3, 2, 5,
                new GoToolchain(Path.of("/y"), "go1.22.1", 1, 22, 1))).contains("go1.21.13");
        assertThat(GoSample.parse(line("0,3,1")).inconsistency(FAN3, 2, 5, GO)).contains("recorded 3 runs", "has 4");
        assertThat(GoSample.parse(line("0,3,3,2")).inconsistency(FAN3, 2, 5, GO)).contains("twice");
        assertThat(GoSample.parse(line("0,3,1,7")).inconsistency(FAN3, 2, 5, GO)).contains("not in the pattern");
        assertThat(GoSample.parse(line("3,0,1,2")).inconsistency(FAN3, 2, 5, GO)).contains("root");
    }

    @Test
    void aGoroutineThatYieldsOrWaitsRunsOncePerSegment() {
        Pattern m = Pattern.parse("m:g(2*g(ready(m)),wait)"); // g0 runs twice, g1 and g2 once: 4 entries
        String ok = "procspec-oracle/1 pattern=0 shift=0 go=go1.21.13 n=3 elapsed_ns=1 perturbed=0 order=0,2,0,1";
        assertThat(GoSample.parse(ok).inconsistency(m, 0, 0, GO)).isNull();
        String twice = "procspec-oracle/1 pattern=0 shift=0 go=go1.21.13 n=3 elapsed_ns=1 perturbed=0 order=0,2,1,1";
        assertThat(GoSample.parse(twice).inconsistency(m, 0, 0, GO)).contains("goroutine 1 ran more than its 1");
        String n = "procspec-oracle/1 pattern=0 shift=0 go=go1.21.13 n=4 elapsed_ns=1 perturbed=0 order=0,2,0,1";
        assertThat(GoSample.parse(n).inconsistency(m, 0, 0, GO)).contains("of 4 goroutines");
    }
}
