package io.procspec.runtime;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's runtime {@code mutex}: {@code lock}/{@code unlock}, with happens-before from an unlock to the
 * next lock. Not reentrant in Go; here a second lock by the holder throws, as Go's lock ranking
 * would report a self-deadlock.
 *
 * <p>{@link #lock()} follows Go's {@code lock2} (lock_futex.go) on a multiprocessor: try, then
 * spin {@value #ACTIVE_SPIN} times ({@code procyield(}{@value #ACTIVE_SPIN_CNT}{@code )} before
 * each try), then yield the processor {@value #PASSIVE_SPIN} time ({@code osyield}), and only then
 * sleep. sched.lock is held for a few instructions, so a waiter usually gets it without being
 * parked; a {@link ReentrantLock} alone parks a waiter at once and wakes it on unlock (two context
 * switches per contended acquisition).
 */
public final class Mutex {
    /** lock_futex.go: active_spin. */
    static final int ACTIVE_SPIN = 4;
    /** lock_futex.go: active_spin_cnt (PAUSE instructions per procyield). */
    static final int ACTIVE_SPIN_CNT = 30;
    /** lock_futex.go: passive_spin. */
    static final int PASSIVE_SPIN = 1;
    /** Go spins only when ncpu > 1. */
    private static final boolean MULTIPROCESSOR = Runtime.getRuntime().availableProcessors() > 1;

    private final String name;
    /** Non-fair (barging), so a spinning thread may take the lock ahead of a sleeping one, as in Go. */
    private final Owned lock = new Owned();

    /** A ReentrantLock that says who holds it (for snapshots; no cost on lock/unlock). */
    private static final class Owned extends ReentrantLock {
        Thread owner() {
            return getOwner();
        }
    }

    public Mutex(String name) {
        this.name = name;
    }

    /**
     * lock: spins briefly as Go's lock2 does, then blocks until the mutex is free.
     *
     * @throws IllegalStateException "lock: NAME already held by this thread (self-deadlock)"
     */
    public void lock() {
        checkNotHeld();
        if (lock.tryLock()) {
            return;
        }
        if (MULTIPROCESSOR) {
            // Try for lock, spinning.
            for (int i = 0; i < ACTIVE_SPIN; i++) {
                for (int k = 0; k < ACTIVE_SPIN_CNT; k++) {
                    Thread.onSpinWait(); // procyield
                }
                if (!lock.isLocked() && lock.tryLock()) {
                    return;
                }
            }
        }
        // Try for lock, rescheduling.
        for (int i = 0; i < PASSIVE_SPIN; i++) {
            Thread.yield(); // osyield
            if (!lock.isLocked() && lock.tryLock()) {
                return;
            }
        }
        // Sleep.
        lock.lock();
        if (MemorySimulation.ON) {
            MemorySimulation.acquired(this); // unlock happens-before the next lock
        }
    }

    /** Throws what {@link #lock()} would throw if the calling thread holds the mutex; else nothing. */
    public void checkNotHeld() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("lock: " + name + " already held by this thread (self-deadlock)");
        }
    }

    /**
     * unlock: the holder releases the mutex.
     *
     * @throws IllegalStateException "unlock of unlocked lock: NAME" (Go's throw) when no thread
     *                               holds it, or "unlock: NAME is held by another thread"
     */
    public void unlock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException(lock.isLocked() ? "unlock: " + name + " is held by another thread"
                    : "unlock of unlocked lock: " + name);
        }
        if (MemorySimulation.ON) {
            MemorySimulation.releasing(this);
        }
        lock.unlock();
    }

    /**
     * Whether the calling thread holds the mutex: the operations that take a lock check it first,
     * so that they refuse a caller that would deadlock on itself before they change anything.
     */
    public boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** Whether some thread holds the mutex (a controller reads this to avoid blocking a thread). */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /**
     * The thread holding the mutex, or null (a best-effort read; exact while the holder is parked
     * at a scheduling point, as in {@link Snapshot}s).
     */
    public Thread holder() {
        return lock.owner();
    }

    /** assertLockHeld: Go checks this under static lock ranking; here always, it costs one read. */
    public void assertHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("assertLockHeld: " + name + " is not held");
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Mutex[" + name + (lock.isLocked() ? ", locked" : "") + "]";
    }
}
