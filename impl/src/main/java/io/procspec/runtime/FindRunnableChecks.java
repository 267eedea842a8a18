package io.procspec.runtime;

/**
 * Two decisions of {@code findRunnable} (Go 1.21's {@code proc.go}), kept apart as the extension
 * point through which the bug catalogue's Java twins of the spec's Proc bugs change the scheduler
 * (mutants/: {@code no_schedtick_check}, {@code dropspinning_no_recheck}). They are the spec's
 * operators of the same role in {@code spec/tla/Bugs.tla}: {@code GlobalCheckDue} and
 * {@code ChecksRunqsFrom}. A twin subclasses this class and overrides one method with a copy of it
 * that differs in the line marked {@code // BUG} ({@code TwinsMatchOriginalsTest}).
 *
 * <p>Production uses {@link #GO}; {@link ProcConfig#findRunnableChecks} sets another. The loop
 * keeps the instance in a final field; while {@code GO} is the only one a JVM loads, the calls are
 * monomorphic and the JIT inlines them (not measured separately: the spawn-tree and owner-op
 * benchmarks in bench/ cover the scheduler as a whole).
 */
public class FindRunnableChecks {

    /** Go 1.21's behaviour. */
    public static final FindRunnableChecks GO = new FindRunnableChecks();

    /** For {@link #GO} and the twins. */
    protected FindRunnableChecks() {}

    /**
     * findRunnable's top: whether this schedule round looks at the global queue first
     * ({@code pp.schedtick%61 == 0}; the look also needs {@code sched.runqsize > 0}), so that two
     * Gs respawning each other on one P cannot starve the global queue (spec property
     * {@code GlobalEventuallyRuns}).
     *
     * @param schedtick {@code pp.schedtick}, Go's uint32 (read unsigned)
     * @param period    the check's period (Go: 61; {@link ProcConfig#schedtickPeriod})
     * @return Go: {@code schedtick % period == 0}, unsigned
     */
    public boolean globalCheckDue(int schedtick, int period) {
        return Integer.remainderUnsigned(schedtick, period) == 0;
    }

    /**
     * After a spinning M has idled its P and dropped {@code nmspinning}: whether it re-checks the
     * other Ps' run queues ({@code checkRunqsNoP}) before it parks, the parker's half of the
     * no-lost-wakeup pattern ({@link MLoop}; spec property {@code WorkConservation}).
     *
     * @return Go: always
     */
    public boolean checkRunqsNoP() {
        return true;
    }
}
