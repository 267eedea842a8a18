package io.procspec.runtime;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's runtime {@code mutex}: {@code lock}/{@code unlock}, with happens-before from an unlock to the
 * next lock. Not reentrant in Go; here a second lock by the holder throws, as Go's lock ranking
 * would report a self-deadlock.
 */
public final class Mutex {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();

    public Mutex(String name) {
        this.name = name;
    }

    /**
     * lock: blocks until the mutex is free.
     *
     * @throws IllegalStateException "lock: NAME already held by this thread (self-deadlock)"
     */
    public void lock() {
        checkNotHeld();
        lock.lock();
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
