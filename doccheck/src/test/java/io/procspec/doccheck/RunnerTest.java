package io.procspec.doccheck;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner on a small repository of its own: it can fail, and it sees only what is committed. */
class RunnerTest {

    @Test
    @Timeout(120)
    void aFailingCommandFailsTheRestOfItsBlockDoesNotRunAndOnlyHeadIsSeen(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(DocumentedCommandsTest.gitWorks(), "no git on PATH");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("README.md"), """
                Run `bash ok.sh`, then:

                ```sh
                echo fine > marker
                test -f marker
                printf 'no newline: the marker after this shares its line'
                false
                echo never
                ```

                ```sh
                sleep 30
                ```

                ```sh
                cat committed.txt
                ```
                """, StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("ok.sh"), "test -d doccheck\n", StandardCharsets.UTF_8);
        Files.writeString(repo.resolve("committed.txt"), "v1\n", StandardCharsets.UTF_8);
        Files.createDirectories(repo.resolve("doccheck"));
        Files.writeString(repo.resolve("doccheck/commands.tsv"), String.join("\n",
                "# test manifest",
                "README.md\trun\tbash ok.sh",
                "README.md\trun\techo fine > marker",
                "README.md\trun\ttest -f marker",
                "README.md\trun\tprintf 'no newline: the marker after this shares its line'",
                "README.md\trun\tfalse",
                "README.md\trun\techo never",
                "README.md\trun\tsleep 30",
                "README.md\tmanual\tcat committed.txt\treads a file") + "\n", StandardCharsets.UTF_8);
        Runner.git(repo, "init", "--quiet");
        Runner.git(repo, "add", ".");
        Runner.git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "x");
        Files.writeString(repo.resolve("ok.sh"), "exit 3\n", StandardCharsets.UTF_8); // not committed: not seen

        Runner r = new Runner(repo, tmp.resolve("out"), "ci", "", tmp.resolve("no-m2"));
        r.runLimit = 2; // sleep 30 times out
        List<Runner.Result> res = r.runAll();
        assertThat(res).extracting(Runner.Result::command, Runner.Result::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("echo fine > marker", "passed"),
                org.assertj.core.groups.Tuple.tuple("test -f marker", "passed"),
                org.assertj.core.groups.Tuple.tuple("printf 'no newline: the marker after this shares its line'", "passed"),
                org.assertj.core.groups.Tuple.tuple("false", "failed"),
                org.assertj.core.groups.Tuple.tuple("echo never", "not run"),
                org.assertj.core.groups.Tuple.tuple("sleep 30", "timeout"),
                org.assertj.core.groups.Tuple.tuple("cat committed.txt", "manual"),
                org.assertj.core.groups.Tuple.tuple("bash ok.sh", "passed"));
        assertThat(r.notes).anyMatch(n -> n.contains("uncommitted changes"));
        assertThat(Files.readString(tmp.resolve("out/summary.json"))).contains("\"passed\" : false");
        assertThat(Files.exists(tmp.resolve("out/clone/marker"))).as("commands run in the clone").isTrue();
        assertThat(Files.exists(repo.resolve("marker"))).as("never in the source").isFalse();
    }

    @Test
    void anUnclassifiedCommandFails(@TempDir Path tmp) throws Exception {
        Manifest m = manifest(tmp, "README.md\tlong\tmvn -B verify\n");
        List<Readmes.Command> cs = List.of(new Readmes.Command("README.md", 3, 2, "mvn -B verify"),
                new Readmes.Command("README.md", 9, 0, "mvn -q -pl x verify"));
        List<Runner.Result> res = new java.util.ArrayList<>();
        List<Runner.Script> scripts = new Runner(tmp, tmp, "ci", "", null).plan(cs, m, res);
        assertThat(scripts).isEmpty(); // long is not selected in ci mode
        assertThat(res).extracting(Runner.Result::status).containsExactly("not selected", "unclassified");
        assertThat(res.get(1).failed()).isTrue();
        res.clear();
        assertThat(new Runner(tmp, tmp, "all", "", null).plan(cs, m, res)).hasSize(1);
    }

    @Test
    void aManualCommandNeedsAReason(@TempDir Path tmp) throws Exception {
        Manifest m = manifest(tmp, "README.md\tmanual\tmvn -B verify\nREADME.md\tsometimes\tls\n");
        assertThat(m.errors).hasSize(2);
    }

    static Manifest manifest(Path dir, String text) throws Exception {
        Path p = dir.resolve("commands.tsv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return Manifest.read(p);
    }
}
