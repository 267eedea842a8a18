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
    /**
     * idlepMask (Go 1.21): one word per P, 1 while the P is on {@link #pidle}: set by pidleput,
     * cleared by pidleget, in step with the list; read without the lock (stealWork, checkRunqsNoP
     * skip idle Ps), as Go's {@code idlepMask.read} (an atomic load). Not the P's status: a P that
     * startm took stays {@code _Pidle} until its M wakes and acquires it, but is no longer idle.
     */
    private final java.util.concurrent.atomic.AtomicIntegerArray idlepMask;
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
        this.idlepMask = new java.util.concurrent.atomic.AtomicIntegerArray(gomaxprocs);
    }

    /** idlepMask.read(id): is P {@code id} on the idle list now? (A racy hint, as in Go.) */
    boolean idlepMaskRead(int id) {
        return idlepMask.get(id) != 0;
    }

    /** sched.pidle from the top (the next pidleget's P) down. sched.lock held, or every thread at a point. */
    List<P> pidleList() {
        List<P> out = new ArrayList<>(pidleLen);
        for (int i = pidleLen - 1; i >= 0; i--) {
            out.add(pidle[i]);
        }
        return out;
    }

    /** sched.midle from the head (the next mget's M) on. sched.lock held, or every thread at a point. */
    List<M> midleList() {
        List<M> out = new ArrayList<>(nmidle);
        for (M mp = midle; mp != null; mp = mp.schedlink) {
            out.add(mp);
        }
        return out;
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
        if (pp.id < idlepMask.length()) {
            idlepMask.set(pp.id, 1); // idlepMask.set(pp.id)
        }
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
        if (pp.id < idlepMask.length()) {
            idlepMask.set(pp.id, 0); // idlepMask.clear(pp.id)
        }
        sched.addVolatileNpidle(-1);
        return pp;
    }

    /**
     * pidlegetSpinning (proc.go, Go 1.21): pidleget for an M that is or will be spinning. With no
     * idle P it sets {@code sched.needspinning}: the caller found work it cannot take, so a
     * non-spinning M about to idle its P must spin instead (findRunnable, under sched.lock).
     */
    P pidlegetSpinning() {
        P pp = pidleget();
        if (pp == null) {
            // See "Delicate dance" comment in findrunnable. We found work that we cannot take, we
            // must synchronize with non-spinning Ms that may be preparing to drop their P.
            sched.storeVolatileNeedspinning(1);
        }
        return pp;
    }
}
