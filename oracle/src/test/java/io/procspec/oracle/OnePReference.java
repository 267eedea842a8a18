package io.procspec.oracle;

import java.util.ArrayDeque;
import java.util.List;

/**
 * An executable statement of Go 1.21's one-P order rules, written straight from proc.go and
 * chan.go and independent of {@code io.procspec.runtime}: runnext (the newest G; it inherits the
 * time slice), a ring of {@code ringSize} slots in FIFO order, {@code runqputslow} moving half the
 * ring plus the kicked G to the global queue, {@code findRunnable}'s global-queue check every 61st
 * schedtick ({@code globrunqget(pp, 1)}), and {@code globrunqget(pp, 0)}'s batch of
 * {@code min(runqsize, ringSize/2)} when the local queue is empty. {@code schedtick} is a uint32.
 * {@code runtime.Gosched()} puts the G at the global queue's tail ({@code goschedImpl}); a wait
 * with nothing buffered parks ({@code gopark}); a ready of a parked G is {@code goready}:
 * {@code runqput(pp, gp, next=true)}, like a new G; a ready of a G that is not parked is buffered
 * (the channel's buffer) and its next wait takes it without parking.
 *
 * <p>The tests check {@link JavaSide} (that is, {@code Sched}) against it without a Go toolchain;
 * the oracle checks both against Go.
 */
final class OnePReference {

    private OnePReference() {}

    /** The run order of {@code p} when P0 starts at schedtick {@code phase}. */
    static int[] order(Pattern p, int phase, int ringSize) {
        Queues q = new Queues(ringSize);
        int tick = phase;
        int[] pc = new int[p.size()];
        int[] tokens = new int[p.size()];
        boolean[] parked = new boolean[p.size()];
        int[] out = new int[p.events()];
        int pos = 0;
        q.global.add(0); // the root comes from outside (Go: main after Gosched) via the global queue
        for (;;) {
            int g;
            boolean inherit = false;
            if (Integer.remainderUnsigned(tick, 61) == 0 && !q.global.isEmpty()) {
                g = q.global.poll(); // globrunqget(pp, 1)
            } else if (q.runnext >= 0) {
                g = q.runnext;
                q.runnext = -1;
                inherit = true;
            } else if (!q.ring.isEmpty()) {
                g = q.ring.poll();
            } else if (!q.global.isEmpty()) {
                int n = Math.min(q.global.size(), ringSize / 2); // globrunqget(pp, 0), gomaxprocs = 1
                g = q.global.poll();
                for (int i = 1; i < n; i++) {
                    q.ring.add(q.global.poll()); // runqput(pp, gp1, false) into the empty ring
                }
            } else {
                break;
            }
            if (!inherit) {
                tick++;
            }
            out[pos++] = g;
            List<Pattern.Action> body = p.body(g);
            while (pc[g] < body.size()) {
                Pattern.Action a = body.get(pc[g]++);
                if (a instanceof Pattern.Spawn s) {
                    q.put(s.child()); // newproc: runqput(pp, newg, true)
                } else if (a instanceof Pattern.Yield) {
                    q.global.add(g); // goschedImpl: globrunqput
                    break;
                } else if (a instanceof Pattern.Wait) {
                    if (tokens[g] > 0) { // chanrecv: a buffered value, no park
                        tokens[g]--;
                        out[pos++] = g;
                    } else { // gopark
                        parked[g] = true;
                        break;
                    }
                } else {
                    int t = ((Pattern.Ready) a).target();
                    if (parked[t]) { // send → goready → ready(gp, next=true)
                        parked[t] = false;
                        q.put(t);
                    } else {
                        tokens[t]++;
                    }
                }
            }
        }
        if (pos != p.events()) {
            throw new IllegalStateException("reference ran " + pos + " of " + p.events());
        }
        return out;
    }

    /** P0's runnext and ring, and the global queue. */
    private static final class Queues {
        final int ringSize;
        final ArrayDeque<Integer> ring = new ArrayDeque<>();
        final ArrayDeque<Integer> global = new ArrayDeque<>();
        int runnext = -1;

        Queues(int ringSize) {
            this.ringSize = ringSize;
        }

        /** runqput(pp, g, next=true): g to runnext; the old runnext to the ring, or runqputslow. */
        void put(int g) {
            int old = runnext;
            runnext = g;
            if (old < 0) {
                return;
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
}
