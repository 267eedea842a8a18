package io.procspec.report;

import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.VerificationReport;
import io.procspec.report.model.Verdicts;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./procspec check}: runs the selected layers in one Maven reactor run (their modules with
 * {@code -am}, {@code verify}, their quick or full settings), shows progress from the layers'
 * {@code [procspec]} lines, then reads every layer's summary and writes the report.
 *
 * <p>The report is written into a temporary folder beside the target and moved into place only at
 * the end: an interrupted run leaves no report that presents itself as complete.
 */
public final class Check {
    /** What the user asked for. */
    public record Options(Path root, Set<String> only, boolean full, Path reportDir, boolean reuse,
                          boolean verbose, String commandLine, String mvn) {}

    private final Options o;
    private final PrintStream out;
    private volatile Process maven;
    private volatile Path temp;
    /** Layers not selected that run anyway: modules the selected ones depend on (Maven -am). */
    private final Set<String> asDependency = new LinkedHashSet<>();
    private volatile boolean interrupted;

    public Check(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    /** The Maven executable: {@code $PROCSPEC_MVN} (set by the procspec script) or {@code mvn}. */
    static String mavenExecutable() {
        String m = System.getenv("PROCSPEC_MVN");
        return m == null || m.isBlank() ? "mvn" : m;
    }

    /** Runs the check; returns the exit status (0: nothing failed, 1: something failed). */
    public int run() throws IOException, InterruptedException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Set<String> selected = new LinkedHashSet<>();
        for (LayerDef d : LayerDef.ALL) {
            if (o.only().isEmpty() || o.only().contains(d.name())) {
                selected.add(d.name());
            }
        }
        String foreign = whyNotReplaceable(o.reportDir());
        if (foreign != null) {
            throw new NotAReportFolder(foreign);
        }
        temp = prepareTemp(o.reportDir());
        Thread cleanup = new Thread(this::interrupted, "procspec-interrupt");
        Runtime.getRuntime().addShutdownHook(cleanup);
        VerificationReport r;
        try {
            r = runAndWrite(selected, start, t0);
            if (r == null) {
                return 130; // interrupted: the shutdown hook stopped Maven and removes the unfinished report
            }
        } finally {
            if (!interrupted) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook does the cleaning
                }
                Path t = temp;
                if (t != null) {
                    deleteTree(t); // a failure before the move: no half-written report is left
                }
            }
        }
        printTable(out, r);
        out.println();
        out.println("report: " + o.reportDir().resolve("index.html") + "  (" + o.reportDir().resolve("summary.json") + ")");
        out.println("verdict: " + r.verdict.toUpperCase(Locale.ROOT) + (r.reason == null ? "" : ": " + r.reason));
        if (Verdicts.FAIL.equals(r.verdict)) {
            return 1;
        }
        boolean anyChecked = r.layers.stream()
                .anyMatch(l -> selected.contains(l.layer) && !Verdicts.SKIPPED.equals(l.verdict));
        if (!anyChecked) {
            out.println("nothing was checked: every selected layer was skipped (exit 4)");
            return Cli.NOTHING_RAN;
        }
        return 0;
    }

    /** Runs the layers and writes the report into place; null when interrupted. */
    private VerificationReport runAndWrite(Set<String> selected, Instant start, long t0) throws IOException, InterruptedException {
        Set<String> reactor = Reactor.modules(o.root());
        List<LayerDef> runnable = new ArrayList<>();
        for (LayerDef d : LayerDef.ALL) {
            if (selected.contains(d.name()) && Files.isRegularFile(o.root().resolve(d.module()).resolve("pom.xml"))
                    && reactor.contains(d.module())) {
                runnable.add(d);
            }
        }
        String mavenLine = null;
        Integer exit = null;
        if (!o.reuse() && !runnable.isEmpty()) {
            for (LayerDef d : runnable) {
                Files.deleteIfExists(o.root().resolve(d.summaryPath()));
            }
            List<String> cmd = mavenCommand(runnable);
            mavenLine = String.join(" ", cmd);
            out.println("procspec check (" + (o.full() ? "full" : "quick") + "), layers to run: "
                    + String.join(", ", runnable.stream().map(LayerDef::name).toList()));
            Set<String> built = Reactor.alsoBuilt(o.root(), new LinkedHashSet<>(runnable.stream().map(LayerDef::module).toList()));
            for (LayerDef d : LayerDef.ALL) {
                if (!selected.contains(d.name()) && built.contains(d.module())) {
                    Files.deleteIfExists(o.root().resolve(d.summaryPath()));
                    asDependency.add(d.name());
                }
            }
            if (!asDependency.isEmpty()) {
                out.println("  also runs, as a dependency of those (Maven -am builds and tests it): "
                        + String.join(", ", asDependency) + "; shown in the report with its own verdict");
            }
            for (LayerDef d : LayerDef.ALL) {
                if (selected.contains(d.name()) && !runnable.contains(d)) {
                    out.println("  " + d.name() + ": skipped, " + (Files.isDirectory(o.root().resolve(d.module()))
                            ? d.module() + "/ is not a module of the root pom"
                            : "no " + d.module() + "/ module in this repository" + (d.issue() == null ? "" : " yet (" + d.issue() + ")")));
                }
            }
            out.println("  " + mavenLine);
            out.println("  log: " + o.reportDir().resolve("maven.log") + " (written to " + temp.resolve("maven.log") + " while it runs)");
            exit = runMaven(cmd, runnable.size(), temp.resolve("maven.log"));
            if (interrupted) {
                return null;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> env = Environment.collect(o.root());
        VerificationReport r = Assembler.assemble(new Assembler.Run(o.root(), selected,
                o.reuse() ? "reuse" : o.full() ? "full" : "quick", o.commandLine(), start, seconds, mavenLine, exit,
                o.reuse(), env, asDependency));
        Files.write(temp.resolve("summary.json"), Json.MAPPER.writeValueAsBytes(r));
        Files.writeString(temp.resolve("index.html"), HtmlReport.render(r), StandardCharsets.UTF_8);
        moveIntoPlace(temp, o.reportDir());
        temp = null;
        return r;
    }

    List<String> mavenCommand(List<LayerDef> runnable) {
        List<String> cmd = new ArrayList<>(List.of(o.mvn(), "-B", "-ntp", "-fae", "verify", "-pl",
                String.join(",", runnable.stream().map(LayerDef::module).toList()), "-am",
                "-Dprocspec.check=" + (o.full() ? "full" : "quick")));
        for (LayerDef d : runnable) {
            cmd.addAll(o.full() ? d.fullArgs() : d.quickArgs());
        }
        return cmd;
    }

    private int runMaven(List<String> cmd, int layers, Path log) throws IOException, InterruptedException {
        boolean terminal = System.console() != null && !"true".equals(System.getenv("CI")) && !o.verbose();
        try (Progress progress = terminal ? new Progress.Terminal(out, layers) : new Progress.Plain(out, true);
             BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(o.root().toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            maven = pb.start();
            Lock.recordMaven(o.root(), maven.pid());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    w.write(line);
                    w.write('\n');
                    ProgressEvent e = ProgressEvent.parse(line);
                    if (e != null) {
                        progress.event(e);
                    } else {
                        progress.mavenLine(line);
                    }
                }
            } catch (IOException e) {
                if (interrupted) {
                    return 130; // Maven was stopped under us by the interrupt
                }
                throw e;
            }
            int rc = maven.waitFor();
            w.flush();
            progress.println("maven: exit " + rc);
            return rc;
        }
    }

    /** On Ctrl-C or kill: stop Maven and everything it started, and remove the unfinished report. */
    private void interrupted() {
        interrupted = true;
        Process p = maven;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        Path t = temp;
        if (t != null) {
            deleteTree(t);
            System.err.println("procspec: interrupted; no report written (" + o.reportDir() + " left as it was)");
        }
    }

    /** A fresh folder beside the target, on the same file system, so the final move is a rename. */
    static Path prepareTemp(Path reportDir) throws IOException {
        Path abs = reportDir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(reportDir + " exists and is not a folder");
        }
        Files.createDirectories(parent);
        sweepDeadPartials(parent, "." + abs.getFileName() + ".partial-");
        Path t = parent.resolve("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
        deleteTree(t);
        Files.createDirectory(t);
        Path probe = t.resolve(".probe");
        Files.writeString(probe, "");
        Files.delete(probe);
        return t;
    }

    /**
     * Removes the unfinished reports ({@code .NAME.partial-PID}) of runs whose process is gone: a run
     * killed with SIGKILL (the OOM killer, a cancelled CI job) cannot remove its own.
     */
    private static void sweepDeadPartials(Path parent, String prefix) {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(n.substring(prefix.length()));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            // nothing to sweep
        }
    }

    /** The files a report folder holds: what {@link #runAndWrite} writes, and nothing else. */
    static final Set<String> REPORT_FILES = Set.of("index.html", "summary.json", "maven.log");

    /** Thrown when the report folder holds something that is not a procspec report. */
    /**
     * One check at a time per checkout: the layers write into their modules' target/ folders, so two
     * runs in one checkout would spoil each other's results. An OS file lock on
     * {@code target/procspec-check.lock} (released by the OS when the JVM ends, however it ends).
     */
    static final class Lock implements AutoCloseable {
        private final java.nio.channels.FileChannel channel;
        private final java.nio.channels.FileLock lock;

        private Lock(java.nio.channels.FileChannel channel, java.nio.channels.FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static Path file(Path root) {
            return root.resolve("target").resolve("procspec-check.lock");
        }

        /**
         * The lock, or null when another process holds it, or when the Maven of a run that died
         * without releasing it (killed with SIGKILL: its Maven lives on, reparented) still runs.
         */
        static Lock take(Path root) throws IOException {
            Path f = file(root);
            Files.createDirectories(f.getParent());
            if (orphanedMaven(f) != null) {
                return null;
            }
            java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null; // held by this JVM already
            }
            if (l == null) {
                ch.close();
                return null;
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return new Lock(ch, l);
        }

        /** The Maven that the run recorded in lock file {@code f} started, if it still runs. */
        static ProcessHandle orphanedMaven(Path f) {
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                return null;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("maven pid (\\d+)").matcher(text);
            if (!m.find()) {
                return null;
            }
            long pid = Long.parseLong(m.group(1));
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains("maven") || c.contains("mvn")).orElse(true))
                    .orElse(null);
        }

        /** Records in the lock file the Maven this run started, so that it is waited for even if this JVM dies. */
        static void recordMaven(Path root, long pid) {
            try {
                Files.writeString(file(root), "maven pid " + pid + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the lock still holds while this JVM lives
            }
        }

        /** What the lock file says of its holder ("pid N, since T"). */
        static String holder(Path root) {
            try {
                String s = Files.readString(file(root)).strip().replace("\n", "; ");
                ProcessHandle orphan = orphanedMaven(file(root));
                if (orphan != null) {
                    s += " (that run is gone, but its Maven, pid " + orphan.pid() + ", still runs: wait for it, or stop it)";
                }
                return s.isEmpty() ? "holder unknown" : s;
            } catch (IOException e) {
                return "holder unknown";
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    static final class NotAReportFolder extends IOException {
        NotAReportFolder(String message) {
            super(message);
        }
    }

    /**
     * Why {@code reportDir} must not be replaced, or null when it may be: it is absent, empty, or
     * holds a previous report (a {@code summary.json} of schema {@code procspec.report/1}, and
     * nothing but the report's own files). Anything else is the user's and is never deleted.
     */
    static String whyNotReplaceable(Path reportDir) throws IOException {
        Path abs = reportDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null; // absent, or not a folder (prepareTemp refuses that)
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(abs)) {
            entries = s.sorted().toList();
        }
        if (entries.isEmpty()) {
            return null;
        }
        String refuse = " is not a procspec report folder, so it is not replaced (use a new or empty folder, or delete it yourself)";
        for (Path e : entries) {
            String name = e.getFileName().toString();
            if (!REPORT_FILES.contains(name) || !Files.isRegularFile(e, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return reportDir + refuse + ": it holds " + e + ", which a report does not write";
            }
        }
        Path summary = abs.resolve("summary.json");
        String schema = null;
        if (Files.isRegularFile(summary)) {
            try {
                schema = Json.MAPPER.readTree(Files.readAllBytes(summary)).path("schema").asText(null);
            } catch (IOException | RuntimeException e) {
                schema = null;
            }
        }
        if (!VerificationReport.SCHEMA.equals(schema)) {
            return reportDir + refuse + ": " + summary + (Files.isRegularFile(summary)
                    ? " is not a " + VerificationReport.SCHEMA + " summary" : " is missing");
        }
        return null;
    }

    static void moveIntoPlace(Path temp, Path reportDir) throws IOException {
        Path abs = reportDir.toAbsolutePath().normalize();
        String foreign = whyNotReplaceable(reportDir); // again: something may have been put there while the layers ran
        if (foreign != null) {
            throw new NotAReportFolder(foreign);
        }
        Path old = null;
        if (Files.exists(abs)) {
            old = abs.resolveSibling("." + abs.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            Files.move(abs, old);
        }
        try {
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temp, abs);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    /** The closing table: layer, verdict, what ran, key figures, time. */
    static void printTable(PrintStream out, VerificationReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "result", "what ran", "key figures", "time"});
        for (LayerSummary s : r.layers) {
            long pass = s.items.stream().filter(i -> Verdicts.PASS.equals(i.verdict)).count();
            long fail = s.items.stream().filter(i -> Verdicts.FAIL.equals(i.verdict)).count();
            long skip = s.items.stream().filter(i -> Verdicts.SKIPPED.equals(i.verdict)).count();
            String ran = s.items.isEmpty() ? "" : s.items.size() + " items: " + pass + " pass"
                    + (fail > 0 ? ", " + fail + " FAIL" : "") + (skip > 0 ? ", " + skip + " skipped" : "");
            List<String> figs = new ArrayList<>();
            for (Map.Entry<String, Object> f : s.figures.entrySet()) {
                if (figs.size() == 3) {
                    break;
                }
                figs.add(f.getKey() + " " + (f.getValue() instanceof Number n ? HtmlReport.num(n) : f.getValue()));
            }
            rows.add(new String[] {s.layer, s.verdict.toUpperCase(Locale.ROOT), ran, String.join(", ", figs),
                    HtmlReport.duration(s.seconds)});
            if (s.reason != null) {
                rows.add(new String[] {"", "", "  " + s.reason, "", ""});
            }
        }
        int[] w = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < 5; i++) {
                if (!(i == 2 && row[0].isEmpty())) {
                    w[i] = Math.max(w[i], row[i].length());
                }
            }
        }
        w[2] = Math.min(w[2], 40);
        out.println();
        for (String[] row : rows) {
            if (row[0].isEmpty()) {
                out.println(" ".repeat(w[0] + 2) + row[2].strip());
                continue;
            }
            out.printf("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + Math.max(1, w[3]) + "s  %s%n",
                    row[0], row[1], row[2], row[3], row[4]);
        }
    }
}
