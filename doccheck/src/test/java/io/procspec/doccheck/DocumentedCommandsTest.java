package io.procspec.doccheck;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every command the READMEs document works from a fresh clone, as written (see README.md).
 *
 * <p>{@link #everyDocumentedCommandIsClassified} reads the working tree: every command of every
 * README has a line in {@code commands.tsv}, and every line there is still documented.
 * {@link #documentedCommandsWorkFromAFreshClone} clones HEAD and runs the {@code run} commands
 * (with {@code -Pall-commands} also the {@code long} ones); any that fails fails the build. Both
 * feed the {@code docs} layer's summary ({@link DocsLayerReport}), written after them.
 */
class DocumentedCommandsTest {

    static DocsLayerReport report;

    @BeforeAll
    static void startReport() {
        report = new DocsLayerReport(Paths.get(System.getProperty("procspec.layer.dir", "target/procspec")),
                System.getProperty("procspec.docs.mode", "ci"), System.out);
        report.start();
    }

    @AfterAll
    static void writeReport() throws Exception {
        report.write(root());
    }

    static Path root() {
        return Paths.get(System.getProperty("procspec.repo.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void everyDocumentedCommandIsClassified() {
        Path root = root();
        Manifest m = Manifest.read(root.resolve("doccheck/commands.tsv"));
        List<String> problems = new ArrayList<>(m.errors);
        Set<String> documented = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (Readmes.Command c : Readmes.commands(root)) {
            String id = Manifest.id(c.file(), c.key());
            if (documented.add(id) && m.get(c) == null) {
                missing.add(c.file() + "\t?\t" + c.key() + "\t(" + c.file() + ":" + c.line() + ")");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("documented commands missing from doccheck/commands.tsv (add each with class run, long or"
                    + " manual and, for manual, why):\n" + String.join("\n", missing));
        }
        for (Manifest.Entry e : m.entries.values()) {
            if (!documented.contains(Manifest.id(e.file(), e.command()))) {
                problems.add("commands.tsv:" + e.line() + " lists a command " + e.file() + " no longer documents: "
                        + e.command());
            }
        }
        report.classified(problems, m);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.HOURS) // -Pall-commands; the ci selection takes about a minute
    void documentedCommandsWorkFromAFreshClone() throws Exception {
        Path root = root();
        String skip = Boolean.getBoolean("procspec.docs.skip") ? "-Dprocspec.docs.skip=true"
                : !Files.exists(root.resolve(".git")) ? root + " is not a git checkout"
                : !gitWorks() ? "no git on PATH" : null;
        if (skip != null) {
            report.notRun(skip);
        }
        Assumptions.assumeTrue(skip == null, "skipped: " + skip);
        String m2 = System.getProperty("procspec.m2.repo");
        Runner r = new Runner(root, Paths.get(System.getProperty("procspec.docs.out", "target/doc-commands")),
                System.getProperty("procspec.docs.mode", "ci"), System.getProperty("procspec.docs.only", ""),
                m2 == null || m2.isBlank() ? Paths.get(System.getProperty("user.home"), ".m2", "repository") : Paths.get(m2));
        List<Runner.Result> results;
        try {
            results = r.runAll();
        } catch (Exception | Error e) {
            report.runStopped(e.toString());
            throw e;
        }
        report.ran(results, r.commit, r.notes);
        StringBuilder report = new StringBuilder();
        long ran = 0;
        for (Runner.Result x : results) {
            if (x.status().equals("passed") || x.failed()) {
                ran++;
                System.out.printf("doccheck: %-7s %6.1f s  %s:%d  %s%n", x.status(), x.seconds(), x.file(), x.line(),
                        x.command());
            }
            if (x.failed()) {
                report.append("\n").append(x.file()).append(':').append(x.line()).append(": ").append(x.status())
                        .append(x.exitCode() == null ? "" : " (exit " + x.exitCode() + ")").append(": ")
                        .append(x.command()).append("\n  log: ").append(r.out.resolve(x.log())).append('\n')
                        .append(indent(r.tail(x.log(), 25)));
            }
        }
        for (String n : r.notes) {
            System.out.println("doccheck: note: " + n);
        }
        System.out.println("doccheck: " + ran + " commands run from a fresh clone of " + r.commit + " (mode "
                + r.mode + "); summary in " + r.out.resolve("summary.md"));
        if (report.length() > 0) {
            throw new AssertionError("documented commands that do not work from a fresh clone:" + report);
        }
        Assumptions.assumeTrue(ran > 0, "no command selected (procspec.docs.only matched none)");
    }

    static String indent(String s) {
        return s.isEmpty() ? "" : "    " + s.replace("\n", "\n    ");
    }

    static boolean gitWorks() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
