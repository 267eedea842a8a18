package io.procspec.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The peer for measuring the scheduling-point hook: Go's runqput fast path and runqget ring path
 * with the same VarHandle orderings as {@code io.procspec.runtime.P}, but with no hook calls and no
 * runnext, misuse checks or spill. Elements are plain Objects. Owner-only put; get by the owner.
 */
final class PlainRing {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(PlainRing.class, "head", int.class);
            TAIL = l.findVarHandle(PlainRing.class, "tail", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private int head;
    @SuppressWarnings("unused")
    private int tail;
    private final Object[] ring;
    private final int mask;

    PlainRing(int size) {
        ring = new Object[size];
        mask = size - 1;
    }

    boolean put(Object x) {
        int h = (int) HEAD.getAcquire(this);
        int t = (int) TAIL.get(this);
        if (Integer.compareUnsigned(t - h, ring.length) >= 0) {
            return false;
        }
        ring[t & mask] = x;
        TAIL.setRelease(this, t + 1);
        return true;
    }

    Object get() {
        for (;;) {
            int h = (int) HEAD.getAcquire(this);
            int t = (int) TAIL.get(this);
            if (t == h) {
                return null;
            }
            Object x = ring[h & mask];
            if ((int) HEAD.compareAndExchangeRelease(this, h, h + 1) == h) {
                return x;
            }
        }
    }
}
