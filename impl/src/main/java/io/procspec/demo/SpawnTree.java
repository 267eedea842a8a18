package io.procspec.demo;

import io.procspec.runtime.Sched;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The main-job demo: a spawn tree on {@link Sched}. The root goroutine covers the leaf numbers
 * {@code [0, leaves)}; every node splits its range into {@code fanout} parts and spawns a goroutine
 * for each, until a range holds one number; each leaf adds its number to a sum. With the defaults
 * (1,000,000 leaves, fan-out 10) that is 1,111,111 goroutines and the sum must be 499999500000.
 * Prints the time and the scheduler's counters; exits with status 1 if the sum is wrong and 2 on
 * bad arguments.
 *
 * <pre>
 * mvn -q -f impl/pom.xml compile exec:java
 * mvn -q -f impl/pom.xml compile exec:java -Dexec.args="--procs 2 --repeat 3"
 * </pre>
 */
public final class SpawnTree {
    private SpawnTree() {}

    static final String USAGE = String.join("\n",
            "usage: SpawnTree [--procs N] [--leaves N] [--fanout N] [--repeat N]",
            "  --procs N   GOMAXPROCS: Ps, at most N goroutines at once (default: available processors)",
            "  --leaves N  leaf goroutines; they add their numbers 0..N-1 (default 1000000)",
            "  --fanout N  children per inner goroutine, >= 2 (default 10)",
            "  --repeat N  run the tree N times, each on a fresh scheduler (default 1)",
            "  --help      print this text");

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status); // only on failure: under exec:java, exit(0) would cut Maven short
        }
    }

    /** Runs the demo; returns the exit status (0 ok, 1 wrong sum or failure, 2 bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int procs = Runtime.getRuntime().availableProcessors();
        int leaves = 1_000_000;
        int fanout = 10;
        int repeat = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help":
                    case "-h":
                        out.println(USAGE);
                        return 0;
                    case "--procs":
                        procs = positive(a, value(args, ++i, a), 1);
                        break;
                    case "--leaves":
                        leaves = positive(a, value(args, ++i, a), 1);
                        break;
                    case "--fanout":
                        fanout = positive(a, value(args, ++i, a), 2);
                        break;
                    case "--repeat":
                        repeat = positive(a, value(args, ++i, a), 1);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option: " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("SpawnTree: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }

        long expected = (long) leaves * (leaves - 1) / 2;
        long goroutines = count(0, leaves, fanout);
        out.printf("spawn tree: %,d leaves, fan-out %d, %,d goroutines, GOMAXPROCS %d%n",
                leaves, fanout, goroutines, procs);
        int status = 0;
        for (int r = 1; r <= repeat; r++) {
            Sched s = new Sched().start(procs);
            LongAdder sum = new LongAdder();
            final int fo = fanout;
            final int nleaves = leaves;
            long t0 = System.nanoTime();
            try {
                s.go(() -> node(s, 0, nleaves, fo, sum));
                s.awaitQuiescence();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("SpawnTree: interrupted");
                s.shutdown();
                return 1;
            }
            long ns = System.nanoTime() - t0;
            List<Runnable> left = s.shutdown();
            Sched.Stats st = s.stats();
            boolean ok = sum.sum() == expected && left.isEmpty() && st.gsRun() == goroutines
                    && st.panics() == 0;
            out.printf("run %d: %.1f ms, %,.0f goroutines/s; sum %d (expected %d): %s%n", r, ns / 1e6,
                    goroutines / (ns / 1e9), sum.sum(), expected, ok ? "OK" : "WRONG");
            out.println(indent(st.toString()));
            if (!ok) {
                err.printf("SpawnTree: wrong result: sum %d, expected %d; %d goroutines ran of %d; %d never ran;"
                        + " %d panicked%n", sum.sum(), expected, st.gsRun(), goroutines, left.size(), st.panics());
                status = 1;
            }
        }
        return status;
    }

    /** One node of the tree: a leaf adds its number; an inner node spawns up to fanout children. */
    static void node(Sched s, int lo, int hi, int fanout, LongAdder sum) {
        int n = hi - lo;
        if (n == 1) {
            sum.add(lo);
            return;
        }
        int parts = Math.min(fanout, n);
        for (int k = 0; k < parts; k++) {
            int clo = lo + (int) ((long) n * k / parts);
            int chi = lo + (int) ((long) n * (k + 1) / parts);
            s.go(() -> node(s, clo, chi, fanout, sum));
        }
    }

    /** Number of goroutines node(lo, hi) makes, itself included. */
    static long count(int lo, int hi, int fanout) {
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

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String flag, String v, int min) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + v + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException(flag + " must be >= " + min + ", got " + n);
        }
        return n;
    }

    private static String indent(String s) {
        return s.lines().map(l -> "  " + l).collect(java.util.stream.Collectors.joining(System.lineSeparator()));
    }
}
