package io.procspec.bench;

import io.procspec.runtime.Sched;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The spawn tree on each scheduler: the root covers the leaf numbers {@code [0, leaves)}; every
 * node splits its range into {@code fanout} parts and spawns a task for each, fire and forget,
 * until a range holds one number; each leaf adds its number to a {@link LongAdder}. With 1,000,000
 * leaves and fan-out 10 that is 1,111,111 tasks and the sum is 499,999,500,000. Each run returns
 * the sum; the caller checks it.
 *
 * <p>How each waits for the tree: procspec's {@link Sched#awaitQuiescence()}, its own quiescence
 * detection; ForkJoinPool's {@link CountedCompleter} pending counts; virtual threads have neither,
 * so each task counts itself down on one {@link AtomicLong} of the known total and the last one
 * opens a latch (one contended atomic per task, as the Go program's {@code sync.WaitGroup}).
 */
public final class SpawnTrees {
    private SpawnTrees() {}

    /** Number of tasks node(lo, hi) makes, itself included. */
    public static long count(int lo, int hi, int fanout) {
        int n = hi - lo;
        if (n == 1) {
            return 1;
        }
        int parts = Math.min(fanout, n);
        long c = 1;
        for (int k = 0; k < parts; k++) {
            c += count(lo + (int) ((long) n * k / parts), lo + (int) ((long) n * (k + 1) / parts), fanout);
        }
        return c;
    }

    /** 0 + 1 + … + (leaves − 1). */
    public static long expectedSum(int leaves) {
        return (long) leaves * (leaves - 1) / 2;
    }

    static int lo(int lo, int n, int k, int parts) {
        return lo + (int) ((long) n * k / parts);
    }

    // ---- procspec ------------------------------------------------------------------------------

    /** One tree on a started {@link Sched}; returns the sum. */
    public static long sched(Sched s, int leaves, int fanout) throws InterruptedException {
        LongAdder sum = new LongAdder();
        s.go(() -> schedNode(s, 0, leaves, fanout, sum));
        if (!s.awaitQuiescence(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("spawn tree on procspec did not finish in 5 minutes");
        }
        return sum.sum();
    }

    static void schedNode(Sched s, int lo, int hi, int fanout, LongAdder sum) {
        int n = hi - lo;
        if (n == 1) {
            sum.add(lo);
            return;
        }
        int parts = Math.min(fanout, n);
        for (int k = 0; k < parts; k++) {
            int clo = lo(lo, n, k, parts);
            int chi = lo(lo, n, k + 1, parts);
            s.go(() -> schedNode(s, clo, chi, fanout, sum));
        }
    }

    /** One tree on the build without scheduling-point calls. */
    public static long schedNoHook(io.procspec.nohook.runtime.Sched s, int leaves, int fanout)
            throws InterruptedException {
        LongAdder sum = new LongAdder();
        s.go(() -> noHookNode(s, 0, leaves, fanout, sum));
        if (!s.awaitQuiescence(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("spawn tree on procspec (no hook) did not finish in 5 minutes");
        }
        return sum.sum();
    }

    static void noHookNode(io.procspec.nohook.runtime.Sched s, int lo, int hi, int fanout, LongAdder sum) {
        int n = hi - lo;
        if (n == 1) {
            sum.add(lo);
            return;
        }
        int parts = Math.min(fanout, n);
        for (int k = 0; k < parts; k++) {
            int clo = lo(lo, n, k, parts);
            int chi = lo(lo, n, k + 1, parts);
            s.go(() -> noHookNode(s, clo, chi, fanout, sum));
        }
    }

    /** One tree on the variant whose wakep returns when no P is idle (Go 1.16–1.20's rule). */
    public static long schedWakep120(io.procspec.wakep120.runtime.Sched s, int leaves, int fanout)
            throws InterruptedException {
        LongAdder sum = new LongAdder();
        s.go(() -> wakep120Node(s, 0, leaves, fanout, sum));
        if (!s.awaitQuiescence(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("spawn tree on procspec (wakep 1.20) did not finish in 5 minutes");
        }
        return sum.sum();
    }

    static void wakep120Node(io.procspec.wakep120.runtime.Sched s, int lo, int hi, int fanout, LongAdder sum) {
        int n = hi - lo;
        if (n == 1) {
            sum.add(lo);
            return;
        }
        int parts = Math.min(fanout, n);
        for (int k = 0; k < parts; k++) {
            int clo = lo(lo, n, k, parts);
            int chi = lo(lo, n, k + 1, parts);
            s.go(() -> wakep120Node(s, clo, chi, fanout, sum));
        }
    }

    // ---- ForkJoinPool ----------------------------------------------------------------------------

    /**
     * One tree on a ForkJoinPool: each node {@code fork()}s its children and never joins them; a
     * {@link CountedCompleter} counts each node's unfinished children (one atomic decrement of the
     * parent's count per task) so that {@code invoke} on the root returns when the whole tree is
     * done. ({@code execute} or {@code invoke} of plain {@code RecursiveAction}s followed by
     * {@link ForkJoinPool#awaitQuiescence} returned before the tree was done, with a wrong sum, on
     * JDK 17 and JDK 25 here, so it cannot be used to time the tree.)
     */
    public static long forkJoin(ForkJoinPool pool, int leaves, int fanout) {
        LongAdder sum = new LongAdder();
        pool.invoke(new FjNode(null, 0, leaves, fanout, sum));
        return sum.sum();
    }

    static final class FjNode extends CountedCompleter<Void> {
        private static final long serialVersionUID = 1L;
        final int lo, hi, fanout;
        final LongAdder sum;

        FjNode(FjNode parent, int lo, int hi, int fanout, LongAdder sum) {
            super(parent);
            this.lo = lo;
            this.hi = hi;
            this.fanout = fanout;
            this.sum = sum;
        }

        @Override
        public void compute() {
            int n = hi - lo;
            if (n == 1) {
                sum.add(lo);
            } else {
                int parts = Math.min(fanout, n);
                setPendingCount(parts);
                for (int k = 0; k < parts; k++) {
                    new FjNode(this, SpawnTrees.lo(lo, n, k, parts), SpawnTrees.lo(lo, n, k + 1, parts), fanout, sum).fork();
                }
            }
            tryComplete();
        }
    }

    // ---- virtual threads (JDK 21+) ---------------------------------------------------------------

    /** {@code Thread.startVirtualThread(Runnable)}, or null before JDK 21 (looked up: bench compiles for 17). */
    static final MethodHandle START_VIRTUAL = startVirtual();

    private static MethodHandle startVirtual() {
        try {
            return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /** Whether this JVM has virtual threads (JDK 21+). */
    public static boolean virtualThreadsAvailable() {
        return START_VIRTUAL != null;
    }

    /** One tree on virtual threads, one per task. */
    public static long virtualThreads(int leaves, int fanout) throws InterruptedException {
        if (START_VIRTUAL == null) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or newer; this is "
                    + System.getProperty("java.version"));
        }
        VtTree t = new VtTree(count(0, leaves, fanout), fanout);
        t.start(0, leaves);
        if (!t.done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("spawn tree on virtual threads did not finish in 5 minutes");
        }
        return t.sum.sum();
    }

    static final class VtTree {
        final LongAdder sum = new LongAdder();
        final AtomicLong left;
        final CountDownLatch done = new CountDownLatch(1);
        final int fanout;

        VtTree(long tasks, int fanout) {
            this.left = new AtomicLong(tasks);
            this.fanout = fanout;
        }

        void start(int lo, int hi) {
            try {
                Thread t = (Thread) START_VIRTUAL.invokeExact((Runnable) () -> node(lo, hi));
                assert t != null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        void node(int lo, int hi) {
            int n = hi - lo;
            if (n == 1) {
                sum.add(lo);
            } else {
                int parts = Math.min(fanout, n);
                for (int k = 0; k < parts; k++) {
                    start(SpawnTrees.lo(lo, n, k, parts), SpawnTrees.lo(lo, n, k + 1, parts));
                }
            }
            if (left.decrementAndGet() == 0) {
                done.countDown();
            }
        }
    }
}
