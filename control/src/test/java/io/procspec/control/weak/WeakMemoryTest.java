package io.procspec.control.weak;

import io.procspec.control.Controller;
import io.procspec.control.Explorer;
import io.procspec.control.Schedule;
import io.procspec.control.weak.WeakMemory.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Litmus tests of the weak-memory mode: each explores every interleaving and every permitted
 * choice of store (up to a bound) and compares the set of outcomes with what the Java memory model
 * allows, including the documented limits (load buffering only through a second, justified run).
 */
class WeakMemoryTest {

    /** A shared variable whose accesses go through the simulation (the real field holds the newest value). */
    static final class Cell {
        Object v;

        Cell(Object v) {
            this.v = v;
        }

        Object load(WeakMemory m, Order o) {
            return m.load(this, "v", o, v);
        }

        void store(WeakMemory m, Order o, Object x) {
            m.store(this, "v", o, x, v);
            v = x;
        }

        boolean cas(WeakMemory m, Order o, Object expected, Object x) {
            Object w = m.compareAndExchange(this, "v", o, expected, x, v);
            boolean ok = w.equals(expected);
            if (ok) {
                v = x;
            }
            return ok;
        }
    }

    /** A litmus test: two threads over fresh cells, each body given (memory, controller, results). */
    interface Body {
        void run(WeakMemory m, Controller c, Cell[] cells, int[] r);
    }

    /** Every outcome ("r0,r1") over all interleavings and store choices with at most {@code bound} preemptions/weak reads. */
    static Set<String> outcomes(int cells, int bound, Body... threads) {
        Set<String> seen = new TreeSet<>();
        Explorer.Result res = Explorer.explore(bound, 1_000_000, s -> {
            Controller c = new Controller(s).stepLimit(1000).blockTimeoutMillis(5000);
            WeakMemory m = new WeakMemory(c);
            Cell[] cs = new Cell[cells];
            for (int i = 0; i < cells; i++) {
                cs[i] = new Cell(0);
            }
            int[] r = new int[4];
            for (int t = 0; t < threads.length; t++) {
                Body b = threads[t];
                c.thread("T" + t, () -> b.run(m, c, cs, r));
            }
            Controller.Run run = c.run();
            if (run.failure() == null) {
                seen.add(r[0] + "," + r[1]);
            }
            return run;
        });
        assertThat(res.failing()).as("no run failed").isNull();
        assertThat(res.complete()).isTrue();
        return seen;
    }

    static int i(Object o) {
        return ((Number) o).intValue();
    }

    // ---- message passing ------------------------------------------------------------------------

    static Set<String> messagePassing(Order storeFlag, Order loadFlag) {
        return outcomes(2, 4,
                (m, c, x, r) -> {
                    c.at("data");
                    x[0].store(m, Order.PLAIN, 1);
                    c.at("flag");
                    x[1].store(m, storeFlag, 1);
                },
                (m, c, x, r) -> {
                    c.at("flag");
                    r[0] = i(x[1].load(m, loadFlag));
                    c.at("data");
                    r[1] = i(x[0].load(m, Order.PLAIN));
                });
    }

    @Test
    void releaseAcquireMessagePassingNeverSeesTheFlagWithoutTheData() {
        assertThat(messagePassing(Order.RELEASE, Order.ACQUIRE)).contains("0,0", "0,1", "1,1").doesNotContain("1,0");
        assertThat(messagePassing(Order.VOLATILE, Order.VOLATILE)).doesNotContain("1,0");
    }

    @Test
    void aPlainFlagStoreOrLoadLetsTheReaderSeeTheFlagButNotTheData() {
        assertThat(messagePassing(Order.PLAIN, Order.ACQUIRE)).contains("1,0");
        assertThat(messagePassing(Order.RELEASE, Order.PLAIN)).contains("1,0");
        assertThat(messagePassing(Order.OPAQUE, Order.OPAQUE)).contains("1,0");
    }

    // ---- store buffering --------------------------------------------------------------------------

    static Set<String> storeBuffering(Order o) {
        return outcomes(2, 4,
                (m, c, x, r) -> {
                    c.at("x");
                    x[0].store(m, o, 1);
                    c.at("y");
                    r[0] = i(x[1].load(m, o));
                },
                (m, c, x, r) -> {
                    c.at("y");
                    x[1].store(m, o, 1);
                    c.at("x");
                    r[1] = i(x[0].load(m, o));
                });
    }

    @Test
    void storeBufferingIsAllowedForReleaseAcquireAndForbiddenForVolatile() {
        assertThat(storeBuffering(Order.PLAIN)).contains("0,0");
        assertThat(storeBuffering(Order.RELEASE == Order.RELEASE ? Order.ACQUIRE : Order.PLAIN)).contains("0,0");
        assertThat(storeBuffering(Order.VOLATILE)).doesNotContain("0,0").contains("0,1", "1,0", "1,1");
    }

    // ---- coherence ----------------------------------------------------------------------------

    @Test
    void readsOfOneLocationAreCoherentEvenWhenPlain() {
        Set<String> o = outcomes(1, 4,
                (m, c, x, r) -> {
                    c.at("w1");
                    x[0].store(m, Order.PLAIN, 1);
                    c.at("w2");
                    x[0].store(m, Order.PLAIN, 2);
                },
                (m, c, x, r) -> {
                    c.at("r1");
                    r[0] = i(x[0].load(m, Order.PLAIN));
                    c.at("r2");
                    r[1] = i(x[0].load(m, Order.PLAIN));
                });
        assertThat(o).contains("0,0", "0,2", "1,2", "2,2", "0,1").doesNotContain("2,1", "1,0", "2,0");
    }

    @Test
    void aThreadReadsItsOwnLatestStore() {
        Set<String> o = outcomes(1, 4,
                (m, c, x, r) -> {
                    c.at("w");
                    x[0].store(m, Order.PLAIN, 1);
                    c.at("r");
                    r[0] = i(x[0].load(m, Order.PLAIN));
                },
                (m, c, x, r) -> {
                    c.at("w");
                    x[0].store(m, Order.PLAIN, 2);
                });
        assertThat(o).contains("1,0", "2,0").doesNotContain("0,0");
    }

    // ---- RMW atomicity and release sequences -----------------------------------------------------

    @Test
    void twoCasesNeverBothSucceedFromTheSameValue() {
        Set<String> o = outcomes(1, 4,
                (m, c, x, r) -> {
                    c.at("cas");
                    r[0] = x[0].cas(m, Order.PLAIN, 0, 1) ? 1 : 0;
                },
                (m, c, x, r) -> {
                    c.at("cas");
                    r[1] = x[0].cas(m, Order.PLAIN, 0, 2) ? 1 : 0;
                });
        assertThat(o).containsExactlyInAnyOrder("1,0", "0,1");
    }

    @Test
    void anAcquireReadingAPlainCasAfterAReleaseStoreSynchronizesWithTheRelease() {
        Set<String> o = outcomes(2, 4,
                (m, c, x, r) -> {
                    c.at("data");
                    x[0].store(m, Order.PLAIN, 1);
                    c.at("flag");
                    x[1].store(m, Order.RELEASE, 1);
                    c.at("cas");
                    x[1].cas(m, Order.PLAIN, 1, 2); // continues the release sequence
                },
                (m, c, x, r) -> {
                    c.at("flag");
                    r[0] = i(x[1].load(m, Order.ACQUIRE));
                    c.at("data");
                    r[1] = i(x[0].load(m, Order.PLAIN));
                });
        assertThat(o).contains("2,1").doesNotContain("2,0", "1,0");
    }

    // ---- what is not simulated ---------------------------------------------------------------------

    @Test
    void loadBufferingIsNotProducedByOneRun() {
        Set<String> o = outcomes(2, 6, LB_T0, LB_T1);
        // The JMM allows r0 = r1 = 1 for plain accesses; one run reads only executed stores ...
        assertThat(o).contains("0,0", "0,1", "1,0").doesNotContain("1,1");
    }

    static final Body LB_T0 = (m, c, x, r) -> {
        c.at("x");
        r[0] = i(x[0].load(m, Order.PLAIN));
        c.at("y");
        x[1].store(m, Order.PLAIN, 1);
    };
    static final Body LB_T1 = (m, c, x, r) -> {
        c.at("y");
        r[1] = i(x[1].load(m, Order.PLAIN));
        c.at("x");
        x[0].store(m, Order.PLAIN, 1);
    };

    @Test
    void loadBufferingIsProducedByACandidateJustifiedByAnEarlierRun() {
        // ... and a second run, in which a plain load reads a later store of another thread that
        // the first run made without happening-after the load, produces it
        assertThat(outcomesWithLoadBuffering(2, 6, LB_T0, LB_T1)).contains("0,0", "0,1", "1,0", "1,1");
    }

    @Test
    void loadBufferingIsNotProducedAcrossARelease() {
        // T0's load is ordered before its release store; T1 reads it with an acquire, so T1's store
        // to x happens-after T0's load: r0 = r1 = 1 is forbidden
        Set<String> o = outcomesWithLoadBuffering(2, 6,
                (m, c, x, r) -> {
                    c.at("x");
                    r[0] = i(x[0].load(m, Order.PLAIN));
                    c.at("y");
                    x[1].store(m, Order.RELEASE, 1);
                },
                (m, c, x, r) -> {
                    c.at("y");
                    r[1] = i(x[1].load(m, Order.ACQUIRE));
                    c.at("x");
                    x[0].store(m, Order.PLAIN, 1);
                });
        assertThat(o).contains("0,0", "0,1", "1,0").doesNotContain("1,1");
    }

    @Test
    void noValueOutOfThinAir() {
        // r0 = x; y = r0 || r1 = y; x = r1: every store writes 0 in every justifying run, so 42
        // (or 1) never appears
        assertThat(outcomesWithLoadBuffering(2, 6,
                (m, c, x, r) -> {
                    c.at("x");
                    r[0] = i(x[0].load(m, Order.PLAIN));
                    c.at("y");
                    x[1].store(m, Order.PLAIN, r[0]);
                },
                (m, c, x, r) -> {
                    c.at("y");
                    r[1] = i(x[1].load(m, Order.PLAIN));
                    c.at("x");
                    x[0].store(m, Order.PLAIN, r[1]);
                })).containsExactly("0,0");
        // r0 = x; if (r0 == 1) y = 1 || r1 = y; if (r1 == 1) x = 1: no run makes either store, so
        // neither load can read 1 (the JMM's causality test case)
        assertThat(outcomesWithLoadBuffering(2, 6,
                (m, c, x, r) -> {
                    c.at("x");
                    r[0] = i(x[0].load(m, Order.PLAIN));
                    if (r[0] == 1) {
                        c.at("y");
                        x[1].store(m, Order.PLAIN, 1);
                    }
                },
                (m, c, x, r) -> {
                    c.at("y");
                    r[1] = i(x[1].load(m, Order.PLAIN));
                    if (r[1] == 1) {
                        c.at("x");
                        x[0].store(m, Order.PLAIN, 1);
                    }
                })).containsExactly("0,0");
    }

    /**
     * {@link #outcomes}, plus the outcomes of the load-buffering check: after each run, every
     * candidate ({@link WeakMemory#loadBufferingCandidates}) run again with the same choices and the
     * candidate's load reading the candidate's value; its outcome counts when the store that
     * justifies it is made again ({@link WeakMemory#promiseFulfilled()}).
     */
    static Set<String> outcomesWithLoadBuffering(int cells, int bound, Body... threads) {
        Set<String> seen = new TreeSet<>();
        Explorer.Result res = Explorer.explore(bound, 1_000_000, s -> {
            int[] r = new int[4];
            WeakMemory[] m = new WeakMemory[1];
            Controller.Run run = litmus(s, cells, r, m, null, threads);
            if (run.failure() == null) {
                seen.add(r[0] + "," + r[1]);
                for (WeakMemory.Promise p : m[0].loadBufferingCandidates(null)) {
                    int[] r2 = new int[4];
                    WeakMemory[] m2 = new WeakMemory[1];
                    Controller.Run run2 = litmus(Schedule.of(run.choices()), cells, r2, m2, p, threads);
                    if (run2.failure() == null && m2[0].promiseFulfilled()) {
                        seen.add(r2[0] + "," + r2[1]);
                    }
                }
            }
            return run;
        });
        assertThat(res.failing()).as("no run failed").isNull();
        assertThat(res.complete()).isTrue();
        return seen;
    }

    private static Controller.Run litmus(Schedule s, int cells, int[] r, WeakMemory[] mem, WeakMemory.Promise p, Body... threads) {
        Controller c = new Controller(s).stepLimit(1000).blockTimeoutMillis(5000);
        WeakMemory m = new WeakMemory(c);
        if (p != null) {
            m.promise(p, null);
        }
        mem[0] = m;
        Cell[] cs = new Cell[cells];
        for (int i = 0; i < cells; i++) {
            cs[i] = new Cell(0);
        }
        for (int t = 0; t < threads.length; t++) {
            Body b = threads[t];
            c.thread("T" + t, () -> b.run(m, c, cs, r));
        }
        return c.run();
    }

    // ---- replay ---------------------------------------------------------------------------------

    @Test
    void aWeakRunReplaysFromItsChoices() {
        List<Controller.Run> failing = new ArrayList<>();
        BiConsumer<Schedule, List<String>> exec = (s, out) -> {
            Controller c = new Controller(s);
            WeakMemory m = new WeakMemory(c);
            Cell data = new Cell(0);
            Cell flag = new Cell(0);
            int[] r = new int[2];
            c.thread("writer", () -> {
                c.at("data");
                data.store(m, Order.PLAIN, 1);
                c.at("flag");
                flag.store(m, Order.PLAIN, 1);
            });
            c.thread("reader", () -> {
                c.at("flag");
                r[0] = i(flag.load(m, Order.ACQUIRE));
                c.at("data");
                r[1] = i(data.load(m, Order.PLAIN));
            });
            Controller.Run run = c.run();
            if (r[0] == 1 && r[1] == 0) {
                run = run.withFailure(new AssertionError("flag without data"));
                failing.add(run);
            }
            out.add(r[0] + "," + r[1] + " weak=" + run.valueChoices() + " " + run.choices());
        };
        Explorer.Result res = Explorer.explore(3, 10_000, s -> {
            List<String> out = new ArrayList<>();
            exec.accept(s, out);
            return failing.isEmpty() ? new Controller(Schedule.nonPreemptive()).run() : failing.get(failing.size() - 1);
        });
        assertThat(res.failing()).isNotNull();
        Controller.Run bad = res.failing();
        assertThat(bad.valueChoices()).isEqualTo(1);
        List<String> again = new ArrayList<>();
        exec.accept(Schedule.of(bad.choices()), again);
        assertThat(again.get(0)).startsWith("1,0 weak=1");
        assertThat(bad.table()).contains("weak reads");
    }
}
