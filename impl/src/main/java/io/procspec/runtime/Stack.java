package io.procspec.runtime;

/**
 * A goroutine stack descriptor: Go's {@code stack{lo, hi}} bounds {@code [lo, hi)} of a block handed
 * out by a {@link StackAllocator}. No memory is behind it; the addresses are unique and aligned so
 * that frame arithmetic ({@code newproc1}'s {@code sp}) can be checked.
 *
 * @param lo  lowest address (0 only for {@link #NONE})
 * @param hi  one past the highest address
 * @param id  the allocator's serial number for this block, for leak accounting
 */
public record Stack(long lo, long hi, long id) {
    /** @throws IllegalArgumentException if {@code hi < lo} */
    public Stack {
        if (hi < lo) {
            throw new IllegalArgumentException("stack: hi " + hi + " below lo " + lo);
        }
    }

    /** The zero stack: a G whose stack was freed ({@code gp.stack.lo == 0}). */
    public static final Stack NONE = new Stack(0, 0, 0);

    /** {@code hi - lo}. */
    public long size() {
        return hi - lo;
    }

    /** Whether this descriptor holds a stack ({@code lo != 0}). */
    public boolean present() {
        return lo != 0;
    }
}
