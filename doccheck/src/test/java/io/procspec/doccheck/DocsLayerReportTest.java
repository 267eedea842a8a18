package io.procspec.doccheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs layer's summary follows procspec.layer/1 (report/README.md) and never shows a failure as passed. */
class DocsLayerReportTest {
    @TempDir
    Path dir;

    static Runner.Result result(int line, String klass, String status, Integer exit) {
        return new Runner.Result("README.md", line, "mvn x" + line, klass, status, 1.5, exit, "logs/block" + line + ".log");
    }

    JsonNode write(DocsLayerReport r) throws Exception {
        r.write(dir);
        assertThat(dir.resolve("summary.json.tmp")).doesNotExist();
        return DocsLayerReport.JSON.readTree(Files.readString(dir.resolve("summary.json")));
    }

    static List<String> names(JsonNode s) {
        List<String> n = new ArrayList<>();
        s.get("items").forEach(i -> n.add(i.get("name").asText()));
        return n;
    }

    @Test
    void everyCommandRanAndPassed() throws Exception {
        DocsLayerReport r = new DocsLayerReport(dir, "ci", null);
        r.classified(List.of(), null);
        r.ran(List.of(result(1, "run", "passed", 0), result(2, "long", "not selected", null),
                result(3, "manual", "manual", null)), "abc123", List.of());
        JsonNode s = write(r);
        assertThat(s.get("schema").asText()).isEqualTo("procspec.layer/1");
        assertThat(s.get("layer").asText()).isEqualTo("docs");
        assertThat(s.get("verdict").asText()).isEqualTo("pass");
        assertThat(s.get("reason").isNull()).isTrue();
        assertThat(names(s)).containsExactly("classification", "README.md:1 mvn x1", "README.md:2 mvn x2", "README.md:3 mvn x3");
        assertThat(s.get("items").get(1).get("verdict").asText()).isEqualTo("pass");
        assertThat(s.get("items").get(2).get("verdict").asText()).isEqualTo("skipped");
        assertThat(s.get("items").get(2).get("detail").asText()).contains("not selected in mode ci");
        assertThat(s.get("figures").get("commands run").asInt()).isEqualTo(1);
        assertThat(s.get("environment").get("commit").asText()).isEqualTo("abc123");
    }

    @Test
    void aFailingCommandOrAnUnclassifiedOneFailsTheLayer() throws Exception {
        DocsLayerReport r = new DocsLayerReport(dir, "ci", null);
        r.classified(List.of("documented commands missing from doccheck/commands.tsv: x"), null);
        r.ran(List.of(result(1, "run", "timeout", null), result(1, "run", "not run", null)), "abc", List.of("a note"));
        JsonNode s = write(r);
        assertThat(s.get("verdict").asText()).isEqualTo("fail");
        assertThat(s.get("reason").asText()).contains("not classified", "1 documented command fails");
        assertThat(s.get("items").get(0).get("verdict").asText()).isEqualTo("fail");
        assertThat(s.get("items").get(1).get("detail").asText()).contains("timeout", "logs/block1.log");
        assertThat(names(s)).doesNotHaveDuplicates();
    }

    @Test
    void commandsThatCouldNotRunMakeTheLayerPartialNotPassed() throws Exception {
        DocsLayerReport r = new DocsLayerReport(dir, "ci", null);
        r.classified(List.of(), null);
        r.notRun("-Dprocspec.docs.skip=true");
        JsonNode s = write(r);
        assertThat(s.get("verdict").asText()).isEqualTo("partial");
        assertThat(s.get("reason").asText()).contains("not run", "docs.skip");
        DocsLayerReport stopped = new DocsLayerReport(dir, "ci", null);
        stopped.classified(List.of(), null);
        stopped.runStopped("java.io.IOException: clone failed");
        assertThat(write(stopped).get("verdict").asText()).isEqualTo("fail");
    }
}
