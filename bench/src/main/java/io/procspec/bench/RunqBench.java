package io.procspec.bench;

import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.SchedPoint;
import org.jctools.queues.SpmcArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Owner operations on one thread: put {@value #BATCH} Gs, then get them all back. Compares, in
 * the same run:
 * <ul>
 *   <li>{@code proc}, {@code procNext}: {@link Proc#runqput} ({@code next=false}: ring only;
 *       {@code next=true}: through {@code runnext}, each put kicking the previous runnext into the
 *       ring) and {@link Proc#runqget}, with the production hook {@link SchedPoint#NONE};</li>
 *   <li>{@code procNoHook}, {@code procNoHookNext}: the same code built without the scheduling-point
 *       calls ({@code io.procspec.nohook.runtime}, generated from impl's sources by deleting every
 *       {@code point.at(...)} line; see bench/pom.xml);</li>
 *   <li>{@code procCountingHook}: a hook that counts points, to show that the benchmark can see a
 *       hook that does work;</li>
 *   <li>peers: {@code plainRing} (the same ring and orderings, no runnext, no status check, no
 *       hook), JCTools {@code SpmcArrayQueue}, and {@code ArrayDeque} offer/poll (an unsynchronized
 *       queue: the floor).</li>
 * </ul>
 * Score: operations (one put or one get) per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RunqBench {
    static final int BATCH = 128;

    /** Counts points: a hook that does real (if tiny) work. */
    static final class CountingHook implements SchedPoint {
        long n;

        @Override
        public void at(String label) {
            n++;
        }
    }

    @Param({"256"})
    int ring;

    Proc proc;
    Proc procCounting;
    P pp;
    P ppCounting;
    G[] gs;
    io.procspec.nohook.runtime.Proc nohook;
    io.procspec.nohook.runtime.P ppNohook;
    io.procspec.nohook.runtime.G[] gsNohook;
    PlainRing plain;
    SpmcArrayQueue<G> spmc;
    ArrayDeque<G> deque;

    @Setup
    public void setup() {
        proc = new Proc(new ProcConfig().nprocs(1).ringSize(ring));
        procCounting = new Proc(new ProcConfig().nprocs(1).ringSize(ring).point(new CountingHook()));
        nohook = new io.procspec.nohook.runtime.Proc(new io.procspec.nohook.runtime.ProcConfig().nprocs(1).ringSize(ring));
        pp = proc.allp[0];
        ppCounting = procCounting.allp[0];
        ppNohook = nohook.allp[0];
        gs = new G[BATCH];
        gsNohook = new io.procspec.nohook.runtime.G[BATCH];
        for (int i = 0; i < BATCH; i++) {
            // runnable Gs made the way Go makes them, through newproc1
            gs[i] = proc.newproc1(pp, new FuncVal(() -> {}), null, 0);
            gsNohook[i] = nohook.newproc1(ppNohook, new io.procspec.nohook.runtime.FuncVal(() -> {}), null, 0);
        }
        plain = new PlainRing(ring);
        spmc = new SpmcArrayQueue<>(ring);
        deque = new ArrayDeque<>(ring);
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void proc(Blackhole bh) {
        cycle(proc, pp, false, bh);
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void procNext(Blackhole bh) {
        cycle(proc, pp, true, bh);
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void procCountingHook(Blackhole bh) {
        cycle(procCounting, ppCounting, false, bh);
    }

    private void cycle(Proc p, P q, boolean next, Blackhole bh) {
        for (G g : gs) {
            p.runqput(q, g, next);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(p.runqget(q).gp());
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void procNoHook(Blackhole bh) {
        cycleNohook(false, bh);
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void procNoHookNext(Blackhole bh) {
        cycleNohook(true, bh);
    }

    private void cycleNohook(boolean next, Blackhole bh) {
        io.procspec.nohook.runtime.Proc p = nohook;
        io.procspec.nohook.runtime.P q = ppNohook;
        for (io.procspec.nohook.runtime.G g : gsNohook) {
            p.runqput(q, g, next);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(p.runqget(q).gp());
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void plainRing(Blackhole bh) {
        for (G g : gs) {
            plain.put(g);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(plain.get());
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void jctoolsSpmc(Blackhole bh) {
        for (G g : gs) {
            spmc.offer(g);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(spmc.poll());
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void arrayDeque(Blackhole bh) {
        for (G g : gs) {
            deque.offer(g);
        }
        for (int i = 0; i < BATCH; i++) {
            bh.consume(deque.poll());
        }
    }
}
