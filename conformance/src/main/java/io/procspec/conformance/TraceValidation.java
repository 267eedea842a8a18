package io.procspec.conformance;

import io.procspec.control.Controller;
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
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direction 2, Java to spec: records controlled Java runs of the port on configurations TLC
 * cannot exhaust (3 Ps, rings of 8, counters just below the 2^32 wrap, a dozen Gs, random
 * operations and random schedules) as logs of (process, label, changed variables), and has TLC
 * check in one run per batch that each log is a behaviour of RunQueue ({@code RunQueueTrace.tla}).
 *
 * <p>The Java side is driven by {@link RunQueueModule}'s driver with a random {@link
 * RunQueueModule.Chooser} that obeys the spec's driver rules (an operation needs its input Gs in
 * hand; a P steals only with an empty queue; exactly {@code Fuel} operations in all, then every P
 * is done); p.destroy is left out (it needs the world stopped). The logged variables are the
 * abstraction's ({@link SpecModule#compared()}), so a log is the same view of the Java state that
 * direction 1 compares.
 */
public final class TraceValidation {
    private TraceValidation() {}

    /** One logged step: process (1-based), the label its thread was parked at, the changed variables. */
    public record Step(int p, String label, Map<String, String> changes) {}

    /** One log of a Java run. */
    public record Trace(long seed, String bug, List<Step> steps, List<Integer> schedule, String failure) {}

    /** A log TLC did not accept: the first step the spec could not take (1-based). */
    public record Rejected(int index, Trace trace, int firstBadStep) {}

    /** The outcome of validating a batch. */
    public record Result(int traces, long steps, int accepted, List<Rejected> rejected, double tlcSeconds,
                         String tlcOutputTail) {}

    /** The default trace model: 3 Ps, ring 8, counters from 2^32 - 8 (65528 modulo 2^16), 12 Gs. */
    public static Map<String, String> defaultConstants() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("NumP", "3");
        c.put("NumG", "12");
        c.put("GoVersion", "\"1.21\"");
        c.put("Bug", "\"none\"");
        c.put("RingSize", "8");
        c.put("CounterMod", "65536");
        c.put("CounterStart", "65528");
        c.put("Fuel", "14");
        c.put("InitQueued", "5");
        c.put("Ops", "{\"putnext\", \"put\", \"putbatch\", \"get\", \"drain\", \"steal\", \"empty\", \"globput\", \"globget\"}");
        return c;
    }

    /** Records one controlled Java run with operations and schedule drawn from {@code seed}. */
    public static Trace record(Map<String, String> constants, String bug, long seed, Executor pool) {
        Random rnd = new Random(seed);
        int[] fuel = {Integer.parseInt(constants.get("Fuel"))};
        RunQueueModule mod = new RunQueueModule();
        List<Step> steps = new ArrayList<>();
        List<Integer> sched = new ArrayList<>();
        Controller[] ctl = new Controller[1];
        RunQueueModule.RqWorld[] world = new RunQueueModule.RqWorld[1];
        Map<String, String>[] prev = newMapArray();
        int[] lastP = {-1};
        String[] lastLabel = {null};
        Schedule schedule = (step, options, last) -> {
            Map<String, String> now = world[0].abstraction(ctl[0]);
            if (lastP[0] >= 0) {
                steps.add(new Step(lastP[0] + 1, lastLabel[0], diff(prev[0], now)));
            }
            prev[0] = now;
            int idx = rnd.nextInt(options.size());
            lastP[0] = options.get(idx);
            lastLabel[0] = ctl[0].labelOf(lastP[0]);
            sched.add(lastP[0]);
            return idx;
        };
        ctl[0] = new Controller(schedule).stepLimit(5_000).blockTimeoutMillis(10_000);
        if (pool != null) {
            ctl[0].executor(pool);
        }
        world[0] = (RunQueueModule.RqWorld) mod.newWorld(constants, bug,
                new Replayer.LabelFilter(ctl[0], mod.labels()));
        world[0].chooser = (p, w) -> next(p, w, rnd, fuel);
        for (int p = 0; p < world[0].processes(); p++) {
            ctl[0].thread("P" + (p + 1), world[0].body(p));
        }
        Controller.Run run = ctl[0].run();
        if (lastP[0] >= 0 && run.failure() == null) {
            steps.add(new Step(lastP[0] + 1, lastLabel[0], diff(prev[0], world[0].abstraction(ctl[0]))));
        }
        return new Trace(seed, bug, steps, sched, run.failure() == null ? null : run.failure().toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newMapArray() {
        return (Map<String, String>[]) new Map<?, ?>[1];
    }

    private static Map<String, String> diff(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new LinkedHashMap<>();
        b.forEach((k, v) -> {
            if (!v.equals(a.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The spec driver's rules (RunQueue's NextOps and Dispatch), with random choices. */
    private static RunQueueModule.Cmd next(int p, RunQueueModule.RqWorld w, Random rnd, int[] fuel) {
        if (fuel[0] == 0) {
            return new RunQueueModule.Cmd("done", List.of(), 0, false);
        }
        fuel[0]--;
        List<Integer> hand = new ArrayList<>(w.hand.get(p));
        P pp = w.proc.allp[p];
        boolean ownEmpty = pp.runqhead() == pp.runqtail() && pp.runnext() == null;
        List<String> ops = new ArrayList<>(List.of("get", "drain", "empty", "globget"));
        if (!hand.isEmpty()) {
            ops.addAll(List.of("putnext", "put", "putbatch", "globput"));
        }
        if (w.numP > 1 && ownEmpty) {
            ops.add("steal");
        }
        String op = ops.get(rnd.nextInt(ops.size()));
        return switch (op) {
            case "putnext", "put", "globput" ->
                    new RunQueueModule.Cmd(op, List.of(hand.get(rnd.nextInt(hand.size()))), 0, op.equals("putnext"));
            case "putbatch" -> new RunQueueModule.Cmd(op, hand, 0, false);
            case "steal" -> {
                int v = rnd.nextInt(w.numP - 1) + 1;
                yield new RunQueueModule.Cmd(op, List.of(), (p + v) % w.numP + 1, rnd.nextBoolean());
            }
            case "empty" -> new RunQueueModule.Cmd(op, List.of(), rnd.nextInt(w.numP) + 1, false);
            case "globget" -> new RunQueueModule.Cmd(op, List.of(), rnd.nextInt(2), false);
            default -> new RunQueueModule.Cmd(op, List.of(), 0, false);
        };
    }

    private static final Pattern REACHED = Pattern.compile("<<\"reached\", (\\d+), (\\d+)>>");

    /**
     * Has TLC check every trace of {@code traces} against RunQueue in one run (TLC with
     * {@code workers} workers, in {@code dir}); a trace is accepted when its last step is reached.
     */
    public static Result validate(SpecLayout layout, Path dir, Map<String, String> constants, List<Trace> traces,
                                  int workers, Duration timeout) {
        long t0 = System.nanoTime();
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
            try (InputStream in = TraceValidation.class.getResourceAsStream("RunQueueTrace.tla")) {
                Files.write(dir.resolve("RunQueueTrace.tla"), in.readAllBytes());
            }
            Files.writeString(dir.resolve("RunQueueTraceData.tla"), dataModule(traces), StandardCharsets.UTF_8);
            StringBuilder cfg = new StringBuilder("SPECIFICATION TSpec\nCONSTANTS\n");
            constants.forEach((k, v) -> cfg.append("    ").append(k).append(" = ").append(v).append('\n'));
            Files.writeString(dir.resolve("RunQueueTrace.cfg"), cfg.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = Jvm.command(List.of("-Xmx2g", "-XX:+UseParallelGC"), "tlc2.TLC",
                List.of("-deadlock", "-workers", String.valueOf(workers), "-metadir", "states",
                        "-config", "RunQueueTrace.cfg", "RunQueueTrace.tla"));
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
        boolean finished = r.output().contains("Model checking completed. No error has been found");
        List<Rejected> rejected = new ArrayList<>();
        long steps = 0;
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            steps += t.steps().size();
            int got = reached.getOrDefault(i + 1, 0);
            if (!finished || got != t.steps().size() + 1) {
                rejected.add(new Rejected(i + 1, t, Math.max(got, 1)));
            }
        }
        String out = r.output();
        return new Result(traces.size(), steps, traces.size() - rejected.size(), rejected,
                (System.nanoTime() - t0) / 1e9, out.length() > 3000 ? out.substring(out.length() - 3000) : out);
    }

    /** The TLA+ module holding the logs: TraceData == << log1, log2, ... >>. */
    static String dataModule(List<Trace> traces) {
        StringBuilder sb = new StringBuilder();
        sb.append("---- MODULE RunQueueTraceData ----\n");
        sb.append("\\* Generated by io.procspec.conformance.TraceValidation: logs of controlled Java runs.\n");
        sb.append("EXTENDS TLC, Sequences\n");
        sb.append("TraceData == <<\n");
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            sb.append("  \\* log ").append(i + 1).append(": seed ").append(t.seed()).append('\n');
            sb.append("  <<");
            for (int k = 0; k < t.steps().size(); k++) {
                Step s = t.steps().get(k);
                if (k > 0) {
                    sb.append(",\n    ");
                }
                sb.append("[p |-> ").append(s.p()).append(", l |-> \"").append(s.label()).append("\", c |-> ");
                if (s.changes().isEmpty()) {
                    sb.append("<<>>");
                } else {
                    List<String> parts = new ArrayList<>();
                    s.changes().forEach((v, x) -> parts.add("\"" + v + "\" :> " + x));
                    sb.append('(').append(String.join(" @@ ", parts)).append(')');
                }
                sb.append(']');
            }
            sb.append(">>").append(i + 1 < traces.size() ? "," : "").append('\n');
        }
        sb.append(">>\n====\n");
        return sb.toString();
    }
}
