package io.procspec.runtime;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code funcval}: the function a goroutine runs. {@code fn} is a synthetic entry PC, unique
 * per FuncVal, standing in for the code address Go stores ({@code newg.startpc = fn.fn}).
 */
public final class FuncVal {
    /** Synthetic text addresses, well above {@link Proc#GOEXIT_PC}. */
    private static final AtomicLong NEXT_PC = new AtomicLong(0x500000);

    public final long fn;
    public final Runnable body;

    public FuncVal(Runnable body) {
        this.body = Objects.requireNonNull(body, "go of nil func value");
        this.fn = NEXT_PC.getAndAdd(16);
    }

    @Override
    public String toString() {
        return "funcval@0x" + Long.toHexString(fn);
    }
}
