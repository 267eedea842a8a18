package io.procspec.oracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternTest {

    @Test
    void fanChainAndTreeNumberGoroutinesLevelByLevel() {
        Pattern fan = Pattern.parse("fan(3)");
        assertThat(fan.size()).isEqualTo(4);
        assertThat(fan.children(0)).containsExactly(1, 2, 3);
        assertThat(fan.leaves()).isEqualTo(3);
        assertThat(fan.expression()).isEqualTo("g(3*g)");

        Pattern chain = Pattern.parse("chain(3)");
        assertThat(chain.size()).isEqualTo(4);
        assertThat(chain.children(2)).containsExactly(3);
        assertThat(chain.parent(3)).isEqualTo(2);
        assertThat(chain.height()).isEqualTo(3);
        assertThat(chain.expression()).isEqualTo("g(g(g(g)))");

        Pattern tree = Pattern.parse("tree(2,3)");
        assertThat(tree.size()).isEqualTo(9);
        assertThat(tree.children(0)).containsExactly(1, 2);
        assertThat(tree.children(1)).containsExactly(3, 4, 5);
        assertThat(tree.children(2)).containsExactly(6, 7, 8);
        assertThat(tree.maxFanOut()).isEqualTo(3);
        assertThat(tree.describe(7)).isEqualTo("g7 (go #2 of g2)");
        assertThat(tree.describe(0)).isEqualTo("g0 (root)");
    }

    @Test
    void itemsRunInOrderAndRepeatsAreSeparateGoroutines() {
        Pattern p = Pattern.parse("g(2*g(g), fan(2), g)");
        assertThat(p.name()).isEqualTo("g(2*g(g),fan(2),g)");
        // level 1: the two g(g), the fan's root, the last g; level 2: their children in order
        assertThat(p.children(0)).containsExactly(1, 2, 3, 4);
        assertThat(p.children(1)).containsExactly(5);
        assertThat(p.children(2)).containsExactly(6);
        assertThat(p.children(3)).containsExactly(7, 8);
        assertThat(p.size()).isEqualTo(9);
        assertThat(p.expression()).isEqualTo("g(2*g(g),g(2*g),g)");
        assertThat(Pattern.parse("g").size()).isEqualTo(1);
        assertThat(Pattern.parse("g()").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fan(300)", "chain(40)", "tree(3,4,5)", "g(300*g,chain(20),100*g)", "g(200*g(2*g))",
            "random(7,500)", "random(1)", "g(g(yield,g),yield)"})
    void theExpressionParsesBackToTheSamePattern(String e) {
        Pattern p = Pattern.parse(e);
        Pattern back = Pattern.parse(p.expression());
        assertThat(back).isEqualTo(p);
        assertThat(back.size()).isEqualTo(p.size());
    }

    @Test
    void yieldIsParsedButNotYetSupported() {
        Pattern p = Pattern.parse("g(3*g, yield, g)");
        assertThat(p.size()).isEqualTo(5);
        assertThat(p.body(0)).hasSize(5).element(3).isInstanceOf(Pattern.Yield.class);
        assertThat(p.unsupported()).containsExactly("yield");
        assertThat(Pattern.parse("fan(3)").unsupported()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "fan(", "fan(x)", "fan(3", "g(3g)", "g(0*g)", "tree()", "g)", "g(,)", "fan(3)x",
            "g(yield*g)", "random()", "random(1,0)", "fan(9999999999999)"})
    void malformedExpressionsAreRefusedWithThePosition(String e) {
        assertThatThrownBy(() -> Pattern.parse(e)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    @Test
    void patternsAreBounded() {
        assertThatThrownBy(() -> Pattern.parse("fan(200000)")).hasMessageContaining("more than 200000");
        assertThatThrownBy(() -> Pattern.parse("tree(1000,1000)")).hasMessageContaining("more than 200000");
        assertThatThrownBy(() -> Pattern.parse("g(1000*fan(1000))")).hasMessageContaining("more than 200000");
        assertThat(Pattern.parse("fan(199999)").size()).isEqualTo(200_000);
    }

    @Test
    void randomPatternsAreReproducibleAndExactInSize() {
        Pattern a = RandomPatterns.pattern(7, 500);
        assertThat(a.size()).isEqualTo(500);
        assertThat(RandomPatterns.pattern(7, 500)).isEqualTo(a);
        assertThat(RandomPatterns.pattern(8, 500)).isNotEqualTo(a);
        assertThat(a.name()).isEqualTo("random(7,500)");
        assertThat(RandomPatterns.pattern(3, 1).size()).isEqualTo(1);
    }

    @Test
    void randomPatternsMixBurstsChainsAndDepth() {
        boolean burst = false;
        boolean deep = false;
        boolean nestedSpawners = false;
        for (int seed = 1; seed <= 30; seed++) {
            Pattern p = RandomPatterns.pattern(seed, 1000);
            burst |= p.maxFanOut() > 256;
            deep |= p.height() >= 10;
            int spawners = 0;
            for (int id = 0; id < p.size(); id++) {
                spawners += p.children(id).length > 0 ? 1 : 0;
            }
            nestedSpawners |= spawners >= 10;
        }
        assertThat(burst).as("some fan-out past the 256-slot ring").isTrue();
        assertThat(deep).as("some chain at least 10 deep").isTrue();
        assertThat(nestedSpawners).as("many spawners").isTrue();
    }

    @Test
    void theRandomSetDrawsSizesFromTheSeed() {
        List<Pattern> a = Patterns.random(5, 20, 10, 2000);
        assertThat(a).hasSize(20);
        assertThat(a).allSatisfy(p -> assertThat(p.size()).isBetween(10, 2000));
        assertThat(Patterns.random(5, 20, 10, 2000)).isEqualTo(a);
        assertThat(a.get(3).name()).startsWith("random(8,");
        assertThatThrownBy(() -> Patterns.random(1, 1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCiSetCoversTheRulesItNames() {
        List<Pattern> ci = Patterns.ci();
        assertThat(ci).extracting(Pattern::name).contains("fan(257)", "fan(258)", "fan(513)", "chain(300)",
                "tree(10,10,10)", "tree(3,300)");
        assertThat(ci.stream().mapToInt(Pattern::maxFanOut).max().orElse(0)).isGreaterThan(512);
        assertThat(ci).allSatisfy(p -> assertThat(p.unsupported()).isEmpty());
    }
}
