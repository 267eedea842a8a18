package io.procspec.report;

import io.procspec.report.model.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLC's output (fixtures copied from spec's parser tests) as a procspec.trace/1. */
class TlcTraceTest {
    @TempDir
    Path dir;

    @Test
    void anInvariantViolationBecomesATraceWithLanesAndElementChanges() throws Exception {
        Path out = dir.resolve("GFree_bug_gfput_bad_spill").resolve("tlc.out");
        Files.createDirectories(out.getParent());
        FixtureRepo.copy("tlc-invariant.out", out);
        List<Trace> traces = Explain.load(out, null);
        Trace t = traces.get(0);
        Formats.validate("test", t);
        assertThat(t.source).isEqualTo("tlc");
        assertThat(t.model).isEqualTo("GFree_bug_gfput_bad_spill");
        assertThat(t.property).isEqualTo("LocalFreeListBounded");
        assertThat(t.title).contains("Invariant LocalFreeListBounded is violated");
        assertThat(t.lanes).startsWith("P1", "P2");
        Trace.Step first = t.steps.get(0);
        assertThat(first.label).isEqualTo("gfget_check");
        assertThat(first.lane).isEqualTo("P1");
        assertThat(first.function).isEqualTo("gfget");
        assertThat(t.steps).allSatisfy(s -> assertThat(s.changes).doesNotContainKey("pc"));
        assertThat(t.steps.stream().flatMap(s -> s.changes.keySet().stream()))
                .anySatisfy(k -> assertThat(k).matches("\\w+\\[\\d+\\].*"));
    }

    @Test
    void aLivenessLoopEndsOnTheEnvironmentLane() throws Exception {
        Path out = dir.resolve("x.out");
        FixtureRepo.copy("tlc-temporal.out", out);
        Trace t = Explain.load(out, null).get(0);
        Formats.validate("test", t);
        assertThat(t.title).contains("Temporal properties were violated");
        Trace.Step last = t.steps.get(t.steps.size() - 1);
        assertThat(last.label).matches("Back to state.*|Stuttering");
        assertThat(last.lane).isEqualTo("(environment)");
    }

    @Test
    void valuesAreComparedElementByElement() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        TlcTrace.diff("runq", "<<<<1, 2>>, <<>>>>", "<<<<1, 3>>, <<>>>>", out);
        TlcTrace.diff("g", "[a |-> 1, b |-> \"x, y\"]", "[a |-> 1, b |-> \"z\"]", out);
        TlcTrace.diff("f", "(1 :> \"idle\" @@ 2 :> \"run\")", "(1 :> \"idle\" @@ 2 :> \"dead\")", out);
        TlcTrace.diff("s", "{1, 2}", "{1}", out);
        assertThat(out).containsEntry("runq[1][2]", List.of("2", "3")).containsEntry("g.b", List.of("\"x, y\"", "\"z\""))
                .containsEntry("f[2]", List.of("\"run\"", "\"dead\"")).containsEntry("s", List.of("{1, 2}", "{1}"));
    }

    @Test
    void outputWithoutATraceIsRefused() throws Exception {
        Path out = dir.resolve("ok.out");
        Files.writeString(out, "TLC2 Version 2.18\nModel checking completed. No error has been found.\n");
        assertThatThrownBy(() -> Explain.load(out, null)).isInstanceOf(FormatError.class).hasMessageContaining("no error trace");
    }

    @Test
    void anOutputCutInsideAStateSaysSoAndDropsTheHalfState() throws Exception {
        String whole = FixtureRepo.read("tlc-invariant.out");
        Trace complete = TlcTrace.parse(whole, "m");
        assertThat(complete.title).doesNotContain("incomplete");
        assertThat(complete.note).doesNotContain("Incomplete");
        // cut after the first variable line of the last state
        java.util.regex.Matcher h = java.util.regex.Pattern.compile("(?m)^(State )?\\d+: <").matcher(whole);
        int lastState = -1;
        while (h.find()) {
            lastState = h.start();
        }
        int cutAt = whole.indexOf("/\\ ", lastState);
        cutAt = whole.indexOf('\n', cutAt);
        Trace t = TlcTrace.parse(whole.substring(0, cutAt), "m");
        Formats.validate("test", t);
        assertThat(t.title).endsWith("(incomplete)");
        assertThat(t.note).startsWith("Incomplete: the output ends inside state");
        assertThat(t.steps).hasSize(complete.steps.size() - 1);
    }

    @Test
    void anOutputCutBetweenStatesSaysTheTraceMayGoOn() throws Exception {
        String whole = FixtureRepo.read("tlc-invariant.out");
        Trace complete = TlcTrace.parse(whole, "m");
        int closing = whole.indexOf("states generated", whole.lastIndexOf("/\\ "));
        int cutAt = whole.lastIndexOf("@!@!@STARTMSG", closing);
        Trace t = TlcTrace.parse(whole.substring(0, cutAt), "m");
        assertThat(t.title).endsWith("(incomplete)");
        assertThat(t.note).startsWith("Incomplete: TLC's closing lines");
        assertThat(t.steps).hasSize(complete.steps.size());
    }

    @Test
    void aLassoCutAfterItsLoopLineIsWholeAndKeepsItsLoopStep() throws Exception {
        String whole = FixtureRepo.read("tlc-temporal.out");
        Trace complete = TlcTrace.parse(whole, "m");
        int loopLine = whole.indexOf("Back to state");
        int cutAt = whole.indexOf('\n', loopLine) + 1;
        Trace t = TlcTrace.parse(whole.substring(0, cutAt), "m");
        assertThat(t.title).doesNotContain("incomplete");
        assertThat(t.steps).hasSize(complete.steps.size());
        assertThat(t.steps.get(t.steps.size() - 1).label).startsWith("Back to state");
    }
}
