package io.procspec.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the TLA+ tools in forked JVMs, so that their System.exit and static state stay there. */
public final class Jvm {
    private Jvm() {}

    /** The java launcher of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The classpath entry (jar) that holds the TLA+ tools. */
    public static String toolsClasspath() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command line: java [jvmArgs] -cp tools mainClass [args]. */
    public static List<String> command(List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmArgs);
        // The TLA+ tools unpack their standard modules (Naturals.tla ...) into java.io.tmpdir;
        // TLC runs side by side (or other users of /tmp) must not share that folder.
        cmd.add("-Djava.io.tmpdir=tmp");
        cmd.add("-cp");
        cmd.add(toolsClasspath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** The result of a finished (or killed) process. */
    public record Result(int exitCode, String output, boolean timedOut, Duration wallTime) {}

    /** A started process whose output (stdout and stderr together) is collected. */
    public static final class Running {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;
        private final long startNanos = System.nanoTime();

        Running(Process process, Consumer<String> lineSink) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        output.append(line).append('\n');
                        if (lineSink != null) {
                            lineSink.accept(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            }, "jvm-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        public String outputSoFar() {
            return output.toString();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits up to the timeout; kills the process (and its children) after it. */
        public Result await(Duration timeout) {
            boolean timedOut = false;
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    kill();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                reader.join(5000);
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
            }
            int code = process.isAlive() ? -1 : process.exitValue();
            return new Result(code, output.toString(), timedOut, Duration.ofNanos(System.nanoTime() - startNanos));
        }

        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    public static Running start(List<String> command, Path workDir, Consumer<String> lineSink) {
        try {
            java.nio.file.Files.createDirectories(workDir.resolve("tmp"));
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            return new Running(p, lineSink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result run(List<String> command, Path workDir, Duration timeout) {
        return start(command, workDir, null).await(timeout);
    }
}
