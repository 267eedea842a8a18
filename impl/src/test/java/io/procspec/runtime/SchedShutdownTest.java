package io.procspec.runtime;

import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** shutdown hands back every G that never ran; no G is lost or run twice. */
class SchedShutdownTest {

    /**
     * Every P runs a G that blocks on a latch (Gs are not meant to block; here it pins the Ps), 100
     * Gs wait on the global queue, and shutdown starts; once it has raised its flag the blockers are
     * released and each spawns 10 more Gs. All 100 + 10 per P are returned, none ran.
     */
    @WithPs
    @Timeout(60)
    void shutdownWithQueuedGsReturnsThem(int nprocs) throws Exception {
        Sched s = new Sched(new ProcConfig().checked(true)).start(nprocs);
        CountDownLatch started = new CountDownLatch(nprocs);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < nprocs; i++) {
            s.go(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int k = 0; k < 10; k++) {
                    s.go(ran::incrementAndGet); // during shutdown: queued, then returned
                }
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).as("every P runs its blocker").isTrue();
        for (int i = 0; i < 100; i++) {
            s.go(ran::incrementAndGet);
        }
        AtomicReference<List<Runnable>> left = new AtomicReference<>();
        Thread stopper = new Thread(() -> left.set(s.shutdown()));
        stopper.start();
        while (!s.shuttingDown()) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> s.go(() -> {})).isInstanceOf(IllegalStateException.class)
                .hasMessage("go after shutdown");
        release.countDown();
        stopper.join(10_000);
        assertThat(stopper.isAlive()).as("shutdown returned within 10 s").isFalse();

        assertThat(ran.get()).as("queued Gs must not run after shutdown began").isZero();
        assertThat(left.get()).hasSize(100 + 10 * nprocs);
        Sched.Stats st = s.stats();
        assertThat(st.gsCreated()).isEqualTo(nprocs + 100 + 10L * nprocs);
        assertThat(st.gsRun() + st.gsReturned()).as("every G ran or was returned").isEqualTo(st.gsCreated());
        assertThat(st.gsReturned()).isEqualTo(100 + 10L * nprocs);
        for (G g : s.proc().allgs()) {
            assertThat(g.readgstatus()).isEqualTo(G._Gdead);
        }
        // what was returned is the real functions: running them runs the Gs' code
        left.get().forEach(Runnable::run);
        assertThat(ran.get()).isEqualTo(100 + 10 * nprocs);

        assertThatThrownBy(() -> s.go(() -> {})).isInstanceOf(IllegalStateException.class)
                .hasMessage("go after shutdown");
        assertThat(s.shutdown()).as("a second shutdown").isEmpty();
        assertThatThrownBy(() -> s.start(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
    }

    @WithPs
    @Timeout(60)
    void shutdownWhileGsRunLosesNone(int nprocs) throws Exception {
        for (int round = 0; round < 20; round++) {
            Sched s = new Sched().start(nprocs);
            AtomicInteger ran = new AtomicInteger();
            // a tree of ~11,111 Gs, cut off at a random moment
            s.go(() -> tree(s, ran, 4));
            Thread.sleep(round % 3);
            List<Runnable> left = s.shutdown();
            Sched.Stats st = s.stats();
            assertThat(st.gsRun()).isEqualTo(ran.get());
            assertThat(st.gsRun() + left.size()).isEqualTo(st.gsCreated());
            assertThat(s.proc().sched.loadVolatileNmspinning()).isZero();
        }
    }

    static void tree(Sched s, AtomicInteger ran, int depth) {
        ran.incrementAndGet();
        if (depth > 0) {
            for (int i = 0; i < 10; i++) {
                s.go(() -> tree(s, ran, depth - 1));
            }
        }
    }
}
