--------------------------- MODULE RunQueueAtomic ---------------------------
(***************************************************************************)
(* The run queues with every operation one atomic step: the specification  *)
(* that RunQueue's (and Proc's) fine-grained steps refine                  *)
(* (linearizability), with each operation's own batch size and owner.      *)
(*                                                                         *)
(* A state S is a record:                                                  *)
(*   S.local[p]   the FIFO between runqhead and runqtail of P p, oldest    *)
(*                first (at most RingSize Gs)                              *)
(*   S.next[p]    pp.runnext                                               *)
(*   S.global     sched.runq                                               *)
(*   S.held[x]    the Gs process x holds outside every queue               *)
(*   S.own[x]     the P process x owns (runs), or NoP                      *)
(*                                                                         *)
(* Only the owner of P p appends to local[p], sets next[p], takes exactly  *)
(* one G (runqget), half of a full ring (runqputslow) or everything        *)
(* (runqdrain) from local[p]; another process takes at most half, rounded  *)
(* up (runqgrab); anyone may take a runnext; the global queue gives        *)
(* exactly the fair share.                                                 *)
(*                                                                         *)
(* Each operation is written as a relation between the state before (S)    *)
(* and after (S2), which lets TLC check a refinement mapping cheaply: the  *)
(* mapped states are computed once per step and compared.                  *)
(***************************************************************************)
EXTENDS RunQueueDefs

VARIABLE queues     \* the state record S (for the stand-alone Spec below)

NoDup(s) == \A a, b \in DOMAIN s : a /= b => s[a] /= s[b]
\* s2 is s with some Gs appended.
Suffix(s, s2) == SubSeq(s2, Len(s) + 1, Len(s2))
Extends(s, s2) == Len(s2) > Len(s) /\ SubSeq(s2, 1, Len(s)) = s
\* s2 is s without its first k >= 1 Gs; those Gs.
Dropped(s, s2) == Len(s) - Len(s2)
IsDrop(s, s2) == Len(s2) < Len(s) /\ s2 = SubSeq(s, Len(s) - Len(s2) + 1, Len(s))
Taken(s, s2) == Range(SubSeq(s, 1, Len(s) - Len(s2)))
\* The largest batch a thief may take from a queue of n Gs: half, rounded up
\* (n := t - h; n = n - n/2, where t - h may be read before more Gs arrive).
StealMax(n) == Min(n - n \div 2, RingSize \div 2)

InitOK(S) ==
    /\ \A p \in Ps : Len(S.local[p]) <= RingSize /\ Range(S.local[p]) \subseteq Gs
    /\ S.next \in [Ps -> Gs \cup {NoG}]
    /\ \A x \in DOMAIN S.held : S.held[x] \subseteq Gs

\* Only the local queue of P p changes: from S.local[p] to l2, Gs taken by x.
LocalTake(x, p, S, S2) ==
    /\ IsDrop(S.local[p], S2.local[p])
    /\ S2.local = [S.local EXCEPT ![p] = S2.local[p]]
    /\ S2.held = [S.held EXCEPT ![x] = @ \cup Taken(S.local[p], S2.local[p])]
    /\ S2.next = S.next /\ S2.global = S.global /\ S2.own = S.own

\* runqput / runqputbatch / runqsteal's publication (store-release of tail):
\* the owner appends Gs it holds to its local queue.
Publish(x, S, S2) ==
    LET p == S.own[x]
        gs == Suffix(S.local[p], S2.local[p])
    IN  /\ p /= NoP
        /\ Extends(S.local[p], S2.local[p]) /\ Len(S2.local[p]) <= RingSize
        /\ NoDup(gs) /\ Range(gs) \subseteq S.held[x]
        /\ S2.local = [S.local EXCEPT ![p] = S2.local[p]]
        /\ S2.held = [S.held EXCEPT ![x] = @ \ Range(gs)]
        /\ S2.next = S.next /\ S2.global = S.global /\ S2.own = S.own

\* runqput(next=true) (CAS of runnext): the owner puts a held G in runnext;
\* the G it replaces, if any, is then held by x.
PutNext(x, S, S2) ==
    LET p == S.own[x]
        g == S2.next[p]
    IN  /\ p /= NoP /\ g \in S.held[x]
        /\ S2.next = [S.next EXCEPT ![p] = g]
        /\ S2.held = [S.held EXCEPT ![x] = (@ \ {g}) \cup (IF S.next[p] = NoG THEN {} ELSE {S.next[p]})]
        /\ S2.local = S.local /\ S2.global = S.global /\ S2.own = S.own

\* runqget (CAS of runqhead): the owner takes exactly one G.
Get(x, S, S2) ==
    LET p == S.own[x] IN
    p /= NoP /\ LocalTake(x, p, S, S2) /\ Dropped(S.local[p], S2.local[p]) = 1

\* runqputslow (CAS of runqhead): the owner takes half of its full ring.
PutSlowTake(x, S, S2) ==
    LET p == S.own[x] IN
    /\ p /= NoP /\ Len(S.local[p]) = RingSize
    /\ LocalTake(x, p, S, S2) /\ Dropped(S.local[p], S2.local[p]) = RingSize \div 2

\* runqdrain (CAS of runqhead): the owner takes everything.
Drain(x, S, S2) ==
    LET p == S.own[x] IN
    p /= NoP /\ LocalTake(x, p, S, S2) /\ S2.local[p] = <<>>

\* runqgrab (CAS of runqhead): a thief takes at most half, rounded up.
Steal(x, p, S, S2) ==
    /\ p /= S.own[x]
    /\ LocalTake(x, p, S, S2)
    /\ Dropped(S.local[p], S2.local[p]) <= StealMax(Len(S.local[p]))

\* runqget / runqdrain / runqgrab (CAS of runnext to 0): x takes p's runnext.
TakeNext(x, p, S, S2) ==
    /\ S.next[p] /= NoG
    /\ S2.next = [S.next EXCEPT ![p] = NoG]
    /\ S2.held = [S.held EXCEPT ![x] = @ \cup {S.next[p]}]
    /\ S2.local = S.local /\ S2.global = S.global /\ S2.own = S.own

\* globrunqput / globrunqputbatch (under sched.lock): held Gs to the global tail.
GlobPut(x, S, S2) ==
    LET gs == Suffix(S.global, S2.global) IN
    /\ Extends(S.global, S2.global)
    /\ NoDup(gs) /\ Range(gs) \subseteq S.held[x]
    /\ S2.held = [S.held EXCEPT ![x] = @ \ Range(gs)]
    /\ S2.local = S.local /\ S2.next = S.next /\ S2.own = S.own

\* globrunqget / globrunqgetbatch (under sched.lock): x takes exactly the fair
\* share of the global queue, for max 0 or 1.
GlobGet(x, S, S2) ==
    /\ IsDrop(S.global, S2.global)
    /\ Dropped(S.global, S2.global) \in {FairShare(Len(S.global), 0), FairShare(Len(S.global), 1)}
    /\ S2.held = [S.held EXCEPT ![x] = @ \cup Taken(S.global, S2.global)]
    /\ S2.local = S.local /\ S2.next = S.next /\ S2.own = S.own

\* p.destroy (world stopped): the newest local G of x's P, or else its
\* runnext, moves to the head of the global queue.
DestroyMove(x, S, S2) ==
    LET p == S.own[x] IN
    /\ p /= NoP /\ S2.held = S.held /\ S2.own = S.own
    /\ \/ /\ S.local[p] /= <<>>
          /\ S2.global = <<Last(S.local[p])>> \o S.global
          /\ S2.local = [S.local EXCEPT ![p] = Front(S.local[p])]
          /\ S2.next = S.next
       \/ /\ S.local[p] = <<>> /\ S.next[p] /= NoG
          /\ S2.global = <<S.next[p]>> \o S.global
          /\ S2.next = [S.next EXCEPT ![p] = NoG]
          /\ S2.local = S.local

\* Open systems only (Proc): the queues do not change, and x's hand changes
\* by Gs that are in no queue and no other hand (a G starts running, parks,
\* dies, is created); x may also change the P it owns.
Queued(S) == UNION {Range(S.local[p]) : p \in DOMAIN S.local} \cup Range(S.global)
             \cup ({S.next[p] : p \in DOMAIN S.next} \ {NoG})
Env(x, S, S2) ==
    /\ S2.local = S.local /\ S2.next = S.next /\ S2.global = S.global
    /\ \A y \in DOMAIN S.held : y /= x => S2.held[y] = S.held[y]
    /\ \A g \in S2.held[x] \ S.held[x] : g \notin Queued(S) /\ \A y \in DOMAIN S.held : g \notin S.held[y]
    /\ \A y \in DOMAIN S.own : y /= x => S2.own[y] = S.own[y]

\* Moving Gs between a process's hand and its operation in progress, and every
\* read, changes nothing here: those steps stutter.
Op(x, S, S2) ==
    \/ Publish(x, S, S2)
    \/ PutNext(x, S, S2)
    \/ Get(x, S, S2)
    \/ PutSlowTake(x, S, S2)
    \/ Drain(x, S, S2)
    \/ \E p \in Ps : Steal(x, p, S, S2) \/ TakeNext(x, p, S, S2)
    \/ GlobPut(x, S, S2)
    \/ GlobGet(x, S, S2)
    \/ DestroyMove(x, S, S2)
\* A closed system (RunQueue: the hands change only through the queues).
Step(S, S2) == S2 = S \/ \E x \in DOMAIN S.held : Op(x, S, S2)
\* An open system (Proc): Gs also enter and leave the hands.
OpenStep(S, S2) == S2 = S \/ \E x \in DOMAIN S.held : Op(x, S, S2) \/ Env(x, S, S2)

Spec == InitOK(queues) /\ [][Step(queues, queues')]_queues
=============================================================================
