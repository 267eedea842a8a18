package io.procspec.stress.tools;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit checks of the runner's plumbing (the jcstress run itself is the verify phase). */
class StressRunTest {

    @Test
    void userOptionsReplaceThePresetOnes() {
        List<String> preset = List.of("-m", "quick", "-iters", "3", "-time", "300");
        assertThat(StressRun.merge(preset, List.of("-iters", "10", "-f", "2")))
                .containsExactly("-m", "quick", "-time", "300", "-iters", "10", "-f", "2");
    }

    @Test
    void selectionRegexMatchesExactlyTheNames() {
        Pattern p = Pattern.compile(StressRun.regexOf(List.of("a.B", "a.C$x")));
        assertThat(p.matcher("a.B").find()).isTrue();
        assertThat(p.matcher("a.C$x").find()).isTrue();
        assertThat(p.matcher("a.BB").find()).isFalse();
        assertThat(p.matcher("WrapA.B").find()).isFalse();
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Summarize.str("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void everyTestIsInTheGeneratedListWithItsActorCount() {
        assertThat(org.openjdk.jcstress.infra.runners.TestList.tests())
                .contains("io.procspec.stress.RunqputStealPublication", "io.procspec.stress.broken.BrokenRunqgetNoCasLastG");
        assertThat(org.openjdk.jcstress.infra.runners.TestList.getInfo("io.procspec.stress.OwnerTwoThieves").threads())
                .isEqualTo(3);
    }
}
