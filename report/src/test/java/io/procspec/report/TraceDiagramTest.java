package io.procspec.report;

import io.procspec.report.model.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TraceDiagramTest {
    @TempDir
    Path dir;

    @Test
    void drawsLanesStepsAndQueuesAsSvgTextAndTable() throws Exception {
        FixtureRepo.copy("spec.trace.json", dir.resolve("t.json"));
        Trace t = Formats.readTrace(dir.resolve("t.json"));
        String svg = TraceDiagram.svg(t);
        assertThat(svg).contains("<svg").contains("P1").contains("P2").contains("runqput_storetail")
                .contains("runqtail[1]: 0 &#8594; 1").contains("P1 [g1]")
                .contains("batch[2]: &lt;&lt;&gt;&gt; &#8594; &lt;&lt;nil&gt;&gt;");
        String text = TraceDiagram.text(t);
        assertThat(text).contains("runqgrab_copy").contains("P2");
        assertThat(TraceDiagram.table(t)).hasSize(4);
        assertThat(TraceDiagram.textTable(t)).contains("runq[1][0]: nil → g1").contains("queues after");
    }

    @Test
    void markupInDataIsShownAsWritten() {
        Trace t = new Trace();
        t.source = "property";
        t.lanes.add("thread **1**");
        Trace.Step s = new Trace.Step();
        s.index = 1;
        s.lane = "thread **1**";
        s.label = "a_b__c--d";
        s.changes.put("x<y>", java.util.List.of("[1]", "//2"));
        s.changes.put("p0", java.util.List.of("[h=0 t=2 [g1,g2]]", "<<1, 2>> ==x ^^y ||z ##w ~~v 1..4 \"\"q\"\""));
        t.steps.add(s);
        String svg = TraceDiagram.svg(t);
        assertThat(svg).contains("a_b__c--d").contains("thread **1**").contains("x&lt;y&gt;: [1] &#8594; //2")
                .contains("p0: [h=0 t=2 [g1,g2]] &#8594; &lt;&lt;1, 2&gt;&gt; ==x ^^y ||z ##w ~~v 1..4 \"\"q\"\"");
    }
}
