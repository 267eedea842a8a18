-------------------------------- MODULE Bugs --------------------------------
(***************************************************************************)
(* The bug catalogue: known bugs that a model can inject by configuration  *)
(* (CONSTANT Bug), each behind a named operator.  The step text of         *)
(* RunQueue.tla, GFree.tla and Proc.tla reads like proc.go; where a bug    *)
(* changes a step, the step uses one of the operators below, which is the  *)
(* identity (Go's behaviour) unless that bug is switched on.  The Java     *)
(* port's broken twins carry the same names (stress/, properties/).        *)
(*                                                                         *)
(* Each bug has a model that must fail with the property named here        *)
(* (models/*_bug_*.cfg, and the table in README.md).                       *)
(***************************************************************************)
EXTENDS GoRuntime

CONSTANT Bug   \* "none", or one of BugNames

BugNames ==
    {"runqempty_one_tail_read",  \* RunqemptyNeverSpurious
     "runqgrab_no_cas",          \* ExactlyOnePlace
     "runqgrab_steal_all",       \* Refinement (the steal batch)
     "tail_before_slot",         \* StealCopiesQueued
     "runqputslow_no_lock",      \* ExactlyOnePlace
     "counter_too_narrow",       \* StealCopiesQueued (the ABA)
     "no_schedtick_check",       \* GlobalEventuallyRuns
     "dropspinning_no_recheck",  \* WorkConservation
     "gfput_bad_spill",          \* LocalFreeListBounded
     "gfput_stack_leak"}         \* StackAccounting

ASSUME KnownBug == Bug \in {"none"} \cup BugNames

(***************************************************************************)
(* The switches.                                                           *)
(***************************************************************************)
\* runqempty returns after its first read of tail: no "tail ==
\* atomic.Load(&pp.runqtail)" re-check.
RunqemptyOneTailRead == Bug = "runqempty_one_tail_read"
\* runqgrab commits with a plain store of runqhead instead of CasRel.
RunqgrabNoCas == Bug = "runqgrab_no_cas"
\* runqgrab takes the victim's whole ring (n := t - h) instead of half.
RunqgrabStealAll == Bug = "runqgrab_steal_all"
\* runqput publishes runqtail before it writes the slot (the two stores of
\* runqput in the wrong order, as a plain store instead of StoreRel could let
\* a weak memory model show them).
TailBeforeSlot == Bug = "tail_before_slot"
\* runqputslow reads sched.runq without sched.lock and writes it back a step
\* later (a lost update).
RunqputslowNoLock == Bug = "runqputslow_no_lock"
\* runqhead/runqtail wrap at 2*len(runq) instead of 2^32 (Tokio's 16-bit
\* indices for a 256-slot ring): a stalled thief's CAS succeeds on a stale head.
CounterTooNarrow == Bug = "counter_too_narrow"
\* findRunnable without the schedtick%61 look at the global queue.
NoSchedtickCheck == Bug = "no_schedtick_check"
\* A spinning M that drops spinning parks without checkRunqsNoP.
DropspinningNoRecheck == Bug = "dropspinning_no_recheck"
\* gfput spills only above 64 (n > 64 instead of n >= 64), and its spill
\* drops the stacks (stack.lo = 0) without stackfree.
GfputBadSpill == Bug = "gfput_bad_spill"
\* gfput's spill (at the right threshold) drops the stacks without stackfree.
GfputStackLeak == Bug = "gfput_stack_leak"

(***************************************************************************)
(* The operators the steps use.  Each is Go's behaviour when its bug is    *)
(* off.                                                                    *)
(***************************************************************************)
\* runqempty's second atomic.Load(&pp.runqtail): the tail now, or (bug) the
\* first read again.
RereadTail(now, first) == IF RunqemptyOneTailRead THEN first ELSE now

\* runqgrab: n := t - h; n = n - n/2 (bug: n := t - h).
GrabCount(d) == IF RunqgrabStealAll THEN d ELSE d - d \div 2

\* runqgrab's "read inconsistent h and t" limit: n > len(pp.runq)/2 (bug
\* runqgrab_steal_all: n > len(pp.runq)).
GrabLimit(ringSize) == IF RunqgrabStealAll THEN ringSize ELSE ringSize \div 2

\* runqgrab's atomic.CasRel(&pp.runqhead, h, h+n) succeeds (bug: a plain
\* store always "succeeds").
RunqgrabCommits(head, h) == RunqgrabNoCas \/ head = h

\* The counters' modulus: 2^32 (the model's CounterMod), or (bug) 2*len(runq).
CounterModulus(ringSize, counterMod) ==
    IF CounterTooNarrow THEN 2 * ringSize ELSE counterMod

\* findRunnable: if pp.schedtick%61 == 0 && sched.runqsize > 0 (bug: never).
GlobalCheckDue(schedtickModPeriod) == schedtickModPeriod = 0 /\ ~NoSchedtickCheck

\* findRunnable, after dropping spinning: checkRunqsNoP starts at P p (bug
\* dropspinning_no_recheck: it is not called; 0 is NoP).
ChecksRunqsFrom(p) == IF DropspinningNoRecheck THEN 0 ELSE p

\* gfput: if pp.gFree.n >= 64 (bug gfput_bad_spill: > 64).
SpillDue(n, max) == IF GfputBadSpill THEN n > max ELSE n >= max

\* The stacks of the Gs that gfput's spill moves to the global lists: kept
\* (Go), or (bugs gfput_bad_spill, gfput_stack_leak) dropped without stackfree.
StacksAfterSpill(stackSize, spilled, noStack) ==
    IF GfputBadSpill \/ GfputStackLeak
    THEN [g \in DOMAIN stackSize |-> IF g \in Range(spilled) THEN noStack ELSE stackSize[g]]
    ELSE stackSize
=============================================================================
