package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static io.procspec.runtime.G._Grunnable;

/**
 * Deliberately broken copies of {@link Proc}'s run-queue functions, each with exactly one bug, so
 * that the {@code io.procspec.stress.broken} jcstress tests can show the suite detects it. Never
 * used by anything but those tests.
 *
 * <p>{@link P} has no plain setters for {@code runqhead}, {@code runqtail} and {@code runnext}
 * (rightly: nothing correct needs them), so the bugs reach the fields through a private lookup
 * (the classes share the unnamed module, whose packages are open).
 */
public final class BrokenRunq {
    private BrokenRunq() {}

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(P.class, MethodHandles.lookup());
            HEAD = l.findVarHandle(P.class, "runqhead", int.class);
            TAIL = l.findVarHandle(P.class, "runqtail", int.class);
            NEXT = l.findVarHandle(P.class, "runnext", G.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void checkRunnable(G gp) {
        if (gp.readgstatus() != _Grunnable) {
            throw new IllegalStateException("not runnable: " + gp);
        }
    }

    /**
     * runqput's fast path with a plain store of runqtail instead of the store-release
     * ({@code pp.runqtail = t + 1} for {@code atomic.StoreRel}). Nothing orders the slot write (or
     * the G's fields, written before the put) before the tail store, for the JIT or the CPU. On x86
     * (TSO) the hardware keeps stores in order, so only a JIT reordering could show it.
     */
    public static void runqputPlainTail(P pp, G gp) {
        checkRunnable(gp);
        int h = pp.lvRunqhead();
        int t = pp.lpRunqtail();
        if (Integer.compareUnsigned(t - h, pp.runq.length) >= 0) {
            throw new IllegalStateException("broken runqput: ring full (tests keep it small)");
        }
        pp.runq[t & pp.mask] = gp;
        TAIL.set(pp, t + 1); // BUG: plain store, no release
    }

    /**
     * runqput's fast path that publishes runqtail before writing the slot: a program-order bug that
     * shows on any hardware (a thief that sees the new tail reads the slot's old content).
     */
    public static void runqputTailBeforeSlot(P pp, G gp) {
        checkRunnable(gp);
        int h = pp.lvRunqhead();
        int t = pp.lpRunqtail();
        if (Integer.compareUnsigned(t - h, pp.runq.length) >= 0) {
            throw new IllegalStateException("broken runqput: ring full (tests keep it small)");
        }
        pp.soRunqtail(t + 1); // BUG: published before the slot is written
        pp.runq[t & pp.mask] = gp;
    }

    /**
     * runqget (Go 1.21) whose ring part advances runqhead with a store instead of a CAS: a thief
     * that took the same slot meanwhile is not noticed, and both own the G.
     */
    public static G runqgetNoCas(P pp) {
        G next = pp.lpRunnext();
        if (next != null && pp.casRunnext(next, null)) {
            return next;
        }
        int h = pp.lvRunqhead();
        int t = pp.lpRunqtail();
        if (t == h) {
            return null;
        }
        G gp = pp.runq[h & pp.mask];
        HEAD.setRelease(pp, h + 1); // BUG: no CAS, a concurrent consumer's move of head is overwritten
        return gp;
    }

    /**
     * runqget (Go 1.21) that takes runnext with a load and a store of null instead of a CAS: a
     * thief taking runnext at the same time is not noticed.
     */
    public static G runqgetRunnextNoCas(P pp) {
        G next = (G) NEXT.getVolatile(pp);
        if (next != null) {
            NEXT.setVolatile(pp, null); // BUG: no CAS
            return next;
        }
        int h = pp.lvRunqhead();
        int t = pp.lpRunqtail();
        if (t == h) {
            return null;
        }
        G gp = pp.runq[h & pp.mask];
        if (pp.casRelRunqhead(h, h + 1)) {
            return gp;
        }
        return null; // (a real runqget would retry; one attempt is enough here)
    }

    /**
     * runqgrab without the CAS that commits the consume: it copies the batch and then stores
     * {@code head = h + n}. Two consumers can copy the same slots.
     */
    static int runqgrabNoCas(P pp, G[] batch, int batchHead) {
        final G[] runq = pp.runq;
        final int bmask = batch.length - 1;
        for (;;) {
            int h = pp.lvRunqhead();
            int t = pp.lvRunqtail();
            int n = t - h;
            n = n - (n >>> 1);
            if (n == 0) {
                return 0;
            }
            if (Integer.compareUnsigned(n, runq.length / 2) > 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                batch[(batchHead + i) & bmask] = runq[(h + i) & pp.mask];
            }
            HEAD.setRelease(pp, h + n); // BUG: no CAS
            return n;
        }
    }

    /** runqsteal over {@link #runqgrabNoCas} (otherwise as Proc.runqsteal, runnext not stolen). */
    public static G runqstealNoCas(P pp, P p2) {
        int t = pp.lpRunqtail();
        int n = runqgrabNoCas(p2, pp.runq, t);
        if (n == 0) {
            return null;
        }
        n--;
        G gp = pp.runq[(t + n) & pp.mask];
        if (n == 0) {
            return gp;
        }
        pp.soRunqtail(t + n);
        return gp;
    }
}
