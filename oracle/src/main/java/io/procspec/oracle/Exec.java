package io.procspec.oracle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs an external command with a time limit, capturing its standard output and error. */
final class Exec {

    private Exec() {}

    /**
     * What a command did.
     *
     * @param exit     its exit status (-1 when it was killed for running too long)
     * @param stdout   standard output (UTF-8)
     * @param stderr   standard error (UTF-8)
     * @param timedOut whether it ran past the limit and was killed
     * @param nanos    wall time it ran
     */
    record Result(int exit, String stdout, String stderr, boolean timedOut, long nanos) {
        boolean ok() {
            return exit == 0 && !timedOut;
        }

        /** A short description of a failure: the status and the end of standard error. */
        String failure() {
            String err = stderr.strip();
            if (err.length() > 2000) {
                err = "..." + err.substring(err.length() - 2000);
            }
            return (timedOut ? "timed out" : "exit status " + exit) + (err.isEmpty() ? "" : ": " + err);
        }
    }

    /**
     * Runs {@code cmd} in {@code dir} (null: the current directory) with {@code env} added to this
     * process's environment, standard input closed. Output is read on two threads, so a command
     * that fills a pipe does not stall; past {@code limit} the process and its descendants are
     * killed.
     */
    static Result run(List<String> cmd, Map<String, String> env, Path dir, Duration limit) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        boolean timedOut = false;
        try {
            if (!p.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0));
        }
        long nanos = System.nanoTime() - t0;
        return new Result(timedOut ? -1 : p.exitValue(), text(out), text(err), timedOut, nanos);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                f.complete(b.toByteArray());
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
        }, "exec-drain");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String text(CompletableFuture<byte[]> f) throws IOException {
        try {
            return new String(f.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        } catch (TimeoutException e) {
            return ""; // a descendant still holds the pipe open; the process itself is gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
