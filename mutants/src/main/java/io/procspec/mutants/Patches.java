package io.procspec.mutants;

import io.procspec.mutants.Bug.Category;
import io.procspec.mutants.Patch.Edit;
import io.procspec.mutants.twins.RunqdrainLoadBeforeCas;
import io.procspec.mutants.twins.RunqgrabCasPlain;
import io.procspec.mutants.twins.RunqputHeadPlainLoad;
import io.procspec.mutants.twins.RunqputRunnextCasPlain;
import io.procspec.runtime.Proc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The second registry of the {@link Catalogue} (issue 15): bugs kept as {@link Patch}es, which the
 * bug runner applies to a scratch copy of the repository, and the patches of the catalogue's
 * earlier bugs whose Java twin is a one-place change (so those run through every layer too).
 *
 * <p>Every patch changes one small thing and marks each changed line {@code // BUG}; a patch that
 * needs a weaker accessor than production has (a plain load of {@code runqhead}, a plain CAS) adds
 * it to {@code P} or {@code G} in the scratch copy only. {@code PatchesTest} checks that every
 * patch still applies (its text occurs exactly once), that a patched copy compiles, and that a
 * patch of a bug with a twin produces exactly the twin's methods.
 *
 * <p>Equivalent mutants carry their argument ({@link Patch#equivalence()}); the runner still runs
 * them, and a layer that catches one would disprove the argument.
 */
public final class Patches {
    private Patches() {}

    static final String PROC = "impl/src/main/java/io/procspec/runtime/Proc.java";
    static final String P = "impl/src/main/java/io/procspec/runtime/P.java";
    static final String G = "impl/src/main/java/io/procspec/runtime/G.java";
    static final String SCHEDT = "impl/src/main/java/io/procspec/runtime/Schedt.java";
    static final String MLOOP = "impl/src/main/java/io/procspec/runtime/MLoop.java";
    static final String CHECKS = "impl/src/main/java/io/procspec/runtime/FindRunnableChecks.java";

    private static final String P_VIEWS = "// ---- views for tests, snapshots and checking ----------------------------------------------";

    /**
     * Adds accessors with weaker orderings than production has to P (scratch copy only). They
     * report to the accessor-level simulation hook like every other accessor, so the weak-memory
     * mode sees them.
     */
    private static Edit pAccessor(String doc, String signature, String body) {
        return new Edit(P, P_VIEWS, "/** BUG accessor: " + doc + " */ // BUG\n"
                + "public " + signature + " { // BUG\n"
                + body.stripTrailing().lines().map(l -> "    " + l + " // BUG").reduce((a, b) -> a + "\n" + b).orElse("") + "\n"
                + "} // BUG\n\n" + P_VIEWS);
    }

    private static final Edit P_LOAD_RAW_RUNQ = pAccessor("a load of the ring array at a raw index (no mask).",
            "G loadRawRunq(int index)", "return runq[index];");

    private static final Edit P_STORE_RAW_RUNQ = pAccessor("a store into the ring array at a raw index (no mask).",
            "void storeRawRunq(int index, G gp)", "runq[index] = gp;");

    private static final List<Bug> BUGS = new ArrayList<>();
    private static final Map<String, Patch> PATCHES = new LinkedHashMap<>();

    private static void bug(String name, Category c, String description, Patch patch) {
        String note = patch.equivalent()
                ? "equivalent mutant: " + patch.equivalence()
                : "patch only (Patches): the bug runner applies it to a scratch copy; no Java twin";
        BUGS.add(new Bug(name, c, description, null, null, null, List.of(), note));
        PATCHES.put(name, patch);
    }

    /**
     * A bug kept as a patch that also has a Java twin (so the in-process hunts of {@code mvn verify}
     * can run it): {@code PatchesTest} checks that the patch yields exactly the twin's methods.
     */
    private static void bug(String name, Category c, String description, Function<Proc, QueueOps> twin,
                            List<Bug.Copy> copies, Patch patch) {
        BUGS.add(new Bug(name, c, description, null, null, twin, copies,
                "patch (Patches) and Java twin (" + copies.size() + " method" + (copies.size() == 1 ? "" : "s") + " copied)"));
        PATCHES.put(name, patch);
    }

    private static Patch patch(String bug, Edit... edits) {
        return new Patch(bug, List.of(edits), null);
    }

    private static Patch equivalent(String bug, String why, Edit... edits) {
        return new Patch(bug, List.of(edits), why);
    }

    /** The ring-reuse comment and the slot copy of runqgrab (its copy loop). */
    private static final String GRAB_COPY = """
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
            if (pp.casReleaseRunqhead(h, h + n)) {
                return n;
            }
            """;

    private static final String SPILL_SPLIT = """
            G g1 = pp.gFree.pop();
            pp.gFree.n--;
            if (!g1.stack.present()) {
                noStackQ.push(g1);
            } else {
                stackQ.push(g1);
            }
            inc++;
            }
            l.lock();
            """;

    static {
        // ---- patches of the catalogue's earlier bugs (the same change as their Java twin) ------
        PATCHES.put("runqtail_plain_store", patch("runqtail_plain_store", new Edit(PROC,
                "pp.storeReleaseRunqtail(t + 1);",
                "pp.storePlainRunqtail(t + 1);  // BUG: plain store, no release")));
        PATCHES.put("runqget_no_cas", patch("runqget_no_cas", new Edit(PROC, """
                if (pp.casReleaseRunqhead(h, h + 1)) {
                    return taken(pp, gp, false);
                }
                """, """
                pp.storePlainRunqhead(h + 1);  // BUG: no CAS: a concurrent consumer's move of head is overwritten
                return taken(pp, gp, false);  // BUG
                """)));
        PATCHES.put("runqget_runnext_no_cas", patch("runqget_runnext_no_cas", new Edit(PROC, """
                // (jcstress RunnextGetSteal; bug runqget_runnext_no_cas, jcstress BrokenRunnextNoCas).
                if (pp.casVolatileRunnext(next, null)) {
                    return taken(pp, next, true);
                }
                """, """
                // (jcstress RunnextGetSteal; bug runqget_runnext_no_cas, jcstress BrokenRunnextNoCas).
                pp.storeVolatileRunnext(null);  // BUG: no CAS: a thief that took runnext meanwhile is not noticed
                return taken(pp, next, true);  // BUG
                """)));
        PATCHES.put("runqgrab_no_cas", patch("runqgrab_no_cas", new Edit(PROC, """
                if (pp.casReleaseRunqhead(h, h + n)) {
                    return n;
                }
                """, """
                pp.storePlainRunqhead(h + n);  // BUG: a plain store of head, no CAS
                return n;  // BUG
                """)));
        PATCHES.put("tail_before_slot", patch("tail_before_slot", new Edit(PROC, """
                point.at(RUNQPUT_STORE);
                pp.storePlainRunq(t, gp); // plain: published by the store-release below
                point.at(RUNQPUT_STORETAIL);
                // store-release, makes the item available for consumption: synchronizes with the
                // load-acquire of tail in runqgrab (jcstress RunqputStealPublication; bug
                // runqtail_plain_store, jcstress BrokenPlainTailPublication).
                pp.storeReleaseRunqtail(t + 1);
                """, """
                point.at(RUNQPUT_STORE);  // BUG: tail published (at the store step) before the slot is written (at the storetail step)
                pp.storeReleaseRunqtail(t + 1);  // BUG
                point.at(RUNQPUT_STORETAIL);  // BUG
                pp.storePlainRunq(t, gp);  // BUG
                """)));
        PATCHES.put("runqput_lost_runnext", patch("runqput_lost_runnext", new Edit(PROC, """
                } while (!pp.casVolatileRunnext(oldnext, gp));
                if (oldnext == null) {
                    return;
                }
                // Kick the old runnext out to the regular run queue.
                gp = oldnext;
                """, """
                } while (!pp.casVolatileRunnext(oldnext, gp));
                return;  // BUG: the old runnext should be kicked out to the ring; it is lost
                """)));
        PATCHES.put("runqgrab_floor_half_plus_one", patch("runqgrab_floor_half_plus_one", new Edit(PROC, """
                private int runqgrab0(P pp, P batch, int batchHead, boolean stealRunNextG) {
                    for (;;) {
                """, """
                private int runqgrab0(P pp, P batch, int batchHead, boolean stealRunNextG) {
                for (int retries = 0; ; retries++) {  // BUG: a retry bound, not in the original: the bug can make a full ring look inconsistent forever
                    if (retries > 10_000) {  // BUG
                        throw new IllegalStateException("runqgrab: livelock (broken variant)");  // BUG
                    }  // BUG
                """), new Edit(PROC,
                "n = n - (n >>> 1);",
                "n = n == 0 ? 0 : (n >>> 1) + 1;  // BUG: should be n - n/2")));
        PATCHES.put("runqempty_one_tail_read", patch("runqempty_one_tail_read", new Edit(PROC, """
                G runnext = pp.loadVolatileRunnext();
                point.at(RUNQEMPTY_RECHECK);
                if (tail == pp.loadVolatileRunqtail()) {
                    return head == tail && runnext == null;
                }
                """, """
                G runnext = pp.loadVolatileRunnext();
                point.at(RUNQEMPTY_RECHECK);
                return head == tail && runnext == null;  // BUG: tail is not read again (the step stays, as in the spec's RereadTail)
                """)));
        PATCHES.put("gfput_no_split", patch("gfput_no_split", new Edit(PROC, SPILL_SPLIT, """
                G g1 = pp.gFree.pop();
                pp.gFree.n--;
                stackQ.push(g1);  // BUG: Gs without a stack belong on noStackQ
                inc++;
                }
                l.lock();
                """)));
        PATCHES.put("gfput_stack_leak", patch("gfput_stack_leak", new Edit(PROC, SPILL_SPLIT, """
                G g1 = pp.gFree.pop();
                pp.gFree.n--;
                g1.stack = Stack.NONE;  // BUG: the stack is dropped without stackfree
                g1.stackguard0 = 0;  // BUG
                noStackQ.push(g1);  // BUG
                inc++;
                }
                l.lock();
                """)));
        PATCHES.put("no_schedtick_check", patch("no_schedtick_check", new Edit(CHECKS,
                "return Integer.remainderUnsigned(schedtick, period) == 0;",
                "return false; // BUG: no look at the global queue every 61st schedtick")));

        // ---- new bugs (issue 15) ------------------------------------------------------------------

        // memory ordering: each acquire, release and CAS weakened
        bug("runqgrab_tail_plain_load", Category.MEMORY_ORDERING,
                "runqgrab loads runqtail plainly instead of with a load-acquire: the slots below the tail it reads need not be visible (message passing broken)",
                patch("runqgrab_tail_plain_load", new Edit(PROC,
                        "int t = pp.loadAcquireRunqtail();",
                        "int t = pp.loadPlainRunqtail(); // BUG: plain load, no acquire")));
        bug("runqput_head_plain_load", Category.MEMORY_ORDERING,
                "runqput loads runqhead plainly instead of with a load-acquire: a consumer's slot read need not happen before the owner overwrites the slot (load buffering)",
                RunqputHeadPlainLoad::new, List.of(Bug.Copy.of("runqput0", "runqput0")),
                patch("runqput_head_plain_load", new Edit(PROC, """
                        int h = pp.loadAcquireRunqhead();
                        int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
                        if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                            point.at(RUNQPUT_STORE);
                        """, """
                        int h = pp.loadPlainRunqhead(); // BUG: plain load, no acquire
                        int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
                        if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                            point.at(RUNQPUT_STORE);
                        """)));
        bug("runqputbatch_tail_plain_store", Category.MEMORY_ORDERING,
                "runqputbatch publishes runqtail with a plain store instead of a store-release",
                patch("runqputbatch_tail_plain_store", new Edit(PROC,
                        "pp.storeReleaseRunqtail(t);",
                        "pp.storePlainRunqtail(t); // BUG: plain store, no release")));
        bug("runqsteal_tail_plain_store", Category.MEMORY_ORDERING,
                "runqsteal publishes the stolen Gs in its own ring with a plain store of runqtail instead of a store-release",
                patch("runqsteal_tail_plain_store", new Edit(PROC,
                        "pp.storeReleaseRunqtail(t + n);",
                        "pp.storePlainRunqtail(t + n); // BUG: plain store, no release")));
        bug("runqgrab_cas_plain", Category.MEMORY_ORDERING,
                "runqgrab commits with a plain CAS instead of a CAS-release: its slot reads need not happen before the owner reuses the slots (load buffering)",
                RunqgrabCasPlain::new,
                List.of(Bug.Copy.of("runqsteal", "runqsteal0", "checkRunqsteal(pp, p2);", "",
                                "checkRoomToSteal(\"runqsteal\", pp);", "", "pp.nsteals++;", "", "pp.nstolen += n;", ""),
                        Bug.Copy.of("runqgrab0", "runqgrab0")),
                patch("runqgrab_cas_plain", new Edit(PROC, """
                        if (pp.casReleaseRunqhead(h, h + n)) {
                            return n;
                        }
                        """, """
                        if (pp.casPlainRunqhead(h, h + n)) { // BUG: plain CAS, no release
                            return n;
                        }
                        """)));
        bug("runqget_cas_plain", Category.MEMORY_ORDERING,
                "runqget commits with a plain CAS instead of a CAS-release",
                equivalent("runqget_cas_plain",
                        "the release of a consumer's CAS orders its slot read before whoever reuses the slot after seeing the"
                        + " new head; runqget's consumer is the owner, the only writer of its ring's slots (a P changes hands"
                        + " only through sched.lock), so the reuse follows the read in program order anyway; a thief that reads"
                        + " head from the plain CAS without synchronizing may pair it with an older tail, sees t - h out of range"
                        + " or fewer Gs and retries or takes less (Go's 'read inconsistent h and t'), runqempty may answer 'not"
                        + " empty' (never a spurious 'empty'), and later consumers' CASes still continue the earlier"
                        + " CAS-releases' release sequence (C++20/JMM modes: any RMW does); no execution can tell it from the"
                        + " CAS-release. Not Go's ordering (Go has atomic.CasRel): the ordering audit flags it",
                        new Edit(PROC,
                        "if (pp.casReleaseRunqhead(h, h + 1)) {",
                        "if (pp.casPlainRunqhead(h, h + 1)) { // BUG: plain CAS, no release")));
        bug("runqput_runnext_cas_plain", Category.MEMORY_ORDERING,
                "runqput sets runnext with a plain CAS instead of a full CAS: a thief that takes the G from runnext need not see the G's fields newproc1 wrote",
                RunqputRunnextCasPlain::new, List.of(Bug.Copy.of("runqput0", "runqput0")),
                patch("runqput_runnext_cas_plain", new Edit(PROC,
                        "} while (!pp.casVolatileRunnext(oldnext, gp));",
                        "} while (!pp.casPlainRunnext(oldnext, gp)); // BUG: plain CAS, no ordering")));
        bug("goidgen_plain_add", Category.MEMORY_ORDERING,
                "newproc1 takes a goid batch with a plain read and a plain write of sched.goidgen instead of an atomic add: two Ps can get the same batch",
                patch("goidgen_plain_add",
                        new Edit(SCHEDT, "/** {@code sched.goidgen.Load()}. */", """
                                /** BUG accessor: a plain read, add and write of goidgen (not atomic). */ // BUG
                                public long addPlainGoidgen(long n) { // BUG
                                    long cur = (long) GOIDGEN.get(this); // BUG
                                    long v = (MemorySimulation.ON // BUG
                                            ? ((Number) MemorySimulation.loadRef(this, "goidgen", MemorySimulation.PLAIN, cur)).longValue() // BUG
                                            : cur) + n; // BUG
                                    if (MemorySimulation.ON) { // BUG
                                        MemorySimulation.store(this, "goidgen", MemorySimulation.PLAIN, v, cur); // BUG
                                    } // BUG
                                    GOIDGEN.set(this, v); // BUG
                                    return v; // BUG
                                } // BUG

                                /** {@code sched.goidgen.Load()}. */
                                """),
                        new Edit(PROC,
                                "pp.goidcache = sched.addVolatileGoidgen(b);",
                                "pp.goidcache = sched.addPlainGoidgen(b); // BUG: plain read-modify-write")));
        bug("casgstatus_plain", Category.MEMORY_ORDERING,
                "casgstatus changes the G's status with a plain read and a plain write instead of a CAS",
                equivalent("casgstatus_plain",
                        "procspec has no GC: every status change is made by the G's current owner (the P that took it from a queue or free list, which handed it over through a release/acquire pair, a CAS or a lock), so the status CAS never races and a plain read-then-write is indistinguishable; in Go the GC's scan bit races with it, which procspec does not model",
                        new Edit(G, "/** The next G on the list or queue this G is on (for snapshots and tests). */", """
                                /** BUG accessor: a plain read, then a plain write of the status; false if it was not oldval. */ // BUG
                                boolean setPlainAtomicstatus(int oldval, int newval) { // BUG
                                    int cur = (int) ATOMICSTATUS.get(this); // BUG
                                    int seen = MemorySimulation.ON ? MemorySimulation.loadInt(this, "atomicstatus", MemorySimulation.PLAIN, cur) : cur; // BUG
                                    if (seen != oldval) { // BUG
                                        return false; // BUG
                                    } // BUG
                                    if (MemorySimulation.ON) { // BUG
                                        MemorySimulation.store(this, "atomicstatus", MemorySimulation.PLAIN, newval, cur); // BUG
                                    } // BUG
                                    ATOMICSTATUS.set(this, newval); // BUG
                                    return true; // BUG
                                } // BUG

                                /** The next G on the list or queue this G is on (for snapshots and tests). */
                                """),
                        new Edit(PROC, "if (!gp.casVolatileAtomicstatus(oldval, newval)) {",
                                "if (!gp.setPlainAtomicstatus(oldval, newval)) { // BUG: a plain read, then a plain write")));

        // lost atomicity
        bug("runqdrain_no_cas", Category.LOST_ATOMICITY,
                "runqdrain commits with a plain store of runqhead instead of a CAS: a thief's steal in between is overwritten, its Gs drained twice",
                patch("runqdrain_no_cas", new Edit(PROC, """
                        if (pp.casReleaseRunqhead(h, h + qn)) { // cas-release, commits consume
                            break;
                        }
                        """, """
                        pp.storePlainRunqhead(h + qn); // BUG: a plain store, no CAS
                        break; // BUG
                        """)));
        bug("runqputslow_no_cas", Category.LOST_ATOMICITY,
                "runqputslow commits its take with a plain store of runqhead instead of a CAS: Gs a thief stole meanwhile also go to the global queue",
                patch("runqputslow_no_cas", new Edit(PROC, """
                        if (!pp.casReleaseRunqhead(h, h + n)) {
                            java.util.Arrays.fill(batch, 0, n, null);
                            return false;
                        }
                        """, """
                        pp.storePlainRunqhead(h + n); // BUG: a plain store, no CAS
                        """)));
        bug("runqgrab_runnext_no_cas", Category.LOST_ATOMICITY,
                "runqgrab takes runnext with a load and a store of nil instead of a CAS: the owner's runqget can take the same G",
                patch("runqgrab_runnext_no_cas", new Edit(PROC, """
                        if (!pp.casVolatileRunnext(next, null)) {
                            continue;
                        }
                        """, """
                        pp.storeVolatileRunnext(null); // BUG: a store, no CAS
                        """)));
        bug("gfget_no_lock", Category.LOST_ATOMICITY,
                "gfget refills the P's free list from sched.gFree without sched.gFree.lock: a concurrent spill or refill corrupts the global lists",
                patch("gfget_no_lock",
                        new Edit(PROC, "lock(sched.gFree.lock, GFGET_LOCK);", "point.at(GFGET_LOCK); // BUG: no lock"),
                        new Edit(PROC, """
                                } finally {
                                    unlock(sched.gFree.lock);
                                }
                                continue; // goto retry
                                """, """
                                } finally { // BUG: no unlock
                                }
                                continue; // goto retry
                                """)));
        bug("gfput_spill_no_lock", Category.LOST_ATOMICITY,
                "gfput spills to sched.gFree without sched.gFree.lock (Go 1.21 form): a concurrent refill or spill corrupts the global lists",
                patch("gfput_spill_no_lock", new Edit(PROC, """
                        l.lock();
                        try {
                            sched.gFree.noStack.pushAll(noStackQ);
                            sched.gFree.stack.pushAll(stackQ);
                            sched.gFree.n += inc;
                        } finally {
                            unlock(l);
                        }
                        """, """
                        sched.gFree.noStack.pushAll(noStackQ); // BUG: no lock
                        sched.gFree.stack.pushAll(stackQ); // BUG
                        sched.gFree.n += inc; // BUG
                        """)));
        bug("runqputbatch_no_lock", Category.HISTORICAL,
                "runqputbatch spills what does not fit to the global queue without sched.lock (Go issue 40457)",
                patch("runqputbatch_no_lock", new Edit(PROC, """
                        lock(sched.lock, RUNQPUTBATCH_LOCK);
                        try {
                            globrunqputbatch0(q, qsize);
                        } finally {
                            unlock(sched.lock);
                        }
                        """, """
                        point.at(RUNQPUTBATCH_LOCK); // BUG: no lock
                        globrunqputbatch0(q, qsize); // BUG
                        """)));

        // arithmetic
        bug("runqgrab_floor_half", Category.ARITHMETIC,
                "runqgrab takes floor(n/2) instead of n - n/2: a single queued G can never be stolen",
                patch("runqgrab_floor_half", new Edit(PROC, "n = n - (n >>> 1);", "n = n >>> 1; // BUG: floor half")));
        bug("runqputslow_moves_127", Category.ARITHMETIC,
                "runqputslow moves len/2 - 1 Gs (127 of a ring of 256) plus the new G to the global queue instead of len/2",
                patch("runqputslow_moves_127", new Edit(PROC, """
                        throw new IllegalStateException("runqputslow: queue is not full");
                        }
                        """, """
                        throw new IllegalStateException("runqputslow: queue is not full");
                        }
                        n--; // BUG: one G too few
                        """)));
        bug("runqputslow_moves_129", Category.ARITHMETIC,
                "runqputslow moves len/2 + 1 Gs (129 of 256) plus the new G: one more than its batch array holds",
                patch("runqputslow_moves_129", new Edit(PROC, """
                        throw new IllegalStateException("runqputslow: queue is not full");
                        }
                        """, """
                        throw new IllegalStateException("runqputslow: queue is not full");
                        }
                        n++; // BUG: one G too many
                        """)));
        bug("runqget_signed_modulo", Category.ARITHMETIC,
                "runqget indexes the ring with h % len (a signed remainder) instead of h & mask: wrong once the uint32 counter passes 2^31",
                patch("runqget_signed_modulo", P_LOAD_RAW_RUNQ, new Edit(PROC,
                        "G gp = pp.loadPlainRunq(h); // plain: this owner wrote it; validated by the CAS",
                        "G gp = pp.loadRawRunq(h % pp.ringSize()); // BUG: a signed remainder, negative past 2^31")));
        bug("runqput_index_no_mask", Category.ARITHMETIC,
                "runqput indexes the ring with the counter itself, without the mask",
                patch("runqput_index_no_mask", P_STORE_RAW_RUNQ, new Edit(PROC,
                        "pp.storePlainRunq(t, gp); // plain: published by the store-release below",
                        "pp.storeRawRunq(t, gp); // BUG: no mask")));
        bug("runqput_distance_signed", Category.ARITHMETIC,
                "runqput compares the distance t - h with len as a signed int instead of unsigned",
                equivalent("runqput_distance_signed",
                        "the owner's t - h is always in [0, len(runq)]: head never passes tail, the owner reads its own tail after head, and its reads of head are coherent (never older than the head of its previous put), so a signed and an unsigned comparison agree on every reachable value",
                        new Edit(PROC, """
                                int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
                                if (Integer.compareUnsigned(t - h, pp.ringSize()) < 0) {
                                    point.at(RUNQPUT_STORE);
                                """, """
                                int t = pp.loadPlainRunqtail(); // plain: only this owner writes tail
                                if (t - h < pp.ringSize()) { // BUG: signed comparison
                                    point.at(RUNQPUT_STORE);
                                """)));
        bug("runqgrab_distance_signed", Category.ARITHMETIC,
                "runqgrab's check for inconsistent head and tail compares n with len/2 as a signed int instead of unsigned",
                equivalent("runqgrab_distance_signed",
                        "n = t - h - (t - h)/2 with t read after h (both acquire, so t >= h): n is negative as a signed int only if the tail moved 2^31 past the head while the thief stalled between its two loads, which the uint32 counters' own argument (no 2^32 operations during a stall) already excludes",
                        new Edit(PROC, "if (Integer.compareUnsigned(n, pp.ringSize() / 2) > 0) { // read inconsistent h and t",
                                "if (n > pp.ringSize() / 2) { // BUG: signed comparison")));
        bug("goid_batch_overlap", Category.HISTORICAL,
                "newproc1's goid batch is [goidgen-16, goidgen) instead of (goidgen-16, goidgen]: consecutive batches share one goid",
                patch("goid_batch_overlap", new Edit(PROC, "pp.goidcache -= b - 1;", "pp.goidcache -= b; // BUG: batches overlap by one")));

        // order
        bug("runqgrab_copy_after_cas", Category.ORDER,
                "runqgrab commits its CAS before copying the slots: the owner may overwrite a slot before the thief copies it",
                patch("runqgrab_copy_after_cas", new Edit(PROC, GRAB_COPY, """
                        point.at(RUNQGRAB_CAS);
                        if (pp.casReleaseRunqhead(h, h + n)) { // BUG: commits before copying
                            for (int i = 0; i < n; i++) { // BUG
                                point.at(RUNQGRAB_COPY); // BUG
                                batch.storePlainRunq(batchHead + i, pp.loadPlainRunq(h + i)); // BUG
                            } // BUG
                            return n;
                        }
                        """)));
        bug("runqdrain_load_before_cas", Category.HISTORICAL,
                "runqdrain reads the slots and links the Gs into drainQ before its CAS (Go's reverted CL 310149): it writes schedlink of Gs a thief may already own",
                RunqdrainLoadBeforeCas::new,
                List.of(Bug.Copy.of("runqdrain", "runqdrain0", "checkOwnP(\"runqdrain\", pp);", "",
                        "return drained(drainQ, n);", "return new Proc.Drained(drainQ, n);")),
                patch("runqdrain_load_before_cas", new Edit(PROC, """
                        point.at(RUNQDRAIN_CAS);
                        if (pp.casReleaseRunqhead(h, h + qn)) { // cas-release, commits consume
                            break;
                        }
                        """, """
                        GQueue read = new GQueue(); // BUG: reads and links the Gs before the CAS
                        for (int i = 0; i < qn; i++) { // BUG
                            point.at(RUNQDRAIN_LOAD); // BUG
                            read.pushBack(pp.loadPlainRunq(h + i)); // BUG
                        } // BUG
                        point.at(RUNQDRAIN_CAS);
                        if (pp.casReleaseRunqhead(h, h + qn)) { // cas-release, commits consume
                            drainQ.pushBackAll(read); // BUG
                            n += qn; // BUG
                            qn = 0; // BUG: nothing is left to read after the CAS
                            break;
                        }
                        """)));
        bug("runnext_kick_before_cas", Category.ORDER,
                "runqput(next) puts the old runnext on the ring before its CAS replaces it: a thief can take it from runnext while it is also on the ring",
                patch("runnext_kick_before_cas", new Edit(PROC, """
                        G oldnext;
                        do { // retryNext:
                        """, """
                        G oldnext;
                        point.at(RUNQPUT_LOADNEXT); // BUG: kicks the old runnext before the CAS
                        oldnext = pp.loadPlainRunnext(); // BUG
                        if (oldnext != null) { // BUG
                            runqput0(pp, oldnext, false); // BUG
                        } // BUG
                        point.at(RUNQPUT_CASNEXT); // BUG
                        if (pp.casVolatileRunnext(oldnext, gp) || oldnext != gp) { // BUG: a thief that took oldnext makes the CAS fail and gp is lost
                            return; // BUG
                        } // BUG
                        do { // retryNext:
                        """)));
        bug("runqputslow_cas_before_copy", Category.ORDER,
                "runqputslow commits its CAS before it copies the batch out of the ring",
                equivalent("runqputslow_cas_before_copy",
                        "only the owner writes the ring's slots, and the owner is inside runqputslow: once its CAS moved head past [h, h+n) no consumer can commit a read of those slots, and they keep their values until the owner's next put, so copying after the CAS reads the same Gs (runqdrain relies on exactly this)",
                        new Edit(PROC, """
                                for (int i = 0; i < n; i++) {
                                    point.at(RUNQPUTSLOW_COPY);
                                    batch[i] = pp.loadPlainRunq(h + i); // plain: this owner wrote these slots
                                }
                                """, """
                                """),
                        new Edit(PROC, """
                                if (!pp.casReleaseRunqhead(h, h + n)) {
                                    java.util.Arrays.fill(batch, 0, n, null);
                                    return false;
                                }
                                """, """
                                if (!pp.casReleaseRunqhead(h, h + n)) { // BUG: commits before copying
                                    return false;
                                }
                                for (int i = 0; i < n; i++) { // BUG
                                    point.at(RUNQPUTSLOW_COPY); // BUG
                                    batch[i] = pp.loadPlainRunq(h + i); // BUG
                                } // BUG
                                """)));
        bug("runqget_load_after_cas", Category.ORDER,
                "runqget commits its CAS before it reads the slot",
                equivalent("runqget_load_after_cas",
                        "runqget runs on the owner, the only writer of the slots: after its CAS moved head past h, slot h keeps its G until the owner's next put, so reading it after the CAS returns the same G",
                        new Edit(PROC, """
                                point.at(RUNQGET_LOAD);
                                G gp = pp.loadPlainRunq(h); // plain: this owner wrote it; validated by the CAS
                                """, """
                                """),
                        new Edit(PROC, """
                                if (pp.casReleaseRunqhead(h, h + 1)) {
                                    return taken(pp, gp, false);
                                }
                                """, """
                                if (pp.casReleaseRunqhead(h, h + 1)) { // BUG: commits before reading the slot
                                    point.at(RUNQGET_LOAD); // BUG
                                    G gp = pp.loadPlainRunq(h); // BUG
                                    return taken(pp, gp, false);
                                }
                                """)));

        // scheduler
        // the spec's dropspinning_no_recheck (Proc_bug_dropspinning_no_recheck), as a patch of MLoop
        PATCHES.put("dropspinning_no_recheck", patch("dropspinning_no_recheck", new Edit(CHECKS,
                "return true;",
                "return false; // BUG: no checkRunqsNoP after dropping nmspinning")));
        bug("wakep_condition_inverted", Category.SCHEDULER,
                "wakep returns when no M is spinning instead of when one is: idle Ps are never woken for new work",
                patch("wakep_condition_inverted", new Edit(PROC,
                        "if (sched.loadVolatileNmspinning() != 0 || !sched.casVolatileNmspinning(0, 1)) {",
                        "if (sched.loadVolatileNmspinning() == 0 || !sched.casVolatileNmspinning(0, 1)) { // BUG: inverted")));
        bug("inherit_time_advances_schedtick", Category.SCHEDULER,
                "execute advances schedtick also for a G that inherits the time slice (runnext): a spawning pair of Gs shifts the %61 global-queue check",
                patch("inherit_time_advances_schedtick", new Edit(MLOOP, """
                        if (!inheritTime) {
                            pp.schedtick++;
                        }
                        """, """
                        pp.schedtick++; // BUG: also when inheriting the time slice
                        """)));

        // historical
        bug("gfget_keeps_wrong_size_stack", Category.HISTORICAL,
                "gfget keeps a free G's stack whose size differs from startingStackSize instead of freeing it and allocating one of the right size",
                patch("gfget_keeps_wrong_size_stack", new Edit(PROC,
                        "if (gp.stack.present() && gp.stack.size() != size) {",
                        "if (false) { // BUG: keeps a stack of the old size")));
    }

    /** The bugs this registry adds to the catalogue, in order. */
    static List<Bug> bugs() {
        return Collections.unmodifiableList(BUGS);
    }

    /** Every patch, by bug name (new bugs and the patches of earlier ones). */
    public static Map<String, Patch> all() {
        return Collections.unmodifiableMap(PATCHES);
    }

    /** The patch of bug {@code name}, or null when it is kept only as a twin or a spec switch. */
    public static Patch of(String name) {
        return PATCHES.get(name);
    }
}
