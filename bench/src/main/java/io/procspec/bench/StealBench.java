package io.procspec.bench;

import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import org.jctools.queues.SpmcArrayQueue;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stealing: one owner producing Gs into its run queue while thieves steal from it, each into its
 * own queue, which it then drains. The thread count comes from JMH's thread groups: {@code -tg 1,N}
 * runs one owner and N thieves (the runner uses 1, 3, 7 and 15; the annotation's default is one).
 *
 * <p>{@code impl}:
 * <ul>
 *   <li>{@code proc}: the owner {@link Proc#runqput}s ({@code next=false}), taking one G back with
 *       {@link Proc#runqget} when the ring is full, so it never spills; a thief
 *       {@link Proc#runqsteal}s half of the owner's ring into its own P (runnext is not touched)
 *       and drains its ring with {@code runqget};</li>
 *   <li>{@code jctools}: JCTools {@code SpmcArrayQueue}: the owner offers (polling one when full);
 *       a thief drains up to half of the queue's size (at least one) with {@code drain(limit)},
 *       one CAS per element, since the queue has no batch take;</li>
 *   <li>{@code unpadded}, {@code padHead}, {@code padHeadTail}: the same ring algorithm as
 *       {@code proc} on three field layouts ({@link StealRing}): the padding experiment.</li>
 * </ul>
 *
 * <p>Results: {@code owner} is the owner's operations (one put, or a get and a put when full) per
 * microsecond; {@code moved} (an auxiliary counter) is the Gs thieves took per microsecond, summed
 * over thieves. Gs come from a pool of 4096 that the owner reuses round-robin: a G stolen and still
 * sitting in a thief's ring when its turn comes again is simply in two rings at once, which the
 * queue functions do not look at (no checked mode).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class StealBench {
    static final int POOL = 4096;
    static final int RING = 256;
    /** Ps for thieves: the owner is allp[0]; thieves take allp[1..]. */
    static final int MAX_THIEVES = 64;

    @State(Scope.Group)
    public static class Shared {
        @Param({"proc", "jctools", "unpadded", "padHead", "padHeadTail"})
        public String impl;

        Proc proc;
        P owner;
        G[] gs;
        SpmcArrayQueue<G> spmc;
        StealRing ring;
        final AtomicInteger thieves = new AtomicInteger();
        int next;
        /** 0 proc, 1 jctools, 2 a StealRing: resolved once, so each op switches on an int. */
        int kind;

        @Setup(Level.Trial)
        public void setup() {
            kind = impl.equals("proc") ? 0 : impl.equals("jctools") ? 1 : 2;
            proc = new Proc(new ProcConfig().nprocs(1 + MAX_THIEVES).ringSize(RING));
            owner = proc.allp[0];
            gs = new G[POOL];
            for (int i = 0; i < POOL; i++) {
                gs[i] = proc.newproc1(owner, new FuncVal(() -> {}), null, 0);
            }
            spmc = new SpmcArrayQueue<>(RING);
            if (kind == 2) {
                ring = StealRing.of(impl, RING);
            }
        }
    }

    /** A thief's own queue (a P, or a ring of the same layout). */
    @State(Scope.Thread)
    public static class Thief {
        P pp;
        StealRing ring;
        final org.jctools.queues.MessagePassingQueue.Consumer<G> sink = g -> { };

        @Setup(Level.Trial)
        public void setup(Shared s) {
            int id = s.thieves.incrementAndGet();
            if (id > MAX_THIEVES) {
                throw new IllegalStateException("StealBench supports at most " + MAX_THIEVES + " thieves");
            }
            pp = s.proc.allp[id];
            if (s.ring != null) {
                ring = StealRing.of(s.impl, RING);
            }
        }
    }

    /** Gs moved by this thief, per second of the iteration (JMH normalizes OPERATIONS counters). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Moved {
        public long moved;

        @Setup(Level.Iteration)
        public void reset() {
            moved = 0;
        }
    }

    @Benchmark
    @Group("steal")
    @GroupThreads(1)
    public Object owner(Shared s) {
        G g = s.gs[s.next++ & (POOL - 1)];
        switch (s.kind) {
            case 0: {
                P pp = s.owner;
                if (pp.runqtail() - pp.runqhead() == RING) {
                    s.proc.runqget(pp);
                }
                s.proc.runqput(pp, g, false);
                return g;
            }
            case 1:
                if (!s.spmc.offer(g)) {
                    s.spmc.poll();
                    s.spmc.offer(g);
                }
                return g;
            default:
                if (!s.ring.put(g)) {
                    s.ring.get();
                    s.ring.put(g);
                }
                return g;
        }
    }

    @Benchmark
    @Group("steal")
    @GroupThreads(1)
    public int thief(Shared s, Thief t, Moved m) {
        int n = 0;
        switch (s.kind) {
            case 0: {
                if (s.proc.runqsteal(t.pp, s.owner, false) != null) {
                    n = 1;
                    while (s.proc.runqget(t.pp) != null) {
                        n++;
                    }
                }
                break;
            }
            case 1:
                n = s.spmc.drain(t.sink, Math.max(1, s.spmc.size() / 2));
                break;
            default:
                n = t.ring.stealFrom(s.ring);
                while (t.ring.get() != null) {
                    // drain: the thief runs what it stole
                }
                break;
        }
        m.moved += n;
        return n;
    }
}
