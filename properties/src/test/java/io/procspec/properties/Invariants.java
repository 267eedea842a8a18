package io.procspec.properties;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants every property checks on a quiescent {@link Proc}, against a {@link Model} and
 * the Gs the test holds outside the Proc (taken by a get or a steal: {@code _Grunnable}; taken by
 * gfget: {@code _Gdead}). A violation is an {@link AssertionError} naming every broken invariant.
 *
 * <ul>
 *   <li>the Proc's structures equal the model's (rings head to tail, runnext, global queue, free
 *       lists) and the counts equal the lengths ({@code gFree.n}, {@code sched.gFree.n},
 *       {@code sched.runqsize});</li>
 *   <li>{@code runqtail - runqhead} (unsigned) is within the ring;</li>
 *   <li>every known G is in exactly one place (a structure, or held);</li>
 *   <li>status matches place: queued {@code _Grunnable}, free {@code _Gdead}, held as expected;</li>
 *   <li>goids unique among live Gs;</li>
 *   <li>stacks accounted: a G has a stack iff the model says so, of the model's size;
 *       {@code sched.gFree.stack} Gs have stacks and {@code noStack} Gs none; every live G has
 *       one; {@code stacks.inUse()} equals the Gs holding a stack, and no stack is held twice.</li>
 * </ul>
 */
final class Invariants {
    private Invariants() {}

    static void check(Proc proc, Model m, Map<G, Integer> held) {
        List<String> bad = new ArrayList<>();
        Map<G, String> where = new IdentityHashMap<>();
        for (int i = 0; i < m.nprocs; i++) {
            P p = proc.allp[i];
            long size = Integer.toUnsignedLong(p.runqtail() - p.runqhead());
            if (size > p.ringSize()) {
                bad.add("p" + i + ": tail - head = " + size + " > ring " + p.ringSize());
                continue; // the snapshot would be garbage
            }
            List<G> r = p.runqSnapshot();
            if (!r.equals(m.ring.get(i))) {
                bad.add("p" + i + " runq " + r + " != model " + m.ring.get(i));
            }
            if (p.runnext() != m.runnext[i]) {
                bad.add("p" + i + " runnext " + p.runnext() + " != model " + m.runnext[i]);
            }
            List<G> f = p.gFree.toList();
            if (!f.equals(m.gfree.get(i))) {
                bad.add("p" + i + " gFree " + f + " != model " + m.gfree.get(i));
            }
            if (p.gFree.n != f.size()) {
                bad.add("p" + i + " gFree.n " + p.gFree.n + " != length " + f.size());
            }
            for (G g : r) {
                place(where, g, "runq" + i, bad);
            }
            if (p.runnext() != null) {
                place(where, p.runnext(), "runnext" + i, bad);
            }
            for (G g : f) {
                place(where, g, "gfree" + i, bad);
            }
        }
        List<G> glob = proc.sched.runqSnapshot();
        if (!glob.equals(m.glob)) {
            bad.add("globrunq " + glob + " != model " + m.glob);
        }
        if (proc.sched.runqsize() != glob.size()) {
            bad.add("sched.runqsize " + proc.sched.runqsize() + " != length " + glob.size());
        }
        List<G> st = proc.sched.gFree.stack.toList();
        List<G> ns = proc.sched.gFree.noStack.toList();
        if (!st.equals(m.gStack)) {
            bad.add("sched.gFree.stack " + st + " != model " + m.gStack);
        }
        if (!ns.equals(m.gNoStack)) {
            bad.add("sched.gFree.noStack " + ns + " != model " + m.gNoStack);
        }
        if (proc.sched.gFree.n != st.size() + ns.size()) {
            bad.add("sched.gFree.n " + proc.sched.gFree.n + " != " + st.size() + " + " + ns.size());
        }
        for (G g : glob) {
            place(where, g, "globrunq", bad);
        }
        for (G g : st) {
            place(where, g, "sched.gFree.stack", bad);
            if (!g.stack.present()) {
                bad.add(g + " on sched.gFree.stack has no stack");
            }
        }
        for (G g : ns) {
            place(where, g, "sched.gFree.noStack", bad);
            if (g.stack.present()) {
                bad.add(g + " on sched.gFree.noStack has a stack");
            }
        }
        for (G g : held.keySet()) {
            place(where, g, "held", bad);
        }
        // every known G in exactly one place
        for (G g : m.stack.keySet()) {
            if (!where.containsKey(g)) {
                bad.add(g + " is lost (in no queue, no free list, not held)");
            }
        }
        for (G g : where.keySet()) {
            if (!m.stack.containsKey(g)) {
                bad.add(g + " appeared from nowhere in " + where.get(g));
            }
        }
        // status matches place; goids unique among live Gs; stacks
        Map<Long, G> goids = new HashMap<>();
        Map<Long, G> stackIds = new HashMap<>();
        long withStack = 0;
        for (Map.Entry<G, String> e : where.entrySet()) {
            G g = e.getKey();
            String place = e.getValue();
            int want = place.equals("held") ? held.get(g)
                    : place.startsWith("runq") || place.startsWith("runnext") || place.equals("globrunq")
                    ? G._Grunnable : G._Gdead;
            if (g.readgstatus() != want) {
                bad.add(g + " in " + place + " should be " + G.statusName(want));
            }
            if (want != G._Gdead) {
                G other = goids.put(g.goid, g);
                if (other != null && other != g) {
                    bad.add("goid " + g.goid + " shared by two live Gs");
                }
                if (!g.stack.present()) {
                    bad.add(g + " in " + place + " is live without a stack");
                }
            }
            Long want0 = m.stack.get(g);
            if (want0 != null && g.stack.size() != want0) {
                bad.add(g + " in " + place + " has stack size " + g.stack.size() + ", model " + want0);
            }
            if (g.stack.present()) {
                withStack++;
                G other = stackIds.put(g.stack.id(), g);
                if (other != null) {
                    bad.add("stack " + g.stack.id() + " held by " + g + " and " + other);
                }
            }
        }
        if (proc.stacks.inUse() != withStack) {
            bad.add("stacks in use " + proc.stacks.inUse() + " != Gs holding a stack " + withStack);
        }
        if (!bad.isEmpty()) {
            throw new AssertionError("invariants violated: " + String.join("; ", bad));
        }
    }

    private static void place(Map<G, String> where, G g, String place, List<String> bad) {
        String was = where.put(g, place);
        if (was != null) {
            bad.add(g + " is in two places: " + was + " and " + place);
        }
    }
}
