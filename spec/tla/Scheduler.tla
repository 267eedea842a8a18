----------------------------- MODULE Scheduler ------------------------------
(***************************************************************************)
(* Go's goroutine scheduler on one page: read this first.                  *)
(*                                                                         *)
(* Ps run Gs.  Each P has a local run queue (a FIFO of at most RingSize    *)
(* Gs) and a runnext slot; there is one global run queue.  A P that is not *)
(* running a G looks for one, in this order (findRunnable):                *)
(*   1. every SchedTick-th time (Go: 61), the global queue first, so that  *)
(*      a busy P still serves it;                                          *)
(*   2. its runnext: the G inherits the time slice (the tick stands still);*)
(*   3. the head of its local queue;                                       *)
(*   4. the global queue: a fair share, the rest into its local queue;     *)
(*   5. another P's queue: half of it, rounded up, or its runnext;         *)
(*   6. nothing: the P goes idle.                                          *)
(* A new G (go f()) goes into runnext, kicking the old runnext to the      *)
(* local queue; a full local queue moves half of itself and the kicked G   *)
(* to the global queue.  An idle P is woken when there is work.            *)
(*                                                                         *)
(* Everything here is atomic.  The real thing is fine-grained and          *)
(* lock-free: RunQueue.tla (the queues, step by step, refining             *)
(* RunQueueAtomic.tla), GFree.tla (the G free lists) and Proc.tla (Ms      *)
(* running this loop with spinning, wakep, startm and stopm).  The         *)
(* properties below are the ones Proc.tla checks on the real steps:        *)
(* work conservation, the %61 fairness rule, and where runnext starves.    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Procs,       \* the Ps
    Goroutines,  \* the Gs (some exist at the start; go creates the others)
    RingSize,    \* a local queue's capacity (Go: 256)
    SchedTick    \* the global queue comes first every SchedTick-th tick (Go: 61)

ASSUME SchedulerConstants ==
    /\ Procs /= {} /\ RingSize \in Nat /\ RingSize >= 2 /\ SchedTick \in Nat \ {0}

None == "none"
Range(s) == {s[i] : i \in DOMAIN s}
Half(n) == n - n \div 2            \* n - n/2: half, rounded up
Min3(a, b, c) == IF a <= b /\ a <= c THEN a ELSE IF b <= c THEN b ELSE c

VARIABLES
    local,    \* local[p]: P p's run queue, oldest first
    next,     \* next[p]: P p's runnext, or None
    global,   \* the global run queue
    running,  \* running[p]: the G P p runs, or None (P p is scheduling or idle)
    idle,     \* the idle Ps
    waiting,  \* parked Gs
    fresh,    \* Gs not created yet, or dead (free for a go statement)
    tick      \* tick[p]: P p's schedtick modulo SchedTick
vars == <<local, next, global, running, idle, waiting, fresh, tick>>

First == CHOOSE g \in Goroutines : TRUE   \* the main goroutine, in P 1's runnext
P1 == CHOOSE p \in Procs : TRUE
Init ==
    /\ local = [p \in Procs |-> <<>>] /\ global = <<>>
    /\ next = [p \in Procs |-> IF p = P1 THEN First ELSE None]
    /\ running = [p \in Procs |-> None] /\ idle = Procs \ {P1}
    /\ waiting = {} /\ fresh = Goroutines \ {First} /\ tick = [p \in Procs |-> 0]

\* runqput(p, g, next=true): g into runnext; the old runnext to the local tail;
\* a full local queue moves half of itself and that G to the global tail.
PutNext(p, g) ==
    /\ next' = [next EXCEPT ![p] = g]
    /\ IF next[p] = None THEN UNCHANGED <<local, global>>
       ELSE IF Len(local[p]) < RingSize
            THEN /\ local' = [local EXCEPT ![p] = Append(@, next[p])] /\ UNCHANGED global
            ELSE /\ global' = global \o SubSeq(local[p], 1, RingSize \div 2) \o <<next[p]>>
                 /\ local' = [local EXCEPT ![p] = SubSeq(@, RingSize \div 2 + 1, RingSize)]

\* A P runs G g (execute); the tick advances unless g inherits the time slice.
Run(p, g, inheritTime) ==
    /\ running' = [running EXCEPT ![p] = g]
    /\ tick' = [tick EXCEPT ![p] = IF inheritTime THEN @ ELSE (@ + 1) % SchedTick]

(***************************************************************************)
(* findRunnable, one atomic step per outcome.                              *)
(***************************************************************************)
Schedule(p) ==
    /\ p \notin idle /\ running[p] = None
    /\ CASE tick[p] = 0 /\ global /= <<>> ->                            \* 1. %61
              /\ Run(p, Head(global), FALSE) /\ global' = Tail(global)
              /\ UNCHANGED <<local, next, idle, waiting, fresh>>
         [] next[p] /= None ->                                          \* 2. runnext
              /\ Run(p, next[p], TRUE) /\ next' = [next EXCEPT ![p] = None]
              /\ UNCHANGED <<local, global, idle, waiting, fresh>>
         [] local[p] /= <<>> ->                                         \* 3. local
              /\ Run(p, Head(local[p]), FALSE) /\ local' = [local EXCEPT ![p] = Tail(@)]
              /\ UNCHANGED <<next, global, idle, waiting, fresh>>
         [] global /= <<>> ->                                           \* 4. global
              LET n == Min3(Len(global) \div Cardinality(Procs) + 1, Len(global), RingSize \div 2) IN
              /\ Run(p, Head(global), FALSE)
              /\ local' = [local EXCEPT ![p] = SubSeq(global, 2, n)]
              /\ global' = SubSeq(global, n + 1, Len(global))
              /\ UNCHANGED <<next, idle, waiting, fresh>>
         [] \E q \in Procs : local[q] /= <<>> \/ next[q] /= None ->     \* 5. steal
              \E q \in Procs \ {p} :
                 \/ /\ local[q] /= <<>>
                    /\ LET n == Half(Len(local[q])) IN
                       /\ Run(p, local[q][n], FALSE)
                       /\ local' = [local EXCEPT ![p] = SubSeq(local[q], 1, n - 1),
                                                 ![q] = SubSeq(local[q], n + 1, Len(local[q]))]
                    /\ UNCHANGED <<next, global, idle, waiting, fresh>>
                 \/ /\ local[q] = <<>> /\ next[q] /= None
                    /\ Run(p, next[q], FALSE) /\ next' = [next EXCEPT ![q] = None]
                    /\ UNCHANGED <<local, global, idle, waiting, fresh>>
         [] OTHER ->                                                    \* 6. idle
              /\ idle' = idle \cup {p}
              /\ UNCHANGED <<local, next, global, running, waiting, fresh, tick>>
\* wakep/startm: an idle P wakes up when there is work it could take.
Wake(p) ==
    /\ p \in idle
    /\ global /= <<>> \/ \E q \in Procs : local[q] /= <<>> \/ next[q] /= None
    /\ idle' = idle \ {p}
    /\ UNCHANGED <<local, next, global, running, waiting, fresh, tick>>

(***************************************************************************)
(* What the running G does.                                                *)
(***************************************************************************)
Go(p) ==          \* go f(): the new G goes into runnext
    /\ running[p] /= None /\ fresh /= {}
    /\ \E g \in fresh : PutNext(p, g) /\ fresh' = fresh \ {g}
    /\ UNCHANGED <<running, idle, waiting, tick>>
Yield(p) ==       \* goyield: to the tail of the local queue (room is guaranteed here)
    /\ running[p] /= None /\ Len(local[p]) < RingSize
    /\ local' = [local EXCEPT ![p] = Append(@, running[p])]
    /\ running' = [running EXCEPT ![p] = None]
    /\ UNCHANGED <<next, global, idle, waiting, fresh, tick>>
Gosched(p) ==     \* runtime.Gosched: to the tail of the global queue
    /\ running[p] /= None
    /\ global' = Append(global, running[p]) /\ running' = [running EXCEPT ![p] = None]
    /\ UNCHANGED <<local, next, idle, waiting, fresh, tick>>
Park(p) ==        \* gopark
    /\ running[p] /= None
    /\ waiting' = waiting \cup {running[p]} /\ running' = [running EXCEPT ![p] = None]
    /\ UNCHANGED <<local, next, global, idle, fresh, tick>>
Ready(p) ==       \* goready(w): w into runnext
    /\ running[p] /= None
    /\ \E w \in waiting : PutNext(p, w) /\ waiting' = waiting \ {w}
    /\ UNCHANGED <<running, idle, fresh, tick>>
Exit(p) ==        \* the G returns; its descriptor is free again (gfput), for a later go
    /\ running[p] /= None /\ running' = [running EXCEPT ![p] = None]
    /\ fresh' = fresh \cup {running[p]}
    /\ UNCHANGED <<local, next, global, idle, waiting, tick>>

GStep(p) == Go(p) \/ Yield(p) \/ Gosched(p) \/ Park(p) \/ Ready(p) \/ Exit(p)
\* Every P idle: nothing happens any more (the program is done or deadlocked).
Quiescent == idle = Procs /\ UNCHANGED vars
Next == (\E p \in Procs : Schedule(p) \/ Wake(p) \/ GStep(p)) \/ Quiescent
\* A P that can schedule or wake eventually does, and a running G eventually
\* takes a step (it does not compute for ever: Proc.tla models sysmon).
Spec == Init /\ [][Next]_vars
        /\ \A p \in Procs : WF_vars(Schedule(p)) /\ WF_vars(Wake(p)) /\ WF_vars(GStep(p))

(***************************************************************************)
(* Properties (each is checked on the fine-grained steps in Proc.tla).     *)
(***************************************************************************)
Queued == UNION {Range(local[p]) \cup ({next[p]} \ {None}) : p \in Procs} \cup Range(global)
Running == {running[p] : p \in Procs} \ {None}
\* Every G is in exactly one place.
ExactlyOnePlace ==
    /\ Goroutines = Queued \cup Running \cup waiting \cup fresh
    /\ Cardinality(Goroutines) = Cardinality(Queued) + Cardinality(Running)
                                 + Cardinality(waiting) + Cardinality(fresh)
    /\ \A p \in Procs : Len(local[p]) = Cardinality(Range(local[p]))
    /\ Len(global) = Cardinality(Range(global))
\* An idle P runs nothing.
IdleIsIdle == \A p \in idle : running[p] = None
\* Work conservation: an idle P does not stay idle while a G is queued.
WorkConservation == (idle /= {} /\ Queued /= {}) ~> (idle = {} \/ Queued = {})
\* The %61 rule: a G on the global queue eventually runs.
GlobalEventuallyRuns == \A g \in Goroutines : (g \in Range(global)) ~> (g \in Running)
\* Not a property of Go: with runnext, two Gs that ready each other share one
\* time slice for ever and a G in the local queue starves (Proc.tla: sysmon
\* preempts them; Go 1.23+ without sysmon avoids runnext).
RunnableEventuallyRuns == \A g \in Goroutines : (g \in Queued) ~> (g \in Running)
=============================================================================
