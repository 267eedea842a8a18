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
 * <h2>Load buffering, by a second run</h2>
 * <p>In one run a load reads only stores already executed. After a run,
 * {@link #loadBufferingCandidates} lists each plain load and each later store of another thread
 * to the same location that does not happen-after it and wrote another value; a second run with
 * the same choices and {@link #promise} set makes that load return that value, and is an
 * execution only if the store is made again, with the same value, still not happening-after the
 * load, the reading thread not touching the location in between ({@link #promiseFulfilled()}):
 * the first run justifies the store, as the JMM's causality rules require, so
 * {@code r1 = x; y = 1 || r2 = y; x = 1} gives {@code r1 = r2 = 1} and no value appears out of
 * thin air. Dependencies are not looked at (the JMM does not either): a store control-dependent
 * on a load that read a store made after the promised load may justify it, which hardware and
 * promising semantics forbid.
 *
 * <h2>What is not (so a bug that needs it is not found)</h2>
 * <ul>
 *   <li>Load buffering through more than one promised load per run, through non-plain loads, or
 *       to an object that does not exist yet when the load runs.</li>
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
 * slots, {@code G}'s status and its goid and startpc as newproc1 writes them, {@code sched.goidgen},
 * and {@code Mutex} lock/unlock); the JVM must run with {@code -Dprocspec.memory.simulation=true}.
 * The G's other plain fields (stack, sched, parentGoid) and the free lists' links are not routed:
 * an ordering bug whose only symptom is a stale one of those is not seen.
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
        /** The order in which the run first touched it: the same in two runs with the same prefix. */
        final int id;
        final List<Store> stores = new ArrayList<>();

        Location(String name, int id) {
            this.name = name;
            this.id = id;
        }
    }

    // ---- load buffering: a plain load reading a store executed later (see loadBufferingCandidates) ----

    /**
     * A load-buffering candidate found in a run: the {@code loadOrdinal}-th simulated load of
     * logical thread {@code reader} (a plain load of location {@code location}) may read the value
     * that the {@code writerOrdinal}-th store of thread {@code writer} to that location wrote
     * later in the same run, because that store did not happen-after the load. {@code value} is
     * the value in that run; {@code valueId} names it across runs (a number is its own name, an
     * object is named by the caller's {@link ValueNames}).
     */
    public record Promise(int reader, int loadOrdinal, int location, String locationName, Object value, long valueId,
                          int writer, int writerOrdinal) {
        @Override
        public String toString() {
            return "thread " + reader + "'s load #" + loadOrdinal + " (" + locationName + ") reads " + value + ", stored later by"
                    + " thread " + writer + " (its store #" + writerOrdinal + " there), which does not happen-after the load";
        }
    }

    /** Names objects stored in locations across two runs of the same scenario (numbers name themselves). */
    public interface ValueNames {
        /** A stable name for {@code v} (for example its index among the scenario's Gs), or -1 if it has none. */
        long id(Object v);

        /** The object named {@code id} in the current run, or null if it does not exist (yet). */
        Object value(long id);
    }

    private record LoadEvent(int thread, int ordinal, Location loc, Object value, int time, long seq) {}

    private record StoreEvent(int thread, int ordinal, Location loc, Object value, int[] clock, long seq) {}

    private final List<LoadEvent> plainLoads = new ArrayList<>();
    private final List<StoreEvent> storeEvents = new ArrayList<>();
    private final Map<Integer, Integer> loadOrdinals = new HashMap<>();
    private final Map<Integer, Map<Location, Integer>> storeOrdinals = new HashMap<>();
    private long seq;
    private int nextLocationId;

    private Promise promise;
    private ValueNames names;
    /** 0: the promised load not reached; 1: read, waiting for the store; 2: fulfilled; -1: infeasible. */
    private int promiseState;
    private Location promiseLoc;
    private int promiseTime;
    private Object promiseValue;
    private String infeasible;

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
        int ordinal = loadOrdinals.merge(t, 1, Integer::sum);
        touchedByReader(t, loc);
        int[] vc = clock(t);
        int newest = loc.stores.size() - 1;
        int oldest = newest;
        if (order != Order.VOLATILE) {
            oldest = lowerBound(loc, t, vc);
        }
        // option 0 = newest, k = the k-th older store
        int k = controller.chooseValue(newest - oldest + 1);
        int idx = newest - k;
        if (promise != null && promiseState == 0 && t == promise.reader() && ordinal == promise.loadOrdinal()) {
            Object v = order == Order.PLAIN && loc.id == promise.location() ? resolve(promise) : null;
            if (v == null) {
                promiseState = -1;
                infeasible = "the promised load is not the same plain load of the same location, or its value does not exist yet";
            } else {
                // the load reads the later store's value: no synchronization, no coherence bound
                // yet (set when the store is made); nothing else this thread does may touch loc
                // until then (checked in touchedByReader)
                promiseState = 1;
                promiseLoc = loc;
                promiseTime = vc[t];
                promiseValue = v;
                weakReads++;
                return v;
            }
        }
        if (k != 0) {
            weakReads++;
        }
        Store s = loc.stores.get(idx);
        if (order == Order.PLAIN) {
            plainLoads.add(new LoadEvent(t, ordinal, loc, s.value, vc[t], seq++));
        }
        read(t, loc, idx, s, order.acquires());
        return s.value;
    }

    private Object resolve(Promise p) {
        if (p.value() instanceof Number) {
            return p.value();
        }
        return names == null || p.valueId() < 0 ? null : names.value(p.valueId());
    }

    /** The promised load's thread touches its location again before the store it read was made: not an execution. */
    private void touchedByReader(int t, Location loc) {
        if (promiseState == 1 && t == promise.reader() && loc == promiseLoc) {
            promiseState = -1;
            infeasible = "the reading thread accessed the location again before the store it read was made (coherence)";
        }
    }

    /**
     * Turns this simulation into the check of one load-buffering candidate of an earlier run of
     * the same scenario (call before the run; the run must replay the earlier run's choices): the
     * candidate's load reads the candidate's value, and the run is an execution of the Java memory
     * model only if the candidate's store is then made again, with the same value, without
     * happening-after the load ({@link #promiseFulfilled()}).
     */
    public synchronized WeakMemory promise(Promise p, ValueNames names) {
        this.promise = Objects.requireNonNull(p);
        this.names = names;
        this.promiseState = 0;
        return this;
    }

    /** Whether the promised load read its value and the store that justifies it was made (see {@link #promise}). */
    public synchronized boolean promiseFulfilled() {
        return promise != null && promiseState == 2;
    }

    /** Why the promised run is not an execution (null if it is, or while it is still pending). */
    public synchronized String promiseProblem() {
        if (promise == null) {
            return "no promise";
        }
        if (promiseState == 2) {
            return null;
        }
        return infeasible != null ? infeasible : promiseState == 0 ? "the promised load was not reached"
                : "the store the load read was not made again";
    }

    /**
     * The load-buffering candidates of the run so far: every plain load by a logical thread and
     * every store to the same location made later by another logical thread that does not
     * happen-after the load (the writer's vector clock has not seen the reader's clock at the
     * load) and wrote a different value than the load read. Each may be checked by a second run
     * ({@link #promise}). Objects without a name in {@code names} are skipped.
     */
    public synchronized List<Promise> loadBufferingCandidates(ValueNames names) {
        List<Promise> out = new ArrayList<>();
        for (LoadEvent l : plainLoads) {
            for (StoreEvent w : storeEvents) {
                if (w.seq() < l.seq() || w.loc() != l.loc() || w.thread() == l.thread() || same(w.value(), l.value())) {
                    continue;
                }
                int seenOfReader = l.thread() < w.clock().length ? w.clock()[l.thread()] : 0;
                if (seenOfReader > l.time()) {
                    continue; // the store happens-after the load: it cannot be read by it
                }
                long id = w.value() instanceof Number ? 0 : names == null || w.value() == null ? -1 : names.id(w.value());
                if (w.value() == null || id < 0) {
                    continue;
                }
                Promise p = new Promise(l.thread(), l.ordinal(), l.loc().id, l.loc().name, w.value(), id, w.thread(), w.ordinal());
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A store of {@code value} to {@code field} of {@code holder} in mode {@code order}; {@code current}: see {@link #load}. */
    public synchronized void store(Object holder, Object field, Order order, Object value, Object current) {
        Location loc = location(holder, field, current);
        int t = controller.currentThread();
        if (t >= 0) {
            touchedByReader(t, loc);
        }
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
            touchedByReader(t, loc);
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
            touchedByReader(t, loc);
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
            loc = new Location(field + "@" + System.identityHashCode(holder), nextLocationId++);
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
            int ordinal = storeOrdinals.computeIfAbsent(t, k -> new IdentityHashMap<>()).merge(loc, 1, Integer::sum);
            storeEvents.add(new StoreEvent(t, ordinal, loc, value, clock(t).clone(), seq++));
            if (promiseState == 1 && loc == promiseLoc && t == promise.writer() && ordinal == promise.writerOrdinal()) {
                int[] vc = clock(t);
                int seenOfReader = promise.reader() < vc.length ? vc[promise.reader()] : 0;
                if (!same(value, promiseValue) || seenOfReader > promiseTime) {
                    promiseState = -1;
                    infeasible = !same(value, promiseValue) ? "the store that justified the load wrote another value this time"
                            : "the store that justified the load now happens-after it";
                } else {
                    promiseState = 2;
                    // coherence from here on: the reader has read this store
                    seen.computeIfAbsent(promise.reader(), k -> new IdentityHashMap<>()).merge(loc, loc.stores.size() - 1, Math::max);
                }
            }
        }
    }

    private static boolean same(Object a, Object b) {
        if (a == b) {
            return true;
        }
        return (a instanceof Number || a instanceof Boolean || a instanceof Character) && Objects.equals(a, b);
    }
}
