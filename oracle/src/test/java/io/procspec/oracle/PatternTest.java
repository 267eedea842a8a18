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
            "random(7,500)", "random(1)", "g(g(yield,g),yield)", "m:g(3*g(ready(m)),3*wait)",
            "g(a:g(5*(ready(b),wait)),b:g(5*(wait,ready(a))))", "g(20*w#:g(wait),yield,20*ready(w#))",
            "chain(10,go,yield)", "chain(5,g,yield,go)", "mixed(3,400)", "mixed(8)"})
    void theExpressionParsesBackToTheSamePattern(String e) {
        Pattern p = Pattern.parse(e);
        Pattern back = Pattern.parse(p.expression());
        assertThat(back).isEqualTo(p);
        assertThat(back.size()).isEqualTo(p.size());
    }

    @Test
    void yieldWaitAndReadyAreActionsOfTheBody() {
        Pattern p = Pattern.parse("g(3*g, yield, g)");
        assertThat(p.size()).isEqualTo(5);
        assertThat(p.body(0)).hasSize(5).element(3).isInstanceOf(Pattern.Yield.class);
        assertThat(p.yields()).isEqualTo(1);
        assertThat(p.segments(0)).isEqualTo(2);
        assertThat(p.events()).isEqualTo(6);
        assertThat(Pattern.parse("fan(3)").synchronizes()).isFalse();

        Pattern m = Pattern.parse("m:g(2*g(ready(m)),2*wait)");
        assertThat(m.label(0)).isEqualTo("m");
        assertThat(m.body(0)).containsExactly(new Pattern.Spawn(1), new Pattern.Spawn(2), new Pattern.Wait(),
                new Pattern.Wait());
        assertThat(m.body(1)).containsExactly(new Pattern.Ready(0));
        assertThat(m.readiedBy(0)).isEqualTo(2);
        assertThat(m.waits()).isEqualTo(2);
        assertThat(m.readies()).isEqualTo(2);
        assertThat(m.segments(0)).isEqualTo(3);
        assertThat(m.events()).isEqualTo(5);
        assertThat(m.expression()).isEqualTo("m:g(2*g(ready(m)),2*wait)");
        assertThat(m.describe(0)).isEqualTo("g0 m (root)");
    }

    @Test
    void groupsRepeatSeveralItemsAndHashIsTheCopyNumber() {
        Pattern pp = Pattern.parse("g(a:g(2*(ready(b),wait)),b:g(2*(wait,ready(a))))");
        assertThat(pp.body(1)).containsExactly(new Pattern.Ready(2), new Pattern.Wait(), new Pattern.Ready(2),
                new Pattern.Wait());
        assertThat(pp.body(2)).containsExactly(new Pattern.Wait(), new Pattern.Ready(1), new Pattern.Wait(),
                new Pattern.Ready(1));

        Pattern many = Pattern.parse("g(3*w#:g(wait),yield,3*ready(w#))");
        assertThat(many.label(1)).isEqualTo("w1");
        assertThat(many.label(3)).isEqualTo("w3");
        assertThat(many.body(0)).containsExactly(new Pattern.Spawn(1), new Pattern.Spawn(2), new Pattern.Spawn(3),
                new Pattern.Yield(), new Pattern.Ready(1), new Pattern.Ready(2), new Pattern.Ready(3));
        // the innermost repeat numbers the copies: y1 and y2 are readied once by each outer copy
        Pattern nested = Pattern.parse("g(2*y#:g(wait,wait),2*g(2*g(ready(y#))))");
        assertThat(nested.readiedBy(1)).isEqualTo(2);
        assertThat(nested.readiedBy(2)).isEqualTo(2);
        assertThatThrownBy(() -> Pattern.parse("g(2*g(2*x#:g(wait)),4*ready(x1))"))
                .hasMessageContaining("names two goroutines");
    }

    @Test
    void chainLinksRunTheItemsAndStartTheNextWhereGoStands() {
        assertThat(Pattern.parse("chain(2,yield)").expression()).isEqualTo("g(yield,g(yield,g(yield)))");
        assertThat(Pattern.parse("chain(2,go,yield)").expression()).isEqualTo("g(g(g(yield),yield),yield)");
        assertThat(Pattern.parse("chain(2,g,go,yield)").expression())
                .isEqualTo("g(g,g(g,g(g,yield),yield),yield)");
        assertThat(Pattern.parse("chain(3,yield)").size()).isEqualTo(4);
        // links are numbered from 1: link 2 (goroutine 2) starts c2 (goroutine 3)
        assertThat(Pattern.parse("chain(2,c#:g,go)").label(3)).isEqualTo("c2");
        assertThat(Pattern.parse("chain(4)")).isEqualTo(Pattern.parse("chain(4,go)"));
        assertThatThrownBy(() -> Pattern.parse("chain(2,go,go)")).hasMessageContaining("one 'go'");
    }

    @Test
    void labelsMustBeUniqueKnownAndNotKeywords() {
        assertThatThrownBy(() -> Pattern.parse("g(a:g,a:g)")).hasMessageContaining("names two goroutines");
        assertThatThrownBy(() -> Pattern.parse("g(a:g(wait),ready(b))")).hasMessageContaining("ready(b) names no")
                .hasMessageContaining("labels: a");
        assertThatThrownBy(() -> Pattern.parse("g(wait:g)")).hasMessageContaining("not a keyword");
        assertThatThrownBy(() -> Pattern.parse("g(x#:g)")).hasMessageContaining("'#' only inside");
        assertThatThrownBy(() -> Pattern.parse("g(ready())")).hasMessageContaining("a label");
        // labels may start with a keyword, and ready may name a goroutine defined later
        Pattern p = Pattern.parse("g(g(ready(waiter)),waiter:g(wait))");
        assertThat(p.body(1)).containsExactly(new Pattern.Ready(2));
    }

    @Test
    void aPatternThatWouldDeadlockIsRefused() {
        assertThatThrownBy(() -> Pattern.parse("g(wait)")).hasMessageContaining("deadlocks")
                .hasMessageContaining("g0 waits forever at its wait #1 (readied 0 times, waits 1 times)")
                .hasMessageContaining("all goroutines are asleep");
        // each waits for the other before readying it
        assertThatThrownBy(() -> Pattern.parse("g(a:g(wait,ready(b)),b:g(wait,ready(a)))"))
                .hasMessageContaining("deadlocks").hasMessageContaining("g1 (a)").hasMessageContaining("g2 (b)");
        // w readies itself only after its wait; its child that would ready it is started after the wait
        assertThatThrownBy(() -> Pattern.parse("w:g(wait,ready(w))")).hasMessageContaining("deadlocks");
        assertThatThrownBy(() -> Pattern.parse("w:g(wait,g(ready(w)))")).hasMessageContaining("deadlocks")
                .hasMessageContaining("never runs");
        // a wake-up sent before the wait is buffered: no deadlock
        assertThat(Pattern.parse("w:g(ready(w),wait)").events()).isEqualTo(2);
        // more readies than waits: the spare wake-up stays in the buffer
        assertThat(Pattern.parse("w:g(g(ready(w)),g(ready(w)),wait)").readiedBy(0)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "fan(", "fan(x)", "fan(3", "g(3g)", "g(0*g)", "tree()", "g)", "g(,)", "fan(3)x",
            "g(yield*g)", "random()", "random(1,0)", "fan(9999999999999)", "mixed(1,0)", "g(ready)", "g(ready(x)",
            "g(2*(g,)", "g(wait(g))", "fan:g", "chain(3,)", "g(a:)"})
    void malformedExpressionsAreRefusedWithThePosition(String e) {
        assertThatThrownBy(() -> Pattern.parse(e)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern");
    }

    @Test
    void patternsAreBounded() {
        assertThatThrownBy(() -> Pattern.parse("fan(200000)")).hasMessageContaining("more than 200000");
        assertThatThrownBy(() -> Pattern.parse("tree(1000,1000)")).hasMessageContaining("more than 200000");
        assertThatThrownBy(() -> Pattern.parse("g(1000*fan(1000))")).hasMessageContaining("more than 200000");
        assertThatThrownBy(() -> Pattern.parse("g(1000*(1001*yield))")).hasMessageContaining("more than 1000000");
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
    void mixedPatternsAreReproducibleAndYieldWaitAndReady() {
        Pattern a = RandomPatterns.mixed(7, 800);
        assertThat(a.size()).isEqualTo(800);
        assertThat(RandomPatterns.mixed(7, 800)).isEqualTo(a);
        assertThat(a.name()).isEqualTo("mixed(7,800)");
        assertThat(Pattern.parse(a.expression())).isEqualTo(a);
        int yields = 0;
        int waits = 0;
        int withBoth = 0;
        for (int seed = 1; seed <= 30; seed++) {
            Pattern p = RandomPatterns.mixed(seed, 1000);
            yields += p.yields();
            waits += p.waits();
            withBoth += p.yields() > 0 && p.waits() > 0 ? 1 : 0;
            assertThat(p.readies()).isGreaterThanOrEqualTo(p.waits());
        }
        assertThat(yields).isGreaterThan(100);
        assertThat(waits).isGreaterThan(100);
        assertThat(withBoth).isGreaterThan(15);
        // a random pattern of go statements only is unchanged by the mixed kind
        assertThat(RandomPatterns.pattern(7, 800).synchronizes()).isFalse();
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
        assertThat(ci).filteredOn(Pattern::synchronizes).extracting(Pattern::name).contains("g(300*g(yield))",
                "m:g(100*g(ready(m)),100*wait)", "g(a:g(100*(ready(b),wait)),b:g(100*(wait,ready(a))))");
        assertThat(Patterns.ciRandom()).extracting(Pattern::name).contains("mixed(1,300)", "mixed(3,1000)");
    }
}
