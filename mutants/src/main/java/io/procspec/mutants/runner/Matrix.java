package io.procspec.mutants.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procspec.mutants.Bug;
import io.procspec.mutants.Catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bug × layer matrix, from the runner's per-bug results: the bugs layer's summary
 * ({@code procspec.layer/1}, one item per bug with {@code expected: "violation"} and one figure per
 * layer, as the report module draws its matrix) and a Markdown table with the gaps and the
 * equivalent mutants listed under it.
 *
 * <p>A non-equivalent bug that no layer caught is a <em>gap</em>: its item fails, with the
 * explanation ({@link #gapExplanation}). An equivalent mutant passes when no layer catches it, and
 * fails (its argument disproved) when one does.
 */
public final class Matrix {

    /** Matrix columns: the report's layer names, plus the controlled hunt. */
    static final List<String> COLUMNS = List.of("spec", "conformance", "oracle", "properties", "stress", "impl", "hunt",
            "weak", "audit");

    static final Map<String, String> COLUMN_TITLES = Map.of("spec", "TLC", "conformance", "replay / trace validation",
            "oracle", "Go oracle", "properties", "properties", "stress", "jcstress", "impl", "unit tests",
            "hunt", "controlled hunt", "weak", "weak-memory hunt", "audit", "ordering audit");

    /**
     * Layers that check the code against Go's text rather than run it: the static ordering audit.
     * An equivalent mutant it flags is not disproved (it is not Go's ordering, which the audit
     * exists to say, but no execution shows it), and a bug only it catches is listed as such.
     */
    static final java.util.Set<String> STATIC = java.util.Set.of("audit");

    private final Map<String, JsonNode> results = new LinkedHashMap<>();
    private final Path root;

    private Matrix(Path root) {
        this.root = root;
    }

    /** Reads every {@code <bug>.json} of {@code dir}, in catalogue order. */
    public static Matrix read(Path dir, Path root) throws IOException {
        Matrix m = new Matrix(root);
        Map<String, JsonNode> found = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".json"))::iterator) {
                    JsonNode j = BugRunner.JSON.readTree(f.toFile());
                    found.put(j.path("bug").asText(), j);
                }
            }
        }
        if (found.containsKey("real")) {
            m.results.put("real", found.get("real"));
        }
        for (Bug b : Catalogue.all()) {
            if (found.containsKey(b.name())) {
                m.results.put(b.name(), found.get(b.name()));
            }
        }
        return m;
    }

    /** The result of {@code bug} in {@code layer}: its verdict node, or a made-up "not run" / "absent" one. */
    JsonNode cell(String bug, String layer) {
        JsonNode r = results.get(bug);
        JsonNode c = r == null ? null : r.path("layers").get(layer);
        if (c != null) {
            return c;
        }
        if (layer.equals("conformance") && !Files.isDirectory(root.resolve("conformance"))) {
            return BugRunner.verdict("absent", 0, "conformance/ is not in this repository yet (issue 9)");
        }
        if (layer.equals("oracle") && !Files.isDirectory(root.resolve("oracle"))) {
            return BugRunner.verdict("absent", 0, "oracle/ is not in this repository yet (issue 11)");
        }
        if (layer.equals("conformance")) {
            return BugRunner.verdict("not run", 0, "the bug runner does not drive this layer yet");
        }
        return BugRunner.verdict("not run", 0, "not run in this matrix");
    }

    boolean caughtBySome(String bug) {
        for (String l : COLUMNS) {
            if (cell(bug, l).path("verdict").asText().equals("caught")) {
                return true;
            }
        }
        return false;
    }

    /** Caught by a layer that runs the code (not only by the static audit). */
    boolean caughtByExecution(String bug) {
        for (String l : COLUMNS) {
            if (!STATIC.contains(l) && cell(bug, l).path("verdict").asText().equals("caught")) {
                return true;
            }
        }
        return false;
    }

    boolean equivalent(String bug) {
        return results.get(bug).path("equivalent").asBoolean();
    }

    /** Bug-specific reasons for a gap, where the category's general one is not the whole story. */
    static final Map<String, String> GAP_NOTES = Map.ofEntries(
            Map.entry("runqput_head_plain_load", "its only symptom is load buffering: a thief's slot read returning the owner's"
                    + " later overwrite of the slot, which the owner makes after its plain load of head read the thief's own"
                    + " CAS. The Java memory model's happens-before rules allow it (no synchronizes-with edge orders the read"
                    + " before the overwrite); x86 and ARM/POWER do not show it (the owner's store depends on its head load by"
                    + " control, the thief's CAS-release orders its read), nor would promising semantics. Only the"
                    + " weak-memory hunt's load-buffering check (a second run justified by the first, control/README.md) shows"
                    + " it, in the full-ring scenario"),
            Map.entry("runqgrab_cas_plain", "its only symptom is load buffering: the thief's slot reads returning the owner's"
                    + " reuse of the slots after the owner's load-acquire of head read the thief's plain CAS (which does not"
                    + " synchronize). ARM and POWER may show it (the CAS's store may become visible before the earlier,"
                    + " independent slot loads are satisfied); x86 does not; the weak-memory hunt's load-buffering check"
                    + " (control/README.md) shows it in the full-ring scenario"),
            Map.entry("gfget_no_lock", "the whole refill is one scheduling step (the lock's label, then no label until the"
                    + " unlock), so the controlled layers cannot interleave a concurrent spill inside it; only free-running"
                    + " threads (jcstress GfreeTwoPs, the free-running properties) can, and they did not in their budget"),
            Map.entry("gfput_spill_no_lock", "the spill's pushes are one scheduling step, so the controlled layers cannot"
                    + " interleave a concurrent refill inside them; only free-running threads can"),
            Map.entry("inherit_time_advances_schedtick", "only when the %61 look at the global queue happens changes; the"
                    + " queues stay consistent, so only a layer that compares the scheduling order with Go's can see it:"
                    + " the Go oracle (run it with --layers oracle)"));

    /** Why no layer caught {@code bug}. */
    static String gapExplanation(Bug b) {
        String note = GAP_NOTES.get(b.name());
        if (note != null) {
            return note;
        }
        switch (b.category()) {
            case MEMORY_ORDERING:
                return "an ordering bug: on this x86 machine the CPU keeps these accesses in order; the controller's"
                        + " weak-memory mode did not find an execution that shows it (see control/README.md for what the"
                        + " simulation covers); jcstress shows such bugs only on ARM or POWER";
            case LOST_ATOMICITY:
                return "the race window lies inside one scheduling step (no label between the read and the write),"
                        + " so the controlled layers cannot interleave it, and the free-running and jcstress runs did not"
                        + " hit it in their budget";
            default:
                return "no scenario of any layer reaches the state in which the change shows";
        }
    }

    static String cellText(JsonNode c) {
        String v = c.path("verdict").asText();
        if (v.equals("caught")) {
            StringBuilder sb = new StringBuilder("caught ").append(fmt(c.path("seconds").asDouble())).append(" s");
            if (c.has("counterexampleSteps")) {
                sb.append(", ").append(c.path("counterexampleSteps").asInt()).append(" steps");
            }
            return sb.toString();
        }
        return v;
    }

    private static String fmt(double d) {
        return d >= 100 ? String.valueOf(Math.round(d)) : String.format("%.1f", d);
    }

    /** Seconds of the fastest catching layer, or -1. */
    double firstDetection(String bug) {
        double best = -1;
        for (String l : COLUMNS) {
            JsonNode c = cell(bug, l);
            if (c.path("verdict").asText().equals("caught")) {
                double s = c.path("seconds").asDouble();
                best = best < 0 ? s : Math.min(best, s);
            }
        }
        return best;
    }

    /** The smallest counterexample (steps) over the catching layers that report one, or -1. */
    int smallestCounterexample(String bug) {
        int best = -1;
        for (String l : COLUMNS) {
            JsonNode c = cell(bug, l);
            if (c.path("verdict").asText().equals("caught") && c.has("counterexampleSteps")) {
                int s = c.path("counterexampleSteps").asInt();
                best = best < 0 ? s : Math.min(best, s);
            }
        }
        return best;
    }

    /** Writes the bugs layer's summary (procspec.layer/1) to {@code file}, atomically. */
    public void writeSummary(Path file, List<String> layersRun) throws IOException {
        ObjectNode s = BugRunner.JSON.createObjectNode();
        s.put("schema", "procspec.layer/1");
        s.put("layer", "bugs");
        s.put("title", "Bug catalogue: which layer catches each injected bug");
        int gaps = 0;
        int caught = 0;
        int equivalents = 0;
        int disproved = 0;
        ArrayNode items = BugRunner.JSON.createArrayNode();
        for (Map.Entry<String, JsonNode> e : results.entrySet()) {
            String bug = e.getKey();
            if (bug.equals("real")) {
                continue;
            }
            Bug b = Catalogue.bug(bug);
            ObjectNode it = items.addObject();
            it.put("name", bug);
            boolean eq = equivalent(bug);
            boolean any = caughtBySome(bug);
            it.put("expected", eq ? "pass" : "violation");
            ObjectNode f = it.putObject("figures");
            f.put("category", b.category().name().toLowerCase().replace('_', ' '));
            for (String l : COLUMNS) {
                f.put(l, cellText(cell(bug, l)));
            }
            double fd = firstDetection(bug);
            if (fd >= 0) {
                f.put("seconds to first detection", fd);
            }
            int ce = smallestCounterexample(bug);
            if (ce >= 0) {
                f.put("counterexample size", ce);
            }
            if (eq) {
                equivalents++;
                boolean shown = caughtByExecution(bug);
                if (shown) {
                    disproved++;
                }
                it.put("verdict", shown ? "fail" : "pass");
                it.put("detail", (shown ? "marked equivalent, but a layer caught it: the argument is wrong. " : "equivalent mutant"
                        + (any ? " (no execution shows it; the ordering audit flags it as not Go's ordering)" : "") + ": ")
                        + e.getValue().path("equivalence").asText());
            } else if (any) {
                caught++;
                it.put("verdict", "pass");
                it.put("detail", b.description());
            } else {
                gaps++;
                it.put("verdict", "fail");
                it.put("detail", "gap: " + b.description() + ". Why no layer caught it: " + gapExplanation(b));
            }
        }
        s.put("verdict", gaps + disproved == 0 ? "pass" : "fail");
        if (gaps + disproved > 0) {
            s.put("reason", gaps + " non-equivalent bug(s) caught by no layer (gaps)"
                    + (disproved > 0 ? ", " + disproved + " equivalent mutant(s) caught" : ""));
        } else {
            s.putNull("reason");
        }
        s.put("startedAt", Instant.now().toString());
        s.put("command", "java -cp ... io.procspec.mutants.runner.BugRunner (see mutants/README.md)");
        ObjectNode env = s.putObject("environment");
        env.put("jdk", System.getProperty("java.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("mode", "full");
        env.put("layers run", String.join(",", layersRun));
        ObjectNode fig = s.putObject("figures");
        fig.put("bugs", items.size());
        fig.put("caught", caught);
        fig.put("gaps", gaps);
        fig.put("equivalent", equivalents);
        s.set("items", items);
        writeAtomically(file, s);
    }

    static void writeAtomically(Path file, JsonNode node) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        BugRunner.JSON.writeValue(tmp.toFile(), node);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The matrix as Markdown: the table, then the gaps and the equivalent mutants with their reasons. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| bug | category |");
        for (String l : COLUMNS) {
            sb.append(' ').append(COLUMN_TITLES.get(l)).append(" |");
        }
        sb.append(" first detection (s) | smallest counterexample (steps) |\n|---|---|");
        for (int i = 0; i < COLUMNS.size() + 2; i++) {
            sb.append("---|");
        }
        sb.append('\n');
        List<String> gaps = new ArrayList<>();
        List<String> eqs = new ArrayList<>();
        List<String> auditOnly = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : results.entrySet()) {
            String bug = e.getKey();
            boolean real = bug.equals("real");
            sb.append("| `").append(bug).append("` | ")
                    .append(real ? "(the port as it is)" : Catalogue.bug(bug).category().name().toLowerCase().replace('_', ' '))
                    .append(real ? "" : equivalent(bug) ? " (equivalent)" : "").append(" |");
            for (String l : COLUMNS) {
                sb.append(' ').append(cellText(cell(bug, l))).append(" |");
            }
            double fd = firstDetection(bug);
            int ce = smallestCounterexample(bug);
            sb.append(' ').append(fd < 0 ? "–" : fmt(fd)).append(" | ").append(ce < 0 ? "–" : String.valueOf(ce)).append(" |\n");
            if (!real && !equivalent(bug) && !caughtBySome(bug)) {
                gaps.add("- `" + bug + "`: " + Catalogue.bug(bug).description() + ". **Why:** "
                        + gapExplanation(Catalogue.bug(bug)) + ".");
            }
            if (!real && equivalent(bug)) {
                eqs.add("- `" + bug + "`" + (caughtByExecution(bug) ? " (**caught: the argument is wrong**)"
                        : caughtBySome(bug) ? " (flagged by the ordering audit: not Go's ordering, though no execution shows it)" : "")
                        + ": " + e.getValue().path("equivalence").asText() + ".");
            }
            if (!real && !equivalent(bug) && caughtBySome(bug) && !caughtByExecution(bug)) {
                auditOnly.add("- `" + bug + "`: " + Catalogue.bug(bug).description() + ". **Why no run shows it:** "
                        + gapExplanation(Catalogue.bug(bug)) + ".");
            }
        }
        sb.append("\nCells: `caught S s, N steps` (seconds from the start of that layer's run to its first failure:"
                + " the hunt's own time; for the Maven layers the time the first failing test report was written,"
                + " Maven's start included; steps of its shrunk counterexample where it reports one), `missed`, `timeout`, `error` (the patched"
                + " copy did not build or the layer broke), `n/a` (the layer cannot express the bug: no spec switch, no"
                + " patch), `absent` (the module is not in the repository yet), `not run`.\n");
        if (!gaps.isEmpty()) {
            sb.append("\n**Gaps** (non-equivalent bugs no layer caught):\n\n").append(String.join("\n", gaps)).append('\n');
        }
        if (!auditOnly.isEmpty()) {
            sb.append("\n**Caught only by the ordering audit** (the code is not Go's; no execution of any layer showed it):\n\n")
                    .append(String.join("\n", auditOnly)).append('\n');
        }
        if (!eqs.isEmpty()) {
            sb.append("\n**Equivalent mutants** (no execution can show them, and why):\n\n").append(String.join("\n", eqs)).append('\n');
        }
        return sb.toString();
    }
}
