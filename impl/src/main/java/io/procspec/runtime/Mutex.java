package io.procspec.runtime;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's runtime {@code mutex}: {@code lock}/{@code unlock}, with happens-before from an unlock to the
 * next lock. Not reentrant in Go; here a second lock by the holder throws, as Go's lock ranking
 * would report a self-deadlock.
 */
public final class Mutex {
    private final String name;
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

    /** lock: blocks until the mutex is free. */
    public void lock() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("lock: " + name + " already held by this thread (self-deadlock)");
        }
        lock.lock();
        if (MemorySimulation.ON) {
            MemorySimulation.acquired(this); // unlock happens-before the next lock
        }
    }

    /** unlock: the holder releases the mutex. */
    public void unlock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("unlock of unlocked lock: " + name);
        }
        if (MemorySimulation.ON) {
            MemorySimulation.releasing(this);
        }
        lock.unlock();
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
