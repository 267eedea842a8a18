package io.procspec.bench;

import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.G._Gidle;

/**
 * Free lists: each thread owns a P and runs cycles of {@value #K} {@link Proc#gfget}s followed by
 * {@value #K} {@link Proc#gfput}s. A P keeps at most 63 free Gs, so every cycle refills from the
 * global lists ({@code sched.gFree}, under its lock) and spills back to them: with several threads
 * (JMH {@code -t N}, one P each) they contend for {@code sched.gFree.lock} as Go's Ps do.
 *
 * <p>Peers: {@code concurrentQueue} takes and returns the same number of Gs through one shared
 * {@link ConcurrentLinkedQueue} (a lock-free global pool with no local cache); {@code localDeque}
 * through a per-thread {@link ArrayDeque} (no sharing at all: the floor).
 *
 * <p>Score: operations (one get or one put) per microsecond, summed over threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class GfreeBench {
    /** Gs taken then returned per cycle: more than a P keeps (63), so each cycle refills and spills. */
    static final int K = 96;

    Proc proc;
    ConcurrentLinkedQueue<G> shared;
    final AtomicInteger nextP = new AtomicInteger();

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        int threads = params.getThreads();
        proc = new Proc(new ProcConfig().nprocs(threads));
        // Enough dead Gs that each thread can hold K in hand while every P caches up to 63.
        int pool = threads * (K + 64) + 64;
        P p0 = proc.allp[0];
        shared = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < pool; i++) {
            G gp = proc.malg(io.procspec.runtime.Arch.StackMin);
            proc.casgstatus(gp, _Gidle, _Gdead);
            proc.gfput(p0, gp);
            G peer = proc.malg(io.procspec.runtime.Arch.StackMin);
            proc.casgstatus(peer, _Gidle, _Gdead);
            shared.add(peer);
        }
        proc.gfpurge(p0); // everything on the global lists
    }

    @State(Scope.Thread)
    public static class Local {
        P pp;
        final G[] hand = new G[K];
        ArrayDeque<G> deque;

        @Setup(Level.Trial)
        public void setup(GfreeBench b) {
            pp = b.proc.allp[b.nextP.getAndIncrement()];
            deque = new ArrayDeque<>(K);
            for (int i = 0; i < K; i++) {
                G gp = new G();
                deque.add(gp);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * K)
    public void gfgetGfput(Local l, Blackhole bh) {
        Proc p = proc;
        P pp = l.pp;
        G[] hand = l.hand;
        for (int i = 0; i < K; i++) {
            G gp = p.gfget(pp);
            if (gp == null) {
                throw new IllegalStateException("gfget: no free G (the pool is too small)");
            }
            hand[i] = gp;
        }
        for (int i = 0; i < K; i++) {
            p.gfput(pp, hand[i]);
        }
        bh.consume(hand);
    }

    @Benchmark
    @OperationsPerInvocation(2 * K)
    public void concurrentQueue(Local l, Blackhole bh) {
        G[] hand = l.hand;
        for (int i = 0; i < K; i++) {
            hand[i] = shared.poll();
        }
        for (int i = 0; i < K; i++) {
            shared.offer(hand[i]);
        }
        bh.consume(hand);
    }

    @Benchmark
    @OperationsPerInvocation(2 * K)
    public void localDeque(Local l, Blackhole bh) {
        G[] hand = l.hand;
        ArrayDeque<G> d = l.deque;
        for (int i = 0; i < K; i++) {
            hand[i] = d.poll();
        }
        for (int i = 0; i < K; i++) {
            d.push(hand[i]);
        }
        bh.consume(hand);
    }
}
