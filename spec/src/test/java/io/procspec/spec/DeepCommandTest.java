package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code Main deep --distributed K} sends only the safety-only deep models to distributed TLC,
 * which checks invariants and action properties but no liveness.
 */
class DeepCommandTest {
    @Test
    void theSafetyOnlyDeepModelsAreTheOnesWithoutLiveness() {
        SpecLayout layout = SpecLayout.detect();
        for (String m : new String[] {"RunQueue_deep", "GFree_deep", "Proc_deep", "Distributed_GFree"}) {
            assertThat(Main.safetyOnly(layout, layout.model(m))).as(m).isTrue();
        }
        for (String m : new String[] {"Proc_deep_liveness", "Proc_deep_sysmon", "Proc_deep_work_conservation",
                "Proc_global2", "Proc_fairness_2p"}) {
            assertThat(Main.safetyOnly(layout, layout.model(m))).as(m).isFalse();
        }
    }

    @Test
    void aPropertyIsReadFromItsDefinition() {
        SpecLayout layout = SpecLayout.detect();
        assertThat(Main.definition(layout, "GlobalEventuallyRuns")).contains("~>");
        assertThat(Main.definition(layout, "StealCopiesQueued")).startsWith("StealCopiesQueued ==").contains("[][");
        assertThat(Main.definition(layout, "NoSuchProperty")).isNull();
    }
}
