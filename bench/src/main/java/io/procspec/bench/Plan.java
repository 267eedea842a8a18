package io.procspec.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark set runs: JMH runs (a benchmark class, the methods or {@code impl}s expected,
 * iteration counts, thread layout, JDK) and Go runs. Three sets:
 * <ul>
 *   <li>{@code check}: under a minute on 2 cores, for {@code ./procspec check}: owner operations,
 *       stealing with one thief, the spawn tree on procspec and ForkJoinPool; no Go;</li>
 *   <li>{@code quick}: everything once, short iterations: a few minutes on 2 cores;</li>
 *   <li>{@code full}: everything with more forks and iterations, thread counts up to the core
 *       count: for a many-core machine.</li>
 * </ul>
 */
final class Plan {
    /** One JMH run: writes {@code jmh-<id>.json}. */
    record JmhRun(String id, String kind, String benchClass, List<String> expected, String paramName,
                  Path jdk, String jdkVersion, int forks, int warmups, int warmupMs, int iterations,
                  int iterationMs, int thieves, int threads, boolean gc, int procs) {

        /** The JMH include pattern: the expected methods of the class (or the whole class for params). */
        String include() {
            if (paramName != null) {
                return "io\\.procspec\\.bench\\." + benchClass + "\\.";
            }
            return "io\\.procspec\\.bench\\." + benchClass + "\\.(" + String.join("|", expected) + ")$";
        }
    }

    /** One Go toolchain's run of bench/go/spawntree. */
    record GoRun(String id, Path goBinary, String version, int warmup, int reps, int procs) {}

    /** A Go toolchain: its {@code go} binary and {@code go env GOVERSION}. */
    record GoTool(Path bin, String version) {}

    final String set;
    final List<JmhRun> jmh = new ArrayList<>();
    final List<GoRun> go = new ArrayList<>();
    /** Why some part of the set will not run (no JDK 21+, no Go …): reported as skipped. */
    final List<String[]> skipped = new ArrayList<>();

    Plan(String set) {
        this.set = set;
    }

    static final List<String> RUNQ_ALL = List.of("proc", "procNext", "procNoHook", "procNoHookNext",
            "procCountingHook", "plainRing", "jctoolsSpmc", "arrayDeque");
    static final List<String> RUNQ_CHECK = List.of("proc", "procNoHook", "plainRing", "jctoolsSpmc", "arrayDeque");
    static final List<String> STEAL_ALL = List.of("proc", "jctools", "unpadded", "padHead", "padHeadTail");
    static final List<String> GFREE_ALL = List.of("gfgetGfput", "concurrentQueue", "localDeque");
    static final List<String> SPAWN_JAVA = List.of("procspec", "procspecNoHook", "procspecNoBackoff", "procspecWakep120",
            "forkJoinPool");

    /**
     * @param jdks    Java homes with their versions; the first is the primary JDK (queue benchmarks)
     * @param gos     Go binaries to run the spawn tree with
     * @param thieves thief counts for stealing
     * @param threads thread counts for the free lists
     * @param procs   workers for the spawn tree (0: all cores)
     */
    static Plan of(String set, List<Path> jdks, List<String> versions, List<GoTool> gos, List<Integer> thieves,
                   List<Integer> threads, int procs) {
        Plan p = new Plan(set);
        Path jdk = jdks.get(0);
        String v = versions.get(0);
        switch (set) {
            case "check": {
                p.jmh.add(new JmhRun("runq", "runq", "RunqBench", RUNQ_CHECK, null, jdk, v, 1, 2, 300, 3, 300, 0, 1, false, 0));
                p.jmh.add(new JmhRun("steal-t1", "steal", "StealBench", List.of("proc", "jctools"), "impl", jdk, v,
                        1, 2, 300, 3, 300, 1, 0, false, 0));
                p.jmh.add(new JmhRun("spawn-jdk" + Machine.feature(v), "spawn", "SpawnBench",
                        List.of("procspec", "forkJoinPool"), null, jdk, v, 1, 3, 0, 5, 0, 0, 1, false, procs));
                return p;
            }
            case "quick":
            case "full": {
                boolean full = set.equals("full");
                int f = full ? 3 : 2;
                int wi = full ? 5 : 3;
                int ms = full ? 1000 : 500;
                int it = full ? 10 : 5;
                p.jmh.add(new JmhRun("runq", "runq", "RunqBench", RUNQ_ALL, null, jdk, v, f, wi, ms, it, ms, 0, 1, false, 0));
                for (int n : thieves) {
                    p.jmh.add(new JmhRun("steal-t" + n, "steal", "StealBench", STEAL_ALL, "impl", jdk, v,
                            full ? 2 : 1, wi, ms, it, ms, n, 0, false, 0));
                }
                for (int n : threads) {
                    p.jmh.add(new JmhRun("gfree-t" + n, "gfree", "GfreeBench", GFREE_ALL, null, jdk, v,
                            full ? 2 : 1, wi, ms, it, ms, 0, n, false, 0));
                }
                boolean vt = false;
                for (int i = 0; i < jdks.size(); i++) {
                    int feat = Machine.feature(versions.get(i));
                    List<String> methods = new ArrayList<>(SPAWN_JAVA);
                    if (feat >= 21) {
                        methods.add("virtualThreads");
                        vt = true;
                    }
                    p.jmh.add(new JmhRun("spawn-jdk" + feat, "spawn", "SpawnBench", methods, null, jdks.get(i),
                            versions.get(i), full ? 2 : 1, full ? 5 : 3, 0, full ? 15 : 10, 0, 0, 1, true, procs));
                }
                if (!vt) {
                    p.skipped.add(new String[]{"spawn/virtualThreads", "no JDK 21 or newer given or found (--jdk)"});
                }
                if (gos.isEmpty()) {
                    p.skipped.add(new String[]{"spawn/go", "no Go toolchain found (--go), or its sources (bench/go) are absent"});
                }
                for (GoTool g : gos) {
                    p.go.add(new GoRun("go-" + g.version(), g.bin(), g.version(), full ? 5 : 3, full ? 15 : 10, procs));
                }
                return p;
            }
            default:
                throw new IllegalArgumentException("unknown set '" + set + "': check, quick or full");
        }
    }
}
