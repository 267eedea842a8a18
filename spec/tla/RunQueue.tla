------------------------------ MODULE RunQueue ------------------------------
(***************************************************************************)
(* Go's per-P run queues and the global run queue, step by step.           *)
(*                                                                         *)
(* Each process is a P (with the M running it): the owner of its own ring  *)
(* (runqput, runqputslow, runqputbatch, runqget, runqdrain) and a thief of *)
(* the others' (runqsteal/runqgrab); any P may ask runqempty of any P and  *)
(* use the global queue under sched.lock.  A small driver (Dispatch) picks *)
(* the next operation with the Gs the P holds in its hand (Gs it has just  *)
(* run or is about to queue); a history variable counts the operations     *)
(* started (ops), and the parameter MayStart, which MCRunQueue.tla         *)
(* defines, says whether the driver may start another.                     *)
(*                                                                         *)
(* The operations are written as goto-linked code with one PlusCal label   *)
(* per atomic step of proc.go.  Their step text is IDENTICAL to Proc.tla,  *)
(* which runs the same steps inside the scheduler (a test checks this);    *)
(* only the macros named ...Return, which say where an operation returns   *)
(* to, differ between the two modules.  Known bugs are switched on by      *)
(* configuration through the operators of Bugs.tla.                        *)
(*                                                                         *)
(* Checked here: every G is in exactly one place, ring bounds, the         *)
(* Disruptor-style torn-copy check for thieves (RingTear.tla), what a      *)
(* thief's successful CAS takes (StealCopiesQueued), runqempty's "never    *)
(* true spuriously", and refinement of RunQueueAtomic: each operation is   *)
(* one atomic step with its own batch size (linearizability).              *)
(***************************************************************************)
EXTENDS RunQueueDefs

CONSTANTS
    InitQueued,  \* how many Gs start in P 1's ring (Gs 1..InitQueued); the rest start in P 1's hand
    Ops,         \* which operations the driver may start (see Dispatch)
    MayStart(_)  \* MayStart(k): may the driver start another operation after k? (MCRunQueue)

AllOps == {"putnext", "put", "putbatch", "get", "drain", "steal", "empty", "globput", "globget", "destroy"}
ASSUME InitialRing == InitQueued \in 0..Min(RingSize, NumG) /\ (InitQueued = 0 \/ Slot(Start) = 0)
ASSUME KnownOps == Ops \subseteq AllOps

InitRunq == [p \in Ps |-> [s \in Slots |->
                IF p = 1 /\ s < InitQueued THEN s + 1 ELSE NoG]]
\* The ring of P 1 holds Gs 1..InitQueued in slots 0.. (so its head must be a
\* multiple of RingSize: Start is, as CounterMod and CounterStart are chosen).
InitTail == [p \in Ps |-> IF p = 1 THEN Inc(Start, InitQueued) ELSE Start]
InitHand == [p \in Ps |-> IF p = 1 THEN (InitQueued + 1)..NumG ELSE {}]

(* --algorithm RunQueue
variables
    \* ---- type p (runtime2.go) ------------------------------------------
    runq = InitRunq,                        \* pp.runq: the ring
    runqhead = [p \in Ps |-> Start],        \* pp.runqhead
    runqtail = InitTail,                    \* pp.runqtail
    runnext = [p \in Ps |-> NoG],           \* pp.runnext
    \* ---- type schedt ---------------------------------------------------
    globrunq = <<>>,                        \* sched.runq (gQueue)
    runqsize = 0,                           \* sched.runqsize
    schedLock = NoOne,                      \* sched.lock: the process holding it
    \* ---- model state ---------------------------------------------------
    grab = [x \in Ps |-> NoGrab],           \* ghost: each thief's copy in progress (RingTear.tla)
    thrown = "",                            \* the message of a Go throw() reached, if any
    pp = [x \in Ps |-> x],                  \* the P a process owns (here: itself)
    hand = InitHand,                        \* Gs a P holds outside every queue
    ops = 0;                                \* history: operations started

define
    \* Operation entry points: a process there holds no value it read before.
    \* globrunqputhead_lock (p.destroy) runs only while every other process is
    \* at one: the world is stopped.
    EntryLabels == {"runqput_loadnext", "runqput_loadhead", "runqputbatch_loadhead",
                    "runqget_loadnext", "runqget_loadhead", "runqdrain_loadnext",
                    "runqdrain_loadhead", "runqgrab_loadhead", "runqempty_loadhead",
                    "globrunqput_lock", "globrunqget_lock", "globrunqputhead_lock", "Done"}
    WorldStopped(x) == \A y \in Ps \ {x} : pc[y] \in EntryLabels
    \* The operations P x may start next, holding the Gs avail ("done": it
    \* stops, once MayStart says so).  findRunnable steals and takes a batch
    \* from the global queue only after runqget found the local queue empty,
    \* so then the P's own queue is empty (the batch fits).  (ownEmpty is
    \* passed in, evaluated after the step's own assignments.)
    NextOps(x, avail, ownEmpty) ==
        IF ~MayStart(ops) THEN {"done"}
        ELSE {o \in Ops : /\ (o \in {"putnext", "put", "putbatch", "globput"} => avail /= {})
                          /\ (o = "steal" => NumP > 1 /\ ownEmpty)
                          /\ (o = "destroy" => WorldStopped(x))}
end define;

\* ---------------------------------------------------------------------------
\* Shared helpers (identical in RunQueue.tla and Proc.tla; SharedStepTextTest).
\* ---------------------------------------------------------------------------

\* A plain store to a ring slot.  Every thief copying that slot of that ring
\* is marked torn (RingTear.tla, obligation O1).
macro WriteSlot(p, s, g) begin
    runq[p][s] := g;
    grab := Tear!AfterWrite(grab, p, s);
end macro;

\* The head of P p's ring advances from h by k (a successful CAS; RingTear O2).
macro AdvanceHead(p, hd, k) begin
    runqhead[p] := Inc(hd, k);
    grab := Tear!AfterAdvance(grab, p, k);
end macro;

\* A thief's successful CAS of the victim's head: as AdvanceHead, and the
\* thief's own copy ends (RingTear O3).
macro CommitGrab(p, hd, k) begin
    runqhead[p] := Inc(hd, k);
    grab := [Tear!AfterAdvance(grab, p, k) EXCEPT ![self] = NoGrab];
end macro;

\* runqput's two stores in program order: the slot, then tail (StoreRel).
\* Bug tail_before_slot (Bugs.tla) publishes tail first and writes the slot
\* second.
macro RunqputStoreSlot(p, tl, g) begin
    if TailBeforeSlot then
        runqtail[p] := Inc(tl, 1);
    else
        WriteSlot(p, Slot(tl), g);
    end if;
end macro;
macro RunqputStoreTail(p, tl, g) begin
    if TailBeforeSlot then
        WriteSlot(p, Slot(tl), g);
    else
        runqtail[p] := Inc(tl, 1);
    end if;
end macro;

\* throw(msg): Go aborts; the model records the message (invariant NoThrow).
macro Throw(msg) begin
    thrown := msg;
end macro;

\* ---------------------------------------------------------------------------
\* The driver (RunQueue only).  Results of the finished operation (gs) go to
\* the hand; then the next operation is chosen and its inputs are set.
\* ---------------------------------------------------------------------------
macro Dispatch(gs) begin
    with avail = hand[self] \cup gs,
         ownEmpty = (runqhead[self] = runqtail[self] /\ runnext[self] = NoG),
         op \in NextOps(self, avail, ownEmpty),
         hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}),
         v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}),
         sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}),
         e \in (IF op = "empty" THEN Ps ELSE {NoP}),
         mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}) do
        hand[self] := IF op = "putbatch" THEN {} ELSE avail \ {hg};
        rqg := IF op \in {"putnext", "put"} THEN hg ELSE NoG;        \* runqput: gp
        q := IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>;     \* runqputbatch: the whole hand, in G order
        gq := IF op = "globput" THEN <<hg>> ELSE <<>>;                \* globrunqput(gp)
        victim := v; stealnext := sn;                                 \* runqsteal(pp, p2, stealRunNextG)
        ep := e;                                                      \* runqempty(p2)
        gmax := mx;                                                   \* globrunqget(pp, max); 1 = the %61 path
        ops := IF op = "done" THEN ops ELSE ops + 1;
        if op = "putnext" then goto runqput_loadnext;                 \* runqput(pp, gp, true)
        elsif op = "put" then goto runqput_loadhead;                  \* runqput(pp, gp, false)
        elsif op = "putbatch" then goto runqputbatch_loadhead;
        elsif op = "get" then goto runqget_loadnext;
        elsif op = "drain" then goto runqdrain_loadnext;
        elsif op = "steal" then goto runqgrab_loadhead;
        elsif op = "empty" then goto runqempty_loadhead;
        elsif op = "globput" then goto globrunqput_lock;
        elsif op = "globget" then goto globrunqget_lock;
        elsif op = "destroy" then goto globrunqputhead_lock;         \* p.destroy
        else goto Done;
        end if;
    end with;
end macro;

\* Where each operation returns to.  Proc.tla has its own versions.
macro GlobrunqgetReturn(g) begin Dispatch(IF g = NoG THEN {} ELSE {g}); end macro;
macro RunqputReturn() begin
    if rqret = "globrunqget" then
        \* globrunqget's loop: runqput(pp, gp1, false) for each extra G
        if gbatch /= <<>> then
            rqg := Head(gbatch); gbatch := Tail(gbatch);
            goto runqput_loadhead;
        else
            rqret := ""; rqg := NoG;
            goto globrunqget_unlock;
        end if;
    else
        Dispatch({});
    end if;
end macro;
\* spilled: the rest of q went to the global queue (Go 1.14/1.21, or the
\* caller's lock section).  Go 1.25: what did not fit goes back to the hand,
\* or, for globrunqget's batch, is Go's throw.
macro RunqputbatchReturn(spilled) begin
    if rbret = "globrunqget" then
        if q /= <<>> then Throw("Couldn't put Gs into empty local runq"); end if;
        rbret := "";
        with g = gp do gp := NoG; GlobrunqgetReturn(g); end with;
    elsif spilled then
        Dispatch({});
    else
        Dispatch(Range(q));
    end if;
end macro;
macro RunqgetReturn(g, inheritTime) begin Dispatch(IF g = NoG THEN {} ELSE {g}); end macro;
macro RunqdrainReturn(drainQ) begin Dispatch(Range(drainQ)); end macro;
macro RunqstealReturn(g) begin Dispatch(IF g = NoG THEN {} ELSE {g}); end macro;
macro RunqemptyReturn(isEmpty) begin Dispatch({}); end macro;
macro GlobrunqputReturn() begin Dispatch({}); end macro;
macro GlobrunqputheadReturn() begin Dispatch({}); end macro;

\* Bug runqputslow_no_lock (Bugs.tla): runqputslow reads sched.runq without
\* sched.lock and writes it back a step later.
macro RacyGlobrunqputbatch() begin
    if phase = 0 then
        batch := globrunq; n := runqsize; phase := 1;
        goto runqputslow_lock;
    else
        globrunq := batch \o gq; runqsize := n + Len(gq);
        batch := <<>>; n := 0; phase := 0;
        RunqputReturn();
    end if;
end macro;

process P \in Ps
variables
    \* inputs, set by the caller
    rqg = NoG,          \* runqput: gp
    q = <<>>,           \* runqputbatch: q; runqdrain: drainQ
    gq = <<>>,          \* the batch for globrunqput / globrunqputbatch
    victim = NoP,       \* runqsteal: p2
    stealnext = FALSE,  \* runqsteal: stealRunNextG
    ep = self,          \* runqempty: pp (the first operation of every P is runqempty(pp))
    gmax = 0,           \* globrunqget: max
    rqret = "",         \* runqput returns into globrunqget's loop ("globrunqget") or to the caller
    rbret = "",         \* runqputbatch returns to Go 1.25's globrunqget caller ("globrunqget") or to the caller
    \* locals
    oldnext = NoG, next = NoG, rg = NoG, gp = NoG,
    h = 0, t = 0, n = 0, i = 0, st = 0, qn = 0,
    batch = <<>>, gbatch = <<>>,
    ehead = 0, etail = 0, enext = NoG,
    ewitness = FALSE,   \* ghost: the queue was empty when runqempty read runnext
    phase = 0;          \* bug runqputslow_no_lock: 1 after the unlocked read
begin
\* ====================== runqempty (proc.go) ================================
\* Defend against: pp has G1 in runnext but head == tail; runqput kicks G1 to
\* the ring; runqget empties runnext.  Observing head == tail and then
\* runnext == 0 does not mean the queue is empty, hence the second read of tail.
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_loadhead:
    ehead := runqhead[ep];                              \* head := atomic.Load(&pp.runqhead)
    grab[self] := Tear!Begin(ep, runqhead[ep]);         \* ghost: a read begins (RingTear.tla)
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_loadtail:
    etail := runqtail[ep];                              \* tail := atomic.Load(&pp.runqtail)
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_loadnext:
    enext := runnext[ep];                               \* runnext := atomic.Loaduintptr(&pp.runnext)
    ewitness := (runqhead[ep] = runqtail[ep] /\ runnext[ep] = NoG);   \* ghost: empty right now?
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_recheck:
    if etail = RereadTail(runqtail[ep], etail) then     \* if tail == atomic.Load(&pp.runqtail)
        with res = (ehead = etail /\ enext = NoG) do    \*     return head == tail && runnext == 0
            if ~res then await Probe("runqempty_nonempty", self); end if;
            ehead := 0; etail := 0; enext := NoG; ewitness := FALSE; grab[self] := NoGrab;
            RunqemptyReturn(res);
        end with;
    else
        await Probe("runqempty_retry", self);                 \* the owner moved its tail: read again
        goto runqempty_loadhead;
    end if;

\* ====================== runqput (proc.go) ==================================
\* Executed only by the owner P.  next = true enters at runqput_loadnext,
\* next = false at runqput_loadhead (Go's retry: label).
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_loadnext:
    oldnext := runnext[pp[self]];                       \* retryNext: oldnext := pp.runnext
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_casnext:
    if runnext[pp[self]] = oldnext then                 \* pp.runnext.cas(oldnext, gp)
        runnext[pp[self]] := rqg;
        if oldnext = NoG then
            RunqputReturn();
        else
            await Probe("runqput_kick", self);
            rqg := oldnext;                             \* kick the old runnext out to the regular run queue
            oldnext := NoG;
            goto runqput_loadhead;
        end if;
    else
        await Probe("runqput_retryNext", self);               \* a thief took runnext: goto retryNext
        oldnext := NoG;
        goto runqput_loadnext;
    end if;
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_loadhead:
    h := runqhead[pp[self]];                            \* retry: h := atomic.LoadAcq(&pp.runqhead)
    t := runqtail[pp[self]];                            \* t := pp.runqtail
    if Dist(t, h) < RingSize then                       \* if t-h < uint32(len(pp.runq))
        goto runqput_store;
    else                                                \* runqputslow(pp, gp, h, t)
        await Probe("runqput_slow", self);
        n := Dist(t, h) \div 2;
        if Dist(t, h) \div 2 /= RingSize \div 2 then
            Throw("runqputslow: queue is not full");
        end if;
        goto runqputslow_copy;
    end if;
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_store:
    RunqputStoreSlot(pp[self], t, rqg);                 \* pp.runq[t%uint32(len(pp.runq))].set(gp)
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_storetail:
    RunqputStoreTail(pp[self], t, rqg);                 \* atomic.StoreRel(&pp.runqtail, t+1)
    h := 0; t := 0;
    RunqputReturn();

\* ====================== runqputslow (proc.go) ==============================
\* Put gp and half the (full) ring on the global queue.  Owner only.
\* proc.go runqputslow; io.procspec.runtime.Proc#runqputslow
runqputslow_copy:
    batch := Append(batch, runq[pp[self]][Slot(Inc(h, i))]);   \* batch[i] = pp.runq[(h+i)%len]
    i := i + 1;
    if i < n then
        goto runqputslow_copy;
    end if;
\* proc.go runqputslow; io.procspec.runtime.Proc#runqputslow
runqputslow_cas:
    if runqhead[pp[self]] = h then                      \* atomic.CasRel(&pp.runqhead, h, h+n)
        AdvanceHead(pp[self], h, n);
        gq := batch \o <<rqg>>;                         \* batch[n] = gp
        rqg := NoG; batch := <<>>; i := 0; n := 0; h := 0; t := 0;
        goto runqputslow_lock;
    else
        await Probe("runqputslow_retry", self);               \* return false: runqput retries
        batch := <<>>; i := 0; n := 0;
        goto runqput_loadhead;
    end if;
\* proc.go runqputslow; io.procspec.runtime.Proc#runqputslow
runqputslow_lock:
    if RunqputslowNoLock then
        RacyGlobrunqputbatch();                         \* (bug runqputslow_no_lock, Bugs.tla)
    else
        await schedLock = NoOne;                        \* lock(&sched.lock)
        globrunq := globrunq \o gq;                     \* globrunqputbatch(&q, int32(n+1))
        runqsize := runqsize + Len(gq);                 \* unlock(&sched.lock)
        RunqputReturn();
    end if;

\* ====================== runqputbatch (proc.go) =============================
\* Put the Gs of q on the local ring.  Go 1.14/1.21: what does not fit goes
\* to the global queue; Go 1.25: it stays on q for the caller.
\* proc.go runqputbatch; io.procspec.runtime.Proc#runqputbatch
runqputbatch_loadhead:
    h := runqhead[pp[self]];                            \* h := atomic.LoadAcq(&pp.runqhead)
    t := runqtail[pp[self]];                            \* t := pp.runqtail
    if q /= <<>> /\ Dist(t, h) < RingSize then
        goto runqputbatch_store;
    else
        goto runqputbatch_storetail;
    end if;
\* proc.go runqputbatch; io.procspec.runtime.Proc#runqputbatch
runqputbatch_store:
    WriteSlot(pp[self], Slot(t), Head(q));              \* pp.runq[t%len].set(q.pop()); t++
    q := Tail(q);
    t := Inc(t, 1);
    if q /= <<>> /\ Dist(t, h) < RingSize then
        goto runqputbatch_store;
    end if;
\* proc.go runqputbatch; io.procspec.runtime.Proc#runqputbatch
runqputbatch_storetail:
    runqtail[pp[self]] := t;                            \* atomic.StoreRel(&pp.runqtail, t)
    h := 0; t := 0;
    if q = <<>> \/ GoVersion = "1.25" then              \* Go 1.25: the rest stays on q
        if q /= <<>> then await Probe("runqputbatch_rest_kept", self); end if;
        RunqputbatchReturn(FALSE);
    end if;
\* proc.go runqputbatch (Go 1.25: its caller injectglist); io.procspec.runtime.Proc#runqputbatch
runqputbatch_lock:
    await schedLock = NoOne;                            \* lock(&sched.lock)
    await Probe("runqputbatch_spill", self);
    globrunq := globrunq \o q;                          \* globrunqputbatch(q, int32(qsize))
    runqsize := runqsize + Len(q);                      \* unlock(&sched.lock)
    RunqputbatchReturn(TRUE);

\* ====================== runqget (proc.go) ==================================
\* Owner only.  If runnext is non-0 and the CAS fails, a thief stole it (only
\* the owner sets runnext non-0), so Go 1.21 does not retry; Go 1.14 loops.
\* proc.go runqget; io.procspec.runtime.Proc#runqget
runqget_loadnext:
    next := runnext[pp[self]];                          \* next := pp.runnext
    if next = NoG then
        goto runqget_loadhead;
    end if;
\* proc.go runqget; io.procspec.runtime.Proc#runqget
runqget_casnext:
    if runnext[pp[self]] = next then                    \* next != 0 && pp.runnext.cas(next, 0)
        runnext[pp[self]] := NoG;
        with g = next do
            next := NoG;
            RunqgetReturn(g, TRUE);                     \* return next.ptr(), true
        end with;
    elsif GoVersion = "1.14" then
        await Probe("runqget_next_retry", self);              \* a thief took runnext: Go 1.14 reads it again
        goto runqget_loadnext;                          \* for { next := pp.runnext; ... }
    else
        await Probe("runqget_next_lost", self);               \* a thief took runnext: no retry
        next := NoG;
        goto runqget_loadhead;
    end if;
\* proc.go runqget; io.procspec.runtime.Proc#runqget
runqget_loadhead:
    with hh = runqhead[pp[self]], tt = runqtail[pp[self]] do   \* h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail
        if tt = hh then
            RunqgetReturn(NoG, FALSE);                  \* return nil, false
        else
            h := hh; t := tt;
            goto runqget_load;
        end if;
    end with;
\* proc.go runqget; io.procspec.runtime.Proc#runqget
runqget_load:
    rg := runq[pp[self]][Slot(h)];                      \* gp := pp.runq[h%len].ptr()
\* proc.go runqget; io.procspec.runtime.Proc#runqget
runqget_cas:
    if runqhead[pp[self]] = h then                      \* atomic.CasRel(&pp.runqhead, h, h+1)
        AdvanceHead(pp[self], h, 1);
        with g = rg do
            rg := NoG; h := 0; t := 0;
            RunqgetReturn(g, FALSE);                    \* return gp, false
        end with;
    else
        await Probe("runqget_retry", self);                   \* a thief took it
        rg := NoG; h := 0; t := 0;
        goto runqget_loadhead;
    end if;

\* ====================== runqdrain (proc.go) ================================
\* Owner only.  Head is advanced BEFORE the slots are read (see proc.go).
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_loadnext:
    next := runnext[pp[self]];                          \* oldNext := pp.runnext
    if next = NoG then
        goto runqdrain_loadhead;
    end if;
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_casnext:
    if runnext[pp[self]] = next then                    \* oldNext != 0 && pp.runnext.cas(oldNext, 0)
        runnext[pp[self]] := NoG;
        q := <<next>>;                                  \* drainQ.pushBack(oldNext.ptr())
    else
        await Probe("runqdrain_next_lost", self);
    end if;
    next := NoG;
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_loadhead:
    with hh = runqhead[pp[self]], tt = runqtail[pp[self]] do   \* retry: h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail
        if Dist(tt, hh) = 0 then                        \* qn := t - h; if qn == 0 { return }
            RunqdrainReturn(q);
        elsif Dist(tt, hh) > RingSize then
            await Probe("runqdrain_inconsistent", self);
            goto runqdrain_loadhead;                    \* read inconsistent h and t
        else
            h := hh; t := tt; qn := Dist(tt, hh);
            goto runqdrain_cas;
        end if;
    end with;
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_cas:
    if runqhead[pp[self]] = h then                      \* atomic.CasRel(&pp.runqhead, h, h+qn)
        AdvanceHead(pp[self], h, qn);
    else
        await Probe("runqdrain_retry", self);
        h := 0; t := 0; qn := 0;
        goto runqdrain_loadhead;
    end if;
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_load:
    if i + 1 < qn then
        q := Append(q, runq[pp[self]][Slot(Inc(h, i))]);    \* drainQ.pushBack(pp.runq[(h+i)%len].ptr())
        i := i + 1;
        goto runqdrain_load;
    else
        with dq = Append(q, runq[pp[self]][Slot(Inc(h, i))]) do
            i := 0; qn := 0; h := 0; t := 0;
            RunqdrainReturn(dq);
        end with;
    end if;

\* ====================== runqsteal / runqgrab (proc.go) =====================
\* Any P.  Grab half of p2's ring into this P's own ring, beyond its tail,
\* then publish all but the last one, which is returned.
\* proc.go runqgrab (and runqsteal's t := pp.runqtail); io.procspec.runtime.Proc#runqgrab
runqgrab_loadhead:
    st := runqtail[pp[self]];                           \* runqsteal: t := pp.runqtail
    h := runqhead[victim];                              \* h := atomic.LoadAcq(&pp.runqhead)
    grab[self] := Tear!Begin(victim, runqhead[victim]); \* ghost: a copy begins (RingTear.tla)
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_loadtail:
    \* t := atomic.LoadAcq(&pp.runqtail); n := t - h; n = n - n/2
    with k = GrabCount(Dist(runqtail[victim], h)) do
        if k = 0 then
            grab[self] := NoGrab;
            if stealnext then
                goto runqgrab_loadnext;
            else
                h := 0; st := 0;
                RunqstealReturn(NoG);                   \* return 0
            end if;
        elsif k > GrabLimit(RingSize) then
            await Probe("runqgrab_inconsistent", self);
            goto runqgrab_loadhead;                     \* read inconsistent h and t
        else
            n := k;
            grab[self] := Tear!Cover(grab[self], k);
            goto runqgrab_copy;
        end if;
    end with;
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_loadnext:
    next := runnext[victim];                            \* if next := pp.runnext; next != 0
    if next = NoG then
        h := 0; st := 0;
        RunqstealReturn(NoG);                           \* return 0
    end if;
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
\* (Go first sleeps 3us when the victim is running: any interleaving may come first.)
runqgrab_casnext:
    if runnext[victim] = next then                      \* pp.runnext.cas(next, 0)
        await Probe("runqgrab_next_stolen", self);
        runnext[victim] := NoG;
        WriteSlot(pp[self], Slot(st), next);            \* batch[batchHead%len(batch)] = next; return 1
        with g = next do                                \* runqsteal: n--; gp := pp.runq[(t+n)%len]; return gp
            next := NoG; h := 0; st := 0;
            RunqstealReturn(g);
        end with;
    else
        await Probe("runqgrab_next_lost", self);
        next := NoG;
        goto runqgrab_loadhead;                         \* continue
    end if;
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_copy:
    \* batch[(batchHead+i)%len(batch)] = pp.runq[(h+i)%len(pp.runq)]: the load and
    \* the store are one step (the reduction argument is in the README)
    WriteSlot(pp[self], Slot(Inc(st, i)), runq[victim][Slot(Inc(h, i))]);
    i := i + 1;
    if i < n then
        goto runqgrab_copy;
    end if;
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_cas:
    if RunqgrabCommits(runqhead[victim], h) then        \* atomic.CasRel(&pp.runqhead, h, h+n)
        await Probe("runqgrab_ring_stolen", self);
        CommitGrab(victim, h, n);                       \* (and the ghost copy ends)
        i := 0;
        if n = 1 then                                   \* runqsteal: n--; if n == 0 { return gp }
            with g = runq[pp[self]][Slot(st)] do
                h := 0; n := 0; st := 0;
                RunqstealReturn(g);
            end with;
        else
            gp := runq[pp[self]][Slot(Inc(st, n - 1))];     \* gp := pp.runq[(t+n)%len].ptr()
            n := n - 1;
            goto runqsteal_loadhead;
        end if;
    else
        await Probe("runqgrab_retry", self);
        grab[self] := NoGrab; i := 0; n := 0;
        goto runqgrab_loadhead;
    end if;
\* proc.go runqsteal; io.procspec.runtime.Proc#runqsteal
runqsteal_loadhead:
    h := runqhead[pp[self]];                            \* h := atomic.LoadAcq(&pp.runqhead)
    if Dist(st, runqhead[pp[self]]) + n >= RingSize then     \* if t-h+n >= uint32(len(pp.runq))
        Throw("runqsteal: runq overflow");
    end if;
\* proc.go runqsteal; io.procspec.runtime.Proc#runqsteal
runqsteal_storetail:
    runqtail[pp[self]] := Inc(st, n);                   \* atomic.StoreRel(&pp.runqtail, t+n)
    with g = gp do
        gp := NoG; h := 0; n := 0; st := 0;
        RunqstealReturn(g);                             \* return gp
    end with;

\* ====================== the global run queue (proc.go) =====================
\* proc.go goschedImpl (globrunqput); io.procspec.runtime.Proc#globrunqput
globrunqput_lock:
    await schedLock = NoOne;                            \* lock(&sched.lock)
    globrunq := globrunq \o gq;                         \* globrunqput(gp) / globrunqputbatch(&q, n)
    runqsize := runqsize + Len(gq);                     \* unlock(&sched.lock)
    GlobrunqputReturn();
\* proc.go (p).destroy (globrunqputhead); io.procspec.runtime.Proc#globrunqputhead
\* The world is stopped: pop from the tail of the local queue, then runnext,
\* and push onto the head of the global queue, one G per step.
globrunqputhead_lock:
    await schedLock = NoOne /\ WorldStopped(self);     \* lock(&sched.lock)
    if runqtail[pp[self]] /= runqhead[pp[self]] then
        await Probe("destroy_runq", self);
        with tl = Inc(runqtail[pp[self]], Mod - 1) do
            runqtail[pp[self]] := tl;                   \* pp.runqtail--
            globrunq := <<runq[pp[self]][Slot(tl)]>> \o globrunq;   \* globrunqputhead(gp)
        end with;
        runqsize := runqsize + 1;
        goto globrunqputhead_lock;
    elsif runnext[pp[self]] /= NoG then
        await Probe("destroy_runnext", self);
        globrunq := <<runnext[pp[self]]>> \o globrunq;  \* globrunqputhead(pp.runnext.ptr())
        runqsize := runqsize + 1;
        runnext[pp[self]] := NoG;                       \* pp.runnext = 0
        GlobrunqputheadReturn();
    else
        GlobrunqputheadReturn();
    end if;
\* proc.go globrunqget (called under lock(&sched.lock)); io.procspec.runtime.Proc#globrunqget
\* Go 1.14/1.21: the fair-share batch leaves the global queue in this step;
\* the extra Gs then go through runqput(pp, gp1, false) while the lock is
\* held, until globrunqget_unlock.  Go 1.25: globrunqget() (max 1) or
\* globrunqgetbatch(len(pp.runq)/2) and unlock in this step; the extra Gs go
\* through runqputbatch after the unlock.
globrunqget_lock:
    await schedLock = NoOne;                            \* lock(&sched.lock)
    if runqsize = 0 then
        await Probe("globrunqget_empty", self);
        if GoVersion = "1.25" then
            GlobrunqgetReturn(NoG);                     \* unlock(&sched.lock); return nil
        else
            schedLock := self;
        end if;
    else
        with k = FairShare(runqsize, gmax), gl = globrunq do   \* n := min(runqsize/gomaxprocs+1, ...)
            runqsize := runqsize - k;                   \* sched.runqsize -= n
            globrunq := SubSeq(gl, k + 1, Len(gl));     \* gp := sched.runq.pop(), and n-1 more
            if k > 1 then await Probe("globrunqget_batch", self); end if;
            if GoVersion = "1.25" then                  \* unlock(&sched.lock); runqputbatch(pp, &q)
                if k > 1 then
                    await Probe("globrunqgetbatch_runqputbatch", self);
                    gp := Head(gl); q := SubSeq(gl, 2, k); rbret := "globrunqget";
                    goto runqputbatch_loadhead;
                else
                    GlobrunqgetReturn(Head(gl));
                end if;
            else
                schedLock := self; gp := Head(gl);
                if k > 1 then                           \* for ; n > 0; n-- { runqput(pp, sched.runq.pop(), false) }
                    rqg := gl[2];
                    gbatch := SubSeq(gl, 3, k);
                    rqret := "globrunqget";
                    goto runqput_loadhead;
                end if;
            end if;
        end with;
    end if;
\* proc.go globrunqget's caller (unlock(&sched.lock)); io.procspec.runtime.Proc#globrunqget
globrunqget_unlock:
    schedLock := NoOne;                                 \* unlock(&sched.lock)
    with g = gp do
        gp := NoG;
        GlobrunqgetReturn(g);
    end with;
end process;
end algorithm; *)
\* BEGIN TRANSLATION
VARIABLES runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, 
          grab, thrown, pp, hand, ops, pc

(* define statement *)
EntryLabels == {"runqput_loadnext", "runqput_loadhead", "runqputbatch_loadhead",
                "runqget_loadnext", "runqget_loadhead", "runqdrain_loadnext",
                "runqdrain_loadhead", "runqgrab_loadhead", "runqempty_loadhead",
                "globrunqput_lock", "globrunqget_lock", "globrunqputhead_lock", "Done"}
WorldStopped(x) == \A y \in Ps \ {x} : pc[y] \in EntryLabels





NextOps(x, avail, ownEmpty) ==
    IF ~MayStart(ops) THEN {"done"}
    ELSE {o \in Ops : /\ (o \in {"putnext", "put", "putbatch", "globput"} => avail /= {})
                      /\ (o = "steal" => NumP > 1 /\ ownEmpty)
                      /\ (o = "destroy" => WorldStopped(x))}

VARIABLES rqg, q, gq, victim, stealnext, ep, gmax, rqret, rbret, oldnext, 
          next, rg, gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail, 
          enext, ewitness, phase

vars == << runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, 
           grab, thrown, pp, hand, ops, pc, rqg, q, gq, victim, stealnext, ep, 
           gmax, rqret, rbret, oldnext, next, rg, gp, h, t, n, i, st, qn, 
           batch, gbatch, ehead, etail, enext, ewitness, phase >>

ProcSet == (Ps)

Init == (* Global variables *)
        /\ runq = InitRunq
        /\ runqhead = [p \in Ps |-> Start]
        /\ runqtail = InitTail
        /\ runnext = [p \in Ps |-> NoG]
        /\ globrunq = <<>>
        /\ runqsize = 0
        /\ schedLock = NoOne
        /\ grab = [x \in Ps |-> NoGrab]
        /\ thrown = ""
        /\ pp = [x \in Ps |-> x]
        /\ hand = InitHand
        /\ ops = 0
        (* Process P *)
        /\ rqg = [self \in Ps |-> NoG]
        /\ q = [self \in Ps |-> <<>>]
        /\ gq = [self \in Ps |-> <<>>]
        /\ victim = [self \in Ps |-> NoP]
        /\ stealnext = [self \in Ps |-> FALSE]
        /\ ep = [self \in Ps |-> self]
        /\ gmax = [self \in Ps |-> 0]
        /\ rqret = [self \in Ps |-> ""]
        /\ rbret = [self \in Ps |-> ""]
        /\ oldnext = [self \in Ps |-> NoG]
        /\ next = [self \in Ps |-> NoG]
        /\ rg = [self \in Ps |-> NoG]
        /\ gp = [self \in Ps |-> NoG]
        /\ h = [self \in Ps |-> 0]
        /\ t = [self \in Ps |-> 0]
        /\ n = [self \in Ps |-> 0]
        /\ i = [self \in Ps |-> 0]
        /\ st = [self \in Ps |-> 0]
        /\ qn = [self \in Ps |-> 0]
        /\ batch = [self \in Ps |-> <<>>]
        /\ gbatch = [self \in Ps |-> <<>>]
        /\ ehead = [self \in Ps |-> 0]
        /\ etail = [self \in Ps |-> 0]
        /\ enext = [self \in Ps |-> NoG]
        /\ ewitness = [self \in Ps |-> FALSE]
        /\ phase = [self \in Ps |-> 0]
        /\ pc = [self \in ProcSet |-> "runqempty_loadhead"]

runqempty_loadhead(self) == /\ pc[self] = "runqempty_loadhead"
                            /\ ehead' = [ehead EXCEPT ![self] = runqhead[ep[self]]]
                            /\ grab' = [grab EXCEPT ![self] = Tear!Begin(ep[self], runqhead[ep[self]])]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_loadtail"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            thrown, pp, hand, ops, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, t, 
                                            n, i, st, qn, batch, gbatch, etail, 
                                            enext, ewitness, phase >>

runqempty_loadtail(self) == /\ pc[self] = "runqempty_loadtail"
                            /\ etail' = [etail EXCEPT ![self] = runqtail[ep[self]]]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_loadnext"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, hand, ops, rqg, 
                                            q, gq, victim, stealnext, ep, gmax, 
                                            rqret, rbret, oldnext, next, rg, 
                                            gp, h, t, n, i, st, qn, batch, 
                                            gbatch, ehead, enext, ewitness, 
                                            phase >>

runqempty_loadnext(self) == /\ pc[self] = "runqempty_loadnext"
                            /\ enext' = [enext EXCEPT ![self] = runnext[ep[self]]]
                            /\ ewitness' = [ewitness EXCEPT ![self] = (runqhead[ep[self]] = runqtail[ep[self]] /\ runnext[ep[self]] = NoG)]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_recheck"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, hand, ops, rqg, 
                                            q, gq, victim, stealnext, ep, gmax, 
                                            rqret, rbret, oldnext, next, rg, 
                                            gp, h, t, n, i, st, qn, batch, 
                                            gbatch, ehead, etail, phase >>

runqempty_recheck(self) == /\ pc[self] = "runqempty_recheck"
                           /\ IF etail[self] = RereadTail(runqtail[ep[self]], etail[self])
                                 THEN /\ LET res == (ehead[self] = etail[self] /\ enext[self] = NoG) IN
                                           /\ IF ~res
                                                 THEN /\ Probe("runqempty_nonempty", self)
                                                 ELSE /\ TRUE
                                           /\ ehead' = [ehead EXCEPT ![self] = 0]
                                           /\ etail' = [etail EXCEPT ![self] = 0]
                                           /\ enext' = [enext EXCEPT ![self] = NoG]
                                           /\ ewitness' = [ewitness EXCEPT ![self] = FALSE]
                                           /\ grab' = [grab EXCEPT ![self] = NoGrab]
                                           /\ LET avail == hand[self] \cup ({}) IN
                                                LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                  \E op \in NextOps(self, avail, ownEmpty):
                                                    \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                      \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                        \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                          \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                            \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                              /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                              /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                              /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                              /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                              /\ victim' = [victim EXCEPT ![self] = v]
                                                              /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                              /\ ep' = [ep EXCEPT ![self] = e]
                                                              /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                              /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                              /\ IF op = "putnext"
                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                    ELSE /\ IF op = "put"
                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                               ELSE /\ IF op = "putbatch"
                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                          ELSE /\ IF op = "get"
                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                     ELSE /\ IF op = "drain"
                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                ELSE /\ IF op = "steal"
                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                           ELSE /\ IF op = "empty"
                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                      ELSE /\ IF op = "globput"
                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                 ELSE /\ IF op = "globget"
                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                            ELSE /\ IF op = "destroy"
                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                 ELSE /\ Probe("runqempty_retry", self)
                                      /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                      /\ UNCHANGED << grab, hand, ops, rqg, q, 
                                                      gq, victim, stealnext, 
                                                      ep, gmax, ehead, etail, 
                                                      enext, ewitness >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, rqret, rbret, oldnext, 
                                           next, rg, gp, h, t, n, i, st, qn, 
                                           batch, gbatch, phase >>

runqput_loadnext(self) == /\ pc[self] = "runqput_loadnext"
                          /\ oldnext' = [oldnext EXCEPT ![self] = runnext[pp[self]]]
                          /\ pc' = [pc EXCEPT ![self] = "runqput_casnext"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, hand, ops, rqg, q, gq, 
                                          victim, stealnext, ep, gmax, rqret, 
                                          rbret, next, rg, gp, h, t, n, i, st, 
                                          qn, batch, gbatch, ehead, etail, 
                                          enext, ewitness, phase >>

runqput_casnext(self) == /\ pc[self] = "runqput_casnext"
                         /\ IF runnext[pp[self]] = oldnext[self]
                               THEN /\ runnext' = [runnext EXCEPT ![pp[self]] = rqg[self]]
                                    /\ IF oldnext[self] = NoG
                                          THEN /\ IF rqret[self] = "globrunqget"
                                                     THEN /\ IF gbatch[self] /= <<>>
                                                                THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                                     /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                                     /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                     /\ rqret' = rqret
                                                                ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                     /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                     /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                                     /\ UNCHANGED gbatch
                                                          /\ UNCHANGED << hand, 
                                                                          ops, 
                                                                          q, 
                                                                          gq, 
                                                                          victim, 
                                                                          stealnext, 
                                                                          ep, 
                                                                          gmax >>
                                                     ELSE /\ LET avail == hand[self] \cup ({}) IN
                                                               LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext'[self] = NoG) IN
                                                                 \E op \in NextOps(self, avail, ownEmpty):
                                                                   \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                                     \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                       \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                         \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                           \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                             /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                             /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                             /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                             /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                             /\ victim' = [victim EXCEPT ![self] = v]
                                                                             /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                             /\ ep' = [ep EXCEPT ![self] = e]
                                                                             /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                             /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                             /\ IF op = "putnext"
                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                   ELSE /\ IF op = "put"
                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                              ELSE /\ IF op = "putbatch"
                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                         ELSE /\ IF op = "get"
                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                                    ELSE /\ IF op = "drain"
                                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                               ELSE /\ IF op = "steal"
                                                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                          ELSE /\ IF op = "empty"
                                                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                                     ELSE /\ IF op = "globput"
                                                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                                ELSE /\ IF op = "globget"
                                                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                           ELSE /\ IF op = "destroy"
                                                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                      ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                          /\ UNCHANGED << rqret, 
                                                                          gbatch >>
                                               /\ UNCHANGED oldnext
                                          ELSE /\ Probe("runqput_kick", self)
                                               /\ rqg' = [rqg EXCEPT ![self] = oldnext[self]]
                                               /\ oldnext' = [oldnext EXCEPT ![self] = NoG]
                                               /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                               /\ UNCHANGED << hand, ops, q, 
                                                               gq, victim, 
                                                               stealnext, ep, 
                                                               gmax, rqret, 
                                                               gbatch >>
                               ELSE /\ Probe("runqput_retryNext", self)
                                    /\ oldnext' = [oldnext EXCEPT ![self] = NoG]
                                    /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                    /\ UNCHANGED << runnext, hand, ops, rqg, q, 
                                                    gq, victim, stealnext, ep, 
                                                    gmax, rqret, gbatch >>
                         /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         rbret, next, rg, gp, h, t, n, i, st, 
                                         qn, batch, ehead, etail, enext, 
                                         ewitness, phase >>

runqput_loadhead(self) == /\ pc[self] = "runqput_loadhead"
                          /\ h' = [h EXCEPT ![self] = runqhead[pp[self]]]
                          /\ t' = [t EXCEPT ![self] = runqtail[pp[self]]]
                          /\ IF Dist(t'[self], h'[self]) < RingSize
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqput_store"]
                                     /\ UNCHANGED << thrown, n >>
                                ELSE /\ Probe("runqput_slow", self)
                                     /\ n' = [n EXCEPT ![self] = Dist(t'[self], h'[self]) \div 2]
                                     /\ IF Dist(t'[self], h'[self]) \div 2 /= RingSize \div 2
                                           THEN /\ thrown' = "runqputslow: queue is not full"
                                           ELSE /\ TRUE
                                                /\ UNCHANGED thrown
                                     /\ pc' = [pc EXCEPT ![self] = "runqputslow_copy"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          pp, hand, ops, rqg, q, gq, victim, 
                                          stealnext, ep, gmax, rqret, rbret, 
                                          oldnext, next, rg, gp, i, st, qn, 
                                          batch, gbatch, ehead, etail, enext, 
                                          ewitness, phase >>

runqput_store(self) == /\ pc[self] = "runqput_store"
                       /\ IF TailBeforeSlot
                             THEN /\ runqtail' = [runqtail EXCEPT ![(pp[self])] = Inc(t[self], 1)]
                                  /\ UNCHANGED << runq, grab >>
                             ELSE /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = rqg[self]]
                                  /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(t[self])))
                                  /\ UNCHANGED runqtail
                       /\ pc' = [pc EXCEPT ![self] = "runqput_storetail"]
                       /\ UNCHANGED << runqhead, runnext, globrunq, runqsize, 
                                       schedLock, thrown, pp, hand, ops, rqg, 
                                       q, gq, victim, stealnext, ep, gmax, 
                                       rqret, rbret, oldnext, next, rg, gp, h, 
                                       t, n, i, st, qn, batch, gbatch, ehead, 
                                       etail, enext, ewitness, phase >>

runqput_storetail(self) == /\ pc[self] = "runqput_storetail"
                           /\ IF TailBeforeSlot
                                 THEN /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = rqg[self]]
                                      /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(t[self])))
                                      /\ UNCHANGED runqtail
                                 ELSE /\ runqtail' = [runqtail EXCEPT ![(pp[self])] = Inc(t[self], 1)]
                                      /\ UNCHANGED << runq, grab >>
                           /\ h' = [h EXCEPT ![self] = 0]
                           /\ t' = [t EXCEPT ![self] = 0]
                           /\ IF rqret[self] = "globrunqget"
                                 THEN /\ IF gbatch[self] /= <<>>
                                            THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                 /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                 /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                 /\ rqret' = rqret
                                            ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                 /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                 /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                 /\ UNCHANGED gbatch
                                      /\ UNCHANGED << hand, ops, q, gq, victim, 
                                                      stealnext, ep, gmax >>
                                 ELSE /\ LET avail == hand[self] \cup ({}) IN
                                           LET ownEmpty == (runqhead[self] = runqtail'[self] /\ runnext[self] = NoG) IN
                                             \E op \in NextOps(self, avail, ownEmpty):
                                               \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                 \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                   \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                     \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                       \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                         /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                         /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                         /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                         /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                         /\ victim' = [victim EXCEPT ![self] = v]
                                                         /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                         /\ ep' = [ep EXCEPT ![self] = e]
                                                         /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                         /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                         /\ IF op = "putnext"
                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                               ELSE /\ IF op = "put"
                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                          ELSE /\ IF op = "putbatch"
                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                     ELSE /\ IF op = "get"
                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                ELSE /\ IF op = "drain"
                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                           ELSE /\ IF op = "steal"
                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                      ELSE /\ IF op = "empty"
                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                 ELSE /\ IF op = "globput"
                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                            ELSE /\ IF op = "globget"
                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                       ELSE /\ IF op = "destroy"
                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                  ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                      /\ UNCHANGED << rqret, gbatch >>
                           /\ UNCHANGED << runqhead, runnext, globrunq, 
                                           runqsize, schedLock, thrown, pp, 
                                           rbret, oldnext, next, rg, gp, n, i, 
                                           st, qn, batch, ehead, etail, enext, 
                                           ewitness, phase >>

runqputslow_copy(self) == /\ pc[self] = "runqputslow_copy"
                          /\ batch' = [batch EXCEPT ![self] = Append(batch[self], runq[pp[self]][Slot(Inc(h[self], i[self]))])]
                          /\ i' = [i EXCEPT ![self] = i[self] + 1]
                          /\ IF i'[self] < n[self]
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputslow_copy"]
                                ELSE /\ pc' = [pc EXCEPT ![self] = "runqputslow_cas"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, hand, ops, rqg, q, gq, 
                                          victim, stealnext, ep, gmax, rqret, 
                                          rbret, oldnext, next, rg, gp, h, t, 
                                          n, st, qn, gbatch, ehead, etail, 
                                          enext, ewitness, phase >>

runqputslow_cas(self) == /\ pc[self] = "runqputslow_cas"
                         /\ IF runqhead[pp[self]] = h[self]
                               THEN /\ runqhead' = [runqhead EXCEPT ![(pp[self])] = Inc(h[self], n[self])]
                                    /\ grab' = Tear!AfterAdvance(grab, (pp[self]), n[self])
                                    /\ gq' = [gq EXCEPT ![self] = batch[self] \o <<rqg[self]>>]
                                    /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                    /\ batch' = [batch EXCEPT ![self] = <<>>]
                                    /\ i' = [i EXCEPT ![self] = 0]
                                    /\ n' = [n EXCEPT ![self] = 0]
                                    /\ h' = [h EXCEPT ![self] = 0]
                                    /\ t' = [t EXCEPT ![self] = 0]
                                    /\ pc' = [pc EXCEPT ![self] = "runqputslow_lock"]
                               ELSE /\ Probe("runqputslow_retry", self)
                                    /\ batch' = [batch EXCEPT ![self] = <<>>]
                                    /\ i' = [i EXCEPT ![self] = 0]
                                    /\ n' = [n EXCEPT ![self] = 0]
                                    /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                    /\ UNCHANGED << runqhead, grab, rqg, gq, h, 
                                                    t >>
                         /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                         runqsize, schedLock, thrown, pp, hand, 
                                         ops, q, victim, stealnext, ep, gmax, 
                                         rqret, rbret, oldnext, next, rg, gp, 
                                         st, qn, gbatch, ehead, etail, enext, 
                                         ewitness, phase >>

runqputslow_lock(self) == /\ pc[self] = "runqputslow_lock"
                          /\ IF RunqputslowNoLock
                                THEN /\ IF phase[self] = 0
                                           THEN /\ batch' = [batch EXCEPT ![self] = globrunq]
                                                /\ n' = [n EXCEPT ![self] = runqsize]
                                                /\ phase' = [phase EXCEPT ![self] = 1]
                                                /\ pc' = [pc EXCEPT ![self] = "runqputslow_lock"]
                                                /\ UNCHANGED << globrunq, 
                                                                runqsize, hand, 
                                                                ops, rqg, q, 
                                                                gq, victim, 
                                                                stealnext, ep, 
                                                                gmax, rqret, 
                                                                gbatch >>
                                           ELSE /\ globrunq' = batch[self] \o gq[self]
                                                /\ runqsize' = n[self] + Len(gq[self])
                                                /\ batch' = [batch EXCEPT ![self] = <<>>]
                                                /\ n' = [n EXCEPT ![self] = 0]
                                                /\ phase' = [phase EXCEPT ![self] = 0]
                                                /\ IF rqret[self] = "globrunqget"
                                                      THEN /\ IF gbatch[self] /= <<>>
                                                                 THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                                      /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                                      /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                      /\ rqret' = rqret
                                                                 ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                      /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                      /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                                      /\ UNCHANGED gbatch
                                                           /\ UNCHANGED << hand, 
                                                                           ops, 
                                                                           q, 
                                                                           gq, 
                                                                           victim, 
                                                                           stealnext, 
                                                                           ep, 
                                                                           gmax >>
                                                      ELSE /\ LET avail == hand[self] \cup ({}) IN
                                                                LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                                  \E op \in NextOps(self, avail, ownEmpty):
                                                                    \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                                      \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                        \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                          \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                            \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                              /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                              /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                              /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                              /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                              /\ victim' = [victim EXCEPT ![self] = v]
                                                                              /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                              /\ ep' = [ep EXCEPT ![self] = e]
                                                                              /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                              /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                              /\ IF op = "putnext"
                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                    ELSE /\ IF op = "put"
                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                               ELSE /\ IF op = "putbatch"
                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                          ELSE /\ IF op = "get"
                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                                     ELSE /\ IF op = "drain"
                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                                ELSE /\ IF op = "steal"
                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                           ELSE /\ IF op = "empty"
                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                                      ELSE /\ IF op = "globput"
                                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                                 ELSE /\ IF op = "globget"
                                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                            ELSE /\ IF op = "destroy"
                                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                           /\ UNCHANGED << rqret, 
                                                                           gbatch >>
                                ELSE /\ schedLock = NoOne
                                     /\ globrunq' = globrunq \o gq[self]
                                     /\ runqsize' = runqsize + Len(gq[self])
                                     /\ IF rqret[self] = "globrunqget"
                                           THEN /\ IF gbatch[self] /= <<>>
                                                      THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                           /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                           /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                           /\ rqret' = rqret
                                                      ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                           /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                           /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                           /\ UNCHANGED gbatch
                                                /\ UNCHANGED << hand, ops, q, 
                                                                gq, victim, 
                                                                stealnext, ep, 
                                                                gmax >>
                                           ELSE /\ LET avail == hand[self] \cup ({}) IN
                                                     LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                       \E op \in NextOps(self, avail, ownEmpty):
                                                         \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                           \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                             \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                               \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                 \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                   /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                   /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                   /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                   /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                   /\ victim' = [victim EXCEPT ![self] = v]
                                                                   /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                   /\ ep' = [ep EXCEPT ![self] = e]
                                                                   /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                   /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                   /\ IF op = "putnext"
                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                         ELSE /\ IF op = "put"
                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                    ELSE /\ IF op = "putbatch"
                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                               ELSE /\ IF op = "get"
                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                          ELSE /\ IF op = "drain"
                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                     ELSE /\ IF op = "steal"
                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                ELSE /\ IF op = "empty"
                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                           ELSE /\ IF op = "globput"
                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                      ELSE /\ IF op = "globget"
                                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                 ELSE /\ IF op = "destroy"
                                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                            ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                /\ UNCHANGED << rqret, gbatch >>
                                     /\ UNCHANGED << n, batch, phase >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          schedLock, grab, thrown, pp, rbret, 
                                          oldnext, next, rg, gp, h, t, i, st, 
                                          qn, ehead, etail, enext, ewitness >>

runqputbatch_loadhead(self) == /\ pc[self] = "runqputbatch_loadhead"
                               /\ h' = [h EXCEPT ![self] = runqhead[pp[self]]]
                               /\ t' = [t EXCEPT ![self] = runqtail[pp[self]]]
                               /\ IF q[self] /= <<>> /\ Dist(t'[self], h'[self]) < RingSize
                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_store"]
                                     ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_storetail"]
                               /\ UNCHANGED << runq, runqhead, runqtail, 
                                               runnext, globrunq, runqsize, 
                                               schedLock, grab, thrown, pp, 
                                               hand, ops, rqg, q, gq, victim, 
                                               stealnext, ep, gmax, rqret, 
                                               rbret, oldnext, next, rg, gp, n, 
                                               i, st, qn, batch, gbatch, ehead, 
                                               etail, enext, ewitness, phase >>

runqputbatch_store(self) == /\ pc[self] = "runqputbatch_store"
                            /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = Head(q[self])]
                            /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(t[self])))
                            /\ q' = [q EXCEPT ![self] = Tail(q[self])]
                            /\ t' = [t EXCEPT ![self] = Inc(t[self], 1)]
                            /\ IF q'[self] /= <<>> /\ Dist(t'[self], h[self]) < RingSize
                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_store"]
                                  ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_storetail"]
                            /\ UNCHANGED << runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            thrown, pp, hand, ops, rqg, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, n, 
                                            i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase >>

runqputbatch_storetail(self) == /\ pc[self] = "runqputbatch_storetail"
                                /\ runqtail' = [runqtail EXCEPT ![pp[self]] = t[self]]
                                /\ h' = [h EXCEPT ![self] = 0]
                                /\ t' = [t EXCEPT ![self] = 0]
                                /\ IF q[self] = <<>> \/ GoVersion = "1.25"
                                      THEN /\ IF q[self] /= <<>>
                                                 THEN /\ Probe("runqputbatch_rest_kept", self)
                                                 ELSE /\ TRUE
                                           /\ IF rbret[self] = "globrunqget"
                                                 THEN /\ IF q[self] /= <<>>
                                                            THEN /\ thrown' = "Couldn't put Gs into empty local runq"
                                                            ELSE /\ TRUE
                                                                 /\ UNCHANGED thrown
                                                      /\ rbret' = [rbret EXCEPT ![self] = ""]
                                                      /\ LET g == gp[self] IN
                                                           /\ gp' = [gp EXCEPT ![self] = NoG]
                                                           /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                                                LET ownEmpty == (runqhead[self] = runqtail'[self] /\ runnext[self] = NoG) IN
                                                                  \E op \in NextOps(self, avail, ownEmpty):
                                                                    \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                                      \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                        \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                          \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                            \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                              /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                              /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                              /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                              /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                              /\ victim' = [victim EXCEPT ![self] = v]
                                                                              /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                              /\ ep' = [ep EXCEPT ![self] = e]
                                                                              /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                              /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                              /\ IF op = "putnext"
                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                    ELSE /\ IF op = "put"
                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                               ELSE /\ IF op = "putbatch"
                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                          ELSE /\ IF op = "get"
                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                                     ELSE /\ IF op = "drain"
                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                                ELSE /\ IF op = "steal"
                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                           ELSE /\ IF op = "empty"
                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                                      ELSE /\ IF op = "globput"
                                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                                 ELSE /\ IF op = "globget"
                                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                            ELSE /\ IF op = "destroy"
                                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                 ELSE /\ IF FALSE
                                                            THEN /\ LET avail == hand[self] \cup ({}) IN
                                                                      LET ownEmpty == (runqhead[self] = runqtail'[self] /\ runnext[self] = NoG) IN
                                                                        \E op \in NextOps(self, avail, ownEmpty):
                                                                          \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                                            \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                              \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                                \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                                  \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                                    /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                                    /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                                    /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                                    /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                                    /\ victim' = [victim EXCEPT ![self] = v]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                                    /\ ep' = [ep EXCEPT ![self] = e]
                                                                                    /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                                    /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                                    /\ IF op = "putnext"
                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                          ELSE /\ IF op = "put"
                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                                     ELSE /\ IF op = "putbatch"
                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                                ELSE /\ IF op = "get"
                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                                           ELSE /\ IF op = "drain"
                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                                      ELSE /\ IF op = "steal"
                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                                 ELSE /\ IF op = "empty"
                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                                            ELSE /\ IF op = "globput"
                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                                       ELSE /\ IF op = "globget"
                                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                                  ELSE /\ IF op = "destroy"
                                                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                            ELSE /\ LET avail == hand[self] \cup (Range(q[self])) IN
                                                                      LET ownEmpty == (runqhead[self] = runqtail'[self] /\ runnext[self] = NoG) IN
                                                                        \E op \in NextOps(self, avail, ownEmpty):
                                                                          \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                                            \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                              \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                                \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                                  \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                                    /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                                    /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                                    /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                                    /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                                    /\ victim' = [victim EXCEPT ![self] = v]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                                    /\ ep' = [ep EXCEPT ![self] = e]
                                                                                    /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                                    /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                                    /\ IF op = "putnext"
                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                          ELSE /\ IF op = "put"
                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                                     ELSE /\ IF op = "putbatch"
                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                                ELSE /\ IF op = "get"
                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                                           ELSE /\ IF op = "drain"
                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                                      ELSE /\ IF op = "steal"
                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                                 ELSE /\ IF op = "empty"
                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                                            ELSE /\ IF op = "globput"
                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                                       ELSE /\ IF op = "globget"
                                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                                  ELSE /\ IF op = "destroy"
                                                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                      /\ UNCHANGED << thrown, 
                                                                      rbret, 
                                                                      gp >>
                                      ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_lock"]
                                           /\ UNCHANGED << thrown, hand, ops, 
                                                           rqg, q, gq, victim, 
                                                           stealnext, ep, gmax, 
                                                           rbret, gp >>
                                /\ UNCHANGED << runq, runqhead, runnext, 
                                                globrunq, runqsize, schedLock, 
                                                grab, pp, rqret, oldnext, next, 
                                                rg, n, i, st, qn, batch, 
                                                gbatch, ehead, etail, enext, 
                                                ewitness, phase >>

runqputbatch_lock(self) == /\ pc[self] = "runqputbatch_lock"
                           /\ schedLock = NoOne
                           /\ Probe("runqputbatch_spill", self)
                           /\ globrunq' = globrunq \o q[self]
                           /\ runqsize' = runqsize + Len(q[self])
                           /\ IF rbret[self] = "globrunqget"
                                 THEN /\ IF q[self] /= <<>>
                                            THEN /\ thrown' = "Couldn't put Gs into empty local runq"
                                            ELSE /\ TRUE
                                                 /\ UNCHANGED thrown
                                      /\ rbret' = [rbret EXCEPT ![self] = ""]
                                      /\ LET g == gp[self] IN
                                           /\ gp' = [gp EXCEPT ![self] = NoG]
                                           /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                                LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                  \E op \in NextOps(self, avail, ownEmpty):
                                                    \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                      \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                        \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                          \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                            \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                              /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                              /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                              /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                              /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                              /\ victim' = [victim EXCEPT ![self] = v]
                                                              /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                              /\ ep' = [ep EXCEPT ![self] = e]
                                                              /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                              /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                              /\ IF op = "putnext"
                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                    ELSE /\ IF op = "put"
                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                               ELSE /\ IF op = "putbatch"
                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                          ELSE /\ IF op = "get"
                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                     ELSE /\ IF op = "drain"
                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                ELSE /\ IF op = "steal"
                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                           ELSE /\ IF op = "empty"
                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                      ELSE /\ IF op = "globput"
                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                 ELSE /\ IF op = "globget"
                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                            ELSE /\ IF op = "destroy"
                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                 ELSE /\ IF TRUE
                                            THEN /\ LET avail == hand[self] \cup ({}) IN
                                                      LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                        \E op \in NextOps(self, avail, ownEmpty):
                                                          \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                            \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                              \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                  \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                    /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                    /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                    /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                    /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                    /\ victim' = [victim EXCEPT ![self] = v]
                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                    /\ ep' = [ep EXCEPT ![self] = e]
                                                                    /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                    /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                    /\ IF op = "putnext"
                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                          ELSE /\ IF op = "put"
                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                     ELSE /\ IF op = "putbatch"
                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                ELSE /\ IF op = "get"
                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                           ELSE /\ IF op = "drain"
                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                      ELSE /\ IF op = "steal"
                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                 ELSE /\ IF op = "empty"
                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                            ELSE /\ IF op = "globput"
                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                       ELSE /\ IF op = "globget"
                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                  ELSE /\ IF op = "destroy"
                                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                            ELSE /\ LET avail == hand[self] \cup (Range(q[self])) IN
                                                      LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                        \E op \in NextOps(self, avail, ownEmpty):
                                                          \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                            \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                              \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                  \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                    /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                    /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                    /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                    /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                    /\ victim' = [victim EXCEPT ![self] = v]
                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                    /\ ep' = [ep EXCEPT ![self] = e]
                                                                    /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                    /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                    /\ IF op = "putnext"
                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                          ELSE /\ IF op = "put"
                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                     ELSE /\ IF op = "putbatch"
                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                ELSE /\ IF op = "get"
                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                           ELSE /\ IF op = "drain"
                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                      ELSE /\ IF op = "steal"
                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                 ELSE /\ IF op = "empty"
                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                            ELSE /\ IF op = "globput"
                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                       ELSE /\ IF op = "globget"
                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                  ELSE /\ IF op = "destroy"
                                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                      /\ UNCHANGED << thrown, rbret, gp >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           schedLock, grab, pp, rqret, oldnext, 
                                           next, rg, h, t, n, i, st, qn, batch, 
                                           gbatch, ehead, etail, enext, 
                                           ewitness, phase >>

runqget_loadnext(self) == /\ pc[self] = "runqget_loadnext"
                          /\ next' = [next EXCEPT ![self] = runnext[pp[self]]]
                          /\ IF next'[self] = NoG
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_casnext"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, hand, ops, rqg, q, gq, 
                                          victim, stealnext, ep, gmax, rqret, 
                                          rbret, oldnext, rg, gp, h, t, n, i, 
                                          st, qn, batch, gbatch, ehead, etail, 
                                          enext, ewitness, phase >>

runqget_casnext(self) == /\ pc[self] = "runqget_casnext"
                         /\ IF runnext[pp[self]] = next[self]
                               THEN /\ runnext' = [runnext EXCEPT ![pp[self]] = NoG]
                                    /\ LET g == next[self] IN
                                         /\ next' = [next EXCEPT ![self] = NoG]
                                         /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                              LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext'[self] = NoG) IN
                                                \E op \in NextOps(self, avail, ownEmpty):
                                                  \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                    \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                      \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                        \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                          \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                            /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                            /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                            /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                            /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                            /\ victim' = [victim EXCEPT ![self] = v]
                                                            /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                            /\ ep' = [ep EXCEPT ![self] = e]
                                                            /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                            /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                            /\ IF op = "putnext"
                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                  ELSE /\ IF op = "put"
                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                             ELSE /\ IF op = "putbatch"
                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                        ELSE /\ IF op = "get"
                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                   ELSE /\ IF op = "drain"
                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                              ELSE /\ IF op = "steal"
                                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                         ELSE /\ IF op = "empty"
                                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                    ELSE /\ IF op = "globput"
                                                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                               ELSE /\ IF op = "globget"
                                                                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                          ELSE /\ IF op = "destroy"
                                                                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                     ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                               ELSE /\ IF GoVersion = "1.14"
                                          THEN /\ Probe("runqget_next_retry", self)
                                               /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                               /\ next' = next
                                          ELSE /\ Probe("runqget_next_lost", self)
                                               /\ next' = [next EXCEPT ![self] = NoG]
                                               /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                    /\ UNCHANGED << runnext, hand, ops, rqg, q, 
                                                    gq, victim, stealnext, ep, 
                                                    gmax >>
                         /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         rqret, rbret, oldnext, rg, gp, h, t, 
                                         n, i, st, qn, batch, gbatch, ehead, 
                                         etail, enext, ewitness, phase >>

runqget_loadhead(self) == /\ pc[self] = "runqget_loadhead"
                          /\ LET hh == runqhead[pp[self]] IN
                               LET tt == runqtail[pp[self]] IN
                                 IF tt = hh
                                    THEN /\ LET avail == hand[self] \cup (IF NoG = NoG THEN {} ELSE {NoG}) IN
                                              LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                \E op \in NextOps(self, avail, ownEmpty):
                                                  \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                    \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                      \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                        \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                          \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                            /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                            /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                            /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                            /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                            /\ victim' = [victim EXCEPT ![self] = v]
                                                            /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                            /\ ep' = [ep EXCEPT ![self] = e]
                                                            /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                            /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                            /\ IF op = "putnext"
                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                  ELSE /\ IF op = "put"
                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                             ELSE /\ IF op = "putbatch"
                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                        ELSE /\ IF op = "get"
                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                   ELSE /\ IF op = "drain"
                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                              ELSE /\ IF op = "steal"
                                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                         ELSE /\ IF op = "empty"
                                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                    ELSE /\ IF op = "globput"
                                                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                               ELSE /\ IF op = "globget"
                                                                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                          ELSE /\ IF op = "destroy"
                                                                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                     ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                         /\ UNCHANGED << h, t >>
                                    ELSE /\ h' = [h EXCEPT ![self] = hh]
                                         /\ t' = [t EXCEPT ![self] = tt]
                                         /\ pc' = [pc EXCEPT ![self] = "runqget_load"]
                                         /\ UNCHANGED << hand, ops, rqg, q, gq, 
                                                         victim, stealnext, ep, 
                                                         gmax >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, rqret, rbret, oldnext, 
                                          next, rg, gp, n, i, st, qn, batch, 
                                          gbatch, ehead, etail, enext, 
                                          ewitness, phase >>

runqget_load(self) == /\ pc[self] = "runqget_load"
                      /\ rg' = [rg EXCEPT ![self] = runq[pp[self]][Slot(h[self])]]
                      /\ pc' = [pc EXCEPT ![self] = "runqget_cas"]
                      /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                      globrunq, runqsize, schedLock, grab, 
                                      thrown, pp, hand, ops, rqg, q, gq, 
                                      victim, stealnext, ep, gmax, rqret, 
                                      rbret, oldnext, next, gp, h, t, n, i, st, 
                                      qn, batch, gbatch, ehead, etail, enext, 
                                      ewitness, phase >>

runqget_cas(self) == /\ pc[self] = "runqget_cas"
                     /\ IF runqhead[pp[self]] = h[self]
                           THEN /\ runqhead' = [runqhead EXCEPT ![(pp[self])] = Inc(h[self], 1)]
                                /\ grab' = Tear!AfterAdvance(grab, (pp[self]), 1)
                                /\ LET g == rg[self] IN
                                     /\ rg' = [rg EXCEPT ![self] = NoG]
                                     /\ h' = [h EXCEPT ![self] = 0]
                                     /\ t' = [t EXCEPT ![self] = 0]
                                     /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                          LET ownEmpty == (runqhead'[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                            \E op \in NextOps(self, avail, ownEmpty):
                                              \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                  \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                    \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                      \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                        /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                        /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                        /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                        /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                        /\ victim' = [victim EXCEPT ![self] = v]
                                                        /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                        /\ ep' = [ep EXCEPT ![self] = e]
                                                        /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                        /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                        /\ IF op = "putnext"
                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                              ELSE /\ IF op = "put"
                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                         ELSE /\ IF op = "putbatch"
                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                    ELSE /\ IF op = "get"
                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                               ELSE /\ IF op = "drain"
                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                          ELSE /\ IF op = "steal"
                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                     ELSE /\ IF op = "empty"
                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                ELSE /\ IF op = "globput"
                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                           ELSE /\ IF op = "globget"
                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                      ELSE /\ IF op = "destroy"
                                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                 ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                           ELSE /\ Probe("runqget_retry", self)
                                /\ rg' = [rg EXCEPT ![self] = NoG]
                                /\ h' = [h EXCEPT ![self] = 0]
                                /\ t' = [t EXCEPT ![self] = 0]
                                /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                /\ UNCHANGED << runqhead, grab, hand, ops, rqg, 
                                                q, gq, victim, stealnext, ep, 
                                                gmax >>
                     /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                     runqsize, schedLock, thrown, pp, rqret, 
                                     rbret, oldnext, next, gp, n, i, st, qn, 
                                     batch, gbatch, ehead, etail, enext, 
                                     ewitness, phase >>

runqdrain_loadnext(self) == /\ pc[self] = "runqdrain_loadnext"
                            /\ next' = [next EXCEPT ![self] = runnext[pp[self]]]
                            /\ IF next'[self] = NoG
                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                  ELSE /\ pc' = [pc EXCEPT ![self] = "runqdrain_casnext"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, hand, ops, rqg, 
                                            q, gq, victim, stealnext, ep, gmax, 
                                            rqret, rbret, oldnext, rg, gp, h, 
                                            t, n, i, st, qn, batch, gbatch, 
                                            ehead, etail, enext, ewitness, 
                                            phase >>

runqdrain_casnext(self) == /\ pc[self] = "runqdrain_casnext"
                           /\ IF runnext[pp[self]] = next[self]
                                 THEN /\ runnext' = [runnext EXCEPT ![pp[self]] = NoG]
                                      /\ q' = [q EXCEPT ![self] = <<next[self]>>]
                                 ELSE /\ Probe("runqdrain_next_lost", self)
                                      /\ UNCHANGED << runnext, q >>
                           /\ next' = [next EXCEPT ![self] = NoG]
                           /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                           /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                           runqsize, schedLock, grab, thrown, 
                                           pp, hand, ops, rqg, gq, victim, 
                                           stealnext, ep, gmax, rqret, rbret, 
                                           oldnext, rg, gp, h, t, n, i, st, qn, 
                                           batch, gbatch, ehead, etail, enext, 
                                           ewitness, phase >>

runqdrain_loadhead(self) == /\ pc[self] = "runqdrain_loadhead"
                            /\ LET hh == runqhead[pp[self]] IN
                                 LET tt == runqtail[pp[self]] IN
                                   IF Dist(tt, hh) = 0
                                      THEN /\ LET avail == hand[self] \cup (Range(q[self])) IN
                                                LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                  \E op \in NextOps(self, avail, ownEmpty):
                                                    \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                      \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                        \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                          \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                            \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                              /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                              /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                              /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                              /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                              /\ victim' = [victim EXCEPT ![self] = v]
                                                              /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                              /\ ep' = [ep EXCEPT ![self] = e]
                                                              /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                              /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                              /\ IF op = "putnext"
                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                    ELSE /\ IF op = "put"
                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                               ELSE /\ IF op = "putbatch"
                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                          ELSE /\ IF op = "get"
                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                     ELSE /\ IF op = "drain"
                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                ELSE /\ IF op = "steal"
                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                           ELSE /\ IF op = "empty"
                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                      ELSE /\ IF op = "globput"
                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                 ELSE /\ IF op = "globget"
                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                            ELSE /\ IF op = "destroy"
                                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                           /\ UNCHANGED << h, t, qn >>
                                      ELSE /\ IF Dist(tt, hh) > RingSize
                                                 THEN /\ Probe("runqdrain_inconsistent", self)
                                                      /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                                      /\ UNCHANGED << h, t, qn >>
                                                 ELSE /\ h' = [h EXCEPT ![self] = hh]
                                                      /\ t' = [t EXCEPT ![self] = tt]
                                                      /\ qn' = [qn EXCEPT ![self] = Dist(tt, hh)]
                                                      /\ pc' = [pc EXCEPT ![self] = "runqdrain_cas"]
                                           /\ UNCHANGED << hand, ops, rqg, q, 
                                                           gq, victim, 
                                                           stealnext, ep, gmax >>
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, rqret, rbret, 
                                            oldnext, next, rg, gp, n, i, st, 
                                            batch, gbatch, ehead, etail, enext, 
                                            ewitness, phase >>

runqdrain_cas(self) == /\ pc[self] = "runqdrain_cas"
                       /\ IF runqhead[pp[self]] = h[self]
                             THEN /\ runqhead' = [runqhead EXCEPT ![(pp[self])] = Inc(h[self], qn[self])]
                                  /\ grab' = Tear!AfterAdvance(grab, (pp[self]), qn[self])
                                  /\ pc' = [pc EXCEPT ![self] = "runqdrain_load"]
                                  /\ UNCHANGED << h, t, qn >>
                             ELSE /\ Probe("runqdrain_retry", self)
                                  /\ h' = [h EXCEPT ![self] = 0]
                                  /\ t' = [t EXCEPT ![self] = 0]
                                  /\ qn' = [qn EXCEPT ![self] = 0]
                                  /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                  /\ UNCHANGED << runqhead, grab >>
                       /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                       runqsize, schedLock, thrown, pp, hand, 
                                       ops, rqg, q, gq, victim, stealnext, ep, 
                                       gmax, rqret, rbret, oldnext, next, rg, 
                                       gp, n, i, st, batch, gbatch, ehead, 
                                       etail, enext, ewitness, phase >>

runqdrain_load(self) == /\ pc[self] = "runqdrain_load"
                        /\ IF i[self] + 1 < qn[self]
                              THEN /\ q' = [q EXCEPT ![self] = Append(q[self], runq[pp[self]][Slot(Inc(h[self], i[self]))])]
                                   /\ i' = [i EXCEPT ![self] = i[self] + 1]
                                   /\ pc' = [pc EXCEPT ![self] = "runqdrain_load"]
                                   /\ UNCHANGED << hand, ops, rqg, gq, victim, 
                                                   stealnext, ep, gmax, h, t, 
                                                   qn >>
                              ELSE /\ LET dq == Append(q[self], runq[pp[self]][Slot(Inc(h[self], i[self]))]) IN
                                        /\ i' = [i EXCEPT ![self] = 0]
                                        /\ qn' = [qn EXCEPT ![self] = 0]
                                        /\ h' = [h EXCEPT ![self] = 0]
                                        /\ t' = [t EXCEPT ![self] = 0]
                                        /\ LET avail == hand[self] \cup (Range(dq)) IN
                                             LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                               \E op \in NextOps(self, avail, ownEmpty):
                                                 \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                   \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                     \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                       \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                         \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                           /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                           /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                           /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                           /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                           /\ victim' = [victim EXCEPT ![self] = v]
                                                           /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                           /\ ep' = [ep EXCEPT ![self] = e]
                                                           /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                           /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                           /\ IF op = "putnext"
                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                 ELSE /\ IF op = "put"
                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                            ELSE /\ IF op = "putbatch"
                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                       ELSE /\ IF op = "get"
                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                  ELSE /\ IF op = "drain"
                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                             ELSE /\ IF op = "steal"
                                                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                        ELSE /\ IF op = "empty"
                                                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                   ELSE /\ IF op = "globput"
                                                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                              ELSE /\ IF op = "globget"
                                                                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                         ELSE /\ IF op = "destroy"
                                                                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                    ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                        /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                        globrunq, runqsize, schedLock, grab, 
                                        thrown, pp, rqret, rbret, oldnext, 
                                        next, rg, gp, n, st, batch, gbatch, 
                                        ehead, etail, enext, ewitness, phase >>

runqgrab_loadhead(self) == /\ pc[self] = "runqgrab_loadhead"
                           /\ st' = [st EXCEPT ![self] = runqtail[pp[self]]]
                           /\ h' = [h EXCEPT ![self] = runqhead[victim[self]]]
                           /\ grab' = [grab EXCEPT ![self] = Tear!Begin(victim[self], runqhead[victim[self]])]
                           /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadtail"]
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, hand, ops, rqg, q, gq, 
                                           victim, stealnext, ep, gmax, rqret, 
                                           rbret, oldnext, next, rg, gp, t, n, 
                                           i, qn, batch, gbatch, ehead, etail, 
                                           enext, ewitness, phase >>

runqgrab_loadtail(self) == /\ pc[self] = "runqgrab_loadtail"
                           /\ LET k == GrabCount(Dist(runqtail[victim[self]], h[self])) IN
                                IF k = 0
                                   THEN /\ grab' = [grab EXCEPT ![self] = NoGrab]
                                        /\ IF stealnext[self]
                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadnext"]
                                                   /\ UNCHANGED << hand, ops, 
                                                                   rqg, q, gq, 
                                                                   victim, 
                                                                   stealnext, 
                                                                   ep, gmax, h, 
                                                                   st >>
                                              ELSE /\ h' = [h EXCEPT ![self] = 0]
                                                   /\ st' = [st EXCEPT ![self] = 0]
                                                   /\ LET avail == hand[self] \cup (IF NoG = NoG THEN {} ELSE {NoG}) IN
                                                        LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                          \E op \in NextOps(self, avail, ownEmpty):
                                                            \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                              \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                  \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                    \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                      /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                      /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                      /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                      /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                      /\ victim' = [victim EXCEPT ![self] = v]
                                                                      /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                      /\ ep' = [ep EXCEPT ![self] = e]
                                                                      /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                      /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                      /\ IF op = "putnext"
                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                            ELSE /\ IF op = "put"
                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                       ELSE /\ IF op = "putbatch"
                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                  ELSE /\ IF op = "get"
                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                             ELSE /\ IF op = "drain"
                                                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                        ELSE /\ IF op = "steal"
                                                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                   ELSE /\ IF op = "empty"
                                                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                              ELSE /\ IF op = "globput"
                                                                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                         ELSE /\ IF op = "globget"
                                                                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                    ELSE /\ IF op = "destroy"
                                                                                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                               ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                        /\ n' = n
                                   ELSE /\ IF k > GrabLimit(RingSize)
                                              THEN /\ Probe("runqgrab_inconsistent", self)
                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                   /\ UNCHANGED << grab, n >>
                                              ELSE /\ n' = [n EXCEPT ![self] = k]
                                                   /\ grab' = [grab EXCEPT ![self] = Tear!Cover(grab[self], k)]
                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_copy"]
                                        /\ UNCHANGED << hand, ops, rqg, q, gq, 
                                                        victim, stealnext, ep, 
                                                        gmax, h, st >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, rqret, rbret, oldnext, 
                                           next, rg, gp, t, i, qn, batch, 
                                           gbatch, ehead, etail, enext, 
                                           ewitness, phase >>

runqgrab_loadnext(self) == /\ pc[self] = "runqgrab_loadnext"
                           /\ next' = [next EXCEPT ![self] = runnext[victim[self]]]
                           /\ IF next'[self] = NoG
                                 THEN /\ h' = [h EXCEPT ![self] = 0]
                                      /\ st' = [st EXCEPT ![self] = 0]
                                      /\ LET avail == hand[self] \cup (IF NoG = NoG THEN {} ELSE {NoG}) IN
                                           LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                             \E op \in NextOps(self, avail, ownEmpty):
                                               \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                 \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                   \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                     \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                       \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                         /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                         /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                         /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                         /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                         /\ victim' = [victim EXCEPT ![self] = v]
                                                         /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                         /\ ep' = [ep EXCEPT ![self] = e]
                                                         /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                         /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                         /\ IF op = "putnext"
                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                               ELSE /\ IF op = "put"
                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                          ELSE /\ IF op = "putbatch"
                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                     ELSE /\ IF op = "get"
                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                ELSE /\ IF op = "drain"
                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                           ELSE /\ IF op = "steal"
                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                      ELSE /\ IF op = "empty"
                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                 ELSE /\ IF op = "globput"
                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                            ELSE /\ IF op = "globget"
                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                       ELSE /\ IF op = "destroy"
                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                  ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                 ELSE /\ pc' = [pc EXCEPT ![self] = "runqgrab_casnext"]
                                      /\ UNCHANGED << hand, ops, rqg, q, gq, 
                                                      victim, stealnext, ep, 
                                                      gmax, h, st >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, grab, 
                                           thrown, pp, rqret, rbret, oldnext, 
                                           rg, gp, t, n, i, qn, batch, gbatch, 
                                           ehead, etail, enext, ewitness, 
                                           phase >>

runqgrab_casnext(self) == /\ pc[self] = "runqgrab_casnext"
                          /\ IF runnext[victim[self]] = next[self]
                                THEN /\ Probe("runqgrab_next_stolen", self)
                                     /\ runnext' = [runnext EXCEPT ![victim[self]] = NoG]
                                     /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(st[self]))] = next[self]]
                                     /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(st[self])))
                                     /\ LET g == next[self] IN
                                          /\ next' = [next EXCEPT ![self] = NoG]
                                          /\ h' = [h EXCEPT ![self] = 0]
                                          /\ st' = [st EXCEPT ![self] = 0]
                                          /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                               LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext'[self] = NoG) IN
                                                 \E op \in NextOps(self, avail, ownEmpty):
                                                   \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                     \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                       \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                         \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                           \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                             /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                             /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                             /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                             /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                             /\ victim' = [victim EXCEPT ![self] = v]
                                                             /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                             /\ ep' = [ep EXCEPT ![self] = e]
                                                             /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                             /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                             /\ IF op = "putnext"
                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                   ELSE /\ IF op = "put"
                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                              ELSE /\ IF op = "putbatch"
                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                         ELSE /\ IF op = "get"
                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                    ELSE /\ IF op = "drain"
                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                               ELSE /\ IF op = "steal"
                                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                          ELSE /\ IF op = "empty"
                                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                     ELSE /\ IF op = "globput"
                                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                ELSE /\ IF op = "globget"
                                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                           ELSE /\ IF op = "destroy"
                                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                      ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                ELSE /\ Probe("runqgrab_next_lost", self)
                                     /\ next' = [next EXCEPT ![self] = NoG]
                                     /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                     /\ UNCHANGED << runq, runnext, grab, hand, 
                                                     ops, rqg, q, gq, victim, 
                                                     stealnext, ep, gmax, h, 
                                                     st >>
                          /\ UNCHANGED << runqhead, runqtail, globrunq, 
                                          runqsize, schedLock, thrown, pp, 
                                          rqret, rbret, oldnext, rg, gp, t, n, 
                                          i, qn, batch, gbatch, ehead, etail, 
                                          enext, ewitness, phase >>

runqgrab_copy(self) == /\ pc[self] = "runqgrab_copy"
                       /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(Inc(st[self], i[self])))] = runq[victim[self]][Slot(Inc(h[self], i[self]))]]
                       /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(Inc(st[self], i[self]))))
                       /\ i' = [i EXCEPT ![self] = i[self] + 1]
                       /\ IF i'[self] < n[self]
                             THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_copy"]
                             ELSE /\ pc' = [pc EXCEPT ![self] = "runqgrab_cas"]
                       /\ UNCHANGED << runqhead, runqtail, runnext, globrunq, 
                                       runqsize, schedLock, thrown, pp, hand, 
                                       ops, rqg, q, gq, victim, stealnext, ep, 
                                       gmax, rqret, rbret, oldnext, next, rg, 
                                       gp, h, t, n, st, qn, batch, gbatch, 
                                       ehead, etail, enext, ewitness, phase >>

runqgrab_cas(self) == /\ pc[self] = "runqgrab_cas"
                      /\ IF RunqgrabCommits(runqhead[victim[self]], h[self])
                            THEN /\ Probe("runqgrab_ring_stolen", self)
                                 /\ runqhead' = [runqhead EXCEPT ![victim[self]] = Inc(h[self], n[self])]
                                 /\ grab' = [Tear!AfterAdvance(grab, victim[self], n[self]) EXCEPT ![self] = NoGrab]
                                 /\ i' = [i EXCEPT ![self] = 0]
                                 /\ IF n[self] = 1
                                       THEN /\ LET g == runq[pp[self]][Slot(st[self])] IN
                                                 /\ h' = [h EXCEPT ![self] = 0]
                                                 /\ n' = [n EXCEPT ![self] = 0]
                                                 /\ st' = [st EXCEPT ![self] = 0]
                                                 /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                                      LET ownEmpty == (runqhead'[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                        \E op \in NextOps(self, avail, ownEmpty):
                                                          \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                            \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                              \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                  \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                    /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                    /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                    /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                    /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                    /\ victim' = [victim EXCEPT ![self] = v]
                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                    /\ ep' = [ep EXCEPT ![self] = e]
                                                                    /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                    /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                    /\ IF op = "putnext"
                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                          ELSE /\ IF op = "put"
                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                     ELSE /\ IF op = "putbatch"
                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                ELSE /\ IF op = "get"
                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                           ELSE /\ IF op = "drain"
                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                      ELSE /\ IF op = "steal"
                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                 ELSE /\ IF op = "empty"
                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                            ELSE /\ IF op = "globput"
                                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                       ELSE /\ IF op = "globget"
                                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                  ELSE /\ IF op = "destroy"
                                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                            /\ gp' = gp
                                       ELSE /\ gp' = [gp EXCEPT ![self] = runq[pp[self]][Slot(Inc(st[self], n[self] - 1))]]
                                            /\ n' = [n EXCEPT ![self] = n[self] - 1]
                                            /\ pc' = [pc EXCEPT ![self] = "runqsteal_loadhead"]
                                            /\ UNCHANGED << hand, ops, rqg, q, 
                                                            gq, victim, 
                                                            stealnext, ep, 
                                                            gmax, h, st >>
                            ELSE /\ Probe("runqgrab_retry", self)
                                 /\ grab' = [grab EXCEPT ![self] = NoGrab]
                                 /\ i' = [i EXCEPT ![self] = 0]
                                 /\ n' = [n EXCEPT ![self] = 0]
                                 /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                 /\ UNCHANGED << runqhead, hand, ops, rqg, q, 
                                                 gq, victim, stealnext, ep, 
                                                 gmax, gp, h, st >>
                      /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                      runqsize, schedLock, thrown, pp, rqret, 
                                      rbret, oldnext, next, rg, t, qn, batch, 
                                      gbatch, ehead, etail, enext, ewitness, 
                                      phase >>

runqsteal_loadhead(self) == /\ pc[self] = "runqsteal_loadhead"
                            /\ h' = [h EXCEPT ![self] = runqhead[pp[self]]]
                            /\ IF Dist(st[self], runqhead[pp[self]]) + n[self] >= RingSize
                                  THEN /\ thrown' = "runqsteal: runq overflow"
                                  ELSE /\ TRUE
                                       /\ UNCHANGED thrown
                            /\ pc' = [pc EXCEPT ![self] = "runqsteal_storetail"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, pp, hand, ops, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, t, n, 
                                            i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase >>

runqsteal_storetail(self) == /\ pc[self] = "runqsteal_storetail"
                             /\ runqtail' = [runqtail EXCEPT ![pp[self]] = Inc(st[self], n[self])]
                             /\ LET g == gp[self] IN
                                  /\ gp' = [gp EXCEPT ![self] = NoG]
                                  /\ h' = [h EXCEPT ![self] = 0]
                                  /\ n' = [n EXCEPT ![self] = 0]
                                  /\ st' = [st EXCEPT ![self] = 0]
                                  /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                       LET ownEmpty == (runqhead[self] = runqtail'[self] /\ runnext[self] = NoG) IN
                                         \E op \in NextOps(self, avail, ownEmpty):
                                           \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                             \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                               \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                 \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                   \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                     /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                     /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                     /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                     /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                     /\ victim' = [victim EXCEPT ![self] = v]
                                                     /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                     /\ ep' = [ep EXCEPT ![self] = e]
                                                     /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                     /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                     /\ IF op = "putnext"
                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                           ELSE /\ IF op = "put"
                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                      ELSE /\ IF op = "putbatch"
                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                 ELSE /\ IF op = "get"
                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                            ELSE /\ IF op = "drain"
                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                       ELSE /\ IF op = "steal"
                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                  ELSE /\ IF op = "empty"
                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                             ELSE /\ IF op = "globput"
                                                                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                        ELSE /\ IF op = "globget"
                                                                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                   ELSE /\ IF op = "destroy"
                                                                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                              ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                             /\ UNCHANGED << runq, runqhead, runnext, globrunq, 
                                             runqsize, schedLock, grab, thrown, 
                                             pp, rqret, rbret, oldnext, next, 
                                             rg, t, i, qn, batch, gbatch, 
                                             ehead, etail, enext, ewitness, 
                                             phase >>

globrunqput_lock(self) == /\ pc[self] = "globrunqput_lock"
                          /\ schedLock = NoOne
                          /\ globrunq' = globrunq \o gq[self]
                          /\ runqsize' = runqsize + Len(gq[self])
                          /\ LET avail == hand[self] \cup ({}) IN
                               LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                 \E op \in NextOps(self, avail, ownEmpty):
                                   \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                     \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                       \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                         \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                           \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                             /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                             /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                             /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                             /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                             /\ victim' = [victim EXCEPT ![self] = v]
                                             /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                             /\ ep' = [ep EXCEPT ![self] = e]
                                             /\ gmax' = [gmax EXCEPT ![self] = mx]
                                             /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                             /\ IF op = "putnext"
                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                   ELSE /\ IF op = "put"
                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                              ELSE /\ IF op = "putbatch"
                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                         ELSE /\ IF op = "get"
                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                    ELSE /\ IF op = "drain"
                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                               ELSE /\ IF op = "steal"
                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                          ELSE /\ IF op = "empty"
                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                     ELSE /\ IF op = "globput"
                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                ELSE /\ IF op = "globget"
                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                           ELSE /\ IF op = "destroy"
                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                      ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          schedLock, grab, thrown, pp, rqret, 
                                          rbret, oldnext, next, rg, gp, h, t, 
                                          n, i, st, qn, batch, gbatch, ehead, 
                                          etail, enext, ewitness, phase >>

globrunqputhead_lock(self) == /\ pc[self] = "globrunqputhead_lock"
                              /\ schedLock = NoOne /\ WorldStopped(self)
                              /\ IF runqtail[pp[self]] /= runqhead[pp[self]]
                                    THEN /\ Probe("destroy_runq", self)
                                         /\ LET tl == Inc(runqtail[pp[self]], Mod - 1) IN
                                              /\ runqtail' = [runqtail EXCEPT ![pp[self]] = tl]
                                              /\ globrunq' = <<runq[pp[self]][Slot(tl)]>> \o globrunq
                                         /\ runqsize' = runqsize + 1
                                         /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                         /\ UNCHANGED << runnext, hand, ops, 
                                                         rqg, q, gq, victim, 
                                                         stealnext, ep, gmax >>
                                    ELSE /\ IF runnext[pp[self]] /= NoG
                                               THEN /\ Probe("destroy_runnext", self)
                                                    /\ globrunq' = <<runnext[pp[self]]>> \o globrunq
                                                    /\ runqsize' = runqsize + 1
                                                    /\ runnext' = [runnext EXCEPT ![pp[self]] = NoG]
                                                    /\ LET avail == hand[self] \cup ({}) IN
                                                         LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext'[self] = NoG) IN
                                                           \E op \in NextOps(self, avail, ownEmpty):
                                                             \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                               \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                 \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                   \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                     \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                       /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                       /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                       /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                       /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                       /\ victim' = [victim EXCEPT ![self] = v]
                                                                       /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                       /\ ep' = [ep EXCEPT ![self] = e]
                                                                       /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                       /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                       /\ IF op = "putnext"
                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                             ELSE /\ IF op = "put"
                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                        ELSE /\ IF op = "putbatch"
                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                   ELSE /\ IF op = "get"
                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                              ELSE /\ IF op = "drain"
                                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                         ELSE /\ IF op = "steal"
                                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                    ELSE /\ IF op = "empty"
                                                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                               ELSE /\ IF op = "globput"
                                                                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                          ELSE /\ IF op = "globget"
                                                                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                     ELSE /\ IF op = "destroy"
                                                                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                               ELSE /\ LET avail == hand[self] \cup ({}) IN
                                                         LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                           \E op \in NextOps(self, avail, ownEmpty):
                                                             \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                               \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                 \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                   \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                     \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                       /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                       /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                       /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                       /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                       /\ victim' = [victim EXCEPT ![self] = v]
                                                                       /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                       /\ ep' = [ep EXCEPT ![self] = e]
                                                                       /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                       /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                       /\ IF op = "putnext"
                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                             ELSE /\ IF op = "put"
                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                        ELSE /\ IF op = "putbatch"
                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                   ELSE /\ IF op = "get"
                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                              ELSE /\ IF op = "drain"
                                                                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                         ELSE /\ IF op = "steal"
                                                                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                    ELSE /\ IF op = "empty"
                                                                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                               ELSE /\ IF op = "globput"
                                                                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                          ELSE /\ IF op = "globget"
                                                                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                     ELSE /\ IF op = "destroy"
                                                                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                    /\ UNCHANGED << runnext, 
                                                                    globrunq, 
                                                                    runqsize >>
                                         /\ UNCHANGED runqtail
                              /\ UNCHANGED << runq, runqhead, schedLock, grab, 
                                              thrown, pp, rqret, rbret, 
                                              oldnext, next, rg, gp, h, t, n, 
                                              i, st, qn, batch, gbatch, ehead, 
                                              etail, enext, ewitness, phase >>

globrunqget_lock(self) == /\ pc[self] = "globrunqget_lock"
                          /\ schedLock = NoOne
                          /\ IF runqsize = 0
                                THEN /\ Probe("globrunqget_empty", self)
                                     /\ IF GoVersion = "1.25"
                                           THEN /\ LET avail == hand[self] \cup (IF NoG = NoG THEN {} ELSE {NoG}) IN
                                                     LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                       \E op \in NextOps(self, avail, ownEmpty):
                                                         \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                           \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                             \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                               \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                 \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                   /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                   /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                   /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                   /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                   /\ victim' = [victim EXCEPT ![self] = v]
                                                                   /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                   /\ ep' = [ep EXCEPT ![self] = e]
                                                                   /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                   /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                   /\ IF op = "putnext"
                                                                         THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                         ELSE /\ IF op = "put"
                                                                                    THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                    ELSE /\ IF op = "putbatch"
                                                                                               THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                               ELSE /\ IF op = "get"
                                                                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                          ELSE /\ IF op = "drain"
                                                                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                     ELSE /\ IF op = "steal"
                                                                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                ELSE /\ IF op = "empty"
                                                                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                           ELSE /\ IF op = "globput"
                                                                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                      ELSE /\ IF op = "globget"
                                                                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                 ELSE /\ IF op = "destroy"
                                                                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                            ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                /\ UNCHANGED schedLock
                                           ELSE /\ schedLock' = self
                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                /\ UNCHANGED << hand, ops, rqg, 
                                                                q, gq, victim, 
                                                                stealnext, ep, 
                                                                gmax >>
                                     /\ UNCHANGED << globrunq, runqsize, rqret, 
                                                     rbret, gp, gbatch >>
                                ELSE /\ LET k == FairShare(runqsize, gmax[self]) IN
                                          LET gl == globrunq IN
                                            /\ runqsize' = runqsize - k
                                            /\ globrunq' = SubSeq(gl, k + 1, Len(gl))
                                            /\ IF k > 1
                                                  THEN /\ Probe("globrunqget_batch", self)
                                                  ELSE /\ TRUE
                                            /\ IF GoVersion = "1.25"
                                                  THEN /\ IF k > 1
                                                             THEN /\ Probe("globrunqgetbatch_runqputbatch", self)
                                                                  /\ gp' = [gp EXCEPT ![self] = Head(gl)]
                                                                  /\ q' = [q EXCEPT ![self] = SubSeq(gl, 2, k)]
                                                                  /\ rbret' = [rbret EXCEPT ![self] = "globrunqget"]
                                                                  /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                  /\ UNCHANGED << hand, 
                                                                                  ops, 
                                                                                  rqg, 
                                                                                  gq, 
                                                                                  victim, 
                                                                                  stealnext, 
                                                                                  ep, 
                                                                                  gmax >>
                                                             ELSE /\ LET avail == hand[self] \cup (IF (Head(gl)) = NoG THEN {} ELSE {(Head(gl))}) IN
                                                                       LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                                                         \E op \in NextOps(self, avail, ownEmpty):
                                                                           \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                                                             \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                                                               \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                                                 \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                                                   \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                                                     /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                                                     /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                                                     /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                                                     /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                                                     /\ victim' = [victim EXCEPT ![self] = v]
                                                                                     /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                                                     /\ ep' = [ep EXCEPT ![self] = e]
                                                                                     /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                                                     /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                                                     /\ IF op = "putnext"
                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                           ELSE /\ IF op = "put"
                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                                      ELSE /\ IF op = "putbatch"
                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                                 ELSE /\ IF op = "get"
                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                                            ELSE /\ IF op = "drain"
                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                                                       ELSE /\ IF op = "steal"
                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                                                  ELSE /\ IF op = "empty"
                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                                                             ELSE /\ IF op = "globput"
                                                                                                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                                                        ELSE /\ IF op = "globget"
                                                                                                                                                                                   THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                                                   ELSE /\ IF op = "destroy"
                                                                                                                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                                                              ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                                  /\ UNCHANGED << rbret, 
                                                                                  gp >>
                                                       /\ UNCHANGED << schedLock, 
                                                                       rqret, 
                                                                       gbatch >>
                                                  ELSE /\ schedLock' = self
                                                       /\ gp' = [gp EXCEPT ![self] = Head(gl)]
                                                       /\ IF k > 1
                                                             THEN /\ rqg' = [rqg EXCEPT ![self] = gl[2]]
                                                                  /\ gbatch' = [gbatch EXCEPT ![self] = SubSeq(gl, 3, k)]
                                                                  /\ rqret' = [rqret EXCEPT ![self] = "globrunqget"]
                                                                  /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                                  /\ UNCHANGED << rqg, 
                                                                                  rqret, 
                                                                                  gbatch >>
                                                       /\ UNCHANGED << hand, 
                                                                       ops, q, 
                                                                       gq, 
                                                                       victim, 
                                                                       stealnext, 
                                                                       ep, 
                                                                       gmax, 
                                                                       rbret >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          grab, thrown, pp, oldnext, next, rg, 
                                          h, t, n, i, st, qn, batch, ehead, 
                                          etail, enext, ewitness, phase >>

globrunqget_unlock(self) == /\ pc[self] = "globrunqget_unlock"
                            /\ schedLock' = NoOne
                            /\ LET g == gp[self] IN
                                 /\ gp' = [gp EXCEPT ![self] = NoG]
                                 /\ LET avail == hand[self] \cup (IF g = NoG THEN {} ELSE {g}) IN
                                      LET ownEmpty == (runqhead[self] = runqtail[self] /\ runnext[self] = NoG) IN
                                        \E op \in NextOps(self, avail, ownEmpty):
                                          \E hg \in (IF op \in {"putnext", "put", "globput"} THEN avail ELSE {NoG}):
                                            \E v \in (IF op = "steal" THEN Ps \ {self} ELSE {NoP}):
                                              \E sn \in (IF op = "steal" THEN BOOLEAN ELSE {FALSE}):
                                                \E e \in (IF op = "empty" THEN Ps ELSE {NoP}):
                                                  \E mx \in (IF op = "globget" THEN (IF ownEmpty THEN {0, 1} ELSE {1}) ELSE {0}):
                                                    /\ hand' = [hand EXCEPT ![self] = IF op = "putbatch" THEN {} ELSE avail \ {hg}]
                                                    /\ rqg' = [rqg EXCEPT ![self] = IF op \in {"putnext", "put"} THEN hg ELSE NoG]
                                                    /\ q' = [q EXCEPT ![self] = IF op = "putbatch" THEN SortedSeq(avail) ELSE <<>>]
                                                    /\ gq' = [gq EXCEPT ![self] = IF op = "globput" THEN <<hg>> ELSE <<>>]
                                                    /\ victim' = [victim EXCEPT ![self] = v]
                                                    /\ stealnext' = [stealnext EXCEPT ![self] = sn]
                                                    /\ ep' = [ep EXCEPT ![self] = e]
                                                    /\ gmax' = [gmax EXCEPT ![self] = mx]
                                                    /\ ops' = (IF op = "done" THEN ops ELSE ops + 1)
                                                    /\ IF op = "putnext"
                                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                          ELSE /\ IF op = "put"
                                                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                     ELSE /\ IF op = "putbatch"
                                                                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                ELSE /\ IF op = "get"
                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                           ELSE /\ IF op = "drain"
                                                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                                      ELSE /\ IF op = "steal"
                                                                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                 ELSE /\ IF op = "empty"
                                                                                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                                                                            ELSE /\ IF op = "globput"
                                                                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                       ELSE /\ IF op = "globget"
                                                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                                                                  ELSE /\ IF op = "destroy"
                                                                                                                                                             THEN /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                                                                                             ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, grab, thrown, 
                                            pp, rqret, rbret, oldnext, next, 
                                            rg, h, t, n, i, st, qn, batch, 
                                            gbatch, ehead, etail, enext, 
                                            ewitness, phase >>

P(self) == runqempty_loadhead(self) \/ runqempty_loadtail(self)
              \/ runqempty_loadnext(self) \/ runqempty_recheck(self)
              \/ runqput_loadnext(self) \/ runqput_casnext(self)
              \/ runqput_loadhead(self) \/ runqput_store(self)
              \/ runqput_storetail(self) \/ runqputslow_copy(self)
              \/ runqputslow_cas(self) \/ runqputslow_lock(self)
              \/ runqputbatch_loadhead(self) \/ runqputbatch_store(self)
              \/ runqputbatch_storetail(self) \/ runqputbatch_lock(self)
              \/ runqget_loadnext(self) \/ runqget_casnext(self)
              \/ runqget_loadhead(self) \/ runqget_load(self)
              \/ runqget_cas(self) \/ runqdrain_loadnext(self)
              \/ runqdrain_casnext(self) \/ runqdrain_loadhead(self)
              \/ runqdrain_cas(self) \/ runqdrain_load(self)
              \/ runqgrab_loadhead(self) \/ runqgrab_loadtail(self)
              \/ runqgrab_loadnext(self) \/ runqgrab_casnext(self)
              \/ runqgrab_copy(self) \/ runqgrab_cas(self)
              \/ runqsteal_loadhead(self) \/ runqsteal_storetail(self)
              \/ globrunqput_lock(self) \/ globrunqputhead_lock(self)
              \/ globrunqget_lock(self) \/ globrunqget_unlock(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Ps: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

\* BEGIN UNCHANGED LISTS (generated by Main translate from the translation's variables)
\*   ViewTuple(r): every variable, with runq as r
ViewTuple(r) == <<r, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab, thrown,
                  pp, hand, ops, pc, rqg, q, gq, victim, stealnext, ep, gmax, rqret, rbret,
                  oldnext, next, rg, gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail,
                  enext, ewitness, phase>>
\* END UNCHANGED LISTS

(***************************************************************************)
(* The specification checked is the translation's Spec (no fairness: only  *)
(* safety is checked here).  MCRunQueue.tla bounds it for TLC.             *)
(***************************************************************************)
QueueEmpty(p) == runqhead[p] = runqtail[p] /\ runnext[p] = NoG

(***************************************************************************)
(* Where every G is.  A G is in exactly one of: a ring slot between head   *)
(* and tail, a runnext, the global queue, or held by one process (in its   *)
(* hand, or in transit inside an operation: taken by a CAS but not yet     *)
(* put elsewhere).  Values merely copied (before the CAS that takes them)  *)
(* are not places.                                                         *)
(***************************************************************************)
Ring(p) == LiveRing(runq[p], runqhead[p], runqtail[p])
OptG(g) == IF g = NoG THEN <<>> ELSE <<g>>

\* The Gs process x holds: what its operation has taken.
Possessed(x) ==
    LET p == pp[x] IN
    OptG(rqg[x]) \o OptG(gp[x]) \o gq[x] \o q[x] \o gbatch[x]
    \* runqputbatch: stored beyond the tail, not yet published
    \o (IF pc[x] \in {"runqputbatch_store", "runqputbatch_storetail"}
        THEN RingSeq(runq[p], runqtail[p], Dist(t[x], runqtail[p])) ELSE <<>>)
    \* runqdrain: head already advanced, slots not yet read
    \o (IF pc[x] = "runqdrain_load"
        THEN RingSeq(runq[p], Inc(h[x], i[x]), qn[x] - i[x]) ELSE <<>>)
    \* runqsteal: grabbed into the own ring beyond the tail, not yet published
    \o (IF pc[x] \in {"runqsteal_loadhead", "runqsteal_storetail"}
        THEN RingSeq(runq[p], st[x], n[x]) ELSE <<>>)

\* All places as one sequence (hands apart, as sets).
RECURSIVE CatP(_, _)
CatP(f(_), k) == IF k = 0 THEN <<>> ELSE CatP(f, k - 1) \o f(k)
QueuedOf(p) == Ring(p) \o OptG(runnext[p])
PlacesSeq == CatP(QueuedOf, NumP) \o globrunq \o CatP(Possessed, NumP)

\* The ring of P p as its owner has written it in program order: the ring,
\* except that under bug tail_before_slot an owner between its two stores has
\* published a slot it has not yet written.
Meant(p) ==
    IF TailBeforeSlot /\ \E x \in Ps : pp[x] = p /\ pc[x] = "runqput_storetail"
    THEN LET x == CHOOSE x \in Ps : pp[x] = p /\ pc[x] = "runqput_storetail"
         IN  [runq[p] EXCEPT ![Slot(t[x])] = rqg[x]]
    ELSE runq[p]

(***************************************************************************)
(* The view TLC fingerprints (MC modules: VIEW).  Go never clears a ring   *)
(* slot, so slots outside head..tail keep old Gs; no step reads them       *)
(* unless a copy from or into that ring is in progress (a thief between    *)
(* reading the victim's head and its CAS; the owner between writing slots  *)
(* beyond its tail and publishing them, or reading slots in runqputslow,   *)
(* runqget or runqdrain).  Two states that differ only in such unreadable  *)
(* slots have the same futures up to those slots, and every invariant and  *)
(* property reads only readable slots; RunqView forgets them (NoG), which  *)
(* merges those states.  (A slot a thief reads was in head..tail when it   *)
(* read head, or written since; RingTear's NoLap rules out a whole lap.)   *)
(***************************************************************************)
\* The steps at which a process reads or fills slots of its own P's ring
\* outside head..tail.
RunqemptyPcs == {"runqempty_loadtail", "runqempty_loadnext", "runqempty_recheck"}  \* (no slot is read)
OwnSlotPcs == {"runqput_storetail", "runqputslow_copy", "runqputbatch_store", "runqputbatch_storetail",
               "runqget_load", "runqdrain_load", "runqgrab_copy", "runqgrab_casnext", "runqgrab_cas",
               "runqsteal_loadhead", "runqsteal_storetail"}
RingInUse(p) == \E x \in Ps : (grab[x].victim = p /\ pc[x] \notin RunqemptyPcs) \/ (pp[x] = p /\ pc[x] \in OwnSlotPcs)
LiveSlots(p) == {Slot(Inc(runqhead[p], k)) : k \in 0..(Min(Dist(runqtail[p], runqhead[p]), RingSize) - 1)}
RunqView == [p \in Ps |-> IF RingInUse(p) THEN runq[p]
                          ELSE [s \in Slots |-> IF s \in LiveSlots(p) THEN runq[p][s] ELSE NoG]]

(***************************************************************************)
(* Invariants                                                              *)
(***************************************************************************)
TypeOK ==
    /\ runq \in [Ps -> [Slots -> Gs \cup {NoG}]]
    /\ runqhead \in [Ps -> Counters] /\ runqtail \in [Ps -> Counters]
    /\ runnext \in [Ps -> Gs \cup {NoG}]
    /\ \A k \in 1..Len(globrunq) : globrunq[k] \in Gs
    /\ runqsize \in Nat
    /\ schedLock \in Ps \cup {NoOne}
    /\ hand \in [Ps -> SUBSET Gs]
    /\ ops \in Nat

\* Every G is in exactly one place: the places hold NumG Gs in all, and
\* every G is somewhere.
ExactlyOnePlace ==
    LET all == PlacesSeq IN
    /\ Len(all) + Cardinality(UNION {hand[x] : x \in Ps}) = NumG
    /\ \A x, y \in Ps : x /= y => hand[x] \cap hand[y] = {}
    /\ Range(all) \cup UNION {hand[x] : x \in Ps} = Gs

\* 0 <= tail - head <= len(runq), as an unsigned distance.
RingBounded == \A p \in Ps : Dist(runqtail[p], runqhead[p]) <= RingSize

\* sched.runqsize is the length of sched.runq.
GlobalSizeMatches == runqsize = Len(globrunq)

\* RingTear.tla: a thief whose CAS would succeed never holds a copy of a slot
\* that was overwritten since it read head; and no thief is lapped.
NoTornSteal == Tear!NoTornCommit(grab, LAMBDA x : pc[x] = "runqgrab_cas", LAMBDA p : runqhead[p])
NoLap == Tear!NoLap(grab)

\* No Go throw() was reached.
NoThrow == thrown = ""

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* runqempty "never returns true spuriously": when it answers true, the queue
\* was empty at some moment during the call (linearizability of the query).
\* The witness is the queue's state when runqempty read runnext: Go's argument
\* is that a true answer (head == tail read before, tail unchanged after)
\* means the queue was empty at exactly that moment.
RunqemptyAnswersTrue(x) ==
    /\ pc[x] = "runqempty_recheck" /\ etail[x] = RereadTail(runqtail[ep[x]], etail[x])
    /\ ehead[x] = etail[x] /\ enext[x] = NoG
RunqemptyNeverSpurious == [][\A x \in Ps : RunqemptyAnswersTrue(x) => ewitness[x]]_vars

\* The consequence of the copy-then-CAS protocol: at a thief's successful CAS
\* of the victim's head, the Gs it copied are the first n Gs of the victim's
\* queue, as the owner put them there.
Steals(x) ==
    /\ pc[x] = "runqgrab_cas" /\ pc'[x] /= "runqgrab_cas"
    /\ RunqgrabCommits(runqhead[grab[x].victim], h[x])
StolenAreQueued(x) ==
    LET v == grab[x].victim
        lo == grab[x].lo
        k == grab[x].n
    IN  /\ runqhead[v] = lo
        /\ k <= Dist(runqtail[v], lo)
        /\ RingSeq(runq[pp[x]], st[x], k) = RingSeq(Meant(v), lo, k)
StealCopiesQueued == [][\A x \in Ps : Steals(x) => StolenAreQueued(x)]_vars

\* The fine-grained queues refine the atomic queue spec under this mapping:
\* each operation takes effect in one step (its linearization point: the
\* store-release of tail, a successful CAS, or a lock section), as the
\* abstract action of that operation with its own batch size; every other
\* step leaves the abstract state unchanged.
AbsState == [local  |-> [p \in Ps |-> Ring(p)],
             next   |-> runnext,
             global |-> globrunq,
             held   |-> [x \in Ps |-> hand[x] \cup Range(Possessed(x))],
             own    |-> pp]
Atomic == INSTANCE RunQueueAtomic WITH queues <- AbsState
\* Atomic!Spec, with the mapped state computed once per step.
Refinement == Atomic!InitOK(AbsState) /\ [][Atomic!Step(AbsState, AbsState')]_vars
=============================================================================
