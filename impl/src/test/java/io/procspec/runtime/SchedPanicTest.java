package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A G whose function throws is reported and recycled; other Gs are not lost; the runtime keeps running. */
class SchedPanicTest {

    @Test
    @Timeout(60)
    void throwingGsAreReportedAndRecycledAndLoseNoOtherG() throws Exception {
        Sched s = new Sched(new ProcConfig().checked(true)).start(2);
        ConcurrentLinkedQueue<Throwable> reported = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> goids = new ConcurrentLinkedQueue<>();
        s.setPanicHandler((goid, t) -> {
            goids.add(goid);
            reported.add(t);
        });
        AtomicInteger ok = new AtomicInteger();
        for (int round = 0; round < 10; round++) {
            s.go(() -> {
                for (int i = 0; i < 1000; i++) {
                    int n = i;
                    s.go(() -> {
                        if (n % 10 == 0) {
                            throw new IllegalStateException("boom " + n);
                        }
                        ok.incrementAndGet();
                    });
                }
            });
            Quiesce.await(s);
        }
        assertThat(ok.get()).isEqualTo(9_000);
        assertThat(reported).hasSize(1_000).allMatch(t -> t instanceof IllegalStateException);
        assertThat(goids).doesNotHaveDuplicates().allMatch(g -> g > 0);
        Sched.Stats st = s.stats();
        assertThat(st.panics()).isEqualTo(1_000);
        assertThat(st.gsRun()).isEqualTo(10_010);
        // the throwing Gs went back to the free lists: 10 rounds of 1001 Gs reuse the same objects
        assertThat(s.proc().allgs().size()).isLessThanOrEqualTo(1001 + 2 + 2 * 64 + 32 + 64);
        assertThat(st.gsReused()).isGreaterThan(8_000);
        assertThat(s.shutdown()).isEmpty();
    }

    @Test
    @Timeout(60)
    void aThrowingHandlerOrAnErrorDoesNotWedgeTheRuntime() throws Exception {
        Sched s = new Sched().start(1);
        AtomicInteger calls = new AtomicInteger();
        s.setPanicHandler((goid, t) -> {
            calls.incrementAndGet();
            throw new RuntimeException("handler failed too (expected by the test)");
        });
        AtomicInteger ok = new AtomicInteger();
        s.go(() -> {
            throw new AssertionError("an Error from a goroutine (expected by the test)");
        });
        s.go(ok::incrementAndGet);
        Quiesce.await(s);
        s.go(ok::incrementAndGet);
        Quiesce.await(s);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(ok.get()).isEqualTo(2);
        assertThat(s.stats().panics()).isEqualTo(1);
        assertThat(s.shutdown()).isEmpty();
    }

    @Test
    @Timeout(60)
    void theDefaultHandlerPrintsAndTheRuntimeGoesOn() throws Exception {
        Sched s = new Sched().start(1);
        AtomicInteger ok = new AtomicInteger();
        s.go(() -> {
            throw new IllegalStateException("a goroutine panic printed by the default handler (expected by the test)");
        });
        s.go(ok::incrementAndGet);
        Quiesce.await(s);
        assertThat(ok.get()).isEqualTo(1);
        List<Runnable> left = s.shutdown();
        assertThat(left).isEmpty();
    }
}
