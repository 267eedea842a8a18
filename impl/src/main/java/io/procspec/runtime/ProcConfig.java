package io.procspec.runtime;

import java.util.Objects;

/**
 * Configuration of a {@link Proc} (and of a {@link Sched}, which builds its Proc from one): ring
 * size, counter start, Go version, the scheduling-point hook, checked mode, and proc.go's constants.
 * Defaults are Go's; tests shrink the ring, move the counters near the wrap, and scale the
 * free-list constants down to the spec's models. A setter refuses a bad value with an
 * {@link IllegalArgumentException} (or {@link NullPointerException}) and leaves the config as it
 * was.
 *
 * <p>A {@code Proc} (and a {@code Sched}) copies the config it is built from, so later changes to
 * this object do not reach it; {@link Proc#config()} returns another copy.
 */
public final class ProcConfig {
    int nprocs = 1;
    int ringSize = 256;
    int counterStart = 0;
    GoVersion goVersion = GoVersion.GO1_21;
    boolean haveSysmon = true;
    SchedPoint point = SchedPoint.NONE;
    boolean checked = false;
    int gfreeLocalMax = 64;
    int gfreeLocalKeep = 32;
    int gfreeRefill = 32;
    int goidBatch = 16;
    int startingStackSize = Arch.StackMin;
    long runnextBackoffNanos = 3_000;
    int schedtick = 0;
    int schedtickPeriod = 61;
    int stealTries = 4;
    java.util.function.Consumer<G> malgHook;
    FindRunnableChecks findRunnableChecks = FindRunnableChecks.GO;

    public ProcConfig nprocs(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("nprocs must be > 0, got " + n);
        }
        nprocs = n;
        return this;
    }

    /** Slots per ring; a power of two ≥ 2 (Go: 256). */
    public ProcConfig ringSize(int n) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2, got " + n);
        }
        ringSize = n;
        return this;
    }

    /** Initial runqhead/runqtail of every P, e.g. {@code -5} for 2^32 − 5 (Go: 0). */
    public ProcConfig counterStart(int c) {
        counterStart = c;
        return this;
    }

    public ProcConfig goVersion(GoVersion v) {
        goVersion = Objects.requireNonNull(v, "goVersion");
        return this;
    }

    /**
     * Whether the runtime has sysmon (proc.go's {@code haveSysmon}: true on every platform but wasm;
     * default true). Only {@link GoVersion#GO1_25} reads it: without sysmon, Go 1.23+'s runqput
     * never uses runnext, since nothing would preempt a pair of Gs that hand the time slice to each
     * other through it (the spec's {@code Sysmon = FALSE}, its {@code RunnextAllowed}). procspec
     * itself has no sysmon either way.
     */
    public ProcConfig haveSysmon(boolean have) {
        haveSysmon = have;
        return this;
    }

    /** The scheduling-point hook (default {@link SchedPoint#NONE}). */
    public ProcConfig point(SchedPoint p) {
        point = Objects.requireNonNull(p, "point");
        return this;
    }

    /** Checked mode: track every queued / free G to catch double puts (tests). */
    public ProcConfig checked(boolean c) {
        checked = c;
        return this;
    }

    /** gfput's spill threshold, the level it spills below, gfget's refill target (Go: 64, 32, 32). */
    public ProcConfig gfree(int localMax, int localKeep, int refill) {
        if (localKeep < 1 || localMax < localKeep || refill < 1) {
            throw new IllegalArgumentException("need 1 <= localKeep <= localMax and refill >= 1, got "
                    + localMax + "/" + localKeep + "/" + refill);
        }
        gfreeLocalMax = localMax;
        gfreeLocalKeep = localKeep;
        gfreeRefill = refill;
        return this;
    }

    /** _GoidCacheBatch (Go: 16). */
    public ProcConfig goidBatch(int b) {
        if (b < 1) {
            throw new IllegalArgumentException("goid batch must be >= 1, got " + b);
        }
        goidBatch = b;
        return this;
    }

    /** Initial startingStackSize (Go: 2048). */
    public ProcConfig startingStackSize(int s) {
        checkStackSize(s);
        startingStackSize = s;
        return this;
    }

    // ---- read-back (snapshots, the bug catalogue's twins, the conformance harness) ----

    /** Whether checked mode is on. */
    public boolean checkedMode() {
        return checked;
    }

    /** GOMAXPROCS. */
    public int nprocs() {
        return nprocs;
    }

    /** Slots per ring. */
    public int ringSize() {
        return ringSize;
    }

    /** Initial runqhead/runqtail of every P. */
    public int counterStart() {
        return counterStart;
    }

    public GoVersion goVersion() {
        return goVersion;
    }

    /** Whether the runtime has sysmon ({@link #haveSysmon(boolean)}). */
    public boolean haveSysmon() {
        return haveSysmon;
    }

    /** gfput spills when pp.gFree.n reaches this (Go: 64). */
    public int gfreeLocalMax() {
        return gfreeLocalMax;
    }

    /** gfput's spill pops while pp.gFree.n is at least this (Go: 32). */
    public int gfreeLocalKeep() {
        return gfreeLocalKeep;
    }

    /** gfget refills pp.gFree up to this many (Go: 32). */
    public int gfreeRefill() {
        return gfreeRefill;
    }

    /** _GoidCacheBatch (Go: 16). */
    public int goidBatch() {
        return goidBatch;
    }

    /** runqgrab's runnext back-off in nanoseconds. */
    public long runnextBackoffNanos() {
        return runnextBackoffNanos;
    }

    /** runqgrab's back-off before stealing runnext from a running P (Go: usleep(3)); 0 disables it. */
    public ProcConfig runnextBackoffNanos(long ns) {
        if (ns < 0) {
            throw new IllegalArgumentException("back-off must be >= 0, got " + ns);
        }
        runnextBackoffNanos = ns;
        return this;
    }

    /**
     * Initial {@code schedtick} of every P (Go: 0 at {@code procresize}), a {@code uint32} like
     * Go's: any int, read unsigned. A real Go program reaches {@code main.main} after the
     * runtime's own goroutines have advanced P0's schedtick a varying number of times, which
     * decides when {@code findRunnable}'s {@code schedtick%61} check first looks at the
     * global queue; the Go oracle ({@code oracle/}) sets this to align the Java P's phase
     * with Go's. Tests start it near 2^32 to exercise the wrap.
     */
    public ProcConfig schedtick(int tick) {
        schedtick = tick;
        return this;
    }

    /**
     * How often {@code findRunnable} looks at the global queue first: when
     * {@code schedtick % period == 0} (Go: 61). Smaller values let a small model (the spec's
     * {@code SchedTick}, 3 in its CI models) reach the check; production uses Go's.
     *
     * @throws IllegalArgumentException if {@code period < 1}
     */
    public ProcConfig schedtickPeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("schedtick period must be >= 1, got " + period);
        }
        schedtickPeriod = period;
        return this;
    }

    /** The schedtick period of findRunnable's global-queue check (Go: 61). */
    public int schedtickPeriod() {
        return schedtickPeriod;
    }

    /**
     * stealWork's passes over the other Ps (Go: {@code stealTries = 4}); runnext is stolen only on
     * the last. The spec's {@code StealTries} (2 in its CI models) bounds a model's state space.
     *
     * @throws IllegalArgumentException if {@code tries < 1}
     */
    public ProcConfig stealTries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("steal tries must be >= 1, got " + tries);
        }
        stealTries = tries;
        return this;
    }

    /** stealWork's passes (Go: 4). */
    public int stealTries() {
        return stealTries;
    }

    /**
     * Called by {@code malg} with every G it makes, on the calling thread, inside malg's step
     * (after the stack is allocated, before the G is published anywhere). Not in Go: for a
     * harness that must name Gs in the order malg makes them (the conformance replay of
     * {@code spec/tla/Proc.tla}, whose malg takes the smallest unborn G), while a new G is still
     * only in its maker's locals. Default null: no call (the one cost is a null check per malg).
     */
    public ProcConfig malgHook(java.util.function.Consumer<G> hook) {
        malgHook = hook;
        return this;
    }

    /**
     * findRunnable's two decisions that the spec's Proc bugs change (default
     * {@link FindRunnableChecks#GO}, Go 1.21): the extension point of the bug catalogue's twins.
     */
    public ProcConfig findRunnableChecks(FindRunnableChecks checks) {
        findRunnableChecks = java.util.Objects.requireNonNull(checks, "checks");
        return this;
    }

    /** findRunnable's decisions ({@link FindRunnableChecks#GO} unless a bug twin's). */
    public FindRunnableChecks findRunnableChecks() {
        return findRunnableChecks;
    }

    /** A copy: a Proc keeps its own, so that later changes to this config cannot reach it. */
    ProcConfig copy() {
        ProcConfig c = new ProcConfig();
        c.nprocs = nprocs;
        c.ringSize = ringSize;
        c.counterStart = counterStart;
        c.goVersion = goVersion;
        c.haveSysmon = haveSysmon;
        c.point = point;
        c.checked = checked;
        c.gfreeLocalMax = gfreeLocalMax;
        c.gfreeLocalKeep = gfreeLocalKeep;
        c.gfreeRefill = gfreeRefill;
        c.goidBatch = goidBatch;
        c.startingStackSize = startingStackSize;
        c.runnextBackoffNanos = runnextBackoffNanos;
        c.schedtick = schedtick;
        c.schedtickPeriod = schedtickPeriod;
        c.stealTries = stealTries;
        c.malgHook = malgHook;
        c.findRunnableChecks = findRunnableChecks;
        return c;
    }

    /** A stack size must be a power of two of at least {@link Arch#StackMin} bytes. */
    static void checkStackSize(int s) {
        if (s < Arch.StackMin || (s & (s - 1)) != 0) {
            throw new IllegalArgumentException("stack size must be a power of two >= " + Arch.StackMin + ", got " + s);
        }
    }
}
