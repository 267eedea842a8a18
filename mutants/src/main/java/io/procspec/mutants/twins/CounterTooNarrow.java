package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;

import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code counter_too_narrow}: runqhead and runqtail wrap at {@code 2*len(runq)}
 * instead of 2^32 (the spec's {@code RunQueue_bug_counter_too_narrow}: {@code Mod == 2 * RingSize};
 * Tokio's 16-bit indices were narrow in the same way), so a thief that read head {@code h} and
 * stalled while the owner took the head once round the counter space finds head at {@code h}
 * again, and its CAS commits a copy whose slots the owner has rewritten (an ABA: the spec's
 * {@code NoTornSteal}).
 *
 * <p><b>How the narrow counters map onto Java's.</b> {@code 2*len(runq)} is a power of two that
 * divides 2^32, so the narrow counter of a Java {@code int} counter {@code c} is
 * {@code c & (2*len - 1)}: every value the copies below store to runqhead or runqtail is reduced
 * so ({@code & mask(pp)}), and every distance {@code t - h} is taken modulo {@code 2*len}, exactly
 * the spec's {@code Inc} and {@code Dist}. Equality tests ({@code t == h}, runqempty's) need no
 * change once both counters are narrow, and a ring index {@code c % len} is the same for
 * {@code c} and its narrow value. The constructor reduces every P's counters once (set-up, before
 * any thread runs), so they are narrow from the start. Every Proc function that writes a counter
 * and that the checks drive directly is copied: runqput (and runqputslow), runqputbatch, runqget,
 * runqdrain, runqsteal (and runqgrab); runqempty only compares. {@link #globrunqgetLocked} is
 * refused: Proc's globrunqget puts its batch through Proc's own (wide) runqput.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class CounterTooNarrow extends Twin {

    public CounterTooNarrow(Proc proc) {
        super(proc);
        for (P pp : proc.allp) { // set-up: the counters become narrow (the same ring positions)
            pp.storePlainRunqhead(pp.runqhead() & mask(pp));
            pp.storePlainRunqtail(pp.runqtail() & mask(pp));
        }
    }

    @Override
    public String name() {
        return "counter_too_narrow";
    }

    /** {@code 2*len(runq) - 1}: a counter wraps at {@code 2*len(runq)}. */
    static int mask(P pp) {
        return 2 * pp.ringSize() - 1;
    }

    @Override
    public void runqput(P pp, G gp, boolean next) {
        checkQueueable("runqput", gp);
        runqput0(pp, gp, next);
    }

    @Override
    public void runqputbatch(P pp, GQueue q, int qsize) {
        runqputbatch0(pp, q, qsize);
    }

    @Override
    public Proc.Runqget runqget(P pp) {
        return runqget0(pp);
    }

    @Override
    public Proc.Drained runqdrain(P pp) {
        return runqdrain0(pp);
    }

    @Override
    public G runqsteal(P pp, P p2, boolean stealRunNextG) {
        return runqsteal0(pp, p2, stealRunNextG);
    }

    /** Refused: Proc's globrunqget puts the batch on the ring through Proc's runqput, whose counters are 32-bit. */
    @Override
    public G globrunqgetLocked(P pp, int max) {
        throw new UnsupportedOperationException("counter_too_narrow: globrunqget's runqput is Proc's (32-bit counters);"
                + " the twin narrows only the functions it copies");
    }

    /** A gQueue of batch[0..k), linked with pushBack (Proc links them through the package-private schedlink). */
    static GQueue linked(G[] batch, int k) {
        GQueue q = new GQueue();
        for (int i = 0; i < k; i++) {
            q.pushBack(batch[i]);
        }
        return q;
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    void runqput0(P pp, G gp, boolean next) {
        if (next) {
            G oldnext;
            do { // retryNext:
                point.at(RUNQPUT_LOADNEXT);
                oldnext = pp.loadPlainRunnext(); // plain: a guess the CAS validates
                point.at(RUNQPUT_CASNEXT);
                // The edge that publishes gp to a thief: a thief's successful CAS of runnext in
                // runqgrab reads this value and so synchronizes with this CAS, seeing every field
                // newproc1 (or ready) wrote (jcstress RunnextStealPublication). A full CAS, not a
                // release: it is the submitter's store in the no-lost-wakeup Dekker pattern (see
                // MLoop), ordered before wakep's volatile load of nmspinning and seen by
                // runqempty's volatile load in checkRunqsNoP (NoLostWakeup).
            } while (!pp.casVolatileRunnext(oldnext, gp));
            if (oldnext == null) {
                return;
            }
            // Kick the old runnext out to the regular run queue.
            gp = oldnext;
        }
        for (;;) { // retry:
            point.at(RUNQPUT_LOADHEAD);
            // load-acquire, synchronize with consumers: their CAS-release of head ordered their
            // reads of the slots below h before it, so the store into slot t (= an old h + len)
            // cannot be seen by a consumer that is still copying it and will commit.
            int h = pp.loadAcquireRunqhead();
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            if (Integer.compareUnsigned((t - h) & mask(pp), pp.ringSize()) < 0) {  // BUG: the distance modulo 2*len(runq)
                point.at(RUNQPUT_STORE);
                pp.storePlainRunq(t, gp); // plain: published by the store-release below
                point.at(RUNQPUT_STORETAIL);
                // store-release, makes the item available for consumption: synchronizes with the
                // load-acquire of tail in runqgrab (jcstress RunqputStealPublication; bug
                // runqtail_plain_store, jcstress BrokenPlainTailPublication).
                pp.storeReleaseRunqtail((t + 1) & mask(pp));  // BUG: tail wraps at 2*len(runq)
                return;
            }
            if (runqputslow(pp, gp, h, t)) {
                return;
            }
            // the queue is not full, now the put above must succeed
        }
    }
    @Override
    protected boolean runqputslow(P pp, G gp, int h, int t) {
        final G[] batch = new G[pp.ringSize() / 2 + 1]; // Go: var batch [len(pp.runq)/2 + 1]*g

        // First, grab a batch from local queue.
        int n = (t - h) & mask(pp);  // BUG: the distance modulo 2*len(runq)
        n = n >>> 1; // unsigned n / 2
        if (n != pp.ringSize() / 2) {
            throw new IllegalStateException("runqputslow: queue is not full");
        }
        for (int i = 0; i < n; i++) {
            point.at(RUNQPUTSLOW_COPY);
            batch[i] = pp.loadPlainRunq(h + i); // plain: this owner wrote these slots
        }
        point.at(RUNQPUTSLOW_CAS);
        // cas-release, commits consume: a thief may have taken some of the Gs read above; the CAS
        // fails then and the copies are dropped (jcstress RunqputslowSteal). Release: the reads
        // above happen-before this owner's (or a thief's) later reuse of those slots.
        if (!pp.casReleaseRunqhead(h, (h + n) & mask(pp))) {  // BUG: head wraps at 2*len(runq)
            java.util.Arrays.fill(batch, 0, n, null);
            return false;
        }
        batch[n] = gp;

        // Link the goroutines.
        for (int i = 0; i < n; i++) {
            // (G.schedlink is package-private: linked() links them with pushBack)
        }
        GQueue q = linked(batch, n + 1); // Go's is a stack value: owner-only scratch
        java.util.Arrays.fill(batch, 0, n + 1, null);

        // Now put the batch on global queue.
        lock(sched.lock, RUNQPUTSLOW_LOCK);
        try {
            globrunqputbatch(q, n + 1);
        } finally {
            unlock(sched.lock);
        }
        return true;
    }
    void runqputbatch0(P pp, GQueue q, int qsize) {
        point.at(RUNQPUTBATCH_LOADHEAD);
        int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers (as in runqput)
        int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
        int n = 0;
        while (!q.empty() && Integer.compareUnsigned((t - h) & mask(pp), pp.ringSize()) < 0) {  // BUG: the distance modulo 2*len(runq)
            G gp = q.pop();
            point.at(RUNQPUTBATCH_STORE);
            pp.storePlainRunq(t, gp);
            t = (t + 1) & mask(pp);  // BUG: tail wraps at 2*len(runq)
            n++;
        }
        qsize -= n;
        point.at(RUNQPUTBATCH_STORETAIL);
        // store-release, makes the items available for consumption: one release publishes every
        // slot written above; a thief sees none or all (jcstress RunqputbatchSteal).
        pp.storeReleaseRunqtail(t);
        if (!q.empty() && goVersion != GoVersion.GO1_25) {
            lock(sched.lock, RUNQPUTBATCH_LOCK);
            try {
                globrunqputbatch(q, qsize);
            } finally {
                unlock(sched.lock);
            }
        }
    }
    Proc.Runqget runqget0(P pp) {
        // If there's a runnext, it's the next G to run.
        if (goVersion == GoVersion.GO1_14) {
            for (;;) {
                point.at(RUNQGET_LOADNEXT);
                G next = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
                if (next == null) {
                    break;
                }
                point.at(RUNQGET_CASNEXT);
                // A full CAS: against a thief's CAS of the same runnext exactly one wins
                // (jcstress RunnextGetStealGo114).
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(next, true);
                }
            }
        } else {
            point.at(RUNQGET_LOADNEXT);
            G next = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
            // If the runnext is non-0 and the CAS fails, it could only have been stolen by another
            // P, because other Ps can race to set runnext to 0, but only the current P can set it
            // to non-0. Hence, there's no need to retry this CAS if it fails.
            if (next != null) {
                point.at(RUNQGET_CASNEXT);
                // A full CAS: against a thief's CAS of the same runnext exactly one wins
                // (jcstress RunnextGetSteal; bug runqget_runnext_no_cas, jcstress BrokenRunnextNoCas).
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(next, true);
                }
            }
        }
        for (;;) {
            point.at(RUNQGET_LOADHEAD);
            // load-acquire, synchronize with other consumers: a thief's CAS-release that moved
            // head past slots this owner will now refill.
            int h = pp.loadAcquireRunqhead();
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            if (t == h) {
                return null;
            }
            point.at(RUNQGET_LOAD);
            G gp = pp.loadPlainRunq(h); // plain: this owner wrote it; validated by the CAS
            point.at(RUNQGET_CAS);
            // cas-release, commits consume: against a thief taking the same last G exactly one
            // CAS wins (jcstress RunqgetStealLastG; bug runqget_no_cas, BrokenRunqgetNoCasLastG).
            if (pp.casReleaseRunqhead(h, (h + 1) & mask(pp))) {  // BUG: head wraps at 2*len(runq)
                return taken(gp, false);
            }
        }
    }
    Proc.Drained runqdrain0(P pp) {
        GQueue drainQ = new GQueue();
        int n = 0;
        point.at(RUNQDRAIN_LOADNEXT);
        G oldNext = pp.loadPlainRunnext(); // plain: only this owner sets it non-null
        if (oldNext != null) {
            point.at(RUNQDRAIN_CASNEXT);
            // A full CAS: a thief stealing runnext races with it (jcstress RunqdrainSteal).
            if (pp.casVolatileRunnext(oldNext, null)) {
                drainQ.pushBack(oldNext);
                n++;
            }
        }
        int h;
        int qn;
        for (;;) { // retry:
            point.at(RUNQDRAIN_LOADHEAD);
            h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
            qn = (t - h) & mask(pp);  // BUG: the distance modulo 2*len(runq)
            if (qn == 0) {
                return new Proc.Drained(drainQ, n);
            }
            if (Integer.compareUnsigned(qn, pp.ringSize()) > 0) { // read inconsistent h and t
                continue;
            }
            point.at(RUNQDRAIN_CAS);
            if (pp.casReleaseRunqhead(h, (h + qn) & mask(pp))) {  // BUG: head wraps at 2*len(runq); cas-release, commits consume
                break;
            }
        }
        // We've inverted the order in which it gets G's from the local P's runnable queue and
        // then advances the head pointer because we don't want to mess up the statuses of G's
        // while runqdrain() and runqsteal() are running in parallel. Thus we should advance the
        // head pointer before draining the local P into a gQueue, so that we can update any
        // gp.schedlink only after we take the full ownership of G, meanwhile, other P's can't
        // access to all G's in local P's runnable queue and steal them. See
        // https://groups.google.com/g/golang-dev/c/0pTKxEKhHSc/m/6Q85QjdVBQAJ for more details.
        // (Go's reverted CL 310149 read the slots before the CAS.) The plain loads below are
        // safe: only this owner writes slots, and it will not reuse these until after this loop.
        for (int i = 0; i < qn; i++) {
            point.at(RUNQDRAIN_LOAD);
            drainQ.pushBack(pp.loadPlainRunq(h + i));
            n++;
        }
        return new Proc.Drained(drainQ, n);
    }
    G runqsteal0(P pp, P p2, boolean stealRunNextG) {
        if (pp == p2) {
            throw new IllegalArgumentException("runqsteal: " + pp + " cannot steal from itself");
        }
        if (pp.ringSize() != p2.ringSize()) {
            throw new IllegalArgumentException("runqsteal: rings differ in size (" + pp.ringSize()
                    + " and " + p2.ringSize() + ")");
        }
        int t = pp.loadPlainRunqtail(); // plain: pp is the thief's own P, the only writer of its tail
        int n = runqgrab0(p2, pp, t, stealRunNextG);
        if (n == 0) {
            return null;
        }
        n--;
        G gp = pp.loadPlainRunq(t + n); // plain: written by runqgrab on this thread
        if (checked) {
            where.remove(gp);
        }
        if (n == 0) {
            return gp;
        }
        point.at(RUNQSTEAL_LOADHEAD);
        int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with consumers (as in runqput)
        if (Integer.compareUnsigned(((t - h) & mask(pp)) + n, pp.ringSize()) >= 0) {  // BUG: the distance modulo 2*len(runq)
            throw new IllegalStateException("runqsteal: runq overflow");
        }
        point.at(RUNQSTEAL_STORETAIL);
        // store-release, makes the item available for consumption: publishes the slots runqgrab
        // copied into this ring to consumers that load-acquire tail (as in runqput).
        pp.storeReleaseRunqtail((t + n) & mask(pp));  // BUG: tail wraps at 2*len(runq)
        return gp;
    }
    int runqgrab0(P pp, P batch, int batchHead, boolean stealRunNextG) {
        for (;;) {
            point.at(RUNQGRAB_LOADHEAD);
            int h = pp.loadAcquireRunqhead(); // load-acquire, synchronize with other consumers
            point.at(RUNQGRAB_LOADTAIL);
            // load-acquire, synchronize with the producer: the owner's store-release of tail, so
            // the slots below t hold what the owner wrote (jcstress RunqputStealPublication).
            int t = pp.loadAcquireRunqtail();
            int n = (t - h) & mask(pp);  // BUG: the distance modulo 2*len(runq)
            n = n - (n >>> 1);
            if (n == 0) {
                if (stealRunNextG) {
                    // Try to steal from pp.runnext.
                    point.at(RUNQGRAB_LOADNEXT);
                    G next = pp.loadPlainRunnext(); // plain: a guess; the CAS below validates it
                    if (next != null) {
                        // opaque: a hint for the back-off only (relaxed would do); re-read each try
                        if (pp.loadOpaqueStatus() == P._Prunning) {
                            // Sleep to ensure that pp isn't about to run the g we are about to
                            // steal. The important use case here is when the g running on pp
                            // ready()s another g and then almost immediately blocks. Instead of
                            // stealing runnext in this window, back off to give pp a chance to
                            // schedule runnext and avoid thrashing gs between different Ps.
                            backoff(cfg.runnextBackoffNanos);
                        }
                        point.at(RUNQGRAB_CASNEXT);
                        // A full CAS that reads the owner's CAS which stored next: synchronizes
                        // with it, so next's fields are visible (jcstress RunnextStealPublication);
                        // against the owner's runqget CAS exactly one wins (RunnextGetSteal).
                        if (!pp.casVolatileRunnext(next, null)) {
                            continue;
                        }
                        batch.storePlainRunq(batchHead, next); // plain: runqsteal publishes it
                        return 1;
                    }
                }
                return 0;
            }
            if (Integer.compareUnsigned(n, pp.ringSize() / 2) > 0) { // read inconsistent h and t
                continue;
            }
            for (int i = 0; i < n; i++) {
                point.at(RUNQGRAB_COPY);
                // Plain load of pp's slot (may be mid-overwrite by pp's owner if our h is stale:
                // then the CAS below fails and the copy is dropped; a reference read is never
                // torn), plain store into batch's ring beyond its tail (runqsteal publishes it).
                // The spec's NoTornSteal checks that a copy that commits was never torn.
                batch.storePlainRunq(batchHead + i, pp.loadPlainRunq(h + i));
            }
            point.at(RUNQGRAB_CAS);
            // cas-release, commits consume: orders the slot reads above before the owner's
            // load-acquire of head that precedes its reuse of those slots. Against another
            // consumer exactly one CAS wins (jcstress TwoThieves; bug runqgrab_no_cas,
            // BrokenTwoThievesNoCas). Go's head is a uint32: see "counter_too_narrow" above.
            if (pp.casReleaseRunqhead(h, (h + n) & mask(pp))) {  // BUG: head wraps at 2*len(runq): a stale h can match again (ABA)
                return n;
            }
        }
    }
}
