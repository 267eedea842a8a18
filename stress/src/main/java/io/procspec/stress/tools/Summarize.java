package io.procspec.stress.tools;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads jcstress's result blob ({@code jcstress-results-*.bin.gz}), grades every test as jcstress
 * does, and writes a small machine-readable summary: {@code summary.json} and {@code summary.tsv}.
 *
 * <p>Usage: {@code java -cp jcstress.jar io.procspec.stress.tools.Summarize RESULTS.bin.gz OUTDIR}
 * (the runner {@link StressRun} calls it with the skipped tests and the run's settings too).
 */
public final class Summarize {

    /** JSON with Jackson (pretty, fields in declaration order). */
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One test's line in the summary. */
    @JsonPropertyOrder({"test", "actors", "status", "jcstressStatus", "samples", "forbiddenSeen", "interestingSeen",
            "note", "outcomes", "messages"})
    public static final class Row {
        public final String test;
        public final int actors;
        /** PASSED, FAILED (a FORBIDDEN outcome seen), ERROR (jcstress status not NORMAL), SKIPPED, MISSING. */
        public String status;
        public String jcstressStatus = "";
        public long samples;
        /** FORBIDDEN outcomes were observed (for the broken variants, this is the point). */
        public boolean forbiddenSeen;
        public boolean interestingSeen;
        public final List<Outcome> outcomes = new ArrayList<>();
        public final List<String> messages = new ArrayList<>();
        public String note = "";

        Row(String test, int actors) {
            this.test = test;
            this.actors = actors;
        }
    }

    /** One outcome of a test: declared (count may be 0) or observed. */
    @JsonPropertyOrder({"id", "expect", "count", "desc"})
    public static final class Outcome {
        public final String id;
        public final String expect;
        public final long count;
        public final String desc;

        Outcome(String id, String expect, long count, String desc) {
            this.id = id;
            this.expect = expect;
            this.count = count;
            this.desc = desc;
        }
    }

    private Summarize() {}

    /** Reads a result blob into one merged, graded row per test (keyed by test name). */
    public static Map<String, Row> read(Path blob, Map<String, Integer> actorsByTest) throws IOException {
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector drc = new DiskReadCollector(blob.toString(), collector);
        try {
            drc.dump();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read " + blob + ": " + e, e);
        } finally {
            drc.close();
        }
        Collection<TestResult> results = collector.getTestResults();
        Map<String, Row> rows = new TreeMap<>();
        for (TestResult r : ReportUtils.mergedByName(results)) {
            Row row = new Row(r.getName(), actorsByTest.getOrDefault(r.getName(), r.getConfig() == null ? 0 : r.getConfig().threads));
            row.jcstressStatus = r.status().name();
            row.samples = r.getTotalCount();
            TestGrading g = r.grading();
            for (GradingResult gr : g.gradingResults.values()) {
                row.outcomes.add(new Outcome(gr.id, gr.expect.name(), gr.count, gr.description));
                if (gr.count > 0 && gr.expect == Expect.FORBIDDEN) {
                    row.forbiddenSeen = true;
                }
                if (gr.count > 0 && gr.expect == Expect.ACCEPTABLE_INTERESTING) {
                    row.interestingSeen = true;
                }
            }
            for (String m : g.failureMessages) {
                row.messages.add(m);
            }
            for (String m : r.getMessages()) {
                if (!ReportUtils.skipMessage(m)) {
                    row.messages.add(m);
                }
            }
            if (r.status() != Status.NORMAL) {
                row.status = "ERROR";
            } else if (!g.isPassed) {
                row.status = "FAILED";
            } else {
                row.status = "PASSED";
            }
            rows.put(row.test, row);
        }
        return rows;
    }

    /** Writes summary.json and summary.tsv into dir. */
    public static void write(Path dir, Map<String, Object> header, Collection<Row> rows) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("summary.json"), json(header, rows).getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("summary.tsv"), tsv(rows).getBytes(StandardCharsets.UTF_8));
    }

    static String tsv(Collection<Row> rows) {
        StringBuilder sb = new StringBuilder("test\tactors\tstatus\tsamples\tforbidden_seen\toutcomes\n");
        for (Row r : rows) {
            sb.append(r.test).append('\t').append(r.actors).append('\t').append(r.status).append('\t')
                    .append(r.samples).append('\t').append(r.forbiddenSeen).append('\t');
            List<String> parts = new ArrayList<>();
            for (Outcome o : r.outcomes) {
                parts.add("[" + o.id + "]=" + o.count + ":" + o.expect);
            }
            sb.append(String.join("; ", parts)).append('\n');
        }
        return sb.toString();
    }

    /** The JSON of summary.json (format in README.md): the header's entries, then "tests". */
    static String json(Map<String, Object> header, Collection<Row> rows) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.put("tests", new ArrayList<>(rows));
        return JSON.writeValueAsString(doc) + "\n";
    }

    /** Standalone: {@code Summarize RESULTS.bin.gz OUTDIR}. Exit 1 if any test failed or errored. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Summarize <jcstress-results-*.bin.gz> <outdir>");
            System.exit(2);
        }
        Map<String, Row> rows = read(Paths.get(args[0]), Map.of());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("source", args[0]);
        boolean ok = rows.values().stream().allMatch(r -> r.status.equals("PASSED"));
        header.put("passed", ok);
        write(Paths.get(args[1]), header, rows.values());
        StressRun.printTable(System.out, rows.values());
        System.exit(ok ? 0 : 1);
    }
}
