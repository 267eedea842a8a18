package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input gets a clear error and changes nothing. */
class SchedMisuseTest {

    @Test
    @Timeout(30)
    void goOfNilFuncValueChangesNothing() throws Exception {
        Sched s = new Sched().start(2);
        assertThatThrownBy(() -> s.go((Runnable) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("go of nil func value");
        assertThatThrownBy(() -> s.go((Steps) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("go of nil func value");
        Sched.Stats st = s.stats();
        assertThat(st.gsCreated()).isZero();
        assertThat(s.proc().allgs()).isEmpty();
        assertThat(s.proc().sched.runqsize()).isZero();
        assertThat(s.mcount()).as("no M started").isZero();

        // inside a G the same error reaches the G's code, which may catch it
        ConcurrentLinkedQueue<Throwable> caught = new ConcurrentLinkedQueue<>();
        s.go(() -> {
            try {
                s.go((Runnable) null);
            } catch (NullPointerException e) {
                caught.add(e);
            }
        });
        Quiesce.await(s);
        assertThat(caught).singleElement().extracting(Throwable::getMessage).isEqualTo("go of nil func value");
        assertThat(s.stats().gsCreated()).isEqualTo(1);
        assertThat(s.shutdown()).isEmpty();
    }

    @Test
    void badProcCountsAreRefusedAndTheSchedulerCanStillStart() throws Exception {
        Sched s = new Sched();
        assertThatThrownBy(() -> s.start(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nprocs must be > 0, got 0");
        assertThatThrownBy(() -> s.start(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nprocs must be > 0, got -3");
        assertThat(s.proc()).isNull();
        assertThatThrownBy(() -> s.go(() -> {})).isInstanceOf(IllegalStateException.class)
                .hasMessage("scheduler not started: call start() first");
        assertThatThrownBy(s::awaitQuiescence).isInstanceOf(IllegalStateException.class);
        s.start(1);
        AtomicInteger ran = new AtomicInteger();
        s.go(ran::incrementAndGet);
        Quiesce.await(s);
        assertThat(ran.get()).isEqualTo(1);
        assertThat(s.shutdown()).isEmpty();
    }

    @Test
    void startingTwiceIsRefused() {
        Sched s = new Sched().start(1);
        assertThatThrownBy(() -> s.start(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("scheduler already started");
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class);
        assertThat(s.gomaxprocs()).isEqualTo(1);
        s.shutdown();
    }

    @Test
    void goAfterShutdownIsRefused() throws Exception {
        Sched s = new Sched().start(1);
        AtomicInteger ran = new AtomicInteger();
        s.go(ran::incrementAndGet);
        Quiesce.await(s);
        assertThat(s.shutdown()).isEmpty();
        long created = s.stats().gsCreated();
        assertThatThrownBy(() -> s.go(ran::incrementAndGet)).isInstanceOf(IllegalStateException.class)
                .hasMessage("go after shutdown");
        assertThat(s.stats().gsCreated()).isEqualTo(created);
        assertThat(s.isShutdown()).isTrue();
    }

    @Test
    void shutdownBeforeStartAndCloseAreHarmless() {
        Sched s = new Sched();
        assertThat(s.shutdown()).isEmpty();
        assertThatThrownBy(() -> s.start(1)).isInstanceOf(IllegalStateException.class);
        try (Sched t = new Sched().start(1)) {
            assertThat(t.isShutdown()).isFalse();
        }
    }

    @Test
    @Timeout(30)
    void waitingForItselfFromInsideAGIsRefused() throws Exception {
        Sched s = new Sched().start(1);
        ConcurrentLinkedQueue<Throwable> errs = new ConcurrentLinkedQueue<>();
        s.go(() -> {
            try {
                s.shutdown();
            } catch (IllegalStateException e) {
                errs.add(e);
            }
            try {
                Quiesce.await(s);
            } catch (IllegalStateException | InterruptedException e) {
                errs.add(e);
            }
        });
        Quiesce.await(s);
        assertThat(errs).extracting(Throwable::getMessage).containsExactly(
                "shutdown from inside a goroutine would wait for itself",
                "awaitQuiescence from inside a goroutine would wait for itself");
        assertThat(s.isShutdown()).isFalse();
        assertThat(s.shutdown()).isEmpty();
    }

    @Test
    void otherBadConfigurationIsRefused() {
        assertThatThrownBy(() -> new Sched(null)).isInstanceOf(NullPointerException.class);
        Sched s = new Sched();
        assertThatThrownBy(() -> s.setPanicHandler(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @Timeout(30)
    void awaitQuiescenceWithATimeoutReportsFalseWhileAGRuns() throws Exception {
        Sched s = new Sched().start(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        s.go(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(s.awaitQuiescence(10, TimeUnit.MILLISECONDS)).isFalse();
        release.countDown();
        assertThat(s.awaitQuiescence(60, TimeUnit.SECONDS)).isTrue();
        assertThat(s.shutdown()).isEmpty();
    }
}
