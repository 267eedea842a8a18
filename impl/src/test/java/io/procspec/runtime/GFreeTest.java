package io.procspec.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.procspec.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.*;

/** gfput / gfget / gfpurge: thresholds, stack preference, startingStackSize changes, accounting. */
class GFreeTest {

    /** A dead G with a standard stack, as goexit leaves it. */
    static G deadWithStack(Proc proc, int size) {
        G g = proc.malg(size);
        proc.casgstatus(g, G._Gidle, G._Gdead);
        return g;
    }

    @ParameterizedTest
    @EnumSource(value = GoVersion.class, names = {"GO1_14", "GO1_21"})
    void gfputSpillsAt64DownToBelow32(GoVersion v) {
        Proc proc = new Proc(new ProcConfig().nprocs(1).goVersion(v).checked(true));
        P pp = proc.allp[0];
        for (int i = 0; i < 63; i++) {
            proc.gfput(pp, deadWithStack(proc, 2048));
        }
        assertThat(pp.gFree.n).isEqualTo(63);
        assertThat(proc.sched.gFree.n).isZero();
        proc.gfput(pp, deadWithStack(proc, 2048));
        assertThat(pp.gFree.n).isEqualTo(31);
        assertThat(proc.sched.gFree.n).isEqualTo(33);
        assertThat(pp.gFree.length()).isEqualTo(pp.gFree.n);
        assertThat(proc.sched.gFree.stack.length() + proc.sched.gFree.noStack.length()).isEqualTo(33);
    }

    @Test
    void gfputFreesNonStandardStacksAndSplitsGlobalLists() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).gfree(4, 2, 2).checked(true));
        P pp = proc.allp[0];
        G big = deadWithStack(proc, 8192);
        G std1 = deadWithStack(proc, 2048);
        G std2 = deadWithStack(proc, 2048);
        G std3 = deadWithStack(proc, 2048);
        proc.gfput(pp, std1);
        proc.gfput(pp, big);
        assertThat(big.stack.present()).as("non-standard stack freed").isFalse();
        proc.gfput(pp, std2);
        proc.gfput(pp, std3); // 4 >= localMax: pop std3, std2, big (n 4→1) to the global lists
        assertThat(pp.gFree.n).isEqualTo(1);
        assertThat(proc.sched.gFree.stack.toList()).containsExactlyInAnyOrder(std3, std2);
        assertThat(proc.sched.gFree.noStack.toList()).containsExactly(big);
        assertThat(proc.stacks.inUse()).isEqualTo(3);
    }

    @Test
    void gfgetRefillsUpTo32PreferringStacks() {
        Proc proc = new Proc(new ProcConfig().nprocs(2).checked(true));
        P p0 = proc.allp[0];
        P p1 = proc.allp[1];
        List<G> noStack = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            G g = deadWithStack(proc, 4096); // freed by gfput: not the starting size
            noStack.add(g);
            proc.gfput(p0, g);
        }
        for (int i = 0; i < 44; i++) {
            proc.gfput(p0, deadWithStack(proc, 2048));
        }
        // 64th put spilled: 33 to the global lists
        int global = proc.sched.gFree.n;
        assertThat(global).isEqualTo(33);
        int withStack = proc.sched.gFree.stack.length();
        G got = proc.gfget(p1);
        assertThat(got).isNotNull();
        assertThat(p1.gFree.n + 1).isEqualTo(Math.min(32, global));
        assertThat(got.stack.present()).isTrue();
        // the stacks were preferred: all with-stack Gs moved before any without
        int movedNoStack = 32 - Math.min(32, withStack);
        assertThat(proc.sched.gFree.noStack.length()).isEqualTo(global - withStack - movedNoStack);
        assertThat(new HashSet<>(p1.gFree.toList())).doesNotContain(got);
    }

    @Test
    void gfgetAllocatesStackForStacklessAndReplacesWrongSize() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).checked(true));
        P pp = proc.allp[0];
        G g = deadWithStack(proc, 2048);
        proc.gfput(pp, g);
        proc.setStartingStackSize(8192);
        G got = proc.gfget(pp);
        assertThat(got).isSameAs(g);
        assertThat(got.stack.size()).isEqualTo(8192);
        assertThat(got.stackguard0).isEqualTo(got.stack.lo() + Arch.StackGuard);
        assertThat(proc.stacks.allocated()).isEqualTo(2);
        assertThat(proc.stacks.freed()).isEqualTo(1);
        assertThat(proc.gfget(pp)).isNull();
    }

    @Test
    void gfpurgeMovesEverythingToTheGlobalLists() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).checked(true));
        P pp = proc.allp[0];
        G a = deadWithStack(proc, 2048);
        G b = deadWithStack(proc, 4096);
        proc.gfput(pp, a);
        proc.gfput(pp, b);
        proc.gfpurge(pp);
        assertThat(pp.gFree.n).isZero();
        assertThat(pp.gFree.empty()).isTrue();
        assertThat(proc.sched.gFree.n).isEqualTo(2);
        assertThat(proc.sched.gFree.stack.toList()).containsExactly(a);
        assertThat(proc.sched.gFree.noStack.toList()).containsExactly(b);
    }

    @Test
    void gfputRefusesLiveGAndDoublePutLeavingListsUnchanged() {
        Proc proc = new Proc(new ProcConfig().nprocs(1).checked(true));
        P pp = proc.allp[0];
        G live = proc.malg(2048);
        proc.casgstatus(live, G._Gidle, G._Gdead);
        proc.casgstatus(live, G._Gdead, G._Grunnable);
        assertThatIllegalStateException().isThrownBy(() -> proc.gfput(pp, live))
                .withMessage("gfput: bad status (not Gdead)");
        assertThat(pp.gFree.n).isZero();
        G dead = deadWithStack(proc, 2048);
        proc.gfput(pp, dead);
        // the head of the free list: a cheap check sees it
        assertThatIllegalStateException().isThrownBy(() -> proc.gfput(pp, dead))
                .withMessage("gfput: " + dead + " is already on p0's free list");
        // the bottom of a longer list has no schedlink and is not the head: only checked mode sees it
        G top = deadWithStack(proc, 2048);
        proc.gfput(pp, top);
        assertThatIllegalStateException().isThrownBy(() -> proc.gfput(pp, dead))
                .withMessage("gfput: " + dead + " is already free (checked mode)");
        assertThat(pp.gFree.n).isEqualTo(2);
        assertThat(pp.gFree.toList()).containsExactly(top, dead);
        assertThatNullPointerException().isThrownBy(() -> proc.gfput(pp, null)).withMessage("gfput: nil g");
    }

    @Test
    void stackAccountingBalances() {
        Proc proc = new Proc(new ProcConfig().nprocs(2).gfree(8, 4, 4));
        List<G> running = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            P pp = proc.allp[round % 2];
            for (int i = 0; i < 7; i++) {
                G g = proc.newproc1(pp, new FuncVal(() -> {}), null, 0);
                running.add(g);
            }
            if (round == 20) {
                proc.setStartingStackSize(4096);
            }
            if (round == 35) {
                proc.setStartingStackSize(2048);
            }
            while (running.size() > 3) {
                G g = running.remove(running.size() - 1);
                proc.casgstatus(g, G._Grunnable, G._Gdead);
                proc.gfput(proc.allp[(round + 1) % 2], g);
            }
        }
        long held = proc.allgs().stream().filter(g -> g.stack.present()).count();
        assertThat(proc.stacks.inUse()).isEqualTo(held);
        assertThat(proc.stacks.allocated() - proc.stacks.freed()).isEqualTo(held);
    }
}
