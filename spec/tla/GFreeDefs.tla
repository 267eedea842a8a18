----------------------------- MODULE GFreeDefs ------------------------------
(***************************************************************************)
(* G free lists and goroutine stacks: constants and helpers.               *)
(*                                                                         *)
(* Go: pp.gFree (gList + n) per P; sched.gFree.stack and .noStack (gList)  *)
(* with sched.gFree.n under sched.gFree.lock.  gfput spills at 64 down to  *)
(* below 32; gfget refills up to 32.  Stacks: a G on a free list keeps its *)
(* stack only if it has the standard size startingStackSize at gfput       *)
(* time; startingStackSize can change at a GC (adaptive stack start), and  *)
(* gfget frees a stack of the old size lazily.                             *)
(***************************************************************************)
EXTENDS Bugs

CONSTANTS
    LocalMax,     \* gfput spills when pp.gFree.n reaches this (Go: 64)
    LocalKeep,    \* ... popping while pp.gFree.n >= LocalKeep (Go: 32)
    Refill,       \* gfget refills pp.gFree up to this many (Go: 32)
    StackMin,     \* malg(stackMin): the size of a brand-new G's stack
    StackSizes    \* the sizes a stack may have (sizes are small numbers)

ASSUME SpillBelowMax == LocalKeep \in Nat \ {0} /\ LocalMax > LocalKeep /\ Refill \in Nat \ {0}
ASSUME StackSizesPositive == StackMin \in StackSizes /\ StackSizes \subseteq Nat \ {0}

NoStack == 0     \* gp.stack.lo == 0

SetMin(S) == CHOOSE x \in S : \A y \in S : x <= y

\* The next size a stack grows to (copystack doubles it), if it can.
Grown(s) == 2 * s
CanGrow(s) == s /= NoStack /\ Grown(s) \in StackSizes
=============================================================================
