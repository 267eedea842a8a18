package io.procspec.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles generated Go programs, once per (source, toolchain): a binary is kept under
 * {@code <work>/bin/<go version>/<source hash>/prog} and reused while it exists, and the Go build
 * cache ({@code GOCACHE}) and {@code GOPATH} live under {@code <work>} too, so nothing outside the
 * build directory is written. The first build with a toolchain compiles the part of the standard
 * library the program uses (seconds); later builds of a new program take a fraction of a second.
 *
 * <p>Builds run with {@code CGO_ENABLED=0} (no C toolchain needed; the program needs no cgo),
 * {@code GOTOOLCHAIN=local} (never switch to or download another toolchain), {@code GOFLAGS}
 * empty (a user's {@code -race} would change the scheduler: race builds shuffle runnext) and
 * {@code GOWORK=off}, in a directory holding the program and a {@code go.mod}.
 */
final class GoBuilder {

    private final Path work;
    private final Duration limit;

    /**
     * @param work  the build directory (created if missing), e.g. {@code oracle/target/procspec-oracle/go}
     * @param limit the longest one {@code go build} may take
     */
    GoBuilder(Path work, Duration limit) {
        this.work = work.toAbsolutePath();
        this.limit = limit;
    }

    /** A compiled program: where its binary and source are, and whether this call built it. */
    record Built(Path binary, Path source, boolean cached, long buildNanos) {}

    /** Thrown when {@code go build} fails; the message holds the compiler's output. */
    static final class BuildException extends Exception {
        private static final long serialVersionUID = 1L;

        BuildException(String msg) {
            super(msg);
        }
    }

    /** The environment of every go command here. */
    Map<String, String> goEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOCACHE", work.resolve("gocache").toString());
        env.put("GOPATH", work.resolve("gopath").toString());
        env.put("GOMODCACHE", work.resolve("gopath").resolve("pkg").resolve("mod").toString());
        env.put("CGO_ENABLED", "0");
        env.put("GOTOOLCHAIN", "local");
        env.put("GOFLAGS", "");
        env.put("GOWORK", "off");
        env.put("GOPROXY", "off");
        return env;
    }

    /** Writes the source under {@code <work>/src/<hash>/} (with a go.mod), returning that directory. */
    Path writeSource(String source) throws IOException {
        Path dir = work.resolve("src").resolve(hash(source));
        Path main = dir.resolve("main.go");
        if (!Files.exists(main) || !Files.readString(main, StandardCharsets.UTF_8).equals(source)) {
            Files.createDirectories(dir);
            write(dir.resolve("go.mod"), "module procspec.oracle/generated\n\ngo 1.19\n");
            write(main, source);
        }
        return dir;
    }

    /**
     * The binary of {@code source} built with {@code go}: from the cache, or built now.
     *
     * @throws BuildException if the compiler rejects the program or runs past the limit
     */
    Built build(GoToolchain go, String source) throws IOException, BuildException {
        Path dir = writeSource(source);
        Path binDir = work.resolve("bin").resolve(go.version()).resolve(hash(source));
        Path bin = binDir.resolve("prog");
        if (Files.isExecutable(bin)) {
            return new Built(bin, dir.resolve("main.go"), true, 0);
        }
        Files.createDirectories(binDir);
        Path tmp = Files.createTempFile(binDir, "prog", ".tmp");
        Exec.Result r = Exec.run(List.of(go.go().toString(), "build", "-o", tmp.toString(), "."), goEnv(), dir, limit);
        if (!r.ok()) {
            Files.deleteIfExists(tmp);
            throw new BuildException("go build with " + go.version() + " failed in " + dir + ": " + r.failure()
                    + (r.stdout().isBlank() ? "" : "\n" + r.stdout().strip()));
        }
        Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Built(bin, dir.resolve("main.go"), false, r.nanos());
    }

    private static void write(Path p, String text) throws IOException {
        Path tmp = Files.createTempFile(p.getParent(), p.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The first 16 hex digits of the SHA-256 of the source. */
    static String hash(String source) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
