package io.procspec.stress.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.openjdk.jcstress.annotations.Actor;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stress layer's part of {@code ./procspec check}: progress lines ({@code [procspec] {json}})
 * while jcstress runs, and the layer summary {@code target/procspec/summary.json}
 * ({@code procspec.layer/1}, report/README.md) with one item per test, plus a
 * {@code procspec.trace/1} file for every test that showed a FORBIDDEN outcome.
 *
 * <p>Both runs of {@code mvn verify} (the suite, and the broken variants that must show their bug)
 * write a part ({@code parts/main.json}, {@code parts/broken.json}) stamped with the Maven build's
 * id; the summary is rebuilt from the parts of the same build, so a part left by an earlier build
 * never shows up as this build's result.
 */
final class LayerReport {
    private LayerReport() {}

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Prints one progress line. */
    static void progress(PrintStream o, String event, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", "stress");
        m.put("event", event);
        m.putAll(fields);
        try {
            o.println("[procspec] " + JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        o.flush();
    }

    static String shortName(String test) {
        return test.startsWith("io.procspec.stress.") ? test.substring("io.procspec.stress.".length()) : test;
    }

    /** The layer items of one run. */
    static List<Map<String, Object>> items(Collection<Summarize.Row> rows, boolean expectForbidden, Path layerDir) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Summarize.Row r : rows) {
            String name = shortName(r.test);
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("name", name);
            String verdict;
            if (r.status.equals("SKIPPED")) {
                verdict = "skipped";
            } else if (expectForbidden) {
                verdict = r.forbiddenSeen && !r.status.equals("ERROR") && !r.status.equals("MISSING") ? "pass" : "fail";
            } else {
                verdict = r.status.equals("PASSED") ? "pass" : "fail";
            }
            it.put("verdict", verdict);
            it.put("expected", expectForbidden ? "violation" : "pass");
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("actors", r.actors);
            if (!r.status.equals("SKIPPED")) {
                figures.put("samples", r.samples);
                long forbidden = 0;
                for (Summarize.Outcome oc : r.outcomes) {
                    if (oc.expect.equals("FORBIDDEN")) {
                        forbidden += oc.count;
                    } else if (oc.count > 0) {
                        figures.put("[" + oc.id + "]", oc.count);
                    }
                }
                figures.put("forbidden", forbidden);
            }
            it.put("figures", figures);
            List<String> detail = new ArrayList<>();
            detail.add(r.status + (r.jcstressStatus.isEmpty() || r.jcstressStatus.equals("NORMAL") ? "" : " (jcstress " + r.jcstressStatus + ")"));
            if (!r.note.isEmpty()) {
                detail.add(r.note);
            }
            r.messages.stream().limit(3).forEach(detail::add);
            it.put("detail", String.join("; ", detail));
            if (r.forbiddenSeen) {
                String file = "traces/" + name + ".json";
                writeTrace(layerDir.resolve(file), r, name);
                it.put("counterexample", file);
            }
            items.add(it);
        }
        return items;
    }

    /**
     * A forbidden outcome as a trace: jcstress records outcomes, not interleavings, so the trace
     * shows each actor of the test as a lane with one step, and the forbidden result on its own lane.
     */
    static void writeTrace(Path file, Summarize.Row r, String name) throws IOException {
        List<String> actors = new ArrayList<>();
        try {
            Class<?> c = Class.forName(r.test);
            Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Actor.class))
                    .map(Method::getName).sorted().forEach(actors::add);
        } catch (ClassNotFoundException e) {
            actors.add("actors");
        }
        for (Summarize.Outcome oc : r.outcomes) {
            if (!oc.expect.equals("FORBIDDEN") || oc.count == 0) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("schema", "procspec.trace/1");
            t.put("source", "jcstress");
            t.put("title", name + ": FORBIDDEN outcome [" + oc.id + "] seen " + oc.count + " times in " + r.samples + " samples");
            t.put("model", r.test);
            t.put("property", "FORBIDDEN outcome");
            List<String> lanes = new ArrayList<>(actors);
            lanes.add("result");
            t.put("lanes", lanes);
            List<Map<String, Object>> steps = new ArrayList<>();
            int i = 0;
            for (String a : actors) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("index", ++i);
                s.put("lane", a);
                s.put("label", a);
                s.put("function", "@Actor " + a + "(), concurrently with the others");
                s.put("changes", Map.of());
                steps.add(s);
            }
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("index", ++i);
            res.put("lane", "result");
            res.put("label", "outcome");
            res.put("function", "result fields after the actors (and the arbiter)");
            Map<String, List<String>> changes = new LinkedHashMap<>();
            String[] vals = oc.id.split(",\\s*");
            for (int k = 0; k < vals.length; k++) {
                changes.put("r" + (k + 1), List.of("", vals[k]));
            }
            res.put("changes", changes);
            steps.add(res);
            t.put("steps", steps);
            t.put("replay", "java -cp stress/target/jcstress.jar io.procspec.stress.tools.StressRun "
                    + (r.test.contains(".broken.") ? "--broken " : "") + "-t '" + name.replace("broken.", "") + "$'");
            t.put("note", oc.desc + " (jcstress records outcomes, not interleavings: the actors ran at once, "
                    + "so the steps above have no order.)");
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), t);
            return; // one trace per test: its most common forbidden outcome comes first in jcstress's grading
        }
    }

    /** Writes this run's part and rebuilds the summary from the parts of the same build. */
    static void writePart(Path layerDir, String part, String buildId, Map<String, Object> content) throws IOException {
        Path parts = layerDir.resolve("parts");
        Files.createDirectories(parts);
        content.put("buildId", buildId);
        JSON.writeValue(parts.resolve(part + ".json").toFile(), content);
        List<Map<String, Object>> same = new ArrayList<>();
        try (Stream<Path> s = Files.list(parts)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.comparing(Path::toString))::iterator) {
                Map<String, Object> m = JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() {});
                if (buildId.equals(m.get("buildId"))) {
                    same.add(m);
                }
            }
        }
        // the suite first, then the broken variants
        same.sort(Comparator.comparing(m -> "main".equals(m.get("part")) ? 0 : 1));
        Map<String, Object> summary = summary(same);
        Path tmp = layerDir.resolve("summary.json.tmp");
        JSON.writeValue(tmp.toFile(), summary);
        Files.move(tmp, layerDir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(List<Map<String, Object>> parts) {
        List<Object> items = new ArrayList<>();
        String startedAt = null;
        double seconds = 0;
        Map<String, Object> env = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        boolean ranOk = true;
        Map<String, Long> labels = new java.util.TreeMap<>();
        for (Map<String, Object> p : parts) {
            Object l = p.get("labels");
            if (l instanceof Map<?, ?> lm) {
                lm.forEach((k, v) -> labels.merge(String.valueOf(k), ((Number) v).longValue(), Long::sum));
            }
            items.addAll((List<Object>) p.get("items"));
            String st = (String) p.get("startedAt");
            if (startedAt == null || st.compareTo(startedAt) < 0) {
                startedAt = st;
            }
            seconds += ((Number) p.get("seconds")).doubleValue();
            env.putAll((Map<String, Object>) p.get("environment"));
            commands.add((String) p.get("command"));
            ranOk &= Boolean.TRUE.equals(p.get("ranOk"));
        }
        long pass = 0, fail = 0, skipped = 0, caught = 0, samples = 0;
        List<String> failed = new ArrayList<>();
        List<String> skippedNames = new ArrayList<>();
        for (Object o : items) {
            Map<String, Object> it = (Map<String, Object>) o;
            Object smp = ((Map<String, Object>) it.get("figures")).get("samples");
            if (smp instanceof Number n) {
                samples += n.longValue();
            }
            switch ((String) it.get("verdict")) {
                case "pass" -> {
                    pass++;
                    if ("violation".equals(it.get("expected"))) {
                        caught++;
                    }
                }
                case "fail" -> {
                    fail++;
                    failed.add((String) it.get("name"));
                }
                default -> {
                    skipped++;
                    skippedNames.add((String) it.get("name"));
                }
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema", "procspec.layer/1");
        s.put("layer", "stress");
        s.put("title", "jcstress");
        String verdict = fail > 0 || !ranOk ? "fail" : items.isEmpty() ? "skipped" : skipped > 0 ? "partial" : "pass";
        s.put("verdict", verdict);
        s.put("reason", switch (verdict) {
            case "fail" -> fail > 0 ? fail + " failed: " + String.join(", ", failed) : "jcstress did not complete (see jcstress.log)";
            case "skipped" -> "no test selected";
            case "partial" -> skipped + " not run, more actors than CPUs in use: " + String.join(", ", skippedNames);
            default -> null;
        });
        s.put("startedAt", startedAt);
        s.put("seconds", Math.round(seconds * 10) / 10.0);
        s.put("command", String.join(" ; ", commands));
        s.put("environment", env);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tests", items.size());
        figures.put("passed", pass);
        figures.put("broken variants caught", caught);
        figures.put("failed", fail);
        figures.put("skipped", skipped);
        figures.put("samples", samples);
        s.put("figures", figures);
        s.put("items", items);
        if (!labels.isEmpty()) {
            // from LabelPass: each test's actors run once, one after the other, with a counting hook
            s.put("labels", labels);
        }
        return s;
    }

    /** The part's header. */
    static Map<String, Object> part(String part, Instant startedAt, double seconds, String command, boolean ranOk,
                                    Map<String, Object> env, List<Map<String, Object>> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("part", part);
        m.put("startedAt", startedAt.toString());
        m.put("seconds", seconds);
        m.put("command", command);
        m.put("ranOk", ranOk);
        m.put("environment", env);
        m.put("items", items);
        return m;
    }
}
