package io.procspec.runtime;

/**
 * The accessor-level simulation hook (issue 15): lets a weak-memory simulation (the controller's
 * weak-memory mode, {@code io.procspec.control.weak.WeakMemory}) see every shared access the
 * accessors of {@link P}, {@link G} and {@link Schedt} make, and {@link Mutex}'s lock and unlock,
 * so that an ordering bug (a store-release weakened to plain, …) shows on any hardware.
 *
 * <p><b>Zero cost in production.</b> {@link #ON} is a {@code static final} read once at class
 * initialisation from {@code -Dprocspec.memory.simulation=true}; it is false unless a test JVM
 * sets it, and every accessor's {@code if (MemorySimulation.ON)} branch is then folded away by the
 * JIT (the bench module's RunqBench measures the accessors). With {@code ON} true and no
 * simulation installed ({@link #install}), the accessors behave as without the hook.
 *
 * <p><b>Protocol.</b> An accessor performs its real access as always (the real field always holds
 * the newest value, so snapshots and checks after a run read it directly) and tells the installed
 * simulation about it; for a load the simulation answers the value the load reads, which may be an
 * older store the Java memory model allows this thread to see. Fields are named by a string
 * ({@code "runqhead"}) or, for ring slots, by the slot's index in the P's ring array.
 */
public final class MemorySimulation {
    private MemorySimulation() {}

    /** Whether accessors report to a simulation ({@code -Dprocspec.memory.simulation=true}); false in production. */
    public static final boolean ON = Boolean.getBoolean("procspec.memory.simulation");

    /** Access modes (as {@link java.lang.invoke.VarHandle}'s access modes). */
    public static final int PLAIN = 0;
    public static final int OPAQUE = 1;
    public static final int ACQUIRE = 2;
    public static final int RELEASE = 3;
    public static final int VOLATILE = 4;

    /** A simulation of shared memory; see the class comment. One run at a time per JVM. */
    public interface Memory {
        /** A load in {@code mode}; {@code current} is the real field's value; returns the value read. */
        Object load(Object holder, Object field, int mode, Object current);

        /** A store of {@code value} in {@code mode}, made right after this call; {@code current} is the value before it. */
        void store(Object holder, Object field, int mode, Object value, Object current);

        /** A compare-and-exchange in {@code mode} (made right after this call); returns the witness. */
        Object compareAndExchange(Object holder, Object field, int mode, Object expected, Object value, Object current);

        /** An atomic add in {@code mode} (made right after this call); returns the old value. */
        long getAndAdd(Object holder, Object field, int mode, long delta, long current);

        /** The calling thread acquired lock {@code m}. */
        void acquire(Object m);

        /** The calling thread is about to release lock {@code m}. */
        void release(Object m);
    }

    private static volatile Memory memory;

    /** Installs {@code m} (null: none) for the accessors of this JVM; only meaningful when {@link #ON}. */
    public static void install(Memory m) {
        if (!ON && m != null) {
            throw new IllegalStateException("the memory simulation hook is off: run the JVM with -Dprocspec.memory.simulation=true");
        }
        memory = m;
    }

    /** The installed simulation, or null. */
    public static Memory installed() {
        return memory;
    }

    // ---- helpers for the accessors (called only when ON) -------------------------------------------

    static int loadInt(Object holder, Object field, int mode, int current) {
        Memory m = memory;
        return m == null ? current : ((Number) m.load(holder, field, mode, current)).intValue();
    }

    static long loadLong(Object holder, Object field, int mode, long current) {
        Memory m = memory;
        return m == null ? current : ((Number) m.load(holder, field, mode, current)).longValue();
    }

    static Object loadRef(Object holder, Object field, int mode, Object current) {
        Memory m = memory;
        return m == null ? current : m.load(holder, field, mode, current);
    }

    static void store(Object holder, Object field, int mode, Object value, Object current) {
        Memory m = memory;
        if (m != null) {
            m.store(holder, field, mode, value, current);
        }
    }

    static void cas(Object holder, Object field, int mode, Object expected, Object value, Object current) {
        Memory m = memory;
        if (m != null) {
            m.compareAndExchange(holder, field, mode, expected, value, current);
        }
    }

    static void add(Object holder, Object field, int mode, long delta, long current) {
        Memory m = memory;
        if (m != null) {
            m.getAndAdd(holder, field, mode, delta, current);
        }
    }

    static void acquired(Object lock) {
        Memory m = memory;
        if (m != null) {
            m.acquire(lock);
        }
    }

    static void releasing(Object lock) {
        Memory m = memory;
        if (m != null) {
            m.release(lock);
        }
    }
}
