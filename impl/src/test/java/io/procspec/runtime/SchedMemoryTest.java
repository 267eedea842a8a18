package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded: dead Gs are recycled through gfput/gfget, so the number of G objects ever
 * made (allgs) is bounded by the Gs alive at once plus what the free lists may hold, however many
 * Gs are created; and every stack allocated and not freed is held by a G.
 */
class SchedMemoryTest {

    static void chain(Sched s, AtomicLong ran, int left, Runnable atHalf, long half) {
        if (ran.incrementAndGet() == half) {
            atHalf.run();
        }
        if (left > 0) {
            s.go(() -> chain(s, ran, left - 1, atHalf, half));
        }
    }

    /**
     * 10,000,000 Gs as 5,000 chains of 2,000: a chain G spawns its successor and exits, so a chain
     * has at most two Gs not yet back on a free list (the one exiting and its successor), plus at
     * most one G per M between its exit and gfput. Half-way the starting stack size doubles, so
     * gfput and gfget free the old stacks and allocate new ones.
     */
    @Test
    @Timeout(170)
    void tenMillionGsWithAtMostTenThousandAliveLeaveBoundedGsAndNoLeakedStacks() throws Exception {
        int nprocs = 2;
        int chains = 5_000;
        int length = 2_000;
        long total = (long) chains * length;
        Sched s = new Sched().start(nprocs);
        Proc proc = s.proc();
        AtomicLong ran = new AtomicLong();
        AtomicBoolean resized = new AtomicBoolean();
        Runnable atHalf = () -> {
            proc.setStartingStackSize(2 * Arch.StackMin);
            resized.set(true);
        };
        for (int c = 0; c < chains; c++) {
            s.go(() -> chain(s, ran, length - 1, atHalf, total / 2));
        }
        Quiesce.await(s);

        assertThat(ran.get()).isEqualTo(total);
        assertThat(resized).isTrue();
        ProcConfig cfg = proc.config();
        long maxAlive = 2L * chains + nprocs;
        // Free-list bounds: each P's list stays below localMax (gfput spills at localMax), the
        // injection P holds at most one refill, and gfget's unlocked emptiness check of the global
        // lists may miss one spill batch that is being pushed (it then allocates instead).
        long freeBound = (long) nprocs * cfg.gfreeLocalMax + cfg.gfreeRefill + cfg.gfreeLocalMax;
        List<G> all = proc.allgs();
        assertThat((long) all.size()).as("G objects ever made").isLessThanOrEqualTo(maxAlive + freeBound);

        Sched.Stats st = s.stats();
        assertThat(st.gsCreated()).isEqualTo(total);
        assertThat(st.gsRun()).isEqualTo(total);
        assertThat(st.gsAllocated()).isEqualTo(all.size());
        assertThat(st.stacksFreed()).as("old-size stacks freed after the resize").isPositive();
        long held = all.stream().filter(g -> g.stack.present()).count();
        assertThat(st.stacksInUse()).as("stacks allocated - freed == stacks held").isEqualTo(held);
        assertThat(proc.stacks.inUse()).isEqualTo(held);
        assertThat(s.shutdown()).isEmpty();
        System.out.printf("10M Gs: %d G objects (bound %d), %d stacks allocated, %d freed%n",
                all.size(), maxAlive + freeBound, st.stacksAllocated(), st.stacksFreed());
    }

    /** Gs spawned and finished in waves reuse the same G objects: allgs does not grow per wave. */
    @Test
    @Timeout(60)
    void wavesReuseTheSameGs() throws Exception {
        Sched s = new Sched(new ProcConfig().checked(true)).start(2);
        AtomicLong ran = new AtomicLong();
        s.go(() -> {
            for (int i = 0; i < 1000; i++) {
                s.go(ran::incrementAndGet);
            }
        });
        Quiesce.await(s);
        for (int wave = 0; wave < 20; wave++) {
            s.go(() -> {
                for (int i = 0; i < 1000; i++) {
                    s.go(ran::incrementAndGet);
                }
            });
            Quiesce.await(s);
        }
        assertThat(ran.get()).isEqualTo(21_000);
        // at most 1001 Gs of a wave are alive at once (+1 per M exiting one); free-list bounds as above
        assertThat(s.proc().allgs().size()).isLessThanOrEqualTo(1001 + 2 + 2 * 64 + 32 + 64);
        assertThat(s.stats().gsReused()).isGreaterThan(15_000);
        assertThat(s.shutdown()).isEmpty();
    }
}
