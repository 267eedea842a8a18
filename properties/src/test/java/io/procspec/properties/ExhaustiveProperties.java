package io.procspec.properties;

import io.procspec.control.Controller;
import io.procspec.control.Explorer;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.procspec.properties.Scenario.OwnerOp.*;
import static io.procspec.properties.Scenario.ThiefOp.*;

/**
 * Bounded exhaustive exploration (loom's {@code LOOM_MAX_PREEMPTIONS}, CHESS): for small
 * scenarios (owner + 1–2 thieves, a few operations each, ring of 4) every interleaving with at
 * most {@link #MAX_PREEMPTIONS} preemptions is run and checked for the invariants and
 * linearizability; the number explored goes to the summary ({@code notes}). The same explorer
 * must catch every broken variant that is a concurrency bug.
 */
@AddLifecycleHook(PropertyReport.Hook.class)
class ExhaustiveProperties {

    /** The preemption bound; {@code -Dprocspec.maxPreemptions=N} raises it (like LOOM_MAX_PREEMPTIONS). */
    static final int MAX_PREEMPTIONS = Integer.getInteger("procspec.maxPreemptions", 3);

    /** Named small scenarios. */
    static final Map<String, Scenario> SCENARIOS = new java.util.LinkedHashMap<>();

    static {
        SCENARIOS.put("full ring: put spills while a thief steals", new Scenario(4, -3, 4, false, 0,
                List.of(PUT), List.of(List.of(STEAL))));
        SCENARIOS.put("runnext: put-next and get while a thief steals runnext", new Scenario(4, 0, 0, true, 0,
                List.of(PUT_NEXT, GET), List.of(List.of(STEAL_NEXT))));
        SCENARIOS.put("runqempty against put-next and get", new Scenario(4, 0, 0, true, 0,
                List.of(PUT_NEXT, GET), List.of(List.of(EMPTY))));
        SCENARIOS.put("get against two thieves", new Scenario(4, -2, 3, false, 0,
                List.of(GET, PUT), List.of(List.of(STEAL), List.of(STEAL_NEXT))));
        SCENARIOS.put("runqget's runnext CAS against a runnext steal", new Scenario(4, 0, 1, true, 0,
                List.of(GET, GET), List.of(List.of(STEAL_NEXT, STEAL_NEXT))));
        SCENARIOS.put("free lists: gfget refills while a thief's gfput spills", new Scenario(4, 0, 0, false, 1,
                List.of(GFGET, GFGET), List.of(List.of(GFPUT, GFPUT))));
    }

    /** Explores one scenario; returns the result and counts its edge cases. */
    static Explorer.Result explore(String variant, Scenario sc, int bound, Map<String, Integer> edges) {
        return Explorer.explore(bound, 2_000_000, s -> {
            Scenario.Outcome out = sc.execute(variant, s);
            for (Map.Entry<String, Integer> e : Scenario.edges(out.run()).entrySet()) {
                edges.merge(e.getKey(), e.getValue(), Integer::sum);
            }
            return out.run();
        });
    }

    @Example
    void everyInterleavingWithinThePreemptionBoundIsCorrect() {
        Map<String, Integer> edges = new HashMap<>();
        long total = 0;
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<String, Scenario> e : SCENARIOS.entrySet()) {
            Explorer.Result r = explore("real", e.getValue(), MAX_PREEMPTIONS, edges);
            total += r.executions();
            PropertyReport.note("interleavings: " + e.getKey(), r.executions());
            PropertyReport.note("max steps: " + e.getKey(), r.maxSteps());
            if (r.failing() != null) {
                failures.append(e.getKey()).append(": ").append(e.getValue()).append('\n').append(r.failing().table());
            } else if (!r.complete()) {
                failures.append(e.getKey()).append(": exploration incomplete\n");
            }
        }
        PropertyReport.note("interleavings explored", total);
        PropertyReport.note("preemption bound", MAX_PREEMPTIONS);
        for (Map.Entry<String, Integer> e : edges.entrySet()) {
            PropertyReport.edge(e.getKey(), e.getValue());
        }
        if (failures.length() > 0) {
            throw new AssertionError(failures.toString());
        }
        for (String must : List.of("runqputslow CAS failed, runqput retried", "runqgrab CAS failed, retried",
                "runqget CAS failed, retried", "runnext stolen between runqget's load and CAS",
                "runqgrab runnext CAS failed, retried", "runqempty saw tail move, retried", "runnext stolen")) {
            if (!edges.containsKey(must)) {
                throw new AssertionError("exhaustive exploration never reached: " + must + " (edges " + edges + ")");
            }
        }
    }

    /** The smallest scenario explored with no bound at all: every interleaving. */
    @Example
    void unboundedSmallScenario() {
        Map<String, Integer> edges = new HashMap<>();
        Explorer.Result r = explore("real", SCENARIOS.get("full ring: put spills while a thief steals"),
                Integer.MAX_VALUE, edges);
        PropertyReport.note("interleavings (unbounded)", r.executions());
        if (r.failing() != null || !r.complete()) {
            throw new AssertionError(r.failing() == null ? "incomplete" : r.failing().table());
        }
    }

    /** Each broken variant that is a concurrency-visible bug is caught, and how soon. */
    @Example
    void explorerCatchesBrokenVariants() {
        Map<String, String> expect = new java.util.LinkedHashMap<>();
        expect.put("runqput_lost_runnext", "runnext: put-next and get while a thief steals runnext");
        expect.put("runqgrab_floor_half_plus_one", "get against two thieves");
        expect.put("runqempty_one_tail_read", "runqempty against put-next and get");
        StringBuilder bad = new StringBuilder();
        for (Map.Entry<String, String> e : expect.entrySet()) {
            Explorer.Result r = explore(e.getKey(), SCENARIOS.get(e.getValue()), MAX_PREEMPTIONS, new HashMap<>());
            if (r.failing() == null) {
                bad.append(e.getKey()).append(" not caught in ").append(r.executions()).append(" interleavings\n");
                continue;
            }
            Controller.Run run = r.failing();
            PropertyReport.note("caught " + e.getKey() + ": interleavings until caught", r.executions());
            PropertyReport.note("caught " + e.getKey() + ": steps", run.steps().size());
            PropertyReport.note("caught " + e.getKey() + ": preemptions", run.preemptions());
            System.out.println("broken variant " + e.getKey() + " caught after " + r.executions()
                    + " interleavings:\n" + run.table());
        }
        if (bad.length() > 0) {
            throw new AssertionError(bad.toString());
        }
    }
}
