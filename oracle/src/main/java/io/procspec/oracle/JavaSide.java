package io.procspec.oracle;

import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.Sched;
import io.procspec.runtime.SchedPoint;
import io.procspec.runtime.Steps;
import io.procspec.runtime.Next;

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
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Java side of the oracle: runs a {@link Pattern} on {@link Sched} with one P and records the
 * order in which its goroutines run.
 *
 * <p>The root goroutine is given to the scheduler from outside, so it goes on the global queue and
 * the P's M takes it from there ({@code findRunnable}: the {@code %61} check or the global-queue
 * get) and executes it with a new time slice: as Go's {@code main} does after the
 * {@code runtime.Gosched()} calls that the Go program makes before the pattern. Every goroutine is
 * a {@link Steps} body that records its id each time it runs, then runs its actions: a {@code go}
 * is {@code newproc} on the P ({@link Sched#go(Steps)}); a yield ends the step with
 * {@link Next#GOSCHED} ({@code goschedImpl}: to the global queue); a wait with no buffered wake-up
 * ends it with {@link Next#park} ({@code gopark}; the unlock function, run once the G is
 * {@code _Gwaiting}, registers it as the waiter, as {@code chanparkcommit} releases the channel
 * lock only then), and a wait with one consumes it and goes on; a ready of a parked goroutine is
 * {@link Sched#ready} ({@code goready}: {@code ready(gp, next=true)} into this P's runnext), of one
 * that is not parked buffers the wake-up. That is exactly Go's channel: a send to a receiver parked
 * on it is {@code send} → {@code goready}; otherwise the value goes to the buffer, which a later
 * receive takes without parking (see {@link GoProgram}).
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

    /**
     * What the Java side runs: the port as it is, or a deliberately broken model that the oracle
     * must catch (a check that the layer can fail).
     */
    public enum Model {
        /** The port as it is: Go's 256-slot ring, goready into runnext, Gosched to the global queue. */
        PORT(256, ""),
        /** A 128-slot ring: the first spill comes at 130 Gs instead of 258. */
        RING_128(128, "ring 128"),
        /**
         * A readied G goes to the tail of the P's ring ({@link Sched#injectglist}, as
         * {@code ready(gp, next=false)} would) instead of runnext ({@code goready}).
         */
        READY_TO_RING(256, "ready to ring tail"),
        /** {@code runtime.Gosched()} puts the G on its P's ring ({@link Next#GOYIELD}) instead of the global queue. */
        GOSCHED_AS_GOYIELD(256, "Gosched as goyield");

        private final int ringSize;
        private final String tag;

        Model(int ringSize, String tag) {
            this.ringSize = ringSize;
            this.tag = tag;
        }

        /** The P's ring size. */
        public int ringSize() {
            return ringSize;
        }

        /** A short name for reports ({@code ring 128}); empty for {@link #PORT}. */
        public String tag() {
            return tag;
        }
    }

    /**
     * One run: the order, the scheduler's state at each entry (when asked for), and what the
     * goroutines did.
     *
     * @param order     goroutine ids, one per run of a goroutine ({@link Pattern#events()} entries)
     * @param snapshots the scheduler's state at each entry, or empty
     * @param counts    the yields, parks, goreadies and buffered wake-ups of the run
     */
    public record Run(int[] order, List<Snapshot> snapshots, Counts counts) {}

    /**
     * What a run's goroutines did.
     *
     * @param yields    Gosched calls
     * @param parks     waits that parked ({@code gopark})
     * @param goreadies readies of a parked goroutine ({@code goready}: into runnext)
     * @param buffered  readies of a goroutine that was not parked: the wake-up waited for its next wait
     */
    public record Counts(int yields, int parks, int goreadies, int buffered) {}

    /**
     * The scheduler's state when goroutine {@code id} ran: the P's schedtick (advanced by execute
     * unless the G inherited the time slice from runnext), and the Gs waiting in runnext, the ring
     * (head to tail) and the global queue, and the parked ones, as pattern goroutine ids.
     */
    public record Snapshot(int id, int schedtick, List<Integer> runnext, List<Integer> runq, List<Integer> global,
                           List<Integer> parked) {}

    /** The state the goroutines of one run share. One P runs them, one at a time. */
    private static final class Run0 {
        final Sched s;
        final Model model;
        final Task[] tasks;
        final int[] order;
        final AtomicInteger pos = new AtomicInteger();
        final List<Snapshot> snaps;
        /** A parked goroutine's G, registered once it is _Gwaiting (Go: the sudog on its channel's recvq). */
        final AtomicReferenceArray<G> parked;
        /** Buffered wake-ups (Go: values in the goroutine's channel buffer). */
        final AtomicIntegerArray tokens;
        final AtomicInteger yields = new AtomicInteger();
        final AtomicInteger parks = new AtomicInteger();
        final AtomicInteger goreadies = new AtomicInteger();
        final AtomicInteger buffered = new AtomicInteger();

        Run0(Sched s, Model model, Pattern p, boolean snapshots) {
            this.s = s;
            this.model = model;
            this.tasks = new Task[p.size()];
            this.order = new int[p.events()];
            this.snaps = snapshots ? Collections.synchronizedList(new ArrayList<>()) : null;
            this.parked = new AtomicReferenceArray<>(p.size());
            this.tokens = new AtomicIntegerArray(p.size());
        }

        void record(int id) {
            int at = pos.getAndIncrement();
            if (at < order.length) {
                order[at] = id;
            }
            if (snaps != null) {
                snaps.add(snapshot(this, id));
            }
        }
    }

    /** A pattern goroutine: its id, its actions and how far it has got (its "program counter"). */
    private static final class Task implements Steps {
        final int id;
        final List<Pattern.Action> body;
        final Run0 run;
        int pc;

        Task(int id, List<Pattern.Action> body, Run0 run) {
            this.id = id;
            this.body = body;
            this.run = run;
        }

        @Override
        public Next step(G gp) {
            run.record(id);
            while (pc < body.size()) {
                Pattern.Action a = body.get(pc++);
                if (a instanceof Pattern.Spawn sp) {
                    run.s.go(run.tasks[sp.child()]);
                } else if (a instanceof Pattern.Yield) {
                    run.yields.incrementAndGet();
                    return run.model == Model.GOSCHED_AS_GOYIELD ? Next.GOYIELD : Next.GOSCHED;
                } else if (a instanceof Pattern.Wait) {
                    if (run.tokens.get(id) > 0) { // a buffered wake-up: chanrecv takes it, no park
                        run.tokens.decrementAndGet(id);
                        run.record(id);
                    } else {
                        run.parks.incrementAndGet();
                        return Next.park(g -> { // chanparkcommit: now a ready can find it
                            run.parked.set(id, g);
                            return true;
                        });
                    }
                } else {
                    int t = ((Pattern.Ready) a).target();
                    G w = run.parked.getAndSet(t, null);
                    if (w != null) { // a receiver parked on the channel: send → goready
                        run.goreadies.incrementAndGet();
                        if (run.model == Model.READY_TO_RING) {
                            run.s.injectglist(List.of(w));
                        } else {
                            run.s.ready(w);
                        }
                    } else { // no receiver waiting: the value goes to the buffer
                        run.buffered.incrementAndGet();
                        run.tokens.incrementAndGet(t);
                    }
                }
            }
            return Next.EXIT;
        }
    }

    /**
     * Runs {@code pattern} once.
     *
     * @param pattern   a pattern
     * @param version   the port's version (GO1_14 or GO1_21; Sched refuses GO1_25)
     * @param phase     the P's initial schedtick (any int; read unsigned)
     * @param model     the port, or a broken model ({@link Model})
     * @param point     the scheduling-point hook ({@link SchedPoint#NONE}, or a label counter)
     * @param snapshots whether to record {@link Snapshot}s (slower; for mismatch traces)
     * @param limit     how long the run may take before it is reported as hung
     * @throws IllegalStateException if a goroutine threw, the run hung, or a goroutine did not finish
     */
    public static Run run(Pattern pattern, GoVersion version, int phase, Model model, SchedPoint point,
                          boolean snapshots, Duration limit) throws InterruptedException {
        int n = pattern.size();
        AtomicReference<Throwable> panic = new AtomicReference<>();
        Sched s = new Sched(new ProcConfig().goVersion(version).schedtick(phase).ringSize(model.ringSize()).point(point));
        Run0 run = new Run0(s, model, pattern, snapshots);
        for (int id = 0; id < n; id++) {
            run.tasks[id] = new Task(id, pattern.body(id), run);
        }
        s.setPanicHandler((goid, t) -> panic.compareAndSet(null, t));
        s.start(1);
        List<Sched.Unfinished> left;
        try {
            s.go(run.tasks[0]);
            if (!s.awaitQuiescence(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the Java scheduler did not finish " + pattern.name() + " within "
                        + limit.toSeconds() + " s");
            }
        } finally {
            s.shutdown();
            left = s.unfinished();
        }
        if (panic.get() != null) {
            throw new IllegalStateException("the Java run of " + pattern.name() + " failed: " + panic.get(), panic.get());
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("the Java run of " + pattern.name() + " left " + left.size()
                    + " goroutines unfinished, e.g. " + left.get(0));
        }
        if (run.pos.get() != pattern.events()) {
            throw new IllegalStateException("the Java run of " + pattern.name() + " recorded " + run.pos.get()
                    + " runs of goroutines, expected " + pattern.events());
        }
        return new Run(run.order, run.snaps == null ? List.of() : List.copyOf(run.snaps),
                new Counts(run.yields.get(), run.parks.get(), run.goreadies.get(), run.buffered.get()));
    }

    /** The P's queues, read by the G running on it (the owner; the global queue under its lock). */
    private static Snapshot snapshot(Run0 run, int id) {
        Proc pr = run.s.proc();
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
        List<Integer> parked = new ArrayList<>();
        for (int i = 0; i < run.parked.length(); i++) {
            if (run.parked.get(i) != null) {
                parked.add(i);
            }
        }
        return new Snapshot(id, p0.schedtick, next, ring, glob, parked);
    }

    private static int idOf(G g) {
        FuncVal fn = g.sched.ctxt;
        return fn != null && fn.steps instanceof Task t ? t.id : -1;
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
    public static Phases phases(Pattern pattern, GoVersion version, Model model, Duration limit)
            throws InterruptedException {
        Phases ph = new Phases();
        for (int phase = 0; phase < PERIOD; phase++) {
            int[] o = run(pattern, version, phase, model, SchedPoint.NONE, false, limit).order();
            ph.orders[phase] = o;
            ph.byOrder.computeIfAbsent(new OrderKey(o), k -> new TreeSet<>()).add(phase);
        }
        return ph;
    }
}
