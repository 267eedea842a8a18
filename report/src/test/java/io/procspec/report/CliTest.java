package io.procspec.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void badInputGetsOneLineAndAHint() {
        Result r = run("check", "--frobnicate");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(2);
        assertThat(r.err).startsWith("procspec: Unknown option: '--frobnicate'").contains("Try './procspec check --help'.");
        r = run("check", "--only", "spec,nosuch");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("unknown layer 'nosuch'").contains("impl, spec, conformance");
        r = run("check", "--quick", "--full");
        assertThat(r.exit).isEqualTo(2);
        r = run("nosuchcommand");
        assertThat(r.exit).isEqualTo(2);
    }

    @Test
    void helpListsTheOptions() {
        Result r = run("check", "--help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("--quick", "--full", "--only", "--report", "target/procspec-report");
    }

    @Test
    void explainPrintsTheTableOrWritesSvg() throws Exception {
        FixtureRepo.copy("properties.trace.json", dir.resolve("t.json"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Cli.commandLine().execute("explain", dir.resolve("t.json").toString());
        } finally {
            System.setOut(old);
        }
        assertThat(exit).isZero();
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("the same G taken by the owner and the thief").contains("runqgrab_cas")
                .contains("P0.runqhead: 0 → 1").contains("replay: Schedule.of(0, 1, 1, 0)");
        assertThat(Cli.commandLine().execute("explain", dir.resolve("t.json").toString(), "--svg", dir.resolve("t.svg").toString())).isZero();
        assertThat(Files.readString(dir.resolve("t.svg"))).contains("<svg").contains("runqget_cas");
    }

    @Test
    void explainFollowsALayerSummaryToItsCounterexamples() throws Exception {
        FixtureRepo.create(dir);
        List<io.procspec.report.model.Trace> t = Explain.load(dir.resolve("spec/target/procspec/summary.json"), null);
        assertThat(t).singleElement().satisfies(x -> assertThat(x.model).isEqualTo("RunQueue_bug_tail_before_slot"));
    }

    @Test
    void explainRefusesWhatIsNotACounterexample() throws Exception {
        Files.writeString(dir.resolve("x.txt"), "hello");
        Result r = run("explain", dir.resolve("x.txt").toString());
        assertThat(r.exit).isEqualTo(2);
        r = run("explain", dir.resolve("missing.json").toString());
        assertThat(r.exit).isEqualTo(2);
    }

    @Test
    void anUnwritableReportFolderIsRefusedBeforeAnythingRuns() throws Exception {
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path file = dir.resolve("afile");
        Files.writeString(file, "x");
        try {
            // root ignores permissions; a path under a plain file is unwritable for everyone
            Result r = run("check", "--reuse", "--report", file.resolve("report").toString());
            assertThat(r.exit).isEqualTo(3);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A fake Maven that prints progress lines and writes the impl summary, as a real layer does. */
    @Test
    void checkRunsMavenShowsProgressAndMovesTheReportIntoPlace() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        Path fake = dir.resolve("fake-mvn");
        Files.copy(root.resolve("impl/target/procspec/summary.json"), dir.resolve("impl-summary.json"));
        Files.writeString(fake, """
                #!/bin/bash
                echo "[INFO] Building procspec impl"
                echo '[procspec] {"layer":"impl","event":"start","total":3}'
                echo '[procspec] {"layer":"impl","event":"item","item":"RunqTest.wrapAround","verdict":"pass","done":1,"total":3}'
                cp ../impl-summary.json impl/target/procspec/summary.json
                echo '[procspec] {"layer":"impl","event":"end","verdict":"pass"}'
                echo "args: $*"
                exit 0
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path report = dir.resolve("out/report");
        Files.createDirectories(report);
        // a previous report: replaced
        Files.writeString(report.resolve("summary.json"), "{\"schema\": \"procspec.report/1\", \"verdict\": \"stale\"}");
        Files.writeString(report.resolve("index.html"), "from an earlier run");
        Files.writeString(report.resolve("maven.log"), "from an earlier run");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Set<String> only = new LinkedHashSet<>(List.of("impl"));
        int exit = new Check(new Check.Options(root, only, false, report, false, false, "./procspec check --only impl",
                fake.toString()), new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("impl: RunqTest.wrapAround pass  (1/3)").contains("impl: finished, pass")
                .contains("args: -B -ntp -fae verify -pl impl -am -Dprocspec.check=quick");
        assertThat(Files.readString(report.resolve("index.html"))).doesNotContain("from an earlier run");
        assertThat(Files.readString(report.resolve("maven.log"))).contains("Building procspec impl");
        assertThat(Files.readString(report.resolve("summary.json"))).contains("\"schema\" : \"procspec.report/1\"");
        try (var s = Files.list(dir.resolve("out"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report");
        }
    }

    /** Runs the command with System.out and System.err captured too (explain and check print there). */
    private static Result runSys(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        Result r;
        try {
            r = run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(r.exit, r.out + o.toString(StandardCharsets.UTF_8), r.err + e.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.toList()) {
                m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFolderThatIsNotAReportIsRefusedAndLeftUntouched() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        Path thesis = dir.resolve("out/thesis");
        Files.createDirectories(thesis.resolve("precious"));
        Files.writeString(thesis.resolve("thesis.tex"), "\\documentclass{book}");
        Files.writeString(thesis.resolve("precious/notes.txt"), "notes");
        Map<String, String> before = snapshot(dir.resolve("out"));

        Result r = runSys("check", "--reuse", "--only", "impl", "--report", thesis.toString());
        assertThat(r.exit).as(r.err).isEqualTo(3);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).contains("not a procspec report folder").contains("precious").doesNotContain("Exception");
        assertThat(snapshot(dir.resolve("out"))).isEqualTo(before);

        // a report's own file names are not enough: the summary must be a procspec.report/1
        Path fake = dir.resolve("out/fake");
        Files.createDirectories(fake);
        Files.writeString(fake.resolve("summary.json"), "{\"schema\": \"procspec.layer/1\"}");
        Files.writeString(fake.resolve("index.html"), "mine");
        assertThat(Check.whyNotReplaceable(fake)).contains("summary.json").contains("not a procspec.report/1");
        Files.delete(fake.resolve("summary.json"));
        assertThat(Check.whyNotReplaceable(fake)).contains("summary.json is missing");
        Files.delete(fake.resolve("index.html"));
        assertThat(Check.whyNotReplaceable(fake)).isNull(); // empty
        assertThat(Check.whyNotReplaceable(dir.resolve("out/absent"))).isNull();

        // refused before any layer runs: the fake Maven would leave a mark
        before = snapshot(dir.resolve("out"));
        Path mvn = dir.resolve("fake-mvn");
        Path mark = dir.resolve("maven-ran");
        Files.writeString(mvn, "#!/bin/bash\ntouch " + mark + "\nexit 0\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Check check = new Check(new Check.Options(root, Set.of("impl"), false, thesis, false, false, "x", mvn.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThatThrownBy(check::run).isInstanceOf(Check.NotAReportFolder.class).hasMessageContaining("precious");
        assertThat(mark).doesNotExist();
        assertThat(snapshot(dir.resolve("out"))).isEqualTo(before);
    }

    @Test
    void anEmptyLayerListOrNameIsRefused() {
        for (String only : List.of("", "spec,,stress", ",", " ")) {
            Result r = run("check", "--reuse", "--only", only, "--report", dir.resolve("r").toString());
            assertThat(r.exit).as("--only '" + only + "': " + r.err).isEqualTo(2);
            assertThat(r.err).contains("--only").contains("Try './procspec check --help'.");
        }
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void reuseWithFullIsRefused() {
        Result r = run("check", "--reuse", "--full", "--report", dir.resolve("r").toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--reuse").contains("--full");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void explainNamesTheFileAndTheProblemInOneLine() throws Exception {
        Path missing = dir.resolve("missing.json");
        Files.writeString(missing, "{\"schema\":\"procspec.trace/1\"}");
        Path latin1 = dir.resolve("latin1.out");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
        Path sub = dir.resolve("sub");
        Files.createDirectories(sub);
        Map<Path, String> cases = Map.of(missing, "\"source\" is missing", latin1, "not UTF-8", sub, "a folder, not a file");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            Result r = runSys("explain", c.getKey().toString());
            assertThat(r.exit).as(r.err).isEqualTo(2);
            assertThat(r.err.lines().findFirst().orElse("")).startsWith("procspec: " + c.getKey()).contains(c.getValue());
            assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
        }
        FixtureRepo.copy("properties.trace.json", dir.resolve("t.json"));
        Result r = runSys("explain", dir.resolve("t.json").toString(), "--svg", "/proc/nope/x.svg");
        assertThat(r.exit).as(r.err).isEqualTo(3);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).startsWith("procspec: cannot write /proc/nope/x.svg: ").doesNotContain("Exception");
    }

    @Test
    void aFailedMavenRunWithNoSummaryFailsTheLayerAndTheExitStatus() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        Path fake = dir.resolve("fake-mvn");
        Files.writeString(fake, "#!/bin/bash\necho '[ERROR] BUILD FAILURE'\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path report = dir.resolve("report");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = new Check(new Check.Options(root, Set.of("stress"), false, report, false, false, "x", fake.toString()),
                new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        assertThat(exit).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("stress", "FAIL", "wrote no summary");
        assertThat(Files.readString(report.resolve("index.html"))).contains("see <a href=\"maven.log\">maven.log</a>");
        assertThat(report.resolve("maven.log")).exists();
        assertThat(HtmlReport.reasonHtml("<b>x</b> & y; see maven.log")).isEqualTo("&lt;b&gt;x&lt;/b&gt; &amp; y; see <a href=\"maven.log\">maven.log</a>");
        assertThat(root.resolve("stress/target/procspec/summary.json")).doesNotExist();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSecondCheckInTheSameCheckoutIsRefused() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        try (Check.Lock first = Check.Lock.take(root)) {
            assertThat(first).isNotNull();
            assertThat(Check.Lock.take(root)).as("held by a running check").isNull();
            assertThat(Check.Lock.holder(root)).startsWith("pid " + ProcessHandle.current().pid());
        }
        try (Check.Lock again = Check.Lock.take(root)) {
            assertThat(again).as("released when the first run ends").isNotNull();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunInWhichEverySelectedLayerWasSkippedSaysNothingWasChecked() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        Path mvn = dir.resolve("fake-mvn");
        Files.writeString(mvn, "#!/bin/bash\necho ran >> " + dir.resolve("ran") + "\nexit 0\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        // the fixture repository has no oracle module: the only selected layer is skipped
        int exit = new Check(new Check.Options(root, Set.of("oracle"), false, dir.resolve("report"), false, false, "x",
                mvn.toString()), new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        assertThat(exit).as(buf.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.NOTHING_RAN);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("nothing was checked");
        assertThat(dir.resolve("ran")).doesNotExist();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLayerThatRunsAsADependencyIsAnnouncedAndReported() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        Files.writeString(root.resolve("spec/pom.xml"), "<project><dependencies><dependency><groupId>io.procspec</groupId>"
                + "<artifactId>procspec-impl</artifactId></dependency></dependencies></project>\n");
        Files.copy(root.resolve("impl/target/procspec/summary.json"), dir.resolve("impl-summary.json"));
        Files.copy(root.resolve("spec/target/procspec/summary.json"), dir.resolve("spec-summary.json"));
        Path fake = dir.resolve("fake-mvn");
        Files.writeString(fake, "#!/bin/bash\ncp ../impl-summary.json impl/target/procspec/summary.json\n"
                + "cp ../spec-summary.json spec/target/procspec/summary.json\nexit 0\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Reactor.alsoBuilt(root, Set.of("spec"))).containsExactly("impl");
        Path report = dir.resolve("report");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new Check(new Check.Options(root, Set.of("spec"), false, report, false, false, "x", fake.toString()),
                new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("also runs, as a dependency of those").contains("impl");
        com.fasterxml.jackson.databind.JsonNode r = Json.MAPPER.readTree(report.resolve("summary.json").toFile());
        com.fasterxml.jackson.databind.JsonNode impl = null;
        for (com.fasterxml.jackson.databind.JsonNode l : r.get("layers")) {
            if (l.get("layer").asText().equals("impl")) {
                impl = l;
            }
        }
        assertThat(impl).isNotNull();
        assertThat(impl.get("verdict").asText()).isNotEqualTo("skipped");
        assertThat(impl.get("reason").asText()).contains("a selected layer depends on it");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aKilledRunsMavenStillHoldsTheCheckoutAndItsPartialReportIsSwept() throws Exception {
        Path root = FixtureRepo.create(dir.resolve("repo"));
        // a Maven left running by a check that was killed with SIGKILL (its JVM released the OS lock)
        Process orphan = new ProcessBuilder("bash", "-c", "sleep 30; true", "mvn-stand-in").start();
        try {
            Files.createDirectories(Check.Lock.file(root).getParent());
            Files.writeString(Check.Lock.file(root), "pid 999999999, since then\nmaven pid " + orphan.pid() + "\n");
            assertThat(Check.Lock.take(root)).as("its Maven still writes into target/").isNull();
            assertThat(Check.Lock.holder(root)).contains("its Maven, pid " + orphan.pid() + ", still runs");
        } finally {
            orphan.destroy();
            orphan.waitFor(10, TimeUnit.SECONDS);
        }
        try (Check.Lock l = Check.Lock.take(root)) {
            assertThat(l).as("taken once that Maven has ended").isNotNull();
        }
        Path report = dir.resolve("out/report");
        Path stale = dir.resolve("out/.report.partial-999999999");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("index.html"), "half");
        Check.prepareTemp(report).toFile().delete();
        assertThat(stale).doesNotExist();
    }
}
