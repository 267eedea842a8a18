package io.procspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs TLC on one model in a forked JVM.  The modules and the configuration are copied to
 * {@code target/tlc/<model>/} first, so TLC never writes next to the sources; its
 * {@code states/} directory goes there too (-metadir).
 */
public final class TlcRunner {
    /** How to run TLC. */
    /**
     * How to run TLC: workers, heap, coverage reports, a sink for TLC's output lines, and a
     * wall-clock cap that replaces the models' own timeouts (0: none).
     */
    public record Options(int workers, String heap, boolean coverage, Consumer<String> progress, int capSeconds) {
        public static Options fromSystemProperties() {
            return new Options(TlcRunner.workers(System.getProperty("procspec.tlc.workers", "2")),
                    System.getProperty("procspec.tlc.heap", "2g"),
                    Boolean.parseBoolean(System.getProperty("procspec.tlc.coverage", "true")), null,
                    Integer.getInteger("procspec.tlc.cap.seconds", 0));
        }

        public Options withWorkers(int w) {
            return new Options(w, heap, coverage, progress, capSeconds);
        }

        public Options withCoverage(boolean c) {
            return new Options(workers, heap, c, progress, capSeconds);
        }

        public Options withProgress(Consumer<String> p) {
            return new Options(workers, heap, coverage, p, capSeconds);
        }

        public Options withHeap(String h) {
            return new Options(workers, h, coverage, progress, capSeconds);
        }

        public Options withCap(int seconds) {
            return new Options(workers, heap, coverage, progress, seconds);
        }

        /** The wall-clock limit for a model. */
        public int timeoutFor(ModelConfig m) {
            return capSeconds > 0 ? capSeconds : m.timeoutSeconds();
        }
    }

    private TlcRunner() {}

    /** "all" means every available processor. */
    public static int workers(String spec) {
        return spec.equalsIgnoreCase("all") || spec.equalsIgnoreCase("auto")
                ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(spec);
    }

    /** Copies the modules and the model's configuration into a fresh directory; returns it. */
    public static Path prepare(SpecLayout layout, ModelConfig model, String suffix) {
        Path dir = layout.workDir().resolve(model.name() + suffix);
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            for (Path m : layout.modules()) {
                Files.copy(m, dir.resolve(m.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(model.file(), dir.resolve(model.name() + ".cfg"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The TLC arguments for a model (workers, -deadlock where the model asks, coverage, metadir). */
    public static List<String> tlcArgs(ModelConfig model, int workers, boolean tool, boolean coverage) {
        List<String> args = new ArrayList<>();
        if (tool) {
            args.add("-tool");
        }
        args.add("-workers");
        args.add(String.valueOf(workers));
        if (!model.checkDeadlock()) {
            args.add("-deadlock");      // TLC's -deadlock switches deadlock checking OFF
        }
        if (coverage) {
            args.add("-coverage");
            args.add("1");
        }
        // Liveness once, on the complete state space. TLC's default also checks it periodically on
        // the partial graph, and a violation found there could not be printed under a VIEW: "Failed
        // to recover the next state from its fingerprint" (seen once in CI on
        // Proc_runnext_starvation, whose temporal counterexample then had no trace).
        args.add("-lncheck");
        args.add("final");
        args.add("-metadir");
        args.add("states");
        args.add("-config");
        args.add(model.name() + ".cfg");
        args.add(model.spec() + ".tla");
        return args;
    }

    public static TlcResult run(SpecLayout layout, ModelConfig model, Options opts) {
        Path dir = prepare(layout, model, "");
        int workers = model.workers() != null ? model.workers() : opts.workers();
        List<String> jvm = List.of("-Xmx" + opts.heap(), "-XX:+UseParallelGC");
        List<String> cmd = Jvm.command(jvm, "tlc2.TLC", tlcArgs(model, workers, true, opts.coverage()));
        Jvm.Result r = Jvm.start(cmd, dir, opts.progress()).await(Duration.ofSeconds(opts.timeoutFor(model)));
        try {
            Files.writeString(dir.resolve("tlc.out"), r.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TlcResult result = TlcOutputParser.parse(model.name(), r.output(), r.exitCode(), r.wallTime(), r.timedOut());
        return resolveProperty(layout, result);
    }

    /**
     * TLC names a violated conjunct of a property by its location ("@Module:line"); this names it
     * by the definition that contains that line (the nearest "Name ==" at or above it).
     */
    static TlcResult resolveProperty(SpecLayout layout, TlcResult r) {
        String p = r.property();
        if (p == null || !p.startsWith("@")) {
            return r;
        }
        String module = p.substring(1, p.indexOf(':'));
        int line = Integer.parseInt(p.substring(p.indexOf(':') + 1));
        java.nio.file.Path f = layout.tlaDir().resolve(module + ".tla");
        if (!Files.exists(f)) {
            return r;
        }
        String[] lines = SpecLayout.read(f).split("\n", -1);
        java.util.regex.Pattern def = java.util.regex.Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(\\(.*\\))?\\s*==");
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            java.util.regex.Matcher m = def.matcher(lines[i]);
            if (m.find()) {
                return r.withProperty(m.group(1));
            }
        }
        return r;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
