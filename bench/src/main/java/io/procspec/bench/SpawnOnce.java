package io.procspec.bench;

import io.procspec.runtime.Sched;

/**
 * One JVM's worth of spawn trees on whichever {@code io.procspec.runtime} is first on the class
 * path: starts one {@link Sched}, runs {@code warmup} trees, then {@code trees} measured ones, and
 * prints two lines per measured tree: {@code ms <wall milliseconds>} and {@code cpu <milliseconds of
 * CPU time the process used>} (less sensitive than wall time to other work on the machine). {@link BenchRun}'s {@code ab}
 * command runs it alternately on two builds of the runtime.
 *
 * <pre>java -cp IMPL_CLASSES:bench/target/benchmarks.jar io.procspec.bench.SpawnOnce PROCS WARMUP TREES</pre>
 */
public final class SpawnOnce {
    private SpawnOnce() {}

    /** CPU time of this process in ns (all threads), or 0 where the platform does not say. */
    static long cpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: SpawnOnce PROCS WARMUP TREES");
            System.exit(2);
        }
        int procs = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int trees = Integer.parseInt(args[2]);
        int leaves = 1_000_000;
        long want = SpawnTrees.expectedSum(leaves);
        Sched s = new Sched().start(procs > 0 ? procs : Runtime.getRuntime().availableProcessors());
        try {
            for (int i = 0; i < warmup + trees; i++) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                long sum = SpawnTrees.sched(s, leaves, 10);
                long ns = System.nanoTime() - t0;
                long cns = cpu() - c0;
                if (sum != want) {
                    System.err.println("SpawnOnce: wrong sum " + sum + ", expected " + want);
                    System.exit(1);
                }
                if (i >= warmup) {
                    System.out.println("ms " + ns / 1e6);
                    System.out.println("cpu " + cns / 1e6);
                }
            }
        } finally {
            s.shutdown();
        }
    }
}
