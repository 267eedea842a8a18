package io.procspec.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's idle lists and M registry: the fields of Go's {@code schedt} that
 * {@code sched.lock} guards besides the global run queue ({@code sched.pidle}, {@code sched.midle},
 * {@code sched.nmidle}, {@code allm}, {@code sched.mnext}), with the functions proc.go keeps for
 * them ({@code pidleput}, {@code pidleget}, {@code pidlegetSpinning}, {@code mput}, {@code mget}).
 * Like Tokio's {@code idle.rs} {@code Synced}: a plain struct whose every field is read and written
 * only by the holder of {@code sched.lock}; each function asserts it ({@link Mutex#assertHeld()}),
 * so a caller without the lock gets an {@link IllegalStateException} and nothing changes.
 *
 * <p>The one field read without the lock is {@code sched.npidle} ({@link Schedt#npidle}), kept in
 * {@link Schedt} because the ported queue functions' callers read it racily; it is written here,
 * under the lock, in step with the list.
 */
final class Idle {
    private final Schedt sched;

    /** sched.pidle: idle Ps, a LIFO stack as Go's linked list through p.link. */
    private final P[] pidle;
    private int pidleLen;
    /** sched.midle: idle Ms linked through M.schedlink. */
    private M midle;
    /** sched.nmidle. */
    private int nmidle;
    /** allm: every M ever started. */
    final List<M> allm = new ArrayList<>();
    /** sched.mnext: the next M id. */
    long mnext;
    /** Counters (not in Go): stopm parks, startm wakes of idle Ms, new Ms. */
    long nparks, nwakes, nnewm;

    /**
     * @param sched    the global sched, whose lock guards this struct
     * @param gomaxprocs the most Ps the idle list can hold
     */
    Idle(Schedt sched, int gomaxprocs) {
        this.sched = sched;
        this.pidle = new P[gomaxprocs];
    }

    /** mput: put mp on the idle M list. sched.lock must be held. */
    void mput(M mp) {
        sched.lock.assertHeld();
        mp.schedlink = midle;
        midle = mp;
        nmidle++;
    }

    /** mget: an M from the idle M list, or null. sched.lock must be held. */
    M mget() {
        sched.lock.assertHeld();
        M mp = midle;
        if (mp != null) {
            midle = mp.schedlink;
            mp.schedlink = null;
            nmidle--;
        }
        return mp;
    }

    /**
     * pidleput (proc.go): put pp on the idle P list; the caller gives up ownership. sched.lock must
     * be held; pp's run queue must be empty ("pidleput: P has non-empty run queue").
     */
    void pidleput(P pp) {
        sched.lock.assertHeld();
        if (!MLoop.runqemptyQuiet(pp)) {
            throw new IllegalStateException("pidleput: P has non-empty run queue");
        }
        pp.storeOpaqueStatus(P._Pidle); // a hint for thieves (stealWork's idle skip)
        pidle[pidleLen++] = pp;
        sched.addVolatileNpidle(1); // in step with the list; racy readers use it as a hint
    }

    /** pidleget (proc.go): take a P from the idle list, acquiring ownership, or null. sched.lock must be held. */
    P pidleget() {
        sched.lock.assertHeld();
        if (pidleLen == 0) {
            return null;
        }
        P pp = pidle[--pidleLen];
        pidle[pidleLen] = null;
        sched.addVolatileNpidle(-1);
        return pp;
    }

    /**
     * pidlegetSpinning (proc.go): pidleget for an M that is or will be spinning. Go also sets
     * {@code sched.needspinning} when there is no P; that flag serves netpoll/timer work that has
     * no owning P and is not modelled (see {@link Sched}'s deviations).
     */
    P pidlegetSpinning() {
        return pidleget();
    }
}
