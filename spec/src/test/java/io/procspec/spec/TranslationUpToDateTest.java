package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed PlusCal translations can never drift: each module with an algorithm is translated
 * again (pcal.trans on a copy under target/) and the result must equal the committed text.
 * To update after editing an algorithm: {@code mvn -q -pl spec -am compile exec:java@tlc -Dexec.args=translate}.
 */
class TranslationUpToDateTest {
    private final SpecLayout layout = SpecLayout.detect();

    @TestFactory
    Stream<DynamicTest> committedTranslationsAreCurrent() {
        return layout.algorithmModules().stream().map(module -> DynamicTest.dynamicTest(
                module.getFileName().toString(), () -> check(module)));
    }

    private void check(Path module) throws IOException {
        String committed = Files.readString(module);
        Path scratch = layout.workDir().resolve("pcal-check");
        String fresh = PlusCalTranslator.translate(module, scratch);
        if (!fresh.equals(committed)) {
            Path out = scratch.resolve(module.getFileName() + ".fresh");
            Files.writeString(out, fresh);
            assertThat(PlusCalTranslator.translationBlock(committed))
                    .as("%s: the committed translation differs from pcal.trans's (fresh copy: %s); "
                            + "run: mvn -q -pl spec -am compile exec:java@tlc -Dexec.args=translate", module.getFileName(), out)
                    .isEqualTo(PlusCalTranslator.translationBlock(fresh));
            assertThat(committed).as("%s differs outside the translation after re-translating", module.getFileName())
                    .isEqualTo(fresh);
        }
    }
}
