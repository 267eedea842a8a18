------------------------------ MODULE RingTear ------------------------------
(***************************************************************************)
(* Who is copying which slots of a ring: torn copies and laps.             *)
(*                                                                         *)
(* The TLA+ Examples Disruptor spec tracks the readers and writers of each *)
(* ring slot so that a data race is a visible state (its NoDataRaces).     *)
(* Go's run queue allows the race on purpose: a thief copies slots with    *)
(* plain loads while the owner may overwrite them, and a CAS of runqhead   *)
(* decides afterwards whether the copy counts.  This module keeps, per     *)
(* reader (thief), the ring it reads, the first counter and the number of  *)
(* slots it copies, whether a writer has overwritten one of them since     *)
(* (torn), and how far that ring's head has advanced since the reader read *)
(* it (lap, saturating at Mod).  runqempty's readers are tracked too (they *)
(* copy no slot, n = 0): their head and tail reads can be fooled the same  *)
(* way by counters that come round.                                        *)
(*                                                                         *)
(* Obligations of a module that uses it (RunQueue.tla and Proc.tla do,     *)
(* through the WriteSlot and AdvanceHead macros):                          *)
(*   O1. every store to a ring slot applies AfterWrite;                    *)
(*   O2. every advance of a ring's head applies AfterAdvance;              *)
(*   O3. a reader applies Begin when it reads the head, Cover when it      *)
(*       knows how many slots it will copy, and is Idle when it is done.   *)
(* What the user module then checks:                                       *)
(*   NoTornCommit  a reader that has not been lapped and whose commit (CAS *)
(*                 of head) would succeed never holds a torn copy -- the   *)
(*                 copy-then-CAS protocol works;                           *)
(*   NoLap         no reader is lapped: the head never advances by         *)
(*                 Mod - Size or more during one read (after that, the     *)
(*                 head and tail values it read may have come round: for   *)
(*                 runqempty, a tail equal to an old head while Gs are     *)
(*                 queued).  With 2^32 counters this is Go's               *)
(*                 assumption (a stalled thief does not outlive 2^32 queue *)
(*                 operations); models check it as an invariant when they  *)
(*                 are bounded and assume it (a state constraint) when     *)
(*                 they are not.  Without it NoTornCommit fails: the ABA   *)
(*                 that counter_too_narrow shows.                          *)
(***************************************************************************)
LOCAL INSTANCE Naturals

CONSTANTS
    Size,     \* slots per ring
    Mod,      \* the counters wrap at Mod (a multiple of Size)
    NoRing    \* the ring of a reader that is not reading

ASSUME RingTearSizes == Size \in Nat \ {0} /\ Mod \in Nat /\ Mod % Size = 0 /\ Mod > Size

\* A reader that is not reading.
Idle == [victim |-> NoRing, lo |-> 0, n |-> 0, torn |-> FALSE, lap |-> 0]
\* A reader has read head lo of ring r.
Begin(r, lo) == [victim |-> r, lo |-> lo, n |-> 0, torn |-> FALSE, lap |-> 0]
\* ... and will copy n slots from lo.
Cover(rd, n) == [rd EXCEPT !.n = n]

\* The slots the reader copies.
CopiedSlots(rd) == {((rd.lo + k) % Mod) % Size : k \in 0..(rd.n - 1)}

\* Writing slot s of ring r tears every copy in progress that covers it (O1).
AfterWrite(readers, r, s) ==
    [x \in DOMAIN readers |->
        IF readers[x].victim = r /\ s \in CopiedSlots(readers[x])
        THEN [readers[x] EXCEPT !.torn = TRUE] ELSE readers[x]]

\* Ring r's head advanced by k (O2).
AfterAdvance(readers, r, k) ==
    [x \in DOMAIN readers |->
        IF readers[x].victim = r
        THEN [readers[x] EXCEPT !.lap = IF @ + k >= Mod THEN Mod ELSE @ + k]
        ELSE readers[x]]

\* The checks.  committing(x): reader x is about to commit; head(r): ring r's head.
\* A reader is lapped when the head advanced by Mod - Size or more during its
\* read.
Lapped(rd) == rd.lap >= Mod - Size

\* (A lapped reader is NoLap's business: TLC checks invariants also in the
\* states just outside a state constraint, such as NoABA.)
NoTornCommit(readers, committing(_), head(_)) ==
    \A x \in DOMAIN readers :
        (/\ committing(x) /\ readers[x].victim /= NoRing /\ ~Lapped(readers[x])
         /\ head(readers[x].victim) = readers[x].lo)
            => ~readers[x].torn
NoLap(readers) == \A x \in DOMAIN readers : ~Lapped(readers[x])
=============================================================================
