package io.procspec.bench;

import io.procspec.runtime.Sched;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * The spawn tree ({@link SpawnTrees}): 1,000,000 leaves, fan-out 10, 1,111,111 tasks, on
 * procspec's {@link Sched}, on the same scheduler built without scheduling-point calls, with two
 * prices of fidelity taken away ({@code procspecNoBackoff}: no usleep(3) before stealing runnext;
 * {@code procspecWakep120}: Go 1.20's wakep, which returns when no P is idle), on a
 * {@link ForkJoinPool} (fire-and-forget {@code fork()}) and on virtual threads (JDK 21+; on an older
 * JDK that benchmark fails with a message saying so). Each scheduler is started once per fork with
 * {@code procs} workers (0: {@code availableProcessors()}) and runs one tree per invocation; every
 * tree's sum is checked, and a wrong one fails the run.
 *
 * <p>Score: milliseconds per tree (single-shot, one tree per sample). Divide by the task count for
 * ns per task; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(1)
public class SpawnBench {
    @Param({"1000000"})
    public int leaves;
    @Param({"10"})
    public int fanout;
    @Param({"0"})
    public int procs;

    Sched sched;
    Sched noBackoff;
    io.procspec.nohook.runtime.Sched noHook;
    io.procspec.wakep120.runtime.Sched wakep120;
    ForkJoinPool fjp;
    long expected;

    @Setup(Level.Trial)
    public void setup() {
        int n = procs > 0 ? procs : Runtime.getRuntime().availableProcessors();
        sched = new Sched();
        sched.start(n);
        noBackoff = new Sched(new io.procspec.runtime.ProcConfig().runnextBackoffNanos(0));
        noBackoff.start(n);
        noHook = new io.procspec.nohook.runtime.Sched();
        noHook.start(n);
        wakep120 = new io.procspec.wakep120.runtime.Sched();
        wakep120.start(n);
        fjp = new ForkJoinPool(n);
        expected = SpawnTrees.expectedSum(leaves);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sched.shutdown();
        noBackoff.shutdown();
        noHook.shutdown();
        wakep120.shutdown();
        fjp.shutdownNow();
    }

    private long check(String who, long sum) {
        if (sum != expected) {
            throw new IllegalStateException(who + ": wrong sum " + sum + ", expected " + expected);
        }
        return sum;
    }

    @Benchmark
    public long procspec() throws InterruptedException {
        return check("procspec", SpawnTrees.sched(sched, leaves, fanout));
    }

    @Benchmark
    public long procspecNoHook() throws InterruptedException {
        return check("procspecNoHook", SpawnTrees.schedNoHook(noHook, leaves, fanout));
    }

    /** The price of runqgrab's usleep(3) before stealing a running P's runnext: the same without it. */
    @Benchmark
    public long procspecNoBackoff() throws InterruptedException {
        return check("procspecNoBackoff", SpawnTrees.sched(noBackoff, leaves, fanout));
    }

    /** The price of Go 1.21's wakep lock: wakep returning when no P is idle, as before Go 1.21. */
    @Benchmark
    public long procspecWakep120() throws InterruptedException {
        return check("procspecWakep120", SpawnTrees.schedWakep120(wakep120, leaves, fanout));
    }

    @Benchmark
    public long forkJoinPool() {
        return check("forkJoinPool", SpawnTrees.forkJoin(fjp, leaves, fanout));
    }

    @Benchmark
    public long virtualThreads() throws InterruptedException {
        return check("virtualThreads", SpawnTrees.virtualThreads(leaves, fanout));
    }
}
