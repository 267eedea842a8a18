package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.control.Explorer;
import io.procspec.control.Schedule;
import io.procspec.runtime.P;
import io.procspec.spec.Jvm;
import io.procspec.spec.SpecLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direction 2, Java to spec: records controlled Java runs of the port on configurations TLC
 * cannot exhaust (3 Ps, rings of 8, counters just below the 2^32 wrap, 16 Gs) as logs of
 * (process, label, changed variables), and has TLC check in one
 * run per batch of {@link #BATCH} logs that each log is a behaviour of RunQueue
 * ({@code RunQueueTrace.tla}).
 *
 * <p>Every choice of a run (the operations, their inputs, the thread of every step) comes from a
 * {@link Choices}: a seeded {@code Random} ({@link Choices#random}), a list of ints that jqwik
 * generates and can shrink ({@link Choices#of}), or, for the schedule, the enumeration of
 * {@code control/}'s {@link Explorer} ({@link #explore}); each log keeps its {@link Origin}.
 *
 * <p>The Java side is driven by {@link RunQueueModule}'s driver with a {@link
 * RunQueueModule.Chooser} drawing from those choices that obeys the spec's driver rules (an operation needs its input Gs in
 * hand; a P steals only with an empty queue; exactly {@code Fuel} operations in all, then every P
 * is done; only the model's {@code Ops}) and findRunnable's (a fair-share {@code globrunqget}
 * only with an empty local queue, else {@code max = 1}); p.destroy is left out (it needs the
 * world stopped). The logged variables are the
 * abstraction's ({@link SpecModule#compared()}), so a log is the same view of the Java state that
 * direction 1 compares. Every step is also checked against RunQueue's Refinement on the Java side
 * ({@link AtomicRefinement}); for the port as it is, a step that is no RunQueueAtomic action fails
 * the run ({@link Trace#failure()}).
 */
public final class TraceValidation {
    private TraceValidation() {}

    /**
     * One logged step: process (1-based), the label its thread was parked at, the changed variables
     * (for a function of the process, the changed components: {@code (2 :> v)}), and the inputs of
     * the operation the step starts, if it starts one.
     */
    public record Step(int p, String label, Map<String, String> changes, Map<String, String> inputs) {}

    /** The compared variables that are functions of the process (logged by component). */
    static final java.util.Set<String> PER_P = java.util.Set.of("runq", "runqhead", "runqtail", "runnext", "hand", "pc");

    /**
     * A trace spec: the module (a resource beside this class, {@code <module>.tla}, which EXTENDS
     * the spec module and {@code <module>Data}), the compared variables that are functions and are
     * logged by component, and the configuration lines besides the constants.
     *
     * @param module    {@code RunQueueTrace} or {@code GFreeTrace}
     * @param byComponent the compared variables logged by component ({@code (2 :> v)}): functions
     *                  of the process, or of the G
     * @param cfgLines  extra lines of the TLC configuration (the operator overrides)
     * @param compact   how a step is written: false, a record {@code [p |-> 1, l |-> "…", c |-> …, i |-> …]};
     *                  true, a tuple {@code <<1, "…", c>>}, or {@code <<1, "…", c, i>>} when the step
     *                  has inputs (a third less text for SANY to parse)
     */
    public record TraceSpec(String module, Set<String> byComponent, List<String> cfgLines, boolean compact) {}

    /** RunQueue's trace spec ({@code RunQueueTrace.tla}). */
    public static final TraceSpec RUNQUEUE = new TraceSpec("RunQueueTrace", PER_P, List.of("MayStart <- TMayStart"), false);

    /**
     * Where a log's choices came from, so that a rejected log can be reproduced.
     *
     * @param source "random" (a seeded {@code java.util.Random}), "jqwik" (a list of ints a jqwik
     *               arbitrary generated) or "explorer" (an execution of {@code control/}'s
     *               {@link Explorer})
     * @param id     what reproduces it within its source: "seed 42", "sample 17", "ops seed 7, execution 3"
     * @param replay the Java call that records the same log again (shown with a rejected log)
     */
    public record Origin(String source, String id, String replay) {
        @Override
        public String toString() {
            return source + " " + id;
        }
    }

    /** One log of a Java run: its origin, the bug it ran with, the steps, the thread of every step. */
    public record Trace(Origin origin, String bug, List<Step> steps, List<Integer> schedule, String failure) {}

    /**
     * The source of every choice a recorded run makes: the operations, their inputs and (unless a
     * {@link Schedule} is given) the thread of every step.
     */
    public interface Choices {
        /**
         * The next choice.
         *
         * @param bound the number of options, at least 1
         * @return an option in {@code [0, bound)}
         */
        int next(int bound);

        /** A coin flip (a steal's stealRunNextG); by default {@code next(2) == 1}. */
        default boolean flag() {
            return next(2) == 1;
        }

        /**
         * The draws of {@code new Random(seed)}: {@code nextInt(bound)} and {@code nextBoolean()},
         * the choices direction 2 has made since it was written (same seed, same log).
         */
        static Choices random(long seed) {
            Random rnd = new Random(seed);
            return new Choices() {
                @Override
                public int next(int bound) {
                    return rnd.nextInt(bound);
                }

                @Override
                public boolean flag() {
                    return rnd.nextBoolean();
                }
            };
        }

        /**
         * A list of ints, as a jqwik arbitrary generates and shrinks it: choice {@code i} is
         * {@code floorMod(list[i], bound)}; past the end of the list every choice is 0 (the
         * first operation the driver offers; for a step, no preemption). A shorter list, or
         * smaller ints, therefore make a simpler run.
         */
        static Choices of(List<Integer> list) {
            List<Integer> copy = List.copyOf(list);
            int[] i = {0};
            return bound -> i[0] < copy.size() ? Math.floorMod(copy.get(i[0]++), bound) : 0;
        }
    }

    /** A log TLC did not accept: the first step the spec could not take (1-based). */
    public record Rejected(int index, Trace trace, int firstBadStep) {}

    /** The outcome of validating a batch. */
    public record Result(int traces, long steps, int accepted, List<Rejected> rejected, double tlcSeconds,
                         String tlcOutputTail) {}

    /**
     * The default trace model: 3 Ps, ring 8, counters from 2^32 - 8 (65528 modulo 2^16), 16 Gs, P1's
     * ring full at the start (so that runqput spills through runqputslow), 16 operations.
     */
    public static Map<String, String> defaultConstants() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("NumP", "3");
        c.put("NumG", "16");
        c.put("GoVersion", "\"1.21\"");
        c.put("Bug", "\"none\"");
        c.put("RingSize", "8");
        c.put("CounterMod", "65536");
        c.put("CounterStart", "65528");
        c.put("Fuel", "16");
        c.put("InitQueued", "8");
        c.put("Ops", "{\"putnext\", \"put\", \"putbatch\", \"get\", \"drain\", \"steal\", \"empty\", \"globput\", \"globget\"}");
        return c;
    }

    /** Records one controlled Java run with operations and schedule drawn from {@code new Random(seed)}. */
    public static Trace record(Map<String, String> constants, String bug, long seed, Executor pool) {
        return record(constants, bug, Choices.random(seed), null,
                new Origin("random", "seed " + seed, "TraceValidation.record(constants, \"" + bug + "\", " + seed + "L, pool)"),
                pool).trace();
    }

    /**
     * Records one controlled Java run with operations, inputs and schedule drawn from a list of
     * ints (a jqwik sample: see {@link Choices#of}).
     */
    public static Trace record(Map<String, String> constants, String bug, List<Integer> choices, String id,
                               Executor pool) {
        return record(constants, bug, Choices.of(choices), null,
                new Origin("jqwik", id, "TraceValidation.record(constants, \"" + bug + "\", Choices.of(" + choices + "), null, ...)"),
                pool).trace();
    }

    /** A recorded log and the controller's run it came from. */
    public record Recorded(Trace trace, Controller.Run run) {}

    /**
     * Records one controlled Java run: the operations and their inputs from {@code choices}; the
     * thread of every step from {@code threads}, or from {@code choices} when it is null.
     *
     * @param constants the trace model ({@link #defaultConstants()})
     * @param bug       "real", or a bug of the catalogue with a Java twin
     * @param pool      runs the logical threads (null: the controller's own)
     * @return the log (with {@code failure} set when the Java run failed: an exception, a
     *         deadlock, the step limit) and the controller's run
     */
    public static Recorded record(Map<String, String> constants, String bug, Choices choices, Schedule threads,
                                  Origin origin, Executor pool) {
        Choices rnd = choices;
        int[] fuel = {Integer.parseInt(constants.get("Fuel"))};
        RunQueueModule mod = new RunQueueModule();
        List<Step> steps = new ArrayList<>();
        List<Integer> sched = new ArrayList<>();
        Controller[] ctl = new Controller[1];
        RunQueueModule.RqWorld[] world = new RunQueueModule.RqWorld[1];
        Map<String, String>[] prev = newMapArray();
        int[] lastP = {-1};
        String[] lastLabel = {null};
        Object[] lastCmd = {null};
        Schedule schedule = (step, options, last) -> {
            Map<String, String> now = world[0].abstraction(ctl[0]);
            if (lastP[0] >= 0) {
                steps.add(new Step(lastP[0] + 1, lastLabel[0], diff(prev[0], now, PER_P),
                        inputs(world[0], ctl[0], lastP[0], lastCmd[0])));
            }
            prev[0] = now;
            int idx = threads == null ? rnd.next(options.size()) : threads.choose(step, options, last);
            lastP[0] = options.get(idx);
            lastLabel[0] = ctl[0].labelOf(lastP[0]);
            world[0].refinementStep(lastP[0], lastLabel[0]); // RunQueue's Refinement, on the Java side
            lastCmd[0] = world[0].current[lastP[0]];
            sched.add(lastP[0]);
            return idx;
        };
        ctl[0] = new Controller(schedule).stepLimit(5_000).blockTimeoutMillis(10_000);
        if (pool != null) {
            ctl[0].executor(pool);
        }
        world[0] = (RunQueueModule.RqWorld) mod.newWorld(constants, bug,
                new Replayer.LabelFilter(ctl[0], mod.labels()));
        Set<String> allowed = new java.util.HashSet<>(RunQueueModule.stringsOf(constants.get("Ops")));
        world[0].chooser = (p, w) -> next(p, w, rnd, fuel, allowed);
        for (int p = 0; p < world[0].processes(); p++) {
            ctl[0].thread("P" + (p + 1), world[0].body(p));
        }
        Controller.Run run = ctl[0].run();
        if (lastP[0] >= 0 && run.failure() == null) {
            steps.add(new Step(lastP[0] + 1, lastLabel[0], diff(prev[0], world[0].abstraction(ctl[0]), PER_P),
                    inputs(world[0], ctl[0], lastP[0], lastCmd[0])));
        }
        String failure = run.failure() == null ? null : run.failure().toString();
        if (failure == null) {
            world[0].refinementStep(-1, null); // the last step
            if (bug.equals("real") && !world[0].refinement.isEmpty()) {
                // the port's step is no RunQueueAtomic action: TLC would accept the log (it checks the
                // steps, not the refinement), so the recorder reports it
                failure = world[0].refinement.get(0);
            }
        }
        return new Recorded(new Trace(origin, bug, steps, sched, failure), run);
    }

    /**
     * Records the runs of {@code control/}'s {@link Explorer}: every schedule with at most
     * {@code maxPreemptions} preemptions (depth-first, at most {@code maxExecutions} of them), the
     * operations and inputs of each run drawn from {@code new Random(opsSeed)} (the same draws in the
     * same order; which P gets which operation still depends on the schedule). Stops at the first run
     * that fails on the Java side (its log is the last, with {@code failure} set).
     *
     * @return the logs, in the explorer's order; each origin names the seed, the bound and the
     *         execution, and its schedule replays it ({@code Schedule.byThread(trace.schedule())})
     */
    public static Exploration explore(Map<String, String> constants, String bug, long opsSeed, int maxPreemptions,
                                      long maxExecutions, Executor pool) {
        List<Trace> out = new ArrayList<>();
        Explorer.Result r = Explorer.explore(maxPreemptions, maxExecutions, s -> {
            int k = out.size() + 1;
            Recorded rec = record(constants, bug, Choices.random(opsSeed), s,
                    new Origin("explorer", "ops seed " + opsSeed + ", preemption bound " + maxPreemptions + ", execution " + k,
                            "TraceValidation.record(constants, \"" + bug + "\", Choices.random(" + opsSeed
                                    + "L), Schedule.byThread(trace.schedule()), ...)"), pool);
            out.add(rec.trace());
            return rec.run();
        });
        return new Exploration(out, r.complete());
    }

    /**
     * The explorer's logs, in its order, and whether every schedule within the bound was run.
     */
    public record Exploration(List<Trace> traces, boolean complete) {
        /**
         * {@code n} of the logs spread evenly over the enumeration (the first, then every
         * {@code size/n}-th), so that a sample covers early as well as late preemptions; all of
         * them when there are at most {@code n}.
         */
        public List<Trace> spread(int n) {
            if (traces.size() <= n) {
                return traces;
            }
            List<Trace> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(traces.get((int) ((long) i * traces.size() / n)));
            }
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newMapArray() {
        return (Map<String, String>[]) new Map<?, ?>[1];
    }

    /**
     * The variables that differ between two abstractions {@code a} and {@code b} (canonical TLA+
     * text), with b's values; a variable of {@code byComponent} is given by its changed components
     * only ({@code (2 :> v @@ 5 :> w)}), {@code runq} by changed slot.
     */
    static Map<String, String> diff(Map<String, String> a, Map<String, String> b, Set<String> byComponent) {
        Map<String, String> out = new LinkedHashMap<>();
        b.forEach((k, v) -> {
            if (v.equals(a.get(k))) {
                return;
            }
            if (!byComponent.contains(k)) {
                out.put(k, v);
                return;
            }
            List<io.procspec.spec.TlcValue> x = ((io.procspec.spec.TlcValue.Tuple) io.procspec.spec.TlcValue.parse(a.get(k))).elems();
            List<io.procspec.spec.TlcValue> y = ((io.procspec.spec.TlcValue.Tuple) io.procspec.spec.TlcValue.parse(v)).elems();
            Map<String, String> comp = new LinkedHashMap<>();
            for (int i = 0; i < y.size(); i++) {
                String yi = Tla.canon(y.get(i));
                if (yi.equals(Tla.canon(x.get(i)))) {
                    continue;
                }
                if (k.equals("runq")) { // by slot
                    Map<String, io.procspec.spec.TlcValue> xs = ((io.procspec.spec.TlcValue.Fcn) x.get(i)).map();
                    Map<String, io.procspec.spec.TlcValue> ys = ((io.procspec.spec.TlcValue.Fcn) y.get(i)).map();
                    List<String> slots = new ArrayList<>();
                    ys.forEach((slot, val) -> {
                        if (!Tla.canon(val).equals(Tla.canon(xs.get(slot)))) {
                            slots.add(slot + " :> " + Tla.canon(val));
                        }
                    });
                    yi = "(" + String.join(" @@ ", slots) + ")";
                }
                comp.put(Integer.toString(i + 1), yi);
            }
            List<String> parts = new ArrayList<>();
            comp.forEach((i, val) -> parts.add(i + " :> " + val));
            out.put(k, "(" + String.join(" @@ ", parts) + ")");
        });
        return out;
    }

    /**
     * The inputs the spec's driver chooses when process p starts an operation in this step and that
     * no compared variable shows: a steal's victim and stealRunNextG, runqempty's P, globrunqget's
     * max (Dispatch sets the others from the operation: NoG, NoP, 0); empty otherwise.
     */
    private static Map<String, String> inputs(RunQueueModule.RqWorld w, Controller ctl, int p, Object before) {
        boolean ended = ctl.finished(p);
        RunQueueModule.Cmd c = w.current[p];
        if (!ended && c == before) {
            return Map.of();
        }
        String op = ended ? "done" : c.op();
        List<Integer> gs = ended ? List.of() : c.gs();
        Map<String, String> in = new LinkedHashMap<>();
        switch (op) {
            case "steal" -> {
                in.put("victim", Tla.num(c.arg()));
                in.put("stealnext", Tla.bool(c.flag()));
            }
            case "empty" -> in.put("ep", Tla.num(c.arg()));
            case "globget" -> in.put("gmax", Tla.num(c.arg()));
            default -> { } // the G a put takes shows in hand; q is the whole hand; the rest are NoG/NoP/0
        }
        return in;
    }

    /** The spec driver's rules (RunQueue's NextOps and Dispatch), with random choices. */
    private static RunQueueModule.Cmd next(int p, RunQueueModule.RqWorld w, Choices rnd, int[] fuel, Set<String> allowed) {
        if (fuel[0] == 0) {
            return new RunQueueModule.Cmd("done", List.of(), 0, false);
        }
        fuel[0]--;
        List<Integer> hand = new ArrayList<>(w.hand.get(p));
        P pp = w.proc.allp[p];
        boolean ownEmpty = pp.runqhead() == pp.runqtail() && pp.runnext() == null;
        List<String> ops = new ArrayList<>(List.of("get", "drain", "empty", "globget1"));
        if (ownEmpty) {
            ops.add("globget"); // a fair-share batch goes through runqput under sched.lock: findRunnable
                                // takes it only with an empty local queue, so it never spills under the lock
        }
        if (!hand.isEmpty()) {
            ops.addAll(List.of("putnext", "put", "putbatch", "globput"));
        }
        if (w.numP > 1 && ownEmpty) {
            ops.add("steal");
        }
        ops.removeIf(o -> !allowed.contains(o.equals("globget1") ? "globget" : o));
        if (ops.isEmpty()) {
            ops.add("empty");
        }
        String op = ops.get(rnd.next(ops.size()));
        if (op.equals("globget1")) {
            return new RunQueueModule.Cmd("globget", List.of(), 1, false);
        }
        return switch (op) {
            case "putnext", "put", "globput" ->
                    new RunQueueModule.Cmd(op, List.of(hand.get(rnd.next(hand.size()))), 0, op.equals("putnext"));
            case "putbatch" -> new RunQueueModule.Cmd(op, hand, 0, false);
            case "steal" -> {
                int v = rnd.next(w.numP - 1) + 1;
                yield new RunQueueModule.Cmd(op, List.of(), (p + v) % w.numP + 1, rnd.flag());
            }
            case "empty" -> new RunQueueModule.Cmd(op, List.of(), rnd.next(w.numP) + 1, false);
            case "globget" -> new RunQueueModule.Cmd(op, List.of(), 0, false);
            default -> new RunQueueModule.Cmd(op, List.of(), 0, false);
        };
    }

    /**
     * Logs per TLC run. SANY parses the logs as one TLA+ literal and needs about 200 MB of heap per MB
     * of it; 500 logs of the default model are about 3.5 MB (TLC then needs about 1.2 GB).
     */
    static final int BATCH = Integer.getInteger("procspec.conformance.batch", 500);

    /**
     * How many rejected logs are checked again to find the first step the spec cannot take (a
     * rejected log stops early, so this run is short); the others are reported at step 1.
     */
    static final int RECHECKED = 200;

    /**
     * Up to this many logs, TLC reports every step reached in its only run (PrintT of each step is
     * cheap for a few hundred logs), so a rejected log's first step the spec cannot take comes from
     * that run, without the second one (one JVM start and one parse of the spec fewer: the
     * divergences' batches).
     */
    static final int PROGRESS_FIRST = 300;

    private static final Pattern REACHED = Pattern.compile("<<\"reached\", (\\d+), (\\d+)>>");

    /**
     * Has TLC check every trace of {@code traces} against RunQueue in one run (TLC with
     * {@code workers} workers, in {@code dir}); a trace is accepted when its last step is reached.
     * The logs TLC did not accept are checked again in a second run that reports every step
     * reached, to find the first step the spec cannot take.
     */
    public static Result validate(SpecLayout layout, Path dir, Map<String, String> constants, List<Trace> traces,
                                  int workers, Duration timeout) {
        return validate(RUNQUEUE, layout, dir, constants, traces, workers, timeout);
    }

    /**
     * As {@link #validate(SpecLayout, Path, Map, List, int, Duration)}, against trace spec
     * {@code spec} (RunQueue's or GFree's): batches of {@link #BATCH} logs, one TLC run each.
     */
    public static Result validate(TraceSpec spec, SpecLayout layout, Path dir, Map<String, String> constants,
                                  List<Trace> traces, int workers, Duration timeout) {
        long t0 = System.nanoTime();
        List<Integer> notAccepted = new ArrayList<>();
        long steps = 0;
        String firstOut = "";
        boolean progress = traces.size() <= PROGRESS_FIRST;
        Map<Integer, Integer> reachedAll = new HashMap<>();
        for (int from = 0; from < traces.size(); from += BATCH) {
            List<Trace> batch = traces.subList(from, Math.min(traces.size(), from + BATCH));
            Tlc first = tlc(spec, layout, traces.size() <= BATCH ? dir : dir.resolveSibling(dir.getFileName() + "-" + (from / BATCH + 1)),
                    constants, batch, progress, workers, timeout);
            firstOut = first.output;
            for (int i = 0; i < batch.size(); i++) {
                steps += batch.get(i).steps().size();
                reachedAll.put(from + i, first.reached.getOrDefault(i + 1, 0));
                if (!first.finished || first.reached.getOrDefault(i + 1, 0) != batch.get(i).steps().size() + 1) {
                    notAccepted.add(from + i);
                }
            }
        }
        List<Rejected> rejected = new ArrayList<>();
        String out = firstOut;
        if (!notAccepted.isEmpty() && progress) { // every step reached is known already
            for (int i : notAccepted) {
                rejected.add(new Rejected(i + 1, traces.get(i), Math.max(reachedAll.get(i), 1)));
            }
        } else if (!notAccepted.isEmpty()) {
            List<Trace> again = new ArrayList<>();
            for (int i : notAccepted.subList(0, Math.min(RECHECKED, notAccepted.size()))) {
                again.add(traces.get(i));
            }
            Tlc second = tlc(spec, layout, dir.resolveSibling(dir.getFileName() + "-rejected"), constants, again, true,
                    workers, timeout);
            for (int k = 0; k < notAccepted.size(); k++) {
                int i = notAccepted.get(k);
                int got = k < again.size() ? second.reached.getOrDefault(k + 1, 0) : 0;
                rejected.add(new Rejected(i + 1, traces.get(i), Math.max(got, 1)));
            }
            out = second.output;
        }
        return new Result(traces.size(), steps, traces.size() - rejected.size(), rejected,
                (System.nanoTime() - t0) / 1e9, out.length() > 3000 ? out.substring(out.length() - 3000) : out);
    }

    /**
     * Whether TLC accepts one log (one TLC run with one worker in {@code dir}, no second run): the
     * check a shrinker repeats for every candidate.
     */
    public static boolean accepted(SpecLayout layout, Path dir, Map<String, String> constants, Trace trace,
                                   Duration timeout) {
        Tlc r = tlc(RUNQUEUE, layout, dir, constants, List.of(trace), false, 1, timeout);
        return r.finished && r.reached.getOrDefault(1, 0) == trace.steps().size() + 1;
    }

    private record Tlc(boolean finished, Map<Integer, Integer> reached, String output) {}

    private static Tlc tlc(TraceSpec spec, SpecLayout layout, Path dir, Map<String, String> constants, List<Trace> traces,
                           boolean progress, int workers, Duration timeout) {
        try {
            if (Files.exists(dir)) {
                try (var s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            for (Path m : layout.modules()) {
                Files.copy(m, dir.resolve(m.getFileName()));
            }
            try (InputStream in = TraceValidation.class.getResourceAsStream(spec.module() + ".tla")) {
                Files.write(dir.resolve(spec.module() + ".tla"), in.readAllBytes());
            }
            Files.writeString(dir.resolve(spec.module() + "Data.tla"), dataModule(spec.module() + "Data", traces, progress, spec.compact()),
                    StandardCharsets.UTF_8);
            StringBuilder cfg = new StringBuilder("SPECIFICATION TSpec\nCONSTANTS\n");
            constants.forEach((k, v) -> cfg.append("    ").append(k).append(" = ").append(v).append('\n'));
            for (String line : spec.cfgLines()) {
                cfg.append("    ").append(line).append('\n');
            }
            Files.writeString(dir.resolve(spec.module() + ".cfg"), cfg.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = Jvm.command(List.of("-Xmx2g", "-XX:+UseParallelGC"), "tlc2.TLC",
                List.of("-deadlock", "-workers", String.valueOf(workers), "-metadir", "states",
                        "-config", spec.module() + ".cfg", spec.module() + ".tla"));
        Jvm.Result r = Jvm.run(cmd, dir, timeout);
        try {
            Files.writeString(dir.resolve("tlc.out"), r.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Integer> reached = new HashMap<>();
        Matcher m = REACHED.matcher(r.output());
        while (m.find()) {
            reached.merge(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Math::max);
        }
        return new Tlc(r.output().contains("Model checking completed. No error has been found"), reached, r.output());
    }

    /** The TLA+ module holding the logs: TraceData == << log1, log2, ... >>. */
    static String dataModule(List<Trace> traces, boolean progress) {
        return dataModule("RunQueueTraceData", traces, progress, false);
    }

    /**
     * The TLA+ module {@code name} holding the logs: TraceData == << log1, log2, ... >>, each step
     * a record or, {@code compact}, a tuple (see {@link TraceSpec#compact()}).
     */
    static String dataModule(String name, List<Trace> traces, boolean progress, boolean compact) {
        StringBuilder sb = new StringBuilder();
        sb.append("---- MODULE ").append(name).append(" ----\n");
        sb.append("\\* Generated by io.procspec.conformance.TraceValidation: logs of controlled Java runs.\n");
        sb.append("EXTENDS TLC, Sequences\n");
        sb.append("TraceData == <<\n");
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            sb.append("  \\* log ").append(i + 1).append(": ").append(t.origin().id()).append('\n');
            sb.append("  <<");
            for (int k = 0; k < t.steps().size(); k++) {
                Step s = t.steps().get(k);
                if (k > 0) {
                    sb.append(",\n    ");
                }
                if (compact) {
                    sb.append("<<").append(s.p()).append(", \"").append(s.label()).append("\", ");
                    fcn(sb, s.changes());
                    if (!s.inputs().isEmpty()) {
                        sb.append(", ");
                        fcn(sb, s.inputs());
                    }
                    sb.append(">>");
                    continue;
                }
                sb.append("[p |-> ").append(s.p()).append(", l |-> \"").append(s.label()).append("\", c |-> ");
                fcn(sb, s.changes());
                sb.append(", i |-> ");
                fcn(sb, s.inputs());
                sb.append(']');
            }
            sb.append(">>").append(i + 1 < traces.size() ? "," : "").append('\n');
        }
        sb.append(">>\n");
        sb.append("Progress == ").append(progress ? "TRUE" : "FALSE").append('\n');
        sb.append("====\n");
        return sb.toString();
    }

    private static void fcn(StringBuilder sb, Map<String, String> m) {
        if (m.isEmpty()) {
            sb.append("<<>>");
            return;
        }
        List<String> parts = new ArrayList<>();
        m.forEach((v, x) -> parts.add("\"" + v + "\" :> " + x));
        sb.append('(').append(String.join(" @@ ", parts)).append(')');
    }
}
