package io.procspec.spec;

import io.procspec.runtime.Labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceTableTest {
    @Test
    void rendersStepsProcessesLabelsAndChanges() throws IOException {
        TlcResult r = TlcOutputParser.parse("bug", TlcOutputParserTest.resource("tlc-invariant.out"), 12,
                Duration.ofSeconds(1), false);
        SpecLayout layout = SpecLayout.detect();
        Map<String, PlusCalSource.Label> labels = PlusCalSource.parse(layout.tlaDir().resolve("GFree.tla")).labelsByName();
        String table = TraceTable.render(r.trace(), labels, "P");
        assertThat(table).contains("step", "proc", "label", "proc.go", "changed");
        assertThat(table).contains(Labels.GFGET_CHECK).contains("P1").contains("gfget");
        assertThat(table).contains("gFreeLocalN[");
        assertThat(table).doesNotContain("pc[");
    }

    @Test
    void diffsElementByElement() {
        TraceState a = new TraceState(1, "Initial predicate",
                Map.of("pc", "<<\"a\", \"b\">>", "h", "<<0, 0>>", "rec", "[x |-> 1, y |-> 2]"));
        TraceState b = new TraceState(2, "a", Map.of("pc", "<<\"c\", \"b\">>", "h", "<<5, 0>>", "rec", "[x |-> 1, y |-> 3]"));
        String t = TraceTable.render(List.of(a, b), Map.of(), "M");
        assertThat(t).contains("M1").contains("h[1]: 0 -> 5").contains("rec.y: 2 -> 3").doesNotContain("h[2]");
    }

    @Test
    void anIntervalEqualsTheSameSet() {
        TraceState a = new TraceState(1, "Initial predicate", Map.of("hand", "<<3..4, {}>>"));
        TraceState b = new TraceState(2, "x", Map.of("hand", "<<{3, 4}, {}>>"));
        assertThat(TraceTable.render(List.of(a, b), Map.of(), "P")).contains("(no variable changed)");
    }
}
