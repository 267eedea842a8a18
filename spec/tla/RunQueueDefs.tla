---------------------------- MODULE RunQueueDefs ----------------------------
(***************************************************************************)
(* The per-P run queue ring and its wrapping counters.                     *)
(*                                                                         *)
(* Go: runq [256]guintptr, runqhead/runqtail uint32 that wrap at 2^32; the *)
(* slot of counter c is c % 256 and the number of queued Gs is the         *)
(* unsigned difference tail - head.  Here the ring has RingSize slots and  *)
(* the counters wrap at CounterMod (a multiple of RingSize, as 2^32 is of  *)
(* 256).  Models start the counters at CounterStart, just below the wrap,  *)
(* so that wrapping is exercised.                                          *)
(***************************************************************************)
EXTENDS Bugs

CONSTANTS RingSize, CounterMod, CounterStart

ASSUME RingIsEven == RingSize \in Nat /\ RingSize >= 2 /\ RingSize % 2 = 0
ASSUME CountersWrapAtLaps == CounterMod \in Nat /\ CounterMod % RingSize = 0 /\ CounterMod >= 2 * RingSize
ASSUME CounterStartIsCounter == CounterStart \in Nat

\* The modulus actually used: CounterMod, or 2*RingSize under the bug
\* counter_too_narrow (Bugs.tla), the smallest modulus that still tells a full
\* ring from an empty one.
Mod == CounterModulus(RingSize, CounterMod)
Counters == 0..(Mod - 1)
Start == CounterStart % Mod
Slots == 0..(RingSize - 1)

Inc(c, k) == (c + k) % Mod             \* c + k as a wrapping uint32
Dist(t, h) == (t - h + Mod) % Mod      \* t - h as uint32: the queue length
Slot(c) == c % RingSize                \* c % uint32(len(pp.runq))

\* The Gs in a ring between head (inclusive) and tail (exclusive), oldest first.
LiveRing(ring, head, tail) ==
    [i \in 1..Min(Dist(tail, head), RingSize) |-> ring[Slot(Inc(head, i - 1))]]
\* The Gs in ring slots for counters lo, lo+1, ..., lo+k-1.
RingSeq(ring, lo, k) == [i \in 1..k |-> ring[Slot(Inc(lo, i - 1))]]

\* The thieves' copies in progress (RingTear.tla): torn copies and laps.
Tear == INSTANCE RingTear WITH Size <- RingSize, Mod <- Mod, NoRing <- NoP
NoGrab == Tear!Idle

\* globrunqget (Go 1.14, 1.21): n := min(runqsize/gomaxprocs+1, runqsize,
\* max if max > 0, len(pp.runq)/2).  Go 1.25: globrunqget() takes one G (the
\* %61 path: FairShare(size, 1) is 1) and globrunqgetbatch(len(pp.runq)/2)
\* takes min(len(pp.runq)/2, runqsize, runqsize/gomaxprocs+1) = FairShare(size, 0).
FairShare(size, max) ==
    LET n0 == Min(size \div NumP + 1, size)
        n1 == IF max > 0 THEN Min(n0, max) ELSE n0
    IN  Min(n1, RingSize \div 2)
=============================================================================
