package io.procspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TLC's distributed mode: one {@code tlc2.tool.distributed.TLCServer} that holds the state queue
 * and fingerprints, and {@code TLCWorker}s that compute successors, connected by Java RMI.
 *
 * <p>On one machine everything binds to 127.0.0.1 on a free port.  Across machines, start the
 * server with {@code -Djava.rmi.server.hostname=<its address>} and the workers with the server's
 * address (see README).
 */
public final class DistributedTlc {
    /** The server's and the workers' outputs, and whether the run finished in time. */
    public record Run(TlcResult result, String serverOutput, List<String> workerOutputs,
                      boolean serverReady, int workersRegistered) {}

    private DistributedTlc() {}

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the model with a server and {@code workers} worker JVMs (each with
     * {@code threadsPerWorker} threads) on loopback.
     */
    public static Run runOnLoopback(SpecLayout layout, ModelConfig model, int workers, int threadsPerWorker,
                                    String heap, Duration readyTimeout, Duration timeout) {
        Path dir = TlcRunner.prepare(layout, model, "-distributed");
        int port = freePort();
        List<String> common = List.of("-Xmx" + heap, "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dtlc2.tool.distributed.TLCServer.port=" + port);
        List<String> serverArgs = new ArrayList<>();
        if (!model.checkDeadlock()) {
            serverArgs.add("-deadlock");
        }
        serverArgs.addAll(List.of("-metadir", "states", "-config", model.name() + ".cfg", model.spec() + ".tla"));
        Jvm.Running server = Jvm.start(Jvm.command(common, "tlc2.tool.distributed.TLCServer", serverArgs), dir, null);
        List<Jvm.Running> ws = new ArrayList<>();
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        boolean ready = false;
        try {
            while (System.nanoTime() < deadline && server.isAlive()) {
                if (server.outputSoFar().contains("is ready")) {
                    ready = true;
                    break;
                }
                Thread.sleep(100);
            }
            if (ready) {
                List<String> wjvm = new ArrayList<>(common);
                wjvm.add("-Dtlc2.tool.distributed.TLCWorker.threadCount=" + threadsPerWorker);
                for (int i = 0; i < workers; i++) {
                    ws.add(Jvm.start(Jvm.command(wjvm, "tlc2.tool.distributed.TLCWorker", List.of("127.0.0.1")),
                            dir, null));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Jvm.Result sr = ready ? server.await(timeout) : killed(server);
        List<String> wout = new ArrayList<>();
        for (Jvm.Running w : ws) {
            wout.add(w.await(Duration.ofSeconds(30)).output());
        }
        int registered = sr.output().split("Registration for worker", -1).length - 1;
        TlcResult res = TlcOutputParser.parse(model.name() + " (distributed)", sr.output(), sr.exitCode(),
                sr.wallTime(), sr.timedOut());
        return new Run(res, sr.output(), wout, ready, registered);
    }

    private static Jvm.Result killed(Jvm.Running r) {
        r.kill();
        return r.await(Duration.ofSeconds(10));
    }
}
