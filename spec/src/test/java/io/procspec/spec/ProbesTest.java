package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Branch probes: found in the translation, counted from the innermost coverage range around them. */
class ProbesTest {
    static final String MODULE = String.join("\n",
            "---- MODULE M ----",                                         // 1
            "(* --algorithm M ... await Probe(\"ignored\") ... *)",       // 2: not in the translation
            "\\* BEGIN TRANSLATION",                                      // 3
            "a(self) == /\\ IF x < 3",                                    // 4
            "                 THEN /\\ Probe(\"small\")",                 // 5
            "                      /\\ x' = x + 1",                       // 6
            "                 ELSE /\\ Probe(\"big\")",                   // 7
            "b(self) == /\\ Probe(\"small\") /\\ y' = 1",                 // 8
            "\\* END TRANSLATION",                                        // 9
            "====");

    @Test
    void probesAreFoundInTheTranslationOnly() {
        assertThat(Probes.names(MODULE)).containsExactly("big", "small");
        assertThat(Probes.sites(MODULE)).extracting(Probes.Site::line).containsExactly(5, 7, 8);
        assertThat(Probes.sites(MODULE).get(0).col()).isEqualTo(26);
        assertThat(Probes.sites(MODULE).get(0).endCol()).isEqualTo(39);
    }

    @Test
    void theInnermostRangeCountsAndOccurrencesAddUp() {
        List<CoverageRange> cov = List.of(
                new CoverageRange("M", 4, 15, 7, 40, 100),   // the whole IF: evaluated 100 times
                new CoverageRange("M", 5, 23, 6, 35, 6),     // the THEN branch: 6
                new CoverageRange("M", 5, 34, 5, 39, 6),     // ... and the probe's argument, inside it
                new CoverageRange("M", 8, 12, 8, 40, 4),     // b's conjunction: 4
                new CoverageRange("Other", 5, 1, 5, 80, 999));
        Map<String, Long> counts = Probes.counts("M", MODULE, cov);
        assertThat(counts).containsEntry("small", 6L + 4L);
        // the ELSE branch has no range that starts on its line: TLC never evaluated it
        assertThat(counts).containsEntry("big", 0L);
    }

    @Test
    void aProbeWithoutCoverageCountsZero() {
        assertThat(Probes.counts("M", MODULE, List.of())).containsEntry("small", 0L).containsEntry("big", 0L);
    }
}
