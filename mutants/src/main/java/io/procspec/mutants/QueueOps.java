package io.procspec.mutants;

import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

/**
 * The queue and free-list functions of one {@link Proc} that a check drives, so that the same
 * check runs on the port as it is ({@link #real(Proc)}) or on a bug's Java twin
 * ({@link Catalogue#ops(String, Proc)}), which replaces one or a few of these functions by a copy
 * with the bug. Every default method calls the Proc's own function.
 *
 * <p>Each method has the contract of the Proc method of the same name.
 */
public interface QueueOps {

    /** The Proc these functions act on. */
    Proc proc();

    /** The bug's name in the {@link Catalogue}, or "real". */
    default String name() {
        return "real";
    }

    /** Whether checked mode may be on: twins do not keep Proc's private bookkeeping, so only the real code. */
    default boolean supportsCheckedMode() {
        return true;
    }

    /** newproc (Go 1.21): newproc1, runqput(pp, newg, true), wakep if main started. */
    default G newproc(P pp, FuncVal fn, G callergp) {
        G newg = proc().newproc1(pp, fn, callergp, 0);
        runqput(pp, newg, true);
        if (proc().mainStarted()) {
            proc().wakep();
        }
        return newg;
    }

    default void runqput(P pp, G gp, boolean next) {
        proc().runqput(pp, gp, next);
    }

    default void runqputbatch(P pp, GQueue q, int qsize) {
        proc().runqputbatch(pp, q, qsize);
    }

    default Proc.Runqget runqget(P pp) {
        return proc().runqget(pp);
    }

    default Proc.Drained runqdrain(P pp) {
        return proc().runqdrain(pp);
    }

    default G runqsteal(P pp, P p2, boolean stealRunNextG) {
        return proc().runqsteal(pp, p2, stealRunNextG);
    }

    default boolean runqempty(P pp) {
        return proc().runqempty(pp);
    }

    default void globrunqputLocked(G gp) {
        proc().globrunqputLocked(gp);
    }

    default void globrunqputheadLocked(G gp) {
        proc().globrunqputheadLocked(gp);
    }

    default G globrunqgetLocked(P pp, int max) {
        return proc().globrunqgetLocked(pp, max);
    }

    default G gfget(P pp) {
        return proc().gfget(pp);
    }

    default void gfput(P pp, G gp) {
        proc().gfput(pp, gp);
    }

    default void gfpurge(P pp) {
        proc().gfpurge(pp);
    }

    /** The port as it is. */
    static QueueOps real(Proc proc) {
        return new QueueOps() {
            @Override
            public Proc proc() {
                return proc;
            }

            @Override
            public String toString() {
                return "real";
            }
        };
    }
}
