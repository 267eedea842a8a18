package io.procspec.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TLC error trace as a {@code procspec.trace/1} document (the format the verification report
 * draws as a sequence diagram): one lane per process (M1.. for Proc, P1.. for RunQueue and GFree,
 * plus "sysmon" and "env" for environment actions), one step per transition with the label, its
 * proc.go function, every variable element that changed, and the run queues after the step.
 */
public final class TraceJson {
    /** The document; field names are the agreed format's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trace(String schema, String source, String title, String model, String property,
                        List<String> lanes, List<Step> steps, String replay, String note) {}

    /** One transition. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int index, String lane, String label, String function,
                       Map<String, List<String>> changes, Map<String, List<String>> queues) {}

    private static final Pattern VIA = Pattern.compile("^Back to state (\\d+) via (\\w+)$");

    private TraceJson() {}

    /**
     * Builds the document.
     *
     * @param model the model (its @reference title, @about text and constants are used)
     * @param result TLC's result, with a non-empty trace
     * @param labels the labels of the model's algorithm module, for the proc.go column
     * @param processPrefix "M" (Proc) or "P" (RunQueue, GFree)
     * @param variableOrder the order in which to list changed variables (the translation's)
     */
    public static Trace build(ModelConfig model, TlcResult result, Map<String, PlusCalSource.Label> labels,
                              String processPrefix, List<String> variableOrder) {
        List<TraceState> trace = result.trace();
        int processes = processCount(trace);
        List<String> lanes = new ArrayList<>();
        for (int i = 1; i <= processes; i++) {
            lanes.add(processPrefix + i);
        }
        List<Step> steps = new ArrayList<>();
        String loopNote = null;
        boolean usesSysmon = false;
        boolean usesEnv = false;
        for (int k = 1; k < trace.size(); k++) {
            TraceState prev = trace.get(k - 1);
            TraceState s = trace.get(k);
            String action = s.action();
            Matcher via = VIA.matcher(action);
            if (via.matches()) {            // the step back into the loop: TLC prints no variables for it
                action = via.group(2);
                int target = Integer.parseInt(via.group(1));
                for (TraceState t : trace) {
                    if (t.index() == target && !t.action().startsWith("Back to state")) {
                        s = new TraceState(s.index(), s.action(), t.vars());
                    }
                }
                loopNote = "The last step leads back to the state after step " + (target - 1)
                        + "; the behaviour repeats from there for ever (a lasso).";
            } else if (action.startsWith("Back to state") || action.equals("Stuttering")) {
                loopNote = "The behaviour then stays in this state for ever (" + action + ").";
                continue;
            }
            String lane;
            String function;
            PlusCalSource.Label l = labels.get(action);
            if (action.equals("SysmonRetake")) {
                lane = "sysmon";
                function = "sysmon (retake)";
                usesSysmon = true;
            } else if (l == null && !action.equals("Wakeup")) {
                lane = "env";
                function = "(environment)";
                usesEnv = true;
            } else {
                int actor = TraceTable.actor(prev, new TraceState(s.index(), action, s.vars()));
                lane = actor > 0 ? processPrefix + actor : "env";
                usesEnv |= actor <= 0;
                function = l != null && l.goFunction() != null ? l.goFunction() : "mPark returns (stopm)";
            }
            steps.add(new Step(steps.size() + 1, lane, action, function, changes(prev, s, variableOrder),
                    queues(s, model.constants())));
        }
        if (usesSysmon) {
            lanes.add("sysmon");
        }
        if (usesEnv) {
            lanes.add("env");
        }
        String title = model.reference() != null ? model.reference()
                : model.name() + ": " + (result.property() != null ? result.property()
                        : model.expect().property() != null ? model.expect().property() : result.outcome().toString())
                        + " violated";
        String note = model.about() + (loopNote == null ? "" : " " + loopNote);
        return new Trace("procspec.trace/1", "tlc", title, model.name(),
                result.property() != null ? result.property() : model.expect().property(), lanes, steps,
                "mvn -q -pl spec compile exec:java -Dexec.args=\"run " + model.name() + "\"", note);
    }

    /** Every element of a variable that changed, as path -> [before, after], in variable order. */
    static Map<String, List<String>> changes(TraceState prev, TraceState next, List<String> order) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(order);
        next.vars().keySet().stream().filter(v -> !names.contains(v)).sorted().forEach(names::add);
        for (String v : names) {
            String before = prev.vars().get(v);
            String after = next.vars().get(v);
            if (v.equals("pc") || before == null || after == null || before.equals(after)) {
                continue;
            }
            Map<String, String[]> pairs = new LinkedHashMap<>();
            TlcValue.diffPairs(v, TlcValue.parse(before), TlcValue.parse(after), pairs);
            pairs.forEach((k, ba) -> out.put(k, List.of(ba[0], ba[1])));
        }
        return out;
    }

    /**
     * The run queues after a step: per P its ring from head to tail ("P1"), its runnext
     * ("P1.next"), and the global queue ("global"); null for modules without run queues.
     */
    static Map<String, List<String>> queues(TraceState s, Map<String, String> constants) {
        Map<String, String> v = s.vars();
        if (!v.containsKey("runq") || !v.containsKey("runqhead") || !constants.containsKey("RingSize")) {
            return null;
        }
        try {
            int ring = Integer.parseInt(constants.get("RingSize"));
            int mod = "\"counter_too_narrow\"".equals(constants.get("Bug")) ? 2 * ring
                    : Integer.parseInt(constants.get("CounterMod"));
            List<TlcValue> rings = TlcValue.elements(TlcValue.parse(v.get("runq")));
            List<TlcValue> heads = TlcValue.elements(TlcValue.parse(v.get("runqhead")));
            List<TlcValue> tails = TlcValue.elements(TlcValue.parse(v.get("runqtail")));
            List<TlcValue> nexts = TlcValue.elements(TlcValue.parse(v.get("runnext")));
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (int p = 0; p < rings.size(); p++) {
                List<TlcValue> slots = TlcValue.elements(rings.get(p));
                long h = TlcValue.number(heads.get(p));
                long t = TlcValue.number(tails.get(p));
                long n = Math.min(Math.floorMod(t - h, mod), ring);
                List<String> gs = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    gs.add(g(slots.get((int) Math.floorMod(h + i, ring))));
                }
                out.put("P" + (p + 1), gs);
                long next = TlcValue.number(nexts.get(p));
                out.put("P" + (p + 1) + ".next", next == 0 ? List.of() : List.of("g" + next));
            }
            List<String> global = new ArrayList<>();
            for (TlcValue x : TlcValue.elements(TlcValue.parse(v.get("globrunq")))) {
                global.add(g(x));
            }
            out.put("global", global);
            return out;
        } catch (RuntimeException e) {
            return null;   // a shape this reader does not know: the queues are optional
        }
    }

    private static String g(TlcValue x) {
        return "g" + x;
    }

    /** How many processes the trace has: the length of its pc tuple. */
    static int processCount(List<TraceState> trace) {
        for (TraceState s : trace) {
            String pc = s.vars().get("pc");
            if (pc != null) {
                return TlcValue.elements(TlcValue.parse(pc)).size();
            }
        }
        return 0;
    }
}
