package io.procspec.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code stackalloc}/{@code stackfree}, as bookkeeping: every allocation gets a fresh,
 * page-aligned address range and a serial number; every allocation and free is counted, so tests
 * can prove that no stack leaks ({@code allocated - freed == held}) and none is freed twice.
 * Thread-safe: Ps allocate and free concurrently.
 */
public final class StackAllocator {
    /** Address of the first block; nonzero so that {@code lo == 0} means "no stack" as in Go. */
    static final long BASE = 0xc000000000L;
    /** Gap between blocks, so that adjacent stacks never touch. */
    static final long GUARD = 4096;

    private final AtomicLong next = new AtomicLong(BASE);
    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong freed = new AtomicLong();
    private final AtomicLong bytesInUse = new AtomicLong();
    private final java.util.Set<Long> live;

    /** @param trackLive whether to remember live blocks so a double free throws (tests; costs a map). */
    public StackAllocator(boolean trackLive) {
        this.live = trackLive ? java.util.concurrent.ConcurrentHashMap.newKeySet() : null;
    }

    /** stackalloc: a new stack of {@code n} bytes ({@code n} a power of two, as Go requires). */
    public Stack stackalloc(long n) {
        if (n <= 0 || (n & (n - 1)) != 0) {
            throw new IllegalStateException("stackalloc: bad size " + n + " (must be a power of two)");
        }
        // round the block so every stack's hi is n-aligned, as Go's stack spans are
        long span = Math.max(n, GUARD) + GUARD;
        long lo = next.getAndAdd(span);
        lo = (lo + n - 1) & -n;
        Stack s = new Stack(lo, lo + n, serial.incrementAndGet());
        allocated.incrementAndGet();
        bytesInUse.addAndGet(n);
        if (live != null) {
            live.add(s.id());
        }
        return s;
    }

    /**
     * stackfree.
     *
     * @throws IllegalStateException "stackfree: no stack" for {@link Stack#NONE}; a stack this
     *                               allocator never handed out; with live tracking, a double free.
     *                               The counters are unchanged.
     */
    public void stackfree(Stack s) {
        if (s == null) {
            throw new NullPointerException("stackfree: nil stack");
        }
        if (!s.present()) {
            throw new IllegalStateException("stackfree: no stack");
        }
        checkOwned("stackfree", s);
        if (live != null && !live.remove(s.id())) {
            throw new IllegalStateException("stackfree: stack " + s.id() + " freed twice or never allocated");
        }
        freed.incrementAndGet();
        bytesInUse.addAndGet(-s.size());
    }

    /**
     * Refuses, with nothing changed, a present stack that this allocator did not hand out (its
     * serial number is not one of ours) or, with live tracking, one already freed: what
     * {@link #stackfree} would refuse, checked by an operation before it changes anything.
     *
     * @param fn the operation, for the message ("FN: stack N was not allocated by this allocator")
     */
    void checkOwned(String fn, Stack s) {
        if (s.id() <= 0 || s.id() > serial.get()) {
            throw new IllegalStateException(fn + ": stack " + s.id() + " was not allocated by this allocator");
        }
        if (live != null && !live.contains(s.id())) {
            throw new IllegalStateException(fn + ": stack " + s.id() + " was freed already");
        }
    }

    public long allocated() {
        return allocated.get();
    }

    public long freed() {
        return freed.get();
    }

    /** {@code allocated() - freed()}: stacks that some G should still hold. */
    public long inUse() {
        return allocated.get() - freed.get();
    }

    public long bytesInUse() {
        return bytesInUse.get();
    }
}
