package io.procspec.stress;

import io.procspec.runtime.Arch;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Proc;

/**
 * The {@link ProcConfig}s the tests share. Rings are tiny so that "full", "last G" and the wrap
 * are one or two operations away; the runnext back-off is off because it only slows the race down
 * (and a stand-alone P is {@code _Pidle}, so runqgrab would not back off anyway).
 */
public final class Configs {
    private Configs() {}

    /**
     * The label pass's counting hook ({@code tools.LabelPass}): set only in a JVM started with
     * {@code -Dprocspec.stress.labels=true} (the runner's own JVM, which runs each test's actors once,
     * one after the other, to count the step labels they take). jcstress's forked JVMs never set it,
     * so the tests race with the production no-op hook.
     */
    public static final LabelCounter LABELS = Boolean.getBoolean("procspec.stress.labels") ? new LabelCounter() : null;

    /** Counts step labels (a SchedPoint that does nothing else). */
    public static final class LabelCounter implements io.procspec.runtime.SchedPoint {
        public final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> counts =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void at(String label) {
            counts.computeIfAbsent(label, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        }
    }

    private static ProcConfig base(int ring) {
        ProcConfig c = new ProcConfig().nprocs(1).ringSize(ring).runnextBackoffNanos(0);
        return LABELS == null ? c : c.point(LABELS);
    }

    /** Ring of 4, counters at 0, Go 1.21. */
    public static ProcConfig ring4() {
        return base(4);
    }

    /** Ring of 8, counters at 0, Go 1.21. */
    public static ProcConfig ring8() {
        return base(8);
    }

    /** Ring of 4 with the counters at 2^32 − 5 (tests then advance them to 2^32 − 1, so the race crosses the wrap). */
    public static ProcConfig ring4Wrap() {
        return ring4().counterStart(-5);
    }

    /** Ring of 4, Go 1.14's runqget (retries the runnext CAS). */
    public static ProcConfig ring4Go114() {
        return ring4().goVersion(GoVersion.GO1_14);
    }

    /** Where the wrap tests put the counters before the race: 2^32 − 1, so the next move crosses 0. */
    public static final int JUST_BEFORE_WRAP = -1;

    /** The function every test goroutine "runs". */
    public static final FuncVal FN = new FuncVal(() -> { });

    /** Stack size newproc1 gives a G here (Go's _StackMin). */
    static final long STACK = Arch.StackMin;

    /**
     * The publication check for a G made by {@code newproc1(pp, FN, null, 0)} on a fresh Proc:
     * one bit per group of fields, 31 when everything newproc1 wrote is visible.
     * <ul>
     *   <li>1: goid is 1 (the first goid of a fresh sched.goidgen)</li>
     *   <li>2: startpc is FN's entry</li>
     *   <li>4: the stack is present and of the starting size</li>
     *   <li>8: the context: sched.sp below stack.hi by newproc1's frame and gostartcall's push,
     *       sched.pc = FN, ctxt = FN, retaddr = goexit+1</li>
     *   <li>16: status _Grunnable</li>
     * </ul>
     */
    public static int fieldsVisible(G g) {
        int m = 0;
        if (g.goid == 1) {
            m |= 1;
        }
        if (g.startpc == FN.fn) {
            m |= 2;
        }
        if (g.stack.present() && g.stack.size() == STACK) {
            m |= 4;
        }
        if (g.stack.present() && g.sched.sp == g.stack.hi() - 4L * Arch.PtrSize - Arch.PtrSize
                && g.sched.pc == FN.fn && g.sched.ctxt == FN && g.sched.retaddr == Arch.GOEXIT_PC + Arch.PCQuantum) {
            m |= 8;
        }
        if (g.readgstatus() == G._Grunnable) {
            m |= 16;
        }
        return m;
    }

    /** All of {@link #fieldsVisible}'s bits. */
    public static final int ALL_VISIBLE = 31;
}
