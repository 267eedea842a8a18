package io.procspec.oracle;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated Go source; that it compiles and runs is checked on every toolchain by {@link OracleLayerTest}. */
class GoProgramTest {

    @Test
    void tablesHoldEachGoroutinesBody() {
        String src = GoProgram.source(List.of(Pattern.parse("fan(2)"), Pattern.parse("g(g,yield)")));
        assertThat(src).contains("package main", "func run(id int32)", "go run(op)", "runtime.Gosched()");
        // fan(2): g0's body is ops[0:2] = go 1, go 2; g1 and g2 have empty bodies
        assertThat(src.replaceAll("\\s+", "")).contains("name:\"fan(2)\",first:[]int32{0,2,2,2},ops:[]int32{1,2},");
        // g(g,yield): g0 = go 1, Gosched
        assertThat(src.replaceAll("\\s+", "")).contains("name:\"g(g,yield)\",first:[]int32{0,2,2},ops:[]int32{1,-1},");
        assertThat(src).contains("//\t0\tfan(2)\t(3 goroutines)", "//\t1\tg(g,yield)\t(2 goroutines)");
    }

    @Test
    void waitAndReadyAreAReceiveAndASendOnTheWaitersChannel() {
        String src = GoProgram.source(List.of(Pattern.parse("m:g(2*g(ready(m)),2*wait)")));
        // g0 = go 1, go 2, wait, wait; g1, g2 = ready(g0) = -3-0
        assertThat(src.replaceAll("\\s+", "")).contains("first:[]int32{0,4,5,6},ops:[]int32{1,2,-2,-2,-3,-3},");
        assertThat(src).contains("<-chans[id]", "chans[-3-op] <- struct{}{}", "make(chan struct{}, c)",
                "caps[-3-op]++");
        assertThat(GoProgram.op(new Pattern.Ready(7))).isEqualTo(-10);
        assertThat(GoProgram.op(new Pattern.Wait())).isEqualTo(-2);
        assertThat(GoProgram.op(new Pattern.Yield())).isEqualTo(-1);
        assertThat(GoProgram.op(new Pattern.Spawn(4))).isEqualTo(4);
    }

    @Test
    void theProgramChecksItsSettingsAndNamesThem() {
        String src = GoProgram.source(List.of(Pattern.parse("fan(2)")));
        assertThat(GoProgram.envPrefix()).isEqualTo("GOMAXPROCS=1 GOGC=off GODEBUG=asyncpreemptoff=1");
        assertThat(src).contains("runtime.GOMAXPROCS(0) != 1", "os.Getenv(\"GOGC\") != \"off\"",
                "\",asyncpreemptoff=1,\"", "run with " + GoProgram.envPrefix());
        assertThat(src).contains(GoProgram.OUTPUT_TAG + " pattern=");
        assertThat(src).doesNotContain("%s", "%n");
    }

    @Test
    void namesAreGoStringLiterals() {
        assertThat(GoProgram.goString("fan(3)")).isEqualTo("\"fan(3)\"");
        assertThat(GoProgram.goString("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
    }

    @Test
    void emptyOrAmbiguousProgramsAreRefused() {
        assertThatThrownBy(() -> GoProgram.source(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoProgram.source(List.of(Pattern.parse("fan(2)"), Pattern.parse("fan(2)"))))
                .hasMessageContaining("distinct");
    }

    @Test
    void largeTablesWrapLines() {
        String src = GoProgram.source(List.of(Pattern.parse("fan(1000)")));
        assertThat(src.lines().mapToInt(String::length).max().orElse(0)).isLessThan(200);
    }
}
