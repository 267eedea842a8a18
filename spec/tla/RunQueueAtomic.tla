--------------------------- MODULE RunQueueAtomic ---------------------------
(***************************************************************************)
(* The run queues with every operation one atomic step: the specification  *)
(* that RunQueue's fine-grained steps refine (linearizability).            *)
(*                                                                         *)
(* A state S is a record:                                                  *)
(*   S.local[p]   the FIFO between runqhead and runqtail of P p, oldest    *)
(*                first (at most RingSize Gs)                              *)
(*   S.next[p]    pp.runnext                                               *)
(*   S.global     sched.runq                                               *)
(*   S.held[x]    the Gs process x holds outside every queue               *)
(*                                                                         *)
(* Process x is the owner of P x: only it appends to local[x] or sets      *)
(* next[x]; any process may take from the head of any local queue, from    *)
(* any runnext, or from the global queue.                                  *)
(*                                                                         *)
(* Each operation is written as a relation between the state before (S)    *)
(* and after (S2), which lets TLC check a refinement mapping cheaply: the  *)
(* mapped states are computed once per step and compared.                  *)
(***************************************************************************)
EXTENDS GoRuntime

CONSTANT RingSize

VARIABLES local, next, global, held
vars == <<local, next, global, held>>
State == [local |-> local, next |-> next, global |-> global, held |-> held]

NoDup(s) == \A a, b \in DOMAIN s : a /= b => s[a] /= s[b]
\* s2 is s with some Gs appended / removed from the front.
Suffix(s, s2) == SubSeq(s2, Len(s) + 1, Len(s2))
Extends(s, s2) == Len(s2) > Len(s) /\ SubSeq(s2, 1, Len(s)) = s

InitOK(S) ==
    /\ \A p \in Ps : Len(S.local[p]) <= RingSize /\ Range(S.local[p]) \subseteq Gs
    /\ S.next \in [Ps -> Gs \cup {NoG}]
    /\ S.held \in [Ps -> SUBSET Gs]

\* runqput / runqputbatch / runqsteal publish (store-release of tail): owner x
\* appends Gs it held to the tail of its local queue.
Put(x, S, S2) ==
    LET gs == Suffix(S.local[x], S2.local[x]) IN
    /\ Extends(S.local[x], S2.local[x]) /\ Len(S2.local[x]) <= RingSize
    /\ NoDup(gs) /\ Range(gs) \subseteq S.held[x]
    /\ S2.local = [S.local EXCEPT ![x] = S2.local[x]]
    /\ S2.held = [S.held EXCEPT ![x] = @ \ Range(gs)]
    /\ S2.next = S.next /\ S2.global = S.global

\* runqput(next=true) (CAS of runnext): owner x puts a held G in runnext; the
\* G it replaces, if any, is then held by x.
PutNext(x, S, S2) ==
    LET g == S2.next[x] IN
    /\ g \in S.held[x]
    /\ S2.next = [S.next EXCEPT ![x] = g]
    /\ S2.held = [S.held EXCEPT ![x] = (@ \ {g}) \cup (IF S.next[x] = NoG THEN {} ELSE {S.next[x]})]
    /\ S2.local = S.local /\ S2.global = S.global

\* runqget / runqgrab / runqputslow / runqdrain commit (CAS of runqhead):
\* x takes the first k >= 1 Gs of P p's local queue.
Take(x, p, S, S2) ==
    LET k == Len(S.local[p]) - Len(S2.local[p]) IN
    /\ k >= 1
    /\ S2.local = [S.local EXCEPT ![p] = SubSeq(S.local[p], k + 1, Len(S.local[p]))]
    /\ S2.held = [S.held EXCEPT ![x] = @ \cup Range(SubSeq(S.local[p], 1, k))]
    /\ S2.next = S.next /\ S2.global = S.global

\* runqget / runqgrab / runqdrain (CAS of runnext to 0): x takes p's runnext.
TakeNext(x, p, S, S2) ==
    /\ S.next[p] /= NoG
    /\ S2.next = [S.next EXCEPT ![p] = NoG]
    /\ S2.held = [S.held EXCEPT ![x] = @ \cup {S.next[p]}]
    /\ S2.local = S.local /\ S2.global = S.global

\* globrunqput / globrunqputbatch (under sched.lock): held Gs to the global tail.
GlobPut(x, S, S2) ==
    LET gs == Suffix(S.global, S2.global) IN
    /\ Extends(S.global, S2.global)
    /\ NoDup(gs) /\ Range(gs) \subseteq S.held[x]
    /\ S2.held = [S.held EXCEPT ![x] = @ \ Range(gs)]
    /\ S2.local = S.local /\ S2.next = S.next

\* globrunqget (under sched.lock): x takes the first k >= 1 global Gs.
GlobTake(x, S, S2) ==
    LET k == Len(S.global) - Len(S2.global) IN
    /\ k >= 1
    /\ S2.global = SubSeq(S.global, k + 1, Len(S.global))
    /\ S2.held = [S.held EXCEPT ![x] = @ \cup Range(SubSeq(S.global, 1, k))]
    /\ S2.local = S.local /\ S2.next = S.next

\* p.destroy (world stopped): the newest local G of x, or else its runnext,
\* moves to the head of the global queue.
DestroyMove(x, S, S2) ==
    /\ S2.held = S.held
    /\ \/ /\ S.local[x] /= <<>>
          /\ S2.global = <<Last(S.local[x])>> \o S.global
          /\ S2.local = [S.local EXCEPT ![x] = Front(S.local[x])]
          /\ S2.next = S.next
       \/ /\ S.local[x] = <<>> /\ S.next[x] /= NoG
          /\ S2.global = <<S.next[x]>> \o S.global
          /\ S2.next = [S.next EXCEPT ![x] = NoG]
          /\ S2.local = S.local

\* Moving Gs between a process's hand and its operation in progress, and every
\* read, changes nothing here: those steps stutter.
Step(S, S2) ==
    \/ S2 = S
    \/ \E x \in Ps :
        \/ Put(x, S, S2)
        \/ PutNext(x, S, S2)
        \/ \E p \in Ps : Take(x, p, S, S2) \/ TakeNext(x, p, S, S2)
        \/ GlobPut(x, S, S2)
        \/ GlobTake(x, S, S2)
        \/ DestroyMove(x, S, S2)

Spec == InitOK(State) /\ [][Step(State, State')]_vars
=============================================================================
