package io.procspec.bench;

import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
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

import java.util.concurrent.TimeUnit;

/**
 * Owner-side throughput of the local run queue: put a batch of Gs, then get them all back, on one
 * thread. Compares, in the same run:
 * <ul>
 *   <li>{@code proc}: {@link Proc#runqput}/{@link Proc#runqget} with the default hook
 *       {@link SchedPoint#NONE} (the production configuration);</li>
 *   <li>{@code procCountingHook}: the same with a hook that counts points, to show what a real
 *       hook costs and that the benchmark can see it;</li>
 *   <li>{@code plainRing}: the same ring algorithm with no hook calls (the zero-cost peer);</li>
 *   <li>{@code jctoolsSpmc}: JCTools' single-producer multi-consumer array queue.</li>
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
    PlainRing plain;
    SpmcArrayQueue<G> spmc;

    @Setup
    public void setup() {
        proc = new Proc(new ProcConfig().nprocs(1).ringSize(ring));
        procCounting = new Proc(new ProcConfig().nprocs(1).ringSize(ring).point(new CountingHook()));
        pp = proc.allp[0];
        ppCounting = procCounting.allp[0];
        gs = new G[BATCH];
        for (int i = 0; i < BATCH; i++) {
            // runnable Gs made the way Go makes them, through newproc1
            gs[i] = proc.newproc1(pp, new io.procspec.runtime.FuncVal(() -> {}), null, 0);
        }
        plain = new PlainRing(ring);
        spmc = new SpmcArrayQueue<>(ring);
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void proc(Blackhole bh) {
        cycle(proc, pp, bh);
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH)
    public void procCountingHook(Blackhole bh) {
        cycle(procCounting, ppCounting, bh);
    }

    private void cycle(Proc p, P q, Blackhole bh) {
        for (G g : gs) {
            p.runqput(q, g, false);
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
}
