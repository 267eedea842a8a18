package io.procspec.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a misused operation could change, read through public state only, so that a test can
 * assert that a refused call changed nothing: {@code assertThat(after).isEqualTo(before)}.
 *
 * <p>Covers every P given (allp and any stand-alone ones): status, runqhead, runqtail, every ring
 * slot (not only those between head and tail, so a stray write beyond the tail shows), runnext,
 * the free list and its count, the goid cache and schedtick; {@code sched}: the global queue and
 * runqsize, both global free lists and their count, goidgen, npidle, nmspinning, whether each lock
 * is held; the stack allocator's counters; allgs, startingStackSize, mainStarted and
 * {@link Proc#stats()}; and, for every G reachable from all of these or given, its status,
 * schedlink, stack, stackguard0 and goid. Gs are compared by identity.
 *
 * <p>Read while no other thread changes the state (a quiescent snapshot). A small helper for the
 * misuse tests and {@code MisuseProperties}; a shared snapshot API is planned for the test kit.
 */
public record MisuseSnapshot(Map<String, Object> parts) {

    /** Builder: what to include beyond {@code proc}'s allp and sched. */
    public static MisuseSnapshot of(Proc proc, Collection<P> extraPs, Collection<G> extraGs,
                                    Collection<GQueue> extraQueues) {
        Map<String, Object> m = new LinkedHashMap<>();
        LinkedHashSet<G> gs = new LinkedHashSet<>(); // G keeps Object's identity equals
        List<P> ps = new ArrayList<>(List.of(proc.allp));
        for (P pp : extraPs) {
            if (!ps.contains(pp)) {
                ps.add(pp);
            }
        }
        for (P pp : ps) {
            String k = "p" + pp.id + "@" + System.identityHashCode(pp) + ".";
            m.put(k + "status", pp.status());
            m.put(k + "runqhead", pp.runqhead());
            m.put(k + "runqtail", pp.runqtail());
            List<G> slots = new ArrayList<>();
            for (int i = 0; i < pp.ringSize(); i++) {
                slots.add(pp.slot(i));
            }
            m.put(k + "slots", slots);
            m.put(k + "runnext", pp.runnext());
            m.put(k + "gFree", walk(pp.gFree.head));
            m.put(k + "gFree.n", pp.gFree.n);
            m.put(k + "goidcache", pp.goidcache);
            m.put(k + "goidcacheend", pp.goidcacheend);
            m.put(k + "schedtick", pp.schedtick);
            note(gs, slots);
            note(gs, walk(pp.gFree.head));
            note(gs, java.util.Collections.singletonList(pp.runnext()));
        }
        Schedt s = proc.sched;
        m.put("sched.runq", walk(s.runq.head));
        m.put("sched.runqsize", s.runqsize());
        m.put("sched.gFree.stack", walk(s.gFree.stack.head));
        m.put("sched.gFree.noStack", walk(s.gFree.noStack.head));
        m.put("sched.gFree.n", s.gFree.n);
        m.put("sched.goidgen", s.goidgen.get());
        m.put("sched.npidle", s.npidle.get());
        m.put("sched.nmspinning", s.nmspinning.get());
        m.put("sched.lock.locked", s.lock.isLocked());
        m.put("sched.gFree.lock.locked", s.gFree.lock.isLocked());
        note(gs, walk(s.runq.head));
        note(gs, walk(s.gFree.stack.head));
        note(gs, walk(s.gFree.noStack.head));
        m.put("stacks.allocated", proc.stacks.allocated());
        m.put("stacks.freed", proc.stacks.freed());
        m.put("stacks.bytesInUse", proc.stacks.bytesInUse());
        List<G> allgs = proc.allgs();
        m.put("allgs", allgs);
        note(gs, allgs);
        m.put("startingStackSize", proc.startingStackSize());
        m.put("mainStarted", proc.mainStarted());
        m.put("stats", proc.stats());
        int q = 0;
        for (GQueue gq : extraQueues) {
            List<G> l = walk(gq.peek());
            m.put("queue" + q + ".head", gq.peek());
            m.put("queue" + q++, l);
            note(gs, l);
        }
        note(gs, extraGs);
        List<Object> gstate = new ArrayList<>();
        for (G g : gs) {
            gstate.add(List.of(g, g.readgstatus(), java.util.Objects.requireNonNullElse(g.schedlink(), "nil"),
                    g.stack, g.stackguard0, g.goid));
        }
        m.put("gs", gstate);
        return new MisuseSnapshot(m);
    }

    /** The snapshot of {@code proc} and the given Ps and Gs. */
    public static MisuseSnapshot of(Proc proc, List<P> extraPs, G... extraGs) {
        return of(proc, extraPs, List.of(extraGs), List.of());
    }

    /** Walks longer than this stop: a list or queue that long here has a cycle. */
    static final int WALK_LIMIT = 100_000;

    /**
     * The Gs linked from head, at most {@link #WALK_LIMIT} of them followed by a null marker, so
     * that a misuse that linked a list into a cycle shows as a difference instead of a hang.
     */
    static List<G> walk(G head) {
        List<G> out = new ArrayList<>();
        for (G g = head; g != null; g = g.schedlink()) {
            if (out.size() == WALK_LIMIT) {
                out.add(null); // cut: a cycle
                break;
            }
            out.add(g);
        }
        return out;
    }

    private static void note(LinkedHashSet<G> gs, Collection<G> l) {
        for (G g : l) {
            if (g != null) {
                gs.add(g);
                // follow schedlink too: a G reachable only through a corrupted link still counts
                for (G n = g.schedlink(); n != null && gs.add(n); n = n.schedlink()) { // stops at a cycle
                    // added
                }
            }
        }
    }

    /** The parts that differ from {@code other}, for a readable failure message. */
    public String diff(MisuseSnapshot other) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : parts.entrySet()) {
            Object o = other.parts.get(e.getKey());
            if (!java.util.Objects.equals(e.getValue(), o)) {
                b.append(e.getKey()).append(": ").append(e.getValue()).append(" -> ").append(o).append('\n');
            }
        }
        for (String k : other.parts.keySet()) {
            if (!parts.containsKey(k)) {
                b.append(k).append(": (absent) -> ").append(other.parts.get(k)).append('\n');
            }
        }
        return b.toString();
    }
}
