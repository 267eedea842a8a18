package io.procspec.mutants.twins;

import io.procspec.mutants.QueueOps;
import io.procspec.runtime.FindRunnableChecks;
import io.procspec.runtime.Proc;

/**
 * Java twin of the spec's bug {@code no_schedtick_check} ({@code Proc_bug_no_schedtick_check}):
 * findRunnable never takes its schedtick%61 look at the global queue, so two Gs that hand the P to
 * each other through runnext starve a G on the global queue ({@code GlobalEventuallyRuns}).
 *
 * <p>A scheduler twin: it changes {@link FindRunnableChecks#globalCheckDue} (install it with
 * {@code ProcConfig.findRunnableChecks}); its queue operations are the port's own. The method below
 * is a copy of {@link FindRunnableChecks}'s, differing only in the line marked {@code // BUG}
 * (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class NoSchedtickCheck extends FindRunnableChecks implements QueueOps {
    private final Proc proc;

    public NoSchedtickCheck(Proc proc) {
        if (proc.config().checkedMode()) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": a bug twin runs with checked mode off, as every twin of the catalogue");
        }
        this.proc = proc;
    }

    @Override
    public boolean supportsCheckedMode() {
        return false;
    }

    @Override
    public Proc proc() {
        return proc;
    }

    @Override
    public String name() {
        return "no_schedtick_check";
    }

    // ---- copies of FindRunnableChecks's methods ------------------------------------------------

    @Override
    public boolean globalCheckDue(int schedtick, int period) {
        return false; // BUG: no look at the global queue every 61st schedtick
    }
}
