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
 * The Java side: Sched with one P runs a pattern's goroutines in the order Go's one-P rules give
 * ({@link OnePReference}), at every phase, including past the ring, around the %61 check, and with
 * goroutines that yield, park and are readied.
 */
class JavaSideTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    static int[] java(String expr, int phase) throws InterruptedException {
        return run(expr, phase).order();
    }

    static JavaSide.Run run(String expr, int phase) throws InterruptedException {
        return JavaSide.run(Pattern.parse(expr), GoVersion.GO1_21, phase, JavaSide.Model.PORT, SchedPoint.NONE, false,
                LIMIT);
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
            "g(300*g,chain(20),100*g)", "g(200*g(2*g))", "random(5,800)", "random(11,1500)",
            "g(300*g(yield))", "g(200*g,yield,200*g)", "chain(40,go,yield)", "g(300*g,chain(30,g,go,yield))",
            "g(600*g,a:g(100*(ready(b),wait)),b:g(100*(wait,ready(a))))",
            "g(300*w#:g(wait),yield,300*ready(w#))", "g(200*w#:g(wait),yield,200*ready(w#))",
            "m:g(100*g(ready(m)),100*wait)", "mixed(4,700)", "mixed(9,1500)"})
    @Timeout(300)
    void matchesTheOnePReferenceAtEveryPhase(String expr) throws Exception {
        Pattern p = Pattern.parse(expr);
        JavaSide.Phases phases = JavaSide.phases(p, GoVersion.GO1_21, JavaSide.Model.PORT, LIMIT);
        for (int phase = 0; phase < JavaSide.PERIOD; phase++) {
            assertThat(phases.order(phase)).as("%s at phase %d", expr, phase)
                    .containsExactly(OnePReference.order(p, phase, 256));
        }
    }

    @Test
    @Timeout(120)
    void aSpillingFanOutDependsOnThePhaseAndAChainDoesNot() throws Exception {
        assertThat(JavaSide.phases(Pattern.parse("fan(300)"), GoVersion.GO1_21, JavaSide.Model.PORT, LIMIT).distinct())
                .isEqualTo(61);
        assertThat(JavaSide.phases(Pattern.parse("chain(100)"), GoVersion.GO1_21, JavaSide.Model.PORT, LIMIT).distinct())
                .isEqualTo(1);
        JavaSide.Phases fan5 = JavaSide.phases(Pattern.parse("fan(5)"), GoVersion.GO1_21, JavaSide.Model.PORT, LIMIT);
        assertThat(fan5.aligning(new int[] {0, 5, 1, 2, 3, 4})).hasSize(61);
        assertThat(fan5.aligning(new int[] {0, 1, 2, 3, 4, 5})).isEmpty();
    }

    @Test
    @Timeout(120)
    void go114FormsGiveTheSameOnePOrder() throws Exception {
        for (String e : List.of("fan(300)", "tree(3,300)", "mixed(2,600)")) {
            for (int phase : new int[] {0, 6, 60}) {
                assertThat(JavaSide.run(Pattern.parse(e), GoVersion.GO1_14, phase, JavaSide.Model.PORT, SchedPoint.NONE,
                        false, LIMIT).order()).containsExactly(java(e, phase));
            }
        }
    }

    @Test
    @Timeout(120)
    void aSmallerRingIsADifferentOrder() throws Exception {
        Pattern p = Pattern.parse("fan(300)");
        int[] go = OnePReference.order(p, 6, 256);
        JavaSide.Phases broken = JavaSide.phases(p, GoVersion.GO1_21, JavaSide.Model.RING_128, LIMIT);
        assertThat(broken.aligning(go)).isEmpty();
        assertThat(broken.order(6)).containsExactly(OnePReference.order(p, 6, 128));
    }

    /** Every broken model of the layer's self-check gives, on its pattern, an order no phase of the port gives. */
    @Test
    @Timeout(300)
    void everyBrokenModelChangesTheOrderOfItsPattern() throws Exception {
        GoToolchain go = new GoToolchain(java.nio.file.Path.of("/go"), "go1.21.0", 1, 21, 0);
        for (Oracle.Spec spec : Oracle.brokenModelSpecs(go)) {
            JavaSide.Phases broken = JavaSide.phases(spec.pattern(), GoVersion.GO1_21, spec.model(), LIMIT);
            for (int phase = 0; phase < JavaSide.PERIOD; phase++) {
                assertThat(broken.aligning(OnePReference.order(spec.pattern(), phase, 256)))
                        .as("%s: Go's order at phase %d", spec.name(), phase).isEmpty();
            }
        }
    }

    @Test
    @Timeout(60)
    void yieldGoesToTheGlobalQueueAndAReadiedGoroutineRunsNext() throws Exception {
        // g0 starts 1, 2 (runnext 2, ring [1]) and yields: g2 runs from runnext (inheriting the
        // slice), then g1 from the ring, then g0 again from the global queue
        assertThat(java("g(2*g,yield)", 5)).containsExactly(0, 2, 1, 0);
        // from phase 59: g0 runs at schedtick 60, g3 inherits 60, g1 takes 61; then the %61 check
        // finds g0 on the global queue and runs it before g2, still in the ring
        assertThat(java("g(3*g,yield)", 59)).containsExactly(0, 3, 1, 0, 2);
        assertThat(java("g(3*g,yield)", 5)).containsExactly(0, 3, 1, 2, 0);
        // m parks; each leaf readies it into runnext, so it runs right after that leaf
        assertThat(java("m:g(3*g(ready(m)),3*wait)", 0)).containsExactly(0, 3, 0, 1, 0, 2, 0);
        // a wake-up sent before the wait is buffered: the wait goes on without parking
        JavaSide.Run r = run("w:g(g(ready(w)),yield,wait)", 0);
        assertThat(r.order()).containsExactly(0, 1, 0, 0);
        assertThat(r.counts()).isEqualTo(new JavaSide.Counts(1, 0, 0, 1));
        JavaSide.Run pp = run("g(a:g(3*(ready(b),wait)),b:g(3*(wait,ready(a))))", 0);
        assertThat(pp.order()).containsExactly(0, 2, 1, 2, 1, 2, 1, 2, 1);
        assertThat(pp.counts()).isEqualTo(new JavaSide.Counts(0, 6, 6, 0));
    }

    @Test
    @Timeout(60)
    void snapshotsShowTheQueuesAtEachStart() throws Exception {
        JavaSide.Run r = JavaSide.run(Pattern.parse("fan(3)"), GoVersion.GO1_21, 60, JavaSide.Model.PORT,
                SchedPoint.NONE, true, LIMIT);
        assertThat(r.order()).containsExactly(0, 3, 1, 2);
        List<JavaSide.Snapshot> s = r.snapshots();
        assertThat(s).hasSize(4);
        // the root runs at 61 (a new slice); g3 inherits it from runnext; g1, g2 each start a slice
        assertThat(s).extracting(JavaSide.Snapshot::schedtick).containsExactly(61, 61, 62, 63);
        assertThat(s.get(1).runq()).containsExactly(1, 2);
        assertThat(s.get(1).runnext()).isEmpty();
        assertThat(s.get(2).runq()).containsExactly(2);
        assertThat(s.get(0).global()).isEmpty();

        JavaSide.Run w = JavaSide.run(Pattern.parse("m:g(2*g(ready(m)),2*wait)"), GoVersion.GO1_21, 0,
                JavaSide.Model.PORT, SchedPoint.NONE, true, LIMIT);
        assertThat(w.order()).containsExactly(0, 2, 0, 1, 0);
        // g2 runs while m (g0) is parked; m runs after g2 readied it; g1 runs while m is parked again
        assertThat(w.snapshots().get(1).parked()).containsExactly(0);
        assertThat(w.snapshots().get(2).parked()).isEmpty();
        assertThat(w.snapshots().get(3).parked()).containsExactly(0);
    }

    @Test
    @Timeout(60)
    void labelCountsShowTheStepsARunTook() throws Exception {
        JavaSide.LabelCounter lc = new JavaSide.LabelCounter();
        JavaSide.run(Pattern.parse("fan(300)"), GoVersion.GO1_21, 0, JavaSide.Model.PORT, lc, false, LIMIT);
        assertThat(lc.counts()).containsEntry("runqputslow_cas", 1L).containsKey("globrunqget_lock");
        // 300 goreadies into runnext: the ring fills and runqput spills once more
        JavaSide.LabelCounter ready = new JavaSide.LabelCounter();
        JavaSide.Run r = JavaSide.run(Pattern.parse("g(300*w#:g(wait),yield,300*ready(w#))"), GoVersion.GO1_21, 0,
                JavaSide.Model.PORT, ready, false, LIMIT);
        assertThat(r.counts().goreadies()).isEqualTo(300);
        assertThat(ready.counts()).containsEntry("runqputslow_cas", 2L);
    }

    @Test
    void phasesFormatCompactly() {
        assertThat(JavaSide.format(new TreeSet<>(List.of()))).isEqualTo("-");
        assertThat(JavaSide.format(new TreeSet<>(List.of(6)))).isEqualTo("6");
        assertThat(JavaSide.format(new TreeSet<>(List.of(1, 2, 3, 7, 9, 10)))).isEqualTo("1-3, 7, 9-10");
    }
}
