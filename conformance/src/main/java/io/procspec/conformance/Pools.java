package io.procspec.conformance;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon thread pools for the controlled runs (reused across thousands of short runs). */
final class Pools {
    private Pools() {}

    static ExecutorService daemon() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "conformance-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
