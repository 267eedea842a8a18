package io.procspec.runtime;

import java.util.Objects;

/**
 * How a {@link Steps} body gives its M back after a step: the continuation proc.go runs on g0
 * ({@code mcall}) when a G stops running.
 *
 * <table>
 *   <caption>what each does (Go 1.21)</caption>
 *   <tr><th>value</th><th>Go</th><th>the G</th><th>spec (Proc.tla)</th></tr>
 *   <tr><td>{@link #EXIT}</td><td>return from the function: {@code goexit1} →
 *       {@code goexit0}</td><td>{@code _Gdead}, back on a free list ({@code gfput})</td>
 *       <td>G action {@code exit}</td></tr>
 *   <tr><td>{@link #GOSCHED}</td><td>{@code runtime.Gosched()} → {@code goschedImpl}</td>
 *       <td>{@code _Grunnable}, at the tail of the global queue; the M schedules</td>
 *       <td>{@code gosched}</td></tr>
 *   <tr><td>{@link #GOYIELD}</td><td>{@code goyield()} → {@code goyield_m}</td>
 *       <td>{@code _Grunnable}, at the tail of its P's ring ({@code runqput(pp, gp, false)})</td>
 *       <td>{@code yield}</td></tr>
 *   <tr><td>{@link #park(Unlockf)}, {@link #PARK}</td><td>{@code gopark(unlockf, …)} →
 *       {@code park_m}</td><td>{@code _Gwaiting}, on no queue, until
 *       {@link Sched#ready} ({@code goready}) or {@link Sched#injectglist}</td>
 *       <td>{@code park}</td></tr>
 * </table>
 */
public final class Next {

    /**
     * Go's {@code unlockf}: called by {@code park_m} on the same M after the G's status is
     * {@code _Gwaiting}, typically to release the lock that guards the wait queue the G put itself
     * on (Go's {@code parkunlock_c}). Returning false resumes the G at once, as if it had not
     * parked ({@code casgstatus(gp, _Gwaiting, _Grunnable); execute(gp, true)}); then no one may
     * ready it. Because it runs after the status change, the G may already have been readied by
     * the time it runs, unless the lock it releases prevents that.
     */
    @FunctionalInterface
    public interface Unlockf {
        /**
         * @param gp the parking G, already {@code _Gwaiting}
         * @return true to stay parked, false to resume at once
         */
        boolean unlock(G gp);
    }

    enum Kind { EXIT, GOSCHED, GOYIELD, PARK }

    final Kind kind;
    /** For PARK: the unlock function, or null. */
    final Unlockf unlockf;

    private Next(Kind kind, Unlockf unlockf) {
        this.kind = kind;
        this.unlockf = unlockf;
    }

    /** The G is done: {@code goexit0}. */
    public static final Next EXIT = new Next(Kind.EXIT, null);
    /** {@code runtime.Gosched()}: yield, to the tail of the global queue. */
    public static final Next GOSCHED = new Next(Kind.GOSCHED, null);
    /** {@code goyield()}: yield, to the tail of this P's ring. */
    public static final Next GOYIELD = new Next(Kind.GOYIELD, null);
    /** {@code gopark(nil, …)}: park with no unlock function. */
    public static final Next PARK = new Next(Kind.PARK, null);

    /** {@code gopark(unlockf, …)}: park, then run {@code unlockf} (see {@link Unlockf}). */
    public static Next park(Unlockf unlockf) {
        return new Next(Kind.PARK, Objects.requireNonNull(unlockf, "unlockf"));
    }

    @Override
    public String toString() {
        return kind == Kind.PARK && unlockf != null ? "PARK(unlockf)" : kind.name();
    }
}
