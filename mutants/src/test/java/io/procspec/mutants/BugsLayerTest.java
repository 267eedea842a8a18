package io.procspec.mutants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procspec.mutants.hunt.Hunt;
import io.procspec.mutants.runner.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bugs layer in {@code mvn verify} (CI, quick): a fixed, small set of catalogued bugs, one or
 * more per kind the in-process layers can see, each run through the controlled hunt and the
 * weak-memory hunt on its Java twin; each must be caught by the layer expected to catch it, and
 * the port as it is by neither. Writes {@code mutants/target/procspec/summary.json}
 * ({@code procspec.layer/1}, layer {@code bugs}). The full matrix, every bug through every layer
 * on a patched scratch copy, is the bug runner's ({@code mutants/README.md}).
 */
class BugsLayerTest {

    /** The CI subset: bug → the in-process layer that must catch it. */
    static final Map<String, String> SUBSET = new LinkedHashMap<>();

    static {
        SUBSET.put("tail_before_slot", "hunt");          // order
        SUBSET.put("runqgrab_no_cas", "hunt");           // lost atomicity
        SUBSET.put("runqempty_one_tail_read", "hunt");   // historical (Go CL 20858)
        SUBSET.put("runqgrab_floor_half_plus_one", "hunt"); // arithmetic
        SUBSET.put("gfput_no_split", "hunt");            // historical, free lists
        SUBSET.put("runqdrain_load_before_cas", "hunt"); // historical (Go's reverted CL 310149)
        SUBSET.put("runqtail_plain_store", "weak");      // memory ordering: only the weak-memory mode
        SUBSET.put("runqput_runnext_cas_plain", "weak"); // memory ordering: the G's fields (goid, startpc) routed
        SUBSET.put("runqgrab_cas_plain", "weak");        // memory ordering: load buffering (a justified second run)
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(240)
    void theCiSubsetIsCaughtAndTheLayerSummaryIsWritten() throws Exception {
        Path root = Path.of(System.getProperty("procspec.root", "..")).toAbsolutePath().normalize();
        Path results = root.resolve("mutants/target/bug-matrix-quick/results");
        Files.createDirectories(results);
        try (var s = Files.list(results)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.delete(f);
            }
        }
        long t0 = System.nanoTime();
        record(results, "real", null, Hunt.hunt(QueueOps::real, 1, 100_000, 60, false),
                Hunt.hunt(QueueOps::real, 1, 100_000, 60, true));
        for (Map.Entry<String, String> e : SUBSET.entrySet()) {
            String bug = e.getKey();
            Hunt.Result sc = Hunt.hunt(p -> Catalogue.ops(bug, p), 1, 100_000, 30, false);
            Hunt.Result weak = Hunt.hunt(p -> Catalogue.ops(bug, p), 1, 100_000, 30, true);
            record(results, bug, Catalogue.bug(bug), sc, weak);
            Hunt.Result expected = e.getValue().equals("weak") ? weak : sc;
            assertThat(expected.caught()).as("%s caught by the %s hunt", bug, e.getValue()).isTrue();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode real = JSON.readTree(results.resolve("real.json").toFile());
        assertThat(real.path("layers").path("hunt").path("verdict").asText()).isEqualTo("missed");
        assertThat(real.path("layers").path("weak").path("verdict").asText()).isEqualTo("missed");

        Path summary = root.resolve("mutants/target/procspec/summary.json");
        Matrix.read(results, root).writeSummary(summary, List.of("hunt", "weak"));
        ObjectNode s = (ObjectNode) JSON.readTree(summary.toFile());
        s.put("title", "Bug catalogue: the CI subset (the full matrix is the bug runner's)");
        s.put("seconds", Math.round(seconds * 10) / 10.0);
        s.put("command", "mvn -pl mutants -am verify");
        ((ObjectNode) s.get("environment")).put("mode", "quick");
        ObjectNode f = (ObjectNode) s.get("figures");
        f.put("bugs in the catalogue", Catalogue.all().size());
        f.put("kept as patches", Patches.all().size());
        f.put("equivalent mutants", Patches.all().values().stream().filter(Patch::equivalent).count());
        f.put("full matrix", "java -cp ... io.procspec.mutants.runner.BugRunner (mutants/README.md)");
        JSON.writerWithDefaultPrettyPrinter().writeValue(summary.toFile(), s);
        assertThat(s.path("verdict").asText()).isEqualTo("pass");
        assertThat(s.path("items")).hasSize(SUBSET.size());
    }

    private static void record(Path dir, String name, Bug bug, Hunt.Result sc, Hunt.Result weak) throws Exception {
        ObjectNode r = JSON.createObjectNode();
        r.put("bug", name);
        if (bug != null) {
            r.put("category", bug.category().name());
            r.put("equivalent", false);
            r.put("twin", true);
        }
        ObjectNode ls = r.putObject("layers");
        ls.set("hunt", cell(sc));
        ls.set("weak", cell(weak));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(name + ".json").toFile(), r);
    }

    private static ObjectNode cell(Hunt.Result h) {
        ObjectNode c = JSON.createObjectNode();
        c.put("verdict", h.caught() ? "caught" : "missed");
        c.put("seconds", Math.round(h.seconds() * 10) / 10.0);
        c.put("detail", h.caught() ? "scenario '" + h.scenario() + "', preemption bound " + h.preemptionBound() + ": "
                + h.failure() : h.executions() + " interleavings up to preemption bound " + h.preemptionBound());
        if (h.caught()) {
            c.put("counterexampleSteps", h.steps());
            c.put("replay", "Schedule.of(" + h.failing().choices() + ")");
        }
        return c;
    }
}
