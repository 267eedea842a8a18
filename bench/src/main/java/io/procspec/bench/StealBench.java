package io.procspec.bench;

import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * An owner and a thief on one ring: the owner puts and gets Gs as newproc/schedule would
 * (runqput with next=true, then runqget), the thief runs runqsteal into its own P and hands what
 * it stole back to the owner through {@code gfput}-free recycling (it re-queues nothing: a stolen G
 * is simply dropped from the thief's ring with runqget). Needs 2 cores; scores are per thread.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class StealBench {
    Proc proc;
    P owner;
    P thief;
    G[] gs;
    int next;

    @Setup
    public void setup() {
        proc = new Proc(new ProcConfig().nprocs(2).runnextBackoffNanos(0));
        owner = proc.allp[0];
        thief = proc.allp[1];
        gs = new G[1024];
        for (int i = 0; i < gs.length; i++) {
            gs[i] = proc.newproc1(owner, new FuncVal(() -> {}), null, 0);
        }
    }

    /** Owner: put one G with next=true (kicking the previous runnext to the ring), get one. */
    @Benchmark
    @Group("ownerVsThief")
    @GroupThreads(1)
    public Object owner() {
        // The G put may still sit in the thief's ring after a steal; a G is only reused once
        // its slot of gs came round 1024 puts later, by when every G has been taken (the ring
        // holds at most 256, and both sides drain).
        proc.runqput(owner, gs[next++ & 1023], true);
        Proc.Runqget r = proc.runqget(owner);
        return r;
    }

    /** Thief: steal half (runnext too), then drain its own ring. */
    @Benchmark
    @Group("ownerVsThief")
    @GroupThreads(1)
    public int thief() {
        int n = 0;
        if (proc.runqsteal(thief, owner, true) != null) {
            n++;
            while (proc.runqget(thief) != null) {
                n++;
            }
        }
        return n;
    }
}
