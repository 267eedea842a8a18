package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import static io.procspec.runtime.SpecProperties.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Goroutines that yield and wait ({@link Steps}, {@link Next}): every step runs exactly once and in
 * order, Gosched and goyield are fair as Go's are, parked Gs are woken by {@code ready} (from a G:
 * goready into runnext; from outside: injectglist with no P) and by {@code injectglist} without a
 * lost wakeup, and shutdown hands parked Gs back. Every wait has a timeout.
 */
class SchedStepsTest {

    static final long WAIT_S = 60;

    static Sched started(int nprocs) {
        return SchedTest.started(nprocs);
    }

    /**
     * A G of two steps: the first hands the G to {@code register} and parks (with {@code unlockf},
     * or none when null); the second, after a ready, runs {@code woken} and exits.
     */
    static Steps parkOnce(java.util.function.Consumer<G> register, Next.Unlockf unlockf, Runnable woken) {
        return new Steps() {
            boolean waited;

            @Override
            public Next step(G gp) {
                if (waited) {
                    woken.run();
                    return Next.EXIT;
                }
                waited = true;
                register.accept(gp);
                return unlockf == null ? Next.PARK : Next.park(unlockf);
            }
        };
    }

    static void quiesce(Sched s, String why) throws InterruptedException {
        assertThat(s.awaitQuiescence(WAIT_S, TimeUnit.SECONDS)).as("%s: %s", NO_LOST_WAKEUP, why).isTrue();
    }

    /**
     * A G of {@code steps} steps that records each (task id × step) once and checks its steps run
     * in order; between steps it yields with GOSCHED or GOYIELD, alternately.
     */
    static final class Stepper implements Steps {
        final int id;
        final int steps;
        final AtomicIntegerArray runs;
        final ConcurrentLinkedQueue<String> errors;
        int pc;

        Stepper(int id, int steps, AtomicIntegerArray runs, ConcurrentLinkedQueue<String> errors) {
            this.id = id;
            this.steps = steps;
            this.runs = runs;
            this.errors = errors;
        }

        @Override
        public Next step(G gp) {
            int slot = id * steps + pc;
            if (runs.incrementAndGet(slot) != 1) {
                errors.add("task " + id + " step " + pc + " ran twice");
            }
            if (pc > 0 && runs.get(slot - 1) != 1) {
                errors.add("task " + id + " step " + pc + " before step " + (pc - 1));
            }
            pc++;
            if (pc == steps) {
                return Next.EXIT;
            }
            return (id + pc) % 2 == 0 ? Next.GOSCHED : Next.GOYIELD;
        }
    }

    @WithPs
    @Timeout(120)
    void everyStepRunsExactlyOnceAndInOrder(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int tasks = 3_000;
        int steps = 6;
        AtomicIntegerArray runs = new AtomicIntegerArray(tasks * steps);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        // half from outside (global queue), half spawned from inside a G (runnext, the ring)
        for (int i = 0; i < tasks / 2; i++) {
            s.go(new Stepper(i, steps, runs, errors));
        }
        s.go(() -> {
            for (int i = tasks / 2; i < tasks; i++) {
                s.go(new Stepper(i, steps, runs, errors));
            }
        });
        quiesce(s, "every stepper finished");
        assertThat(errors).as(EXACTLY_ONE_PLACE).isEmpty();
        for (int i = 0; i < tasks * steps; i++) {
            if (runs.get(i) != 1) {
                throw new AssertionError(RUNNABLE_EVENTUALLY_RUNS + ": task " + i / steps + " step " + i % steps
                        + " ran " + runs.get(i) + " times");
            }
        }
        Sched.Stats st = s.stats();
        assertThat(st.gsYielded()).isEqualTo((long) tasks * (steps - 1));
        assertThat(st.gsRun()).isEqualTo(tasks + 1L);
        assertThat(s.shutdown()).isEmpty();
        assertThat(s.unfinished()).isEmpty();
    }

    /**
     * One P: Gosched sends the G to the global queue, and findRunnable takes the whole queue back
     * in order once the local queue is empty, so three Gosched-ing Gs run strictly in turn. The
     * three are spawned by one G, so the last is in runnext and runs first, then the ring's two.
     */
    @Test
    @Timeout(60)
    void goschedRunsGsInTurnOnOneP() throws Exception {
        Sched s = started(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        s.go(() -> {
            for (String name : List.of("a", "b", "c")) {
                s.go(new Steps() {
                    int pc;

                    @Override
                    public Next step(G gp) {
                        order.add(name + pc);
                        return ++pc < 4 ? Next.GOSCHED : Next.EXIT;
                    }
                });
            }
        });
        quiesce(s, "the three finished");
        assertThat(order).containsExactly("c0", "a0", "b0", "c1", "a1", "b1", "c2", "a2", "b2", "c3", "a3", "b3");
        assertThat(s.proc().stats().globrunqputGs()).as("the root from outside, then each Gosched: the global queue")
                .isEqualTo(1 + 9);
        assertThat(s.shutdown()).isEmpty();
    }

    /**
     * One P, two Gs that goyield forever (they only ever go back to the P's own ring, so the
     * local queue never empties), and a G put on the global queue from outside: it runs anyway,
     * through findRunnable's every-61st-schedtick look at the global queue (the spec's
     * {@code Proc_fairness} model). Without that look this would hang until the timeout.
     */
    @Test
    @Timeout(60)
    void aGlobalGRunsWhileTwoGsYieldForever() throws Exception {
        Sched s = started(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger yields = new AtomicInteger();
        CountDownLatch spinning = new CountDownLatch(2);
        s.go(() -> {
            for (int k = 0; k < 2; k++) {
                s.go(new Steps() {
                    boolean first = true;

                    @Override
                    public Next step(G gp) {
                        if (first) {
                            first = false;
                            spinning.countDown();
                        }
                        yields.incrementAndGet();
                        return stop.get() ? Next.EXIT : Next.GOYIELD;
                    }
                });
            }
        });
        assertThat(spinning.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        // The measured interval runs on the one M only (no test-thread timing in it): a G that
        // Goscheds onto the global queue, noting the yield count, and stops the yielders when it
        // runs again. It is started from outside, which also puts it on the global queue.
        AtomicInteger before = new AtomicInteger(-1);
        AtomicInteger after = new AtomicInteger(-1);
        s.go(new Steps() {
            @Override
            public Next step(G gp) {
                if (before.get() < 0) {
                    before.set(yields.get());
                    return Next.GOSCHED; // goschedImpl: the global queue
                }
                after.set(yields.get());
                stop.set(true);
                return Next.EXIT;
            }
        });
        quiesce(s, GLOBAL_EVENTUALLY_RUNS);
        assertThat(stop.get()).as(GLOBAL_EVENTUALLY_RUNS).isTrue();
        assertThat(after.get() - before.get()).as("yields between the Gosched and the run: at most a 61-tick period")
                .isLessThanOrEqualTo(2 * MLoop.GLOBAL_CHECK_PERIOD + 4);
        assertThat(s.shutdown()).isEmpty();
    }

    /** A one-slot mailbox: a receiver parks until a sender fills it (a channel of capacity 0, roughly). */
    static final class Mailbox {
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<G> receivers = new ArrayDeque<>();
        final ArrayDeque<Integer> values = new ArrayDeque<>();

        /** From a G: deposit v and ready a parked receiver, if any (goready). */
        void send(Sched s, int v) {
            G w;
            lock.lock();
            try {
                values.add(v);
                w = receivers.poll();
            } finally {
                lock.unlock();
            }
            if (w != null) {
                s.ready(w);
            }
        }

        /** In a step: the value if one is there, else null after registering gp (then park with {@link #unlock}). */
        Integer tryRecv(G gp) {
            lock.lock();
            Integer v = values.poll();
            if (v != null) {
                lock.unlock();
                return v;
            }
            receivers.add(gp);
            return null; // still locked: released by unlock() after the G is parked
        }

        Next.Unlockf unlock() {
            return gp -> {
                lock.unlock();
                return true;
            };
        }
    }

    /** A G that receives {@code rounds} values from {@code in} and sends each + 1 to {@code out}. */
    static Steps relay(Sched s, Mailbox in, Mailbox out, int rounds, AtomicInteger received) {
        return new Steps() {
            int got;

            @Override
            public Next step(G gp) {
                for (;;) {
                    Integer v = in.tryRecv(gp);
                    if (v == null) {
                        return Next.park(in.unlock());
                    }
                    received.incrementAndGet();
                    got++;
                    if (out != null) {
                        out.send(s, v + 1);
                    }
                    if (got == rounds) {
                        return Next.EXIT;
                    }
                }
            }
        };
    }

    /**
     * Two Gs pass a value back and forth 20,000 times through mailboxes, each parking until the
     * other readies it: a lost wakeup leaves both parked and the value undelivered.
     */
    @WithPs
    @Timeout(120)
    void pingPongThroughParkAndReadyLosesNoWakeup(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int rounds = 20_000;
        Mailbox ping = new Mailbox();
        Mailbox pong = new Mailbox();
        AtomicInteger received = new AtomicInteger();
        s.go(relay(s, ping, pong, rounds, received));
        s.go(relay(s, pong, ping, rounds, received));
        s.go(() -> ping.send(s, 0)); // the first value, from a G
        quiesce(s, "the relays finished");
        assertThat(received.get()).as(NO_LOST_WAKEUP).isEqualTo(2 * rounds);
        Sched.Stats st = s.stats();
        assertThat(st.gsParked()).as("parks").isEqualTo(st.gsReadied());
        assertThat(st.gsRun()).isEqualTo(3);
        assertThat(s.shutdown()).isEmpty();
        assertThat(s.unfinished()).isEmpty();
    }

    /**
     * Many receivers park; a plain Java thread (no P) sends to each: ready from outside is
     * injectglist with no P, so the G goes on the global queue and an idle P gets an M. The
     * scheduler is quiescent (every M parked) between sends, so each send must wake an M.
     */
    @WithPs
    @Timeout(120)
    void readyFromOutsideWakesParkedMs(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int n = 200;
        List<Mailbox> boxes = new ArrayList<>();
        AtomicInteger received = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Mailbox b = new Mailbox();
            boxes.add(b);
            s.go(relay(s, b, null, 1, received));
        }
        quiesce(s, "every receiver parked");
        assertThat(s.stats().gsParked()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            boxes.get(i).send(s, i); // outside a G: Sched.ready -> injectglist(no P)
            if (i % 20 == 0) {
                quiesce(s, "receiver " + i + " ran");
                assertThat(received.get()).as("%s: receiver %d ran", NO_LOST_WAKEUP, i).isEqualTo(i + 1);
            }
        }
        quiesce(s, "every receiver ran");
        assertThat(received.get()).isEqualTo(n);
        assertThat(s.stats().gsReadied()).isEqualTo(n);
        assertThat(s.shutdown()).isEmpty();
    }

    /**
     * A G readies 500 parked Gs at once with injectglist: with idle Ps some go to the global queue
     * with an M started for each, the rest to this P's ring. All run once.
     */
    @WithPs
    @Timeout(120)
    void injectglistFromAGWakesThemAll(int nprocs) throws Exception {
        Sched s = started(nprocs);
        int n = 500;
        ReentrantLock lock = new ReentrantLock();
        List<G> parked = new ArrayList<>();
        AtomicInteger woke = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            s.go(parkOnce(gp -> {
                lock.lock(); // released by the unlockf, once the G is parked
                parked.add(gp);
            }, g -> {
                lock.unlock();
                return true;
            }, woke::incrementAndGet));
        }
        quiesce(s, "all parked");
        assertThat(parked).hasSize(n);
        s.go(() -> {
            List<G> all;
            lock.lock();
            try {
                all = new ArrayList<>(parked);
                parked.clear();
            } finally {
                lock.unlock();
            }
            s.injectglist(all);
        });
        quiesce(s, "all injected Gs ran");
        assertThat(woke.get()).as(RUNNABLE_EVENTUALLY_RUNS).isEqualTo(n);
        assertThat(s.stats().gsReadied()).isEqualTo(n);
        assertThat(s.shutdown()).isEmpty();
    }

    /** An unlockf that returns false resumes the G at once on the same M, in the same time slice. */
    @Test
    @Timeout(60)
    void unlockfReturningFalseResumesAtOnce() throws Exception {
        Sched s = started(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        int[] ticks = new int[2];
        Thread[] threads = new Thread[2];
        s.go(new Steps() {
            int pc;

            @Override
            public Next step(G gp) {
                ticks[pc] = Sched.currentP().schedtick;
                threads[pc] = Thread.currentThread();
                events.add("step" + pc);
                if (pc++ == 0) {
                    return Next.park(g -> {
                        events.add("unlockf " + G.statusName(g.readgstatus()));
                        return false;
                    });
                }
                return Next.EXIT;
            }
        });
        quiesce(s, "the G finished");
        assertThat(events).containsExactly("step0", "unlockf _Gwaiting", "step1");
        assertThat(ticks[1]).as("execute(gp, true) inherits the time slice").isEqualTo(ticks[0]);
        assertThat(threads[1]).isSameAs(threads[0]);
        assertThat(s.stats().gsParked()).as("not parked").isZero();
        assertThat(s.shutdown()).isEmpty();
    }

    /** Misuse is refused with Go's message and changes nothing. */
    @Test
    @Timeout(60)
    void readyOfAGThatIsNotParkedIsRefused() throws Exception {
        Sched s = started(2);
        AtomicReference<Throwable> self = new AtomicReference<>();
        AtomicReference<Throwable> twice = new AtomicReference<>();
        AtomicReference<G> waiter = new AtomicReference<>();
        CountDownLatch isParked = new CountDownLatch(1);
        s.go(parkOnce(waiter::set, g -> {
            isParked.countDown();
            return true;
        }, () -> {}));
        assertThat(isParked.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        quiesce(s, "the waiter parked");
        G w = waiter.get();
        s.go(() -> {
            try {
                s.ready(w);
                s.ready(w); // the second: already runnable
            } catch (Throwable t) {
                twice.set(t);
            }
            try {
                s.ready(Sched.currentP() == null ? null : M.current().curg); // itself: _Grunning
            } catch (Throwable t) {
                self.set(t);
            }
        });
        quiesce(s, "all ran");
        assertThat(twice.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("bad g->status in ready");
        assertThat(self.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("bad g->status in ready");
        assertThat(s.stats().gsReadied()).as("only the first ready counted").isEqualTo(1);
        assertThat(s.stats().gsRun()).isEqualTo(2);
        assertThatThrownBy(() -> s.injectglist(List.of(w))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not parked");
        assertThatThrownBy(() -> s.ready(null)).isInstanceOf(NullPointerException.class);
        assertThat(s.shutdown()).isEmpty();
    }

    /** injectglist is all or nothing: one G not parked, or one listed twice, and every G stays parked. */
    @Test
    @Timeout(60)
    void injectglistIsAllOrNothing() throws Exception {
        Sched s = started(2);
        List<G> parked = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger woke = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            s.go(parkOnce(parked::add, null, woke::incrementAndGet));
        }
        quiesce(s, "three parked");
        List<G> gs = new ArrayList<>(parked);
        assertThatThrownBy(() -> s.injectglist(List.of(gs.get(0), gs.get(1), gs.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        G idle = new G(); // _Gidle: not parked
        assertThatThrownBy(() -> s.injectglist(List.of(gs.get(0), idle)))
                .isInstanceOf(IllegalStateException.class);
        for (G g : gs) {
            assertThat(g.readgstatus()).isEqualTo(G._Gwaiting);
        }
        s.injectglist(gs); // from outside: no P
        quiesce(s, "the three ran");
        assertThat(woke.get()).isEqualTo(3);
        assertThat(s.shutdown()).isEmpty();
    }

    /**
     * Shutdown with parked Gs and yielded Gs: all are handed back (unfinished), marked dead and on
     * the free lists; a later ready is refused; the Proc's invariants hold.
     */
    @Test
    @Timeout(60)
    void shutdownHandsBackParkedAndYieldedGs() throws Exception {
        Sched s = started(2);
        List<G> waiting = Collections.synchronizedList(new ArrayList<>());
        List<Steps> bodies = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            Steps body = gp -> {
                waiting.add(gp);
                return Next.PARK; // no one readies it
            };
            bodies.add(body);
            s.go(body);
        }
        quiesce(s, "three parked: quiescent although not finished");
        // one G that yields until shutdown starts: it is on a queue when the Ms exit
        CountDownLatch yielding = new CountDownLatch(1);
        Steps yielder = gp -> {
            yielding.countDown();
            return Next.GOSCHED;
        };
        s.go(yielder);
        assertThat(yielding.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(s::unfinished).isInstanceOf(IllegalStateException.class);

        assertThat(s.shutdown()).as("no go(Runnable) G was left").isEmpty();
        List<Sched.Unfinished> un = s.unfinished();
        assertThat(un).hasSize(4);
        assertThat(un.get(0).status()).isEqualTo(G._Grunnable);
        assertThat(un.get(0).function()).isSameAs(yielder);
        assertThat(un.subList(1, 4)).allMatch(u -> u.status() == G._Gwaiting);
        assertThat(un.subList(1, 4).stream().map(Sched.Unfinished::function).toList())
                .containsExactlyInAnyOrderElementsOf(bodies);
        for (G g : waiting) {
            assertThat(g.readgstatus()).isEqualTo(G._Gdead);
            assertThatThrownBy(() -> s.ready(g)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("ready after shutdown");
        }
        assertThat(s.stats().gsReturned()).isEqualTo(4);
        assertThat(s.awaitQuiescence(1, TimeUnit.SECONDS)).as("quiescent after shutdown").isTrue();
        Snapshot snap = s.proc().snapshot();
        assertThat(Invariants.check(snap, java.util.Map.of(), s.proc().allgs())).isEmpty();
        long free = snap.allp().stream().mapToLong(p -> p.gFree().size()).sum()
                + snap.gFreeStack().size() + snap.gFreeNoStack().size();
        assertThat(free).as("%s: every G on a free list", EXACTLY_ONE_PLACE).isEqualTo(s.proc().allgs().size());
    }

    /** A step that throws, or returns null, is the G's panic: reported, and the G exits. */
    @Test
    @Timeout(60)
    void aThrowingStepPanicsAndTheGExits() throws Exception {
        Sched s = started(1);
        List<Long> panics = Collections.synchronizedList(new ArrayList<>());
        s.setPanicHandler((goid, t) -> panics.add(goid));
        AtomicInteger second = new AtomicInteger();
        s.go(new Steps() {
            int pc;

            @Override
            public Next step(G gp) {
                if (pc++ == 0) {
                    return Next.GOSCHED;
                }
                second.incrementAndGet();
                throw new IllegalStateException("a panicking step (expected by the test)");
            }
        });
        s.go(gp -> null);
        quiesce(s, "both ended");
        assertThat(second.get()).isEqualTo(1);
        assertThat(panics).hasSize(2);
        assertThat(s.stats().gsRun()).isEqualTo(2);
        assertThat(s.shutdown()).isEmpty();
    }

    /**
     * The steps take the spec's labels, in the spec's order: Gosched is casgstatus then
     * globrunqput_lock; park is casgstatus; ready is casgstatus, runqput into runnext, wakep.
     */
    @Test
    @Timeout(60)
    void theGActionsTakeTheSpecsLabels() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean recording = new AtomicBoolean();
        SchedPoint hook = label -> {
            if (recording.get() && Thread.currentThread() instanceof M) {
                seen.add(label);
            }
        };
        Sched s = new Sched(new ProcConfig().point(hook)).start(1);
        AtomicReference<G> waiter = new AtomicReference<>();
        CountDownLatch gosched = new CountDownLatch(1);
        s.go(new Steps() {
            int pc;

            @Override
            public Next step(G gp) {
                switch (pc++) {
                    case 0:
                        recording.set(true);
                        return Next.GOSCHED;
                    case 1:
                        recording.set(false);
                        gosched.countDown();
                        waiter.set(gp);
                        return Next.PARK;
                    default:
                        return Next.EXIT;
                }
            }
        });
        assertThat(gosched.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        quiesce(s, "parked");
        int afterGosched = seen.size();
        assertThat(seen.subList(0, 2)).containsExactly(Labels.CASGSTATUS, Labels.GLOBRUNQPUT_LOCK);
        s.go(() -> {
            recording.set(true);
            s.ready(waiter.get());
            recording.set(false);
        });
        quiesce(s, "readied and finished");
        List<String> ready = new ArrayList<>(seen.subList(afterGosched, seen.size()));
        assertThat(ready).startsWith(Labels.CASGSTATUS, Labels.RUNQPUT_LOADNEXT, Labels.RUNQPUT_CASNEXT, Labels.WAKEP);
        assertThat(s.shutdown()).isEmpty();
    }

    /**
     * A yield is counted in the statistics before its G is published (the global queue for
     * Gosched, the ring for goyield): once another M may run the G, finish it and let
     * {@code awaitQuiescence} return, {@code stats().gsYielded()} must already include the yield.
     * (Counted after the put, a loaded machine could show one yield fewer after quiescence.) The
     * hook reads the count at the first step that publishes the G: {@code globrunqput_lock} and
     * {@code runqput_loadhead}.
     */
    @Test
    @Timeout(60)
    void aYieldIsCountedBeforeItsGCanRunAgain() throws Exception {
        for (Next how : List.of(Next.GOSCHED, Next.GOYIELD)) {
            String publish = how == Next.GOSCHED ? Labels.GLOBRUNQPUT_LOCK : Labels.RUNQPUT_LOADHEAD;
            AtomicBoolean armed = new AtomicBoolean();
            AtomicReference<Sched> sched = new AtomicReference<>();
            List<Long> seen = Collections.synchronizedList(new ArrayList<>());
            SchedPoint hook = label -> {
                if (label.equals(publish) && armed.compareAndSet(true, false)) {
                    seen.add(sched.get().stats().gsYielded());
                }
            };
            Sched s = new Sched(new ProcConfig().point(hook).checked(true));
            sched.set(s);
            s.start(1);
            s.go(new Steps() {
                int pc;

                @Override
                public Next step(G gp) {
                    if (pc++ == 0) {
                        armed.set(true); // the next publish is this G's yield
                        return how;
                    }
                    return Next.EXIT;
                }
            });
            quiesce(s, "the yielding G finished");
            assertThat(seen).as("%s: gsYielded when the G is put back", how).containsExactly(1L);
            assertThat(s.stats().gsYielded()).isEqualTo(1L);
            assertThat(s.shutdown()).isEmpty();
        }
    }
}
