package io.procspec.mutants.twins;

import io.procspec.mutants.QueueOps;
import io.procspec.runtime.FindRunnableChecks;
import io.procspec.runtime.Proc;

/**
 * Java twin of the spec's bug {@code dropspinning_no_recheck}
 * ({@code Proc_bug_dropspinning_no_recheck}): a spinning M that idles its P and drops spinning
 * parks without checkRunqsNoP, so a G queued by an M that saw it spinning (and woke nobody) waits
 * while a P stays idle ({@code WorkConservation}).
 *
 * <p>A scheduler twin: it changes {@link FindRunnableChecks#checkRunqsNoP} (install it with
 * {@code ProcConfig.findRunnableChecks}); its queue operations are the port's own. The method below
 * is a copy of {@link FindRunnableChecks}'s, differing only in the line marked {@code // BUG}
 * (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class DropspinningNoRecheck extends FindRunnableChecks implements QueueOps {
    private final Proc proc;

    public DropspinningNoRecheck(Proc proc) {
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
        return "dropspinning_no_recheck";
    }

    // ---- copies of FindRunnableChecks's methods ------------------------------------------------

    @Override
    public boolean checkRunqsNoP() {
        return false; // BUG: no checkRunqsNoP after dropping nmspinning
    }
}
