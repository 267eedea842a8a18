package io.procspec.doccheck;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a documented command. */
class ReadmesTest {

    static List<Readmes.Command> parse(String md) {
        List<Readmes.Command> blocks = new ArrayList<>();
        List<Readmes.Command> inline = new ArrayList<>();
        Readmes.parse("X.md", md, blocks, inline);
        blocks.addAll(inline);
        return blocks;
    }

    @Test
    void shellBlocksGiveEveryLineUnlabelledBlocksOnlyCommandLines() {
        List<Readmes.Command> c = parse("""
                Text with `mvn -q -pl spec -am verify` and `-Dstress.skip=true` and `java -jar x.jar A`.

                ```sh
                # a comment
                J=~/.m2/x.jar
                mkdir -p /tmp/t && cd /tmp/t
                java -cp $J Main \\
                     --flag 1
                ```

                ```
                pom.xml            parent
                impl/              the port
                mvn -B verify
                ```

                ```java
                mvn in java code is not a command
                ```
                """);
        assertThat(c).extracting(Readmes.Command::key).containsExactly(
                "J=~/.m2/x.jar", "mkdir -p /tmp/t && cd /tmp/t", "java -cp $J Main --flag 1", "mvn -B verify",
                "mvn -q -pl spec -am verify", "java -jar x.jar A");
        assertThat(c.get(0).block()).isEqualTo(c.get(2).block()).isEqualTo(3);
        assertThat(c.get(2).line()).isEqualTo(7);
        assertThat(c.get(2).text()).contains("\\\n");
        assertThat(c.get(3).block()).isEqualTo(11);
        assertThat(c.get(4).inline()).isTrue();
        assertThat(c.get(4).line()).isEqualTo(1);
    }

    @Test
    void theKeyDropsATrailingCommentAndExtraBlanks() {
        assertThat(Readmes.Command.key("mvn -q  -pl spec compile   # all models")).isEqualTo("mvn -q -pl spec compile");
        assertThat(Readmes.Command.key("mvn -Dexec.args=\"run A#B\"")).isEqualTo("mvn -Dexec.args=\"run A#B\"");
    }
}
