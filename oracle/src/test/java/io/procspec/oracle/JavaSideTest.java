package io.procspec.oracle;

import io.procspec.runtime.GoVersion;
import io.procspec.runtime.SchedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java side: Sched with one P starts a pattern's goroutines in the order Go's one-P rules give
 * ({@link OnePReference}), at every phase, including past the ring and around the %61 check.
 */
class JavaSideTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    static int[] java(String expr, int phase) throws InterruptedException {
        return JavaSide.run(Pattern.parse(expr), GoVersion.GO1_21, phase, 256, SchedPoint.NONE, false, LIMIT).order();
    }

    @Test
    @Timeout(60)
    void aFanOutRunsTheNewestFirstThenTheRingInOrder() throws Exception {
        assertThat(java("fan(5)", 0)).containsExactly(0, 5, 1, 2, 3, 4);
        assertThat(java("chain(3)", 17)).containsExactly(0, 1, 2, 3);
        // tree(2,2): g0 starts 1, 2 (ring [1]); g2 from runnext starts 5, 6 (ring [1 5]); g6 from
        // runnext; g1 from the ring starts 3, 4 (ring [5 3]); g4 from runnext; then 5, 3
        assertThat(java("tree(2,2)", 5)).containsExactly(0, 2, 6, 1, 4, 5, 3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fan(257)", "fan(258)", "fan(300)", "fan(600)", "tree(3,300)", "g(4*fan(300))",
            "g(300*g,chain(20),100*g)", "g(200*g(2*g))", "random(5,800)", "random(11,1500)"})
    @Timeout(300)
    void matchesTheOnePReferenceAtEveryPhase(String expr) throws Exception {
        Pattern p = Pattern.parse(expr);
        JavaSide.Phases phases = JavaSide.phases(p, GoVersion.GO1_21, 256, LIMIT);
        for (int phase = 0; phase < JavaSide.PERIOD; phase++) {
            assertThat(phases.order(phase)).as("%s at phase %d", expr, phase)
                    .containsExactly(OnePReference.order(p, phase, 256));
        }
    }

    @Test
    @Timeout(120)
    void aSpillingFanOutDependsOnThePhaseAndAChainDoesNot() throws Exception {
        assertThat(JavaSide.phases(Pattern.parse("fan(300)"), GoVersion.GO1_21, 256, LIMIT).distinct()).isEqualTo(61);
        assertThat(JavaSide.phases(Pattern.parse("chain(100)"), GoVersion.GO1_21, 256, LIMIT).distinct()).isEqualTo(1);
        JavaSide.Phases fan5 = JavaSide.phases(Pattern.parse("fan(5)"), GoVersion.GO1_21, 256, LIMIT);
        assertThat(fan5.aligning(new int[] {0, 5, 1, 2, 3, 4})).hasSize(61);
        assertThat(fan5.aligning(new int[] {0, 1, 2, 3, 4, 5})).isEmpty();
    }

    @Test
    @Timeout(120)
    void go114FormsGiveTheSameOnePOrder() throws Exception {
        for (String e : List.of("fan(300)", "tree(3,300)")) {
            for (int phase : new int[] {0, 6, 60}) {
                assertThat(JavaSide.run(Pattern.parse(e), GoVersion.GO1_14, phase, 256, SchedPoint.NONE, false, LIMIT)
                        .order()).containsExactly(java(e, phase));
            }
        }
    }

    @Test
    @Timeout(120)
    void aSmallerRingIsADifferentOrder() throws Exception {
        Pattern p = Pattern.parse("fan(300)");
        int[] go = OnePReference.order(p, 6, 256);
        JavaSide.Phases broken = JavaSide.phases(p, GoVersion.GO1_21, 128, LIMIT);
        assertThat(broken.aligning(go)).isEmpty();
        assertThat(broken.order(6)).containsExactly(OnePReference.order(p, 6, 128));
    }

    @Test
    @Timeout(60)
    void snapshotsShowTheQueuesAtEachStart() throws Exception {
        JavaSide.Run r = JavaSide.run(Pattern.parse("fan(3)"), GoVersion.GO1_21, 60, 256, SchedPoint.NONE, true, LIMIT);
        assertThat(r.order()).containsExactly(0, 3, 1, 2);
        List<JavaSide.Snapshot> s = r.snapshots();
        assertThat(s).hasSize(4);
        // the root runs at 61 (a new slice); g3 inherits it from runnext; g1, g2 each start a slice
        assertThat(s).extracting(JavaSide.Snapshot::schedtick).containsExactly(61, 61, 62, 63);
        assertThat(s.get(1).runq()).containsExactly(1, 2);
        assertThat(s.get(1).runnext()).isEmpty();
        assertThat(s.get(2).runq()).containsExactly(2);
        assertThat(s.get(0).global()).isEmpty();
    }

    @Test
    @Timeout(60)
    void labelCountsShowTheStepsARunTook() throws Exception {
        JavaSide.LabelCounter lc = new JavaSide.LabelCounter();
        JavaSide.run(Pattern.parse("fan(300)"), GoVersion.GO1_21, 0, 256, lc, false, LIMIT);
        assertThat(lc.counts()).containsEntry("runqputslow_cas", 1L).containsKey("globrunqget_lock");
    }

    @Test
    void unsupportedActionsAreRefused() {
        assertThatThrownBy(() -> java("g(yield,g)", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yield");
    }

    @Test
    void phasesFormatCompactly() {
        assertThat(JavaSide.format(new TreeSet<>(List.of()))).isEqualTo("-");
        assertThat(JavaSide.format(new TreeSet<>(List.of(6)))).isEqualTo("6");
        assertThat(JavaSide.format(new TreeSet<>(List.of(1, 2, 3, 7, 9, 10)))).isEqualTo("1-3, 7, 9-10");
    }
}
