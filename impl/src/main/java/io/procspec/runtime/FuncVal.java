package io.procspec.runtime;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code funcval}: the function a goroutine runs. {@code fn} is a synthetic entry PC standing
 * in for the code address Go stores ({@code newg.startpc = fn.fn}): one per function, that is per
 * class of the body (each lambda expression and each Runnable or {@link Steps} class is one
 * function), as every closure of one Go function shares its code address.
 *
 * <p>A G runs either a {@link Runnable} to completion ({@code go(Runnable)}: {@link #body}), or a
 * {@link Steps} body that hands control back to the scheduler between steps ({@link #steps});
 * exactly one of the two is set.
 *
 * <p>A FuncVal made with a constructor is never changed by procspec. Each {@link G} also owns one
 * ({@code G.fnbuf}) that {@link Proc#newproc(P, Runnable, G)} fills with the caller's Runnable,
 * so that {@code go f()} allocates nothing but the caller's closure, as in Go, where the funcval
 * is the closure itself; that one is rewritten whenever its G is reused, and cleared when the G
 * starts running.
 */
public final class FuncVal {
    /** Synthetic text addresses, well above {@link Arch#GOEXIT_PC}. */
    private static final AtomicLong NEXT_PC = new AtomicLong(0x500000);
    /** The synthetic entry PC of each function (class), given out once. */
    private static final ClassValue<Long> PC = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            return NEXT_PC.getAndAdd(16);
        }
    };

    /** The function's synthetic entry PC. Written only by the constructors and by {@link #set}. */
    public long fn;
    /** The function given to {@code go(Runnable)}, or null for a G in steps. Written only by the constructor and {@link #set}/{@link #clear}. */
    public Runnable body;
    /** The body in steps, or null for a {@link #body} that runs to completion. */
    public final Steps steps;

    /** A function that runs to completion. */
    public FuncVal(Runnable body) {
        this.body = Objects.requireNonNull(body, "go of nil func value");
        this.steps = null;
        this.fn = PC.get(body.getClass());
    }

    /** A body in steps. */
    public FuncVal(Steps steps) {
        this.body = null;
        this.steps = Objects.requireNonNull(steps, "go of nil func value");
        this.fn = PC.get(steps.getClass());
    }

    /** A G's own funcval, empty until newproc1 fills it. */
    FuncVal() {
        this.steps = null;
    }

    /** The class whose PC {@link #fn} holds, so that refilling with the same function skips the lookup. */
    private Class<?> fnClass;

    /** Fills a G's own funcval with {@code body} (newproc1, by the P that owns the G). */
    FuncVal set(Runnable body) {
        Class<?> c = body.getClass();
        if (c != fnClass) {
            fn = PC.get(c);
            fnClass = c;
        }
        this.body = body;
        return this;
    }

    /** Drops the closure of a G's own funcval once it has been taken, so a free G keeps nothing alive. */
    void clear() {
        this.body = null;
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
