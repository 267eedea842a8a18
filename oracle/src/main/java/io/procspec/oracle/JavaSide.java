package io.procspec.oracle;

import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.Sched;
import io.procspec.runtime.SchedPoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Java side of the oracle: runs a {@link Pattern} on {@link Sched} with one P and records the
 * order in which its goroutines start.
 *
 * <p>The root goroutine is given to the scheduler from outside, so it goes on the global queue and
 * the P's M takes it from there ({@code findRunnable}: the {@code %61} check or the global-queue
 * get) and executes it with a new time slice: as Go's {@code main} does after the
 * {@code runtime.Gosched()} calls that the Go program makes before the pattern. Every goroutine
 * records its id, then runs its body; a {@code go} inside a G is {@code newproc} on the P.
 *
 * <p><b>Phase.</b> The P starts at {@code schedtick = phase} ({@link ProcConfig#schedtick}); the
 * root runs at {@code phase + 1}. In Go, {@code phase} is P0's schedtick when {@code main} is
 * taken from the global queue after its last Gosched, a value the runtime's start-up leaves and
 * that varies between runs; only its residue mod 61 matters. {@link #phases} runs all 61.
 */
public final class JavaSide {

    /** findRunnable's global-queue period: phases are 0..60. */
    public static final int PERIOD = 61;

    private JavaSide() {}

    /** One run: the start order, and (when asked for) the scheduler's state at each start. */
    public record Run(int[] order, List<Snapshot> snapshots) {}

    /**
     * The scheduler's state when goroutine {@code id} started: the P's schedtick (advanced by
     * execute unless the G inherited the time slice from runnext), and the Gs waiting in runnext,
     * the ring (head to tail) and the global queue, as pattern goroutine ids.
     */
    public record Snapshot(int id, int schedtick, List<Integer> runnext, List<Integer> runq, List<Integer> global) {}

    /** A pattern goroutine's function: knows its id, so queued Gs can be named in snapshots. */
    private static final class Task implements Runnable {
        final int id;
        final Runnable body;

        Task(int id, Runnable body) {
            this.id = id;
            this.body = body;
        }

        @Override
        public void run() {
            body.run();
        }
    }

    /**
     * Runs {@code pattern} once.
     *
     * @param pattern   a pattern without unsupported actions
     * @param version   the port's version (GO1_14 or GO1_21; Sched refuses GO1_25)
     * @param phase     the P's initial schedtick (any int; read unsigned)
     * @param ringSize  the P's ring (Go: 256; another size models a broken port)
     * @param point     the scheduling-point hook ({@link SchedPoint#NONE}, or a label counter)
     * @param snapshots whether to record {@link Snapshot}s (slower; for mismatch traces)
     * @param limit     how long the run may take before it is reported as hung
     * @throws IllegalStateException if the pattern cannot run, a goroutine threw, or the run hung
     */
    public static Run run(Pattern pattern, GoVersion version, int phase, int ringSize, SchedPoint point,
                          boolean snapshots, Duration limit) throws InterruptedException {
        if (!pattern.unsupported().isEmpty()) {
            throw new IllegalArgumentException("pattern " + pattern.name() + " uses " + pattern.unsupported()
                    + ", which the Java scheduler cannot run yet");
        }
        int n = pattern.size();
        int[] order = new int[n];
        AtomicInteger pos = new AtomicInteger();
        List<Snapshot> snaps = snapshots ? Collections.synchronizedList(new ArrayList<>()) : null;
        AtomicReference<Throwable> panic = new AtomicReference<>();
        Sched s = new Sched(new ProcConfig().goVersion(version).schedtick(phase).ringSize(ringSize).point(point));
        s.setPanicHandler((goid, t) -> panic.compareAndSet(null, t));
        s.start(1);
        try {
            Task[] tasks = new Task[n];
            for (int id = n - 1; id >= 0; id--) {
                int me = id;
                int[] kids = pattern.children(id);
                tasks[id] = new Task(id, () -> {
                    int at = pos.getAndIncrement();
                    if (at < n) {
                        order[at] = me;
                    }
                    if (snaps != null) {
                        snaps.add(snapshot(s, me));
                    }
                    for (int c : kids) {
                        s.go(tasks[c]);
                    }
                });
            }
            s.go(tasks[0]);
            if (!s.awaitQuiescence(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the Java scheduler did not finish " + pattern.name() + " within "
                        + limit.toSeconds() + " s");
            }
        } finally {
            List<Runnable> never = s.shutdown();
            if (!never.isEmpty() && panic.get() == null) {
                panic.set(new IllegalStateException(never.size() + " goroutines never ran"));
            }
        }
        if (panic.get() != null) {
            throw new IllegalStateException("the Java run of " + pattern.name() + " failed: " + panic.get(), panic.get());
        }
        if (pos.get() != n) {
            throw new IllegalStateException("the Java run of " + pattern.name() + " started " + pos.get()
                    + " goroutines, expected " + n);
        }
        return new Run(order, snaps == null ? List.of() : List.copyOf(snaps));
    }

    /** The P's queues, read by the G running on it (the owner; the global queue under its lock). */
    private static Snapshot snapshot(Sched s, int id) {
        Proc pr = s.proc();
        P p0 = pr.allp[0];
        List<Integer> next = new ArrayList<>();
        G rn = p0.runnext();
        if (rn != null) {
            next.add(idOf(rn));
        }
        List<Integer> ring = new ArrayList<>();
        for (G g : p0.runqSnapshot()) {
            ring.add(idOf(g));
        }
        List<Integer> glob = new ArrayList<>();
        pr.sched.lock.lock();
        try {
            for (G g : pr.sched.runqSnapshot()) {
                glob.add(idOf(g));
            }
        } finally {
            pr.sched.lock.unlock();
        }
        return new Snapshot(id, p0.schedtick, next, ring, glob);
    }

    private static int idOf(G g) {
        return g.sched.ctxt != null && g.sched.ctxt.body instanceof Task t ? t.id : -1;
    }

    /** Counts scheduling-point labels: which steps of proc.go a run went through. */
    public static final class LabelCounter implements SchedPoint {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        @Override
        public void at(String label) {
            counts.computeIfAbsent(label, k -> new LongAdder()).increment();
        }

        /** label → times, sorted by label. */
        public Map<String, Long> counts() {
            Map<String, Long> m = new TreeMap<>();
            counts.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }

    /**
     * The Java orders of a pattern for every phase 0..60: which distinct orders there are and at
     * which phases each occurs.
     */
    public static final class Phases {
        private final Map<OrderKey, SortedSet<Integer>> byOrder = new LinkedHashMap<>();
        private final int[][] orders = new int[PERIOD][];

        /** The phases whose Java order equals {@code goOrder} exactly (empty: no phase aligns). */
        public SortedSet<Integer> aligning(int[] goOrder) {
            SortedSet<Integer> s = byOrder.get(new OrderKey(goOrder));
            return s == null ? new TreeSet<>() : Collections.unmodifiableSortedSet(s);
        }

        /** The Java order at {@code phase}. */
        public int[] order(int phase) {
            return orders[phase].clone();
        }

        /** How many different orders the 61 phases give. */
        public int distinct() {
            return byOrder.size();
        }

        /**
         * The phase whose Java order agrees with {@code goOrder} longest from the start (the first
         * such phase on a tie): the best explanation of a mismatch.
         */
        public int closest(int[] goOrder) {
            int best = 0;
            int bestLen = -1;
            for (int ph = 0; ph < PERIOD; ph++) {
                int l = Divergence.commonPrefix(orders[ph], goOrder);
                if (l > bestLen) {
                    best = ph;
                    bestLen = l;
                }
            }
            return best;
        }
    }

    /** An int[] with value equality, as a map key. */
    private record OrderKey(int[] order) {
        @Override
        public boolean equals(Object o) {
            return o instanceof OrderKey k && Arrays.equals(k.order, order);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(order);
        }

        @Override
        public String toString() {
            return Arrays.toString(order);
        }
    }

    /** A set of phases, compactly: {@code 0-60}, {@code 6}, {@code 3-5, 9}; {@code -} when empty. */
    public static String format(SortedSet<Integer> phases) {
        if (phases.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int p : phases) {
            if (prev != null && p == prev + 1) {
                prev = p;
                continue;
            }
            if (start != null) {
                range(sb, start, prev);
            }
            start = p;
            prev = p;
        }
        range(sb, start, prev);
        return sb.toString();
    }

    private static void range(StringBuilder sb, int a, int b) {
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(a);
        if (b > a) {
            sb.append('-').append(b);
        }
    }

    /** Runs {@code pattern} at every phase 0..60 (61 runs). */
    public static Phases phases(Pattern pattern, GoVersion version, int ringSize, Duration limit)
            throws InterruptedException {
        Phases ph = new Phases();
        for (int phase = 0; phase < PERIOD; phase++) {
            int[] o = run(pattern, version, phase, ringSize, SchedPoint.NONE, false, limit).order();
            ph.orders[phase] = o;
            ph.byOrder.computeIfAbsent(new OrderKey(o), k -> new TreeSet<>()).add(phase);
        }
        return ph;
    }
}
