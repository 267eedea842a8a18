package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.procspec.runtime.Labels.*;
import static io.procspec.runtime.SpecProperties.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's steps reach their scheduling points. With one P the park path is deterministic,
 * and a hook that submits a G from outside at the right point drives two rare paths: the global
 * queue found under the idle lock ({@code findRunnable_unlockidle}), and a G put on the global
 * queue from outside while the only M is about to drop its spinning count, which Go 1.21's
 * P-less submission (injectglist's startIdle) must hand to an M, since checkRunqsNoP does not
 * re-read the global queue. ({@code checkRunqsNoP_lock}, work found on another P's queue after
 * dropping the count, needs two Ps and a precise interleaving: the conformance replay of the Proc
 * model covers its edges, 101 of them in {@code spec/models/Proc.cfg}.)
 */
class SchedLabelsTest {

    /** Records labels from every thread; runs each trigger once, on the thread that reaches it. */
    static final class Hook implements SchedPoint {
        final ConcurrentLinkedQueue<String> labels = new ConcurrentLinkedQueue<>();
        final List<Trigger> triggers = new ArrayList<>();
        private final ThreadLocal<Boolean> inAction = ThreadLocal.withInitial(() -> false);

        record Trigger(String label, Predicate<Thread> when, Runnable action, AtomicBoolean fired) {}

        void on(String label, Predicate<Thread> when, Runnable action) {
            triggers.add(new Trigger(label, when, action, new AtomicBoolean()));
        }

        @Override
        public void at(String label) {
            labels.add(label);
            if (inAction.get()) {
                return;
            }
            for (Trigger t : triggers) {
                if (t.label.equals(label) && t.when.test(Thread.currentThread()) && t.fired.compareAndSet(false, true)) {
                    inAction.set(true);
                    try {
                        t.action.run();
                    } finally {
                        inAction.set(false);
                    }
                }
            }
        }

        long count(String label) {
            return labels.stream().filter(label::equals).count();
        }
    }

    @Test
    @Timeout(60)
    void everySchedulerLabelIsReachedAndLateGlobalWorkIsNotLost() throws Exception {
        Hook hook = new Hook();
        Sched s = new Sched(new ProcConfig().point(hook).checked(true));
        AtomicInteger ran = new AtomicInteger();
        AtomicBoolean firstRan = new AtomicBoolean();
        AtomicBoolean marker1Ran = new AtomicBoolean();
        // 1. an M about to steal (so it has passed the unlocked global-queue checks): put a G on the
        //    global queue; the idle lock section must find it
        hook.on(BECOMESPINNING, t -> t instanceof M && firstRan.get(),
                () -> s.go(() -> {
                    marker1Ran.set(true);
                    ran.incrementAndGet();
                }));
        // 2. an M that has idled its P, before it drops nmspinning: put a G on the global queue;
        //    checkRunqsNoP does not look there (Go 1.21), so the submitter's startIdle must start an
        //    M on the idle P
        hook.on(FINDRUNNABLE_DROPSPINNING, t -> t instanceof M m && m.p == null && marker1Ran.get(),
                () -> s.go(ran::incrementAndGet));
        s.start(1);
        s.go(() -> {
            ran.incrementAndGet();
            firstRan.set(true);
        });
        // The hooks' Gs are made from outside any G, after the first G has finished, so the first
        // moment of quiescence can come before them: wait for all three to have run (a G stranded
        // on the global queue while every M parked would never run), then for quiescence.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (ran.get() < 3 && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        assertThat(ran.get()).as("%s: a G stranded on the global queue while every M parked", NO_LOST_WAKEUP).isEqualTo(3);
        assertThat(s.awaitQuiescence(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(hook.triggers).allMatch(t -> t.fired().get());

        for (String l : List.of(WAKEP, WAKEP_LOCK, STARTM, STOPM, BECOMESPINNING, FINDRUNNABLE_LOCKIDLE,
                FINDRUNNABLE_UNLOCKIDLE, FINDRUNNABLE_DROPSPINNING, GLOBRUNQPUT_LOCK,
                GLOBRUNQGET_LOCK, CASGSTATUS, GFPUT_PUSH)) {
            assertThat(hook.count(l)).as(l).isPositive();
        }
        assertThat(s.shutdown()).isEmpty();

        // the hook saw only declared labels
        assertThat(Labels.all()).containsAll(Set.copyOf(hook.labels));
        assertThat(hook.count(FINDRUNNABLE_LOCKRECHECK)).as("Go 1.21 has no global re-check").isZero();
    }

    /**
     * Go 1.25 (Go 1.22+): after dropping the spinning count, a parking M re-checks the global queue
     * under sched.lock, takes its idle P back and runs the G ({@code findRunnable_lockrecheck}),
     * before checkRunqsNoP would have looked.
     */
    @Test
    @Timeout(60)
    void go125RecheckOfTheGlobalQueueFindsWorkQueuedAfterTheIdleCheck() throws Exception {
        Hook hook = new Hook();
        Sched s = new Sched(new ProcConfig().point(hook).checked(true).goVersion(GoVersion.GO1_25));
        AtomicInteger ran = new AtomicInteger();
        AtomicBoolean firstRan = new AtomicBoolean();
        AtomicInteger recheckBefore = new AtomicInteger(-1);
        // an M that has idled its P, before it drops nmspinning: put a G on the global queue;
        // wakep sees a spinning M and does nothing, so only the re-check can find it
        hook.on(FINDRUNNABLE_DROPSPINNING, t -> t instanceof M m && m.p == null && firstRan.get(),
                () -> {
                    recheckBefore.set((int) hook.count(FINDRUNNABLE_LOCKRECHECK));
                    s.go(ran::incrementAndGet);
                });
        s.start(1);
        s.go(() -> {
            ran.incrementAndGet();
            firstRan.set(true);
        });
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (ran.get() < 2 && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        assertThat(ran.get()).as("%s: a G stranded on the global queue while every M parked", NO_LOST_WAKEUP).isEqualTo(2);
        assertThat(s.awaitQuiescence(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(hook.triggers).allMatch(t -> t.fired().get());
        // the re-check ran after the trigger and found the G: checkRunqsNoP had nothing to take
        assertThat(hook.count(FINDRUNNABLE_LOCKRECHECK)).isGreaterThan(recheckBefore.get());
        assertThat(hook.count(CHECKRUNQSNOP_LOCK)).isZero();
        assertThat(s.shutdown()).isEmpty();
    }

    /** Go 1.25's scheduler runs a mixed workload to quiescence on several Ps: every G runs once. */
    @Test
    @Timeout(60)
    void go125SchedulerRunsEveryG() throws Exception {
        Sched s = new Sched(new ProcConfig().checked(true).goVersion(GoVersion.GO1_25)).start(3);
        AtomicInteger ran = new AtomicInteger();
        int outer = 200;
        for (int i = 0; i < outer; i++) {
            s.go(() -> {
                for (int k = 0; k < 3; k++) {
                    s.go(ran::incrementAndGet);
                }
                ran.incrementAndGet();
            });
        }
        assertThat(s.awaitQuiescence(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).isEqualTo(outer * 4);
        assertThat(s.shutdown()).isEmpty();
    }
}
