package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static io.procspec.runtime.SpecProperties.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler runs every G it creates exactly once: fan-out trees, long chains, bursts from
 * outside, and park/unpark rounds that would hang on a lost wakeup. Timeouts are hang guards only.
 */
class SchedTest {

    /** Per-task run counts: every slot must end at exactly 1. */
    static final class Once {
        final AtomicIntegerArray runs;
        final AtomicInteger next = new AtomicInteger();

        Once(int n) {
            runs = new AtomicIntegerArray(n);
        }

        int id() {
            return next.getAndIncrement();
        }

        void ran(int id) {
            runs.incrementAndGet(id);
        }

        void assertEachRanOnce(int expected) {
            assertThat(next.get()).as("tasks created").isEqualTo(expected);
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                int r = runs.get(i);
                if (r != 1 && bad.size() < 10) {
                    bad.add("task " + i + " ran " + r + " times");
                }
            }
            assertThat(bad).as("%s, %s: tasks not run exactly once", RUNNABLE_EVENTUALLY_RUNS, EXACTLY_ONE_PLACE).isEmpty();
        }
    }

    static Sched started(int nprocs) {
        return new Sched(new ProcConfig().checked(true)).start(nprocs);
    }

    /** After quiescence: the counters agree, stacks are accounted for, and nothing is left at shutdown. */
    static void assertCleanEnd(Sched s, long gs) {
        Sched.Stats st = s.stats();
        assertThat(st.gsCreated()).as("Gs created").isEqualTo(gs);
        assertThat(st.gsRun()).as("Gs run").isEqualTo(gs);
        assertThat(st.gsReused() + st.gsAllocated()).isEqualTo(gs);
        assertThat(st.gsAllocated()).isEqualTo(s.proc().allgs().size());
        long held = s.proc().allgs().stream().filter(g -> g.stack.present()).count();
        assertThat(st.stacksInUse()).as("stacks allocated - freed == stacks held").isEqualTo(held);
        assertThat(s.shutdown()).as("Gs never run").isEmpty();
        assertThat(s.proc().sched.loadVolatileNmspinning()).as("no M spinning after shutdown").isZero();
        for (G g : s.proc().allgs()) {
            assertThat(g.readgstatus()).isEqualTo(G._Gdead);
        }
    }

    // ---- fan-out trees -------------------------------------------------------------------------

    static void tree(Sched s, Once once, int id, int depth, int fanout) {
        once.ran(id);
        if (depth == 0) {
            return;
        }
        for (int k = 0; k < fanout; k++) {
            int child = once.id();
            s.go(() -> tree(s, once, child, depth - 1, fanout));
        }
    }

    @WithPs
    @Timeout(120)
    void fanOutTreeRunsEveryGOnce(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int depth = 5;
        int fanout = 10;
        int total = 111_111; // 1 + 10 + … + 10^5
        Once once = new Once(total);
        int root = once.id();
        s.go(() -> tree(s, once, root, depth, fanout));
        Quiesce.await(s);
        once.assertEachRanOnce(total);
        assertCleanEnd(s, total);
    }

    // ---- long chains -----------------------------------------------------------------------------

    static void chain(Sched s, Once once, int id, int left) {
        once.ran(id);
        if (left > 0) {
            int next = once.id();
            s.go(() -> chain(s, once, next, left - 1));
        }
    }

    @WithPs
    @Timeout(120)
    void longChainsRunEveryGOnce(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int chains = 8;
        int length = 25_000;
        Once once = new Once(chains * length);
        for (int c = 0; c < chains; c++) {
            int head = once.id();
            s.go(() -> chain(s, once, head, length - 1));
        }
        Quiesce.await(s);
        once.assertEachRanOnce(chains * length);
        assertCleanEnd(s, chains * length);
    }

    @Test
    @Timeout(120)
    void oneChainOf200000() throws Exception {
        Sched s = new Sched().start(2);
        int length = 200_000;
        Once once = new Once(length);
        int head = once.id();
        s.go(() -> chain(s, once, head, length - 1));
        Quiesce.await(s);
        once.assertEachRanOnce(length);
        assertCleanEnd(s, length);
    }

    // ---- bursts from outside ---------------------------------------------------------------------

    @WithPs
    @Timeout(120)
    void burstsOf100000FromOutsideRunEveryGOnce(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int threads = 4;
        int each = 25_000;
        Once once = new Once(threads * each);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int i = 0; i < each; i++) {
                    int id = once.id();
                    s.go(() -> once.ran(id));
                }
            });
            th.start();
            ts.add(th);
        }
        go.countDown();
        for (Thread th : ts) {
            th.join(30_000);
            assertThat(th.isAlive()).as("a producer thread finished its go calls within 30 s").isFalse();
        }
        Quiesce.await(s);
        once.assertEachRanOnce(threads * each);
        Sched.Stats st = s.stats();
        assertThat(st.globrunqputGs()).as("outside Gs go through the global queue").isGreaterThanOrEqualTo(threads * each);
        assertCleanEnd(s, threads * each);
    }

    // ---- park / unpark -----------------------------------------------------------------------------

    /**
     * Thousands of rounds in which every M parks and a new G (from outside, then spawning from
     * inside) must wake them: a lost wakeup leaves Gs runnable with every M parked, which
     * {@link Quiesce#await} reports after 10 s without progress.
     */
    @WithPs
    @Timeout(120)
    void parkUnparkRoundsLoseNoWakeup(int nprocs) throws Exception {
        Sched s = new Sched().start(nprocs);
        int rounds = 2_000;
        AtomicInteger ran = new AtomicInteger();
        for (int r = 0; r < rounds; r++) {
            s.go(() -> {
                ran.incrementAndGet();
                for (int k = 0; k < 3; k++) {
                    s.go(ran::incrementAndGet);
                }
            });
            Quiesce.await(s); // NO_LOST_WAKEUP: a lost wakeup fails here after 10 s without progress
            assertThat(ran.get()).isEqualTo(4 * (r + 1));
        }
        Sched.Stats st = s.stats();
        assertThat(st.parks()).as("Ms parked between rounds").isPositive();
        assertThat(s.mcount()).as("Ms are reused, not started per round").isLessThan(50);
        assertCleanEnd(s, 4L * rounds);
    }

    @Test
    @Timeout(60)
    void stealingSpreadsWorkAcrossPs() throws Exception {
        Sched s = new Sched().start(4);
        // One G fills its P's ring (200 < 256: nothing spills to the global queue). Each G then
        // spins until Gs have run on two Ps, which only a steal can bring about (the deadline is a
        // hang guard, never reached in practice).
        AtomicIntegerArray byP = new AtomicIntegerArray(4);
        AtomicInteger distinct = new AtomicInteger();
        long deadline = System.nanoTime() + 30_000_000_000L;
        s.go(() -> {
            for (int i = 0; i < 200; i++) {
                s.go(() -> {
                    if (byP.getAndIncrement(Sched.currentP().id) == 0) {
                        distinct.incrementAndGet();
                    }
                    while (distinct.get() < 2 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                });
            }
        });
        Quiesce.await(s);
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += byP.get(i);
        }
        assertThat(sum).isEqualTo(200);
        Sched.Stats st = s.stats();
        assertThat(st.steals()).isPositive();
        long hist = 0;
        for (long b : st.stealBatches()) {
            hist += b;
        }
        assertThat(hist).as("every steal is in the histogram").isEqualTo(st.steals());
        assertCleanEnd(s, 201);
    }

    @Test
    void randomOrderVisitsEveryPositionOnce() {
        for (int count = 1; count <= 12; count++) {
            RandomOrder ord = new RandomOrder(count);
            for (int seed : new int[] {0, 1, 7, 12345, -1, Integer.MIN_VALUE, 0x7fffffff}) {
                boolean[] seen = new boolean[count];
                int n = 0;
                for (RandomEnum e = ord.start(seed); !e.done(); e.next()) {
                    assertThat(seen[e.position()]).isFalse();
                    seen[e.position()] = true;
                    n++;
                }
                assertThat(n).isEqualTo(count);
            }
        }
    }

    @Test
    void stealBuckets() {
        assertThat(MLoop.bucket(1)).isEqualTo(0);
        assertThat(MLoop.bucket(2)).isEqualTo(1);
        assertThat(MLoop.bucket(3)).isEqualTo(2);
        assertThat(MLoop.bucket(4)).isEqualTo(2);
        assertThat(MLoop.bucket(5)).isEqualTo(3);
        assertThat(MLoop.bucket(64)).isEqualTo(6);
        assertThat(MLoop.bucket(65)).isEqualTo(7);
        assertThat(MLoop.bucket(128)).isEqualTo(7);
        assertThat(MLoop.bucket(1000)).isEqualTo(7);
    }
}
