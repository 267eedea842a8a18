package io.procspec.oracle;

import io.procspec.runtime.GoVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VersionAndDivergenceTest {

    @Test
    void theDebianReleasesAreGo121OnTheOnePPath() {
        for (int minor : new int[] {19, 21, 22, 23}) {
            VersionModel m = VersionModel.of(1, minor);
            assertThat(m.modelled()).isEqualTo(GoVersion.GO1_21);
            assertThat(m.runAs()).isEqualTo(GoVersion.GO1_21);
            assertThat(m.verified()).as("go1.%d was read", minor).isTrue();
        }
        assertThat(VersionModel.of(1, 21).differences()).isEmpty();
        assertThat(VersionModel.of(1, 19).differences()).anyMatch(d -> d.contains("needspinning"));
        assertThat(VersionModel.of(1, 22).differences()).anyMatch(d -> d.contains("goschedImpl calls wakep"));
        assertThat(VersionModel.of(1, 23).differences()).anyMatch(d -> d.contains("sysmon"));
    }

    @Test
    void otherReleasesMapToTheNearestModelledVersionAndSaySo() {
        VersionModel v125 = VersionModel.of(1, 25);
        assertThat(v125.modelled()).isEqualTo(GoVersion.GO1_25);
        assertThat(v125.runAs()).isEqualTo(GoVersion.GO1_21);
        assertThat(v125.verified()).isFalse();
        assertThat(v125.summary()).contains("Java side runs GO1_21", "unverified");
        assertThat(VersionModel.of(1, 16).modelled()).isEqualTo(GoVersion.GO1_14);
        assertThat(VersionModel.of(1, 24).verified()).isFalse();
        assertThat(VersionModel.of(1, 24).modelled()).isEqualTo(GoVersion.GO1_21);
    }

    @Test
    void toolchainVersionsParse() {
        GoToolchain t = GoToolchain.parse(Path.of("/g"), "go version go1.21.13 linux/amd64\n");
        assertThat(t.version()).isEqualTo("go1.21.13");
        assertThat(t.family()).isEqualTo("go1.21");
        assertThat(t.patch()).isEqualTo(13);
        GoToolchain rc = GoToolchain.parse(Path.of("/g"), "go version go1.22rc1 linux/amd64");
        assertThat(rc.version()).isEqualTo("go1.22rc1");
        assertThat(rc.minor()).isEqualTo(22);
        assertThat(GoToolchain.parse(Path.of("/g"), "go version devel +abc")).isNull();
    }

    @Test
    @Timeout(300)
    void discoveryFindsAToolchainNamedInProcspecGoAndSkipsBrokenOnes(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("fakego");
        Files.createDirectories(fake.resolve("bin"));
        Path go = fake.resolve("bin").resolve("go");
        Files.writeString(go, "#!/bin/sh\necho 'go version go1.99.7 linux/amd64'\n");
        assertThat(go.toFile().setExecutable(true)).isTrue();
        Path broken = dir.resolve("broken-go");
        Files.writeString(broken, "#!/bin/sh\nexit 3\n");
        assertThat(broken.toFile().setExecutable(true)).isTrue();
        Path notExec = dir.resolve("plain-go");
        Files.writeString(notExec, "not a program");

        GoToolchain.Discovery d = GoToolchain.discover(Map.of("PROCSPEC_GO",
                fake + ":" + broken + ":" + notExec + ":" + dir.resolve("missing"), "PATH", ""));
        assertThat(d.toolchains()).anySatisfy(t -> {
            assertThat(t.version()).isEqualTo("go1.99.7");
            assertThat(t.go()).isEqualTo(go.toRealPath());
        });
        assertThat(d.skipped()).anyMatch(s -> s.contains("broken-go") && s.contains("exit status 3"));
        assertThat(d.skipped()).anyMatch(s -> s.contains("plain-go") && s.contains("not an executable"));
        assertThat(d.skipped()).anyMatch(s -> s.contains("missing") && s.contains("does not exist"));
        // ordered by release, one per release
        assertThat(d.toolchains()).isSortedAccordingTo(GoToolchain.BY_VERSION);
        assertThat(d.toolchains()).extracting(GoToolchain::version).doesNotHaveDuplicates();
    }

    @Test
    void procspecGoNoneTurnsTheSearchOff() {
        GoToolchain.Discovery d = GoToolchain.discover(Map.of("PROCSPEC_GO", "none", "PATH", "/usr/bin:/bin"));
        assertThat(d.toolchains()).isEmpty();
        assertThat(d.skipped()).containsExactly("PROCSPEC_GO=none: no toolchain is used");
    }

    @Test
    void aDivergenceIsTheFirstDifferenceWithContext() {
        int[] go = {0, 9, 1, 2, 3, 4, 5, 6, 7, 8};
        int[] java = {0, 9, 1, 2, 3, 5, 4, 6, 7, 8};
        Divergence d = Divergence.of(go, java, 2);
        assertThat(d.index()).isEqualTo(5);
        assertThat(d.from()).isEqualTo(3);
        assertThat(d.go()).containsExactly(2, 3, 4, 5, 6);
        assertThat(d.java()).containsExactly(2, 3, 5, 4, 6);
        assertThat(d.render()).contains("[5]", "[g4]", "[g5]").startsWith("position");
        assertThat(Divergence.of(go, go.clone())).isNull();
        assertThat(Divergence.of(new int[] {0, 1}, new int[] {0, 1, 2}).index()).isEqualTo(2);
        assertThat(Divergence.commonPrefix(go, java)).isEqualTo(5);
    }
}
