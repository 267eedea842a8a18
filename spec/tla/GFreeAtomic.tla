---------------------------- MODULE GFreeAtomic -----------------------------
(***************************************************************************)
(* The G free lists with every operation one atomic step: what GFree's     *)
(* (and Proc's) steps refine.                                              *)
(*                                                                         *)
(* A state S is a record:                                                  *)
(*   S.pool[p]   the free Gs on P p's list (pp.gFree), as a set            *)
(*   S.global    the free Gs on sched.gFree.stack and .noStack             *)
(*   S.fresh     the Gs never allocated (malg takes one)                   *)
(*   S.held[x]   the Gs process x holds outside the free lists             *)
(*   S.own[x]    the P process x runs, or NoP                              *)
(*                                                                         *)
(* A process takes a free G only from its own P's list (gfget), refills    *)
(* that list from the global lists only when it is empty and with exactly  *)
(* min(Refill, free Gs) of them, frees into its own list (gfput), spills   *)
(* exactly down to LocalKeep - 1 when the list reaches LocalMax, and       *)
(* purges all of it (gfpurge).  Stacks are not part of this abstraction.   *)
(***************************************************************************)
EXTENDS GFreeDefs

VARIABLE lists     \* the state record S (for the stand-alone Spec below)

InitOK(S) ==
    /\ \A p \in DOMAIN S.pool : S.pool[p] \subseteq Gs
    /\ S.global \subseteq Gs /\ S.fresh \subseteq Gs

Same(S, S2, fields) == \A f \in {"pool", "global", "fresh", "held", "own"} \ fields : S2[f] = S[f]

\* gfget: a G of x's own list moves to x.
Get(x, S, S2) ==
    LET p == S.own[x] IN
    p \in DOMAIN S.pool /\ \E g \in S.pool[p] :
        /\ S2.pool = [S.pool EXCEPT ![p] = @ \ {g}]
        /\ S2.held = [S.held EXCEPT ![x] = @ \cup {g}]
        /\ Same(S, S2, {"pool", "held"})
\* gfget's refill (under sched.gFree.lock): an empty own list takes
\* min(Refill, free) Gs from the global lists.
Refilled(x, S, S2) ==
    LET p == S.own[x]
        moved == S.global \ S2.global
    IN  /\ p \in DOMAIN S.pool /\ S.pool[p] = {} /\ S2.global \subseteq S.global
        /\ Cardinality(moved) = Min(Refill, Cardinality(S.global)) /\ moved /= {}
        /\ S2.pool = [S.pool EXCEPT ![p] = moved]
        /\ Same(S, S2, {"pool", "global"})
\* malg: a G never allocated before moves to x.
New(x, S, S2) ==
    \E g \in S.fresh :
        /\ S2.fresh = S.fresh \ {g}
        /\ S2.held = [S.held EXCEPT ![x] = @ \cup {g}]
        /\ Same(S, S2, {"fresh", "held"})
\* gfput: a G x holds goes onto x's own list.
Put(x, S, S2) ==
    LET p == S.own[x] IN
    p \in DOMAIN S.pool /\ \E g \in S.held[x] :
        /\ S2.pool = [S.pool EXCEPT ![p] = @ \cup {g}]
        /\ S2.held = [S.held EXCEPT ![x] = @ \ {g}]
        /\ Same(S, S2, {"pool", "held"})
\* gfput's spill (under sched.gFree.lock): from LocalMax Gs or more down to
\* LocalKeep - 1.
Spill(x, S, S2) ==
    LET p == S.own[x] IN
    /\ p \in DOMAIN S.pool /\ Cardinality(S.pool[p]) >= LocalMax
    /\ S2.pool[p] \subseteq S.pool[p] /\ Cardinality(S2.pool[p]) = LocalKeep - 1
    /\ S2.pool = [S.pool EXCEPT ![p] = S2.pool[p]]
    /\ S2.global = S.global \cup (S.pool[p] \ S2.pool[p])
    /\ Same(S, S2, {"pool", "global"})
\* gfpurge (under sched.gFree.lock): all of x's own list to the global lists.
Purge(x, S, S2) ==
    LET p == S.own[x] IN
    /\ p \in DOMAIN S.pool /\ S.pool[p] /= {}
    /\ S2.pool = [S.pool EXCEPT ![p] = {}]
    /\ S2.global = S.global \cup S.pool[p]
    /\ Same(S, S2, {"pool", "global"})
\* Open systems only (Proc): the lists do not change, and x's hand gains Gs
\* that are free in no list and held by no one else, or loses Gs; x may run
\* another P.
Env(x, S, S2) ==
    /\ S2.pool = S.pool /\ S2.global = S.global /\ S2.fresh = S.fresh
    /\ \A y \in DOMAIN S.held : y /= x => S2.held[y] = S.held[y]
    /\ \A g \in S2.held[x] \ S.held[x] :
           /\ g \notin S.global \cup S.fresh \cup UNION {S.pool[p] : p \in DOMAIN S.pool}
           /\ \A y \in DOMAIN S.held : g \notin S.held[y]
    /\ \A y \in DOMAIN S.own : y /= x => S2.own[y] = S.own[y]

Op(x, S, S2) ==
    \/ Get(x, S, S2) \/ Refilled(x, S, S2) \/ New(x, S, S2)
    \/ Put(x, S, S2) \/ Spill(x, S, S2) \/ Purge(x, S, S2)
Step(S, S2) == S2 = S \/ \E x \in DOMAIN S.held : Op(x, S, S2)
OpenStep(S, S2) == S2 = S \/ \E x \in DOMAIN S.held : Op(x, S, S2) \/ Env(x, S, S2)

Spec == InitOK(lists) /\ [][Step(lists, lists')]_lists
=============================================================================
