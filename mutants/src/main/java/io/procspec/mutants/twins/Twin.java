package io.procspec.mutants.twins;

import io.procspec.mutants.QueueOps;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Mutex;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.SchedPoint;
import io.procspec.runtime.StackAllocator;
import io.procspec.runtime.Schedt;

import java.util.Map;

/**
 * The base of every Java twin: a {@link QueueOps} bound to one {@link Proc} whose fields carry the
 * names Proc's own code uses ({@code point}, {@code sched}, {@code stacks}, {@code cfg},
 * {@code goVersion}, {@code checked}, {@code where}, {@code lock}/{@code unlock}), so that a twin's
 * methods are textual copies of Proc's, differing only in the lines marked {@code // BUG}
 * ({@code TwinsMatchOriginalsTest} keeps them so).
 *
 * <p>Twins run with checked mode off: they cannot keep Proc's private bookkeeping map, so
 * {@code checked} is false and {@code where} is never used.
 */
public abstract class Twin implements QueueOps {

    /** Proc's {@code cfg} fields that its methods read, under the same names. */
    public static final class Cfg {
        public final int gfreeLocalMax;
        public final int gfreeLocalKeep;
        public final int gfreeRefill;
        public final int goidBatch;
        public final long runnextBackoffNanos;

        Cfg(ProcConfig c) {
            gfreeLocalMax = c.gfreeLocalMax();
            gfreeLocalKeep = c.gfreeLocalKeep();
            gfreeRefill = c.gfreeRefill();
            goidBatch = c.goidBatch();
            runnextBackoffNanos = c.runnextBackoffNanos();
        }
    }

    protected final Proc proc;
    protected final SchedPoint point;
    protected final Schedt sched;
    protected final StackAllocator stacks;
    protected final Cfg cfg;
    protected final GoVersion goVersion;
    protected final boolean checked = false;
    protected final Map<G, String> where = null;

    protected Twin(Proc proc) {
        if (proc.config().checkedMode()) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": a bug twin cannot run in checked mode (it does not keep Proc's bookkeeping)");
        }
        this.proc = proc;
        this.point = proc.point();
        this.sched = proc.sched;
        this.stacks = proc.stacks;
        this.cfg = new Cfg(proc.config());
        this.goVersion = proc.goVersion();
    }

    @Override
    public final Proc proc() {
        return proc;
    }

    @Override
    public final boolean supportsCheckedMode() {
        return false;
    }

    @Override
    public String toString() {
        return name();
    }

    /** Proc.lock: the scheduling point that begins the lock section, then lock(m). */
    protected final void lock(Mutex m, String label) {
        proc.lock(m, label);
    }

    protected final void unlock(Mutex m) {
        proc.unlock(m);
    }

    /** Proc.runqputslow (a twin that changes it overrides this). */
    protected boolean runqputslow(P pp, G gp, int h, int t) {
        return proc.runqputslow(pp, gp, h, t);
    }

    /** Proc.globrunqputbatch (sched.lock held). */
    protected final void globrunqputbatch(io.procspec.runtime.GQueue batch, int n) {
        proc.globrunqputbatch(batch, n);
    }

    /** Proc.startingStackSize (a volatile field in Proc). */
    protected final int startingStackSize() {
        return proc.startingStackSize();
    }

    /** Proc's checked-mode helpers: nothing to do without checked mode. */
    protected final Proc.Runqget taken(G gp, boolean inheritTime) {
        return new Proc.Runqget(gp, inheritTime);
    }

    protected final void checkQueueable(String fn, G gp) {
        if (gp == null) {
            throw new NullPointerException(fn + ": nil g");
        }
        int s = gp.readgstatus();
        if (s != G._Grunnable) {
            throw new IllegalStateException(fn + ": " + gp + " is not runnable (status " + G.statusName(s) + ")");
        }
    }

    /** usleep(3) of runqgrab's runnext back-off (Proc's private backoff). */
    protected static void backoff(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
