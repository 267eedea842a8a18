package io.procspec.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The variable tuples after each translation (environment actions' UNCHANGED tuples, views) are
 * what {@link GeneratedLists} makes of their spec lines: none can miss a variable.
 */
class GeneratedListsTest {
    private final SpecLayout layout = SpecLayout.detect();

    @TestFactory
    Stream<DynamicTest> committedListsAreCurrent() {
        return layout.algorithmModules().stream().map(module -> DynamicTest.dynamicTest(
                module.getFileName().toString(), () -> {
                    String text = SpecLayout.read(module);
                    assertThat(GeneratedLists.regenerate(text))
                            .as("%s: the generated variable tuples are stale; run: "
                                    + "mvn -q -pl spec compile exec:java -Dexec.args=translate", module.getFileName())
                            .isEqualTo(text);
                }));
    }

    @Test
    void everyAlgorithmModuleWithEnvironmentActionsHasABlock() {
        for (String m : List.of("Proc", "GFree", "RunQueue")) {
            assertThat(layout.moduleText(m)).as(m).contains(GeneratedLists.BEGIN, GeneratedLists.END);
        }
    }

    @Test
    void definitionListsEveryVariableButTheExcludedOnes() {
        String d = GeneratedLists.definition("Others", "b d", "c as x", List.of("a", "b", "c", "d", "e"));
        assertThat(d).isEqualTo("Others == <<a, x, e>>");
    }

    @Test
    void anUnknownVariableIsRefused() {
        assertThatThrownBy(() -> GeneratedLists.definition("Others", "zz", null, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
    }
}
