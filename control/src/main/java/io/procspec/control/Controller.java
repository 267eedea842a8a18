package io.procspec.control;

import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.Mutex;
import io.procspec.runtime.SchedPoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A controlling {@link SchedPoint}: runs several <em>logical threads</em>, each on its own Java
 * thread, so that exactly one of them runs between two scheduling points, the one a
 * {@link Schedule} chooses. The run is therefore deterministic for a given schedule (provided the
 * code under test is deterministic between points), and can be recorded step by step, replayed,
 * and shrunk.
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>Install the controller as the {@code point} of a {@code ProcConfig}. Calls of
 *       {@link #at} from threads the controller does not manage (set-up and checking code on the
 *       test thread) return at once, so the same {@code Proc} can be prepared and inspected
 *       outside a run.</li>
 *   <li>Register the logical threads with {@link #thread(String, Runnable)}, then call
 *       {@link #run()}. Threads are started one at a time, in id order; each runs until its first
 *       point (code before it is thread-local set-up and is not a step).</li>
 *   <li>At every step the controller computes the runnable threads: those parked at a point,
 *       minus those parked at {@link #atLock} for a mutex another thread holds (they would block
 *       outside any point). It asks the schedule for one, records the step (thread, label, the
 *       state before and after, from the optional {@linkplain #describeStateWith state view}),
 *       lets that thread perform the labelled step and run on to its next point or to its
 *       end, and waits for it.</li>
 *   <li>The run ends when every thread has finished, when the schedule answers
 *       {@link Schedule#STOP} (the threads still parked are then released with an {@link Aborted}
 *       error), or with a {@linkplain Run#failure() failure}:
 *       an exception in a thread, a deadlock (threads left, none runnable), the
 *       {@linkplain #stepLimit step limit} (a livelock), or a thread that blocked outside a
 *       point. On a failure the remaining threads are released with an {@link Aborted} error so
 *       that they unwind (running their {@code finally} blocks) and end.</li>
 * </ol>
 *
 * <p>A logical thread can time-stamp its own operations for linearizability checks with
 * {@link #mark()} and {@link #interval(int)}: an operation's interval runs from the first step
 * granted to the thread after the mark to the last one granted before the call to
 * {@code interval}. Operation A precedes operation B in real time when A's interval ends before
 * B's begins.
 *
 * <p>A controller is for one run; make a new one (and a new {@code Proc}) per run.
 */
public final class Controller implements SchedPoint {

    /** Thrown inside a logical thread that the controller releases because the run was aborted. */
    public static final class Aborted extends Error {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("controlled run aborted", null, false, false);
        }
    }

    /**
     * One step of a run.
     *
     * @param index      0-based step number
     * @param thread     the logical thread that ran it
     * @param label      the scheduling-point label the thread was parked at (the step performed)
     * @param preemption whether the previous thread was still runnable and another was chosen
     * @param before     the state view before the step ("" without a view)
     * @param after      the state view after the step
     */
    public record Step(int index, int thread, String label, boolean preemption, String before, String after) {
        /** Whether the state view changed in this step. */
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** An operation's real-time interval, in step indices (inclusive); see {@link #interval(int)}. */
    public record Interval(int start, int end) {
        /** Whether this interval ends before {@code o} begins. */
        public boolean precedes(Interval o) {
            return end < o.start;
        }
    }

    /** The result of a run: its steps and, if it did not complete normally, why. */
    public static final class Run {
        private final List<String> threadNames;
        private final List<Step> steps;
        private final Throwable failure;
        private final List<Integer> choices;
        private final int valueChoices;

        Run(List<String> threadNames, List<Step> steps, Throwable failure, List<Integer> choices, int valueChoices) {
            this.threadNames = threadNames;
            this.steps = steps;
            this.failure = failure;
            this.choices = choices;
            this.valueChoices = valueChoices;
        }

        /**
         * Value choices ({@link Controller#chooseValue}) that took another option than 0: in the
         * weak-memory mode, the loads that read an older store than the newest.
         */
        public int valueChoices() {
            return valueChoices;
        }

        public List<Step> steps() {
            return steps;
        }

        public List<String> threadNames() {
            return threadNames;
        }

        /**
         * The option index chosen at every decision (each step's thread and, in between, each value
         * choice): {@code Schedule.of(choices())} replays the run.
         */
        public List<Integer> choices() {
            return choices;
        }

        /** The failure that ended the run, or null when every thread finished normally. */
        public Throwable failure() {
            return failure;
        }

        /**
         * This run with {@code failure} as its failure (for a check made after the run, such as
         * linearizability, so that an {@link Explorer} stops at it).
         */
        public Run withFailure(Throwable failure) {
            return new Run(threadNames, steps, failure, choices, valueChoices);
        }

        public int preemptions() {
            int n = 0;
            for (Step s : steps) {
                if (s.preemption()) {
                    n++;
                }
            }
            return n;
        }

        /**
         * The run as a table: step, thread, label and state change (a state cell is shown only
         * when the step changed it).
         */
        public String table() {
            StringBuilder sb = new StringBuilder();
            int w = 6;
            for (String n : threadNames) {
                w = Math.max(w, n.length());
            }
            int lw = 5;
            for (Step s : steps) {
                lw = Math.max(lw, s.label().length() + (s.preemption() ? 2 : 0));
            }
            String fmt = "%5s | %-" + w + "s | %-" + lw + "s | %s%n";
            sb.append(String.format(fmt, "step", "thread", "label", "state change"));
            sb.append("-".repeat(5 + w + lw + 30)).append('\n');
            String initial = steps.isEmpty() ? "" : steps.get(0).before();
            if (!initial.isEmpty()) {
                sb.append(String.format(fmt, "", "", "(initial)", initial));
            }
            for (Step s : steps) {
                String label = (s.preemption() ? "* " : "") + s.label();
                sb.append(String.format(fmt, s.index(), threadNames.get(s.thread()), label,
                        s.changed() ? "-> " + s.after() : ""));
            }
            if (failure != null) {
                sb.append("  failure: ").append(failure).append('\n');
            }
            if (valueChoices > 0) {
                sb.append("  weak reads (a load that read an older store than the newest): ").append(valueChoices).append('\n');
            }
            sb.append("  (* = preemption; replay with Schedule.of(").append(choices).append("))\n");
            return sb.toString();
        }

        @Override
        public String toString() {
            return table();
        }
    }

    private enum State { NEW, RUNNING, PARKED, DONE }

    private final class LThread {
        final int id;
        final String name;
        final Runnable body;
        Thread thread;
        State state = State.NEW;
        String label;
        Mutex mutex;
        boolean granted;
        final List<Integer> grants = new ArrayList<>();

        LThread(int id, String name, Runnable body) {
            this.id = id;
            this.name = name;
            this.body = body;
        }
    }

    private final Schedule schedule;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<LThread> threads = new ArrayList<>();
    private final ThreadLocal<LThread> current = new ThreadLocal<>();
    private Supplier<String> view = () -> "";
    private java.util.concurrent.Executor executor;
    private int stepLimit = 10_000;
    private long blockTimeoutMillis = 10_000;
    private boolean started;
    private volatile boolean stopped;
    private boolean aborted;
    private Throwable failure;
    private int stepIndex = -1;
    /** Decisions asked of the schedule so far: thread choices and value choices share this index. */
    private int decisions;
    /** The option chosen at every decision (thread or value), for replay. */
    private final List<Integer> chosen = new ArrayList<>();
    /** Value choices that took another option than 0 (a weak-memory read of an older store, …). */
    private int valueChoicesNotZero;

    /** A controller following {@code schedule}. */
    public Controller(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * The state view recorded before and after each step (called on the controlling thread while
     * every logical thread is parked, so it may read the shared state plainly).
     */
    public Controller describeStateWith(Supplier<String> view) {
        this.view = Objects.requireNonNull(view, "view");
        return this;
    }

    /**
     * Runs the logical threads on {@code executor}'s threads instead of a new thread each (a
     * harness that makes many short runs reuses a pool; it needs as many threads as a run has
     * logical threads, since every one of them parks).
     */
    public Controller executor(java.util.concurrent.Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** The most steps a run may take before it fails as a livelock (default 10,000). */
    public Controller stepLimit(int limit) {
        this.stepLimit = limit;
        return this;
    }

    /** How long a granted thread may run without reaching a point (default 10 s). */
    public Controller blockTimeoutMillis(long millis) {
        this.blockTimeoutMillis = millis;
        return this;
    }

    /** Registers a logical thread; returns its id (0, 1, …). Only before {@link #run()}. */
    public int thread(String name, Runnable body) {
        if (started) {
            throw new IllegalStateException("threads must be registered before run()");
        }
        LThread t = new LThread(threads.size(), name, Objects.requireNonNull(body, "body"));
        threads.add(t);
        return t.id;
    }

    // ---- SchedPoint ------------------------------------------------------------------------

    @Override
    public void at(String label) {
        LThread t = current.get();
        if (t != null) {
            park(t, label, null);
        }
    }

    @Override
    public void atLock(String label, Mutex m) {
        LThread t = current.get();
        if (t != null) {
            park(t, label, m);
        }
    }

    private void park(LThread t, String label, Mutex m) {
        lock.lock();
        try {
            if (aborted) {
                throw new Aborted();
            }
            t.label = label;
            t.mutex = m;
            t.state = State.PARKED;
            changed.signalAll();
            while (!t.granted && !aborted) {
                changed.awaitUninterruptibly();
            }
            if (!t.granted) {
                throw new Aborted();
            }
            t.granted = false;
            t.state = State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    // ---- value choices (the weak-memory mode) --------------------------------------------------

    /** Option ids of a value choice; option 0 doubles as the "previous thread", see {@link #chooseValue}. */
    private static final int VALUE_OPTION_BASE = 1 << 24;

    /**
     * From inside a logical thread, during its step: asks the schedule to choose one of {@code n}
     * values (for example which store a weak-memory load reads, {@code io.procspec.control.weak}).
     * Option 0 is the default (the newest store: sequentially consistent behaviour); the choice is
     * a decision of the schedule like a thread choice, with the same index sequence, so
     * {@link Schedule#of} replays it and the {@link Explorer} explores it. A choice other than 0
     * counts as a preemption for the Explorer's bound (the options are offered as if option 0 were
     * the thread that ran last), so a bound limits thread switches and weak reads together.
     * With {@code n == 1} nothing is asked.
     *
     * @return an index in {@code [0, n)}
     */
    public int chooseValue(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        if (n == 1) {
            return 0;
        }
        self();
        lock.lock();
        try {
            List<Integer> options = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                options.add(VALUE_OPTION_BASE + i);
            }
            int c = schedule.choose(decisions++, Collections.unmodifiableList(options), VALUE_OPTION_BASE);
            if (c == Schedule.STOP) {
                c = 0;
            }
            if (c < 0 || c >= n) {
                throw new IllegalArgumentException("schedule chose option " + c + " of " + n);
            }
            chosen.add(c);
            if (c != 0) {
                valueChoicesNotZero++;
            }
            return c;
        } finally {
            lock.unlock();
        }
    }

    // ---- time-stamps for operations ------------------------------------------------------------

    /** From inside a logical thread: a mark to pass to {@link #interval(int)} after an operation. */
    public int mark() {
        LThread t = self();
        lock.lock();
        try {
            return t.grants.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * From inside a logical thread: the interval of the operation begun at {@code mark}, from the
     * first step granted to this thread after the mark to the latest. An operation that took no
     * step gets the empty interval at the current step.
     */
    public Interval interval(int mark) {
        LThread t = self();
        lock.lock();
        try {
            if (t.grants.size() <= mark) {
                int now = Math.max(stepIndex, 0);
                return new Interval(now, now);
            }
            return new Interval(t.grants.get(mark), t.grants.get(t.grants.size() - 1));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The label logical thread {@code id} is parked at, or null while it runs or after it ended.
     * Meant for the controlling thread (a {@link Schedule} reads it to map the state).
     */
    public String labelOf(int id) {
        lock.lock();
        try {
            LThread t = threads.get(id);
            return t.state == State.PARKED ? t.label : null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether logical thread {@code id} has ended (its body returned or threw). */
    public boolean finished(int id) {
        lock.lock();
        try {
            return threads.get(id).state == State.DONE;
        } finally {
            lock.unlock();
        }
    }

    /** The failure recorded so far in this run (an exception in a logical thread, …), or null. */
    public Throwable failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the last run ended because the schedule answered {@link Schedule#STOP}. */
    public boolean stopped() {
        return stopped;
    }

    /** The logical thread id of the calling thread, or -1 for an unmanaged thread. */
    public int currentThread() {
        LThread t = current.get();
        return t == null ? -1 : t.id;
    }

    private LThread self() {
        LThread t = current.get();
        if (t == null) {
            throw new IllegalStateException("not called from a logical thread of this controller");
        }
        return t;
    }

    // ---- the run -----------------------------------------------------------------------------

    /** Runs every registered thread to its end under the schedule; see the class doc. */
    public Run run() {
        if (started) {
            throw new IllegalStateException("a controller runs once");
        }
        started = true;
        List<Step> steps = new ArrayList<>();
        List<Integer> choices = chosen;
        List<String> names = new ArrayList<>();
        for (LThread t : threads) {
            names.add(t.name);
        }
        try {
            for (LThread t : threads) {
                start(t);
                if (!awaitNotRunning(t)) {
                    break;
                }
            }
            int last = -1;
            while (failure == null) {
                List<Integer> options = new ArrayList<>();
                boolean lastRunnable = false;
                boolean anyAlive = false;
                lock.lock();
                try {
                    for (LThread t : threads) {
                        if (t.state == State.DONE) {
                            continue;
                        }
                        anyAlive = true;
                        if (t.state == State.PARKED && (t.mutex == null || !t.mutex.isLocked())) {
                            if (t.id == last) {
                                lastRunnable = true;
                            } else {
                                options.add(t.id);
                            }
                        }
                    }
                } finally {
                    lock.unlock();
                }
                if (lastRunnable) {
                    options.add(0, last);
                }
                if (!anyAlive) {
                    break;
                }
                if (options.isEmpty()) {
                    fail(new IllegalStateException("deadlock: " + describeThreads()));
                    break;
                }
                if (steps.size() >= stepLimit) {
                    fail(new IllegalStateException("step limit " + stepLimit + " reached (livelock?)"));
                    break;
                }
                int idx = steps.size();
                int choice;
                lock.lock();
                try {
                    choice = schedule.choose(decisions++, Collections.unmodifiableList(options), last);
                    if (choice == Schedule.STOP) {
                        stopped = true;
                        break;
                    }
                    if (choice < 0 || choice >= options.size()) {
                        throw new IllegalArgumentException("schedule chose option " + choice + " of " + options.size());
                    }
                    choices.add(choice);
                } finally {
                    lock.unlock();
                }
                LThread t = threads.get(options.get(choice));
                boolean preemption = lastRunnable && t.id != last;
                String before = view.get();
                String label;
                lock.lock();
                try {
                    label = t.label;
                    stepIndex = idx;
                    t.grants.add(idx);
                    t.granted = true;
                    t.state = State.RUNNING;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                boolean ok = awaitNotRunning(t);
                String after = ok ? view.get() : before;
                steps.add(new Step(idx, t.id, label, preemption, before, after));
                last = t.id;
            }
        } finally {
            shutdown();
        }
        List<Integer> all;
        lock.lock();
        try {
            all = List.copyOf(choices);
        } finally {
            lock.unlock();
        }
        return new Run(names, Collections.unmodifiableList(steps), failure, all, valueChoicesNotZero);
    }

    private void start(LThread t) {
        Runnable r = () -> {
            current.set(t);
            try {
                t.body.run();
            } catch (Aborted a) {
                // released by shutdown
            } catch (Throwable e) {
                fail(e);
            } finally {
                current.remove();
                lock.lock();
                try {
                    t.state = State.DONE;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        };
        lock.lock();
        try {
            t.state = State.RUNNING;
        } finally {
            lock.unlock();
        }
        if (executor != null) {
            executor.execute(r);
            return;
        }
        Thread th = new Thread(r, "controlled-" + t.name);
        th.setDaemon(true);
        t.thread = th;
        th.start();
    }

    /** Waits until t parks or ends; false (and a failure) if it does neither in time. */
    private boolean awaitNotRunning(LThread t) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(blockTimeoutMillis);
        lock.lock();
        try {
            while (t.state == State.RUNNING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    failLocked(new IllegalStateException("thread " + t.name
                            + " blocked outside a scheduling point (or ran for " + blockTimeoutMillis + " ms)"));
                    return false;
                }
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failLocked(e);
                    return false;
                }
            }
            return failure == null;
        } finally {
            lock.unlock();
        }
    }

    private void fail(Throwable e) {
        lock.lock();
        try {
            failLocked(e);
        } finally {
            lock.unlock();
        }
    }

    private void failLocked(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        changed.signalAll();
    }

    private String describeThreads() {
        StringBuilder sb = new StringBuilder();
        lock.lock();
        try {
            for (LThread t : threads) {
                sb.append(t.name).append('=').append(t.state);
                if (t.state == State.PARKED) {
                    sb.append('@').append(t.label);
                    if (t.mutex != null) {
                        sb.append(" waiting for ").append(t.mutex);
                    }
                }
                sb.append(' ');
            }
        } finally {
            lock.unlock();
        }
        return sb.toString().trim();
    }

    private void shutdown() {
        lock.lock();
        try {
            aborted = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (LThread t : threads) {
            if (t.thread != null) {
                try {
                    t.thread.join(blockTimeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (executor != null) {
            // pooled threads: wait until every body has returned (they unwind on Aborted)
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(blockTimeoutMillis);
            lock.lock();
            try {
                for (LThread t : threads) {
                    while (t.state != State.DONE && t.state != State.NEW) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return;
                        }
                        try {
                            changed.awaitNanos(left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
