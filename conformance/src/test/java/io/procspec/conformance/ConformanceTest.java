package io.procspec.conformance;

import io.procspec.mutants.Bug;
import io.procspec.mutants.Catalogue;
import io.procspec.spec.ModelConfig;
import io.procspec.spec.SpecLayout;
import io.procspec.spec.TlcResult;
import io.procspec.spec.TlcRunner;
import io.procspec.spec.TraceState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance layer in {@code mvn verify}: both directions, the spec bugs replayed on their
 * Java twins, and the deliberate divergences each direction must report. Writes
 * {@code target/procspec/summary.json} (format {@code procspec.layer/1}) and the mismatches and
 * rejected traces as {@code procspec.trace/1} files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformanceTest {
    static SpecLayout layout;
    static Report report;
    static final Map<String, StateGraph> GRAPHS = new ConcurrentHashMap<>();
    static final ExecutorService POOL = Pools.daemon();
    static final int TRACES = Integer.getInteger("procspec.conformance.traces", 1000);
    static final long SEED = Long.getLong("procspec.conformance.seed", 42);

    @BeforeAll
    static void setUp() {
        layout = SpecLayout.detect();
        report = new Report(Report.defaultDir());
    }

    @AfterAll
    static void writeSummary() {
        report.write("mvn -pl conformance -am verify", null);
    }

    static Stream<String> models() {
        String m = System.getProperty("procspec.conformance.models", "ci");
        return (m.equals("ci") ? CI_MODELS : List.of(m.split(","))).stream();
    }

    /** Direction 1's models in CI (Proc_go125: Go 1.25's globrunqgetbatch path, 35 states; the other Proc CI models run from the command line: README). */
    static final List<String> CI_MODELS = List.of("RunQueue", "RunQueue_steal", "GFree", "Proc", "Proc_go125");

    static StateGraph graph(String model) {
        return GRAPHS.computeIfAbsent(model, name -> {
            ModelConfig mc = Modules.model(layout, name);
            // Proc models: TLC only builds the graph (the spec layer checks their invariants and properties)
            SpecModule mod = Modules.of(mc.spec());
            GraphDump.Dumped d = GraphDump.run(layout, mc, 2, "2g", mod instanceof ProcModule, mod.replayView(mc.constants()));
            report.add("tlcGraphSeconds", Math.round(d.seconds()));
            return d.graph();
        });
    }

    // ---- direction 1 ---------------------------------------------------------------------------

    @ParameterizedTest(name = "spec to Java: every edge of {0}")
    @MethodSource("models")
    @Order(1)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyEdgeReplaysOnJava(String name) {
        ModelConfig model = Modules.model(layout, name);
        SpecModule mod = Modules.of(model.spec());
        StateGraph g = graph(name);
        Replayer.Result r = new Replayer(mod, name, model.constants(), g, "real", Replayer.Options.defaults()).run();
        Main.print(r);
        String cex = null;
        for (Replayer.Mismatch m : r.mismatches()) {
            String f = trace(m, "spec-to-Java mismatch");
            cex = cex == null ? f : cex;
        }
        int nr = r.notReplayable().values().stream().mapToInt(Integer::intValue).sum();
        boolean pass = r.mismatches().isEmpty() && r.covered() + nr == r.edges();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("distinct", r.states());
        f.put("edges", r.edges());
        f.put("edgesCovered", r.covered());
        f.put("notReplayable", nr);
        f.put("mismatches", r.mismatches().size());
        f.put("runs", r.runs());
        f.put("steps", r.steps());
        f.put("ambiguousActor", r.ambiguous());
        f.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        report.item("spec→Java " + name, pass, "pass", f, "every edge of TLC's state graph replayed on the Java port"
                + (nr > 0 ? "; not replayable: " + r.notReplayable() : ""), cex);
        report.add("models", 1);
        report.add("edges", r.edges());
        report.add("edgesCovered", r.covered());
        report.add("mismatches", r.mismatches().size());
        assertThat(r.mismatches()).as("mismatches of %s", name).isEmpty();
        assertThat(r.covered()).as("edges of %s covered", name).isEqualTo(r.edges() - nr);
    }

    /**
     * The Proc CI models that direction 1 does not replay in {@code mvn verify} are listed in the
     * summary, each with why: the harness refuses it (its scenario, Go version or G actions have no
     * Java counterpart), or it is replayable from the command line but outside the layer's CI budget.
     */
    @Test
    @Order(1)
    void otherProcModelsAreListedWithWhy() {
        int refused = 0;
        int commandLine = 0;
        List<String> replayed = models().toList();
        for (ModelConfig m : layout.models()) {
            if (!layout.algorithmModuleOf(m.spec()).equals("Proc") || !m.profile().equals("ci") || m.expectsViolation()
                    || replayed.contains(m.name())) {
                continue;
            }
            String why = ProcModule.refusal(m.constants());
            if (why != null) {
                report.skipped("spec→Java " + m.name(), "not replayable: " + why);
                refused++;
            } else {
                report.skipped("spec→Java " + m.name(), "replayable, outside the layer's CI budget: "
                        + "java -jar conformance/target/conformance.jar replay " + m.name() + " (conformance/README.md)");
                commandLine++;
            }
        }
        report.figure("procModelsRefused", refused);
        report.figure("procModelsCommandLine", commandLine);
        assertThat(refused + commandLine).isPositive();
    }

    // ---- direction 2 ---------------------------------------------------------------------------

    /** Of the CI traces, how many come from jqwik samples and from the explorer (the rest: seeded Random). */
    static final int JQWIK_TRACES = Integer.getInteger("procspec.conformance.traces.jqwik", 300);
    static final int EXPLORER_TRACES = Integer.getInteger("procspec.conformance.traces.explorer", 200);
    /** The most executions the explorer runs per operation seed (its enumeration is complete below this). */
    static final long EXPLORER_MAX_EXECUTIONS = Long.getLong("procspec.conformance.explorer.max", 5000);
    /** The explorer's preemption bound. */
    static final int EXPLORER_BOUND = Integer.getInteger("procspec.conformance.explorer.bound", 1);

    /**
     * The logs of direction 2 from its three sources, in this order: {@code jqwik} samples of
     * {@link JqwikChoices#choices()}, {@code explorer} executions (the explorer enumerates every
     * schedule within the preemption bound, depth-first, of the operations drawn from seed
     * {@code seed}; the logs validated are spread evenly over that enumeration; seed {@code seed + 1}
     * … when it has too few), and seeded {@code random} runs for the rest.
     */
    static List<TraceValidation.Trace> threeSources(Map<String, String> c, String bug, int total, int jqwik,
                                                    int explorer, long seed, Map<String, Object> notes) {
        List<TraceValidation.Trace> out = new ArrayList<>();
        List<List<Integer>> samples = JqwikChoices.samples(jqwik, seed);
        for (int i = 0; i < samples.size(); i++) {
            out.add(TraceValidation.record(c, bug, samples.get(i), "sample " + (i + 1) + " (jqwik seed " + seed + ")", POOL));
        }
        int explored = 0;
        int enumerated = 0;
        int complete = 0;
        int programs = 0;
        for (long s = seed; explored < explorer; s++) {
            TraceValidation.Exploration x = TraceValidation.explore(c, bug, s, EXPLORER_BOUND, EXPLORER_MAX_EXECUTIONS, POOL);
            List<TraceValidation.Trace> spread = x.spread(explorer - explored);
            out.addAll(spread);
            explored += spread.size();
            enumerated += x.traces().size();
            programs++;
            complete += x.complete() ? 1 : 0;
            if (x.traces().get(x.traces().size() - 1).failure() != null) {
                out.add(x.traces().get(x.traces().size() - 1)); // the Java run failed: reported by the caller
                break;
            }
        }
        notes.put("explorerOpSeeds", programs);
        notes.put("explorerExecutions", enumerated);
        notes.put("explorerEnumeration", complete == programs ? "complete" : "cut at " + EXPLORER_MAX_EXECUTIONS + " executions");
        for (long i = 0; out.size() < total; i++) {
            out.add(TraceValidation.record(c, bug, seed + i, POOL));
        }
        return out;
    }

    static Map<String, Integer> bySource(List<TraceValidation.Trace> traces) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String s : List.of("jqwik", "explorer", "random")) {
            m.put(s, 0);
        }
        for (TraceValidation.Trace t : traces) {
            m.merge(t.origin().source(), 1, Integer::sum);
        }
        return m;
    }

    @Test
    @Order(2)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void javaRunsAreBehavioursOfTheSpec() {
        Map<String, String> c = TraceValidation.defaultConstants();
        long t0 = System.nanoTime();
        Map<String, Object> notes = new LinkedHashMap<>();
        List<TraceValidation.Trace> traces = threeSources(c, "real", TRACES, JQWIK_TRACES, EXPLORER_TRACES, SEED, notes);
        for (TraceValidation.Trace t : traces) {
            assertThat(t.failure()).as("Java run %s", t.origin()).isNull();
        }
        double javaS = (System.nanoTime() - t0) / 1e9;
        TraceValidation.Result r = TraceValidation.validate(layout, layout.workDir().resolve("trace-validation"), c,
                traces, 2, Duration.ofMinutes(8));
        String cex = null;
        for (TraceValidation.Rejected x : r.rejected().subList(0, Math.min(5, r.rejected().size()))) {
            String f = rejectedTrace(x, "a Java run the spec does not accept");
            cex = cex == null ? f : cex;
        }
        Map<String, Integer> all = bySource(traces);
        List<TraceValidation.Trace> rej = new ArrayList<>();
        r.rejected().forEach(x -> rej.add(x.trace()));
        Map<String, Integer> rejected = bySource(rej);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("traces", r.traces());
        all.forEach((s, n) -> f.put("traces " + s, n));
        f.put("steps", r.steps());
        f.put("accepted", r.accepted());
        f.put("rejected", r.rejected().size());
        rejected.forEach((s, n) -> f.put("rejected " + s, n));
        f.putAll(notes);
        f.put("javaSeconds", Math.round(javaS * 10) / 10.0);
        f.put("tlcSeconds", Math.round(r.tlcSeconds() * 10) / 10.0);
        report.item("Java→spec trace validation", r.rejected().isEmpty(), "pass", f,
                "controlled Java runs, 3 Ps, ring 8, counters from 2^32-8, 16 Gs, checked by TLC against RunQueue: "
                        + all.get("jqwik") + " from jqwik samples (seed " + SEED + "), " + all.get("explorer")
                        + " from the explorer (spread over its " + notes.get("explorerExecutions")
                        + (notes.get("explorerEnumeration").equals("complete") ? "" : " (" + notes.get("explorerEnumeration") + ")")
                        + " executions: every schedule with at most " + EXPLORER_BOUND + " preemption(s) of the operations of seed"
                        + ((int) notes.get("explorerOpSeeds") == 1 ? " " + SEED : "s " + SEED + ".." + (SEED + (int) notes.get("explorerOpSeeds") - 1))
                        + "), "
                        + all.get("random") + " random (seeds " + SEED + ".." + (SEED + all.get("random") - 1) + ")", cex);
        report.figure("tracesValidated", r.accepted());
        report.figure("tracesRejected", r.rejected().size());
        assertThat(r.rejected()).as("rejected traces; TLC said:\n%s", r.tlcOutputTail()).isEmpty();
        assertThat(r.traces()).isGreaterThanOrEqualTo(Math.min(TRACES, 1000));
        if (TRACES >= JQWIK_TRACES + EXPLORER_TRACES + 1) {
            assertThat(all.values()).as("traces per source %s", all).allMatch(n -> n > 0);
        }
    }

    // ---- direction 2 for GFree (issue 9: GFreeTrace.tla) --------------------------------------

    /** GFree logs in CI, and of them the jqwik samples and explorer executions (the rest: seeded Random). */
    static final int GFREE_TRACES = Integer.getInteger("procspec.conformance.gfree.traces", 500);
    static final int GFREE_JQWIK = Integer.getInteger("procspec.conformance.gfree.traces.jqwik", 150);
    static final int GFREE_EXPLORER = Integer.getInteger("procspec.conformance.gfree.traces.explorer", 100);
    /**
     * The most executions the explorer runs per operations seed for GFree (each is a recorded Java
     * run; its enumeration of the seed's schedules with at most one preemption is longer, so it is
     * cut here for CI's time budget, and the summary says so).
     */
    static final long GFREE_EXPLORER_MAX = Long.getLong("procspec.conformance.gfree.explorer.max", 300);

    /**
     * GFree's logs from the three sources, as {@link #threeSources} for RunQueue: jqwik samples,
     * explorer executions spread over the enumeration of the operations of seed {@code seed} (then
     * {@code seed + 1} …), seeded Random for the rest.
     */
    static List<TraceValidation.Trace> gfreeThreeSources(Map<String, String> c, String bug, int total, int jqwik,
                                                         int explorer, long explorerMax, long seed, Map<String, Object> notes) {
        List<TraceValidation.Trace> out = new ArrayList<>();
        List<List<Integer>> samples = JqwikChoices.samples(jqwik, seed);
        for (int i = 0; i < samples.size(); i++) {
            out.add(GFreeTraceValidation.record(c, bug, samples.get(i), "sample " + (i + 1) + " (jqwik seed " + seed + ")", POOL));
        }
        int explored = 0;
        int enumerated = 0;
        int complete = 0;
        int programs = 0;
        for (long s = seed; explored < explorer; s++) {
            TraceValidation.Exploration x = GFreeTraceValidation.explore(c, bug, s, EXPLORER_BOUND, explorerMax, POOL);
            List<TraceValidation.Trace> spread = x.spread(explorer - explored);
            out.addAll(spread);
            explored += spread.size();
            enumerated += x.traces().size();
            programs++;
            complete += x.complete() ? 1 : 0;
            if (x.traces().get(x.traces().size() - 1).failure() != null) {
                out.add(x.traces().get(x.traces().size() - 1)); // the Java run failed: reported by the caller
                break;
            }
        }
        notes.put("explorerOpSeeds", programs);
        notes.put("explorerExecutions", enumerated);
        notes.put("explorerEnumeration", complete == programs ? "complete" : "cut at " + explorerMax + " executions");
        for (long i = 0; out.size() < total; i++) {
            out.add(GFreeTraceValidation.record(c, bug, seed + i, POOL));
        }
        return out;
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void gfreeJavaRunsAreBehavioursOfTheSpec() {
        Map<String, String> c = GFreeTraceValidation.defaultConstants();
        long t0 = System.nanoTime();
        Map<String, Object> notes = new LinkedHashMap<>();
        List<TraceValidation.Trace> traces = gfreeThreeSources(c, "real", GFREE_TRACES, GFREE_JQWIK, GFREE_EXPLORER,
                GFREE_EXPLORER_MAX, SEED, notes);
        for (TraceValidation.Trace t : traces) {
            assertThat(t.failure()).as("Java run %s", t.origin()).isNull();
        }
        double javaS = (System.nanoTime() - t0) / 1e9;
        TraceValidation.Result r = GFreeTraceValidation.validate(layout, layout.workDir().resolve("trace-validation-gfree"), c,
                traces, 2, Duration.ofMinutes(4));
        String cex = null;
        for (TraceValidation.Rejected x : r.rejected().subList(0, Math.min(5, r.rejected().size()))) {
            String f = rejectedTrace(x, "a Java run the spec does not accept", "GFreeTrace");
            cex = cex == null ? f : cex;
        }
        Map<String, Integer> all = bySource(traces);
        List<TraceValidation.Trace> rej = new ArrayList<>();
        r.rejected().forEach(x -> rej.add(x.trace()));
        Map<String, Integer> rejected = bySource(rej);
        Map<String, Integer> labels = GFreeTraceValidation.labelCounts(traces);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("traces", r.traces());
        all.forEach((s, n) -> f.put("traces " + s, n));
        f.put("steps", r.steps());
        f.put("accepted", r.accepted());
        f.put("rejected", r.rejected().size());
        rejected.forEach((s, n) -> f.put("rejected " + s, n));
        f.putAll(notes);
        labels.forEach((l, n) -> f.put("steps " + l, n)); // one figure per label: a figure is a number or a string
        f.put("javaSeconds", Math.round(javaS * 10) / 10.0);
        f.put("tlcSeconds", Math.round(r.tlcSeconds() * 10) / 10.0);
        report.item("Java→spec trace validation GFree", r.rejected().isEmpty(), "pass", f,
                "controlled Java runs of newproc1's gfget/malg (goids from per-P caches of " + GFreeTraceValidation.GOID_BATCH
                        + "), gfput, gfpurge and stack changes, " + c.get("NumP") + " Ps, " + c.get("NumG") + " Gs, LocalMax "
                        + c.get("LocalMax") + ", LocalKeep " + c.get("LocalKeep") + ", Refill " + c.get("Refill") + ", stack sizes "
                        + c.get("StackSizes") + ", " + c.get("Fuel") + " operations, "
                        + "checked by TLC against GFree: " + all.get("jqwik") + " from jqwik samples (seed " + SEED + "), "
                        + all.get("explorer") + " from the explorer (spread over its " + notes.get("explorerExecutions")
                        + " executions, " + notes.get("explorerEnumeration") + "), " + all.get("random") + " random (seeds "
                        + SEED + ".." + (SEED + all.get("random") - 1) + ")", cex);
        report.figure("gfreeTracesValidated", r.accepted());
        report.figure("gfreeTracesRejected", r.rejected().size());
        System.out.println("GFree trace validation: " + f);
        assertThat(r.rejected()).as("rejected GFree traces; TLC said:\n%s", r.tlcOutputTail()).isEmpty();
        assertThat(r.traces()).isGreaterThanOrEqualTo(Math.min(GFREE_TRACES, 500));
        if (GFREE_TRACES >= GFREE_JQWIK + GFREE_EXPLORER + 1) {
            assertThat(all.values()).as("GFree traces per source %s", all).allMatch(n -> n > 0);
        }
        // the logs reach what they are for: spills, refills from the global lists, purges, stack changes
        assertThat(labels).as("steps by label").containsKeys("gfput_lock", "gfget_lock", "gfpurge_lock", "malg",
                "GrowStack", "AdjustStartingStackSize");
    }

    /**
     * The GFree twins whose logs TLC must reject (Bug = "none"), each with the labels of the step
     * where the spec can first be noticed to disagree: gfput_bad_spill (no spill at n = LocalMax:
     * the spec goes on to gfput_lock at gfput_push), gfput_stack_leak and gfput_no_split (the
     * spill's effect on stacks and lists: at gfput_lock).
     */
    static Stream<org.junit.jupiter.params.provider.Arguments> gfreeDivergences() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("gfput_bad_spill", Set.of("gfput_push")),
                org.junit.jupiter.params.provider.Arguments.of("gfput_stack_leak", Set.of("gfput_lock")),
                org.junit.jupiter.params.provider.Arguments.of("gfput_no_split", Set.of("gfput_lock")));
    }

    static final Map<String, LogCheck> GFREE_LOG_CHECKS = new ConcurrentHashMap<>();

    /**
     * The logs of every GFree divergence (30 each: 10 jqwik samples, 10 executions of the
     * explorer's first 50, 10 seeded Random), checked by TLC in one run.
     */
    static synchronized LogCheck gfreeLogCheck(String bug) {
        if (GFREE_LOG_CHECKS.isEmpty()) {
            Map<String, String> c = GFreeTraceValidation.defaultConstants();
            List<TraceValidation.Trace> all = new ArrayList<>();
            for (Object[] a : gfreeDivergences().map(org.junit.jupiter.params.provider.Arguments::get).toList()) {
                all.addAll(gfreeThreeSources(c, (String) a[0], 30, 10, 10, 50, SEED, new LinkedHashMap<>()));
            }
            TraceValidation.Result r = GFreeTraceValidation.validate(layout, layout.workDir().resolve("trace-validation-gfree-divergences"),
                    c, all, 2, Duration.ofMinutes(4));
            for (Object[] a : gfreeDivergences().map(org.junit.jupiter.params.provider.Arguments::get).toList()) {
                String b = (String) a[0];
                GFREE_LOG_CHECKS.put(b, new LogCheck(all.stream().filter(t -> t.bug().equals(b)).toList(),
                        r.rejected().stream().filter(x -> x.trace().bug().equals(b)).toList()));
            }
        }
        return GFREE_LOG_CHECKS.get(bug);
    }

    @ParameterizedTest(name = "GFree divergence {0} is rejected by TLC with the step where it was noticed")
    @MethodSource("gfreeDivergences")
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void gfreeTraceValidationRejectsADivergentVariant(String bug, Set<String> noticedAt) {
        LogCheck r = gfreeLogCheck(bug);
        for (TraceValidation.Trace t : r.traces()) {
            assertThat(t.failure()).as("Java run %s of %s", t.origin(), bug).isNull();
        }
        Map<String, Integer> checked = bySource(r.traces());
        List<TraceValidation.Trace> rej = new ArrayList<>();
        r.rejected().forEach(x -> rej.add(x.trace()));
        Map<String, Integer> rejected = bySource(rej);
        Map<String, Integer> at = new java.util.TreeMap<>();
        for (TraceValidation.Rejected x : r.rejected()) {
            at.merge(x.trace().steps().get(Math.min(x.firstBadStep(), x.trace().steps().size()) - 1).label(), 1, Integer::sum);
        }
        String cex = null;
        Set<String> shown = new java.util.HashSet<>();
        for (TraceValidation.Rejected x : r.rejected()) {
            if (shown.add(x.trace().origin().source())) {
                String f = rejectedTrace(x, "GFree divergence " + bug, "GFreeTrace");
                cex = cex == null ? f : cex;
            }
        }
        String d = r.rejected().isEmpty() ? "not noticed"
                : r.rejected().size() + " of " + r.traces().size() + " logs rejected" + perSource(rejected, checked)
                + "; first: log " + r.rejected().get(0).index() + " (" + r.rejected().get(0).trace().origin()
                + ") at step " + r.rejected().get(0).firstBadStep() + " (" + step(r.rejected().get(0)) + ")";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tracesRejected", r.rejected().size());
        f.put("tracesChecked", r.traces().size());
        checked.forEach((s, n) -> f.put("rejected " + s, rejected.get(s) + " of " + n));
        at.forEach((k, n) -> f.put("noticedAt " + k, n)); // one figure per step label: a figure is a number or a string
        boolean pass = !r.rejected().isEmpty() && noticedAt.containsAll(at.keySet());
        report.item("GFree divergence " + bug, pass, "violation", f, "Java→spec (GFreeTrace): " + d, cex);
        System.out.println("GFree divergence " + bug + ": " + d + "; noticed at " + at);
        assertThat(r.rejected()).as("Java→spec notices %s", bug).isNotEmpty();
        assertThat(at.keySet()).as("the steps where the spec notices %s", bug).isSubsetOf(noticedAt);
    }

    // ---- the spec's bugs as Java failures ----------------------------------------------------

    static Stream<Bug> specBugs() {
        return Catalogue.withSpecSwitch().stream();
    }

    @ParameterizedTest(name = "bug {0}: TLC's counterexample on the Java twin")
    @MethodSource("specBugs")
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void specBugCounterexampleFailsOnItsJavaTwin(Bug bug) {
        ModelConfig model = layout.model(bug.specModel());
        if (!bug.hasTwin()) {
            report.skipped("bug " + bug.name(), "no Java twin: " + bug.note());
            return;
        }
        TlcResult tlc = counterexample(model);
        if (tlc.outcome() == TlcResult.Outcome.TEMPORAL) {
            lassoOnTwin(bug, model, tlc);
            return;
        }
        assertThat(tlc.property()).as("TLC's verdict on %s: %s", model.name(), tlc.summary())
                .isEqualTo(bug.expectedProperty());
        List<Map<String, String>> states = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (TraceState s : tlc.trace()) {
            states.add(s.vars());
            actions.add(s.action());
        }
        StateGraph g = StateGraph.ofTrace(states, actions);
        SpecModule mod = Modules.of(model.spec());
        Replayer.BugReplay r = new Replayer(mod, model.name(), model.constants(), g, bug.name(),
                Replayer.Options.defaults()).replayToViolation(bug.expectedProperty());
        String cex = r.mismatch() == null ? null : trace(r.mismatch(), "the twin does not follow the counterexample");
        boolean pass = r.mismatch() == null && r.violated();
        List<String> shown = r.atTraceEnd() != null && !r.atTraceEnd().isEmpty() ? r.atTraceEnd() : r.afterFinish();
        String detail = r.mismatch() != null ? r.mismatch().message()
                : r.unsupported() != null ? r.unsupported()
                : (r.atTraceEnd() != null && !r.atTraceEnd().isEmpty() ? "violated at the counterexample's last state: "
                        : "violated once the operations in flight finished: ") + shown;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("traceSteps", g.edges());
        f.put("javaSteps", r.steps());
        report.item("bug " + bug.name(), pass, "violation", f, bug.expectedProperty() + " on the Java twin: " + detail, cex);
        System.out.println("bug " + bug.name() + ": " + (pass ? "shown on Java" : "NOT shown") + " (" + detail + ")");
        assertThat(r.mismatch()).as("the twin of %s follows TLC's counterexample", bug.name()).isNull();
        assertThat(r.violated()).as("%s violated on the Java twin of %s: %s", bug.expectedProperty(), bug.name(), detail)
                .isTrue();
    }

    /** How often the harness goes round a liveness counterexample's cycle on the Java twin. */
    static final int LASSO_PASSES = 3;

    /**
     * A liveness bug (a "leads to" violated): TLC's counterexample is a lasso, a path into a cycle
     * ("Back to state j") or into a state that repeats for ever ("Stuttering"). The twin follows the
     * path and then the cycle {@value #LASSO_PASSES} times, every state compared, so the Java run
     * returns again and again to a state that maps to the cycle's start; the property's bad
     * condition must hold on the Java state at every state of the cycle: for
     * {@code GlobalEventuallyRuns} the same G stays on the global queue, for
     * {@code WorkConservation} a P stays idle while a G is queued.
     */
    static void lassoOnTwin(Bug bug, ModelConfig model, TlcResult tlc) {
        assertThat(model.expect().property()).as("the model's expected property").isEqualTo(bug.expectedProperty());
        Lasso l = lasso(tlc);
        Replayer.LassoReplay r = new Replayer(Modules.of(model.spec()), model.name(), model.constants(), l.graph(),
                bug.name(), Replayer.Options.defaults()).replayLasso(bug.expectedProperty(), l.loopTo());
        String cex = r.mismatch() == null ? null : trace(r.mismatch(), "the twin does not follow the counterexample");
        boolean sameG = !bug.expectedProperty().equals("GlobalEventuallyRuns") || !r.common().isEmpty();
        boolean pass = r.violatedThroughout() && sameG;
        int stemSteps = l.stem().size() - 1;
        int cycleLen = l.backAction() == null ? 1 : l.stem().size() - l.loopTo();
        String detail = r.mismatch() != null ? r.mismatch().message()
                : r.unsupported() != null ? r.unsupported()
                : (pass ? "violated: " : "NOT violated: ") + "the twin followed the " + stemSteps + "-step path and "
                        + (l.backAction() == null ? "stutters in its last state" : "went " + LASSO_PASSES + " times round its "
                        + cycleLen + "-step cycle") + "; at every state of the cycle "
                        + (r.common().isEmpty() ? r.cycle().isEmpty() ? "[]" : r.cycle().get(0) : r.common());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("traceSteps", stemSteps);
        f.put("cycleSteps", l.backAction() == null ? 0 : cycleLen);
        f.put("javaSteps", r.steps());
        report.item("bug " + bug.name(), pass, "violation", f, bug.expectedProperty() + " on the Java twin: " + detail, cex);
        System.out.println("bug " + bug.name() + ": " + (pass ? "shown on Java" : "NOT shown") + " (" + detail + ")");
        assertThat(r.mismatch()).as("the twin of %s follows TLC's counterexample", bug.name()).isNull();
        assertThat(pass).as("%s violated on the Java twin of %s: %s", bug.expectedProperty(), bug.name(), detail).isTrue();
    }

    /** A liveness counterexample: its path, where its cycle starts and the step back, unrolled. */
    record Lasso(List<Map<String, String>> stem, int loopTo, String backAction, StateGraph graph) {}

    /**
     * TLC's lasso as one path: the path to the cycle's end, then {@value #LASSO_PASSES} - 1 more
     * times round the cycle, then back to its start (for "Stuttering", the path alone).
     */
    static Lasso lasso(TlcResult tlc) {
        List<TraceState> tr = tlc.trace();
        TraceState last = tr.get(tr.size() - 1);
        List<Map<String, String>> stem = new ArrayList<>();
        List<String> stemActions = new ArrayList<>();
        List<TraceState> body = last.action() != null && (last.action().startsWith("Back to state")
                || last.action().startsWith("Stuttering")) ? tr.subList(0, tr.size() - 1) : tr;
        for (TraceState st : body) {
            stem.add(st.vars());
            stemActions.add(st.action());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Back to state (\\d+) via (\\S+)")
                .matcher(last.action() == null ? "" : last.action());
        int loopTo;
        String backAction;
        if (m.find()) {
            loopTo = Integer.parseInt(m.group(1)) - 1; // 0-based state index
            backAction = m.group(2);
        } else { // Stuttering: the last state repeats for ever
            loopTo = stem.size() - 1;
            backAction = null;
        }
        List<Map<String, String>> states = new ArrayList<>(stem);
        List<String> actions = new ArrayList<>(stemActions);
        if (backAction != null) {
            for (int pass = 1; pass < LASSO_PASSES; pass++) {
                states.add(stem.get(loopTo));
                actions.add(backAction);
                for (int i = loopTo + 1; i < stem.size(); i++) {
                    states.add(stem.get(i));
                    actions.add(stemActions.get(i));
                }
            }
            states.add(stem.get(loopTo)); // and back to the cycle's start once more
            actions.add(backAction);
        }
        return new Lasso(stem, loopTo, backAction, StateGraph.ofTrace(states, actions));
    }

    /**
     * The port as it is does not follow the Proc bugs' counterexamples: it takes Go's step where
     * the twin takes the bug's (the schedtick%61 look at the global queue; checkRunqsNoP after
     * dropping spinning), so what the lasso shows is the twin's, not the harness's.
     */
    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void procBugCounterexamplesDivergeOnThePort() {
        Map<String, String> goStep = Map.of("no_schedtick_check", "globrunqget_lock",
                "dropspinning_no_recheck", "runqempty_loadhead");
        for (String name : List.of("no_schedtick_check", "dropspinning_no_recheck")) {
            Bug bug = Catalogue.bug(name);
            ModelConfig model = layout.model(bug.specModel());
            Lasso l = lasso(counterexample(model));
            Replayer.LassoReplay r = new Replayer(Modules.of(model.spec()), model.name(), model.constants(), l.graph(),
                    "real", Replayer.Options.defaults()).replayLasso(bug.expectedProperty(), l.loopTo());
            assertThat(r.mismatch()).as("the port follows the counterexample of %s", name).isNotNull();
            System.out.println("the port on " + name + "'s counterexample: step " + r.mismatch().step() + ", "
                    + r.mismatch().message() + ": pc " + r.mismatch().java().get("pc"));
            assertThat(r.mismatch().java().get("pc")).as("the port's step on %s", name).contains(goStep.get(name));
        }
    }

    /**
     * The Java side of StealCopiesQueued is not trivially violated: the port as it is (32-bit
     * counters) follows the counterexample of counter_too_narrow step by step (its counters agree
     * with the spec's modulo 2*RingSize) up to the last step, the thief's runqgrab_cas: there its
     * head has not come back to the int the thief read, so its CAS fails where the spec's (wrapped)
     * CAS succeeds. The port diverges exactly there, on runqhead and the thief's hand, and never
     * commits the torn copy.
     */
    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void counterTooNarrowCounterexampleDoesNotFailOnThePort() {
        Bug bug = Catalogue.bug("counter_too_narrow");
        ModelConfig model = layout.model(bug.specModel());
        TlcResult tlc = counterexample(model);
        List<Map<String, String>> states = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (TraceState s : tlc.trace()) {
            states.add(s.vars());
            actions.add(s.action());
        }
        Replayer.BugReplay r = new Replayer(Modules.of(model.spec()), model.name(), model.constants(),
                StateGraph.ofTrace(states, actions), "real", Replayer.Options.defaults()).replayToViolation(bug.expectedProperty());
        Replayer.Mismatch m = r.mismatch();
        assertThat(m).as("the port cannot take the torn commit: it diverges at the thief's CAS").isNotNull();
        assertThat(m.step()).as("the port follows every step before the thief's CAS: %s", m.message()).isEqualTo(m.path().size());
        assertThat(m.path().get(m.path().size() - 1)).endsWith(": runqgrab_cas");
        assertThat(m.differing()).as("the spec's CAS succeeds, the port's fails").contains("runqhead", "hand");
    }

    // ---- runqgrab_steal_all on Java: the per-step refinement check (issue 9) -------------------

    /**
     * The per-step refinement check is sound on the port: in every replay of a RunQueue model on
     * the port as it is in this run (direction 1's every edge of RunQueue and RunQueue_steal, whose
     * TLC runs check Refinement, and the bug counterexamples replayed on the port), each Java
     * step's effect on the mapped queues is one RunQueueAtomic action of its process, or none
     * (RunQueueModule's {@code refinementStep}); and the check saw every kind of action. Run alone
     * (direction 1 not run), it replays RunQueue_steal's edges itself.
     */
    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyJavaStepOfThePortRefinesTheAtomicQueues() {
        if (RunQueueModule.REAL.actions().isEmpty()) {
            String name = "RunQueue_steal";
            ModelConfig model = Modules.model(layout, name);
            Replayer.Result r = new Replayer(new RunQueueModule(), name, model.constants(), graph(name), "real",
                    Replayer.Options.defaults()).run();
            assertThat(r.mismatches()).as("mismatches of %s", name).isEmpty();
        }
        Map<String, Integer> actions = RunQueueModule.REAL.actions();
        List<String> violations = RunQueueModule.REAL.violations();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("javaSteps", actions.values().stream().mapToInt(Integer::intValue).sum());
        actions.forEach((a, n) -> f.put("steps " + a, n)); // one figure per action: a figure is a number or a string
        f.put("violations", actions.getOrDefault("violation", 0));
        report.item("refinement on the port (RunQueue)", violations.isEmpty(), "pass", f,
                "every Java step of the port replayed in this run changes the mapped queues by one RunQueueAtomic action of "
                        + "its process, or not at all" + (violations.isEmpty() ? "" : "; first violation: " + violations.get(0)), null);
        System.out.println("refinement on the port: " + f);
        assertThat(violations).as("per-step refinement violations on the port").isEmpty();
        List<String> expected = new ArrayList<>(List.of("Publish", "Get", "Steal", "TakeNext", "PutNext", "stutter"));
        if (GRAPHS.containsKey("RunQueue")) { // the model with every operation (its ring of 2: runqputslow's
            // half of a full ring is one G, which the check names Get)
            expected.addAll(List.of("Drain", "GlobPut", "GlobGet", "DestroyMove"));
        }
        assertThat(actions).as("the abstract actions the Java steps took").containsKeys(expected.toArray(String[]::new));
    }

    /**
     * The spec bug runqgrab_steal_all on its Java twin: TLC's counterexample (a thief takes both Gs
     * of a ring of 2) replayed step by step (the twin follows it: it takes the whole queue too),
     * and the per-step refinement check reports the Java step that is no abstract action: the
     * thief's runqgrab_cas took 2 Gs where a thief's batch is at most half, rounded up (1).
     */
    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void runqgrabStealAllIsARefinementViolationOnItsJavaTwin() {
        Bug bug = Catalogue.bug("runqgrab_steal_all");
        assertThat(bug.hasTwin()).isTrue();
        ModelConfig model = layout.model(bug.specModel());
        TlcResult tlc = counterexample(model);
        assertThat(tlc.property()).as("TLC's verdict on %s: %s", model.name(), tlc.summary()).isEqualTo("Refinement");
        List<Map<String, String>> states = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (TraceState st : tlc.trace()) {
            states.add(st.vars());
            actions.add(st.action());
        }
        Replayer.BugReplay r = new Replayer(new RunQueueModule(), model.name(), model.constants(),
                StateGraph.ofTrace(states, actions), bug.name(), Replayer.Options.defaults()).replayToViolation("Refinement");
        assertThat(r.mismatch()).as("the twin follows TLC's counterexample").isNull();
        assertThat(r.atTraceEnd()).as("the refinement violation at the counterexample's last step").hasSize(1);
        assertThat(r.atTraceEnd().get(0)).contains("at runqgrab_cas", "took 2 of the 2 Gs", "StealMax(2) = 1");
        // the port itself cannot take that step: it diverges from the counterexample at the thief's steal
        Replayer.BugReplay port = new Replayer(new RunQueueModule(), model.name(), model.constants(),
                StateGraph.ofTrace(states, actions), "real", Replayer.Options.defaults()).replayToViolation("Refinement");
        assertThat(port.mismatch()).as("the port takes half, not the whole queue").isNotNull();
        assertThat(last(port.mismatch().path())).as("where the port leaves the counterexample: %s", port.mismatch().message())
                .contains("P2: runqgrab_");
    }

    // ---- deliberate divergences: both directions report them ---------------------------------

    /**
     * The divergent variants, each with the model direction 1 replays, the log configuration of
     * direction 2, the number of logs, and where the logs come from: {@code "random"} (seeded Random
     * only), or a third each from jqwik samples, the explorer and seeded Random, with {@code "each"}
     * (every source must reject some) or {@code "any"} (the logs as a whole must).
     */
    static Stream<org.junit.jupiter.params.provider.Arguments> divergences() {
        Map<String, String> runnext = new LinkedHashMap<>(TraceValidation.defaultConstants());
        runnext.put("NumG", "4");
        runnext.put("InitQueued", "0");
        runnext.put("Ops", "{\"putnext\", \"get\", \"steal\", \"empty\"}");
        Map<String, String> dflt = TraceValidation.defaultConstants();
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("tail_before_slot", "RunQueue", dflt, 60, "random"),
                org.junit.jupiter.params.provider.Arguments.of("runqgrab_no_cas", "RunQueue", dflt, 60, "random"),
                org.junit.jupiter.params.provider.Arguments.of("runqputslow_spill_short", "RunQueue", dflt, 60, "each"),
                // a thief must steal runnext between the owner's load and CAS: an empty ring (conformance/models),
                // and more logs, since few schedules put the steal in that window (random schedules found
                // 3 in 400 logs; of these 150, one jqwik sample and one explorer execution do)
                org.junit.jupiter.params.provider.Arguments.of("runqget_retries_runnext", "RunQueue_runnext", runnext, 150, "any"),
                org.junit.jupiter.params.provider.Arguments.of("runqgrab_loadtail_label_late", "RunQueue", dflt, 60, "random"));
    }

    @ParameterizedTest(name = "divergence {0} is reported by both directions")
    @MethodSource("divergences")
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void bothDirectionsReportADivergentVariant(String bug, String modelName, Map<String, String> logConstants,
                                               int logs, String sources) {
        boolean everySource = sources.equals("each");
        ModelConfig model = Modules.model(layout, modelName);
        StateGraph g = GRAPHS.computeIfAbsent(modelName,
                n -> GraphDump.run(layout, model, 2, "2g").graph());
        Replayer.Result r1 = new Replayer(Modules.of("RunQueue"), modelName, model.constants(), g, bug,
                new Replayer.Options(1, 20_000)).run();
        LogCheck r2 = logCheck(bug, logConstants);
        List<TraceValidation.Trace> traces = r2.traces();
        List<TraceValidation.Trace> rej = new ArrayList<>();
        r2.rejected().forEach(x -> rej.add(x.trace()));
        Map<String, Integer> checked = bySource(traces);
        Map<String, Integer> rejected = bySource(rej);
        String d1 = r1.mismatches().isEmpty() ? "not noticed"
                : "step " + r1.mismatches().get(0).step() + " (" + last(r1.mismatches().get(0).path()) + "): "
                + r1.mismatches().get(0).message();
        String d2 = r2.rejected().isEmpty() ? "not noticed"
                : r2.rejected().size() + " of " + traces.size() + " logs rejected" + perSource(rejected, checked)
                + "; first: log " + r2.rejected().get(0).index() + " (" + r2.rejected().get(0).trace().origin()
                + ") at step " + r2.rejected().get(0).firstBadStep() + " (" + step(r2.rejected().get(0)) + ")";
        String cex = r1.mismatches().isEmpty() ? null : trace(r1.mismatches().get(0), "divergence " + bug);
        // a rejected log of every source as a trace file, with the first step the spec cannot take
        Set<String> shown = new java.util.HashSet<>();
        for (TraceValidation.Rejected x : r2.rejected()) {
            if (shown.add(x.trace().origin().source())) {
                String f = rejectedTrace(x, "divergence " + bug);
                cex = cex == null ? f : cex;
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("specToJavaStep", r1.mismatches().isEmpty() ? "none" : r1.mismatches().get(0).step());
        f.put("tracesRejected", r2.rejected().size());
        f.put("tracesChecked", traces.size());
        checked.forEach((s, n) -> {
            if (n > 0) {
                f.put("rejected " + s, rejected.get(s) + " of " + n);
            }
        });
        boolean pass = !r1.mismatches().isEmpty() && !r2.rejected().isEmpty()
                && (!everySource || rejected.values().stream().allMatch(n -> n > 0));
        report.item("divergence " + bug, pass, "violation", f, "spec→Java: " + d1 + "; Java→spec: " + d2, cex);
        System.out.println("divergence " + bug + ": spec→Java " + d1 + "; Java→spec " + d2);
        assertThat(r1.mismatches()).as("spec→Java notices %s", bug).isNotEmpty();
        assertThat(r2.rejected()).as("Java→spec notices %s", bug).isNotEmpty();
        if (everySource) {
            assertThat(checked.values()).as("logs per source %s", checked).allMatch(n -> n > 0);
            assertThat(rejected.values()).as("Java→spec notices %s in logs of every source: rejected %s of %s", bug,
                    rejected, checked).allMatch(n -> n > 0);
        }
    }

    /** A divergence's logs and those TLC rejected (index: in the TLC run's batch). */
    record LogCheck(List<TraceValidation.Trace> traces, List<TraceValidation.Rejected> rejected) {}

    static final Map<String, LogCheck> LOG_CHECKS = new ConcurrentHashMap<>();

    /**
     * The logs of divergence {@code bug}, validated by TLC together with those of every other
     * divergence with the same log constants, in one TLC run (one JVM and one parse of the spec
     * instead of one per divergence); each log names its bug, so the rejections are split by bug.
     */
    static synchronized LogCheck logCheck(String bug, Map<String, String> constants) {
        LogCheck done = LOG_CHECKS.get(bug);
        if (done != null) {
            return done;
        }
        List<Object[]> same = divergences().map(org.junit.jupiter.params.provider.Arguments::get)
                .filter(a -> a[2].equals(constants)).toList();
        List<TraceValidation.Trace> all = new ArrayList<>();
        for (Object[] a : same) {
            String b = (String) a[0];
            int logs = (int) a[3];
            List<TraceValidation.Trace> t = !a[4].equals("random")
                    ? threeSources(constants, b, logs, logs / 3, logs / 3, SEED, new LinkedHashMap<>())
                    : new ArrayList<>();
            for (int i = 0; t.size() < logs; i++) {
                t.add(TraceValidation.record(constants, b, SEED + i, POOL));
            }
            all.addAll(t);
        }
        TraceValidation.Result r = TraceValidation.validate(layout,
                layout.workDir().resolve("trace-validation-" + (same.size() == 1 ? bug : "divergences")),
                constants, all, 2, Duration.ofMinutes(4));
        for (Object[] a : same) {
            String b = (String) a[0];
            LOG_CHECKS.put(b, new LogCheck(all.stream().filter(t -> t.bug().equals(b)).toList(),
                    r.rejected().stream().filter(x -> x.trace().bug().equals(b)).toList()));
        }
        return LOG_CHECKS.get(bug);
    }

    static String perSource(Map<String, Integer> rejected, Map<String, Integer> checked) {
        List<String> parts = new ArrayList<>();
        checked.forEach((s, n) -> {
            if (n > 0) {
                parts.add(s + " " + rejected.get(s) + "/" + n);
            }
        });
        return " (" + String.join(", ", parts) + ")";
    }

    // ---- helpers -------------------------------------------------------------------------------

    static final Map<String, TlcResult> COUNTEREXAMPLES = new ConcurrentHashMap<>();

    /** TLC's run of a bug model (once per model). */
    static TlcResult counterexample(ModelConfig model) {
        return COUNTEREXAMPLES.computeIfAbsent(model.name(),
                n -> TlcRunner.run(layout, model, TlcRunner.Options.fromSystemProperties().withCoverage(false)));
    }

    static String last(List<String> path) {
        return path.isEmpty() ? "initial state" : path.get(path.size() - 1);
    }

    static String step(TraceValidation.Rejected x) {
        List<TraceValidation.Step> s = x.trace().steps();
        TraceValidation.Step st = s.get(Math.min(x.firstBadStep(), s.size()) - 1);
        return (st.p() == 0 ? "the environment's " + st.label() : "P" + st.p() + " at " + st.label())
                + ", changing " + st.changes().keySet();
    }

    /** A logged step's lane: its P, or "env" for an environment action (GFree's stack changes). */
    static String lane(TraceValidation.Step s) {
        return s.p() == 0 ? "env" : "P" + s.p();
    }

    static String trace(Replayer.Mismatch m, String title) {
        List<String> lanes = new ArrayList<>();
        for (int p = 1; p <= m.processes(); p++) {
            lanes.add("P" + p);
        }
        return report.trace(title + (m.bug().equals("real") ? "" : " (" + m.bug() + ")"), m.model(),
                "conformance: mapped Java state = spec state", lanes, m.traceSteps(),
                "Schedule.byThread(" + m.schedule() + ")", m.describe());
    }

    static String rejectedTrace(TraceValidation.Rejected x, String title) {
        return rejectedTrace(x, title, "RunQueueTrace");
    }

    static String rejectedTrace(TraceValidation.Rejected x, String title, String traceSpec) {
        List<Map<String, Object>> steps = new ArrayList<>();
        int i = 0;
        for (TraceValidation.Step s : x.trace().steps()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("index", ++i);
            st.put("lane", lane(s));
            st.put("label", s.label());
            st.put("function", Replayer.function(s.label()));
            Map<String, List<String>> ch = new LinkedHashMap<>();
            s.changes().forEach((k, v) -> ch.put(k, List.of("", v)));
            st.put("changes", ch);
            steps.add(st);
        }
        List<String> lanes = new ArrayList<>();
        for (TraceValidation.Step s : x.trace().steps()) {
            if (!lanes.contains(lane(s))) {
                lanes.add(lane(s));
            }
        }
        java.util.Collections.sort(lanes);
        return report.trace(title + ": log " + x.index() + " (" + x.trace().origin() + ")", traceSpec,
                "trace validation", lanes, steps, x.trace().origin().replay()
                        + (x.trace().origin().source().equals("explorer") ? " with Schedule.byThread(" + x.trace().schedule() + ")" : ""),
                "TLC could not take step " + x.firstBadStep() + " (" + step(x) + "); source: " + x.trace().origin()
                        + "; Java bug: " + x.trace().bug());
    }
}
