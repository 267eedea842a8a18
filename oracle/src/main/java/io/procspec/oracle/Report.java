package io.procspec.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procspec.runtime.Labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes what the oracle found, under one folder ({@code oracle/target/procspec/} in CI):
 * <ul>
 *   <li>{@code summary.json}: the layer summary ({@code procspec.layer/1}), one item per
 *       (pattern, Go release);</li>
 *   <li>{@code traces/ITEM.json}: for an item with a mismatch, the first one as a
 *       {@code procspec.trace/1} (source {@code oracle}), lanes {@code go} and {@code java}: the
 *       goroutine each side ran at each position around the divergence, and on the Java lane
 *       the schedtick and the P's queues at that moment;</li>
 *   <li>{@code repro/ITEM/main.go} (+ {@code go.mod}, {@code run.sh}): the Go program of that
 *       pattern alone, to rerun by hand;</li>
 *   <li>{@code go-orders/ITEM.json} ({@code procspec.goorder/1}): the clean Go orders recorded for
 *       each (pattern, release) up to a size, with the pattern's tree and the aligned phases: the
 *       input for checking a real Go run against the spec (trace validation in
 *       {@code conformance/}).</li>
 * </ul>
 */
public final class Report {

    /** The layer summary's schema. */
    public static final String LAYER_SCHEMA = "procspec.layer/1";
    /** The trace schema. */
    public static final String TRACE_SCHEMA = "procspec.trace/1";
    /** The recorded Go orders' schema. */
    public static final String GOORDER_SCHEMA = "procspec.goorder/2";
    /** The property the oracle checks, by one name in every report. */
    public static final String PROPERTY = "SameOrderAsGo";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {}

    /**
     * How this run was asked for, for the summary.
     *
     * @param command        how to reproduce this layer alone
     * @param seed           the random patterns' seed (a string), or null
     * @param goOrderMaxSize record Go orders of patterns up to this many goroutines
     */
    public record Context(String command, String seed, int goOrderMaxSize) {}

    /** A JSON string literal. */
    static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file name for an item: letters, digits, {@code . _ -}; other characters become {@code _}. */
    static String fileName(String itemName) {
        String s = itemName.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+$", "");
        if (s.length() > 100) {
            s = s.substring(0, 80) + "_" + GoBuilder.hash(itemName);
        }
        return s;
    }

    /** The layer verdict: fail if any item failed; partial if some were skipped; else pass. */
    static String verdict(List<Oracle.Item> items) {
        boolean skipped = false;
        for (Oracle.Item it : items) {
            switch (it.verdict()) {
                case "fail" -> {
                    return "fail";
                }
                case "skipped" -> skipped = true;
                default -> { }
            }
        }
        if (items.isEmpty()) {
            return "skipped";
        }
        return skipped ? "partial" : "pass";
    }

    /** One line: why the layer is not a plain pass (null when it is). */
    static String reason(List<Oracle.Item> items) {
        List<String> failed = new ArrayList<>();
        int skipped = 0;
        for (Oracle.Item it : items) {
            if (it.verdict().equals("fail")) {
                failed.add(it.name());
            } else if (it.verdict().equals("skipped")) {
                skipped++;
            }
        }
        if (!failed.isEmpty()) {
            return failed.size() + " item(s) failed: " + String.join(", ", failed.subList(0, Math.min(5, failed.size())))
                    + (failed.size() > 5 ? ", ..." : "");
        }
        if (skipped > 0) {
            return skipped + " item(s) skipped: every sample perturbed (nothing compared)";
        }
        return items.isEmpty() ? "nothing to check" : null;
    }

    /** The environment block of a summary. */
    static ObjectNode environment(Context ctx, List<GoToolchain> toolchains) {
        ObjectNode env = JSON.createObjectNode();
        env.put("jdk", System.getProperty("java.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        if (ctx.seed() != null) {
            env.put("seed", ctx.seed());
        }
        List<String> vs = new ArrayList<>();
        for (GoToolchain t : toolchains) {
            vs.add(t.version());
        }
        env.put("go", String.join(", ", vs));
        env.put("goEnv", GoProgram.envPrefix());
        return env;
    }

    /**
     * Writes the summary of a layer that could not run (no Go toolchain): verdict skipped.
     *
     * @return the summary file
     */
    public static Path writeSkipped(Path dir, Context ctx, String reason, Instant startedAt) throws IOException {
        ObjectNode s = JSON.createObjectNode();
        s.put("schema", LAYER_SCHEMA);
        s.put("layer", "oracle");
        s.put("title", "The Go runtime as oracle");
        s.put("verdict", "skipped");
        s.put("reason", reason);
        s.put("startedAt", startedAt.toString());
        s.put("seconds", 0.0);
        s.put("command", ctx.command());
        s.set("environment", environment(ctx, List.of()));
        s.set("figures", JSON.createObjectNode().put("toolchains", 0));
        s.set("items", JSON.createArrayNode());
        Files.createDirectories(dir);
        Path f = dir.resolve("summary.json");
        write(f, s);
        return f;
    }

    /**
     * Writes everything about a run under {@code dir}.
     *
     * @return the summary file
     */
    public static Path write(Oracle.Result r, Path dir, Context ctx) throws IOException {
        Files.createDirectories(dir);
        ObjectNode s = JSON.createObjectNode();
        s.put("schema", LAYER_SCHEMA);
        s.put("layer", "oracle");
        s.put("title", "The Go runtime as oracle");
        String verdict = verdict(r.items());
        s.put("verdict", verdict);
        s.put("reason", reason(r.items()));
        s.put("startedAt", r.startedAt().toString());
        s.put("seconds", round(r.seconds()));
        s.put("command", ctx.command());
        s.set("environment", environment(ctx, r.toolchains()));

        int samples = 0;
        int runs = 0;
        int reruns = 0;
        int matches = 0;
        int mismatches = 0;
        int inconclusive = 0;
        int errors = 0;
        Set<String> patterns = new HashSet<>();
        Set<String> synchronizing = new HashSet<>();
        long goreadies = 0;
        long parks = 0;
        long gosched = 0;
        ArrayNode items = JSON.createArrayNode();
        for (Oracle.Item it : r.items()) {
            patterns.add(it.spec.pattern().name());
            if (it.spec.pattern().synchronizes()) {
                synchronizing.add(it.spec.pattern().name());
            }
            if (it.counts() != null && it.spec.expected().equals("pass")) {
                goreadies += it.counts().goreadies();
                parks += it.counts().parks();
                gosched += it.counts().yields();
            }
            samples += it.samples();
            runs += it.runs();
            reruns += it.reruns();
            inconclusive += it.inconclusive();
            errors += it.errors().size();
            if (it.spec.expected().equals("pass")) {
                matches += it.matches();
                mismatches += it.mismatches();
            }
            items.add(item(it, dir, ctx));
        }
        ObjectNode fig = JSON.createObjectNode();
        fig.put("patterns", patterns.size());
        fig.put("patterns that yield or wait", synchronizing.size());
        // summed over the items' first matched Java runs (each pattern once per Go release)
        fig.put("gosched in matched runs", gosched);
        fig.put("parks in matched runs", parks);
        fig.put("goreadies in matched runs", goreadies);
        fig.put("toolchains", r.toolchains().size());
        fig.put("items", r.items().size());
        fig.put("samples", samples);
        fig.put("runs", runs);
        fig.put("reruns", reruns);
        fig.put("matches", matches);
        fig.put("mismatches", mismatches);
        fig.put("inconclusive", inconclusive);
        fig.put("errors", errors);
        fig.put("builds", r.builds());
        fig.put("buildSeconds", round(r.buildSeconds()));
        s.set("figures", fig);
        s.set("items", items);
        ObjectNode labels = JSON.createObjectNode();
        r.labels().forEach(labels::put);
        s.set("labels", labels);
        Path f = dir.resolve("summary.json");
        write(f, s);
        return f;
    }

    private static ObjectNode item(Oracle.Item it, Path dir, Context ctx) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", it.name());
        o.put("verdict", it.verdict());
        o.put("expected", it.spec.expected());
        ObjectNode f = JSON.createObjectNode();
        f.put("samples", it.samples());
        f.put("runs", it.runs());
        f.put("reruns", it.reruns());
        f.put("matches", it.matches());
        f.put("mismatches", it.mismatches());
        f.put("inconclusive", it.inconclusive());
        f.put("errors", it.errors().size());
        Pattern pat = it.spec.pattern();
        f.put("goroutines", pat.size());
        if (pat.synchronizes()) {
            f.put("runs of goroutines", pat.events());
            f.put("yield actions", pat.yields());
            f.put("wait actions", pat.waits());
            f.put("ready actions", pat.readies());
        }
        JavaSide.Counts c = it.counts();
        if (c != null && pat.synchronizes()) {
            // what the first matched Java run did: how many waits parked and were goreadied
            f.put("gosched", c.yields());
            f.put("parks", c.parks());
            f.put("goreadies", c.goreadies());
            f.put("buffered wake-ups", c.buffered());
        }
        f.put("go", it.spec.go().version());
        f.put("model", it.model.summary());
        f.put("javaOrders", it.javaDistinctOrders);
        if (it.source != null) {
            f.put("program", it.source.toAbsolutePath().toString());
        }
        if (!it.phases().isEmpty()) {
            f.put("phases", JavaSide.format(it.phases()));
        }
        if (it.maxElapsedNanos > 0) {
            f.put("elapsedMsMin", round(it.minElapsedNanos / 1e6));
            f.put("elapsedMsMax", round(it.maxElapsedNanos / 1e6));
        }
        it.perturbed().forEach((k, v) -> f.put("perturbed " + k, v));
        f.put("seconds", round(it.seconds()));
        o.set("figures", f);
        String detail = it.detail();
        if (!it.model.differences().isEmpty()) {
            detail += "; " + it.model.summary() + ": " + String.join("; ", it.model.differences());
        }
        if (!it.mismatchList().isEmpty()) {
            String name = fileName(it.name());
            Path trace = writeTrace(it, dir.resolve("traces").resolve(name + ".json"), dir);
            Path repro = writeRepro(it, dir.resolve("repro").resolve(name));
            detail += "; rerun by hand: " + reproCommand(it, repro, it.mismatchList().get(0).shift());
            o.put("counterexample", dir.relativize(trace).toString());
        }
        o.put("detail", detail);
        if (!it.observed().isEmpty() && it.spec.pattern().size() <= ctx.goOrderMaxSize()
                && it.spec.expected().equals("pass")) {
            writeGoOrders(it, dir.resolve("go-orders").resolve(fileName(it.name()) + ".json"));
        }
        return o;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    static String g(int id) {
        return id < 0 ? "?" : "g" + id;
    }

    private static List<String> names(List<Integer> ids) {
        List<String> out = new ArrayList<>(ids.size());
        for (int id : ids) {
            out.add(g(id));
        }
        return out;
    }

    /** The first mismatch of an item as a procspec.trace/1 file. */
    static Path writeTrace(Oracle.Item it, Path file, Path dir) throws IOException {
        Oracle.Mismatch m = it.mismatchList().get(0);
        Pattern p = it.spec.pattern();
        Divergence d = m.divergence();
        int from = Math.max(0, d.index() - 40);
        int to = Math.min(Math.max(m.go().length, m.java().length), d.index() + Divergence.CONTEXT + 1);
        ObjectNode t = JSON.createObjectNode();
        t.put("schema", TRACE_SCHEMA);
        t.put("source", "oracle");
        t.put("title", it.name() + ": Go and the Java scheduler part at run #" + (d.index() + 1) + " (Go ran "
                + g(at(m.go(), d.index())) + ", Java " + g(at(m.java(), d.index())) + ")");
        t.put("model", "Sched, 1 P, " + it.model.runAs() + ", ring " + it.spec.model().ringSize()
                + (it.spec.model() != JavaSide.Model.PORT ? " (broken model: " + it.spec.model().tag() + ")" : "")
                + ", initial schedtick "
                + m.phase() + " (closest of 61 phases)");
        t.put("property", PROPERTY);
        ArrayNode lanes = t.putArray("lanes");
        lanes.add("go");
        lanes.add("java");
        ArrayNode steps = t.putArray("steps");
        int index = 1;
        int prevTick = from > 0 ? m.snapshots().get(from - 1).schedtick() : m.phase();
        for (int k = from; k < to; k++) {
            for (String lane : new String[] {"go", "java"}) {
                int[] ord = lane.equals("go") ? m.go() : m.java();
                if (k >= ord.length) {
                    continue;
                }
                ObjectNode st = steps.addObject();
                st.put("index", index++);
                st.put("lane", lane);
                st.put("label", Labels.CASGSTATUS);
                st.put("function", "execute");
                ObjectNode ch = st.putObject("changes");
                ch.putArray("ran").add(k == 0 ? "" : g(ord[k - 1])).add(g(ord[k]));
                if (lane.equals("java") && k < m.snapshots().size()) {
                    JavaSide.Snapshot sn = m.snapshots().get(k);
                    if (sn.schedtick() != prevTick) {
                        ch.putArray("schedtick").add(Integer.toUnsignedString(prevTick))
                                .add(Integer.toUnsignedString(sn.schedtick()));
                    }
                    prevTick = sn.schedtick();
                    ObjectNode q = st.putObject("queues");
                    q.set("P0.runnext", JSON.valueToTree(names(sn.runnext())));
                    q.set("P0.runq", JSON.valueToTree(names(sn.runq())));
                    q.set("global", JSON.valueToTree(names(sn.global())));
                    if (p.waits() > 0) {
                        q.set("parked", JSON.valueToTree(names(sn.parked())));
                    }
                }
            }
        }
        t.put("replay", reproCommand(it, dir.resolve("repro").resolve(fileName(it.name())), m.shift())
                + "  |  Java: JavaSide.run(Pattern.parse(" + jsonString(p.name()) + "), GoVersion." + it.model.runAs()
                + ", " + m.phase() + ", JavaSide.Model." + it.spec.model() + ", SchedPoint.NONE, true, Duration.ofMinutes(1))");
        String note = "Sample " + m.sample() + " (shift " + m.shift() + ") of " + it.spec.go().version() + " under "
                + GoProgram.envPrefix()
                + " (clean: no spawner preempted, pattern under the time limit). The orders agree on the first "
                + d.index() + " runs of goroutines"
                + (from > 0 ? " (the trace shows runs " + (from + 1) + " on)" : "") + "; no phase 0..60 of the Java"
                + " side gives Go's order. Go ran " + p.describe(at(m.go(), d.index())) + ", Java ran "
                + p.describe(at(m.java(), d.index())) + ".\n" + d.render();
        t.put("note", note);
        Files.createDirectories(file.getParent());
        write(file, t);
        return file;
    }

    private static int at(int[] a, int i) {
        return i < a.length ? a[i] : -1;
    }

    /** The single-pattern program, its go.mod, and run.sh. */
    static Path writeRepro(Oracle.Item it, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main.go"), GoProgram.source(List.of(it.spec.pattern())), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("go.mod"), "module procspec.oracle/repro\n\ngo 1.19\n", StandardCharsets.UTF_8);
        String sh = "#!/bin/sh\n# Reruns " + it.name() + " on the real Go runtime; prints the start order.\n"
                + "# Compare with the Java order in ../../traces/" + fileName(it.name()) + ".json.\n"
                + "cd \"$(dirname \"$0\")\" && " + GoProgram.envPrefix() + " GOTOOLCHAIN=local GOFLAGS= CGO_ENABLED=0 "
                + shellQuote(it.spec.go().go().toString()) + " run . 0 " + it.mismatchList().get(0).shift() + "\n";
        Path run = dir.resolve("run.sh");
        Files.writeString(run, sh, StandardCharsets.UTF_8);
        run.toFile().setExecutable(true);
        return dir;
    }

    static String reproCommand(Oracle.Item it, Path reproDir, int shift) {
        return "cd " + reproDir.toAbsolutePath() + " && " + GoProgram.envPrefix() + " " + it.spec.go().go() + " run . 0 "
                + shift;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * The clean Go orders of an item, with the pattern: procspec.goorder/2. Version 2 (for
     * patterns that yield, wait and ready) adds each goroutine's body ({@code bodies}: {@code "go 5"},
     * {@code "yield"}, {@code "wait"}, {@code "ready 7"}), how many times it runs ({@code segments})
     * and {@code events}; an order has one entry per run of a goroutine, so a goroutine appears
     * once per segment. For a pattern of {@code go} statements only it holds what version 1 did.
     */
    static void writeGoOrders(Oracle.Item it, Path file) throws IOException {
        Pattern p = it.spec.pattern();
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", GOORDER_SCHEMA);
        o.put("pattern", p.name());
        o.put("expression", p.expression());
        o.put("goroutines", p.size());
        o.put("events", p.events());
        ArrayNode parent = o.putArray("parent");
        ArrayNode children = o.putArray("children");
        ArrayNode bodies = o.putArray("bodies");
        ArrayNode segments = o.putArray("segments");
        for (int id = 0; id < p.size(); id++) {
            parent.add(p.parent(id));
            ArrayNode c = children.addArray();
            for (int k : p.children(id)) {
                c.add(k);
            }
            ArrayNode b = bodies.addArray();
            for (Pattern.Action a : p.body(id)) {
                b.add(action(a));
            }
            segments.add(p.segments(id));
        }
        ObjectNode go = o.putObject("go");
        go.put("version", it.spec.go().version());
        go.put("release", it.model.release());
        go.put("modelled", it.model.modelled().toString());
        go.put("javaRunsAs", it.model.runAs().toString());
        go.put("env", GoProgram.envPrefix());
        o.put("phaseMeaning", "P0's schedtick (mod 61) just before the root (main, after its Gosched calls) is taken"
                + " from the global queue and executed; the root runs at phase+1");
        ArrayNode orders = o.putArray("orders");
        for (Oracle.Observed ob : it.observed()) {
            ObjectNode e = orders.addObject();
            e.put("samples", ob.samples());
            e.put("matchesJava", !ob.phases().isEmpty());
            e.set("phases", JSON.valueToTree(ob.phases()));
            ArrayNode ord = e.putArray("order");
            for (int id : ob.order()) {
                ord.add(id);
            }
        }
        Files.createDirectories(file.getParent());
        write(file, o);
    }

    /** An action as goorder/2 writes it: {@code go 5}, {@code yield}, {@code wait}, {@code ready 7}. */
    static String action(Pattern.Action a) {
        if (a instanceof Pattern.Spawn sp) {
            return "go " + sp.child();
        }
        if (a instanceof Pattern.Ready r) {
            return "ready " + r.target();
        }
        return a instanceof Pattern.Yield ? "yield" : "wait";
    }

    static void write(Path f, ObjectNode node) throws IOException {
        Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
        JSON.writeValue(tmp.toFile(), node);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A plain-text table of a run, one line per item, for the console. */
    public static String table(Oracle.Result r) {
        StringBuilder sb = new StringBuilder();
        int w = 10;
        for (Oracle.Item it : r.items()) {
            w = Math.max(w, it.name().length());
        }
        String fmt = "%-" + w + "s  %-7s %7s %6s %7s %10s %12s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "item", "verdict", "samples", "reruns", "matches", "mismatches",
                "inconclusive", "phases"));
        for (Oracle.Item it : r.items()) {
            sb.append(String.format(Locale.ROOT, fmt, it.name(), it.verdict(), it.samples(), it.reruns(), it.matches(),
                    it.mismatches(), it.inconclusive(), JavaSide.format(it.phases())));
        }
        return sb.toString();
    }
}
