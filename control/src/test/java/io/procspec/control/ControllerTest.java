package io.procspec.control;

import io.procspec.runtime.G;
import io.procspec.runtime.Labels;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControllerTest {

    /** Two owners' runqput on their own Ps, interleaved step by step as the schedule says. */
    private static Controller.Run putTwice(Schedule s, ExecutorService pool, List<String> seen) {
        Controller ctl = new Controller(s);
        if (pool != null) {
            ctl.executor(pool);
        }
        Proc proc = new Proc(new ProcConfig().nprocs(2).ringSize(4).point(ctl));
        G a = Fixtures.runnable(1);
        G b = Fixtures.runnable(2);
        ctl.thread("P1", () -> proc.runqput(proc.allp[0], a, false));
        ctl.thread("P2", () -> proc.runqput(proc.allp[1], b, false));
        Controller.Run r = ctl.run();
        seen.add(proc.allp[0].runqsize() + "/" + proc.allp[1].runqsize());
        return r;
    }

    @Test
    void aRunFollowsTheScheduleAndRecordsEveryStep() {
        List<String> seen = new ArrayList<>();
        Controller.Run r = putTwice(Schedule.nonPreemptive(), null, seen);
        assertThat(r.failure()).isNull();
        assertThat(r.steps()).extracting(Controller.Step::label).containsExactly(
                Labels.RUNQPUT_LOADHEAD, Labels.RUNQPUT_STORE, Labels.RUNQPUT_STORETAIL,
                Labels.RUNQPUT_LOADHEAD, Labels.RUNQPUT_STORE, Labels.RUNQPUT_STORETAIL);
        assertThat(seen).containsExactly("1/1");
    }

    @Test
    void stopEndsARunEarlyAndReleasesTheParkedThreads() {
        List<String> seen = new ArrayList<>();
        Controller.Run r = putTwice((step, options, last) -> step == 2 ? Schedule.STOP : 0, null, seen);
        assertThat(r.failure()).isNull();
        assertThat(r.steps()).hasSize(2);
        assertThat(seen).containsExactly("0/0"); // P1 stopped before its store of tail
    }

    @Test
    void theScheduleSeesWhereEachThreadIsParked() {
        List<String> labels = new ArrayList<>();
        Controller[] ctl = new Controller[1];
        ctl[0] = new Controller((step, options, last) -> {
            labels.add(ctl[0].labelOf(0) + "," + ctl[0].finished(0));
            return 0;
        });
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(4).point(ctl[0]));
        ctl[0].thread("P1", () -> proc.runqput(proc.allp[0], Fixtures.runnable(1), false));
        assertThat(ctl[0].run().failure()).isNull();
        assertThat(labels).containsExactly(Labels.RUNQPUT_LOADHEAD + ",false", Labels.RUNQPUT_STORE + ",false",
                Labels.RUNQPUT_STORETAIL + ",false");
        assertThat(ctl[0].finished(0)).isTrue();
        assertThat(ctl[0].failure()).isNull();
    }

    @Test
    void aScheduleByThreadReplaysTheThreadsOfEachStepAndThenStops() {
        List<String> seen = new ArrayList<>();
        Controller.Run r = putTwice(Schedule.byThread(List.of(1, 0, 1, 1)), null, seen);
        assertThat(r.failure()).isNull();
        assertThat(r.steps()).extracting(Controller.Step::thread).containsExactly(1, 0, 1, 1);
        assertThat(seen).containsExactly("0/1");
    }

    @Test
    void pooledThreadsRunManyRunsAlike() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < 50; i++) {
                List<String> seen = new ArrayList<>();
                Controller.Run r = putTwice(Schedule.of(List.of(0, 1, 1, 0)), pool, seen);
                assertThat(r.failure()).isNull();
                assertThat(r.steps()).hasSize(6);
                assertThat(seen).containsExactly("1/1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExceptionInALogicalThreadIsTheRunsFailure() {
        Controller ctl = new Controller(Schedule.nonPreemptive());
        Proc proc = new Proc(new ProcConfig().nprocs(1).ringSize(4).point(ctl));
        G dead = Fixtures.runnable(1);
        Fixtures.forceStatus(dead, G._Gdead);
        ctl.thread("P1", () -> proc.runqput(proc.allp[0], dead, false));
        Controller.Run r = ctl.run();
        assertThat(r.failure()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not runnable");
    }
}
