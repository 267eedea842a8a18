package io.procspec.runtime;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code funcval}: the function a goroutine runs. {@code fn} is a synthetic entry PC, unique
 * per FuncVal, standing in for the code address Go stores ({@code newg.startpc = fn.fn}).
 *
 * <p>A G runs either a {@link Runnable} to completion ({@code go(Runnable)}: {@link #body}), or a
 * {@link Steps} body that hands control back to the scheduler between steps ({@link #steps});
 * exactly one of the two is set.
 */
public final class FuncVal {
    /** Synthetic text addresses, well above {@link Arch#GOEXIT_PC}. */
    private static final AtomicLong NEXT_PC = new AtomicLong(0x500000);

    public final long fn;
    /** The function given to {@code go(Runnable)}, or null for a G in steps. */
    public final Runnable body;
    /** The body in steps, or null for a {@link #body} that runs to completion. */
    public final Steps steps;

    /** A function that runs to completion. */
    public FuncVal(Runnable body) {
        this.body = Objects.requireNonNull(body, "body");
        this.steps = null;
        this.fn = NEXT_PC.getAndAdd(16);
    }

    /** A body in steps. */
    public FuncVal(Steps steps) {
        this.body = null;
        this.steps = Objects.requireNonNull(steps, "steps");
        this.fn = NEXT_PC.getAndAdd(16);
    }

    /** What the G was started with: the {@link Runnable} or the {@link Steps}. */
    public Object function() {
        return body != null ? body : steps;
    }

    @Override
    public String toString() {
        return "funcval@0x" + Long.toHexString(fn);
    }
}
