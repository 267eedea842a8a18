package io.procspec.properties;

import io.procspec.runtime.G;
import io.procspec.runtime.Proc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Linearizability of a controlled run (Wing &amp; Gong's search): is there a sequential order of
 * the operations that respects each thread's program order and real-time order (A before B when
 * A's interval ended before B's began), in which {@link Model} gives every operation the result
 * it had, and ends in the state the implementation ended in (checked by {@link Invariants})?
 */
final class Linearizability {
    private Linearizability() {}

    /** Null if linearizable; otherwise why not. */
    static String check(Model initial, List<Scenario.Op> ops, Scenario sc, Proc proc, Map<G, Integer> pool) {
        int threads = 1 + sc.thieves().size();
        List<List<Scenario.Op>> byThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            byThread.add(new ArrayList<>());
        }
        List<Scenario.Op> sorted = new ArrayList<>(ops);
        sorted.sort((a, b) -> a.thread() != b.thread() ? Integer.compare(a.thread(), b.thread())
                : Integer.compare(a.index(), b.index()));
        for (Scenario.Op op : sorted) {
            if (op.kind().equals("PUT_NEXT")) {
                // runqput(next) is two atomic actions: a thief can see (and steal) the new runnext
                // while the old one is on its way to the ring. Go's design; see README.
                byThread.get(op.thread()).add(new Scenario.Op(op.thread(), op.index(), "PUT_NEXT:swap", op.arg(),
                        null, op.interval()));
                byThread.get(op.thread()).add(new Scenario.Op(op.thread(), op.index(), "PUT_NEXT:kick", op.arg(),
                        null, op.interval()));
            } else if (op.kind().startsWith("STEAL")) {
                // runqgrab reads head and tail, then (ring empty, stealRunNext) runnext, at different
                // moments; and the batch size comes from the earlier reads while the CAS commits later.
                // So a steal linearizes against the relaxed spec: a FIFO prefix of 1..ceil(size/2) Gs
                // at the CAS, or: the ring was empty at one moment and runnext taken (or seen nil) at a
                // later one. See README.
                byThread.get(op.thread()).add(new Scenario.Op(op.thread(), op.index(), op.kind() + ":1", null,
                        op.result(), op.interval()));
                if (op.kind().equals("STEAL_NEXT")) {
                    byThread.get(op.thread()).add(new Scenario.Op(op.thread(), op.index(), op.kind() + ":2", null,
                            op.result(), op.interval()));
                }
            } else {
                byThread.get(op.thread()).add(op);
            }
        }
        Map<G, Integer> held = new IdentityHashMap<>();
        for (Scenario.Op op : ops) {
            switch (op.kind()) {
                case "GET":
                    if (op.result() != null) {
                        held.put((G) ((List<?>) op.result()).get(0), G._Grunnable);
                    }
                    break;
                case "STEAL":
                case "STEAL_NEXT":
                    for (Object g : (List<?>) op.result()) {
                        held.put((G) g, G._Grunnable);
                    }
                    break;
                case "GFGET":
                    if (op.result() != null) {
                        held.put((G) op.result(), G._Gdead);
                    }
                    break;
                default:
                    break;
            }
        }
        String[] lastFailure = {null};
        boolean ok = search(initial, byThread, new int[threads], proc, held, lastFailure, new ArrayList<>());
        if (ok) {
            return null;
        }
        return "not linearizable: no sequential order of " + ops + " explains the results and the final state"
                + (lastFailure[0] == null ? "" : " (deepest mismatch: " + lastFailure[0] + ")");
    }

    private static boolean search(Model m, List<List<Scenario.Op>> byThread, int[] next, Proc proc,
                                  Map<G, Integer> held, String[] why, List<String> order) {
        boolean all = true;
        for (int t = 0; t < byThread.size(); t++) {
            if (next[t] < byThread.get(t).size()) {
                all = false;
                break;
            }
        }
        if (all) {
            try {
                Invariants.check(proc, m, held);
                return true;
            } catch (AssertionError e) {
                why[0] = "order " + order + ": final state: " + e.getMessage();
                return false;
            }
        }
        for (int t = 0; t < byThread.size(); t++) {
            if (next[t] >= byThread.get(t).size()) {
                continue;
            }
            Scenario.Op op = byThread.get(t).get(next[t]);
            boolean blocked = false;
            for (int u = 0; u < byThread.size(); u++) {
                if (u != t && next[u] < byThread.get(u).size()
                        && byThread.get(u).get(next[u]).interval().precedes(op.interval())) {
                    blocked = true;
                    break;
                }
            }
            if (blocked) {
                continue;
            }
            Model copy = new Model(m);
            Object want = apply(copy, op);
            if (!Objects.equals(want, op.result())) {
                why[0] = "order " + order + " then " + op + ": model gives " + want;
                continue;
            }
            next[t]++;
            order.add("t" + op.thread() + "." + op.index());
            if (search(copy, byThread, next, proc, held, why, order)) {
                return true;
            }
            order.remove(order.size() - 1);
            next[t]--;
        }
        return false;
    }

    /** The model's result of op (same shape as {@link Scenario}'s recorded results). */
    static Object apply(Model m, Scenario.Op op) {
        switch (op.kind()) {
            case "PUT": m.runqput(0, op.arg(), false); return null;
            case "PUT_NEXT:swap": m.runqputNextSwap(0, op.arg()); return null;
            case "PUT_NEXT:kick": m.runqputNextKick(0); return null;
            case "GET": {
                Proc.Runqget r = m.runqget(0);
                return r == null ? null : List.of(r.gp(), r.inheritTime());
            }
            case "GFGET": return m.gfget(0);
            case "STEAL:1":
            case "STEAL_NEXT:1": {
                List<?> res = (List<?>) op.result();
                java.util.LinkedList<G> ring = m.ring.get(0);
                if (!res.isEmpty() && !ring.isEmpty() && ring.getFirst() == res.get(0)) {
                    int k = res.size();
                    if (k > ring.size() - ring.size() / 2 || !ring.subList(0, k).equals(res)) {
                        return "ring " + ring + " (a steal takes a prefix of at most half, rounded up)";
                    }
                    for (int i = 0; i < k; i++) {
                        ring.removeFirst();
                    }
                    m.stealMode[op.thread()] = 1;
                    return res;
                }
                if (ring.isEmpty() && (res.isEmpty() || op.kind().startsWith("STEAL_NEXT"))) {
                    m.stealMode[op.thread()] = 2;
                    return res;
                }
                return "ring " + ring + ", runnext " + m.runnext[0];
            }
            case "STEAL_NEXT:2": {
                List<?> res = (List<?>) op.result();
                int mode = m.stealMode[op.thread()];
                m.stealMode[op.thread()] = 0;
                if (mode == 1) {
                    return res;
                }
                if (res.isEmpty() ? m.runnext[0] == null : res.size() == 1 && m.runnext[0] == res.get(0)) {
                    m.runnext[0] = null;
                    return res;
                }
                return "runnext " + m.runnext[0];
            }
            case "EMPTY": return m.runqempty(0);
            case "GFPUT": m.gfput(op.thread(), op.arg()); return null;
            default: throw new AssertionError(op.kind());
        }
    }
}
