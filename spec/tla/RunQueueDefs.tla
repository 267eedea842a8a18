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
EXTENDS GoRuntime

CONSTANTS RingSize, CounterMod, CounterStart

ASSUME RingSize \in Nat /\ RingSize >= 2 /\ RingSize % 2 = 0
ASSUME CounterMod \in Nat /\ CounterMod % RingSize = 0 /\ CounterMod >= 2 * RingSize
ASSUME CounterStart \in Nat

\* The modulus actually used.  Bug "counter_too_narrow" narrows the counters to
\* the smallest modulus that still tells a full ring from an empty one, as
\* Tokio's 16-bit indices were narrow for its 256-slot ring: a thief that
\* stalls while the head goes once round the counter space then succeeds with
\* its CAS on a stale head (ABA).
Mod == IF Bug = "counter_too_narrow" THEN 2 * RingSize ELSE CounterMod
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

\* A thief copying slots: victim P, first counter, count, and whether the owner
\* has written one of those slots since the thief read head and tail (the
\* Disruptor spec's per-slot reader tracking, kept per reader).
NoGrab == [victim |-> NoP, lo |-> 0, n |-> 0, torn |-> FALSE]
GrabSlots(gr) == {Slot(Inc(gr.lo, k)) : k \in 0..(gr.n - 1)}
\* Writing slot s of P p's ring tears every copy in progress that covers it.
TearGrabs(grab, p, s) ==
    [x \in DOMAIN grab |->
        IF grab[x].victim = p /\ s \in GrabSlots(grab[x])
        THEN [grab[x] EXCEPT !.torn = TRUE] ELSE grab[x]]

\* globrunqget (Go 1.21): n := min(runqsize/gomaxprocs+1, runqsize, max if
\* max > 0, len(pp.runq)/2).
FairShare(size, max) ==
    LET n0 == Min(size \div NumP + 1, size)
        n1 == IF max > 0 THEN Min(n0, max) ELSE n0
    IN  Min(n1, RingSize \div 2)
=============================================================================
