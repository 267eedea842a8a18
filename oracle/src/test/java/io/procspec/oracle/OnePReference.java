package io.procspec.oracle;

import java.util.ArrayDeque;

/**
 * An executable statement of Go 1.21's one-P order rules, written straight from proc.go and
 * independent of {@code io.procspec.runtime}: runnext (the newest G; it inherits the time slice),
 * a ring of {@code ringSize} slots in FIFO order, {@code runqputslow} moving half the ring plus the
 * kicked G to the global queue, {@code findRunnable}'s global-queue check every 61st schedtick
 * ({@code globrunqget(pp, 1)}), and {@code globrunqget(pp, 0)}'s batch of
 * {@code min(runqsize, ringSize/2)} when the local queue is empty. {@code schedtick} is a uint32.
 *
 * <p>The tests check {@link JavaSide} (that is, {@code Sched}) against it without a Go toolchain;
 * the oracle checks both against Go.
 */
final class OnePReference {

    private OnePReference() {}

    /** The start order of {@code p} when P0 starts at schedtick {@code phase}. */
    static int[] order(Pattern p, int phase, int ringSize) {
        ArrayDeque<Integer> ring = new ArrayDeque<>();
        ArrayDeque<Integer> global = new ArrayDeque<>();
        int[] runnext = {-1};
        int tick = phase;
        int[] out = new int[p.size()];
        int pos = 0;
        global.add(0); // the root comes from outside (Go: main after Gosched) via the global queue
        for (;;) {
            int g;
            boolean inherit = false;
            if (Integer.remainderUnsigned(tick, 61) == 0 && !global.isEmpty()) {
                g = global.poll(); // globrunqget(pp, 1)
            } else if (runnext[0] >= 0) {
                g = runnext[0];
                runnext[0] = -1;
                inherit = true;
            } else if (!ring.isEmpty()) {
                g = ring.poll();
            } else if (!global.isEmpty()) {
                int n = Math.min(global.size(), ringSize / 2); // globrunqget(pp, 0), gomaxprocs = 1
                g = global.poll();
                for (int i = 1; i < n; i++) {
                    ring.add(global.poll()); // runqput(pp, gp1, false) into the empty ring
                }
            } else {
                break;
            }
            if (!inherit) {
                tick++;
            }
            out[pos++] = g;
            for (int c : p.children(g)) { // newproc: runqput(pp, newg, true)
                int old = runnext[0];
                runnext[0] = c;
                if (old < 0) {
                    continue;
                }
                if (ring.size() < ringSize) {
                    ring.add(old);
                } else { // runqputslow: half the ring, then the kicked G, to the global queue
                    for (int i = 0; i < ringSize / 2; i++) {
                        global.add(ring.poll());
                    }
                    global.add(old);
                }
            }
        }
        if (pos != p.size()) {
            throw new IllegalStateException("reference ran " + pos + " of " + p.size());
        }
        return out;
    }
}
