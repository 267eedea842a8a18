package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.control.Schedule;
import io.procspec.runtime.Mutex;
import io.procspec.runtime.SchedPoint;
import io.procspec.spec.TlcValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Direction 1, spec to Java: replays paths of TLC's state graph that together cover every edge on
 * the Java port in controlled mode, and after every step compares the mapped Java state
 * ({@link SpecModule.World#abstraction}) with the spec's successor state.
 *
 * <p><b>Paths.</b> From an initial state, along the shortest (BFS-tree) path to a state that has
 * an edge not yet covered; then greedily on: an uncovered edge of the current state if there is
 * one, else the shortest way (bounded search) to the nearest state with one; a run ends where no
 * uncovered edge is reachable. Every path is one controlled run: a fresh Proc and one logical
 * thread per process.
 *
 * <p><b>Which process acts.</b> TLC labels an edge with the action's name, which for a PlusCal
 * process is the label it was at; the acting process is the one at that label, or (when several
 * are) the one whose own variables changed. When that still leaves several (their step changed no
 * variable of their own), the first is taken and the edge is counted as ambiguous; if the Java
 * side then disagrees, the run is repeated with the next candidate before a mismatch is reported.
 */
public final class Replayer {

    /** How to replay. */
    public record Options(int maxMismatches, int searchLimit) {
        public static Options defaults() {
            return new Options(5, 20_000);
        }
    }

    /** One edge the Java side disagreed on. */
    public record Mismatch(String model, String bug, int step, List<String> path, List<Integer> schedule,
                           Map<String, String> spec, Map<String, String> java, List<String> differing,
                           String message, List<Map<String, Object>> traceSteps, int processes) {

        /** The path so far, then a side-by-side diff of the differing variables, then the schedule. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("mismatch in ").append(model).append(bug.equals("real") ? "" : " (Java twin of " + bug + ")")
                    .append(" at step ").append(step).append(": ").append(message).append('\n');
            sb.append("path (process: action):\n");
            for (int i = 0; i < path.size(); i++) {
                sb.append(String.format("  %3d  %s%n", i + 1, path.get(i)));
            }
            if (!differing.isEmpty()) {
                int w = 10;
                for (String v : differing) {
                    w = Math.max(w, v.length());
                }
                sb.append(String.format("  %-" + w + "s | %-40s | %s%n", "variable", "spec", "Java (mapped)"));
                for (String v : differing) {
                    sb.append(String.format("  %-" + w + "s | %-40s | %s%n", v, spec.get(v), java.get(v)));
                }
            }
            sb.append("replay: Schedule.byThread(").append(schedule).append(") (logical thread p-1 is P p)\n");
            return sb.toString();
        }
    }

    /** The outcome for one model. */
    public record Result(String model, String module, String bug, int states, int edges, int covered,
                         Map<String, Integer> notReplayable, int ambiguous, List<Mismatch> mismatches,
                         long runs, long steps, double seconds) {
        public int uncovered() {
            int nr = notReplayable.values().stream().mapToInt(Integer::intValue).sum();
            return edges - covered - nr;
        }
    }

    private static final java.util.concurrent.ExecutorService POOL = Pools.daemon();
    private static final boolean DEBUG = Boolean.getBoolean("procspec.conformance.debug");
    private static final int ENV = -1;
    private static final int NOT_REPLAYABLE = -2;

    private final SpecModule mod;
    private final StateGraph g;
    private final Map<String, String> constants;
    private final String model;
    private final String bug;
    private final Options opts;
    private final int[] compared;
    private final List<Map<Integer, String>> canon = new ArrayList<>();
    private final int[] actor;
    private final int[][] candidates;
    private final Map<Integer, List<String>> pcCache = new HashMap<>();
    private final int pcVar;

    public Replayer(SpecModule mod, String model, Map<String, String> constants, StateGraph g, String bug, Options opts) {
        this.mod = mod;
        this.g = g;
        this.constants = constants;
        this.model = model;
        this.bug = bug;
        this.opts = opts;
        mod.checkVariables(g.vars());
        compared = new int[mod.compared().size()];
        for (int i = 0; i < compared.length; i++) {
            compared[i] = g.vars().indexOf(mod.compared().get(i));
            canon.add(new HashMap<>());
        }
        pcVar = g.vars().indexOf("pc");
        actor = new int[g.edges()];
        candidates = new int[g.edges()][];
        Arrays.fill(actor, Integer.MIN_VALUE);
    }

    // ---- which process acts --------------------------------------------------------------------

    private List<String> pcs(int s) {
        return pcCache.computeIfAbsent(g.valueId(s, pcVar), k -> {
            List<String> out = new ArrayList<>();
            TlcValue v = TlcValue.parse(g.value(s, pcVar));
            List<TlcValue> elems = v instanceof TlcValue.Tuple t ? t.elems()
                    : new ArrayList<>(((TlcValue.Fcn) v).map().values());
            for (TlcValue e : elems) {
                out.add(RunQueueModule.strip(e));
            }
            return out;
        });
    }

    private int actor(int e) {
        if (actor[e] != Integer.MIN_VALUE) {
            return actor[e];
        }
        String a = g.action(e);
        int r;
        String at = mod.processActions().getOrDefault(a, a); // the label the acting process is at
        if (mod.environmentActions().containsKey(a)) {
            r = ENV;
        } else if (!mod.labels().contains(at)) {
            r = NOT_REPLAYABLE;
        } else {
            a = at;
            List<String> pc = pcs(g.from(e));
            List<Integer> cand = new ArrayList<>();
            for (int p = 0; p < pc.size(); p++) {
                if (pc.get(p).equals(a)) {
                    cand.add(p);
                }
            }
            if (cand.size() > 1) {
                List<Integer> changed = new ArrayList<>();
                for (String var : mod.perProcess()) {
                    int vi = g.vars().indexOf(var);
                    if (vi < 0 || g.valueId(g.from(e), vi) == g.valueId(g.to(e), vi)) {
                        continue;
                    }
                    List<TlcValue> x = elems(TlcValue.parse(g.value(g.from(e), vi)));
                    List<TlcValue> y = elems(TlcValue.parse(g.value(g.to(e), vi)));
                    for (int p = 0; p < Math.min(x.size(), y.size()); p++) {
                        if (!Tla.canon(x.get(p)).equals(Tla.canon(y.get(p))) && !changed.contains(p)) {
                            changed.add(p);
                        }
                    }
                }
                List<Integer> both = new ArrayList<>(cand);
                both.retainAll(changed);
                if (both.size() == 1) {
                    cand = both;
                }
            }
            if (cand.isEmpty()) {
                throw new IllegalStateException("edge " + e + " (" + a + "): no process is at that label");
            }
            candidates[e] = cand.stream().mapToInt(Integer::intValue).toArray();
            r = cand.get(0);
        }
        actor[e] = r;
        return r;
    }

    private static List<TlcValue> elems(TlcValue v) {
        if (v instanceof TlcValue.Tuple t) {
            return t.elems();
        }
        if (v instanceof TlcValue.Fcn f) {
            return new ArrayList<>(f.map().values());
        }
        return List.of(v);
    }

    // ---- the spec side, canonical --------------------------------------------------------------

    private Map<String, String> specCompared(int s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < compared.length; i++) {
            int id = g.valueId(s, compared[i]);
            final int vi = compared[i];
            out.put(mod.compared().get(i), canon.get(i).computeIfAbsent(id, k -> Tla.canon(g.value(s, vi))));
        }
        return out;
    }

    // ---- the replay ----------------------------------------------------------------------------

    public Result run() {
        long t0 = System.nanoTime();
        int n = g.states();
        int m = g.edges();
        boolean[] covered = new boolean[m];
        boolean[] used = new boolean[m];
        int[] unc = new int[n];
        Map<String, Integer> notReplayable = new TreeMap<>();
        int ambiguous = 0;
        for (int e = 0; e < m; e++) {
            int a = actor(e);
            if (a == NOT_REPLAYABLE) {
                notReplayable.merge(g.action(e), 1, Integer::sum);
                used[e] = true;
            } else {
                unc[g.from(e)]++;
                if (candidates[e] != null && candidates[e].length > 1) {
                    ambiguous++;
                }
            }
        }
        // BFS tree from the initial states
        int[] parent = new int[n];
        int[] dist = new int[n];
        Arrays.fill(parent, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s : g.initial()) {
            parent[s] = -1;
            queue.add(s);
        }
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            int s = queue.poll();
            order.add(s);
            for (int k = 0; k < g.outDegree(s); k++) {
                int e = g.outEdge(s, k);
                if (actor[e] == NOT_REPLAYABLE) {
                    continue;
                }
                int t = g.to(e);
                if (parent[t] == -2) {
                    parent[t] = e;
                    dist[t] = dist[s] + 1;
                    queue.add(t);
                }
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        long runs = 0;
        long steps = 0;
        outer:
        for (int s : order) {
            while (unc[s] > 0) {
                List<Integer> path = new ArrayList<>();
                for (int x = s; parent[x] >= 0; x = g.from(parent[x])) {
                    path.add(parent[x]);
                }
                java.util.Collections.reverse(path);
                int cur = s;
                while (true) {
                    int next = -1;
                    for (int k = 0; k < g.outDegree(cur); k++) {
                        int e = g.outEdge(cur, k);
                        if (!used[e]) {
                            next = e;
                            if (unc[g.to(e)] > 0) {
                                break;
                            }
                        }
                    }
                    if (next >= 0) {
                        path.add(next);
                        used[next] = true;
                        unc[cur]--;
                        cur = g.to(next);
                        continue;
                    }
                    List<Integer> way = nearestUncovered(cur, unc);
                    if (way == null) {
                        break;
                    }
                    path.addAll(way);
                    cur = g.to(way.get(way.size() - 1));
                }
                for (int e : path) {
                    if (!used[e]) { // a tree or connecting edge not yet counted
                        used[e] = true;
                        unc[g.from(e)]--;
                    }
                }
                int root = path.isEmpty() ? s : g.from(path.get(0));
                Outcome o = execute(root, path, null);
                runs += o.attempts;
                steps += o.steps;
                int upTo = o.mismatch == null ? path.size() : o.mismatch.step() - 1;
                for (int i = 0; i < upTo; i++) {
                    covered[path.get(i)] = true;
                }
                if (o.mismatch != null) {
                    mismatches.add(o.mismatch);
                    if (mismatches.size() >= opts.maxMismatches()) {
                        break outer;
                    }
                }
            }
        }
        int cov = 0;
        for (boolean c : covered) {
            if (c) {
                cov++;
            }
        }
        return new Result(model, mod.name(), bug, n, m, cov, notReplayable, ambiguous, mismatches, runs, steps,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The shortest way from s to a state with an uncovered edge (bounded breadth-first search). */
    private List<Integer> nearestUncovered(int s, int[] unc) {
        Map<Integer, Integer> via = new HashMap<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        via.put(s, -1);
        q.add(s);
        while (!q.isEmpty() && via.size() < opts.searchLimit()) {
            int x = q.poll();
            if (x != s && unc[x] > 0) {
                List<Integer> way = new ArrayList<>();
                for (int y = x; via.get(y) >= 0; y = g.from(via.get(y))) {
                    way.add(via.get(y));
                }
                java.util.Collections.reverse(way);
                return way;
            }
            for (int k = 0; k < g.outDegree(x); k++) {
                int e = g.outEdge(x, k);
                if (actor[e] == NOT_REPLAYABLE) {
                    continue;
                }
                int t = g.to(e);
                if (!via.containsKey(t)) {
                    via.put(t, e);
                    q.add(t);
                }
            }
        }
        return null;
    }

    private static final class Outcome {
        Mismatch mismatch;
        long steps;
        int attempts;
    }

    /** Thrown by the replay schedule when the Java side disagrees; carries the step. */
    private static final class Disagree extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int step;
        final Map<String, String> spec;
        final Map<String, String> java;

        Disagree(int step, String msg, Map<String, String> spec, Map<String, String> java) {
            super(msg, null, false, false);
            this.step = step;
            this.spec = spec;
            this.java = java;
        }
    }

    /** Replays path (edges from root) once, or again with other candidates for ambiguous edges. */
    private Outcome execute(int root, List<Integer> path, int[] choice) {
        Outcome o = new Outcome();
        int[] pick = choice != null ? choice : new int[path.size()];
        for (int attempt = 0; attempt < 8; attempt++) {
            o.attempts++;
            Mismatch mm = executeOnce(root, path, pick, o);
            if (mm == null) {
                o.mismatch = null;
                return o;
            }
            o.mismatch = mm;
            // another candidate for the latest ambiguous edge at or before the mismatch
            boolean retried = false;
            for (int i = Math.min(mm.step() - 1, path.size() - 1); i >= 0 && !retried; i--) {
                int[] c = candidates[path.get(i)];
                if (c != null && c.length > 1 && pick[i] + 1 < c.length) {
                    pick[i]++;
                    for (int j = i + 1; j < pick.length; j++) {
                        pick[j] = 0;
                    }
                    retried = true;
                }
            }
            if (!retried) {
                return o;
            }
        }
        return o;
    }

    /** A bug's counterexample replayed on its Java twin. */
    public record BugReplay(Mismatch mismatch, int steps, List<String> atTraceEnd, List<String> afterFinish,
                            String unsupported) {
        /** Whether the Java state showed the property violated (at the trace's end, or once the operations in flight finished). */
        public boolean violated() {
            return atTraceEnd != null && !atTraceEnd.isEmpty() || afterFinish != null && !afterFinish.isEmpty();
        }
    }

    /**
     * Replays this graph's one path (a TLC counterexample, {@link StateGraph#ofTrace}) on the Java
     * side, comparing every step, then checks {@code property} on the Java state; if it holds
     * there, lets every thread finish the operation it is in (no more spec steps to follow) and
     * checks again.
     */
    public BugReplay replayToViolation(String property) {
        List<Integer> path = new ArrayList<>();
        for (int e = 0; e < g.edges(); e++) {
            actor(e);
            path.add(e);
        }
        End end = new End(property);
        Outcome o = new Outcome();
        Mismatch mm = executeOnce(g.initial()[0], path, new int[path.size()], o, end);
        return new BugReplay(mm, (int) o.steps, end.atEnd, end.afterFinish, end.unsupported);
    }

    /**
     * A liveness counterexample (a lasso) replayed on the Java side: TLC's path from the initial
     * state through its cycle, the cycle unrolled as often as the graph has it. {@code cycle} holds,
     * for each state from the cycle's first on, the property's bad condition on the Java state
     * there ({@link SpecModule.World#violations}): the Java run follows the cycle back to a state
     * that maps to its start, so it can go round for ever, and the condition holding at every
     * state of the cycle is the violation of the "leads to".
     */
    public record LassoReplay(Mismatch mismatch, int steps, List<List<String>> cycle, String unsupported) {
        /** Whether the bad condition held at every state of the cycle. */
        public boolean violatedThroughout() {
            return mismatch == null && unsupported == null && !cycle.isEmpty() && cycle.stream().noneMatch(List::isEmpty);
        }

        /** What held at every state of the cycle (for a property about one G: that G's entry). */
        public List<String> common() {
            if (cycle.isEmpty()) {
                return List.of();
            }
            List<String> c = new ArrayList<>(cycle.get(0));
            for (List<String> l : cycle) {
                c.retainAll(l);
            }
            return c;
        }
    }

    /**
     * Replays this graph's one path (a lasso unrolled by the caller, {@link StateGraph#ofTrace}),
     * comparing every step (ring slots outside head..tail left out: TLC prints the lasso under
     * the model's VIEW, which forgets them), and records {@code property}'s bad condition on the Java state at every
     * state from index {@code cycleFrom} (0 is the initial state) on.
     */
    public LassoReplay replayLasso(String property, int cycleFrom) {
        List<Integer> path = new ArrayList<>();
        for (int e = 0; e < g.edges(); e++) {
            actor(e);
            path.add(e);
        }
        Lasso l = new Lasso(property, cycleFrom);
        Outcome o = new Outcome();
        maskStaleSlots = true; // TLC printed the lasso under the model's VIEW
        Mismatch mm = executeOnce(g.initial()[0], path, new int[path.size()], o, null, l);
        return new LassoReplay(mm, (int) o.steps, l.perState, l.unsupported);
    }

    private static final class Lasso {
        final String property;
        final int from;
        final List<List<String>> perState = new ArrayList<>();
        int last = -1;
        String unsupported;

        Lasso(String property, int from) {
            this.property = property;
            this.from = from;
        }

        void observe(SpecModule.World w, Controller ctl, int state) {
            if (state < from || state <= last || unsupported != null) {
                return;
            }
            last = state;
            try {
                perState.add(w.violations(property, ctl));
            } catch (UnsupportedOperationException e) {
                unsupported = e.getMessage();
            }
        }
    }

    private static final class End {
        final String property;
        List<String> atEnd;
        List<String> afterFinish;
        String unsupported;
        boolean finishing;

        End(String property) {
            this.property = property;
        }

        /** At the end of the path; true to go on (finish the operations in flight). */
        boolean atEnd(SpecModule.World w, Controller ctl) {
            try {
                atEnd = w.violations(property, ctl);
            } catch (UnsupportedOperationException e) {
                unsupported = e.getMessage();
                atEnd = List.of();
            }
            if (atEnd.isEmpty() && unsupported == null) {
                finishing = true;
                w.finishOperations();
                return true;
            }
            return false;
        }
    }

    private Mismatch executeOnce(int root, List<Integer> path, int[] pick, Outcome o) {
        return executeOnce(root, path, pick, o, null);
    }

    private Mismatch executeOnce(int root, List<Integer> path, int[] pick, Outcome o, End end) {
        return executeOnce(root, path, pick, o, end, null);
    }

    private Mismatch executeOnce(int root, List<Integer> path, int[] pick, Outcome o, End end, Lasso lasso) {
        int[] k = {0};
        List<Integer> sched = new ArrayList<>();
        SpecModule.World[] world = new SpecModule.World[1];
        Controller[] ctlRef = new Controller[1];
        Schedule schedule = (step, options, last) -> {
            Controller ctl = ctlRef[0];
            if (end != null && end.finishing) {
                return 0; // finishing the operations in flight: no preemption, nothing to compare
            }
            int state = k[0] == 0 ? root : g.to(path.get(k[0] - 1));
            check(world[0], ctl, state, k[0]);
            if (lasso != null) {
                lasso.observe(world[0], ctl, k[0]);
            }
            while (k[0] < path.size() && actor[path.get(k[0])] == ENV) {
                int e = path.get(k[0]);
                world[0].environment(g.action(e), g.state(g.from(e)), g.state(g.to(e)));
                k[0]++;
                check(world[0], ctl, g.to(e), k[0]);
                if (lasso != null) {
                    lasso.observe(world[0], ctl, k[0]);
                }
            }
            if (k[0] == path.size()) {
                if (end != null && end.atEnd(world[0], ctl)) {
                    return 0;
                }
                return Schedule.STOP;
            }
            int e = path.get(k[0]);
            int[] cand = candidates[e];
            int p = cand == null ? actor[e] : cand[Math.min(pick[k[0]], cand.length - 1)];
            world[0].beforeStep(p, ctl.labelOf(p), g.state(g.to(e)));
            int idx = options.indexOf(p);
            if (DEBUG) {
                System.err.println("step " + (k[0] + 1) + ": P" + (p + 1) + " " + g.action(e) + " options " + options
                        + " labels " + ctl.labelOf(0) + "/" + ctl.labelOf(1) + " finished " + ctl.finished(0) + "/" + ctl.finished(1));
            }
            k[0]++;
            if (idx < 0) {
                String why = ctl.finished(p) ? "has finished" : "is blocked at " + ctl.labelOf(p) + " (a mutex is held)";
                throw new Disagree(k[0], "the spec's P" + (p + 1) + " takes step " + g.action(e)
                        + " but the Java thread " + why, Map.of(), Map.of());
            }
            sched.add(p);
            o.steps++;
            return idx;
        };
        Controller ctl = new Controller(schedule).stepLimit(path.size() + (end != null ? 10_000 : 2))
                .blockTimeoutMillis(10_000).executor(POOL);
        ctlRef[0] = ctl;
        SchedPoint filter = new LabelFilter(ctl, mod.labels());
        try {
            world[0] = mod.newWorld(constants, bug, filter);
            for (int p = 0; p < world[0].processes(); p++) {
                ctl.thread("P" + (p + 1), world[0].body(p));
            }
            Controller.Run run = ctl.run();
            if (end != null && end.finishing) {
                end.afterFinish = end.atEnd.isEmpty() ? world[0].violations(end.property, ctl) : List.of();
                if (run.failure() != null) {
                    end.afterFinish = new ArrayList<>(end.afterFinish);
                    end.afterFinish.add("the Java side failed while finishing: " + run.failure());
                }
                return null;
            }
            if (run.failure() != null) {
                Throwable f = run.failure();
                return mismatch(path, k[0], sched, Map.of(), Map.of(), "the Java side failed: " + f);
            }
            if (ctl.stopped()) {
                return null; // the schedule checked the last state before it stopped the run
            }
            // every thread ended before the path did: the rest are environment steps (stutters)
            while (k[0] < path.size() && actor[path.get(k[0])] == ENV) {
                int e = path.get(k[0]);
                world[0].environment(g.action(e), g.state(g.from(e)), g.state(g.to(e)));
                k[0]++;
            }
            int state = k[0] == 0 ? root : g.to(path.get(k[0] - 1));
            check(world[0], ctl, state, k[0]);
            if (k[0] < path.size()) {
                return mismatch(path, k[0] + 1, sched, Map.of(), Map.of(), "the Java threads all ended, but the spec's "
                        + "P" + (actor[path.get(k[0])] + 1) + " still takes step " + g.action(path.get(k[0])));
            }
            if (end != null && end.atEnd == null && end.atEnd(world[0], ctl)) {
                end.afterFinish = List.of(); // every thread ended with the path: nothing was in flight
            }
            return null;
        } catch (Disagree d) {
            return mismatch(path, d.step, sched, d.spec, d.java, d.getMessage());
        }
    }

    /**
     * Whether ring slots outside head..tail are left out of the comparison: set for TLC's
     * counterexamples, which it prints under the model's VIEW (Proc's RunqView forgets such slots,
     * so a printed state may show any value there that a state with the same view had).
     */
    private boolean maskStaleSlots;

    private void check(SpecModule.World w, Controller ctl, int state, int step) {
        Throwable f = ctl.failure();
        if (f != null) {
            throw new Disagree(step, "the Java side failed: " + f, Map.of(), Map.of());
        }
        Map<String, String> spec = specCompared(state);
        Map<String, String> java = w.abstraction(ctl);
        if (maskStaleSlots) {
            spec = liveSlotsOnly(spec);
            java = liveSlotsOnly(java);
        }
        for (String v : mod.compared()) {
            if (!spec.get(v).equals(java.get(v))) {
                throw new Disagree(step, "after step " + step + " the mapped Java state differs from the spec's", spec, java);
            }
        }
    }

    /** {@code runq} with every slot outside its ring's head..tail shown as NoG (0). */
    private Map<String, String> liveSlotsOnly(Map<String, String> st) {
        if (!st.containsKey("runq") || !st.containsKey("runqhead") || !st.containsKey("runqtail")
                || !constants.containsKey("CounterMod")) {
            return st;
        }
        long mod = Long.parseLong(constants.get("CounterMod"));
        List<TlcValue> rings = elems(TlcValue.parse(st.get("runq")));
        List<TlcValue> heads = elems(TlcValue.parse(st.get("runqhead")));
        List<TlcValue> tails = elems(TlcValue.parse(st.get("runqtail")));
        List<String> out = new ArrayList<>();
        for (int p = 0; p < rings.size(); p++) {
            Map<String, TlcValue> slots = ((TlcValue.Fcn) rings.get(p)).map();
            long h = Long.parseLong(heads.get(p).toString());
            long n = Math.min(Math.floorMod(Long.parseLong(tails.get(p).toString()) - h, mod), slots.size());
            java.util.Set<Long> live = new java.util.HashSet<>();
            for (long k = 0; k < n; k++) {
                live.add((h + k) % slots.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, TlcValue> e : slots.entrySet()) {
                m.put(e.getKey(), live.contains(Long.parseLong(e.getKey())) ? Tla.canon(e.getValue()) : "0");
            }
            out.add(Tla.fcn(m));
        }
        Map<String, String> r = new LinkedHashMap<>(st);
        r.put("runq", Tla.tuple(out));
        return r;
    }

    private Mismatch mismatch(List<Integer> path, int step, List<Integer> sched, Map<String, String> spec,
                              Map<String, String> java, String msg) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < Math.min(step, path.size()); i++) {
            int e = path.get(i);
            int a = actor[e];
            p.add((a >= 0 ? "P" + (a + 1) : "env") + ": " + g.action(e));
        }
        List<String> differing = new ArrayList<>();
        for (String v : mod.compared()) {
            if (spec.containsKey(v) && !spec.get(v).equals(java.get(v))) {
                differing.add(v);
            }
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < Math.min(step, path.size()); i++) {
            int e = path.get(i);
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("index", i + 1);
            st.put("lane", actor[e] >= 0 ? "P" + (actor[e] + 1) : "env");
            st.put("label", g.action(e));
            st.put("function", function(g.action(e)));
            Map<String, List<String>> changes = new LinkedHashMap<>();
            Map<String, String> before = specCompared(g.from(e));
            Map<String, String> after = specCompared(g.to(e));
            for (String v : mod.compared()) {
                if (!before.get(v).equals(after.get(v))) {
                    changes.put(v, List.of(before.get(v), after.get(v)));
                }
            }
            st.put("changes", changes);
            steps.add(st);
        }
        int procs = pcs(path.isEmpty() ? g.initial()[0] : g.from(path.get(0))).size();
        return new Mismatch(model, bug, step, p, sched, spec, java, differing, msg, steps, procs);
    }

    /** The proc.go function of a step label ("runqput_loadhead" is a step of runqput). */
    static String function(String label) {
        int u = label.indexOf('_');
        return u < 0 ? label : label.substring(0, u);
    }

    /** Passes the module's labels to the controller; the port's other points are not steps of this module. */
    static final class LabelFilter implements SchedPoint {
        private final SchedPoint inner;
        private final Set<String> labels;

        LabelFilter(SchedPoint inner, Set<String> labels) {
            this.inner = inner;
            this.labels = labels;
        }

        @Override
        public void at(String label) {
            if (labels.contains(label)) {
                inner.at(label);
            }
        }

        @Override
        public void atLock(String label, Mutex m) {
            if (labels.contains(label)) {
                inner.atLock(label, m);
            }
        }
    }
}
