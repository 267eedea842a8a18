package io.procspec.control.weak;

import io.procspec.control.Controller;
import io.procspec.runtime.MemorySimulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A weak-memory simulation for controlled runs, in the manner of Tokio's loom: every shared
 * location keeps the history of its stores (its modification order), every logical thread a
 * vector clock of what happens-before it, and a load may return any store the Java memory model
 * allows it to see given the orderings involved — the choice is a decision of the {@link Controller}'s
 * schedule ({@link Controller#chooseValue}), so the {@link io.procspec.control.Explorer} explores
 * it and a failing run replays and shrinks like any other (option 0, the newest store, is the
 * sequentially consistent behaviour).
 *
 * <h2>What is simulated</h2>
 * <ul>
 *   <li><b>Happens-before</b> by vector clocks: program order; a release store (or a release
 *       RMW, or a volatile store) read by an acquire load (or acquire RMW, or volatile load)
 *       synchronizes; release sequences: an RMW's store carries the clock of the store it
 *       replaced, so an acquire reading a later RMW still synchronizes with the release head;
 *       unlock → lock of a simulated lock ({@link #release}/{@link #acquire}); the set-up thread's
 *       stores (made outside the run) happen-before every logical thread.</li>
 *   <li><b>Modification order</b> per location (the order in which the controlled run executed
 *       the stores) and <b>coherence</b>: a load never reads a store older than one it already
 *       read or wrote at that location (read-read and write-read coherence), nor older than the
 *       newest store that happens-before it (write-read / hb coherence).</li>
 *   <li><b>Atomicity</b> of read-modify-writes (CAS, getAndAdd): an RMW always reads the newest
 *       store, so two RMWs never read the same store.</li>
 *   <li>The access modes of {@link Order}: plain and opaque loads may read any visible store;
 *       acquire loads too, and synchronize with release stores they read; volatile accesses are
 *       treated as sequentially consistent (a volatile load reads the newest store).</li>
 * </ul>
 *
 * <h2>What is not (so a bug that needs it is not found)</h2>
 * <ul>
 *   <li><b>Load buffering</b> and out-of-thin-air results: a load reads only stores already
 *       executed, so a load is never satisfied by a store that comes later in the run (the
 *       {@code r1 = x; y = 1 || r2 = y; x = 1} outcome {@code r1 = r2 = 1} is not produced). A
 *       weakened CAS-release whose only symptom is a read that sees a later overwrite (runqgrab's
 *       slot reads seeing the owner's reuse of the slot) is therefore not caught.</li>
 *   <li>Modification orders that disagree with execution order: stores join their location's
 *       order when executed (a plain store is never placed before an older one).</li>
 *   <li>Volatile accesses are treated as SC even where the JMM would allow a mixed plain/volatile
 *       location more behaviours; fences ({@code VarHandle.fullFence} etc.) are not modelled
 *       (treated as no-ops), nor is {@code final}-field semantics; only the accesses routed
 *       through this class are simulated (everything else is sequentially consistent).</li>
 *   <li>Torn reads of {@code long}/{@code double} plain accesses.</li>
 * </ul>
 *
 * <h2>On the port</h2>
 * <p>{@link #install()} connects this simulation to the accessors of the Java port
 * ({@link MemorySimulation}: every access of {@code P}'s runqhead, runqtail, runnext and ring
 * slots, {@code G}'s status, {@code sched.goidgen}, and {@code Mutex} lock/unlock); the JVM must
 * run with {@code -Dprocspec.memory.simulation=true}. The G's plain fields (goid, stack, sched)
 * and the free lists' links are not routed: an ordering bug whose only symptom is a stale G field
 * is not seen.
 *
 * <p>One instance serves one controlled run. Accesses from threads the controller does not manage
 * (set-up and checking code) read and write the newest store directly and count as happening
 * before (set-up) or after (checking: call it only after the run) every logical thread.
 */
public final class WeakMemory implements MemorySimulation.Memory {

    /** Access modes, as {@link java.lang.invoke.VarHandle}'s. */
    public enum Order {
        /** {@code get}/{@code set}: no ordering, may read stale values. */
        PLAIN,
        /** {@code getOpaque}/{@code setOpaque}: coherent, no ordering (same as plain here). */
        OPAQUE,
        /** {@code getAcquire} / the read half of an acquire RMW. */
        ACQUIRE,
        /** {@code setRelease} / the write half of a release RMW. */
        RELEASE,
        /** {@code getVolatile}/{@code setVolatile}/{@code compareAndSet}: sequentially consistent. */
        VOLATILE;

        boolean acquires() {
            return this == ACQUIRE || this == VOLATILE;
        }

        boolean releases() {
            return this == RELEASE || this == VOLATILE;
        }
    }

    /** One store of a location's modification order. */
    static final class Store {
        final Object value;
        final int thread;
        final int time;
        /** The clock an acquiring reader joins (release store, or carried along a release sequence), or null. */
        final int[] release;

        Store(Object value, int thread, int time, int[] release) {
            this.value = value;
            this.thread = thread;
            this.time = time;
            this.release = release;
        }
    }

    /** A shared location: its modification order. */
    static final class Location {
        final String name;
        final List<Store> stores = new ArrayList<>();

        Location(String name) {
            this.name = name;
        }
    }

    private final Controller controller;
    private final Map<Object, Map<Object, Location>> locations = new IdentityHashMap<>();
    private final Map<Integer, int[]> clocks = new HashMap<>();
    private final Map<Integer, Map<Location, Integer>> seen = new HashMap<>();
    private final Map<Object, int[]> locks = new IdentityHashMap<>();
    private long weakReads;
    private long loads;

    /** A simulation whose choices are made by {@code controller}'s schedule. */
    public WeakMemory(Controller controller) {
        this.controller = Objects.requireNonNull(controller, "controller");
    }

    // ---- the port's hook (MemorySimulation.Memory) ---------------------------------------------------

    /** Connects this simulation to the port's accessors until {@link #uninstall()}. */
    public WeakMemory install() {
        MemorySimulation.install(this);
        return this;
    }

    /** Disconnects any simulation from the port's accessors. */
    public static void uninstall() {
        MemorySimulation.install(null);
    }

    private static Order order(int mode) {
        switch (mode) {
            case MemorySimulation.PLAIN: return Order.PLAIN;
            case MemorySimulation.OPAQUE: return Order.OPAQUE;
            case MemorySimulation.ACQUIRE: return Order.ACQUIRE;
            case MemorySimulation.RELEASE: return Order.RELEASE;
            case MemorySimulation.VOLATILE: return Order.VOLATILE;
            default: throw new IllegalArgumentException("mode " + mode);
        }
    }

    @Override
    public Object load(Object holder, Object field, int mode, Object current) {
        return load(holder, field, order(mode), current);
    }

    @Override
    public void store(Object holder, Object field, int mode, Object value, Object current) {
        store(holder, field, order(mode), value, current);
    }

    @Override
    public Object compareAndExchange(Object holder, Object field, int mode, Object expected, Object value, Object current) {
        return compareAndExchange(holder, field, order(mode), expected, value, current);
    }

    @Override
    public long getAndAdd(Object holder, Object field, int mode, long delta, long current) {
        return getAndAdd(holder, field, order(mode), delta, current);
    }

    // ---- the API the accessors call -------------------------------------------------------------

    /**
     * A load of {@code field} of {@code holder} in mode {@code order}. {@code current} is the value
     * the real field holds now (the newest store; it becomes the location's initial store the
     * first time the location is seen). Returns the value the simulated load reads.
     */
    public synchronized Object load(Object holder, Object field, Order order, Object current) {
        Location loc = location(holder, field, current);
        int t = controller.currentThread();
        if (t < 0) {
            return last(loc).value;
        }
        loads++;
        int[] vc = clock(t);
        int newest = loc.stores.size() - 1;
        int oldest = newest;
        if (order != Order.VOLATILE) {
            oldest = lowerBound(loc, t, vc);
        }
        // option 0 = newest, k = the k-th older store
        int k = controller.chooseValue(newest - oldest + 1);
        int idx = newest - k;
        if (k != 0) {
            weakReads++;
        }
        Store s = loc.stores.get(idx);
        read(t, loc, idx, s, order.acquires());
        return s.value;
    }

    /** A store of {@code value} to {@code field} of {@code holder} in mode {@code order}; {@code current}: see {@link #load}. */
    public synchronized void store(Object holder, Object field, Order order, Object value, Object current) {
        Location loc = location(holder, field, current);
        int t = controller.currentThread();
        append(loc, t, value, order.releases(), null);
    }

    /**
     * A compare-and-set: reads the newest store (an RMW never reads a stale value); if it equals
     * {@code expected} (identity for references, {@code equals} for boxed primitives) appends
     * {@code value}. The read half acquires if {@code order} does (a failed CAS is a load in the
     * same mode), the write half releases if {@code order} does. Returns the witness value.
     */
    public synchronized Object compareAndExchange(Object holder, Object field, Order order, Object expected, Object value,
                                                  Object current) {
        Location loc = location(holder, field, current);
        int t = controller.currentThread();
        int idx = loc.stores.size() - 1;
        Store s = loc.stores.get(idx);
        if (t >= 0) {
            loads++;
            read(t, loc, idx, s, order.acquires());
        }
        if (same(s.value, expected)) {
            append(loc, t, value, order.releases(), s.release);
        }
        return s.value;
    }

    /** An atomic add (getAndAdd) of a {@code long}: an RMW; returns the old value. */
    public synchronized long getAndAdd(Object holder, Object field, Order order, long delta, long current) {
        Location loc = location(holder, field, current);
        int t = controller.currentThread();
        int idx = loc.stores.size() - 1;
        Store s = loc.stores.get(idx);
        if (t >= 0) {
            read(t, loc, idx, s, order.acquires());
        }
        long old = ((Number) s.value).longValue();
        append(loc, t, old + delta, order.releases(), s.release);
        return old;
    }

    /** The calling thread acquired lock {@code m} (after {@code lock()} returned). */
    public synchronized void acquire(Object m) {
        int t = controller.currentThread();
        int[] c = locks.get(m);
        if (t >= 0 && c != null) {
            join(clock(t), c);
        }
    }

    /** The calling thread is about to release lock {@code m} (before {@code unlock()}). */
    public synchronized void release(Object m) {
        int t = controller.currentThread();
        if (t >= 0) {
            int[] vc = clock(t);
            vc[t]++;
            int[] c = locks.computeIfAbsent(m, k -> new int[0]);
            int[] j = Arrays.copyOf(c, Math.max(c.length, vc.length));
            join(j, vc);
            locks.put(m, j);
        }
    }

    /** Loads that read an older store than the newest, so far. */
    public synchronized long weakReads() {
        return weakReads;
    }

    /** Simulated loads by logical threads, so far. */
    public synchronized long loads() {
        return loads;
    }

    /** The newest value of every location seen (for a check after the run; the real fields hold the same). */
    public synchronized Object newest(Object holder, Object field) {
        Map<Object, Location> m = locations.get(holder);
        Location loc = m == null ? null : m.get(field);
        return loc == null ? null : last(loc).value;
    }

    // ---- internals -------------------------------------------------------------------------------

    private Location location(Object holder, Object field, Object current) {
        Map<Object, Location> m = locations.computeIfAbsent(holder, k -> new HashMap<>());
        Location loc = m.get(field);
        if (loc == null) {
            loc = new Location(field + "@" + System.identityHashCode(holder));
            // the initial value: written before the run (or by a thread's own earlier unsimulated write)
            loc.stores.add(new Store(current, -1, 0, null));
            m.put(field, loc);
        }
        return loc;
    }

    private static Store last(Location loc) {
        return loc.stores.get(loc.stores.size() - 1);
    }

    private int[] clock(int t) {
        int[] c = clocks.get(t);
        if (c == null || c.length <= t) {
            int[] n = new int[t + 1];
            if (c != null) {
                System.arraycopy(c, 0, n, 0, c.length);
            }
            clocks.put(t, n);
            c = n;
        }
        return c;
    }

    private static void join(int[] into, int[] other) {
        for (int i = 0; i < Math.min(into.length, other.length); i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }

    private int[] grown(int t, int[] vc, int[] other) {
        if (other != null && other.length > vc.length) {
            int[] n = Arrays.copyOf(vc, other.length);
            clocks.put(t, n);
            return n;
        }
        return vc;
    }

    /** The oldest store thread t may read at loc: coherence with what it saw, and the newest store that happens-before it. */
    private int lowerBound(Location loc, int t, int[] vc) {
        int lo = seen.getOrDefault(t, Map.of()).getOrDefault(loc, 0);
        for (int i = loc.stores.size() - 1; i > lo; i--) {
            Store s = loc.stores.get(i);
            if (s.thread < 0 || (s.thread < vc.length && s.time <= vc[s.thread])) {
                return i; // s happens-before this load: nothing older is visible
            }
        }
        return lo;
    }

    private void read(int t, Location loc, int idx, Store s, boolean acquire) {
        seen.computeIfAbsent(t, k -> new IdentityHashMap<>()).merge(loc, idx, Math::max);
        if (acquire && s.release != null) {
            int[] vc = grown(t, clock(t), s.release);
            join(vc, s.release);
        }
    }

    private void append(Location loc, int t, Object value, boolean release, int[] carried) {
        int time = 0;
        int[] rel = null;
        if (t >= 0) {
            int[] vc = clock(t);
            vc[t]++;
            time = vc[t];
            if (release) {
                rel = vc.clone();
            }
            if (carried != null) { // a release sequence continues through an RMW
                rel = rel == null ? carried.clone() : rel;
                if (rel.length < carried.length) {
                    rel = Arrays.copyOf(rel, carried.length);
                }
                join(rel, carried);
            }
        }
        loc.stores.add(new Store(value, t, time, rel));
        if (t >= 0) {
            seen.computeIfAbsent(t, k -> new IdentityHashMap<>()).put(loc, loc.stores.size() - 1);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        return (a instanceof Number || a instanceof Boolean || a instanceof Character) && Objects.equals(a, b);
    }
}
