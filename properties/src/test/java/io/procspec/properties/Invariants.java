package io.procspec.properties;

import io.procspec.runtime.G;
import io.procspec.runtime.Proc;
import io.procspec.runtime.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invariants every property checks on a quiescent {@link Proc}, against a {@link Model} and
 * the Gs the test holds outside the Proc (taken by a get or a steal: {@code _Grunnable}; taken by
 * gfget: {@code _Gdead}). A violation is an {@link AssertionError} naming every broken invariant.
 *
 * <p>The spec-named invariants (ExactlyOnePlace, StatusMatchesPlace, RingBounded, GlobalSizeMatches,
 * FreeCountsMatch, GlobalFreeListsSorted, LocalFreeListBounded, StackAccounting, LiveGsHaveStacks,
 * GoidsUnique) come from impl's {@link io.procspec.runtime.Invariants} on a {@link Snapshot}; this
 * class adds the comparison with the model.
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
        // the spec-named invariants, shared with every layer (impl's io.procspec.runtime.Invariants)
        Snapshot s = proc.snapshot(List.of(proc.allp).subList(0, m.nprocs), held.keySet());
        for (io.procspec.runtime.Invariants.Violation v
                : io.procspec.runtime.Invariants.check(s, held, m.stack.keySet())) {
            bad.add(v.toString());
        }
        // the implementation agrees with the model, structure by structure
        for (int i = 0; i < m.nprocs; i++) {
            Snapshot.PView p = s.allp().get(i);
            if (p.size() > p.ringSize()) {
                continue; // RingBounded already reported it; the ring would be garbage
            }
            if (!p.runq().equals(m.ring.get(i))) {
                bad.add("p" + i + " runq " + p.runq() + " != model " + m.ring.get(i));
            }
            if (p.runnext() != m.runnext[i]) {
                bad.add("p" + i + " runnext " + p.runnext() + " != model " + m.runnext[i]);
            }
            if (!p.gFree().equals(m.gfree.get(i))) {
                bad.add("p" + i + " gFree " + p.gFree() + " != model " + m.gfree.get(i));
            }
        }
        if (!s.globrunq().equals(m.glob)) {
            bad.add("globrunq " + s.globrunq() + " != model " + m.glob);
        }
        if (!s.gFreeStack().equals(m.gStack)) {
            bad.add("sched.gFree.stack " + s.gFreeStack() + " != model " + m.gStack);
        }
        if (!s.gFreeNoStack().equals(m.gNoStack)) {
            bad.add("sched.gFree.noStack " + s.gFreeNoStack() + " != model " + m.gNoStack);
        }
        // each G's stack is the model's size
        for (Map.Entry<G, Snapshot.GView> e : s.gs().entrySet()) {
            Long want = m.stack.get(e.getKey());
            if (want != null && e.getValue().stack().size() != want) {
                bad.add(e.getKey() + " has stack size " + e.getValue().stack().size() + ", model " + want);
            }
        }
        if (!bad.isEmpty()) {
            throw new AssertionError("invariants violated: " + String.join("; ", bad));
        }
    }
}
