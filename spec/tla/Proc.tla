-------------------------------- MODULE Proc --------------------------------
(***************************************************************************)
(* The composition: Go's scheduler loop running Gs on Ps, with the run     *)
(* queues of RunQueue.tla and the free lists of GFree.tla.                 *)
(*                                                                         *)
(* Each process is an M (a worker thread).  An M either holds a P and runs *)
(* schedule(): findRunnable (the schedtick%61 look at the global queue,    *)
(* the local queue, the global queue, stealing in a random order with      *)
(* runnext only on the last pass, then dropping its P, checkRunqsNoP and   *)
(* stopm), then execute(gp) and the G's code; or it is parked in stopm     *)
(* until startm hands it a P and wakes it (the environment action Wakeup:  *)
(* mPark returns and the M starts over at findRunnable's top).  The G's    *)
(* code is abstracted as a choice among go statements (newproc), return    *)
(* (goexit), Gosched, goyield, gopark, goready, injectglist, a preempted   *)
(* GC mark worker's runqdrain, and a GOMAXPROCS change (p.destroy and      *)
(* gfpurge); with Sysmon, sysmon preempts a G whose time slice (schedtick) *)
(* has not changed since it last looked (SysmonRetake).  Waking: wakep /   *)
(* startm / stopm with nmspinning and needspinning.                        *)
(*                                                                         *)
(* Every PlusCal label is one atomic step of proc.go and the name of the   *)
(* matching scheduling point in the Java port (io.procspec.runtime.Labels).*)
(* The steps shared with RunQueue.tla and GFree.tla have identical text;   *)
(* only the macros named ...Return (where a function returns to) differ.   *)
(* The program the Gs run is bounded by the parameters MayAct and MaySpawn *)
(* (MCProc.tla), and counted by the history variables gsteps and spawned.  *)
(*                                                                         *)
(* Omitted, on purpose (see README): netpoll, timers, GC work, syscalls,   *)
(* locked Ms, async preemption's signals (sysmon's request is honoured at  *)
(* the G's next action), newm (NumM >= NumP Ms exist from the start).      *)
(*                                                                         *)
(* Liveness, and where each property holds (README, "Liveness"):           *)
(*   RunnableEventuallyRuns  for bounded programs; for endless programs    *)
(*                           only with sysmon, or with Go 1.25's no-sysmon *)
(*                           rule (runqput avoids runnext).  Go 1.14/1.21  *)
(*                           without sysmon starve a G in the ring behind  *)
(*                           two Gs that hand off through runnext.         *)
(*   GlobalEventuallyRuns    the schedtick%61 rule, for any program.       *)
(*   WorkConservation        an idle P does not stay idle while a G is     *)
(*                           queued, provided every runqempty call returns *)
(*                           (lock-free, not wait-free: RunqemptyReturns). *)
(***************************************************************************)
EXTENDS RunQueueDefs, GFreeDefs

CONSTANTS
    NumM,          \* Ms (worker threads); M m starts with P m when m <= Busy
    SchedTick,     \* findRunnable looks at the global queue when schedtick % SchedTick == 0 (Go: 61)
    StealTries,    \* stealWork's passes over the other Ps (Go: 4); runnext is stolen on the last
    GoidBatch,     \* _GoidCacheBatch (Go: 16)
    GActions,      \* which G actions the model's Gs may take (see GAction)
    Scenario,      \* the initial state: "main", "fairness", "fairness2", "fairness3", "pingpong", "steal" or "global3"
    Sysmon,        \* TRUE: sysmon runs (SysmonRetake); FALSE: no sysmon (as on wasm)
    MayAct(_),     \* MayAct(k): may a G take another action (other than return) after k? (MCProc)
    MaySpawn(_)    \* MaySpawn(k): may a G run another go statement after k? (MCProc)

Ms == 1..NumM
AllGActions == {"go", "exit", "gosched", "yield", "park", "ready", "inject", "gcdrain", "resize"}
ASSUME MsAndTicks == NumM >= NumP /\ SchedTick \in Nat \ {0} /\ StealTries \in Nat \ {0}
ASSUME KnownGActions == GActions \subseteq AllGActions
ASSUME KnownScenario == Scenario \in {"main", "fairness", "fairness2", "fairness3", "pingpong", "steal", "global3"} /\ Sysmon \in BOOLEAN

(***************************************************************************)
(* Initial states.                                                         *)
(*  "main":      the main goroutine G 1 is in P 1's runnext, as newproc    *)
(*               left it before mstart; M 1 holds P 1.                     *)
(*  "fairness":  Gs 1 and 2 are in P 1's ring and G 3 is on the global     *)
(*               queue (the %61 scenario).                                 *)
(*  "fairness2": Gs 1 and 2 in P 1's ring, G 3 on the global queue; Ms 1   *)
(*               and 2 hold Ps 1 and 2 (P 2's queue is empty: M 2 steals). *)
(*  "fairness3": G 1 in P 1's ring, G 2 in P 2's ring, G 3 on the global  *)
(*               queue; Ms 1 and 2 hold Ps 1 and 2: both Ps have local     *)
(*               work, so only the %61 look serves the global queue.       *)
(*  "pingpong":  G 1 in P 1's runnext, G 3 in its ring, G 2 parked (the    *)
(*               runnext hand-off scenario).                               *)
(*  "steal":     G 1 in P 1's runnext and Gs 2, 3, 4 in its ring; Ms 1 and *)
(*               2 hold Ps 1 and 2, so M 2 starts by stealing two Gs and   *)
(*               publishing one.                                           *)
(*  "global3":   G 1 in P 1's runnext and Gs 2, 3, 4 on the global queue,  *)
(*               so that findRunnable takes a batch from it.               *)
(* Other Ps are idle, other Ms parked in stopm.  An M that holds a P       *)
(* starts as a just-woken M: at findRunnable's top (Wakeup).               *)
(***************************************************************************)
InitRing(p) ==
    CASE Scenario = "fairness" /\ p = 1 -> <<1, 2>>
      [] Scenario = "fairness2" /\ p = 1 -> <<1, 2>>
      [] Scenario = "fairness3" /\ p = 1 -> <<1>>
      [] Scenario = "fairness3" /\ p = 2 -> <<2>>
      [] Scenario = "pingpong" /\ p = 1 -> <<3>>
      [] Scenario = "steal" /\ p = 1 -> <<2, 3, 4>>
      [] OTHER -> <<>>
InitRunnext == [p \in Ps |-> IF p = 1 /\ Scenario \in {"main", "pingpong", "steal", "global3"} THEN 1 ELSE NoG]
InitGlobal == CASE Scenario = "fairness" -> <<3>>
                [] Scenario = "global3" -> <<2, 3, 4>>
                [] Scenario = "fairness2" -> <<3>>
                [] Scenario = "fairness3" -> <<3>>
                [] OTHER -> <<>>
InitWaiting == IF Scenario = "pingpong" THEN {2} ELSE {}
InitRunnable == UNION {Range(InitRing(p)) : p \in Ps} \cup Range(InitGlobal)
                \cup ({InitRunnext[p] : p \in Ps} \ {NoG})
InitGs == InitRunnable \cup InitWaiting
Busy == IF Scenario \in {"fairness2", "fairness3", "steal"} THEN 2 ELSE 1     \* Ms 1..Busy hold Ps 1..Busy
ASSUME ScenarioFits ==
    /\ Busy <= NumP /\ InitGs \subseteq Gs /\ GoidBatch >= Cardinality(InitGs)
    /\ \A p \in Ps : Len(InitRing(p)) <= RingSize /\ (InitRing(p) = <<>> \/ Slot(Start) = 0)

\* "fairness3" starts one tick after a %61 look, so that G 3 waits on the
\* global queue while both Ps run their own Gs.
InitSchedtick == IF Scenario = "fairness3" THEN 1 % SchedTick ELSE 0

InitRunq == [p \in Ps |-> [s \in Slots |-> IF s < Len(InitRing(p)) THEN InitRing(p)[s + 1] ELSE NoG]]
InitTail == [p \in Ps |-> Inc(Start, Len(InitRing(p)))]

\* stealWork's orders (randomOrder, proc.go): a random start and a random
\* stride coprime to gomaxprocs visit every P once; the Ps other than p, in
\* the order a pass visits them.
Coprimes == {c \in 1..NumP : \A d \in 2..NumP : ~(NumP % d = 0 /\ c % d = 0)}
StealOrders(p) ==
    {SelectSeq([k \in 1..NumP |-> ((s + (k - 1) * c) % NumP) + 1], LAMBDA x : x /= p) :
        s \in 0..(NumP - 1), c \in Coprimes}

\* Go 1.23+ without sysmon (go1.23.5 has it, go1.22.12 not): runqput does not
\* use runnext (it would let two Gs share a time slice for ever).
RunnextAllowed == Sysmon \/ GoVersion \in {"1.14", "1.21"}

(* --algorithm Proc
variables
    \* ---- run queues (as RunQueue.tla) --------------------------------------
    runq = InitRunq, runqhead = [p \in Ps |-> Start], runqtail = InitTail,
    runnext = InitRunnext,
    globrunq = InitGlobal, runqsize = Len(InitGlobal), schedLock = NoOne,
    grab = [x \in Ms |-> NoGrab], thrown = "",
    \* ---- Ms and Ps -----------------------------------------------------------
    pp = [m \in Ms |-> IF m <= Busy THEN m ELSE NoP],        \* mp.p
    curg = [m \in Ms |-> NoG],                               \* mp.curg
    spinning = [m \in Ms |-> FALSE],                         \* mp.spinning
    nmspinning = 0,                                          \* sched.nmspinning
    needspinning = 0,                                        \* sched.needspinning
    pidle = [k \in 1..(NumP - Busy) |-> k + Busy],           \* sched.pidle (a stack of Ps)
    midle = [k \in 1..(NumM - Busy) |-> k + Busy],           \* sched.midle (a stack of Ms)
    schedtick = [p \in Ps |-> InitSchedtick],                \* pp.schedtick % SchedTick
    preempt = [p \in Ps |-> FALSE],                          \* sysmon asked to preempt P p's time slice
    sysmonSeen = [p \in Ps |-> FALSE],                       \* sysmon saw pp.schedtick (pd.schedtick == t)
    \* ---- Gs --------------------------------------------------------------------
    status = [g \in Gs |-> IF g \in InitRunnable THEN Grunnable
                           ELSE IF g \in InitWaiting THEN Gwaiting ELSE Gidle],
    goid = [g \in Gs |-> IF g \in InitGs THEN g ELSE 0],
    allgs = InitGs,                                          \* allgs
    unborn = Gs \ InitGs,                                    \* not yet allocated by malg
    waiting = InitWaiting,                                   \* parked (_Gwaiting) Gs
    goidgen = GoidBatch,                                     \* sched.goidgen
    goidcache = [p \in Ps |-> IF p = 1 THEN Cardinality(InitGs) + 1 ELSE 0],
    goidcacheend = [p \in Ps |-> IF p = 1 THEN GoidBatch + 1 ELSE 0],
    \* ---- free lists and stacks (as GFree.tla) ---------------------------------
    gFreeLocal = [p \in Ps |-> <<>>], gFreeLocalN = [p \in Ps |-> 0],
    gFreeStack = <<>>, gFreeNoStack = <<>>, gFreeN = 0, gFreeLock = NoOne,
    stackSize = [g \in Gs |-> IF g \in InitGs THEN StackMin ELSE NoStack],
    startingStackSize = StackMin,
    stacksAllocated = Cardinality(InitGs), stacksFreed = 0,
    sssChanges = 0, gEpoch = [g \in Gs |-> 0], grows = 0,
    \* ---- history (MCProc bounds the program with them) -----------------------
    spawned = 0,                                             \* go statements run
    gsteps = 0;                                              \* G actions other than return

define
    \* Stop the world: every other M is parked in stopm (on sched.midle).
    WorldStopped(x) == \A m \in Ms \ {x} : m \in Range(midle)
    WithStack(s) == LET T(g) == stackSize[g] /= NoStack IN SelectSeq(s, T)
    WithoutStack(s) == LET T(g) == stackSize[g] = NoStack IN SelectSeq(s, T)
    WithStackIn(s, ss) == LET T(g) == ss[g] /= NoStack IN SelectSeq(s, T)
    WithoutStackIn(s, ss) == LET T(g) == ss[g] = NoStack IN SelectSeq(s, T)
    \* idlepMask.read(id), read live: is P p idle now?
    IdleP(p) == p \in Range(pidle)
    \* checkRunqsNoP: the first P after p (in allp order) that is not idle, or NoP.
    NextBusyP(p) == LET ps == {p2 \in Ps : p2 > p /\ ~IdleP(p2)} IN IF ps = {} THEN NoP ELSE SetMin(ps)
    \* stealWork: the next index after k of a pass's order whose P is not idle, or 0.
    NextBusy(o, k) == LET js == {j \in (k + 1)..Len(o) : ~IdleP(o[j])} IN IF js = {} THEN 0 ELSE SetMin(js)
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
\* The scheduler's control flow: where each function returns to.
\* ---------------------------------------------------------------------------

\* A G action that is bounded by MayAct (MCProc) is counted.
macro Count() begin
    gsteps := gsteps + 1;
end macro;

\* runqput(pp, gp, true): Go 1.23+ without sysmon puts gp at the tail instead.
macro RunqputNext() begin
    if RunnextAllowed then
        goto runqput_loadnext;
    else
        await Probe("runqput_no_runnext", self);
        goto runqput_loadhead;
    end if;
end macro;

\* The running G's code (curg[self]) takes its next action; a G whose time
\* slice sysmon has found expired is preempted first (gopreempt_m ->
\* goschedImpl).
macro GAction() begin
    if preempt[pp[self]] then
        await Probe("sysmon_preempt", self);
        cg := curg[self]; cgfrom := Grunning; cgto := Grunnable; cgret := "gosched";
        goto casgstatus;
    else
    either \* go f(): newproc -> newproc1: newg := gfget(pp) ...
        await "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps);
        spawned := spawned + 1; Count();
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto gfget_check;
    or     \* the G returns: goexit1 -> goexit0: casgstatus(gp, _Grunning, _Gdead)
        await "exit" \in GActions;
        cg := curg[self]; cgfrom := Grunning; cgto := Gdead; cgret := "goexit";
        goto casgstatus;
    or     \* runtime.Gosched(): goschedImpl: casgstatus(gp, _Grunning, _Grunnable)
        await "gosched" \in GActions /\ MayAct(gsteps);
        Count();
        cg := curg[self]; cgfrom := Grunning; cgto := Grunnable; cgret := "gosched";
        goto casgstatus;
    or     \* goyield(): goyield_m: casgstatus(gp, _Grunning, _Grunnable)
        await "yield" \in GActions /\ MayAct(gsteps);
        Count();
        cg := curg[self]; cgfrom := Grunning; cgto := Grunnable; cgret := "goyield";
        goto casgstatus;
    or     \* gopark(): park_m: casgstatus(gp, _Grunning, _Gwaiting)
        await "park" \in GActions /\ MayAct(gsteps);
        Count();
        cg := curg[self]; cgfrom := Grunning; cgto := Gwaiting; cgret := "park";
        goto casgstatus;
    or     \* goready(w): ready: casgstatus(w, _Gwaiting, _Grunnable)
        \* (the waker owns w from here: a G is readied by one waker, as Go's
        \* wait/wake protocols guarantee)
        await "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps);
        Count();
        with w \in waiting do cg := w; waiting := waiting \ {w}; end with;
        cgfrom := Gwaiting; cgto := Grunnable; cgret := "ready";
        goto casgstatus;
    or     \* injectglist(all waiting Gs): casgstatus(gp, _Gwaiting, _Grunnable) for each
        await "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps);
        Count();
        with l = SortedSeq(waiting) do cg := Head(l); injl := Tail(l); end with;
        waiting := {};
        cgfrom := Gwaiting; cgto := Grunnable; cgret := "inject";
        goto casgstatus;
    or     \* a dedicated GC mark worker, preempted: runqdrain(pp)
        await "gcdrain" \in GActions /\ MayAct(gsteps);
        Count();
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto runqdrain_loadnext;
    or     \* GOMAXPROCS shrinks and grows back, the world stopped: p.destroy; gfpurge
        \* (written out, not WorldStopped(self): a define-block operator would see
        \* the state before this step, and this step may have woken an M)
        await "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle);
        Count();
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto globrunqputhead_lock;
    end either;
    end if;
end macro;

\* findRunnable's top: once in SchedTick ticks, look at the global queue first:
\* if pp.schedtick%61 == 0 && sched.runqsize > 0 { lock; gp := globrunqget(pp, 1)
\* (Go 1.25: globrunqget()); unlock; if gp != nil { return gp } }.
\* (The racy read of sched.runqsize is merged into the preceding step.)
macro FindRunnableTop() begin
    if GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0 then
        await Probe("findRunnable_tick", self);
        gmax := 1; gret := "tick";
        goto globrunqget_lock;
    else
        goto runqget_loadnext;
    end if;
end macro;

\* schedule() -> findRunnable().  schedule's "if mp.spinning && (pp.runnext != 0
\* || pp.runqhead != pp.runqtail) { throw("schedule: spinning with local work") }"
\* concerns an M that enters schedule spinning, which in this model is an M
\* that startm woke: the invariant SpinningWokenWithEmptyQueue checks it.
macro ScheduleTop() begin
    FindRunnableTop();
end macro;

\* findRunnable returned gp: schedule(): if mp.spinning { resetspinning() };
\* execute(gp, inheritTime).
macro Found(g, inh) begin
    rung := g; inherit := inh;
    if spinning[self] then
        dret := "reset";
        goto findRunnable_dropspinning;
    else
        cg := g; cgfrom := Grunnable; cgto := Grunning; cgret := "execute";
        goto casgstatus;
    end if;
end macro;

\* stealWork: for i := 0; i < stealTries; i++ { for enum := stealOrder.start(fastrand());
\* ... { if !idlepMask.read(enum.position()) { runqsteal(pp, p2, i == stealTries-1) } } }.
\* Each pass has a random order; idle Ps are skipped (racy reads merged into the
\* preceding step).  When every other P is idle, every pass finds nothing.
macro StartSteal() begin
    with o \in StealOrders(pp[self]), j = NextBusy(o, 0) do
        if j = 0 then
            await Probe("stealWork_all_idle", self);
            goto findRunnable_lockidle;
        else
            tries := 0; sorder := o; vidx := j; victim := o[j]; stealnext := (StealTries = 1);
            goto runqgrab_loadhead;
        end if;
    end with;
end macro;

\* Nothing local or global: if mp.spinning || 2*sched.nmspinning.Load() <
\* gomaxprocs-sched.npidle.Load() { if !mp.spinning { mp.becomeSpinning() };
\* stealWork } else drop the P.  (Racy reads merged into the preceding step.)
macro StealOrPark() begin
    if spinning[self] \/ 2 * nmspinning < NumP - Len(pidle) then
        if ~spinning[self] then
            bret := "steal";
            goto becomeSpinning;
        else
            StartSteal();
        end if;
    else
        await Probe("findRunnable_spin_limit", self);
        goto findRunnable_lockidle;
    end if;
end macro;

macro GlobrunqgetReturn(g) begin
    with from = gret do
        gmax := 0; gret := "";
        if g /= NoG then
            Found(g, FALSE);
        elsif from = "tick" then
            goto runqget_loadnext;
        else
            StealOrPark();
        end if;
    end with;
end macro;

macro RunqgetReturn(g, inheritTime) begin
    if g /= NoG then
        Found(g, inheritTime);                           \* local runq
    elsif runqsize /= 0 then                             \* global runq: if sched.runqsize != 0
        gmax := 0; gret := "global";
        goto globrunqget_lock;
    else
        StealOrPark();
    end if;
end macro;

macro RunqstealReturn(g) begin
    if g /= NoG then                                     \* stealWork: return gp, false
        tries := 0; vidx := 0; victim := NoP; stealnext := FALSE; sorder := <<>>;
        Found(g, FALSE);
    else
        with j = NextBusy(sorder, vidx) do
            if j /= 0 then                               \* the next P of this pass
                if j > vidx + 1 then await Probe("stealWork_skip_idle", self); end if;
                vidx := j; victim := sorder[j];
                goto runqgrab_loadhead;
            elsif tries + 1 < StealTries then            \* the next pass, in a new order
                with o \in StealOrders(pp[self]), j2 = NextBusy(o, 0) do
                    if j2 /= 0 then
                        await Probe("stealWork_next_pass", self);
                        tries := tries + 1; sorder := o; vidx := j2; victim := o[j2];
                        stealnext := (tries = StealTries - 1);  \* (tries is the new pass here)
                        goto runqgrab_loadhead;
                    else
                        tries := 0; vidx := 0; victim := NoP; stealnext := FALSE; sorder := <<>>;
                        goto findRunnable_lockidle;
                    end if;
                end with;
            else                                         \* nothing to steal
                tries := 0; vidx := 0; victim := NoP; stealnext := FALSE; sorder := <<>>;
                goto findRunnable_lockidle;
            end if;
        end with;
    end if;
end macro;

macro RunqputReturn() begin
    gq := <<>>;                                          \* (runqputslow's batch, now on the global queue)
    if rqret \in {"globrunqget", "lockidle"} then
        \* globrunqget's loop: runqput(pp, gp1, false) for each extra G
        if gbatch /= <<>> then
            rqg := Head(gbatch); gbatch := Tail(gbatch);
            goto runqput_loadhead;
        elsif rqret = "globrunqget" then
            rqret := ""; rqg := NoG;
            goto globrunqget_unlock;
        else
            rqret := ""; rqg := NoG;
            goto findRunnable_unlockidle;
        end if;
    elsif rqret = "goyield" then                         \* goyield_m: ...; schedule()
        rqret := ""; rqg := NoG;
        ScheduleTop();
    else                                                 \* newproc, ready: ...; wakep()
        wret := rqret; rqret := ""; rqg := NoG;
        goto wakep;
    end if;
end macro;

\* injectglist is done: Go 1.23+ ends with wakep().
macro InjectDone() begin
    if GoVersion = "1.25" then
        wret := "inject";
        goto wakep;
    else
        GAction();
    end if;
end macro;

\* spilled: the rest of q is on the global queue.  Go 1.25's globrunqget
\* callers put a batch into the empty local ring; injectglist (Go 1.25)
\* puts what did not fit on the global queue itself.
macro RunqputbatchReturn(spilled) begin
    if rbret \in {"globrunqget", "lockidle", "recheck"} then
        if q /= <<>> then Throw("Couldn't put Gs into empty local runq"); end if;
        q := <<>>;
        with caller = rbret, g = gp do
            rbret := "";
            if caller = "globrunqget" then
                gp := NoG;
                GlobrunqgetReturn(g);
            elsif caller = "recheck" then               \* acquirep(pp); mp.becomeSpinning()
                bret := "recheck";
                goto becomeSpinning;
            else
                Found(rung, FALSE);
            end if;
        end with;
    elsif ~spilled /\ q /= <<>> then                     \* Go 1.25 injectglist: lock; globrunqputbatch(&q); unlock
        goto runqputbatch_lock;
    else
        q := <<>>;
        InjectDone();
    end if;
end macro;

macro RunqdrainReturn(drainQ) begin                      \* gcBgMarkWorker: if n > 0 { lock; globrunqputbatch; unlock }
    with drained = drainQ do
        q := <<>>;
        if drained /= <<>> then
            gq := drained; gpret := "gcdrain";
            goto globrunqput_lock;
        else
            GAction();
        end if;
    end with;
end macro;

\* checkRunqsNoP: for each P (allp order) not idle (idlepMaskSnapshot reads the
\* live mask): if !runqempty(p2) { lock; pp := pidlegetSpinning(0); unlock; return pp }.
macro RunqemptyReturn(isEmpty) begin
    if ~isEmpty then
        await Probe("checkRunqsNoP_found", self);
        goto checkRunqsNoP_lock;
    else
        with p2 = NextBusyP(ep) do
            if p2 = NoP then
                ep := NoP;
                goto stopm;
            else
                ep := p2;
                goto runqempty_loadhead;
            end if;
        end with;
    end if;
end macro;

macro GlobrunqputReturn() begin
    gq := <<>>;
    if gpret = "gosched" then                            \* goschedImpl: ...; schedule()
        gpret := "";
        ScheduleTop();
    elsif gpret = "inject" then                          \* injectglist: ...; startIdle(n)
        gpret := ""; wpp := NoP; smspin := FALSE; sret := "inject";
        goto startm;
    else                                                 \* the GC worker goes on
        gpret := "";
        GAction();
    end if;
end macro;

macro GlobrunqputheadReturn() begin                      \* p.destroy goes on: gfpurge(pp)
    goto gfpurge_lock;
end macro;

macro GfgetReturn(g) begin
    if g = NoG then
        goto malg;                                       \* newg = malg(stackMin)
    else
        newg := g;
        cg := g; cgfrom := Gdead; cgto := Grunnable; cgret := "newproc1";
        goto casgstatus;
    end if;
end macro;

macro MalgReturn(g) begin                                \* casgstatus(newg, _Gidle, _Gdead)
    newg := g;
    cg := g; cgfrom := Gidle; cgto := Gdead; cgret := "malg";
    goto casgstatus;
end macro;

macro GfputReturn() begin                                \* goexit0: ...; schedule()
    fg := NoG;
    ScheduleTop();
end macro;

macro GfpurgeReturn() begin                              \* GOMAXPROCS returns; the G goes on
    GAction();
end macro;

macro WakepReturn() begin
    if wret = "execute" then                             \* resetspinning done: execute(gp, inheritTime)
        wret := "";
        cg := rung; cgfrom := Grunnable; cgto := Grunning; cgret := "execute";
        goto casgstatus;
    else                                                 \* newproc / ready / injectglist: the G goes on
        wret := "";
        GAction();
    end if;
end macro;

\* After startm: wakep returns, or startIdle goes on (then injectglist).
macro StartmReturn() begin
    if sret = "inject" then
        if sn > 0 then
            goto startm;
        else
            sret := "";
            if q /= <<>> then
                goto runqputbatch_loadhead;              \* runqputbatch(pp, &q, qsize)
            else
                InjectDone();
            end if;
        end if;
    else
        sret := "";
        WakepReturn();
    end if;
end macro;

\* After casgstatus(gp, oldval, newval): the rest of the caller.
macro CasgstatusReturn() begin
    if cgret = "execute" then
        \* execute: mp.curg = gp; if !inheritTime { pp.schedtick++ } (a new time slice); gogo
        with inh = inherit do
            curg[self] := cg; rung := NoG; inherit := FALSE;
            if ~inh then
                schedtick[pp[self]] := (schedtick[pp[self]] + 1) % SchedTick;
                sysmonSeen[pp[self]] := FALSE; preempt[pp[self]] := FALSE;
            end if;
        end with;
        GAction();
    elsif cgret = "malg" then                            \* newproc1: allgadd(newg)
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto allgadd;
    elsif cgret = "newproc1" then                        \* newproc1: newg.goid = ...
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto newproc1_goid;
    elsif cgret = "goexit" then                          \* goexit0: ...; gfput(pp, gp)
        curg[self] := NoG; fg := cg;
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto gfput_push;
    elsif cgret = "gosched" then                         \* goschedImpl: lock; globrunqput(gp); unlock
        curg[self] := NoG; gq := <<cg>>; gpret := "gosched";
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto globrunqput_lock;
    elsif cgret = "goyield" then                         \* goyield_m: runqput(pp, gp, false)
        curg[self] := NoG; rqg := cg; rqret := "goyield";
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto runqput_loadhead;
    elsif cgret = "park" then                            \* park_m: ...; schedule()
        curg[self] := NoG; waiting := waiting \cup {cg};
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        ScheduleTop();
    elsif cgret = "ready" then                           \* ready: runqput(pp, gp, next=true)
        rqg := cg; rqret := "ready";
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        RunqputNext();
    elsif injl /= <<>> then                              \* injectglist: the next G
        q := Append(q, cg);
        cg := Head(injl); injl := Tail(injl);
        goto casgstatus;
    else                                                 \* injectglist: npidle := sched.npidle.Load()
        with all = Append(q, cg), k = Min(Len(pidle), Len(all)) do
            cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
            if k > 0 then                                \* up to npidle Gs to the global queue, startIdle(n)
                await Probe("injectglist_global", self);
                gq := SubSeq(all, 1, k); q := SubSeq(all, k + 1, Len(all)); sn := k; gpret := "inject";
                goto globrunqput_lock;
            else                                         \* runqputbatch(pp, &q, qsize)
                q := all;
                goto runqputbatch_loadhead;
            end if;
        end with;
    end if;
end macro;

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

fair process M \in Ms
variables
    \* ---- run-queue operations (as RunQueue.tla) -------------------------------
    rqg = NoG, q = <<>>, gq = <<>>, victim = NoP, stealnext = FALSE, ep = NoP,
    gmax = 0, rqret = "", rbret = "",
    oldnext = NoG, next = NoG, rg = NoG, gp = NoG,
    h = 0, t = 0, n = 0, i = 0, st = 0, qn = 0,
    batch = <<>>, gbatch = <<>>,
    ehead = 0, etail = 0, enext = NoG,
    ewitness = FALSE,   \* ghost: the queue was empty when runqempty read runnext
    phase = 0,
    \* ---- free lists (as GFree.tla) --------------------------------------------
    fg = NoG,           \* gfput: gp
    \* ---- the scheduler ---------------------------------------------------------
    parked = TRUE,      \* in mPark (stopm) until startm wakes it; every M starts there
    rung = NoG,         \* the G findRunnable returned, until execute
    inherit = FALSE,    \* ... and its inheritTime
    gret = "",          \* globrunqget called from findRunnable's "tick" (%61) or "global" check
    tries = 0,          \* stealWork: the pass
    sorder = <<>>,      \* stealWork: this pass's order of the other Ps (randomOrder)
    vidx = 0,           \* stealWork: the victim's index in sorder
    bret = "",          \* becomeSpinning, then: "steal", "top" or "recheck" (Go 1.22+)
    dret = "",          \* findRunnable_dropspinning for "reset" (resetspinning) or "park"
    wret = "",          \* wakep returns to: "newproc", "ready", "inject", "execute"
    wpp = NoP,          \* startm: pp (NoP: startIdle's pidlegetSpinning takes one)
    smspin = FALSE,     \* startm: spinning
    sret = "",          \* startm returns to wakep ("wakep") or startIdle ("inject")
    sn = 0,             \* startIdle: Ms still to start
    cg = NoG,           \* casgstatus(gp, oldval, newval): gp
    cgfrom = "",        \* ... oldval
    cgto = "",          \* ... newval
    cgret = "",         \* ... and the caller
    newg = NoG,         \* newproc1: newg
    injl = <<>>,        \* injectglist: the Gs still to mark runnable
    gpret = "";         \* globrunqput from "gosched", "gcdrain" or "inject"
begin
\* ====================== stopm (proc.go) ====================================
\* proc.go stopm; io.procspec.runtime.Sched#stopm
stopm:
    \* lock(&sched.lock); mput(mp); unlock(&sched.lock); mPark(): the M stays
    \* here, parked, until startm hands it a P and wakes it (Wakeup, below).
    await schedLock = NoOne /\ ~parked;
    if pp[self] /= NoP then
        Throw("stopm holding p");
    elsif spinning[self] then
        Throw("stopm spinning");
    end if;
    midle := <<self>> \o midle;
    parked := TRUE;
    goto stopm;

\* ====================== casgstatus, newproc1 (proc.go) =====================
\* proc.go casgstatus; io.procspec.runtime.Proc#casgstatus
casgstatus:
    \* for !gp.atomicstatus.CompareAndSwap(oldval, newval) { ... }: one CAS
    if status[cg] /= cgfrom then
        Throw("casgstatus: bad incoming values");
    end if;
    status[cg] := cgto;
    CasgstatusReturn();
\* proc.go allgadd; io.procspec.runtime.Proc#allgadd
allgadd:
    \* lock(&allglock); allgs = append(allgs, gp); unlock(&allglock)
    allgs := allgs \cup {newg};
    cg := newg; cgfrom := Gdead; cgto := Grunnable; cgret := "newproc1";
    goto casgstatus;                                    \* newproc1: casgstatus(newg, _Gdead, _Grunnable)
\* proc.go newproc1; io.procspec.runtime.Proc#newproc1
newproc1_goid:
    if goidcache[pp[self]] = goidcacheend[pp[self]] then
        \* pp.goidcache = sched.goidgen.Add(_GoidCacheBatch); pp.goidcache -= _GoidCacheBatch - 1
        goidgen := goidgen + GoidBatch;
        goid[newg] := goidgen - GoidBatch + 1;          \* newg.goid = pp.goidcache; pp.goidcache++
        goidcache[pp[self]] := goidgen - GoidBatch + 2;
        goidcacheend[pp[self]] := goidgen + 1;
    else
        goid[newg] := goidcache[pp[self]];              \* newg.goid = pp.goidcache
        goidcache[pp[self]] := goidcache[pp[self]] + 1; \* pp.goidcache++
    end if;
    rqg := newg; newg := NoG; rqret := "newproc";
    RunqputNext();                                      \* newproc: runqput(pp, newg, true)

\* ====================== wakep / startm (proc.go) ===========================
\* proc.go wakep; io.procspec.runtime.Proc#wakep
wakep:
    \* if sched.nmspinning.Load() != 0 || !sched.nmspinning.CompareAndSwap(0, 1) { return }
    if nmspinning /= 0 then
        await Probe("wakep_spinning", self);
        WakepReturn();
    else
        nmspinning := 1;
        goto wakep_lock;
    end if;
\* proc.go wakep; io.procspec.runtime.Proc#wakep
wakep_lock:
    \* lock(&sched.lock); pp, _ = pidlegetSpinning(0); if pp == nil {
    \* if sched.nmspinning.Add(-1) < 0 { throw }; unlock; return }; unlock; startm(pp, true, false)
    await schedLock = NoOne;
    if pidle = <<>> then
        await Probe("wakep_noP", self);
        needspinning := 1;                              \* pidlegetSpinning: sched.needspinning.Store(1)
        if nmspinning - 1 < 0 then
            Throw("wakep: negative nmspinning");
        end if;
        nmspinning := nmspinning - 1;
        WakepReturn();
    else
        wpp := Head(pidle); pidle := Tail(pidle);       \* pidleget
        smspin := TRUE; sret := "wakep";
        goto startm;
    end if;
\* proc.go startm; io.procspec.runtime.Sched#startm
startm:
    \* lock(&sched.lock); [startIdle: pp, _ := pidlegetSpinning(0); if pp == nil { break }];
    \* nmp := mget(); if spinning && !runqempty(pp) { throw }; nmp.spinning = spinning;
    \* nmp.nextp.set(pp); notewakeup(&nmp.park); unlock.  (Go calls newm when no M is
    \* idle; the model has NumM >= NumP Ms and waits for one to park: see README.)
    await schedLock = NoOne /\ (midle /= <<>> \/ (wpp = NoP /\ pidle = <<>>));
    if wpp = NoP /\ pidle = <<>> then
        await Probe("startIdle_noP", self);
        needspinning := 1;                              \* pidlegetSpinning found no P: startIdle stops
        sn := 0;
    else
        with p = IF wpp = NoP THEN Head(pidle) ELSE wpp do
            if wpp = NoP then
                pidle := Tail(pidle);                   \* startIdle: pidlegetSpinning
            end if;
            if smspin /\ (runqhead[p] /= runqtail[p] \/ runnext[p] /= NoG) then
                Throw("startm: p has runnable gs");
            end if;
            pp[Head(midle)] := p;                       \* nextp, acquired by the woken M
            spinning[Head(midle)] := smspin;
            midle := Tail(midle);
        end with;
        if sret = "inject" then
            sn := sn - 1;
        end if;
    end if;
    wpp := NoP; smspin := FALSE;
    StartmReturn();

\* ====================== findRunnable: idle path (proc.go) ==================
\* proc.go findRunnable (mp.becomeSpinning); io.procspec.runtime.Sched#findRunnable
becomeSpinning:
    \* mp.spinning = true; sched.nmspinning.Add(1); sched.needspinning.Store(0)
    spinning[self] := TRUE; nmspinning := nmspinning + 1; needspinning := 0;
    if bret = "steal" then
        bret := "";
        StartSteal();
    elsif bret = "recheck" then                         \* Go 1.22+'s global re-check: return gp, false, false
        bret := "";
        Found(rung, FALSE);
    else
        bret := "";                                     \* checkRunqsNoP found work: goto top
        FindRunnableTop();
    end if;
\* proc.go findRunnable; io.procspec.runtime.Sched#findRunnable
findRunnable_lockidle:
    \* lock(&sched.lock); if sched.runqsize != 0 { gp := globrunqget(pp, 0) (Go 1.25:
    \* gp, q := globrunqgetbatch(len/2); unlock; runqputbatch); unlock; return gp }
    await schedLock = NoOne;
    if runqsize /= 0 then
        await Probe("findRunnable_lockidle_global", self);
        with k = FairShare(runqsize, 0), gl = globrunq do
            runqsize := runqsize - k;
            globrunq := SubSeq(gl, k + 1, Len(gl));
            if k > 1 then await Probe("findRunnable_lockidle_batch", self); end if;
            if GoVersion = "1.25" then
                if k > 1 then
                    rung := Head(gl); q := SubSeq(gl, 2, k); rbret := "lockidle";
                    goto runqputbatch_loadhead;
                else
                    Found(Head(gl), FALSE);
                end if;
            else
                schedLock := self; rung := Head(gl);
                if k > 1 then                           \* globrunqget's runqput(pp, gp1, false) loop
                    rqg := gl[2]; gbatch := SubSeq(gl, 3, k); rqret := "lockidle";
                    goto runqput_loadhead;
                else
                    goto findRunnable_unlockidle;
                end if;
            end if;
        end with;
    elsif ~spinning[self] /\ needspinning = 1 then
        \* mp.becomeSpinning(); unlock(&sched.lock); goto top
        await Probe("findRunnable_needspinning", self);
        spinning[self] := TRUE; nmspinning := nmspinning + 1; needspinning := 0;
        FindRunnableTop();
    else
        \* releasep(); pidleput(pp, now); unlock(&sched.lock)
        if runqhead[pp[self]] /= runqtail[pp[self]] \/ runnext[pp[self]] /= NoG then
            Throw("pidleput: P has non-empty run queue");
        end if;
        pidle := <<pp[self]>> \o pidle;
        pp[self] := NoP;
        if spinning[self] then                          \* wasSpinning := mp.spinning
            dret := "park";
            goto findRunnable_dropspinning;
        else
            goto stopm;
        end if;
    end if;
\* proc.go findRunnable; io.procspec.runtime.Sched#findRunnable
findRunnable_unlockidle:
    schedLock := NoOne;                                 \* unlock(&sched.lock); return gp, false, false
    Found(rung, FALSE);
\* proc.go findRunnable / resetspinning; io.procspec.runtime.Sched#findRunnable
findRunnable_dropspinning:
    \* mp.spinning = false; if sched.nmspinning.Add(-1) < 0 { throw(...) }
    spinning[self] := FALSE; nmspinning := nmspinning - 1;
    if nmspinning < 0 then
        Throw("findRunnable: negative nmspinning");
    end if;
    if dret = "reset" then
        dret := ""; wret := "execute";                  \* resetspinning: ...; wakep()
        goto wakep;
    elsif GoVersion = "1.25" then
        \* Go 1.22+: "Check global and P runqueues again": the global queue first
        dret := "";
        goto findRunnable_lockrecheck;
    else
        \* pp := checkRunqsNoP(allpSnapshot, idlepMaskSnapshot) (Go 1.14 and 1.21
        \* have no re-check of the global queue here: work put there is seen under
        \* sched.lock by findRunnable_lockidle, or comes with wakep/startIdle)
        dret := "";
        with p2 = ChecksRunqsFrom(NextBusyP(0)) do      \* (bug dropspinning_no_recheck: none)
            if p2 = NoP then
                goto stopm;
            else
                ep := p2;
                goto runqempty_loadhead;
            end if;
        end with;
    end if;
\* proc.go findRunnable (Go 1.22+); io.procspec.runtime.MLoop#findRunnable
findRunnable_lockrecheck:
    \* lock(&sched.lock); if !sched.runq.empty() { pp, _ := pidlegetSpinning(0); if pp != nil {
    \* gp, q := globrunqgetbatch(int32(len(pp.runq)) / 2); unlock(&sched.lock); runqputbatch(pp, &q);
    \* acquirep(pp); mp.becomeSpinning(); return gp, false, false } }; unlock(&sched.lock);
    \* then pp := checkRunqsNoP(allpSnapshot, idlepMaskSnapshot).  (acquirep is merged into
    \* this step: pidlegetSpinning has already taken the P off the idle list, so no other
    \* M can reach it, and acquirep itself is this M's bookkeeping.)
    await schedLock = NoOne;
    if runqsize /= 0 /\ pidle /= <<>> then
        await Probe("findRunnable_recheck_global", self);
        pp[self] := Head(pidle); pidle := Tail(pidle);  \* pidlegetSpinning(0) ... acquirep(pp)
        with k = FairShare(runqsize, 0), gl = globrunq do
            runqsize := runqsize - k;                   \* globrunqgetbatch(len(pp.runq)/2)
            globrunq := SubSeq(gl, k + 1, Len(gl));
            rung := Head(gl);
            if k > 1 then
                q := SubSeq(gl, 2, k); rbret := "recheck";
                goto runqputbatch_loadhead;
            else
                bret := "recheck";
                goto becomeSpinning;
            end if;
        end with;
    else
        if runqsize /= 0 then
            await Probe("findRunnable_recheck_noP", self);
            needspinning := 1;                          \* pidlegetSpinning: sched.needspinning.Store(1)
        end if;
        with p2 = ChecksRunqsFrom(NextBusyP(0)) do      \* checkRunqsNoP (bug dropspinning_no_recheck: none)
            if p2 = NoP then
                goto stopm;
            else
                ep := p2;
                goto runqempty_loadhead;
            end if;
        end with;
    end if;
\* proc.go checkRunqsNoP; io.procspec.runtime.Sched#findRunnable
checkRunqsNoP_lock:
    \* lock(&sched.lock); pp, _ := pidlegetSpinning(0); unlock(&sched.lock)
    await schedLock = NoOne;
    ep := NoP;
    if pidle = <<>> then
        await Probe("checkRunqsNoP_noP", self);
        needspinning := 1;                              \* can't get a P: return nil
        goto stopm;
    else
        pp[self] := Head(pidle); pidle := Tail(pidle);  \* acquirep(pp); mp.becomeSpinning(); goto top
        bret := "top";
        goto becomeSpinning;
    end if;

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

\* ====================== gfget (proc.go) ====================================
\* proc.go gfget; io.procspec.runtime.Proc#gfget
gfget_check:
    \* retry: if pp.gFree.empty() && (!sched.gFree.stack.empty() || !sched.gFree.noStack.empty())
    if gFreeLocal[pp[self]] = <<>> /\ (gFreeStack /= <<>> \/ gFreeNoStack /= <<>>) then
        goto gfget_lock;
    else
        goto gfget_pop;
    end if;
\* proc.go gfget; io.procspec.runtime.Proc#gfget
gfget_lock:
    \* lock(&sched.gFree.lock); move a batch of free Gs to the P, preferring Gs
    \* with stacks: for pp.gFree.n < 32 { pop stack, else noStack; pp.gFree.push }
    await gFreeLock = NoOne;
    with need = Max(Refill - gFreeLocalN[pp[self]], 0),
         fromStack = SubSeq(gFreeStack, 1, Min(need, Len(gFreeStack))),
         fromNoStack = SubSeq(gFreeNoStack, 1, Min(need - Len(fromStack), Len(gFreeNoStack))),
         moved = fromStack \o fromNoStack do
        if moved = <<>> then await Probe("gfget_refill_empty", self); end if;
        gFreeStack := SubSeq(gFreeStack, Len(fromStack) + 1, Len(gFreeStack));
        gFreeNoStack := SubSeq(gFreeNoStack, Len(fromNoStack) + 1, Len(gFreeNoStack));
        gFreeN := gFreeN - Len(moved);                           \* sched.gFree.n--
        gFreeLocal[pp[self]] := Reverse(moved) \o gFreeLocal[pp[self]];
        gFreeLocalN[pp[self]] := gFreeLocalN[pp[self]] + Len(moved);
    end with;
    goto gfget_check;                                            \* unlock; goto retry
\* proc.go gfget; io.procspec.runtime.Proc#gfget
gfget_pop:
    \* gp := pp.gFree.pop(); if gp == nil { return nil }; pp.gFree.n--
    if gFreeLocal[pp[self]] = <<>> then
        GfgetReturn(NoG);
    else
        with g = Head(gFreeLocal[pp[self]]) do
            gFreeLocal[pp[self]] := Tail(gFreeLocal[pp[self]]);
            gFreeLocalN[pp[self]] := gFreeLocalN[pp[self]] - 1;
            if stackSize[g] /= NoStack /\ stackSize[g] /= startingStackSize then
                \* the right size changed since gfput: stackfree, then stackalloc(startingStackSize)
                await Probe("gfget_stack_resized", self);
                stackSize[g] := startingStackSize;
                stacksFreed := stacksFreed + 1;
                stacksAllocated := stacksAllocated + 1;
            elsif stackSize[g] = NoStack then
                \* stack was deallocated in gfput: gp.stack = stackalloc(startingStackSize)
                await Probe("gfget_stack_alloc", self);
                stackSize[g] := startingStackSize;
                stacksAllocated := stacksAllocated + 1;
            end if;
            GfgetReturn(g);
        end with;
    end if;
\* proc.go malg; io.procspec.runtime.Proc#malg
malg:
    \* newg := new(g); newg.stack = stackalloc(stackMin)
    if unborn = {} then
        Throw("model: no G left for malg (raise NumG)");
    else
        with g = SetMin(unborn) do
            unborn := unborn \ {g};
            stackSize[g] := StackMin;
            stacksAllocated := stacksAllocated + 1;
            MalgReturn(g);
        end with;
    end if;

\* ====================== gfput (proc.go) ====================================
\* proc.go gfput; io.procspec.runtime.Proc#gfput
gfput_push:
    \* if readgstatus(gp) != _Gdead { throw }; a non-standard stack is freed;
    \* pp.gFree.push(gp); pp.gFree.n++
    if status[fg] /= Gdead then
        Throw("gfput: bad status (not Gdead)");
    end if;
    if stackSize[fg] /= startingStackSize then
        await Probe("gfput_stack_freed", self);
        stackSize[fg] := NoStack;                                \* stackfree(gp.stack); gp.stack.lo = 0
        stacksFreed := stacksFreed + 1;
    end if;
    gEpoch[fg] := sssChanges;
    gFreeLocal[pp[self]] := <<fg>> \o gFreeLocal[pp[self]];
    gFreeLocalN[pp[self]] := gFreeLocalN[pp[self]] + 1;
    if SpillDue(gFreeLocalN[pp[self]], LocalMax) then          \* if pp.gFree.n >= 64
        fg := NoG;
        goto gfput_lock;
    else
        GfputReturn();
    end if;
\* proc.go gfput; io.procspec.runtime.Proc#gfput
gfput_lock:
    \* for pp.gFree.n >= 32 { gp := pp.gFree.pop(); pp.gFree.n--; push onto stackQ
    \* or noStackQ; inc++ }; lock(&sched.gFree.lock); noStack.pushAll(noStackQ);
    \* stack.pushAll(stackQ); sched.gFree.n += inc; unlock
    await gFreeLock = NoOne;
    with k = Max(gFreeLocalN[pp[self]] - LocalKeep + 1, 0),
         popped = SubSeq(gFreeLocal[pp[self]], 1, k),
         ss = StacksAfterSpill(stackSize, popped, NoStack) do  \* (Go: unchanged; Bugs.tla)
        gFreeLocal[pp[self]] := SubSeq(gFreeLocal[pp[self]], k + 1, Len(gFreeLocal[pp[self]]));
        gFreeLocalN[pp[self]] := gFreeLocalN[pp[self]] - k;
        gFreeNoStack := Reverse(WithoutStackIn(popped, ss)) \o gFreeNoStack;
        gFreeStack := Reverse(WithStackIn(popped, ss)) \o gFreeStack;
        stackSize := ss;
        gFreeN := gFreeN + k;
    end with;
    GfputReturn();

\* ====================== gfpurge (proc.go) ==================================
\* proc.go gfpurge; io.procspec.runtime.Proc#gfpurge
gfpurge_lock:
    \* for !pp.gFree.empty() { pop; push onto stackQ or noStackQ; inc++ };
    \* lock(&sched.gFree.lock); pushAll both; sched.gFree.n += inc; unlock
    await gFreeLock = NoOne;
    with popped = gFreeLocal[pp[self]] do
        if popped /= <<>> then await Probe("gfpurge_some", self); end if;
        gFreeLocal[pp[self]] := <<>>;
        gFreeLocalN[pp[self]] := 0;
        gFreeNoStack := Reverse(WithoutStack(popped)) \o gFreeNoStack;
        gFreeStack := Reverse(WithStack(popped)) \o gFreeStack;
        gFreeN := gFreeN + Len(popped);
    end with;
    GfpurgeReturn();
end process;
end algorithm; *)
\* BEGIN TRANSLATION
VARIABLES runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, 
          grab, thrown, pp, curg, spinning, nmspinning, needspinning, pidle, 
          midle, schedtick, preempt, sysmonSeen, status, goid, allgs, unborn, 
          waiting, goidgen, goidcache, goidcacheend, gFreeLocal, gFreeLocalN, 
          gFreeStack, gFreeNoStack, gFreeN, gFreeLock, stackSize, 
          startingStackSize, stacksAllocated, stacksFreed, sssChanges, gEpoch, 
          grows, spawned, gsteps, pc

(* define statement *)
WorldStopped(x) == \A m \in Ms \ {x} : m \in Range(midle)
WithStack(s) == LET T(g) == stackSize[g] /= NoStack IN SelectSeq(s, T)
WithoutStack(s) == LET T(g) == stackSize[g] = NoStack IN SelectSeq(s, T)
WithStackIn(s, ss) == LET T(g) == ss[g] /= NoStack IN SelectSeq(s, T)
WithoutStackIn(s, ss) == LET T(g) == ss[g] = NoStack IN SelectSeq(s, T)

IdleP(p) == p \in Range(pidle)

NextBusyP(p) == LET ps == {p2 \in Ps : p2 > p /\ ~IdleP(p2)} IN IF ps = {} THEN NoP ELSE SetMin(ps)

NextBusy(o, k) == LET js == {j \in (k + 1)..Len(o) : ~IdleP(o[j])} IN IF js = {} THEN 0 ELSE SetMin(js)

VARIABLES rqg, q, gq, victim, stealnext, ep, gmax, rqret, rbret, oldnext, 
          next, rg, gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail, 
          enext, ewitness, phase, fg, parked, rung, inherit, gret, tries, 
          sorder, vidx, bret, dret, wret, wpp, smspin, sret, sn, cg, cgfrom, 
          cgto, cgret, newg, injl, gpret

vars == << runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, 
           grab, thrown, pp, curg, spinning, nmspinning, needspinning, pidle, 
           midle, schedtick, preempt, sysmonSeen, status, goid, allgs, unborn, 
           waiting, goidgen, goidcache, goidcacheend, gFreeLocal, gFreeLocalN, 
           gFreeStack, gFreeNoStack, gFreeN, gFreeLock, stackSize, 
           startingStackSize, stacksAllocated, stacksFreed, sssChanges, 
           gEpoch, grows, spawned, gsteps, pc, rqg, q, gq, victim, stealnext, 
           ep, gmax, rqret, rbret, oldnext, next, rg, gp, h, t, n, i, st, qn, 
           batch, gbatch, ehead, etail, enext, ewitness, phase, fg, parked, 
           rung, inherit, gret, tries, sorder, vidx, bret, dret, wret, wpp, 
           smspin, sret, sn, cg, cgfrom, cgto, cgret, newg, injl, gpret >>

ProcSet == (Ms)

Init == (* Global variables *)
        /\ runq = InitRunq
        /\ runqhead = [p \in Ps |-> Start]
        /\ runqtail = InitTail
        /\ runnext = InitRunnext
        /\ globrunq = InitGlobal
        /\ runqsize = Len(InitGlobal)
        /\ schedLock = NoOne
        /\ grab = [x \in Ms |-> NoGrab]
        /\ thrown = ""
        /\ pp = [m \in Ms |-> IF m <= Busy THEN m ELSE NoP]
        /\ curg = [m \in Ms |-> NoG]
        /\ spinning = [m \in Ms |-> FALSE]
        /\ nmspinning = 0
        /\ needspinning = 0
        /\ pidle = [k \in 1..(NumP - Busy) |-> k + Busy]
        /\ midle = [k \in 1..(NumM - Busy) |-> k + Busy]
        /\ schedtick = [p \in Ps |-> InitSchedtick]
        /\ preempt = [p \in Ps |-> FALSE]
        /\ sysmonSeen = [p \in Ps |-> FALSE]
        /\ status = [g \in Gs |-> IF g \in InitRunnable THEN Grunnable
                                  ELSE IF g \in InitWaiting THEN Gwaiting ELSE Gidle]
        /\ goid = [g \in Gs |-> IF g \in InitGs THEN g ELSE 0]
        /\ allgs = InitGs
        /\ unborn = Gs \ InitGs
        /\ waiting = InitWaiting
        /\ goidgen = GoidBatch
        /\ goidcache = [p \in Ps |-> IF p = 1 THEN Cardinality(InitGs) + 1 ELSE 0]
        /\ goidcacheend = [p \in Ps |-> IF p = 1 THEN GoidBatch + 1 ELSE 0]
        /\ gFreeLocal = [p \in Ps |-> <<>>]
        /\ gFreeLocalN = [p \in Ps |-> 0]
        /\ gFreeStack = <<>>
        /\ gFreeNoStack = <<>>
        /\ gFreeN = 0
        /\ gFreeLock = NoOne
        /\ stackSize = [g \in Gs |-> IF g \in InitGs THEN StackMin ELSE NoStack]
        /\ startingStackSize = StackMin
        /\ stacksAllocated = Cardinality(InitGs)
        /\ stacksFreed = 0
        /\ sssChanges = 0
        /\ gEpoch = [g \in Gs |-> 0]
        /\ grows = 0
        /\ spawned = 0
        /\ gsteps = 0
        (* Process M *)
        /\ rqg = [self \in Ms |-> NoG]
        /\ q = [self \in Ms |-> <<>>]
        /\ gq = [self \in Ms |-> <<>>]
        /\ victim = [self \in Ms |-> NoP]
        /\ stealnext = [self \in Ms |-> FALSE]
        /\ ep = [self \in Ms |-> NoP]
        /\ gmax = [self \in Ms |-> 0]
        /\ rqret = [self \in Ms |-> ""]
        /\ rbret = [self \in Ms |-> ""]
        /\ oldnext = [self \in Ms |-> NoG]
        /\ next = [self \in Ms |-> NoG]
        /\ rg = [self \in Ms |-> NoG]
        /\ gp = [self \in Ms |-> NoG]
        /\ h = [self \in Ms |-> 0]
        /\ t = [self \in Ms |-> 0]
        /\ n = [self \in Ms |-> 0]
        /\ i = [self \in Ms |-> 0]
        /\ st = [self \in Ms |-> 0]
        /\ qn = [self \in Ms |-> 0]
        /\ batch = [self \in Ms |-> <<>>]
        /\ gbatch = [self \in Ms |-> <<>>]
        /\ ehead = [self \in Ms |-> 0]
        /\ etail = [self \in Ms |-> 0]
        /\ enext = [self \in Ms |-> NoG]
        /\ ewitness = [self \in Ms |-> FALSE]
        /\ phase = [self \in Ms |-> 0]
        /\ fg = [self \in Ms |-> NoG]
        /\ parked = [self \in Ms |-> TRUE]
        /\ rung = [self \in Ms |-> NoG]
        /\ inherit = [self \in Ms |-> FALSE]
        /\ gret = [self \in Ms |-> ""]
        /\ tries = [self \in Ms |-> 0]
        /\ sorder = [self \in Ms |-> <<>>]
        /\ vidx = [self \in Ms |-> 0]
        /\ bret = [self \in Ms |-> ""]
        /\ dret = [self \in Ms |-> ""]
        /\ wret = [self \in Ms |-> ""]
        /\ wpp = [self \in Ms |-> NoP]
        /\ smspin = [self \in Ms |-> FALSE]
        /\ sret = [self \in Ms |-> ""]
        /\ sn = [self \in Ms |-> 0]
        /\ cg = [self \in Ms |-> NoG]
        /\ cgfrom = [self \in Ms |-> ""]
        /\ cgto = [self \in Ms |-> ""]
        /\ cgret = [self \in Ms |-> ""]
        /\ newg = [self \in Ms |-> NoG]
        /\ injl = [self \in Ms |-> <<>>]
        /\ gpret = [self \in Ms |-> ""]
        /\ pc = [self \in ProcSet |-> "stopm"]

stopm(self) == /\ pc[self] = "stopm"
               /\ schedLock = NoOne /\ ~parked[self]
               /\ IF pp[self] /= NoP
                     THEN /\ thrown' = "stopm holding p"
                     ELSE /\ IF spinning[self]
                                THEN /\ thrown' = "stopm spinning"
                                ELSE /\ TRUE
                                     /\ UNCHANGED thrown
               /\ midle' = <<self>> \o midle
               /\ parked' = [parked EXCEPT ![self] = TRUE]
               /\ pc' = [pc EXCEPT ![self] = "stopm"]
               /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                               runqsize, schedLock, grab, pp, curg, spinning, 
                               nmspinning, needspinning, pidle, schedtick, 
                               preempt, sysmonSeen, status, goid, allgs, 
                               unborn, waiting, goidgen, goidcache, 
                               goidcacheend, gFreeLocal, gFreeLocalN, 
                               gFreeStack, gFreeNoStack, gFreeN, gFreeLock, 
                               stackSize, startingStackSize, stacksAllocated, 
                               stacksFreed, sssChanges, gEpoch, grows, spawned, 
                               gsteps, rqg, q, gq, victim, stealnext, ep, gmax, 
                               rqret, rbret, oldnext, next, rg, gp, h, t, n, i, 
                               st, qn, batch, gbatch, ehead, etail, enext, 
                               ewitness, phase, fg, rung, inherit, gret, tries, 
                               sorder, vidx, bret, dret, wret, wpp, smspin, 
                               sret, sn, cg, cgfrom, cgto, cgret, newg, injl, 
                               gpret >>

casgstatus(self) == /\ pc[self] = "casgstatus"
                    /\ IF status[cg[self]] /= cgfrom[self]
                          THEN /\ thrown' = "casgstatus: bad incoming values"
                          ELSE /\ TRUE
                               /\ UNCHANGED thrown
                    /\ status' = [status EXCEPT ![cg[self]] = cgto[self]]
                    /\ IF cgret[self] = "execute"
                          THEN /\ LET inh == inherit[self] IN
                                    /\ curg' = [curg EXCEPT ![self] = cg[self]]
                                    /\ rung' = [rung EXCEPT ![self] = NoG]
                                    /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                    /\ IF ~inh
                                          THEN /\ schedtick' = [schedtick EXCEPT ![pp[self]] = (schedtick[pp[self]] + 1) % SchedTick]
                                               /\ sysmonSeen' = [sysmonSeen EXCEPT ![pp[self]] = FALSE]
                                               /\ preempt' = [preempt EXCEPT ![pp[self]] = FALSE]
                                          ELSE /\ TRUE
                                               /\ UNCHANGED << schedtick, 
                                                               preempt, 
                                                               sysmonSeen >>
                               /\ IF preempt'[pp[self]]
                                     THEN /\ Probe("sysmon_preempt", self)
                                          /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                          /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                          /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                          /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                          /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                          /\ UNCHANGED << waiting, spawned, 
                                                          gsteps, injl >>
                                     ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                /\ spawned' = spawned + 1
                                                /\ gsteps' = gsteps + 1
                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                /\ UNCHANGED <<waiting, injl>>
                                             \/ /\ "exit" \in GActions
                                                /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                             \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                /\ gsteps' = gsteps + 1
                                                /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<waiting, spawned, injl>>
                                             \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                /\ gsteps' = gsteps + 1
                                                /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<waiting, spawned, injl>>
                                             \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                /\ gsteps' = gsteps + 1
                                                /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<waiting, spawned, injl>>
                                             \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                /\ gsteps' = gsteps + 1
                                                /\ \E w \in waiting:
                                                     /\ cg' = [cg EXCEPT ![self] = w]
                                                     /\ waiting' = waiting \ {w}
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<spawned, injl>>
                                             \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                /\ gsteps' = gsteps + 1
                                                /\ LET l == SortedSeq(waiting) IN
                                                     /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                     /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                /\ waiting' = {}
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED spawned
                                             \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                /\ gsteps' = gsteps + 1
                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                /\ UNCHANGED <<waiting, spawned, injl>>
                                             \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                /\ gsteps' = gsteps + 1
                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                /\ UNCHANGED <<waiting, spawned, injl>>
                               /\ UNCHANGED << rqg, q, gq, gmax, rqret, fg, 
                                               gret, sn, gpret >>
                          ELSE /\ IF cgret[self] = "malg"
                                     THEN /\ cg' = [cg EXCEPT ![self] = NoG]
                                          /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                          /\ cgto' = [cgto EXCEPT ![self] = ""]
                                          /\ cgret' = [cgret EXCEPT ![self] = ""]
                                          /\ pc' = [pc EXCEPT ![self] = "allgadd"]
                                          /\ UNCHANGED << curg, waiting, rqg, 
                                                          q, gq, gmax, rqret, 
                                                          fg, gret, sn, injl, 
                                                          gpret >>
                                     ELSE /\ IF cgret[self] = "newproc1"
                                                THEN /\ cg' = [cg EXCEPT ![self] = NoG]
                                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                     /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                     /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                     /\ pc' = [pc EXCEPT ![self] = "newproc1_goid"]
                                                     /\ UNCHANGED << curg, 
                                                                     waiting, 
                                                                     rqg, q, 
                                                                     gq, gmax, 
                                                                     rqret, fg, 
                                                                     gret, sn, 
                                                                     injl, 
                                                                     gpret >>
                                                ELSE /\ IF cgret[self] = "goexit"
                                                           THEN /\ curg' = [curg EXCEPT ![self] = NoG]
                                                                /\ fg' = [fg EXCEPT ![self] = cg[self]]
                                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                                                                /\ UNCHANGED << waiting, 
                                                                                rqg, 
                                                                                q, 
                                                                                gq, 
                                                                                gmax, 
                                                                                rqret, 
                                                                                gret, 
                                                                                sn, 
                                                                                injl, 
                                                                                gpret >>
                                                           ELSE /\ IF cgret[self] = "gosched"
                                                                      THEN /\ curg' = [curg EXCEPT ![self] = NoG]
                                                                           /\ gq' = [gq EXCEPT ![self] = <<cg[self]>>]
                                                                           /\ gpret' = [gpret EXCEPT ![self] = "gosched"]
                                                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                           /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                           /\ UNCHANGED << waiting, 
                                                                                           rqg, 
                                                                                           q, 
                                                                                           gmax, 
                                                                                           rqret, 
                                                                                           gret, 
                                                                                           sn, 
                                                                                           injl >>
                                                                      ELSE /\ IF cgret[self] = "goyield"
                                                                                 THEN /\ curg' = [curg EXCEPT ![self] = NoG]
                                                                                      /\ rqg' = [rqg EXCEPT ![self] = cg[self]]
                                                                                      /\ rqret' = [rqret EXCEPT ![self] = "goyield"]
                                                                                      /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                      /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                      /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                      /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                      /\ UNCHANGED << waiting, 
                                                                                                      q, 
                                                                                                      gq, 
                                                                                                      gmax, 
                                                                                                      gret, 
                                                                                                      sn, 
                                                                                                      injl, 
                                                                                                      gpret >>
                                                                                 ELSE /\ IF cgret[self] = "park"
                                                                                            THEN /\ curg' = [curg EXCEPT ![self] = NoG]
                                                                                                 /\ waiting' = (waiting \cup {cg[self]})
                                                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                                 /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                                                                                                       THEN /\ Probe("findRunnable_tick", self)
                                                                                                            /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                                                            /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                                                            /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                            /\ UNCHANGED << gmax, 
                                                                                                                            gret >>
                                                                                                 /\ UNCHANGED << rqg, 
                                                                                                                 q, 
                                                                                                                 gq, 
                                                                                                                 rqret, 
                                                                                                                 sn, 
                                                                                                                 injl, 
                                                                                                                 gpret >>
                                                                                            ELSE /\ IF cgret[self] = "ready"
                                                                                                       THEN /\ rqg' = [rqg EXCEPT ![self] = cg[self]]
                                                                                                            /\ rqret' = [rqret EXCEPT ![self] = "ready"]
                                                                                                            /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                                            /\ IF RunnextAllowed
                                                                                                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                                                  ELSE /\ Probe("runqput_no_runnext", self)
                                                                                                                       /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                                                            /\ UNCHANGED << q, 
                                                                                                                            gq, 
                                                                                                                            sn, 
                                                                                                                            injl, 
                                                                                                                            gpret >>
                                                                                                       ELSE /\ IF injl[self] /= <<>>
                                                                                                                  THEN /\ q' = [q EXCEPT ![self] = Append(q[self], cg[self])]
                                                                                                                       /\ cg' = [cg EXCEPT ![self] = Head(injl[self])]
                                                                                                                       /\ injl' = [injl EXCEPT ![self] = Tail(injl[self])]
                                                                                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                                                       /\ UNCHANGED << gq, 
                                                                                                                                       sn, 
                                                                                                                                       cgfrom, 
                                                                                                                                       cgto, 
                                                                                                                                       cgret, 
                                                                                                                                       gpret >>
                                                                                                                  ELSE /\ LET all == Append(q[self], cg[self]) IN
                                                                                                                            LET k == Min(Len(pidle), Len(all)) IN
                                                                                                                              /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                                                              /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                                                              /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                                                              /\ IF k > 0
                                                                                                                                    THEN /\ Probe("injectglist_global", self)
                                                                                                                                         /\ gq' = [gq EXCEPT ![self] = SubSeq(all, 1, k)]
                                                                                                                                         /\ q' = [q EXCEPT ![self] = SubSeq(all, k + 1, Len(all))]
                                                                                                                                         /\ sn' = [sn EXCEPT ![self] = k]
                                                                                                                                         /\ gpret' = [gpret EXCEPT ![self] = "inject"]
                                                                                                                                         /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                                                                                                    ELSE /\ q' = [q EXCEPT ![self] = all]
                                                                                                                                         /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                                                         /\ UNCHANGED << gq, 
                                                                                                                                                         sn, 
                                                                                                                                                         gpret >>
                                                                                                                       /\ injl' = injl
                                                                                                            /\ UNCHANGED << rqg, 
                                                                                                                            rqret >>
                                                                                                 /\ UNCHANGED << curg, 
                                                                                                                 waiting, 
                                                                                                                 gmax, 
                                                                                                                 gret >>
                                                                /\ fg' = fg
                               /\ UNCHANGED << schedtick, preempt, sysmonSeen, 
                                               spawned, gsteps, rung, inherit >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, pp, 
                                    spinning, nmspinning, needspinning, pidle, 
                                    midle, goid, allgs, unborn, goidgen, 
                                    goidcache, goidcacheend, gFreeLocal, 
                                    gFreeLocalN, gFreeStack, gFreeNoStack, 
                                    gFreeN, gFreeLock, stackSize, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    victim, stealnext, ep, rbret, oldnext, 
                                    next, rg, gp, h, t, n, i, st, qn, batch, 
                                    gbatch, ehead, etail, enext, ewitness, 
                                    phase, parked, tries, sorder, vidx, bret, 
                                    dret, wret, wpp, smspin, sret, newg >>

allgadd(self) == /\ pc[self] = "allgadd"
                 /\ allgs' = (allgs \cup {newg[self]})
                 /\ cg' = [cg EXCEPT ![self] = newg[self]]
                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gdead]
                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                 /\ cgret' = [cgret EXCEPT ![self] = "newproc1"]
                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                 /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                                 runqsize, schedLock, grab, thrown, pp, curg, 
                                 spinning, nmspinning, needspinning, pidle, 
                                 midle, schedtick, preempt, sysmonSeen, status, 
                                 goid, unborn, waiting, goidgen, goidcache, 
                                 goidcacheend, gFreeLocal, gFreeLocalN, 
                                 gFreeStack, gFreeNoStack, gFreeN, gFreeLock, 
                                 stackSize, startingStackSize, stacksAllocated, 
                                 stacksFreed, sssChanges, gEpoch, grows, 
                                 spawned, gsteps, rqg, q, gq, victim, 
                                 stealnext, ep, gmax, rqret, rbret, oldnext, 
                                 next, rg, gp, h, t, n, i, st, qn, batch, 
                                 gbatch, ehead, etail, enext, ewitness, phase, 
                                 fg, parked, rung, inherit, gret, tries, 
                                 sorder, vidx, bret, dret, wret, wpp, smspin, 
                                 sret, sn, newg, injl, gpret >>

newproc1_goid(self) == /\ pc[self] = "newproc1_goid"
                       /\ IF goidcache[pp[self]] = goidcacheend[pp[self]]
                             THEN /\ goidgen' = goidgen + GoidBatch
                                  /\ goid' = [goid EXCEPT ![newg[self]] = goidgen' - GoidBatch + 1]
                                  /\ goidcache' = [goidcache EXCEPT ![pp[self]] = goidgen' - GoidBatch + 2]
                                  /\ goidcacheend' = [goidcacheend EXCEPT ![pp[self]] = goidgen' + 1]
                             ELSE /\ goid' = [goid EXCEPT ![newg[self]] = goidcache[pp[self]]]
                                  /\ goidcache' = [goidcache EXCEPT ![pp[self]] = goidcache[pp[self]] + 1]
                                  /\ UNCHANGED << goidgen, goidcacheend >>
                       /\ rqg' = [rqg EXCEPT ![self] = newg[self]]
                       /\ newg' = [newg EXCEPT ![self] = NoG]
                       /\ rqret' = [rqret EXCEPT ![self] = "newproc"]
                       /\ IF RunnextAllowed
                             THEN /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                             ELSE /\ Probe("runqput_no_runnext", self)
                                  /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                       /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                       globrunq, runqsize, schedLock, grab, 
                                       thrown, pp, curg, spinning, nmspinning, 
                                       needspinning, pidle, midle, schedtick, 
                                       preempt, sysmonSeen, status, allgs, 
                                       unborn, waiting, gFreeLocal, 
                                       gFreeLocalN, gFreeStack, gFreeNoStack, 
                                       gFreeN, gFreeLock, stackSize, 
                                       startingStackSize, stacksAllocated, 
                                       stacksFreed, sssChanges, gEpoch, grows, 
                                       spawned, gsteps, q, gq, victim, 
                                       stealnext, ep, gmax, rbret, oldnext, 
                                       next, rg, gp, h, t, n, i, st, qn, batch, 
                                       gbatch, ehead, etail, enext, ewitness, 
                                       phase, fg, parked, rung, inherit, gret, 
                                       tries, sorder, vidx, bret, dret, wret, 
                                       wpp, smspin, sret, sn, cg, cgfrom, cgto, 
                                       cgret, injl, gpret >>

wakep(self) == /\ pc[self] = "wakep"
               /\ IF nmspinning /= 0
                     THEN /\ Probe("wakep_spinning", self)
                          /\ IF wret[self] = "execute"
                                THEN /\ wret' = [wret EXCEPT ![self] = ""]
                                     /\ cg' = [cg EXCEPT ![self] = rung[self]]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                     /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                     /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED << waiting, spawned, gsteps, 
                                                     injl >>
                                ELSE /\ wret' = [wret EXCEPT ![self] = ""]
                                     /\ IF preempt[pp[self]]
                                           THEN /\ Probe("sysmon_preempt", self)
                                                /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED << waiting, 
                                                                spawned, 
                                                                gsteps, injl >>
                                           ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                      /\ spawned' = spawned + 1
                                                      /\ gsteps' = gsteps + 1
                                                      /\ cg' = [cg EXCEPT ![self] = NoG]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                      /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                      /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                      /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                      /\ UNCHANGED <<waiting, injl>>
                                                   \/ /\ "exit" \in GActions
                                                      /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                      /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                      /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                      /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                   \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                      /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                      /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                      /\ UNCHANGED <<waiting, spawned, injl>>
                                                   \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                      /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                      /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                      /\ UNCHANGED <<waiting, spawned, injl>>
                                                   \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                      /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                      /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                      /\ UNCHANGED <<waiting, spawned, injl>>
                                                   \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ \E w \in waiting:
                                                           /\ cg' = [cg EXCEPT ![self] = w]
                                                           /\ waiting' = waiting \ {w}
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                      /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                      /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                      /\ UNCHANGED <<spawned, injl>>
                                                   \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ LET l == SortedSeq(waiting) IN
                                                           /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                           /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                      /\ waiting' = {}
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                      /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                      /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                      /\ UNCHANGED spawned
                                                   \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ cg' = [cg EXCEPT ![self] = NoG]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                      /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                      /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                      /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                      /\ UNCHANGED <<waiting, spawned, injl>>
                                                   \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                      /\ gsteps' = gsteps + 1
                                                      /\ cg' = [cg EXCEPT ![self] = NoG]
                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                      /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                      /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                      /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                      /\ UNCHANGED <<waiting, spawned, injl>>
                          /\ UNCHANGED nmspinning
                     ELSE /\ nmspinning' = 1
                          /\ pc' = [pc EXCEPT ![self] = "wakep_lock"]
                          /\ UNCHANGED << waiting, spawned, gsteps, wret, cg, 
                                          cgfrom, cgto, cgret, injl >>
               /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                               runqsize, schedLock, grab, thrown, pp, curg, 
                               spinning, needspinning, pidle, midle, schedtick, 
                               preempt, sysmonSeen, status, goid, allgs, 
                               unborn, goidgen, goidcache, goidcacheend, 
                               gFreeLocal, gFreeLocalN, gFreeStack, 
                               gFreeNoStack, gFreeN, gFreeLock, stackSize, 
                               startingStackSize, stacksAllocated, stacksFreed, 
                               sssChanges, gEpoch, grows, rqg, q, gq, victim, 
                               stealnext, ep, gmax, rqret, rbret, oldnext, 
                               next, rg, gp, h, t, n, i, st, qn, batch, gbatch, 
                               ehead, etail, enext, ewitness, phase, fg, 
                               parked, rung, inherit, gret, tries, sorder, 
                               vidx, bret, dret, wpp, smspin, sret, sn, newg, 
                               gpret >>

wakep_lock(self) == /\ pc[self] = "wakep_lock"
                    /\ schedLock = NoOne
                    /\ IF pidle = <<>>
                          THEN /\ Probe("wakep_noP", self)
                               /\ needspinning' = 1
                               /\ IF nmspinning - 1 < 0
                                     THEN /\ thrown' = "wakep: negative nmspinning"
                                     ELSE /\ TRUE
                                          /\ UNCHANGED thrown
                               /\ nmspinning' = nmspinning - 1
                               /\ IF wret[self] = "execute"
                                     THEN /\ wret' = [wret EXCEPT ![self] = ""]
                                          /\ cg' = [cg EXCEPT ![self] = rung[self]]
                                          /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                          /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                          /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                          /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                          /\ UNCHANGED << waiting, spawned, 
                                                          gsteps, injl >>
                                     ELSE /\ wret' = [wret EXCEPT ![self] = ""]
                                          /\ IF preempt[pp[self]]
                                                THEN /\ Probe("sysmon_preempt", self)
                                                     /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                     /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                     /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                     /\ UNCHANGED << waiting, 
                                                                     spawned, 
                                                                     gsteps, 
                                                                     injl >>
                                                ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                           /\ spawned' = spawned + 1
                                                           /\ gsteps' = gsteps + 1
                                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                           /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                           /\ UNCHANGED <<waiting, injl>>
                                                        \/ /\ "exit" \in GActions
                                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                        \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED <<waiting, spawned, injl>>
                                                        \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED <<waiting, spawned, injl>>
                                                        \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED <<waiting, spawned, injl>>
                                                        \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ \E w \in waiting:
                                                                /\ cg' = [cg EXCEPT ![self] = w]
                                                                /\ waiting' = waiting \ {w}
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED <<spawned, injl>>
                                                        \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ LET l == SortedSeq(waiting) IN
                                                                /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                           /\ waiting' = {}
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED spawned
                                                        \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                           /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                           /\ UNCHANGED <<waiting, spawned, injl>>
                                                        \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                           /\ gsteps' = gsteps + 1
                                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                           /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                           /\ UNCHANGED <<waiting, spawned, injl>>
                               /\ UNCHANGED << pidle, wpp, smspin, sret >>
                          ELSE /\ wpp' = [wpp EXCEPT ![self] = Head(pidle)]
                               /\ pidle' = Tail(pidle)
                               /\ smspin' = [smspin EXCEPT ![self] = TRUE]
                               /\ sret' = [sret EXCEPT ![self] = "wakep"]
                               /\ pc' = [pc EXCEPT ![self] = "startm"]
                               /\ UNCHANGED << thrown, nmspinning, 
                                               needspinning, waiting, spawned, 
                                               gsteps, wret, cg, cgfrom, cgto, 
                                               cgret, injl >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, pp, 
                                    curg, spinning, midle, schedtick, preempt, 
                                    sysmonSeen, status, goid, allgs, unborn, 
                                    goidgen, goidcache, goidcacheend, 
                                    gFreeLocal, gFreeLocalN, gFreeStack, 
                                    gFreeNoStack, gFreeN, gFreeLock, stackSize, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    rqg, q, gq, victim, stealnext, ep, gmax, 
                                    rqret, rbret, oldnext, next, rg, gp, h, t, 
                                    n, i, st, qn, batch, gbatch, ehead, etail, 
                                    enext, ewitness, phase, fg, parked, rung, 
                                    inherit, gret, tries, sorder, vidx, bret, 
                                    dret, sn, newg, gpret >>

startm(self) == /\ pc[self] = "startm"
                /\ schedLock = NoOne /\ (midle /= <<>> \/ (wpp[self] = NoP /\ pidle = <<>>))
                /\ IF wpp[self] = NoP /\ pidle = <<>>
                      THEN /\ Probe("startIdle_noP", self)
                           /\ needspinning' = 1
                           /\ sn' = [sn EXCEPT ![self] = 0]
                           /\ UNCHANGED << thrown, pp, spinning, pidle, midle >>
                      ELSE /\ LET p == IF wpp[self] = NoP THEN Head(pidle) ELSE wpp[self] IN
                                /\ IF wpp[self] = NoP
                                      THEN /\ pidle' = Tail(pidle)
                                      ELSE /\ TRUE
                                           /\ pidle' = pidle
                                /\ IF smspin[self] /\ (runqhead[p] /= runqtail[p] \/ runnext[p] /= NoG)
                                      THEN /\ thrown' = "startm: p has runnable gs"
                                      ELSE /\ TRUE
                                           /\ UNCHANGED thrown
                                /\ pp' = [pp EXCEPT ![Head(midle)] = p]
                                /\ spinning' = [spinning EXCEPT ![Head(midle)] = smspin[self]]
                                /\ midle' = Tail(midle)
                           /\ IF sret[self] = "inject"
                                 THEN /\ sn' = [sn EXCEPT ![self] = sn[self] - 1]
                                 ELSE /\ TRUE
                                      /\ sn' = sn
                           /\ UNCHANGED needspinning
                /\ wpp' = [wpp EXCEPT ![self] = NoP]
                /\ smspin' = [smspin EXCEPT ![self] = FALSE]
                /\ IF sret[self] = "inject"
                      THEN /\ IF sn'[self] > 0
                                 THEN /\ pc' = [pc EXCEPT ![self] = "startm"]
                                      /\ UNCHANGED << waiting, spawned, gsteps, 
                                                      wret, sret, cg, cgfrom, 
                                                      cgto, cgret, injl >>
                                 ELSE /\ sret' = [sret EXCEPT ![self] = ""]
                                      /\ IF q[self] /= <<>>
                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                 /\ UNCHANGED << waiting, 
                                                                 spawned, 
                                                                 gsteps, wret, 
                                                                 cg, cgfrom, 
                                                                 cgto, cgret, 
                                                                 injl >>
                                            ELSE /\ IF GoVersion = "1.25"
                                                       THEN /\ wret' = [wret EXCEPT ![self] = "inject"]
                                                            /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                            /\ UNCHANGED << waiting, 
                                                                            spawned, 
                                                                            gsteps, 
                                                                            cg, 
                                                                            cgfrom, 
                                                                            cgto, 
                                                                            cgret, 
                                                                            injl >>
                                                       ELSE /\ IF preempt[pp'[self]]
                                                                  THEN /\ Probe("sysmon_preempt", self)
                                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                       /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                       /\ UNCHANGED << waiting, 
                                                                                       spawned, 
                                                                                       gsteps, 
                                                                                       injl >>
                                                                  ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                                             /\ spawned' = spawned + 1
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                             /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                             /\ UNCHANGED <<waiting, injl>>
                                                                          \/ /\ "exit" \in GActions
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                                          \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ \E w \in waiting:
                                                                                  /\ cg' = [cg EXCEPT ![self] = w]
                                                                                  /\ waiting' = waiting \ {w}
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<spawned, injl>>
                                                                          \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ LET l == SortedSeq(waiting) IN
                                                                                  /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                                  /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                             /\ waiting' = {}
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED spawned
                                                                          \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                             /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle')
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                             /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                            /\ wret' = wret
                      ELSE /\ sret' = [sret EXCEPT ![self] = ""]
                           /\ IF wret[self] = "execute"
                                 THEN /\ wret' = [wret EXCEPT ![self] = ""]
                                      /\ cg' = [cg EXCEPT ![self] = rung[self]]
                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                      /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                      /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                      /\ UNCHANGED << waiting, spawned, gsteps, 
                                                      injl >>
                                 ELSE /\ wret' = [wret EXCEPT ![self] = ""]
                                      /\ IF preempt[pp'[self]]
                                            THEN /\ Probe("sysmon_preempt", self)
                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                 /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                 /\ UNCHANGED << waiting, 
                                                                 spawned, 
                                                                 gsteps, injl >>
                                            ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                       /\ spawned' = spawned + 1
                                                       /\ gsteps' = gsteps + 1
                                                       /\ cg' = [cg EXCEPT ![self] = NoG]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                       /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                       /\ UNCHANGED <<waiting, injl>>
                                                    \/ /\ "exit" \in GActions
                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                       /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                       /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                       /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                    \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                       /\ gsteps' = gsteps + 1
                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                       /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                                    \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                       /\ gsteps' = gsteps + 1
                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                       /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                                    \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                       /\ gsteps' = gsteps + 1
                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                       /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                       /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                                    \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                       /\ gsteps' = gsteps + 1
                                                       /\ \E w \in waiting:
                                                            /\ cg' = [cg EXCEPT ![self] = w]
                                                            /\ waiting' = waiting \ {w}
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                       /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                       /\ UNCHANGED <<spawned, injl>>
                                                    \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                       /\ gsteps' = gsteps + 1
                                                       /\ LET l == SortedSeq(waiting) IN
                                                            /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                            /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                       /\ waiting' = {}
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                       /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                       /\ UNCHANGED spawned
                                                    \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                       /\ gsteps' = gsteps + 1
                                                       /\ cg' = [cg EXCEPT ![self] = NoG]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                       /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                                    \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle')
                                                       /\ gsteps' = gsteps + 1
                                                       /\ cg' = [cg EXCEPT ![self] = NoG]
                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                       /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                       /\ UNCHANGED <<waiting, spawned, injl>>
                /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                                runqsize, schedLock, grab, curg, nmspinning, 
                                schedtick, preempt, sysmonSeen, status, goid, 
                                allgs, unborn, goidgen, goidcache, 
                                goidcacheend, gFreeLocal, gFreeLocalN, 
                                gFreeStack, gFreeNoStack, gFreeN, gFreeLock, 
                                stackSize, startingStackSize, stacksAllocated, 
                                stacksFreed, sssChanges, gEpoch, grows, rqg, q, 
                                gq, victim, stealnext, ep, gmax, rqret, rbret, 
                                oldnext, next, rg, gp, h, t, n, i, st, qn, 
                                batch, gbatch, ehead, etail, enext, ewitness, 
                                phase, fg, parked, rung, inherit, gret, tries, 
                                sorder, vidx, bret, dret, newg, gpret >>

becomeSpinning(self) == /\ pc[self] = "becomeSpinning"
                        /\ spinning' = [spinning EXCEPT ![self] = TRUE]
                        /\ nmspinning' = nmspinning + 1
                        /\ needspinning' = 0
                        /\ IF bret[self] = "steal"
                              THEN /\ bret' = [bret EXCEPT ![self] = ""]
                                   /\ \E o \in StealOrders(pp[self]):
                                        LET j == NextBusy(o, 0) IN
                                          IF j = 0
                                             THEN /\ Probe("stealWork_all_idle", self)
                                                  /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                  /\ UNCHANGED << victim, 
                                                                  stealnext, 
                                                                  tries, 
                                                                  sorder, vidx >>
                                             ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                  /\ sorder' = [sorder EXCEPT ![self] = o]
                                                  /\ vidx' = [vidx EXCEPT ![self] = j]
                                                  /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                  /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                  /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                   /\ UNCHANGED << gmax, rung, inherit, gret, 
                                                   dret, cg, cgfrom, cgto, 
                                                   cgret >>
                              ELSE /\ IF bret[self] = "recheck"
                                         THEN /\ bret' = [bret EXCEPT ![self] = ""]
                                              /\ rung' = [rung EXCEPT ![self] = rung[self]]
                                              /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                              /\ IF spinning'[self]
                                                    THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                         /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                         /\ UNCHANGED << cg, 
                                                                         cgfrom, 
                                                                         cgto, 
                                                                         cgret >>
                                                    ELSE /\ cg' = [cg EXCEPT ![self] = rung'[self]]
                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                         /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                         /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                         /\ dret' = dret
                                              /\ UNCHANGED << gmax, gret >>
                                         ELSE /\ bret' = [bret EXCEPT ![self] = ""]
                                              /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                                                    THEN /\ Probe("findRunnable_tick", self)
                                                         /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                         /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                         /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                    ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                         /\ UNCHANGED << gmax, 
                                                                         gret >>
                                              /\ UNCHANGED << rung, inherit, 
                                                              dret, cg, cgfrom, 
                                                              cgto, cgret >>
                                   /\ UNCHANGED << victim, stealnext, tries, 
                                                   sorder, vidx >>
                        /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                        globrunq, runqsize, schedLock, grab, 
                                        thrown, pp, curg, pidle, midle, 
                                        schedtick, preempt, sysmonSeen, status, 
                                        goid, allgs, unborn, waiting, goidgen, 
                                        goidcache, goidcacheend, gFreeLocal, 
                                        gFreeLocalN, gFreeStack, gFreeNoStack, 
                                        gFreeN, gFreeLock, stackSize, 
                                        startingStackSize, stacksAllocated, 
                                        stacksFreed, sssChanges, gEpoch, grows, 
                                        spawned, gsteps, rqg, q, gq, ep, rqret, 
                                        rbret, oldnext, next, rg, gp, h, t, n, 
                                        i, st, qn, batch, gbatch, ehead, etail, 
                                        enext, ewitness, phase, fg, parked, 
                                        wret, wpp, smspin, sret, sn, newg, 
                                        injl, gpret >>

findRunnable_lockidle(self) == /\ pc[self] = "findRunnable_lockidle"
                               /\ schedLock = NoOne
                               /\ IF runqsize /= 0
                                     THEN /\ Probe("findRunnable_lockidle_global", self)
                                          /\ LET k == FairShare(runqsize, 0) IN
                                               LET gl == globrunq IN
                                                 /\ runqsize' = runqsize - k
                                                 /\ globrunq' = SubSeq(gl, k + 1, Len(gl))
                                                 /\ IF k > 1
                                                       THEN /\ Probe("findRunnable_lockidle_batch", self)
                                                       ELSE /\ TRUE
                                                 /\ IF GoVersion = "1.25"
                                                       THEN /\ IF k > 1
                                                                  THEN /\ rung' = [rung EXCEPT ![self] = Head(gl)]
                                                                       /\ q' = [q EXCEPT ![self] = SubSeq(gl, 2, k)]
                                                                       /\ rbret' = [rbret EXCEPT ![self] = "lockidle"]
                                                                       /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                       /\ UNCHANGED << inherit, 
                                                                                       dret, 
                                                                                       cg, 
                                                                                       cgfrom, 
                                                                                       cgto, 
                                                                                       cgret >>
                                                                  ELSE /\ rung' = [rung EXCEPT ![self] = Head(gl)]
                                                                       /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                       /\ IF spinning[self]
                                                                             THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                                  /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                                  /\ UNCHANGED << cg, 
                                                                                                  cgfrom, 
                                                                                                  cgto, 
                                                                                                  cgret >>
                                                                             ELSE /\ cg' = [cg EXCEPT ![self] = Head(gl)]
                                                                                  /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                                  /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                                  /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                                  /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                  /\ dret' = dret
                                                                       /\ UNCHANGED << q, 
                                                                                       rbret >>
                                                            /\ UNCHANGED << schedLock, 
                                                                            rqg, 
                                                                            rqret, 
                                                                            gbatch >>
                                                       ELSE /\ schedLock' = self
                                                            /\ rung' = [rung EXCEPT ![self] = Head(gl)]
                                                            /\ IF k > 1
                                                                  THEN /\ rqg' = [rqg EXCEPT ![self] = gl[2]]
                                                                       /\ gbatch' = [gbatch EXCEPT ![self] = SubSeq(gl, 3, k)]
                                                                       /\ rqret' = [rqret EXCEPT ![self] = "lockidle"]
                                                                       /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                  ELSE /\ pc' = [pc EXCEPT ![self] = "findRunnable_unlockidle"]
                                                                       /\ UNCHANGED << rqg, 
                                                                                       rqret, 
                                                                                       gbatch >>
                                                            /\ UNCHANGED << q, 
                                                                            rbret, 
                                                                            inherit, 
                                                                            dret, 
                                                                            cg, 
                                                                            cgfrom, 
                                                                            cgto, 
                                                                            cgret >>
                                          /\ UNCHANGED << thrown, pp, spinning, 
                                                          nmspinning, 
                                                          needspinning, pidle, 
                                                          gmax, gret >>
                                     ELSE /\ IF ~spinning[self] /\ needspinning = 1
                                                THEN /\ Probe("findRunnable_needspinning", self)
                                                     /\ spinning' = [spinning EXCEPT ![self] = TRUE]
                                                     /\ nmspinning' = nmspinning + 1
                                                     /\ needspinning' = 0
                                                     /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                                                           THEN /\ Probe("findRunnable_tick", self)
                                                                /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                           ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                /\ UNCHANGED << gmax, 
                                                                                gret >>
                                                     /\ UNCHANGED << thrown, 
                                                                     pp, pidle, 
                                                                     dret >>
                                                ELSE /\ IF runqhead[pp[self]] /= runqtail[pp[self]] \/ runnext[pp[self]] /= NoG
                                                           THEN /\ thrown' = "pidleput: P has non-empty run queue"
                                                           ELSE /\ TRUE
                                                                /\ UNCHANGED thrown
                                                     /\ pidle' = <<pp[self]>> \o pidle
                                                     /\ pp' = [pp EXCEPT ![self] = NoP]
                                                     /\ IF spinning[self]
                                                           THEN /\ dret' = [dret EXCEPT ![self] = "park"]
                                                                /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                           ELSE /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                                /\ dret' = dret
                                                     /\ UNCHANGED << spinning, 
                                                                     nmspinning, 
                                                                     needspinning, 
                                                                     gmax, 
                                                                     gret >>
                                          /\ UNCHANGED << globrunq, runqsize, 
                                                          schedLock, rqg, q, 
                                                          rqret, rbret, gbatch, 
                                                          rung, inherit, cg, 
                                                          cgfrom, cgto, cgret >>
                               /\ UNCHANGED << runq, runqhead, runqtail, 
                                               runnext, grab, curg, midle, 
                                               schedtick, preempt, sysmonSeen, 
                                               status, goid, allgs, unborn, 
                                               waiting, goidgen, goidcache, 
                                               goidcacheend, gFreeLocal, 
                                               gFreeLocalN, gFreeStack, 
                                               gFreeNoStack, gFreeN, gFreeLock, 
                                               stackSize, startingStackSize, 
                                               stacksAllocated, stacksFreed, 
                                               sssChanges, gEpoch, grows, 
                                               spawned, gsteps, gq, victim, 
                                               stealnext, ep, oldnext, next, 
                                               rg, gp, h, t, n, i, st, qn, 
                                               batch, ehead, etail, enext, 
                                               ewitness, phase, fg, parked, 
                                               tries, sorder, vidx, bret, wret, 
                                               wpp, smspin, sret, sn, newg, 
                                               injl, gpret >>

findRunnable_unlockidle(self) == /\ pc[self] = "findRunnable_unlockidle"
                                 /\ schedLock' = NoOne
                                 /\ rung' = [rung EXCEPT ![self] = rung[self]]
                                 /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                 /\ IF spinning[self]
                                       THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                            /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                            /\ UNCHANGED << cg, cgfrom, cgto, 
                                                            cgret >>
                                       ELSE /\ cg' = [cg EXCEPT ![self] = rung'[self]]
                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                            /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                            /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                            /\ dret' = dret
                                 /\ UNCHANGED << runq, runqhead, runqtail, 
                                                 runnext, globrunq, runqsize, 
                                                 grab, thrown, pp, curg, 
                                                 spinning, nmspinning, 
                                                 needspinning, pidle, midle, 
                                                 schedtick, preempt, 
                                                 sysmonSeen, status, goid, 
                                                 allgs, unborn, waiting, 
                                                 goidgen, goidcache, 
                                                 goidcacheend, gFreeLocal, 
                                                 gFreeLocalN, gFreeStack, 
                                                 gFreeNoStack, gFreeN, 
                                                 gFreeLock, stackSize, 
                                                 startingStackSize, 
                                                 stacksAllocated, stacksFreed, 
                                                 sssChanges, gEpoch, grows, 
                                                 spawned, gsteps, rqg, q, gq, 
                                                 victim, stealnext, ep, gmax, 
                                                 rqret, rbret, oldnext, next, 
                                                 rg, gp, h, t, n, i, st, qn, 
                                                 batch, gbatch, ehead, etail, 
                                                 enext, ewitness, phase, fg, 
                                                 parked, gret, tries, sorder, 
                                                 vidx, bret, wret, wpp, smspin, 
                                                 sret, sn, newg, injl, gpret >>

findRunnable_dropspinning(self) == /\ pc[self] = "findRunnable_dropspinning"
                                   /\ spinning' = [spinning EXCEPT ![self] = FALSE]
                                   /\ nmspinning' = nmspinning - 1
                                   /\ IF nmspinning' < 0
                                         THEN /\ thrown' = "findRunnable: negative nmspinning"
                                         ELSE /\ TRUE
                                              /\ UNCHANGED thrown
                                   /\ IF dret[self] = "reset"
                                         THEN /\ dret' = [dret EXCEPT ![self] = ""]
                                              /\ wret' = [wret EXCEPT ![self] = "execute"]
                                              /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                              /\ ep' = ep
                                         ELSE /\ IF GoVersion = "1.25"
                                                    THEN /\ dret' = [dret EXCEPT ![self] = ""]
                                                         /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockrecheck"]
                                                         /\ ep' = ep
                                                    ELSE /\ dret' = [dret EXCEPT ![self] = ""]
                                                         /\ LET p2 == ChecksRunqsFrom(NextBusyP(0)) IN
                                                              IF p2 = NoP
                                                                 THEN /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                                      /\ ep' = ep
                                                                 ELSE /\ ep' = [ep EXCEPT ![self] = p2]
                                                                      /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                              /\ wret' = wret
                                   /\ UNCHANGED << runq, runqhead, runqtail, 
                                                   runnext, globrunq, runqsize, 
                                                   schedLock, grab, pp, curg, 
                                                   needspinning, pidle, midle, 
                                                   schedtick, preempt, 
                                                   sysmonSeen, status, goid, 
                                                   allgs, unborn, waiting, 
                                                   goidgen, goidcache, 
                                                   goidcacheend, gFreeLocal, 
                                                   gFreeLocalN, gFreeStack, 
                                                   gFreeNoStack, gFreeN, 
                                                   gFreeLock, stackSize, 
                                                   startingStackSize, 
                                                   stacksAllocated, 
                                                   stacksFreed, sssChanges, 
                                                   gEpoch, grows, spawned, 
                                                   gsteps, rqg, q, gq, victim, 
                                                   stealnext, gmax, rqret, 
                                                   rbret, oldnext, next, rg, 
                                                   gp, h, t, n, i, st, qn, 
                                                   batch, gbatch, ehead, etail, 
                                                   enext, ewitness, phase, fg, 
                                                   parked, rung, inherit, gret, 
                                                   tries, sorder, vidx, bret, 
                                                   wpp, smspin, sret, sn, cg, 
                                                   cgfrom, cgto, cgret, newg, 
                                                   injl, gpret >>

findRunnable_lockrecheck(self) == /\ pc[self] = "findRunnable_lockrecheck"
                                  /\ schedLock = NoOne
                                  /\ IF runqsize /= 0 /\ pidle /= <<>>
                                        THEN /\ Probe("findRunnable_recheck_global", self)
                                             /\ pp' = [pp EXCEPT ![self] = Head(pidle)]
                                             /\ pidle' = Tail(pidle)
                                             /\ LET k == FairShare(runqsize, 0) IN
                                                  LET gl == globrunq IN
                                                    /\ runqsize' = runqsize - k
                                                    /\ globrunq' = SubSeq(gl, k + 1, Len(gl))
                                                    /\ rung' = [rung EXCEPT ![self] = Head(gl)]
                                                    /\ IF k > 1
                                                          THEN /\ q' = [q EXCEPT ![self] = SubSeq(gl, 2, k)]
                                                               /\ rbret' = [rbret EXCEPT ![self] = "recheck"]
                                                               /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                               /\ bret' = bret
                                                          ELSE /\ bret' = [bret EXCEPT ![self] = "recheck"]
                                                               /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                               /\ UNCHANGED << q, 
                                                                               rbret >>
                                             /\ UNCHANGED << needspinning, ep >>
                                        ELSE /\ IF runqsize /= 0
                                                   THEN /\ Probe("findRunnable_recheck_noP", self)
                                                        /\ needspinning' = 1
                                                   ELSE /\ TRUE
                                                        /\ UNCHANGED needspinning
                                             /\ LET p2 == ChecksRunqsFrom(NextBusyP(0)) IN
                                                  IF p2 = NoP
                                                     THEN /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                          /\ ep' = ep
                                                     ELSE /\ ep' = [ep EXCEPT ![self] = p2]
                                                          /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                             /\ UNCHANGED << globrunq, 
                                                             runqsize, pp, 
                                                             pidle, q, rbret, 
                                                             rung, bret >>
                                  /\ UNCHANGED << runq, runqhead, runqtail, 
                                                  runnext, schedLock, grab, 
                                                  thrown, curg, spinning, 
                                                  nmspinning, midle, schedtick, 
                                                  preempt, sysmonSeen, status, 
                                                  goid, allgs, unborn, waiting, 
                                                  goidgen, goidcache, 
                                                  goidcacheend, gFreeLocal, 
                                                  gFreeLocalN, gFreeStack, 
                                                  gFreeNoStack, gFreeN, 
                                                  gFreeLock, stackSize, 
                                                  startingStackSize, 
                                                  stacksAllocated, stacksFreed, 
                                                  sssChanges, gEpoch, grows, 
                                                  spawned, gsteps, rqg, gq, 
                                                  victim, stealnext, gmax, 
                                                  rqret, oldnext, next, rg, gp, 
                                                  h, t, n, i, st, qn, batch, 
                                                  gbatch, ehead, etail, enext, 
                                                  ewitness, phase, fg, parked, 
                                                  inherit, gret, tries, sorder, 
                                                  vidx, dret, wret, wpp, 
                                                  smspin, sret, sn, cg, cgfrom, 
                                                  cgto, cgret, newg, injl, 
                                                  gpret >>

checkRunqsNoP_lock(self) == /\ pc[self] = "checkRunqsNoP_lock"
                            /\ schedLock = NoOne
                            /\ ep' = [ep EXCEPT ![self] = NoP]
                            /\ IF pidle = <<>>
                                  THEN /\ Probe("checkRunqsNoP_noP", self)
                                       /\ needspinning' = 1
                                       /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                       /\ UNCHANGED << pp, pidle, bret >>
                                  ELSE /\ pp' = [pp EXCEPT ![self] = Head(pidle)]
                                       /\ pidle' = Tail(pidle)
                                       /\ bret' = [bret EXCEPT ![self] = "top"]
                                       /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                       /\ UNCHANGED needspinning
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, curg, spinning, 
                                            nmspinning, midle, schedtick, 
                                            preempt, sysmonSeen, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, q, gq, 
                                            victim, stealnext, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, t, 
                                            n, i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            parked, rung, inherit, gret, tries, 
                                            sorder, vidx, dret, wret, wpp, 
                                            smspin, sret, sn, cg, cgfrom, cgto, 
                                            cgret, newg, injl, gpret >>

runqempty_loadhead(self) == /\ pc[self] = "runqempty_loadhead"
                            /\ ehead' = [ehead EXCEPT ![self] = runqhead[ep[self]]]
                            /\ grab' = [grab EXCEPT ![self] = Tear!Begin(ep[self], runqhead[ep[self]])]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_loadtail"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, t, 
                                            n, i, st, qn, batch, gbatch, etail, 
                                            enext, ewitness, phase, fg, parked, 
                                            rung, inherit, gret, tries, sorder, 
                                            vidx, bret, dret, wret, wpp, 
                                            smspin, sret, sn, cg, cgfrom, cgto, 
                                            cgret, newg, injl, gpret >>

runqempty_loadtail(self) == /\ pc[self] = "runqempty_loadtail"
                            /\ etail' = [etail EXCEPT ![self] = runqtail[ep[self]]]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_loadnext"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, t, 
                                            n, i, st, qn, batch, gbatch, ehead, 
                                            enext, ewitness, phase, fg, parked, 
                                            rung, inherit, gret, tries, sorder, 
                                            vidx, bret, dret, wret, wpp, 
                                            smspin, sret, sn, cg, cgfrom, cgto, 
                                            cgret, newg, injl, gpret >>

runqempty_loadnext(self) == /\ pc[self] = "runqempty_loadnext"
                            /\ enext' = [enext EXCEPT ![self] = runnext[ep[self]]]
                            /\ ewitness' = [ewitness EXCEPT ![self] = (runqhead[ep[self]] = runqtail[ep[self]] /\ runnext[ep[self]] = NoG)]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_recheck"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, t, 
                                            n, i, st, qn, batch, gbatch, ehead, 
                                            etail, phase, fg, parked, rung, 
                                            inherit, gret, tries, sorder, vidx, 
                                            bret, dret, wret, wpp, smspin, 
                                            sret, sn, cg, cgfrom, cgto, cgret, 
                                            newg, injl, gpret >>

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
                                           /\ IF ~res
                                                 THEN /\ Probe("checkRunqsNoP_found", self)
                                                      /\ pc' = [pc EXCEPT ![self] = "checkRunqsNoP_lock"]
                                                      /\ ep' = ep
                                                 ELSE /\ LET p2 == NextBusyP(ep[self]) IN
                                                           IF p2 = NoP
                                                              THEN /\ ep' = [ep EXCEPT ![self] = NoP]
                                                                   /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                              ELSE /\ ep' = [ep EXCEPT ![self] = p2]
                                                                   /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                 ELSE /\ Probe("runqempty_retry", self)
                                      /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                      /\ UNCHANGED << grab, ep, ehead, etail, 
                                                      enext, ewitness >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, preempt, 
                                           sysmonSeen, status, goid, allgs, 
                                           unborn, waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           gsteps, rqg, q, gq, victim, 
                                           stealnext, gmax, rqret, rbret, 
                                           oldnext, next, rg, gp, h, t, n, i, 
                                           st, qn, batch, gbatch, phase, fg, 
                                           parked, rung, inherit, gret, tries, 
                                           sorder, vidx, bret, dret, wret, wpp, 
                                           smspin, sret, sn, cg, cgfrom, cgto, 
                                           cgret, newg, injl, gpret >>

runqput_loadnext(self) == /\ pc[self] = "runqput_loadnext"
                          /\ oldnext' = [oldnext EXCEPT ![self] = runnext[pp[self]]]
                          /\ pc' = [pc EXCEPT ![self] = "runqput_casnext"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, rqg, q, gq, victim, 
                                          stealnext, ep, gmax, rqret, rbret, 
                                          next, rg, gp, h, t, n, i, st, qn, 
                                          batch, gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, parked, rung, 
                                          inherit, gret, tries, sorder, vidx, 
                                          bret, dret, wret, wpp, smspin, sret, 
                                          sn, cg, cgfrom, cgto, cgret, newg, 
                                          injl, gpret >>

runqput_casnext(self) == /\ pc[self] = "runqput_casnext"
                         /\ IF runnext[pp[self]] = oldnext[self]
                               THEN /\ runnext' = [runnext EXCEPT ![pp[self]] = rqg[self]]
                                    /\ IF oldnext[self] = NoG
                                          THEN /\ gq' = [gq EXCEPT ![self] = <<>>]
                                               /\ IF rqret[self] \in {"globrunqget", "lockidle"}
                                                     THEN /\ IF gbatch[self] /= <<>>
                                                                THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                                     /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                                     /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                     /\ rqret' = rqret
                                                                ELSE /\ IF rqret[self] = "globrunqget"
                                                                           THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                                /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                                           ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                                /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                                /\ pc' = [pc EXCEPT ![self] = "findRunnable_unlockidle"]
                                                                     /\ UNCHANGED gbatch
                                                          /\ UNCHANGED << gmax, 
                                                                          gret, 
                                                                          wret >>
                                                     ELSE /\ IF rqret[self] = "goyield"
                                                                THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                     /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                     /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                                                                           THEN /\ Probe("findRunnable_tick", self)
                                                                                /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                                /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                           ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                /\ UNCHANGED << gmax, 
                                                                                                gret >>
                                                                     /\ wret' = wret
                                                                ELSE /\ wret' = [wret EXCEPT ![self] = rqret[self]]
                                                                     /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                     /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                     /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                                     /\ UNCHANGED << gmax, 
                                                                                     gret >>
                                                          /\ UNCHANGED gbatch
                                               /\ UNCHANGED oldnext
                                          ELSE /\ Probe("runqput_kick", self)
                                               /\ rqg' = [rqg EXCEPT ![self] = oldnext[self]]
                                               /\ oldnext' = [oldnext EXCEPT ![self] = NoG]
                                               /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                               /\ UNCHANGED << gq, gmax, rqret, 
                                                               gbatch, gret, 
                                                               wret >>
                               ELSE /\ Probe("runqput_retryNext", self)
                                    /\ oldnext' = [oldnext EXCEPT ![self] = NoG]
                                    /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                    /\ UNCHANGED << runnext, rqg, gq, gmax, 
                                                    rqret, gbatch, gret, wret >>
                         /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         curg, spinning, nmspinning, 
                                         needspinning, pidle, midle, schedtick, 
                                         preempt, sysmonSeen, status, goid, 
                                         allgs, unborn, waiting, goidgen, 
                                         goidcache, goidcacheend, gFreeLocal, 
                                         gFreeLocalN, gFreeStack, gFreeNoStack, 
                                         gFreeN, gFreeLock, stackSize, 
                                         startingStackSize, stacksAllocated, 
                                         stacksFreed, sssChanges, gEpoch, 
                                         grows, spawned, gsteps, q, victim, 
                                         stealnext, ep, rbret, next, rg, gp, h, 
                                         t, n, i, st, qn, batch, ehead, etail, 
                                         enext, ewitness, phase, fg, parked, 
                                         rung, inherit, tries, sorder, vidx, 
                                         bret, dret, wpp, smspin, sret, sn, cg, 
                                         cgfrom, cgto, cgret, newg, injl, 
                                         gpret >>

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
                                          pp, curg, spinning, nmspinning, 
                                          needspinning, pidle, midle, 
                                          schedtick, preempt, sysmonSeen, 
                                          status, goid, allgs, unborn, waiting, 
                                          goidgen, goidcache, goidcacheend, 
                                          gFreeLocal, gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, rqg, q, gq, victim, 
                                          stealnext, ep, gmax, rqret, rbret, 
                                          oldnext, next, rg, gp, i, st, qn, 
                                          batch, gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, parked, rung, 
                                          inherit, gret, tries, sorder, vidx, 
                                          bret, dret, wret, wpp, smspin, sret, 
                                          sn, cg, cgfrom, cgto, cgret, newg, 
                                          injl, gpret >>

runqput_store(self) == /\ pc[self] = "runqput_store"
                       /\ IF TailBeforeSlot
                             THEN /\ runqtail' = [runqtail EXCEPT ![(pp[self])] = Inc(t[self], 1)]
                                  /\ UNCHANGED << runq, grab >>
                             ELSE /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = rqg[self]]
                                  /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(t[self])))
                                  /\ UNCHANGED runqtail
                       /\ pc' = [pc EXCEPT ![self] = "runqput_storetail"]
                       /\ UNCHANGED << runqhead, runnext, globrunq, runqsize, 
                                       schedLock, thrown, pp, curg, spinning, 
                                       nmspinning, needspinning, pidle, midle, 
                                       schedtick, preempt, sysmonSeen, status, 
                                       goid, allgs, unborn, waiting, goidgen, 
                                       goidcache, goidcacheend, gFreeLocal, 
                                       gFreeLocalN, gFreeStack, gFreeNoStack, 
                                       gFreeN, gFreeLock, stackSize, 
                                       startingStackSize, stacksAllocated, 
                                       stacksFreed, sssChanges, gEpoch, grows, 
                                       spawned, gsteps, rqg, q, gq, victim, 
                                       stealnext, ep, gmax, rqret, rbret, 
                                       oldnext, next, rg, gp, h, t, n, i, st, 
                                       qn, batch, gbatch, ehead, etail, enext, 
                                       ewitness, phase, fg, parked, rung, 
                                       inherit, gret, tries, sorder, vidx, 
                                       bret, dret, wret, wpp, smspin, sret, sn, 
                                       cg, cgfrom, cgto, cgret, newg, injl, 
                                       gpret >>

runqput_storetail(self) == /\ pc[self] = "runqput_storetail"
                           /\ IF TailBeforeSlot
                                 THEN /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = rqg[self]]
                                      /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(t[self])))
                                      /\ UNCHANGED runqtail
                                 ELSE /\ runqtail' = [runqtail EXCEPT ![(pp[self])] = Inc(t[self], 1)]
                                      /\ UNCHANGED << runq, grab >>
                           /\ h' = [h EXCEPT ![self] = 0]
                           /\ t' = [t EXCEPT ![self] = 0]
                           /\ gq' = [gq EXCEPT ![self] = <<>>]
                           /\ IF rqret[self] \in {"globrunqget", "lockidle"}
                                 THEN /\ IF gbatch[self] /= <<>>
                                            THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                 /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                 /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                 /\ rqret' = rqret
                                            ELSE /\ IF rqret[self] = "globrunqget"
                                                       THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                            /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                            /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                       ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                            /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                            /\ pc' = [pc EXCEPT ![self] = "findRunnable_unlockidle"]
                                                 /\ UNCHANGED gbatch
                                      /\ UNCHANGED << gmax, gret, wret >>
                                 ELSE /\ IF rqret[self] = "goyield"
                                            THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                 /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                 /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                                                       THEN /\ Probe("findRunnable_tick", self)
                                                            /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                            /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                            /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                            /\ UNCHANGED << gmax, 
                                                                            gret >>
                                                 /\ wret' = wret
                                            ELSE /\ wret' = [wret EXCEPT ![self] = rqret[self]]
                                                 /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                 /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                 /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                 /\ UNCHANGED << gmax, gret >>
                                      /\ UNCHANGED gbatch
                           /\ UNCHANGED << runqhead, runnext, globrunq, 
                                           runqsize, schedLock, thrown, pp, 
                                           curg, spinning, nmspinning, 
                                           needspinning, pidle, midle, 
                                           schedtick, preempt, sysmonSeen, 
                                           status, goid, allgs, unborn, 
                                           waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           gsteps, q, victim, stealnext, ep, 
                                           rbret, oldnext, next, rg, gp, n, i, 
                                           st, qn, batch, ehead, etail, enext, 
                                           ewitness, phase, fg, parked, rung, 
                                           inherit, tries, sorder, vidx, bret, 
                                           dret, wpp, smspin, sret, sn, cg, 
                                           cgfrom, cgto, cgret, newg, injl, 
                                           gpret >>

runqputslow_copy(self) == /\ pc[self] = "runqputslow_copy"
                          /\ batch' = [batch EXCEPT ![self] = Append(batch[self], runq[pp[self]][Slot(Inc(h[self], i[self]))])]
                          /\ i' = [i EXCEPT ![self] = i[self] + 1]
                          /\ IF i'[self] < n[self]
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqputslow_copy"]
                                ELSE /\ pc' = [pc EXCEPT ![self] = "runqputslow_cas"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, rqg, q, gq, victim, 
                                          stealnext, ep, gmax, rqret, rbret, 
                                          oldnext, next, rg, gp, h, t, n, st, 
                                          qn, gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, parked, rung, 
                                          inherit, gret, tries, sorder, vidx, 
                                          bret, dret, wret, wpp, smspin, sret, 
                                          sn, cg, cgfrom, cgto, cgret, newg, 
                                          injl, gpret >>

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
                                         runqsize, schedLock, thrown, pp, curg, 
                                         spinning, nmspinning, needspinning, 
                                         pidle, midle, schedtick, preempt, 
                                         sysmonSeen, status, goid, allgs, 
                                         unborn, waiting, goidgen, goidcache, 
                                         goidcacheend, gFreeLocal, gFreeLocalN, 
                                         gFreeStack, gFreeNoStack, gFreeN, 
                                         gFreeLock, stackSize, 
                                         startingStackSize, stacksAllocated, 
                                         stacksFreed, sssChanges, gEpoch, 
                                         grows, spawned, gsteps, q, victim, 
                                         stealnext, ep, gmax, rqret, rbret, 
                                         oldnext, next, rg, gp, st, qn, gbatch, 
                                         ehead, etail, enext, ewitness, phase, 
                                         fg, parked, rung, inherit, gret, 
                                         tries, sorder, vidx, bret, dret, wret, 
                                         wpp, smspin, sret, sn, cg, cgfrom, 
                                         cgto, cgret, newg, injl, gpret >>

runqputslow_lock(self) == /\ pc[self] = "runqputslow_lock"
                          /\ IF RunqputslowNoLock
                                THEN /\ IF phase[self] = 0
                                           THEN /\ batch' = [batch EXCEPT ![self] = globrunq]
                                                /\ n' = [n EXCEPT ![self] = runqsize]
                                                /\ phase' = [phase EXCEPT ![self] = 1]
                                                /\ pc' = [pc EXCEPT ![self] = "runqputslow_lock"]
                                                /\ UNCHANGED << globrunq, 
                                                                runqsize, rqg, 
                                                                gq, gmax, 
                                                                rqret, gbatch, 
                                                                gret, wret >>
                                           ELSE /\ globrunq' = batch[self] \o gq[self]
                                                /\ runqsize' = n[self] + Len(gq[self])
                                                /\ batch' = [batch EXCEPT ![self] = <<>>]
                                                /\ n' = [n EXCEPT ![self] = 0]
                                                /\ phase' = [phase EXCEPT ![self] = 0]
                                                /\ gq' = [gq EXCEPT ![self] = <<>>]
                                                /\ IF rqret[self] \in {"globrunqget", "lockidle"}
                                                      THEN /\ IF gbatch[self] /= <<>>
                                                                 THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                                      /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                                      /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                                      /\ rqret' = rqret
                                                                 ELSE /\ IF rqret[self] = "globrunqget"
                                                                            THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                                 /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                                 /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                                            ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                                 /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                                 /\ pc' = [pc EXCEPT ![self] = "findRunnable_unlockidle"]
                                                                      /\ UNCHANGED gbatch
                                                           /\ UNCHANGED << gmax, 
                                                                           gret, 
                                                                           wret >>
                                                      ELSE /\ IF rqret[self] = "goyield"
                                                                 THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                      /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                      /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize' > 0
                                                                            THEN /\ Probe("findRunnable_tick", self)
                                                                                 /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                                 /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                                 /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                            ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                 /\ UNCHANGED << gmax, 
                                                                                                 gret >>
                                                                      /\ wret' = wret
                                                                 ELSE /\ wret' = [wret EXCEPT ![self] = rqret[self]]
                                                                      /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                      /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                      /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                                      /\ UNCHANGED << gmax, 
                                                                                      gret >>
                                                           /\ UNCHANGED gbatch
                                ELSE /\ schedLock = NoOne
                                     /\ globrunq' = globrunq \o gq[self]
                                     /\ runqsize' = runqsize + Len(gq[self])
                                     /\ gq' = [gq EXCEPT ![self] = <<>>]
                                     /\ IF rqret[self] \in {"globrunqget", "lockidle"}
                                           THEN /\ IF gbatch[self] /= <<>>
                                                      THEN /\ rqg' = [rqg EXCEPT ![self] = Head(gbatch[self])]
                                                           /\ gbatch' = [gbatch EXCEPT ![self] = Tail(gbatch[self])]
                                                           /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                           /\ rqret' = rqret
                                                      ELSE /\ IF rqret[self] = "globrunqget"
                                                                 THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                      /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                      /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                                 ELSE /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                                      /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                                      /\ pc' = [pc EXCEPT ![self] = "findRunnable_unlockidle"]
                                                           /\ UNCHANGED gbatch
                                                /\ UNCHANGED << gmax, gret, 
                                                                wret >>
                                           ELSE /\ IF rqret[self] = "goyield"
                                                      THEN /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                           /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                           /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize' > 0
                                                                 THEN /\ Probe("findRunnable_tick", self)
                                                                      /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                      /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                      /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                 ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                      /\ UNCHANGED << gmax, 
                                                                                      gret >>
                                                           /\ wret' = wret
                                                      ELSE /\ wret' = [wret EXCEPT ![self] = rqret[self]]
                                                           /\ rqret' = [rqret EXCEPT ![self] = ""]
                                                           /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                                           /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                           /\ UNCHANGED << gmax, 
                                                                           gret >>
                                                /\ UNCHANGED gbatch
                                     /\ UNCHANGED << n, batch, phase >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          schedLock, grab, thrown, pp, curg, 
                                          spinning, nmspinning, needspinning, 
                                          pidle, midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, q, victim, stealnext, ep, 
                                          rbret, oldnext, next, rg, gp, h, t, 
                                          i, st, qn, ehead, etail, enext, 
                                          ewitness, fg, parked, rung, inherit, 
                                          tries, sorder, vidx, bret, dret, wpp, 
                                          smspin, sret, sn, cg, cgfrom, cgto, 
                                          cgret, newg, injl, gpret >>

runqputbatch_loadhead(self) == /\ pc[self] = "runqputbatch_loadhead"
                               /\ h' = [h EXCEPT ![self] = runqhead[pp[self]]]
                               /\ t' = [t EXCEPT ![self] = runqtail[pp[self]]]
                               /\ IF q[self] /= <<>> /\ Dist(t'[self], h'[self]) < RingSize
                                     THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_store"]
                                     ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_storetail"]
                               /\ UNCHANGED << runq, runqhead, runqtail, 
                                               runnext, globrunq, runqsize, 
                                               schedLock, grab, thrown, pp, 
                                               curg, spinning, nmspinning, 
                                               needspinning, pidle, midle, 
                                               schedtick, preempt, sysmonSeen, 
                                               status, goid, allgs, unborn, 
                                               waiting, goidgen, goidcache, 
                                               goidcacheend, gFreeLocal, 
                                               gFreeLocalN, gFreeStack, 
                                               gFreeNoStack, gFreeN, gFreeLock, 
                                               stackSize, startingStackSize, 
                                               stacksAllocated, stacksFreed, 
                                               sssChanges, gEpoch, grows, 
                                               spawned, gsteps, rqg, q, gq, 
                                               victim, stealnext, ep, gmax, 
                                               rqret, rbret, oldnext, next, rg, 
                                               gp, n, i, st, qn, batch, gbatch, 
                                               ehead, etail, enext, ewitness, 
                                               phase, fg, parked, rung, 
                                               inherit, gret, tries, sorder, 
                                               vidx, bret, dret, wret, wpp, 
                                               smspin, sret, sn, cg, cgfrom, 
                                               cgto, cgret, newg, injl, gpret >>

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
                                            thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, h, n, 
                                            i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            parked, rung, inherit, gret, tries, 
                                            sorder, vidx, bret, dret, wret, 
                                            wpp, smspin, sret, sn, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqputbatch_storetail(self) == /\ pc[self] = "runqputbatch_storetail"
                                /\ runqtail' = [runqtail EXCEPT ![pp[self]] = t[self]]
                                /\ h' = [h EXCEPT ![self] = 0]
                                /\ t' = [t EXCEPT ![self] = 0]
                                /\ IF q[self] = <<>> \/ GoVersion = "1.25"
                                      THEN /\ IF q[self] /= <<>>
                                                 THEN /\ Probe("runqputbatch_rest_kept", self)
                                                 ELSE /\ TRUE
                                           /\ IF rbret[self] \in {"globrunqget", "lockidle", "recheck"}
                                                 THEN /\ IF q[self] /= <<>>
                                                            THEN /\ thrown' = "Couldn't put Gs into empty local runq"
                                                            ELSE /\ TRUE
                                                                 /\ UNCHANGED thrown
                                                      /\ q' = [q EXCEPT ![self] = <<>>]
                                                      /\ LET caller == rbret[self] IN
                                                           LET g == gp[self] IN
                                                             /\ rbret' = [rbret EXCEPT ![self] = ""]
                                                             /\ IF caller = "globrunqget"
                                                                   THEN /\ gp' = [gp EXCEPT ![self] = NoG]
                                                                        /\ LET from == gret[self] IN
                                                                             /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                                             /\ gret' = [gret EXCEPT ![self] = ""]
                                                                             /\ IF g /= NoG
                                                                                   THEN /\ rung' = [rung EXCEPT ![self] = g]
                                                                                        /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                                        /\ IF spinning[self]
                                                                                              THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                                                   /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                                                   /\ UNCHANGED << cg, 
                                                                                                                   cgfrom, 
                                                                                                                   cgto, 
                                                                                                                   cgret >>
                                                                                              ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                                                                   /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                                                   /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                                                   /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                                                   /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                                   /\ dret' = dret
                                                                                        /\ UNCHANGED << victim, 
                                                                                                        stealnext, 
                                                                                                        tries, 
                                                                                                        sorder, 
                                                                                                        vidx, 
                                                                                                        bret >>
                                                                                   ELSE /\ IF from = "tick"
                                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                   /\ UNCHANGED << victim, 
                                                                                                                   stealnext, 
                                                                                                                   tries, 
                                                                                                                   sorder, 
                                                                                                                   vidx, 
                                                                                                                   bret >>
                                                                                              ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                                                         THEN /\ IF ~spinning[self]
                                                                                                                    THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                                                         /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                                                         /\ UNCHANGED << victim, 
                                                                                                                                         stealnext, 
                                                                                                                                         tries, 
                                                                                                                                         sorder, 
                                                                                                                                         vidx >>
                                                                                                                    ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                                                              LET j == NextBusy(o, 0) IN
                                                                                                                                IF j = 0
                                                                                                                                   THEN /\ Probe("stealWork_all_idle", self)
                                                                                                                                        /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                                                        /\ UNCHANGED << victim, 
                                                                                                                                                        stealnext, 
                                                                                                                                                        tries, 
                                                                                                                                                        sorder, 
                                                                                                                                                        vidx >>
                                                                                                                                   ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                                                        /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                                                        /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                                                        /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                                                        /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                                                        /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                         /\ bret' = bret
                                                                                                         ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                                                              /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                              /\ UNCHANGED << victim, 
                                                                                                                              stealnext, 
                                                                                                                              tries, 
                                                                                                                              sorder, 
                                                                                                                              vidx, 
                                                                                                                              bret >>
                                                                                        /\ UNCHANGED << rung, 
                                                                                                        inherit, 
                                                                                                        dret, 
                                                                                                        cg, 
                                                                                                        cgfrom, 
                                                                                                        cgto, 
                                                                                                        cgret >>
                                                                   ELSE /\ IF caller = "recheck"
                                                                              THEN /\ bret' = [bret EXCEPT ![self] = "recheck"]
                                                                                   /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                   /\ UNCHANGED << rung, 
                                                                                                   inherit, 
                                                                                                   dret, 
                                                                                                   cg, 
                                                                                                   cgfrom, 
                                                                                                   cgto, 
                                                                                                   cgret >>
                                                                              ELSE /\ rung' = [rung EXCEPT ![self] = rung[self]]
                                                                                   /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                                   /\ IF spinning[self]
                                                                                         THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                                              /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                                              /\ UNCHANGED << cg, 
                                                                                                              cgfrom, 
                                                                                                              cgto, 
                                                                                                              cgret >>
                                                                                         ELSE /\ cg' = [cg EXCEPT ![self] = rung'[self]]
                                                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                                              /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                                              /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                              /\ dret' = dret
                                                                                   /\ bret' = bret
                                                                        /\ UNCHANGED << victim, 
                                                                                        stealnext, 
                                                                                        gmax, 
                                                                                        gp, 
                                                                                        gret, 
                                                                                        tries, 
                                                                                        sorder, 
                                                                                        vidx >>
                                                      /\ UNCHANGED << waiting, 
                                                                      spawned, 
                                                                      gsteps, 
                                                                      wret, 
                                                                      injl >>
                                                 ELSE /\ IF ~FALSE /\ q[self] /= <<>>
                                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_lock"]
                                                                 /\ UNCHANGED << waiting, 
                                                                                 spawned, 
                                                                                 gsteps, 
                                                                                 q, 
                                                                                 wret, 
                                                                                 cg, 
                                                                                 cgfrom, 
                                                                                 cgto, 
                                                                                 cgret, 
                                                                                 injl >>
                                                            ELSE /\ q' = [q EXCEPT ![self] = <<>>]
                                                                 /\ IF GoVersion = "1.25"
                                                                       THEN /\ wret' = [wret EXCEPT ![self] = "inject"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                                            /\ UNCHANGED << waiting, 
                                                                                            spawned, 
                                                                                            gsteps, 
                                                                                            cg, 
                                                                                            cgfrom, 
                                                                                            cgto, 
                                                                                            cgret, 
                                                                                            injl >>
                                                                       ELSE /\ IF preempt[pp[self]]
                                                                                  THEN /\ Probe("sysmon_preempt", self)
                                                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                                       /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                       /\ UNCHANGED << waiting, 
                                                                                                       spawned, 
                                                                                                       gsteps, 
                                                                                                       injl >>
                                                                                  ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                                                             /\ spawned' = spawned + 1
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                                             /\ UNCHANGED <<waiting, injl>>
                                                                                          \/ /\ "exit" \in GActions
                                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                                                          \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                                          \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                                          \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                                          \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ \E w \in waiting:
                                                                                                  /\ cg' = [cg EXCEPT ![self] = w]
                                                                                                  /\ waiting' = waiting \ {w}
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ UNCHANGED <<spawned, injl>>
                                                                                          \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ LET l == SortedSeq(waiting) IN
                                                                                                  /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                                                  /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                                             /\ waiting' = {}
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ UNCHANGED spawned
                                                                                          \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                                          \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                                                             /\ gsteps' = gsteps + 1
                                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                            /\ wret' = wret
                                                      /\ UNCHANGED << thrown, 
                                                                      victim, 
                                                                      stealnext, 
                                                                      gmax, 
                                                                      rbret, 
                                                                      gp, rung, 
                                                                      inherit, 
                                                                      gret, 
                                                                      tries, 
                                                                      sorder, 
                                                                      vidx, 
                                                                      bret, 
                                                                      dret >>
                                      ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_lock"]
                                           /\ UNCHANGED << thrown, waiting, 
                                                           spawned, gsteps, q, 
                                                           victim, stealnext, 
                                                           gmax, rbret, gp, 
                                                           rung, inherit, gret, 
                                                           tries, sorder, vidx, 
                                                           bret, dret, wret, 
                                                           cg, cgfrom, cgto, 
                                                           cgret, injl >>
                                /\ UNCHANGED << runq, runqhead, runnext, 
                                                globrunq, runqsize, schedLock, 
                                                grab, pp, curg, spinning, 
                                                nmspinning, needspinning, 
                                                pidle, midle, schedtick, 
                                                preempt, sysmonSeen, status, 
                                                goid, allgs, unborn, goidgen, 
                                                goidcache, goidcacheend, 
                                                gFreeLocal, gFreeLocalN, 
                                                gFreeStack, gFreeNoStack, 
                                                gFreeN, gFreeLock, stackSize, 
                                                startingStackSize, 
                                                stacksAllocated, stacksFreed, 
                                                sssChanges, gEpoch, grows, rqg, 
                                                gq, ep, rqret, oldnext, next, 
                                                rg, n, i, st, qn, batch, 
                                                gbatch, ehead, etail, enext, 
                                                ewitness, phase, fg, parked, 
                                                wpp, smspin, sret, sn, newg, 
                                                gpret >>

runqputbatch_lock(self) == /\ pc[self] = "runqputbatch_lock"
                           /\ schedLock = NoOne
                           /\ Probe("runqputbatch_spill", self)
                           /\ globrunq' = globrunq \o q[self]
                           /\ runqsize' = runqsize + Len(q[self])
                           /\ IF rbret[self] \in {"globrunqget", "lockidle", "recheck"}
                                 THEN /\ IF q[self] /= <<>>
                                            THEN /\ thrown' = "Couldn't put Gs into empty local runq"
                                            ELSE /\ TRUE
                                                 /\ UNCHANGED thrown
                                      /\ q' = [q EXCEPT ![self] = <<>>]
                                      /\ LET caller == rbret[self] IN
                                           LET g == gp[self] IN
                                             /\ rbret' = [rbret EXCEPT ![self] = ""]
                                             /\ IF caller = "globrunqget"
                                                   THEN /\ gp' = [gp EXCEPT ![self] = NoG]
                                                        /\ LET from == gret[self] IN
                                                             /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                             /\ gret' = [gret EXCEPT ![self] = ""]
                                                             /\ IF g /= NoG
                                                                   THEN /\ rung' = [rung EXCEPT ![self] = g]
                                                                        /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                        /\ IF spinning[self]
                                                                              THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                                   /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                                   /\ UNCHANGED << cg, 
                                                                                                   cgfrom, 
                                                                                                   cgto, 
                                                                                                   cgret >>
                                                                              ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                                                   /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                                   /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                                   /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                                   /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                   /\ dret' = dret
                                                                        /\ UNCHANGED << victim, 
                                                                                        stealnext, 
                                                                                        tries, 
                                                                                        sorder, 
                                                                                        vidx, 
                                                                                        bret >>
                                                                   ELSE /\ IF from = "tick"
                                                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                   /\ UNCHANGED << victim, 
                                                                                                   stealnext, 
                                                                                                   tries, 
                                                                                                   sorder, 
                                                                                                   vidx, 
                                                                                                   bret >>
                                                                              ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                                         THEN /\ IF ~spinning[self]
                                                                                                    THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                                         /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                                         /\ UNCHANGED << victim, 
                                                                                                                         stealnext, 
                                                                                                                         tries, 
                                                                                                                         sorder, 
                                                                                                                         vidx >>
                                                                                                    ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                                              LET j == NextBusy(o, 0) IN
                                                                                                                IF j = 0
                                                                                                                   THEN /\ Probe("stealWork_all_idle", self)
                                                                                                                        /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                                        /\ UNCHANGED << victim, 
                                                                                                                                        stealnext, 
                                                                                                                                        tries, 
                                                                                                                                        sorder, 
                                                                                                                                        vidx >>
                                                                                                                   ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                                        /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                                        /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                                        /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                                        /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                                        /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                         /\ bret' = bret
                                                                                         ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                                              /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                              /\ UNCHANGED << victim, 
                                                                                                              stealnext, 
                                                                                                              tries, 
                                                                                                              sorder, 
                                                                                                              vidx, 
                                                                                                              bret >>
                                                                        /\ UNCHANGED << rung, 
                                                                                        inherit, 
                                                                                        dret, 
                                                                                        cg, 
                                                                                        cgfrom, 
                                                                                        cgto, 
                                                                                        cgret >>
                                                   ELSE /\ IF caller = "recheck"
                                                              THEN /\ bret' = [bret EXCEPT ![self] = "recheck"]
                                                                   /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                   /\ UNCHANGED << rung, 
                                                                                   inherit, 
                                                                                   dret, 
                                                                                   cg, 
                                                                                   cgfrom, 
                                                                                   cgto, 
                                                                                   cgret >>
                                                              ELSE /\ rung' = [rung EXCEPT ![self] = rung[self]]
                                                                   /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                   /\ IF spinning[self]
                                                                         THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                              /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                              /\ UNCHANGED << cg, 
                                                                                              cgfrom, 
                                                                                              cgto, 
                                                                                              cgret >>
                                                                         ELSE /\ cg' = [cg EXCEPT ![self] = rung'[self]]
                                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                              /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                              /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                              /\ dret' = dret
                                                                   /\ bret' = bret
                                                        /\ UNCHANGED << victim, 
                                                                        stealnext, 
                                                                        gmax, 
                                                                        gp, 
                                                                        gret, 
                                                                        tries, 
                                                                        sorder, 
                                                                        vidx >>
                                      /\ UNCHANGED << waiting, spawned, gsteps, 
                                                      wret, injl >>
                                 ELSE /\ IF ~TRUE /\ q[self] /= <<>>
                                            THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_lock"]
                                                 /\ UNCHANGED << waiting, 
                                                                 spawned, 
                                                                 gsteps, q, 
                                                                 wret, cg, 
                                                                 cgfrom, cgto, 
                                                                 cgret, injl >>
                                            ELSE /\ q' = [q EXCEPT ![self] = <<>>]
                                                 /\ IF GoVersion = "1.25"
                                                       THEN /\ wret' = [wret EXCEPT ![self] = "inject"]
                                                            /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                                            /\ UNCHANGED << waiting, 
                                                                            spawned, 
                                                                            gsteps, 
                                                                            cg, 
                                                                            cgfrom, 
                                                                            cgto, 
                                                                            cgret, 
                                                                            injl >>
                                                       ELSE /\ IF preempt[pp[self]]
                                                                  THEN /\ Probe("sysmon_preempt", self)
                                                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                       /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                       /\ UNCHANGED << waiting, 
                                                                                       spawned, 
                                                                                       gsteps, 
                                                                                       injl >>
                                                                  ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                                             /\ spawned' = spawned + 1
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                             /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                             /\ UNCHANGED <<waiting, injl>>
                                                                          \/ /\ "exit" \in GActions
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                                          \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ \E w \in waiting:
                                                                                  /\ cg' = [cg EXCEPT ![self] = w]
                                                                                  /\ waiting' = waiting \ {w}
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED <<spawned, injl>>
                                                                          \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ LET l == SortedSeq(waiting) IN
                                                                                  /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                                  /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                             /\ waiting' = {}
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                             /\ UNCHANGED spawned
                                                                          \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                             /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                                          \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                                             /\ gsteps' = gsteps + 1
                                                                             /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                             /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                             /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                             /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                             /\ UNCHANGED <<waiting, spawned, injl>>
                                                            /\ wret' = wret
                                      /\ UNCHANGED << thrown, victim, 
                                                      stealnext, gmax, rbret, 
                                                      gp, rung, inherit, gret, 
                                                      tries, sorder, vidx, 
                                                      bret, dret >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           schedLock, grab, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, preempt, 
                                           sysmonSeen, status, goid, allgs, 
                                           unborn, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, rqg, gq, 
                                           ep, rqret, oldnext, next, rg, h, t, 
                                           n, i, st, qn, batch, gbatch, ehead, 
                                           etail, enext, ewitness, phase, fg, 
                                           parked, wpp, smspin, sret, sn, newg, 
                                           gpret >>

runqget_loadnext(self) == /\ pc[self] = "runqget_loadnext"
                          /\ next' = [next EXCEPT ![self] = runnext[pp[self]]]
                          /\ IF next'[self] = NoG
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_casnext"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, rqg, q, gq, victim, 
                                          stealnext, ep, gmax, rqret, rbret, 
                                          oldnext, rg, gp, h, t, n, i, st, qn, 
                                          batch, gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, parked, rung, 
                                          inherit, gret, tries, sorder, vidx, 
                                          bret, dret, wret, wpp, smspin, sret, 
                                          sn, cg, cgfrom, cgto, cgret, newg, 
                                          injl, gpret >>

runqget_casnext(self) == /\ pc[self] = "runqget_casnext"
                         /\ IF runnext[pp[self]] = next[self]
                               THEN /\ runnext' = [runnext EXCEPT ![pp[self]] = NoG]
                                    /\ LET g == next[self] IN
                                         /\ next' = [next EXCEPT ![self] = NoG]
                                         /\ IF g /= NoG
                                               THEN /\ rung' = [rung EXCEPT ![self] = g]
                                                    /\ inherit' = [inherit EXCEPT ![self] = TRUE]
                                                    /\ IF spinning[self]
                                                          THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                               /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                               /\ UNCHANGED << cg, 
                                                                               cgfrom, 
                                                                               cgto, 
                                                                               cgret >>
                                                          ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                               /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                               /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                               /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                               /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                               /\ dret' = dret
                                                    /\ UNCHANGED << victim, 
                                                                    stealnext, 
                                                                    gmax, gret, 
                                                                    tries, 
                                                                    sorder, 
                                                                    vidx, bret >>
                                               ELSE /\ IF runqsize /= 0
                                                          THEN /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                               /\ gret' = [gret EXCEPT ![self] = "global"]
                                                               /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                               /\ UNCHANGED << victim, 
                                                                               stealnext, 
                                                                               tries, 
                                                                               sorder, 
                                                                               vidx, 
                                                                               bret >>
                                                          ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                     THEN /\ IF ~spinning[self]
                                                                                THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                     /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                     /\ UNCHANGED << victim, 
                                                                                                     stealnext, 
                                                                                                     tries, 
                                                                                                     sorder, 
                                                                                                     vidx >>
                                                                                ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                          LET j == NextBusy(o, 0) IN
                                                                                            IF j = 0
                                                                                               THEN /\ Probe("stealWork_all_idle", self)
                                                                                                    /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                    /\ UNCHANGED << victim, 
                                                                                                                    stealnext, 
                                                                                                                    tries, 
                                                                                                                    sorder, 
                                                                                                                    vidx >>
                                                                                               ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                    /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                    /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                    /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                    /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                     /\ bret' = bret
                                                                     ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                          /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                          /\ UNCHANGED << victim, 
                                                                                          stealnext, 
                                                                                          tries, 
                                                                                          sorder, 
                                                                                          vidx, 
                                                                                          bret >>
                                                               /\ UNCHANGED << gmax, 
                                                                               gret >>
                                                    /\ UNCHANGED << rung, 
                                                                    inherit, 
                                                                    dret, cg, 
                                                                    cgfrom, 
                                                                    cgto, 
                                                                    cgret >>
                               ELSE /\ IF GoVersion = "1.14"
                                          THEN /\ Probe("runqget_next_retry", self)
                                               /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                               /\ next' = next
                                          ELSE /\ Probe("runqget_next_lost", self)
                                               /\ next' = [next EXCEPT ![self] = NoG]
                                               /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                    /\ UNCHANGED << runnext, victim, stealnext, 
                                                    gmax, rung, inherit, gret, 
                                                    tries, sorder, vidx, bret, 
                                                    dret, cg, cgfrom, cgto, 
                                                    cgret >>
                         /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         curg, spinning, nmspinning, 
                                         needspinning, pidle, midle, schedtick, 
                                         preempt, sysmonSeen, status, goid, 
                                         allgs, unborn, waiting, goidgen, 
                                         goidcache, goidcacheend, gFreeLocal, 
                                         gFreeLocalN, gFreeStack, gFreeNoStack, 
                                         gFreeN, gFreeLock, stackSize, 
                                         startingStackSize, stacksAllocated, 
                                         stacksFreed, sssChanges, gEpoch, 
                                         grows, spawned, gsteps, rqg, q, gq, 
                                         ep, rqret, rbret, oldnext, rg, gp, h, 
                                         t, n, i, st, qn, batch, gbatch, ehead, 
                                         etail, enext, ewitness, phase, fg, 
                                         parked, wret, wpp, smspin, sret, sn, 
                                         newg, injl, gpret >>

runqget_loadhead(self) == /\ pc[self] = "runqget_loadhead"
                          /\ LET hh == runqhead[pp[self]] IN
                               LET tt == runqtail[pp[self]] IN
                                 IF tt = hh
                                    THEN /\ IF NoG /= NoG
                                               THEN /\ rung' = [rung EXCEPT ![self] = NoG]
                                                    /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                    /\ IF spinning[self]
                                                          THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                               /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                               /\ UNCHANGED << cg, 
                                                                               cgfrom, 
                                                                               cgto, 
                                                                               cgret >>
                                                          ELSE /\ cg' = [cg EXCEPT ![self] = NoG]
                                                               /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                               /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                               /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                               /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                               /\ dret' = dret
                                                    /\ UNCHANGED << victim, 
                                                                    stealnext, 
                                                                    gmax, gret, 
                                                                    tries, 
                                                                    sorder, 
                                                                    vidx, bret >>
                                               ELSE /\ IF runqsize /= 0
                                                          THEN /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                               /\ gret' = [gret EXCEPT ![self] = "global"]
                                                               /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                               /\ UNCHANGED << victim, 
                                                                               stealnext, 
                                                                               tries, 
                                                                               sorder, 
                                                                               vidx, 
                                                                               bret >>
                                                          ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                     THEN /\ IF ~spinning[self]
                                                                                THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                     /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                     /\ UNCHANGED << victim, 
                                                                                                     stealnext, 
                                                                                                     tries, 
                                                                                                     sorder, 
                                                                                                     vidx >>
                                                                                ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                          LET j == NextBusy(o, 0) IN
                                                                                            IF j = 0
                                                                                               THEN /\ Probe("stealWork_all_idle", self)
                                                                                                    /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                    /\ UNCHANGED << victim, 
                                                                                                                    stealnext, 
                                                                                                                    tries, 
                                                                                                                    sorder, 
                                                                                                                    vidx >>
                                                                                               ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                    /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                    /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                    /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                    /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                     /\ bret' = bret
                                                                     ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                          /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                          /\ UNCHANGED << victim, 
                                                                                          stealnext, 
                                                                                          tries, 
                                                                                          sorder, 
                                                                                          vidx, 
                                                                                          bret >>
                                                               /\ UNCHANGED << gmax, 
                                                                               gret >>
                                                    /\ UNCHANGED << rung, 
                                                                    inherit, 
                                                                    dret, cg, 
                                                                    cgfrom, 
                                                                    cgto, 
                                                                    cgret >>
                                         /\ UNCHANGED << h, t >>
                                    ELSE /\ h' = [h EXCEPT ![self] = hh]
                                         /\ t' = [t EXCEPT ![self] = tt]
                                         /\ pc' = [pc EXCEPT ![self] = "runqget_load"]
                                         /\ UNCHANGED << victim, stealnext, 
                                                         gmax, rung, inherit, 
                                                         gret, tries, sorder, 
                                                         vidx, bret, dret, cg, 
                                                         cgfrom, cgto, cgret >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, rqg, q, gq, ep, rqret, rbret, 
                                          oldnext, next, rg, gp, n, i, st, qn, 
                                          batch, gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, parked, wret, 
                                          wpp, smspin, sret, sn, newg, injl, 
                                          gpret >>

runqget_load(self) == /\ pc[self] = "runqget_load"
                      /\ rg' = [rg EXCEPT ![self] = runq[pp[self]][Slot(h[self])]]
                      /\ pc' = [pc EXCEPT ![self] = "runqget_cas"]
                      /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                      globrunq, runqsize, schedLock, grab, 
                                      thrown, pp, curg, spinning, nmspinning, 
                                      needspinning, pidle, midle, schedtick, 
                                      preempt, sysmonSeen, status, goid, allgs, 
                                      unborn, waiting, goidgen, goidcache, 
                                      goidcacheend, gFreeLocal, gFreeLocalN, 
                                      gFreeStack, gFreeNoStack, gFreeN, 
                                      gFreeLock, stackSize, startingStackSize, 
                                      stacksAllocated, stacksFreed, sssChanges, 
                                      gEpoch, grows, spawned, gsteps, rqg, q, 
                                      gq, victim, stealnext, ep, gmax, rqret, 
                                      rbret, oldnext, next, gp, h, t, n, i, st, 
                                      qn, batch, gbatch, ehead, etail, enext, 
                                      ewitness, phase, fg, parked, rung, 
                                      inherit, gret, tries, sorder, vidx, bret, 
                                      dret, wret, wpp, smspin, sret, sn, cg, 
                                      cgfrom, cgto, cgret, newg, injl, gpret >>

runqget_cas(self) == /\ pc[self] = "runqget_cas"
                     /\ IF runqhead[pp[self]] = h[self]
                           THEN /\ runqhead' = [runqhead EXCEPT ![(pp[self])] = Inc(h[self], 1)]
                                /\ grab' = Tear!AfterAdvance(grab, (pp[self]), 1)
                                /\ LET g == rg[self] IN
                                     /\ rg' = [rg EXCEPT ![self] = NoG]
                                     /\ h' = [h EXCEPT ![self] = 0]
                                     /\ t' = [t EXCEPT ![self] = 0]
                                     /\ IF g /= NoG
                                           THEN /\ rung' = [rung EXCEPT ![self] = g]
                                                /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                /\ IF spinning[self]
                                                      THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                           /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                           /\ UNCHANGED << cg, 
                                                                           cgfrom, 
                                                                           cgto, 
                                                                           cgret >>
                                                      ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ dret' = dret
                                                /\ UNCHANGED << victim, 
                                                                stealnext, 
                                                                gmax, gret, 
                                                                tries, sorder, 
                                                                vidx, bret >>
                                           ELSE /\ IF runqsize /= 0
                                                      THEN /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                           /\ gret' = [gret EXCEPT ![self] = "global"]
                                                           /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                           /\ UNCHANGED << victim, 
                                                                           stealnext, 
                                                                           tries, 
                                                                           sorder, 
                                                                           vidx, 
                                                                           bret >>
                                                      ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                 THEN /\ IF ~spinning[self]
                                                                            THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                 /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                 /\ UNCHANGED << victim, 
                                                                                                 stealnext, 
                                                                                                 tries, 
                                                                                                 sorder, 
                                                                                                 vidx >>
                                                                            ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                      LET j == NextBusy(o, 0) IN
                                                                                        IF j = 0
                                                                                           THEN /\ Probe("stealWork_all_idle", self)
                                                                                                /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                /\ UNCHANGED << victim, 
                                                                                                                stealnext, 
                                                                                                                tries, 
                                                                                                                sorder, 
                                                                                                                vidx >>
                                                                                           ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                 /\ bret' = bret
                                                                 ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                      /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                      /\ UNCHANGED << victim, 
                                                                                      stealnext, 
                                                                                      tries, 
                                                                                      sorder, 
                                                                                      vidx, 
                                                                                      bret >>
                                                           /\ UNCHANGED << gmax, 
                                                                           gret >>
                                                /\ UNCHANGED << rung, inherit, 
                                                                dret, cg, 
                                                                cgfrom, cgto, 
                                                                cgret >>
                           ELSE /\ Probe("runqget_retry", self)
                                /\ rg' = [rg EXCEPT ![self] = NoG]
                                /\ h' = [h EXCEPT ![self] = 0]
                                /\ t' = [t EXCEPT ![self] = 0]
                                /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                /\ UNCHANGED << runqhead, grab, victim, 
                                                stealnext, gmax, rung, inherit, 
                                                gret, tries, sorder, vidx, 
                                                bret, dret, cg, cgfrom, cgto, 
                                                cgret >>
                     /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                     runqsize, schedLock, thrown, pp, curg, 
                                     spinning, nmspinning, needspinning, pidle, 
                                     midle, schedtick, preempt, sysmonSeen, 
                                     status, goid, allgs, unborn, waiting, 
                                     goidgen, goidcache, goidcacheend, 
                                     gFreeLocal, gFreeLocalN, gFreeStack, 
                                     gFreeNoStack, gFreeN, gFreeLock, 
                                     stackSize, startingStackSize, 
                                     stacksAllocated, stacksFreed, sssChanges, 
                                     gEpoch, grows, spawned, gsteps, rqg, q, 
                                     gq, ep, rqret, rbret, oldnext, next, gp, 
                                     n, i, st, qn, batch, gbatch, ehead, etail, 
                                     enext, ewitness, phase, fg, parked, wret, 
                                     wpp, smspin, sret, sn, newg, injl, gpret >>

runqdrain_loadnext(self) == /\ pc[self] = "runqdrain_loadnext"
                            /\ next' = [next EXCEPT ![self] = runnext[pp[self]]]
                            /\ IF next'[self] = NoG
                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                  ELSE /\ pc' = [pc EXCEPT ![self] = "runqdrain_casnext"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, rg, gp, h, t, n, i, 
                                            st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            parked, rung, inherit, gret, tries, 
                                            sorder, vidx, bret, dret, wret, 
                                            wpp, smspin, sret, sn, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

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
                                           pp, curg, spinning, nmspinning, 
                                           needspinning, pidle, midle, 
                                           schedtick, preempt, sysmonSeen, 
                                           status, goid, allgs, unborn, 
                                           waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           gsteps, rqg, gq, victim, stealnext, 
                                           ep, gmax, rqret, rbret, oldnext, rg, 
                                           gp, h, t, n, i, st, qn, batch, 
                                           gbatch, ehead, etail, enext, 
                                           ewitness, phase, fg, parked, rung, 
                                           inherit, gret, tries, sorder, vidx, 
                                           bret, dret, wret, wpp, smspin, sret, 
                                           sn, cg, cgfrom, cgto, cgret, newg, 
                                           injl, gpret >>

runqdrain_loadhead(self) == /\ pc[self] = "runqdrain_loadhead"
                            /\ LET hh == runqhead[pp[self]] IN
                                 LET tt == runqtail[pp[self]] IN
                                   IF Dist(tt, hh) = 0
                                      THEN /\ LET drained == q[self] IN
                                                /\ q' = [q EXCEPT ![self] = <<>>]
                                                /\ IF drained /= <<>>
                                                      THEN /\ gq' = [gq EXCEPT ![self] = drained]
                                                           /\ gpret' = [gpret EXCEPT ![self] = "gcdrain"]
                                                           /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                           /\ UNCHANGED << waiting, 
                                                                           spawned, 
                                                                           gsteps, 
                                                                           cg, 
                                                                           cgfrom, 
                                                                           cgto, 
                                                                           cgret, 
                                                                           injl >>
                                                      ELSE /\ IF preempt[pp[self]]
                                                                 THEN /\ Probe("sysmon_preempt", self)
                                                                      /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                      /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                      /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                      /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                      /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                      /\ UNCHANGED << waiting, 
                                                                                      spawned, 
                                                                                      gsteps, 
                                                                                      injl >>
                                                                 ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                                            /\ spawned' = spawned + 1
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                            /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                            /\ UNCHANGED <<waiting, injl>>
                                                                         \/ /\ "exit" \in GActions
                                                                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                            /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                                         \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                            /\ UNCHANGED <<waiting, spawned, injl>>
                                                                         \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                            /\ UNCHANGED <<waiting, spawned, injl>>
                                                                         \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                            /\ UNCHANGED <<waiting, spawned, injl>>
                                                                         \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ \E w \in waiting:
                                                                                 /\ cg' = [cg EXCEPT ![self] = w]
                                                                                 /\ waiting' = waiting \ {w}
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                            /\ UNCHANGED <<spawned, injl>>
                                                                         \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ LET l == SortedSeq(waiting) IN
                                                                                 /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                                 /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                            /\ waiting' = {}
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                            /\ UNCHANGED spawned
                                                                         \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                            /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                            /\ UNCHANGED <<waiting, spawned, injl>>
                                                                         \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                                            /\ gsteps' = gsteps + 1
                                                                            /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                            /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                            /\ UNCHANGED <<waiting, spawned, injl>>
                                                           /\ UNCHANGED << gq, 
                                                                           gpret >>
                                           /\ UNCHANGED << h, t, qn >>
                                      ELSE /\ IF Dist(tt, hh) > RingSize
                                                 THEN /\ Probe("runqdrain_inconsistent", self)
                                                      /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                                      /\ UNCHANGED << h, t, qn >>
                                                 ELSE /\ h' = [h EXCEPT ![self] = hh]
                                                      /\ t' = [t EXCEPT ![self] = tt]
                                                      /\ qn' = [qn EXCEPT ![self] = Dist(tt, hh)]
                                                      /\ pc' = [pc EXCEPT ![self] = "runqdrain_cas"]
                                           /\ UNCHANGED << waiting, spawned, 
                                                           gsteps, q, gq, cg, 
                                                           cgfrom, cgto, cgret, 
                                                           injl, gpret >>
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, goidgen, goidcache, 
                                            goidcacheend, gFreeLocal, 
                                            gFreeLocalN, gFreeStack, 
                                            gFreeNoStack, gFreeN, gFreeLock, 
                                            stackSize, startingStackSize, 
                                            stacksAllocated, stacksFreed, 
                                            sssChanges, gEpoch, grows, rqg, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, n, i, 
                                            st, batch, gbatch, ehead, etail, 
                                            enext, ewitness, phase, fg, parked, 
                                            rung, inherit, gret, tries, sorder, 
                                            vidx, bret, dret, wret, wpp, 
                                            smspin, sret, sn, newg >>

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
                                       runqsize, schedLock, thrown, pp, curg, 
                                       spinning, nmspinning, needspinning, 
                                       pidle, midle, schedtick, preempt, 
                                       sysmonSeen, status, goid, allgs, unborn, 
                                       waiting, goidgen, goidcache, 
                                       goidcacheend, gFreeLocal, gFreeLocalN, 
                                       gFreeStack, gFreeNoStack, gFreeN, 
                                       gFreeLock, stackSize, startingStackSize, 
                                       stacksAllocated, stacksFreed, 
                                       sssChanges, gEpoch, grows, spawned, 
                                       gsteps, rqg, q, gq, victim, stealnext, 
                                       ep, gmax, rqret, rbret, oldnext, next, 
                                       rg, gp, n, i, st, batch, gbatch, ehead, 
                                       etail, enext, ewitness, phase, fg, 
                                       parked, rung, inherit, gret, tries, 
                                       sorder, vidx, bret, dret, wret, wpp, 
                                       smspin, sret, sn, cg, cgfrom, cgto, 
                                       cgret, newg, injl, gpret >>

runqdrain_load(self) == /\ pc[self] = "runqdrain_load"
                        /\ IF i[self] + 1 < qn[self]
                              THEN /\ q' = [q EXCEPT ![self] = Append(q[self], runq[pp[self]][Slot(Inc(h[self], i[self]))])]
                                   /\ i' = [i EXCEPT ![self] = i[self] + 1]
                                   /\ pc' = [pc EXCEPT ![self] = "runqdrain_load"]
                                   /\ UNCHANGED << waiting, spawned, gsteps, 
                                                   gq, h, t, qn, cg, cgfrom, 
                                                   cgto, cgret, injl, gpret >>
                              ELSE /\ LET dq == Append(q[self], runq[pp[self]][Slot(Inc(h[self], i[self]))]) IN
                                        /\ i' = [i EXCEPT ![self] = 0]
                                        /\ qn' = [qn EXCEPT ![self] = 0]
                                        /\ h' = [h EXCEPT ![self] = 0]
                                        /\ t' = [t EXCEPT ![self] = 0]
                                        /\ LET drained == dq IN
                                             /\ q' = [q EXCEPT ![self] = <<>>]
                                             /\ IF drained /= <<>>
                                                   THEN /\ gq' = [gq EXCEPT ![self] = drained]
                                                        /\ gpret' = [gpret EXCEPT ![self] = "gcdrain"]
                                                        /\ pc' = [pc EXCEPT ![self] = "globrunqput_lock"]
                                                        /\ UNCHANGED << waiting, 
                                                                        spawned, 
                                                                        gsteps, 
                                                                        cg, 
                                                                        cgfrom, 
                                                                        cgto, 
                                                                        cgret, 
                                                                        injl >>
                                                   ELSE /\ IF preempt[pp[self]]
                                                              THEN /\ Probe("sysmon_preempt", self)
                                                                   /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                   /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                   /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                   /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                   /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                   /\ UNCHANGED << waiting, 
                                                                                   spawned, 
                                                                                   gsteps, 
                                                                                   injl >>
                                                              ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                                         /\ spawned' = spawned + 1
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                         /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                         /\ UNCHANGED <<waiting, injl>>
                                                                      \/ /\ "exit" \in GActions
                                                                         /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                                      \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ UNCHANGED <<waiting, spawned, injl>>
                                                                      \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ UNCHANGED <<waiting, spawned, injl>>
                                                                      \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ UNCHANGED <<waiting, spawned, injl>>
                                                                      \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ \E w \in waiting:
                                                                              /\ cg' = [cg EXCEPT ![self] = w]
                                                                              /\ waiting' = waiting \ {w}
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ UNCHANGED <<spawned, injl>>
                                                                      \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ LET l == SortedSeq(waiting) IN
                                                                              /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                              /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                         /\ waiting' = {}
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ UNCHANGED spawned
                                                                      \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                         /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                         /\ UNCHANGED <<waiting, spawned, injl>>
                                                                      \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                                         /\ gsteps' = gsteps + 1
                                                                         /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                         /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                         /\ UNCHANGED <<waiting, spawned, injl>>
                                                        /\ UNCHANGED << gq, 
                                                                        gpret >>
                        /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                        globrunq, runqsize, schedLock, grab, 
                                        thrown, pp, curg, spinning, nmspinning, 
                                        needspinning, pidle, midle, schedtick, 
                                        preempt, sysmonSeen, status, goid, 
                                        allgs, unborn, goidgen, goidcache, 
                                        goidcacheend, gFreeLocal, gFreeLocalN, 
                                        gFreeStack, gFreeNoStack, gFreeN, 
                                        gFreeLock, stackSize, 
                                        startingStackSize, stacksAllocated, 
                                        stacksFreed, sssChanges, gEpoch, grows, 
                                        rqg, victim, stealnext, ep, gmax, 
                                        rqret, rbret, oldnext, next, rg, gp, n, 
                                        st, batch, gbatch, ehead, etail, enext, 
                                        ewitness, phase, fg, parked, rung, 
                                        inherit, gret, tries, sorder, vidx, 
                                        bret, dret, wret, wpp, smspin, sret, 
                                        sn, newg >>

runqgrab_loadhead(self) == /\ pc[self] = "runqgrab_loadhead"
                           /\ st' = [st EXCEPT ![self] = runqtail[pp[self]]]
                           /\ h' = [h EXCEPT ![self] = runqhead[victim[self]]]
                           /\ grab' = [grab EXCEPT ![self] = Tear!Begin(victim[self], runqhead[victim[self]])]
                           /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadtail"]
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, preempt, 
                                           sysmonSeen, status, goid, allgs, 
                                           unborn, waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           gsteps, rqg, q, gq, victim, 
                                           stealnext, ep, gmax, rqret, rbret, 
                                           oldnext, next, rg, gp, t, n, i, qn, 
                                           batch, gbatch, ehead, etail, enext, 
                                           ewitness, phase, fg, parked, rung, 
                                           inherit, gret, tries, sorder, vidx, 
                                           bret, dret, wret, wpp, smspin, sret, 
                                           sn, cg, cgfrom, cgto, cgret, newg, 
                                           injl, gpret >>

runqgrab_loadtail(self) == /\ pc[self] = "runqgrab_loadtail"
                           /\ LET k == GrabCount(Dist(runqtail[victim[self]], h[self])) IN
                                IF k = 0
                                   THEN /\ grab' = [grab EXCEPT ![self] = NoGrab]
                                        /\ IF stealnext[self]
                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadnext"]
                                                   /\ UNCHANGED << victim, 
                                                                   stealnext, 
                                                                   h, st, rung, 
                                                                   inherit, 
                                                                   tries, 
                                                                   sorder, 
                                                                   vidx, dret, 
                                                                   cg, cgfrom, 
                                                                   cgto, cgret >>
                                              ELSE /\ h' = [h EXCEPT ![self] = 0]
                                                   /\ st' = [st EXCEPT ![self] = 0]
                                                   /\ IF NoG /= NoG
                                                         THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                                              /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                              /\ victim' = [victim EXCEPT ![self] = NoP]
                                                              /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                              /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                              /\ rung' = [rung EXCEPT ![self] = NoG]
                                                              /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                              /\ IF spinning[self]
                                                                    THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                         /\ UNCHANGED << cg, 
                                                                                         cgfrom, 
                                                                                         cgto, 
                                                                                         cgret >>
                                                                    ELSE /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                         /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                         /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                         /\ dret' = dret
                                                         ELSE /\ LET j == NextBusy(sorder[self], vidx[self]) IN
                                                                   IF j /= 0
                                                                      THEN /\ IF j > vidx[self] + 1
                                                                                 THEN /\ Probe("stealWork_skip_idle", self)
                                                                                 ELSE /\ TRUE
                                                                           /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                           /\ victim' = [victim EXCEPT ![self] = sorder[self][j]]
                                                                           /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                           /\ UNCHANGED << stealnext, 
                                                                                           tries, 
                                                                                           sorder >>
                                                                      ELSE /\ IF tries[self] + 1 < StealTries
                                                                                 THEN /\ \E o \in StealOrders(pp[self]):
                                                                                           LET j2 == NextBusy(o, 0) IN
                                                                                             IF j2 /= 0
                                                                                                THEN /\ Probe("stealWork_next_pass", self)
                                                                                                     /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                                     /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                     /\ vidx' = [vidx EXCEPT ![self] = j2]
                                                                                                     /\ victim' = [victim EXCEPT ![self] = o[j2]]
                                                                                                     /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                                     /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                     /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                                     /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                                     /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                                     /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                                     /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                 ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                      /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                      /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                      /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                      /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                      /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                              /\ UNCHANGED << rung, 
                                                                              inherit, 
                                                                              dret, 
                                                                              cg, 
                                                                              cgfrom, 
                                                                              cgto, 
                                                                              cgret >>
                                        /\ n' = n
                                   ELSE /\ IF k > GrabLimit(RingSize)
                                              THEN /\ Probe("runqgrab_inconsistent", self)
                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                   /\ UNCHANGED << grab, n >>
                                              ELSE /\ n' = [n EXCEPT ![self] = k]
                                                   /\ grab' = [grab EXCEPT ![self] = Tear!Cover(grab[self], k)]
                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_copy"]
                                        /\ UNCHANGED << victim, stealnext, h, 
                                                        st, rung, inherit, 
                                                        tries, sorder, vidx, 
                                                        dret, cg, cgfrom, cgto, 
                                                        cgret >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, preempt, 
                                           sysmonSeen, status, goid, allgs, 
                                           unborn, waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           gsteps, rqg, q, gq, ep, gmax, rqret, 
                                           rbret, oldnext, next, rg, gp, t, i, 
                                           qn, batch, gbatch, ehead, etail, 
                                           enext, ewitness, phase, fg, parked, 
                                           gret, bret, wret, wpp, smspin, sret, 
                                           sn, newg, injl, gpret >>

runqgrab_loadnext(self) == /\ pc[self] = "runqgrab_loadnext"
                           /\ next' = [next EXCEPT ![self] = runnext[victim[self]]]
                           /\ IF next'[self] = NoG
                                 THEN /\ h' = [h EXCEPT ![self] = 0]
                                      /\ st' = [st EXCEPT ![self] = 0]
                                      /\ IF NoG /= NoG
                                            THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                                 /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                 /\ victim' = [victim EXCEPT ![self] = NoP]
                                                 /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                 /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                 /\ rung' = [rung EXCEPT ![self] = NoG]
                                                 /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                 /\ IF spinning[self]
                                                       THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                            /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                            /\ UNCHANGED << cg, 
                                                                            cgfrom, 
                                                                            cgto, 
                                                                            cgret >>
                                                       ELSE /\ cg' = [cg EXCEPT ![self] = NoG]
                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                            /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                            /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                            /\ dret' = dret
                                            ELSE /\ LET j == NextBusy(sorder[self], vidx[self]) IN
                                                      IF j /= 0
                                                         THEN /\ IF j > vidx[self] + 1
                                                                    THEN /\ Probe("stealWork_skip_idle", self)
                                                                    ELSE /\ TRUE
                                                              /\ vidx' = [vidx EXCEPT ![self] = j]
                                                              /\ victim' = [victim EXCEPT ![self] = sorder[self][j]]
                                                              /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                              /\ UNCHANGED << stealnext, 
                                                                              tries, 
                                                                              sorder >>
                                                         ELSE /\ IF tries[self] + 1 < StealTries
                                                                    THEN /\ \E o \in StealOrders(pp[self]):
                                                                              LET j2 == NextBusy(o, 0) IN
                                                                                IF j2 /= 0
                                                                                   THEN /\ Probe("stealWork_next_pass", self)
                                                                                        /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                        /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                        /\ vidx' = [vidx EXCEPT ![self] = j2]
                                                                                        /\ victim' = [victim EXCEPT ![self] = o[j2]]
                                                                                        /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                        /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                   ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                        /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                        /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                        /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                        /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                        /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                    ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                         /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                         /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                         /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                         /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                         /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                 /\ UNCHANGED << rung, inherit, 
                                                                 dret, cg, 
                                                                 cgfrom, cgto, 
                                                                 cgret >>
                                 ELSE /\ pc' = [pc EXCEPT ![self] = "runqgrab_casnext"]
                                      /\ UNCHANGED << victim, stealnext, h, st, 
                                                      rung, inherit, tries, 
                                                      sorder, vidx, dret, cg, 
                                                      cgfrom, cgto, cgret >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, grab, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, preempt, 
                                           sysmonSeen, status, goid, allgs, 
                                           unborn, waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           gsteps, rqg, q, gq, ep, gmax, rqret, 
                                           rbret, oldnext, rg, gp, t, n, i, qn, 
                                           batch, gbatch, ehead, etail, enext, 
                                           ewitness, phase, fg, parked, gret, 
                                           bret, wret, wpp, smspin, sret, sn, 
                                           newg, injl, gpret >>

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
                                          /\ IF g /= NoG
                                                THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                                     /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                     /\ victim' = [victim EXCEPT ![self] = NoP]
                                                     /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                     /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                     /\ rung' = [rung EXCEPT ![self] = g]
                                                     /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                     /\ IF spinning[self]
                                                           THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                /\ UNCHANGED << cg, 
                                                                                cgfrom, 
                                                                                cgto, 
                                                                                cgret >>
                                                           ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                /\ dret' = dret
                                                ELSE /\ LET j == NextBusy(sorder[self], vidx[self]) IN
                                                          IF j /= 0
                                                             THEN /\ IF j > vidx[self] + 1
                                                                        THEN /\ Probe("stealWork_skip_idle", self)
                                                                        ELSE /\ TRUE
                                                                  /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                  /\ victim' = [victim EXCEPT ![self] = sorder[self][j]]
                                                                  /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                  /\ UNCHANGED << stealnext, 
                                                                                  tries, 
                                                                                  sorder >>
                                                             ELSE /\ IF tries[self] + 1 < StealTries
                                                                        THEN /\ \E o \in StealOrders(pp[self]):
                                                                                  LET j2 == NextBusy(o, 0) IN
                                                                                    IF j2 /= 0
                                                                                       THEN /\ Probe("stealWork_next_pass", self)
                                                                                            /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                            /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                            /\ vidx' = [vidx EXCEPT ![self] = j2]
                                                                                            /\ victim' = [victim EXCEPT ![self] = o[j2]]
                                                                                            /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                            /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                       ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                            /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                            /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                            /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                            /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                            /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                        ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                             /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                             /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                             /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                             /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                             /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                     /\ UNCHANGED << rung, 
                                                                     inherit, 
                                                                     dret, cg, 
                                                                     cgfrom, 
                                                                     cgto, 
                                                                     cgret >>
                                ELSE /\ Probe("runqgrab_next_lost", self)
                                     /\ next' = [next EXCEPT ![self] = NoG]
                                     /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                     /\ UNCHANGED << runq, runnext, grab, 
                                                     victim, stealnext, h, st, 
                                                     rung, inherit, tries, 
                                                     sorder, vidx, dret, cg, 
                                                     cgfrom, cgto, cgret >>
                          /\ UNCHANGED << runqhead, runqtail, globrunq, 
                                          runqsize, schedLock, thrown, pp, 
                                          curg, spinning, nmspinning, 
                                          needspinning, pidle, midle, 
                                          schedtick, preempt, sysmonSeen, 
                                          status, goid, allgs, unborn, waiting, 
                                          goidgen, goidcache, goidcacheend, 
                                          gFreeLocal, gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, rqg, q, gq, ep, gmax, rqret, 
                                          rbret, oldnext, rg, gp, t, n, i, qn, 
                                          batch, gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, parked, gret, 
                                          bret, wret, wpp, smspin, sret, sn, 
                                          newg, injl, gpret >>

runqgrab_copy(self) == /\ pc[self] = "runqgrab_copy"
                       /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(Inc(st[self], i[self])))] = runq[victim[self]][Slot(Inc(h[self], i[self]))]]
                       /\ grab' = Tear!AfterWrite(grab, (pp[self]), (Slot(Inc(st[self], i[self]))))
                       /\ i' = [i EXCEPT ![self] = i[self] + 1]
                       /\ IF i'[self] < n[self]
                             THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_copy"]
                             ELSE /\ pc' = [pc EXCEPT ![self] = "runqgrab_cas"]
                       /\ UNCHANGED << runqhead, runqtail, runnext, globrunq, 
                                       runqsize, schedLock, thrown, pp, curg, 
                                       spinning, nmspinning, needspinning, 
                                       pidle, midle, schedtick, preempt, 
                                       sysmonSeen, status, goid, allgs, unborn, 
                                       waiting, goidgen, goidcache, 
                                       goidcacheend, gFreeLocal, gFreeLocalN, 
                                       gFreeStack, gFreeNoStack, gFreeN, 
                                       gFreeLock, stackSize, startingStackSize, 
                                       stacksAllocated, stacksFreed, 
                                       sssChanges, gEpoch, grows, spawned, 
                                       gsteps, rqg, q, gq, victim, stealnext, 
                                       ep, gmax, rqret, rbret, oldnext, next, 
                                       rg, gp, h, t, n, st, qn, batch, gbatch, 
                                       ehead, etail, enext, ewitness, phase, 
                                       fg, parked, rung, inherit, gret, tries, 
                                       sorder, vidx, bret, dret, wret, wpp, 
                                       smspin, sret, sn, cg, cgfrom, cgto, 
                                       cgret, newg, injl, gpret >>

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
                                                 /\ IF g /= NoG
                                                       THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                                            /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                            /\ victim' = [victim EXCEPT ![self] = NoP]
                                                            /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                            /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                            /\ rung' = [rung EXCEPT ![self] = g]
                                                            /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                            /\ IF spinning[self]
                                                                  THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                       /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                       /\ UNCHANGED << cg, 
                                                                                       cgfrom, 
                                                                                       cgto, 
                                                                                       cgret >>
                                                                  ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                       /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                       /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                       /\ dret' = dret
                                                       ELSE /\ LET j == NextBusy(sorder[self], vidx[self]) IN
                                                                 IF j /= 0
                                                                    THEN /\ IF j > vidx[self] + 1
                                                                               THEN /\ Probe("stealWork_skip_idle", self)
                                                                               ELSE /\ TRUE
                                                                         /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                         /\ victim' = [victim EXCEPT ![self] = sorder[self][j]]
                                                                         /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                         /\ UNCHANGED << stealnext, 
                                                                                         tries, 
                                                                                         sorder >>
                                                                    ELSE /\ IF tries[self] + 1 < StealTries
                                                                               THEN /\ \E o \in StealOrders(pp[self]):
                                                                                         LET j2 == NextBusy(o, 0) IN
                                                                                           IF j2 /= 0
                                                                                              THEN /\ Probe("stealWork_next_pass", self)
                                                                                                   /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                                   /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                   /\ vidx' = [vidx EXCEPT ![self] = j2]
                                                                                                   /\ victim' = [victim EXCEPT ![self] = o[j2]]
                                                                                                   /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                              ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                   /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                                   /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                                   /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                                   /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                                   /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                               ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                    /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                    /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                    /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                    /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                            /\ UNCHANGED << rung, 
                                                                            inherit, 
                                                                            dret, 
                                                                            cg, 
                                                                            cgfrom, 
                                                                            cgto, 
                                                                            cgret >>
                                            /\ gp' = gp
                                       ELSE /\ gp' = [gp EXCEPT ![self] = runq[pp[self]][Slot(Inc(st[self], n[self] - 1))]]
                                            /\ n' = [n EXCEPT ![self] = n[self] - 1]
                                            /\ pc' = [pc EXCEPT ![self] = "runqsteal_loadhead"]
                                            /\ UNCHANGED << victim, stealnext, 
                                                            h, st, rung, 
                                                            inherit, tries, 
                                                            sorder, vidx, dret, 
                                                            cg, cgfrom, cgto, 
                                                            cgret >>
                            ELSE /\ Probe("runqgrab_retry", self)
                                 /\ grab' = [grab EXCEPT ![self] = NoGrab]
                                 /\ i' = [i EXCEPT ![self] = 0]
                                 /\ n' = [n EXCEPT ![self] = 0]
                                 /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                 /\ UNCHANGED << runqhead, victim, stealnext, 
                                                 gp, h, st, rung, inherit, 
                                                 tries, sorder, vidx, dret, cg, 
                                                 cgfrom, cgto, cgret >>
                      /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                      runqsize, schedLock, thrown, pp, curg, 
                                      spinning, nmspinning, needspinning, 
                                      pidle, midle, schedtick, preempt, 
                                      sysmonSeen, status, goid, allgs, unborn, 
                                      waiting, goidgen, goidcache, 
                                      goidcacheend, gFreeLocal, gFreeLocalN, 
                                      gFreeStack, gFreeNoStack, gFreeN, 
                                      gFreeLock, stackSize, startingStackSize, 
                                      stacksAllocated, stacksFreed, sssChanges, 
                                      gEpoch, grows, spawned, gsteps, rqg, q, 
                                      gq, ep, gmax, rqret, rbret, oldnext, 
                                      next, rg, t, qn, batch, gbatch, ehead, 
                                      etail, enext, ewitness, phase, fg, 
                                      parked, gret, bret, wret, wpp, smspin, 
                                      sret, sn, newg, injl, gpret >>

runqsteal_loadhead(self) == /\ pc[self] = "runqsteal_loadhead"
                            /\ h' = [h EXCEPT ![self] = runqhead[pp[self]]]
                            /\ IF Dist(st[self], runqhead[pp[self]]) + n[self] >= RingSize
                                  THEN /\ thrown' = "runqsteal: runq overflow"
                                  ELSE /\ TRUE
                                       /\ UNCHANGED thrown
                            /\ pc' = [pc EXCEPT ![self] = "runqsteal_storetail"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, preempt, 
                                            sysmonSeen, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, gsteps, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            rbret, oldnext, next, rg, gp, t, n, 
                                            i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            parked, rung, inherit, gret, tries, 
                                            sorder, vidx, bret, dret, wret, 
                                            wpp, smspin, sret, sn, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqsteal_storetail(self) == /\ pc[self] = "runqsteal_storetail"
                             /\ runqtail' = [runqtail EXCEPT ![pp[self]] = Inc(st[self], n[self])]
                             /\ LET g == gp[self] IN
                                  /\ gp' = [gp EXCEPT ![self] = NoG]
                                  /\ h' = [h EXCEPT ![self] = 0]
                                  /\ n' = [n EXCEPT ![self] = 0]
                                  /\ st' = [st EXCEPT ![self] = 0]
                                  /\ IF g /= NoG
                                        THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                             /\ vidx' = [vidx EXCEPT ![self] = 0]
                                             /\ victim' = [victim EXCEPT ![self] = NoP]
                                             /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                             /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                             /\ rung' = [rung EXCEPT ![self] = g]
                                             /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                             /\ IF spinning[self]
                                                   THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                        /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                        /\ UNCHANGED << cg, 
                                                                        cgfrom, 
                                                                        cgto, 
                                                                        cgret >>
                                                   ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                        /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                        /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                        /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                        /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                        /\ dret' = dret
                                        ELSE /\ LET j == NextBusy(sorder[self], vidx[self]) IN
                                                  IF j /= 0
                                                     THEN /\ IF j > vidx[self] + 1
                                                                THEN /\ Probe("stealWork_skip_idle", self)
                                                                ELSE /\ TRUE
                                                          /\ vidx' = [vidx EXCEPT ![self] = j]
                                                          /\ victim' = [victim EXCEPT ![self] = sorder[self][j]]
                                                          /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                          /\ UNCHANGED << stealnext, 
                                                                          tries, 
                                                                          sorder >>
                                                     ELSE /\ IF tries[self] + 1 < StealTries
                                                                THEN /\ \E o \in StealOrders(pp[self]):
                                                                          LET j2 == NextBusy(o, 0) IN
                                                                            IF j2 /= 0
                                                                               THEN /\ Probe("stealWork_next_pass", self)
                                                                                    /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                    /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                    /\ vidx' = [vidx EXCEPT ![self] = j2]
                                                                                    /\ victim' = [victim EXCEPT ![self] = o[j2]]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                    /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                               ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                    /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                    /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                    /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                                    /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                     /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                     /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                     /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                     /\ sorder' = [sorder EXCEPT ![self] = <<>>]
                                                                     /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                             /\ UNCHANGED << rung, inherit, 
                                                             dret, cg, cgfrom, 
                                                             cgto, cgret >>
                             /\ UNCHANGED << runq, runqhead, runnext, globrunq, 
                                             runqsize, schedLock, grab, thrown, 
                                             pp, curg, spinning, nmspinning, 
                                             needspinning, pidle, midle, 
                                             schedtick, preempt, sysmonSeen, 
                                             status, goid, allgs, unborn, 
                                             waiting, goidgen, goidcache, 
                                             goidcacheend, gFreeLocal, 
                                             gFreeLocalN, gFreeStack, 
                                             gFreeNoStack, gFreeN, gFreeLock, 
                                             stackSize, startingStackSize, 
                                             stacksAllocated, stacksFreed, 
                                             sssChanges, gEpoch, grows, 
                                             spawned, gsteps, rqg, q, gq, ep, 
                                             gmax, rqret, rbret, oldnext, next, 
                                             rg, t, i, qn, batch, gbatch, 
                                             ehead, etail, enext, ewitness, 
                                             phase, fg, parked, gret, bret, 
                                             wret, wpp, smspin, sret, sn, newg, 
                                             injl, gpret >>

globrunqput_lock(self) == /\ pc[self] = "globrunqput_lock"
                          /\ schedLock = NoOne
                          /\ globrunq' = globrunq \o gq[self]
                          /\ runqsize' = runqsize + Len(gq[self])
                          /\ gq' = [gq EXCEPT ![self] = <<>>]
                          /\ IF gpret[self] = "gosched"
                                THEN /\ gpret' = [gpret EXCEPT ![self] = ""]
                                     /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize' > 0
                                           THEN /\ Probe("findRunnable_tick", self)
                                                /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                           ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                /\ UNCHANGED << gmax, gret >>
                                     /\ UNCHANGED << waiting, spawned, gsteps, 
                                                     wpp, smspin, sret, cg, 
                                                     cgfrom, cgto, cgret, injl >>
                                ELSE /\ IF gpret[self] = "inject"
                                           THEN /\ gpret' = [gpret EXCEPT ![self] = ""]
                                                /\ wpp' = [wpp EXCEPT ![self] = NoP]
                                                /\ smspin' = [smspin EXCEPT ![self] = FALSE]
                                                /\ sret' = [sret EXCEPT ![self] = "inject"]
                                                /\ pc' = [pc EXCEPT ![self] = "startm"]
                                                /\ UNCHANGED << waiting, 
                                                                spawned, 
                                                                gsteps, cg, 
                                                                cgfrom, cgto, 
                                                                cgret, injl >>
                                           ELSE /\ gpret' = [gpret EXCEPT ![self] = ""]
                                                /\ IF preempt[pp[self]]
                                                      THEN /\ Probe("sysmon_preempt", self)
                                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                           /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                           /\ UNCHANGED << waiting, 
                                                                           spawned, 
                                                                           gsteps, 
                                                                           injl >>
                                                      ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                                                 /\ spawned' = spawned + 1
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                 /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                 /\ UNCHANGED <<waiting, injl>>
                                                              \/ /\ "exit" \in GActions
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                                              \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<waiting, spawned, injl>>
                                                              \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<waiting, spawned, injl>>
                                                              \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<waiting, spawned, injl>>
                                                              \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ \E w \in waiting:
                                                                      /\ cg' = [cg EXCEPT ![self] = w]
                                                                      /\ waiting' = waiting \ {w}
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                              \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ LET l == SortedSeq(waiting) IN
                                                                      /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                      /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                 /\ waiting' = {}
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED spawned
                                                              \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                 /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                 /\ UNCHANGED <<waiting, spawned, injl>>
                                                              \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                                 /\ gsteps' = gsteps + 1
                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                 /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                 /\ UNCHANGED <<waiting, spawned, injl>>
                                                /\ UNCHANGED << wpp, smspin, 
                                                                sret >>
                                     /\ UNCHANGED << gmax, gret >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          schedLock, grab, thrown, pp, curg, 
                                          spinning, nmspinning, needspinning, 
                                          pidle, midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, rqg, q, 
                                          victim, stealnext, ep, rqret, rbret, 
                                          oldnext, next, rg, gp, h, t, n, i, 
                                          st, qn, batch, gbatch, ehead, etail, 
                                          enext, ewitness, phase, fg, parked, 
                                          rung, inherit, tries, sorder, vidx, 
                                          bret, dret, wret, sn, newg >>

globrunqputhead_lock(self) == /\ pc[self] = "globrunqputhead_lock"
                              /\ schedLock = NoOne /\ WorldStopped(self)
                              /\ IF runqtail[pp[self]] /= runqhead[pp[self]]
                                    THEN /\ Probe("destroy_runq", self)
                                         /\ LET tl == Inc(runqtail[pp[self]], Mod - 1) IN
                                              /\ runqtail' = [runqtail EXCEPT ![pp[self]] = tl]
                                              /\ globrunq' = <<runq[pp[self]][Slot(tl)]>> \o globrunq
                                         /\ runqsize' = runqsize + 1
                                         /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                         /\ UNCHANGED runnext
                                    ELSE /\ IF runnext[pp[self]] /= NoG
                                               THEN /\ Probe("destroy_runnext", self)
                                                    /\ globrunq' = <<runnext[pp[self]]>> \o globrunq
                                                    /\ runqsize' = runqsize + 1
                                                    /\ runnext' = [runnext EXCEPT ![pp[self]] = NoG]
                                                    /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                                               ELSE /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                                                    /\ UNCHANGED << runnext, 
                                                                    globrunq, 
                                                                    runqsize >>
                                         /\ UNCHANGED runqtail
                              /\ UNCHANGED << runq, runqhead, schedLock, grab, 
                                              thrown, pp, curg, spinning, 
                                              nmspinning, needspinning, pidle, 
                                              midle, schedtick, preempt, 
                                              sysmonSeen, status, goid, allgs, 
                                              unborn, waiting, goidgen, 
                                              goidcache, goidcacheend, 
                                              gFreeLocal, gFreeLocalN, 
                                              gFreeStack, gFreeNoStack, gFreeN, 
                                              gFreeLock, stackSize, 
                                              startingStackSize, 
                                              stacksAllocated, stacksFreed, 
                                              sssChanges, gEpoch, grows, 
                                              spawned, gsteps, rqg, q, gq, 
                                              victim, stealnext, ep, gmax, 
                                              rqret, rbret, oldnext, next, rg, 
                                              gp, h, t, n, i, st, qn, batch, 
                                              gbatch, ehead, etail, enext, 
                                              ewitness, phase, fg, parked, 
                                              rung, inherit, gret, tries, 
                                              sorder, vidx, bret, dret, wret, 
                                              wpp, smspin, sret, sn, cg, 
                                              cgfrom, cgto, cgret, newg, injl, 
                                              gpret >>

globrunqget_lock(self) == /\ pc[self] = "globrunqget_lock"
                          /\ schedLock = NoOne
                          /\ IF runqsize = 0
                                THEN /\ Probe("globrunqget_empty", self)
                                     /\ IF GoVersion = "1.25"
                                           THEN /\ LET from == gret[self] IN
                                                     /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                     /\ gret' = [gret EXCEPT ![self] = ""]
                                                     /\ IF NoG /= NoG
                                                           THEN /\ rung' = [rung EXCEPT ![self] = NoG]
                                                                /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                /\ IF spinning[self]
                                                                      THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                           /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                           /\ UNCHANGED << cg, 
                                                                                           cgfrom, 
                                                                                           cgto, 
                                                                                           cgret >>
                                                                      ELSE /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                           /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                           /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                           /\ dret' = dret
                                                                /\ UNCHANGED << victim, 
                                                                                stealnext, 
                                                                                tries, 
                                                                                sorder, 
                                                                                vidx, 
                                                                                bret >>
                                                           ELSE /\ IF from = "tick"
                                                                      THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                           /\ UNCHANGED << victim, 
                                                                                           stealnext, 
                                                                                           tries, 
                                                                                           sorder, 
                                                                                           vidx, 
                                                                                           bret >>
                                                                      ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                                 THEN /\ IF ~spinning[self]
                                                                                            THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                                 /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                                 /\ UNCHANGED << victim, 
                                                                                                                 stealnext, 
                                                                                                                 tries, 
                                                                                                                 sorder, 
                                                                                                                 vidx >>
                                                                                            ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                                      LET j == NextBusy(o, 0) IN
                                                                                                        IF j = 0
                                                                                                           THEN /\ Probe("stealWork_all_idle", self)
                                                                                                                /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                                /\ UNCHANGED << victim, 
                                                                                                                                stealnext, 
                                                                                                                                tries, 
                                                                                                                                sorder, 
                                                                                                                                vidx >>
                                                                                                           ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                                /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                                /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                                /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                                /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                                /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                 /\ bret' = bret
                                                                                 ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                                      /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                      /\ UNCHANGED << victim, 
                                                                                                      stealnext, 
                                                                                                      tries, 
                                                                                                      sorder, 
                                                                                                      vidx, 
                                                                                                      bret >>
                                                                /\ UNCHANGED << rung, 
                                                                                inherit, 
                                                                                dret, 
                                                                                cg, 
                                                                                cgfrom, 
                                                                                cgto, 
                                                                                cgret >>
                                                /\ UNCHANGED schedLock
                                           ELSE /\ schedLock' = self
                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                /\ UNCHANGED << victim, 
                                                                stealnext, 
                                                                gmax, rung, 
                                                                inherit, gret, 
                                                                tries, sorder, 
                                                                vidx, bret, 
                                                                dret, cg, 
                                                                cgfrom, cgto, 
                                                                cgret >>
                                     /\ UNCHANGED << globrunq, runqsize, rqg, 
                                                     q, rqret, rbret, gp, 
                                                     gbatch >>
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
                                                                  /\ UNCHANGED << victim, 
                                                                                  stealnext, 
                                                                                  gmax, 
                                                                                  rung, 
                                                                                  inherit, 
                                                                                  gret, 
                                                                                  tries, 
                                                                                  sorder, 
                                                                                  vidx, 
                                                                                  bret, 
                                                                                  dret, 
                                                                                  cg, 
                                                                                  cgfrom, 
                                                                                  cgto, 
                                                                                  cgret >>
                                                             ELSE /\ LET from == gret[self] IN
                                                                       /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                                       /\ gret' = [gret EXCEPT ![self] = ""]
                                                                       /\ IF (Head(gl)) /= NoG
                                                                             THEN /\ rung' = [rung EXCEPT ![self] = Head(gl)]
                                                                                  /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                                                  /\ IF spinning[self]
                                                                                        THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                                                             /\ UNCHANGED << cg, 
                                                                                                             cgfrom, 
                                                                                                             cgto, 
                                                                                                             cgret >>
                                                                                        ELSE /\ cg' = [cg EXCEPT ![self] = Head(gl)]
                                                                                             /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                                                             /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                                                             /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                             /\ dret' = dret
                                                                                  /\ UNCHANGED << victim, 
                                                                                                  stealnext, 
                                                                                                  tries, 
                                                                                                  sorder, 
                                                                                                  vidx, 
                                                                                                  bret >>
                                                                             ELSE /\ IF from = "tick"
                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                             /\ UNCHANGED << victim, 
                                                                                                             stealnext, 
                                                                                                             tries, 
                                                                                                             sorder, 
                                                                                                             vidx, 
                                                                                                             bret >>
                                                                                        ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                                                   THEN /\ IF ~spinning[self]
                                                                                                              THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                                                   /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                                                   /\ UNCHANGED << victim, 
                                                                                                                                   stealnext, 
                                                                                                                                   tries, 
                                                                                                                                   sorder, 
                                                                                                                                   vidx >>
                                                                                                              ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                                                        LET j == NextBusy(o, 0) IN
                                                                                                                          IF j = 0
                                                                                                                             THEN /\ Probe("stealWork_all_idle", self)
                                                                                                                                  /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                                                  /\ UNCHANGED << victim, 
                                                                                                                                                  stealnext, 
                                                                                                                                                  tries, 
                                                                                                                                                  sorder, 
                                                                                                                                                  vidx >>
                                                                                                                             ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                                                  /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                                                  /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                                                  /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                                                  /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                                                  /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                                                   /\ bret' = bret
                                                                                                   ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                                                        /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                        /\ UNCHANGED << victim, 
                                                                                                                        stealnext, 
                                                                                                                        tries, 
                                                                                                                        sorder, 
                                                                                                                        vidx, 
                                                                                                                        bret >>
                                                                                  /\ UNCHANGED << rung, 
                                                                                                  inherit, 
                                                                                                  dret, 
                                                                                                  cg, 
                                                                                                  cgfrom, 
                                                                                                  cgto, 
                                                                                                  cgret >>
                                                                  /\ UNCHANGED << q, 
                                                                                  rbret, 
                                                                                  gp >>
                                                       /\ UNCHANGED << schedLock, 
                                                                       rqg, 
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
                                                       /\ UNCHANGED << q, 
                                                                       victim, 
                                                                       stealnext, 
                                                                       gmax, 
                                                                       rbret, 
                                                                       rung, 
                                                                       inherit, 
                                                                       gret, 
                                                                       tries, 
                                                                       sorder, 
                                                                       vidx, 
                                                                       bret, 
                                                                       dret, 
                                                                       cg, 
                                                                       cgfrom, 
                                                                       cgto, 
                                                                       cgret >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          grab, thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, preempt, 
                                          sysmonSeen, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          gsteps, gq, ep, oldnext, next, rg, h, 
                                          t, n, i, st, qn, batch, ehead, etail, 
                                          enext, ewitness, phase, fg, parked, 
                                          wret, wpp, smspin, sret, sn, newg, 
                                          injl, gpret >>

globrunqget_unlock(self) == /\ pc[self] = "globrunqget_unlock"
                            /\ schedLock' = NoOne
                            /\ LET g == gp[self] IN
                                 /\ gp' = [gp EXCEPT ![self] = NoG]
                                 /\ LET from == gret[self] IN
                                      /\ gmax' = [gmax EXCEPT ![self] = 0]
                                      /\ gret' = [gret EXCEPT ![self] = ""]
                                      /\ IF g /= NoG
                                            THEN /\ rung' = [rung EXCEPT ![self] = g]
                                                 /\ inherit' = [inherit EXCEPT ![self] = FALSE]
                                                 /\ IF spinning[self]
                                                       THEN /\ dret' = [dret EXCEPT ![self] = "reset"]
                                                            /\ pc' = [pc EXCEPT ![self] = "findRunnable_dropspinning"]
                                                            /\ UNCHANGED << cg, 
                                                                            cgfrom, 
                                                                            cgto, 
                                                                            cgret >>
                                                       ELSE /\ cg' = [cg EXCEPT ![self] = g]
                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                                            /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                                            /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                            /\ dret' = dret
                                                 /\ UNCHANGED << victim, 
                                                                 stealnext, 
                                                                 tries, sorder, 
                                                                 vidx, bret >>
                                            ELSE /\ IF from = "tick"
                                                       THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                            /\ UNCHANGED << victim, 
                                                                            stealnext, 
                                                                            tries, 
                                                                            sorder, 
                                                                            vidx, 
                                                                            bret >>
                                                       ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                  THEN /\ IF ~spinning[self]
                                                                             THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                  /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                  /\ UNCHANGED << victim, 
                                                                                                  stealnext, 
                                                                                                  tries, 
                                                                                                  sorder, 
                                                                                                  vidx >>
                                                                             ELSE /\ \E o \in StealOrders(pp[self]):
                                                                                       LET j == NextBusy(o, 0) IN
                                                                                         IF j = 0
                                                                                            THEN /\ Probe("stealWork_all_idle", self)
                                                                                                 /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                 /\ UNCHANGED << victim, 
                                                                                                                 stealnext, 
                                                                                                                 tries, 
                                                                                                                 sorder, 
                                                                                                                 vidx >>
                                                                                            ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                 /\ sorder' = [sorder EXCEPT ![self] = o]
                                                                                                 /\ vidx' = [vidx EXCEPT ![self] = j]
                                                                                                 /\ victim' = [victim EXCEPT ![self] = o[j]]
                                                                                                 /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                 /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                  /\ bret' = bret
                                                                  ELSE /\ Probe("findRunnable_spin_limit", self)
                                                                       /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                       /\ UNCHANGED << victim, 
                                                                                       stealnext, 
                                                                                       tries, 
                                                                                       sorder, 
                                                                                       vidx, 
                                                                                       bret >>
                                                 /\ UNCHANGED << rung, inherit, 
                                                                 dret, cg, 
                                                                 cgfrom, cgto, 
                                                                 cgret >>
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, grab, thrown, 
                                            pp, curg, spinning, nmspinning, 
                                            needspinning, pidle, midle, 
                                            schedtick, preempt, sysmonSeen, 
                                            status, goid, allgs, unborn, 
                                            waiting, goidgen, goidcache, 
                                            goidcacheend, gFreeLocal, 
                                            gFreeLocalN, gFreeStack, 
                                            gFreeNoStack, gFreeN, gFreeLock, 
                                            stackSize, startingStackSize, 
                                            stacksAllocated, stacksFreed, 
                                            sssChanges, gEpoch, grows, spawned, 
                                            gsteps, rqg, q, gq, ep, rqret, 
                                            rbret, oldnext, next, rg, h, t, n, 
                                            i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            parked, wret, wpp, smspin, sret, 
                                            sn, newg, injl, gpret >>

gfget_check(self) == /\ pc[self] = "gfget_check"
                     /\ IF gFreeLocal[pp[self]] = <<>> /\ (gFreeStack /= <<>> \/ gFreeNoStack /= <<>>)
                           THEN /\ pc' = [pc EXCEPT ![self] = "gfget_lock"]
                           ELSE /\ pc' = [pc EXCEPT ![self] = "gfget_pop"]
                     /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                     globrunq, runqsize, schedLock, grab, 
                                     thrown, pp, curg, spinning, nmspinning, 
                                     needspinning, pidle, midle, schedtick, 
                                     preempt, sysmonSeen, status, goid, allgs, 
                                     unborn, waiting, goidgen, goidcache, 
                                     goidcacheend, gFreeLocal, gFreeLocalN, 
                                     gFreeStack, gFreeNoStack, gFreeN, 
                                     gFreeLock, stackSize, startingStackSize, 
                                     stacksAllocated, stacksFreed, sssChanges, 
                                     gEpoch, grows, spawned, gsteps, rqg, q, 
                                     gq, victim, stealnext, ep, gmax, rqret, 
                                     rbret, oldnext, next, rg, gp, h, t, n, i, 
                                     st, qn, batch, gbatch, ehead, etail, 
                                     enext, ewitness, phase, fg, parked, rung, 
                                     inherit, gret, tries, sorder, vidx, bret, 
                                     dret, wret, wpp, smspin, sret, sn, cg, 
                                     cgfrom, cgto, cgret, newg, injl, gpret >>

gfget_lock(self) == /\ pc[self] = "gfget_lock"
                    /\ gFreeLock = NoOne
                    /\ LET need == Max(Refill - gFreeLocalN[pp[self]], 0) IN
                         LET fromStack == SubSeq(gFreeStack, 1, Min(need, Len(gFreeStack))) IN
                           LET fromNoStack == SubSeq(gFreeNoStack, 1, Min(need - Len(fromStack), Len(gFreeNoStack))) IN
                             LET moved == fromStack \o fromNoStack IN
                               /\ IF moved = <<>>
                                     THEN /\ Probe("gfget_refill_empty", self)
                                     ELSE /\ TRUE
                               /\ gFreeStack' = SubSeq(gFreeStack, Len(fromStack) + 1, Len(gFreeStack))
                               /\ gFreeNoStack' = SubSeq(gFreeNoStack, Len(fromNoStack) + 1, Len(gFreeNoStack))
                               /\ gFreeN' = gFreeN - Len(moved)
                               /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = Reverse(moved) \o gFreeLocal[pp[self]]]
                               /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = gFreeLocalN[pp[self]] + Len(moved)]
                    /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, 
                                    thrown, pp, curg, spinning, nmspinning, 
                                    needspinning, pidle, midle, schedtick, 
                                    preempt, sysmonSeen, status, goid, allgs, 
                                    unborn, waiting, goidgen, goidcache, 
                                    goidcacheend, gFreeLock, stackSize, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    spawned, gsteps, rqg, q, gq, victim, 
                                    stealnext, ep, gmax, rqret, rbret, oldnext, 
                                    next, rg, gp, h, t, n, i, st, qn, batch, 
                                    gbatch, ehead, etail, enext, ewitness, 
                                    phase, fg, parked, rung, inherit, gret, 
                                    tries, sorder, vidx, bret, dret, wret, wpp, 
                                    smspin, sret, sn, cg, cgfrom, cgto, cgret, 
                                    newg, injl, gpret >>

gfget_pop(self) == /\ pc[self] = "gfget_pop"
                   /\ IF gFreeLocal[pp[self]] = <<>>
                         THEN /\ IF NoG = NoG
                                    THEN /\ pc' = [pc EXCEPT ![self] = "malg"]
                                         /\ UNCHANGED << cg, cgfrom, cgto, 
                                                         cgret, newg >>
                                    ELSE /\ newg' = [newg EXCEPT ![self] = NoG]
                                         /\ cg' = [cg EXCEPT ![self] = NoG]
                                         /\ cgfrom' = [cgfrom EXCEPT ![self] = Gdead]
                                         /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                         /\ cgret' = [cgret EXCEPT ![self] = "newproc1"]
                                         /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                              /\ UNCHANGED << gFreeLocal, gFreeLocalN, 
                                              stackSize, stacksAllocated, 
                                              stacksFreed >>
                         ELSE /\ LET g == Head(gFreeLocal[pp[self]]) IN
                                   /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = Tail(gFreeLocal[pp[self]])]
                                   /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = gFreeLocalN[pp[self]] - 1]
                                   /\ IF stackSize[g] /= NoStack /\ stackSize[g] /= startingStackSize
                                         THEN /\ Probe("gfget_stack_resized", self)
                                              /\ stackSize' = [stackSize EXCEPT ![g] = startingStackSize]
                                              /\ stacksFreed' = stacksFreed + 1
                                              /\ stacksAllocated' = stacksAllocated + 1
                                         ELSE /\ IF stackSize[g] = NoStack
                                                    THEN /\ Probe("gfget_stack_alloc", self)
                                                         /\ stackSize' = [stackSize EXCEPT ![g] = startingStackSize]
                                                         /\ stacksAllocated' = stacksAllocated + 1
                                                    ELSE /\ TRUE
                                                         /\ UNCHANGED << stackSize, 
                                                                         stacksAllocated >>
                                              /\ UNCHANGED stacksFreed
                                   /\ IF g = NoG
                                         THEN /\ pc' = [pc EXCEPT ![self] = "malg"]
                                              /\ UNCHANGED << cg, cgfrom, cgto, 
                                                              cgret, newg >>
                                         ELSE /\ newg' = [newg EXCEPT ![self] = g]
                                              /\ cg' = [cg EXCEPT ![self] = g]
                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Gdead]
                                              /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                              /\ cgret' = [cgret EXCEPT ![self] = "newproc1"]
                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                   /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                                   runqsize, schedLock, grab, thrown, pp, curg, 
                                   spinning, nmspinning, needspinning, pidle, 
                                   midle, schedtick, preempt, sysmonSeen, 
                                   status, goid, allgs, unborn, waiting, 
                                   goidgen, goidcache, goidcacheend, 
                                   gFreeStack, gFreeNoStack, gFreeN, gFreeLock, 
                                   startingStackSize, sssChanges, gEpoch, 
                                   grows, spawned, gsteps, rqg, q, gq, victim, 
                                   stealnext, ep, gmax, rqret, rbret, oldnext, 
                                   next, rg, gp, h, t, n, i, st, qn, batch, 
                                   gbatch, ehead, etail, enext, ewitness, 
                                   phase, fg, parked, rung, inherit, gret, 
                                   tries, sorder, vidx, bret, dret, wret, wpp, 
                                   smspin, sret, sn, injl, gpret >>

malg(self) == /\ pc[self] = "malg"
              /\ IF unborn = {}
                    THEN /\ thrown' = "model: no G left for malg (raise NumG)"
                         /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                         /\ UNCHANGED << unborn, stackSize, stacksAllocated, 
                                         cg, cgfrom, cgto, cgret, newg >>
                    ELSE /\ LET g == SetMin(unborn) IN
                              /\ unborn' = unborn \ {g}
                              /\ stackSize' = [stackSize EXCEPT ![g] = StackMin]
                              /\ stacksAllocated' = stacksAllocated + 1
                              /\ newg' = [newg EXCEPT ![self] = g]
                              /\ cg' = [cg EXCEPT ![self] = g]
                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Gidle]
                              /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                              /\ cgret' = [cgret EXCEPT ![self] = "malg"]
                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                         /\ UNCHANGED thrown
              /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                              runqsize, schedLock, grab, pp, curg, spinning, 
                              nmspinning, needspinning, pidle, midle, 
                              schedtick, preempt, sysmonSeen, status, goid, 
                              allgs, waiting, goidgen, goidcache, goidcacheend, 
                              gFreeLocal, gFreeLocalN, gFreeStack, 
                              gFreeNoStack, gFreeN, gFreeLock, 
                              startingStackSize, stacksFreed, sssChanges, 
                              gEpoch, grows, spawned, gsteps, rqg, q, gq, 
                              victim, stealnext, ep, gmax, rqret, rbret, 
                              oldnext, next, rg, gp, h, t, n, i, st, qn, batch, 
                              gbatch, ehead, etail, enext, ewitness, phase, fg, 
                              parked, rung, inherit, gret, tries, sorder, vidx, 
                              bret, dret, wret, wpp, smspin, sret, sn, injl, 
                              gpret >>

gfput_push(self) == /\ pc[self] = "gfput_push"
                    /\ IF status[fg[self]] /= Gdead
                          THEN /\ thrown' = "gfput: bad status (not Gdead)"
                          ELSE /\ TRUE
                               /\ UNCHANGED thrown
                    /\ IF stackSize[fg[self]] /= startingStackSize
                          THEN /\ Probe("gfput_stack_freed", self)
                               /\ stackSize' = [stackSize EXCEPT ![fg[self]] = NoStack]
                               /\ stacksFreed' = stacksFreed + 1
                          ELSE /\ TRUE
                               /\ UNCHANGED << stackSize, stacksFreed >>
                    /\ gEpoch' = [gEpoch EXCEPT ![fg[self]] = sssChanges]
                    /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = <<fg[self]>> \o gFreeLocal[pp[self]]]
                    /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = gFreeLocalN[pp[self]] + 1]
                    /\ IF SpillDue(gFreeLocalN'[pp[self]], LocalMax)
                          THEN /\ fg' = [fg EXCEPT ![self] = NoG]
                               /\ pc' = [pc EXCEPT ![self] = "gfput_lock"]
                               /\ UNCHANGED << gmax, gret >>
                          ELSE /\ fg' = [fg EXCEPT ![self] = NoG]
                               /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                                     THEN /\ Probe("findRunnable_tick", self)
                                          /\ gmax' = [gmax EXCEPT ![self] = 1]
                                          /\ gret' = [gret EXCEPT ![self] = "tick"]
                                          /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                     ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                          /\ UNCHANGED << gmax, gret >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, pp, 
                                    curg, spinning, nmspinning, needspinning, 
                                    pidle, midle, schedtick, preempt, 
                                    sysmonSeen, status, goid, allgs, unborn, 
                                    waiting, goidgen, goidcache, goidcacheend, 
                                    gFreeStack, gFreeNoStack, gFreeN, 
                                    gFreeLock, startingStackSize, 
                                    stacksAllocated, sssChanges, grows, 
                                    spawned, gsteps, rqg, q, gq, victim, 
                                    stealnext, ep, rqret, rbret, oldnext, next, 
                                    rg, gp, h, t, n, i, st, qn, batch, gbatch, 
                                    ehead, etail, enext, ewitness, phase, 
                                    parked, rung, inherit, tries, sorder, vidx, 
                                    bret, dret, wret, wpp, smspin, sret, sn, 
                                    cg, cgfrom, cgto, cgret, newg, injl, gpret >>

gfput_lock(self) == /\ pc[self] = "gfput_lock"
                    /\ gFreeLock = NoOne
                    /\ LET k == Max(gFreeLocalN[pp[self]] - LocalKeep + 1, 0) IN
                         LET popped == SubSeq(gFreeLocal[pp[self]], 1, k) IN
                           LET ss == StacksAfterSpill(stackSize, popped, NoStack) IN
                             /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = SubSeq(gFreeLocal[pp[self]], k + 1, Len(gFreeLocal[pp[self]]))]
                             /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = gFreeLocalN[pp[self]] - k]
                             /\ gFreeNoStack' = Reverse(WithoutStackIn(popped, ss)) \o gFreeNoStack
                             /\ gFreeStack' = Reverse(WithStackIn(popped, ss)) \o gFreeStack
                             /\ stackSize' = ss
                             /\ gFreeN' = gFreeN + k
                    /\ fg' = [fg EXCEPT ![self] = NoG]
                    /\ IF GlobalCheckDue(schedtick[pp[self]]) /\ runqsize > 0
                          THEN /\ Probe("findRunnable_tick", self)
                               /\ gmax' = [gmax EXCEPT ![self] = 1]
                               /\ gret' = [gret EXCEPT ![self] = "tick"]
                               /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                          ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                               /\ UNCHANGED << gmax, gret >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, 
                                    thrown, pp, curg, spinning, nmspinning, 
                                    needspinning, pidle, midle, schedtick, 
                                    preempt, sysmonSeen, status, goid, allgs, 
                                    unborn, waiting, goidgen, goidcache, 
                                    goidcacheend, gFreeLock, startingStackSize, 
                                    stacksAllocated, stacksFreed, sssChanges, 
                                    gEpoch, grows, spawned, gsteps, rqg, q, gq, 
                                    victim, stealnext, ep, rqret, rbret, 
                                    oldnext, next, rg, gp, h, t, n, i, st, qn, 
                                    batch, gbatch, ehead, etail, enext, 
                                    ewitness, phase, parked, rung, inherit, 
                                    tries, sorder, vidx, bret, dret, wret, wpp, 
                                    smspin, sret, sn, cg, cgfrom, cgto, cgret, 
                                    newg, injl, gpret >>

gfpurge_lock(self) == /\ pc[self] = "gfpurge_lock"
                      /\ gFreeLock = NoOne
                      /\ LET popped == gFreeLocal[pp[self]] IN
                           /\ IF popped /= <<>>
                                 THEN /\ Probe("gfpurge_some", self)
                                 ELSE /\ TRUE
                           /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = <<>>]
                           /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = 0]
                           /\ gFreeNoStack' = Reverse(WithoutStack(popped)) \o gFreeNoStack
                           /\ gFreeStack' = Reverse(WithStack(popped)) \o gFreeStack
                           /\ gFreeN' = gFreeN + Len(popped)
                      /\ IF preempt[pp[self]]
                            THEN /\ Probe("sysmon_preempt", self)
                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                 /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED << waiting, spawned, gsteps, 
                                                 injl >>
                            ELSE /\ \/ /\ "go" \in GActions /\ MaySpawn(spawned) /\ MayAct(gsteps)
                                       /\ spawned' = spawned + 1
                                       /\ gsteps' = gsteps + 1
                                       /\ cg' = [cg EXCEPT ![self] = NoG]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                       /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                       /\ UNCHANGED <<waiting, injl>>
                                    \/ /\ "exit" \in GActions
                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                       /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                       /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                       /\ UNCHANGED <<waiting, spawned, gsteps, injl>>
                                    \/ /\ "gosched" \in GActions /\ MayAct(gsteps)
                                       /\ gsteps' = gsteps + 1
                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                       /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                    \/ /\ "yield" \in GActions /\ MayAct(gsteps)
                                       /\ gsteps' = gsteps + 1
                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                       /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                    \/ /\ "park" \in GActions /\ MayAct(gsteps)
                                       /\ gsteps' = gsteps + 1
                                       /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                       /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                       /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                    \/ /\ "ready" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                       /\ gsteps' = gsteps + 1
                                       /\ \E w \in waiting:
                                            /\ cg' = [cg EXCEPT ![self] = w]
                                            /\ waiting' = waiting \ {w}
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                       /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                       /\ UNCHANGED <<spawned, injl>>
                                    \/ /\ "inject" \in GActions /\ waiting /= {} /\ MayAct(gsteps)
                                       /\ gsteps' = gsteps + 1
                                       /\ LET l == SortedSeq(waiting) IN
                                            /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                            /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                       /\ waiting' = {}
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                       /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                       /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                       /\ UNCHANGED spawned
                                    \/ /\ "gcdrain" \in GActions /\ MayAct(gsteps)
                                       /\ gsteps' = gsteps + 1
                                       /\ cg' = [cg EXCEPT ![self] = NoG]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                       /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                       /\ UNCHANGED <<waiting, spawned, injl>>
                                    \/ /\ "resize" \in GActions /\ MayAct(gsteps) /\ \A m \in Ms \ {self} : m \in Range(midle)
                                       /\ gsteps' = gsteps + 1
                                       /\ cg' = [cg EXCEPT ![self] = NoG]
                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                       /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                       /\ UNCHANGED <<waiting, spawned, injl>>
                      /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                      globrunq, runqsize, schedLock, grab, 
                                      thrown, pp, curg, spinning, nmspinning, 
                                      needspinning, pidle, midle, schedtick, 
                                      preempt, sysmonSeen, status, goid, allgs, 
                                      unborn, goidgen, goidcache, goidcacheend, 
                                      gFreeLock, stackSize, startingStackSize, 
                                      stacksAllocated, stacksFreed, sssChanges, 
                                      gEpoch, grows, rqg, q, gq, victim, 
                                      stealnext, ep, gmax, rqret, rbret, 
                                      oldnext, next, rg, gp, h, t, n, i, st, 
                                      qn, batch, gbatch, ehead, etail, enext, 
                                      ewitness, phase, fg, parked, rung, 
                                      inherit, gret, tries, sorder, vidx, bret, 
                                      dret, wret, wpp, smspin, sret, sn, newg, 
                                      gpret >>

M(self) == stopm(self) \/ casgstatus(self) \/ allgadd(self)
              \/ newproc1_goid(self) \/ wakep(self) \/ wakep_lock(self)
              \/ startm(self) \/ becomeSpinning(self)
              \/ findRunnable_lockidle(self)
              \/ findRunnable_unlockidle(self)
              \/ findRunnable_dropspinning(self)
              \/ findRunnable_lockrecheck(self) \/ checkRunqsNoP_lock(self)
              \/ runqempty_loadhead(self) \/ runqempty_loadtail(self)
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
              \/ gfget_check(self) \/ gfget_lock(self) \/ gfget_pop(self)
              \/ malg(self) \/ gfput_push(self) \/ gfput_lock(self)
              \/ gfpurge_lock(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Ms: M(self))
           \/ Terminating

Spec == /\ Init /\ [][Next]_vars
        /\ \A self \in Ms : WF_vars(M(self))

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

(***************************************************************************)
(* The environment.                                                        *)
(***************************************************************************)
\* BEGIN UNCHANGED LISTS (generated by Main translate from the translation's variables)
\*   OthersWakeup: every variable but parked pc gmax gret
\*   OthersSysmon: every variable but sysmonSeen preempt
\*   OthersGrow: every variable but stackSize stacksAllocated stacksFreed grows
\*   OthersSSS: every variable but startingStackSize sssChanges
\*   AllButGsteps: every variable but gsteps
\*   ViewTuple(r, g): every variable, with runq as r, gsteps as g
OthersWakeup == <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab,
                  thrown, pp, curg, spinning, nmspinning, needspinning, pidle, midle,
                  schedtick, preempt, sysmonSeen, status, goid, allgs, unborn, waiting,
                  goidgen, goidcache, goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack,
                  gFreeNoStack, gFreeN, gFreeLock, stackSize, startingStackSize,
                  stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, spawned, gsteps,
                  rqg, q, gq, victim, stealnext, ep, rqret, rbret, oldnext, next, rg, gp, h, t,
                  n, i, st, qn, batch, gbatch, ehead, etail, enext, ewitness, phase, fg, rung,
                  inherit, tries, sorder, vidx, bret, dret, wret, wpp, smspin, sret, sn, cg,
                  cgfrom, cgto, cgret, newg, injl, gpret>>
OthersSysmon == <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab,
                  thrown, pp, curg, spinning, nmspinning, needspinning, pidle, midle,
                  schedtick, status, goid, allgs, unborn, waiting, goidgen, goidcache,
                  goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN,
                  gFreeLock, stackSize, startingStackSize, stacksAllocated, stacksFreed,
                  sssChanges, gEpoch, grows, spawned, gsteps, pc, rqg, q, gq, victim,
                  stealnext, ep, gmax, rqret, rbret, oldnext, next, rg, gp, h, t, n, i, st, qn,
                  batch, gbatch, ehead, etail, enext, ewitness, phase, fg, parked, rung,
                  inherit, gret, tries, sorder, vidx, bret, dret, wret, wpp, smspin, sret, sn,
                  cg, cgfrom, cgto, cgret, newg, injl, gpret>>
OthersGrow == <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab, thrown,
                pp, curg, spinning, nmspinning, needspinning, pidle, midle, schedtick, preempt,
                sysmonSeen, status, goid, allgs, unborn, waiting, goidgen, goidcache,
                goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN,
                gFreeLock, startingStackSize, sssChanges, gEpoch, spawned, gsteps, pc, rqg, q,
                gq, victim, stealnext, ep, gmax, rqret, rbret, oldnext, next, rg, gp, h, t, n,
                i, st, qn, batch, gbatch, ehead, etail, enext, ewitness, phase, fg, parked,
                rung, inherit, gret, tries, sorder, vidx, bret, dret, wret, wpp, smspin, sret,
                sn, cg, cgfrom, cgto, cgret, newg, injl, gpret>>
OthersSSS == <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab, thrown,
               pp, curg, spinning, nmspinning, needspinning, pidle, midle, schedtick, preempt,
               sysmonSeen, status, goid, allgs, unborn, waiting, goidgen, goidcache,
               goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN,
               gFreeLock, stackSize, stacksAllocated, stacksFreed, gEpoch, grows, spawned,
               gsteps, pc, rqg, q, gq, victim, stealnext, ep, gmax, rqret, rbret, oldnext,
               next, rg, gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail, enext, ewitness,
               phase, fg, parked, rung, inherit, gret, tries, sorder, vidx, bret, dret, wret,
               wpp, smspin, sret, sn, cg, cgfrom, cgto, cgret, newg, injl, gpret>>
AllButGsteps == <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab,
                  thrown, pp, curg, spinning, nmspinning, needspinning, pidle, midle,
                  schedtick, preempt, sysmonSeen, status, goid, allgs, unborn, waiting,
                  goidgen, goidcache, goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack,
                  gFreeNoStack, gFreeN, gFreeLock, stackSize, startingStackSize,
                  stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, spawned, pc, rqg, q,
                  gq, victim, stealnext, ep, gmax, rqret, rbret, oldnext, next, rg, gp, h, t,
                  n, i, st, qn, batch, gbatch, ehead, etail, enext, ewitness, phase, fg,
                  parked, rung, inherit, gret, tries, sorder, vidx, bret, dret, wret, wpp,
                  smspin, sret, sn, cg, cgfrom, cgto, cgret, newg, injl, gpret>>
ViewTuple(r, g) == <<r, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab,
                     thrown, pp, curg, spinning, nmspinning, needspinning, pidle, midle,
                     schedtick, preempt, sysmonSeen, status, goid, allgs, unborn, waiting,
                     goidgen, goidcache, goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack,
                     gFreeNoStack, gFreeN, gFreeLock, stackSize, startingStackSize,
                     stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, spawned, g, pc,
                     rqg, q, gq, victim, stealnext, ep, gmax, rqret, rbret, oldnext, next, rg,
                     gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail, enext, ewitness,
                     phase, fg, parked, rung, inherit, gret, tries, sorder, vidx, bret, dret,
                     wret, wpp, smspin, sret, sn, cg, cgfrom, cgto, cgret, newg, injl, gpret>>
\* END UNCHANGED LISTS

\* mPark returns: startm gave M m a P (nextp; acquirep is merged into startm)
\* and woke it.  The M starts over at findRunnable's top, where the racy
\* reads of pp.schedtick%61 and sched.runqsize choose its first step.  (An M
\* that holds a P in the initial state starts here too, as from mstart.)
Wakeup(m) ==
    /\ pc[m] = "stopm" /\ parked[m] /\ pp[m] /= NoP
    /\ parked' = [parked EXCEPT ![m] = FALSE]
    /\ IF GlobalCheckDue(schedtick[pp[m]]) /\ runqsize > 0
       THEN /\ pc' = [pc EXCEPT ![m] = "globrunqget_lock"]
            /\ gmax' = [gmax EXCEPT ![m] = 1]
            /\ gret' = [gret EXCEPT ![m] = "tick"]
       ELSE /\ pc' = [pc EXCEPT ![m] = "runqget_loadnext"]
            /\ UNCHANGED <<gmax, gret>>
    /\ UNCHANGED OthersWakeup

\* M m's G has just chosen its next action (GAction) and not yet started it.
\* Only GAction reads sysmon's request and only execute resets it, and both
\* happen at such points; so a retake anywhere between two of them has the
\* effect of a retake at the earlier one, and the model lets sysmon act only
\* there (a partial-order reduction: it keeps every outcome).
AtGActionStart(m) ==
    \/ pc[m] \in {"gfget_check", "runqdrain_loadnext", "globrunqputhead_lock"}
    \/ pc[m] = "casgstatus" /\ cgret[m] \in {"goexit", "gosched", "goyield", "park", "ready", "inject"}

\* sysmon's retake (proc.go), for a P running a G: if pp.schedtick changed
\* since sysmon last looked, it notes the new value (pd.schedtick = t);
\* otherwise the time slice is used up (forcePreemptNS) and sysmon asks for
\* preemption (preemptone).  Go sets gp.preempt on the G running now and,
\* while the slice stays expired, asks again every sysmon round, whichever G
\* inherited the slice; the model keeps the request on the P until a new
\* slice starts (execute without inheritTime), and the G running on it
\* honours it at its next action (GAction).
SysmonRetake(p) ==
    /\ Sysmon
    /\ \E m \in Ms : pp[m] = p /\ curg[m] /= NoG /\ AtGActionStart(m)
    /\ IF ~sysmonSeen[p]
       THEN /\ sysmonSeen' = [sysmonSeen EXCEPT ![p] = TRUE]
            /\ UNCHANGED preempt
       ELSE /\ ~preempt[p]
            /\ preempt' = [preempt EXCEPT ![p] = TRUE]
            /\ UNCHANGED sysmonSeen
    /\ UNCHANGED OthersSysmon

\* A running G's stack grows (morestack -> copystack: stackalloc the new size,
\* stackfree the old one).
GrowStack ==
    /\ \E m \in Ms :
        LET g == curg[m] IN
        /\ g /= NoG /\ CanGrow(stackSize[g])
        /\ stackSize' = [stackSize EXCEPT ![g] = Grown(@)]
        /\ stacksAllocated' = stacksAllocated + 1
        /\ stacksFreed' = stacksFreed + 1
        /\ grows' = grows + 1
    /\ UNCHANGED OthersGrow

\* A GC changes startingStackSize (gcComputeStartingStackSize).  Stacks on
\* the free lists are not touched.
AdjustStartingStackSize ==
    /\ \E s \in StackSizes \ {startingStackSize} :
        /\ startingStackSize' = s
        /\ sssChanges' = sssChanges + 1
    /\ UNCHANGED OthersSSS

\* Every M is parked in stopm without a P: nothing happens any more (not a
\* deadlock).
Quiescent == \A m \in Ms : pp[m] = NoP /\ pc[m] = "stopm" /\ parked[m]
Idle == Quiescent /\ UNCHANGED vars

FullNext == Next \/ (\E m \in Ms : Wakeup(m)) \/ (\E p \in Ps : SysmonRetake(p))
            \/ GrowStack \/ AdjustStartingStackSize \/ Idle
\* Weak fairness of each M (with its P) and of its wake-up: a step an M can
\* take, it eventually takes.  Strong fairness of sysmon: a P whose G could be
\* preempted again and again is eventually preempted (sysmon runs every 10 ms).
Fairness == /\ \A m \in Ms : WF_vars(M(m)) /\ WF_vars(Wakeup(m))
            /\ \A p \in Ps : SF_vars(SysmonRetake(p))
FullSpec == Init /\ [][FullNext]_vars /\ Fairness

\* The steps that take sched.lock (lock(&sched.lock)): each is enabled only
\* while no other M holds the lock.
SchedLockLabels == {"stopm", "wakep_lock", "startm", "findRunnable_lockidle",
                    "checkRunqsNoP_lock", "runqputslow_lock", "runqputbatch_lock",
                    "globrunqput_lock", "globrunqputhead_lock", "globrunqget_lock"}
TakesSchedLock(m) == pc[m] \in SchedLockLabels /\ M(m)
\* Strong fairness of sched.lock: an M that waits for the lock while it is
\* free again and again eventually takes it.  Weak fairness alone lets an M
\* that loops through lock sections for ever (Gosched's globrunqput, the
\* %61 globrunqget) starve an M waiting in wakep_lock, whose step is not
\* continuously enabled; Go's futex lock does not do that in practice.
\* Needed where two Ms run endless programs through the global queue
\* (Proc_global2); where WF suffices a model uses FullSpec, whose verdicts
\* then hold under the weaker assumption.
LockFairness == \A m \in Ms : SF_vars(TakesSchedLock(m))
LockFairSpec == FullSpec /\ LockFairness
\* Safety only (no fairness): smaller liveness-free runs use this.
SafetySpec == Init /\ [][FullNext]_vars

(***************************************************************************)
(* Where every G is.                                                       *)
(***************************************************************************)
Ring(p) == LiveRing(runq[p], runqhead[p], runqtail[p])
OptG(g) == IF g = NoG THEN <<>> ELSE <<g>>

\* The Gs M m holds in transit (taken from one place, not yet put in another).
Possessed(m) ==
    LET p == pp[m] IN
    OptG(rqg[m]) \o OptG(gp[m]) \o gq[m] \o q[m] \o gbatch[m]
    \o OptG(rung[m]) \o OptG(newg[m]) \o OptG(fg[m])
    \o (IF pc[m] \in {"runqputbatch_store", "runqputbatch_storetail"}
        THEN RingSeq(runq[p], runqtail[p], Dist(t[m], runqtail[p])) ELSE <<>>)
    \o (IF pc[m] = "runqdrain_load"
        THEN RingSeq(runq[p], Inc(h[m], i[m]), qn[m] - i[m]) ELSE <<>>)
    \o (IF pc[m] \in {"runqsteal_loadhead", "runqsteal_storetail"}
        THEN RingSeq(runq[p], st[m], n[m]) ELSE <<>>)

RECURSIVE CatP(_, _)
CatP(f(_), k) == IF k = 0 THEN <<>> ELSE CatP(f, k - 1) \o f(k)
AtP(p) == Ring(p) \o OptG(runnext[p]) \o gFreeLocal[p]
\* A G being readied (goready, injectglist) is the waker's from its choice
\* until its runqput: cg, and injectglist's Gs still to mark.
Readying(m) == IF cgret[m] \in {"ready", "inject"} THEN OptG(cg[m]) \o injl[m] ELSE <<>>
AtM(m) == OptG(curg[m]) \o Possessed(m) \o Readying(m)
PlacesSeq == CatP(AtP, NumP) \o globrunq \o gFreeStack \o gFreeNoStack \o CatP(AtM, NumM)

Runnable == UNION {Range(Ring(p)) \cup Range(OptG(runnext[p])) : p \in Ps} \cup Range(globrunq)
AllFree == UNION {Range(gFreeLocal[p]) : p \in Ps} \cup Range(gFreeStack) \cup Range(gFreeNoStack)

\* The ring of P p as its owner has written it in program order (see RunQueue).
Meant(p) ==
    IF TailBeforeSlot /\ \E x \in Ms : pp[x] = p /\ pc[x] = "runqput_storetail"
    THEN LET x == CHOOSE x \in Ms : pp[x] = p /\ pc[x] = "runqput_storetail"
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
RingInUse(p) == \E x \in Ms : (grab[x].victim = p /\ pc[x] \notin RunqemptyPcs) \/ (pp[x] = p /\ pc[x] \in OwnSlotPcs)
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
    /\ runqsize \in Nat /\ schedLock \in Ms \cup {NoOne}
    /\ pp \in [Ms -> Ps \cup {NoP}] /\ curg \in [Ms -> Gs \cup {NoG}]
    /\ spinning \in [Ms -> BOOLEAN] /\ nmspinning \in Nat /\ needspinning \in {0, 1}
    /\ preempt \in [Ps -> BOOLEAN] /\ sysmonSeen \in [Ps -> BOOLEAN]
    /\ status \in [Gs -> GStatuses] /\ stackSize \in [Gs -> StackSizes \cup {NoStack}]
    /\ gFreeLock \in Ms \cup {NoOne}
    /\ spawned \in Nat /\ gsteps \in Nat

\* Every G is in exactly one place: a ring slot between head and tail, a
\* runnext, the global queue, a free list, running on an M, waiting, in
\* transit inside one M's operation, or not yet created.
ExactlyOnePlace ==
    LET all == PlacesSeq IN
    /\ Len(all) + Cardinality(waiting) + Cardinality(unborn) = NumG
    /\ Range(all) \cup waiting \cup unborn = Gs
    /\ waiting \cap unborn = {}

\* G status agrees with its place.
StatusMatchesPlace ==
    /\ \A g \in Runnable : status[g] = Grunnable
    /\ \A g \in AllFree : status[g] = Gdead
    /\ \A m \in Ms : curg[m] /= NoG => status[curg[m]] = Grunning
    /\ \A g \in waiting : status[g] = Gwaiting
    /\ \A g \in unborn : status[g] = Gidle /\ stackSize[g] = NoStack /\ g \notin allgs

\* 0 <= tail - head <= len(runq), as an unsigned distance.
RingBounded == \A p \in Ps : Dist(runqtail[p], runqhead[p]) <= RingSize

\* sched.runqsize is the length of sched.runq.
GlobalSizeMatches == runqsize = Len(globrunq)

\* RingTear.tla: a thief whose CAS would succeed never holds a torn copy;
\* no thief is lapped (an invariant of bounded models, an assumption of
\* endless ones: MCProc's NoABA).
NoTornSteal == Tear!NoTornCommit(grab, LAMBDA m : pc[m] = "runqgrab_cas", LAMBDA p : runqhead[p])
NoLap == Tear!NoLap(grab)

\* Free-list counts equal list lengths.
FreeCountsMatch ==
    /\ \A p \in Ps : gFreeLocalN[p] = Len(gFreeLocal[p])
    /\ gFreeN = Len(gFreeStack) + Len(gFreeNoStack)

GlobalFreeListsSorted ==
    /\ \A g \in Range(gFreeStack) : stackSize[g] /= NoStack
    /\ \A g \in Range(gFreeNoStack) : stackSize[g] = NoStack

LocalFreeListBounded ==
    \A p \in Ps : gFreeLocalN[p] < LocalMax \/ \E m \in Ms : pc[m] = "gfput_lock" /\ pp[m] = p

\* See GFree.tla: Gs freed since startingStackSize last changed have no
\* stack or one of exactly that size.
FreeStacksStandard ==
    \A g \in AllFree : (stackSize[g] /= NoStack /\ gEpoch[g] = sssChanges)
                          => stackSize[g] = startingStackSize

\* Stacks allocated = stacks held + stacks freed.
StackAccounting ==
    stacksAllocated = Cardinality({g \in Gs : stackSize[g] /= NoStack}) + stacksFreed

\* Live Gs have stacks (newproc1: "newg missing stack"); only dead Gs on the
\* free lists may have none.
LiveGsHaveStacks ==
    /\ \A g \in Gs : status[g] \in {Grunnable, Grunning, Gwaiting} => stackSize[g] /= NoStack
    /\ \A m \in Ms : newg[m] /= NoG => stackSize[newg[m]] /= NoStack

\* goids are unique among live Gs, and never above sched.goidgen.
GoidsUnique ==
    /\ \A g1, g2 \in Gs : (g1 /= g2 /\ goid[g1] /= 0
                            /\ status[g1] \notin {Gidle, Gdead} /\ status[g2] \notin {Gidle, Gdead})
                            => goid[g1] /= goid[g2]
    /\ \A g \in Gs : goid[g] <= goidgen

\* Ms and Ps: a P is held by at most one M; idle Ps are held by none; Ms in
\* midle are parked and hold none; nmspinning counts the spinning Ms and the
\* spinning wake-ups in flight (wakep's increment until startm hands it on).
MsAndPs ==
    /\ \A m1, m2 \in Ms : m1 /= m2 /\ pp[m1] /= NoP => pp[m1] /= pp[m2]
    /\ \A m \in Ms : pp[m] \notin Range(pidle)
    /\ \A m \in Range(midle) : pp[m] = NoP /\ ~spinning[m] /\ parked[m] /\ pc[m] = "stopm"
    /\ nmspinning = Cardinality({m \in Ms : spinning[m]})
                    + Cardinality({m \in Ms : pc[m] = "wakep_lock" \/ (pc[m] = "startm" /\ smspin[m])})

\* Go's throw "schedule: spinning with local work" (and the check of startm's
\* "startm: p has runnable gs"): an M that startm woke spinning starts with an
\* empty local queue.
SpinningWokenWithEmptyQueue ==
    \A m \in Ms : (pc[m] = "stopm" /\ parked[m] /\ pp[m] /= NoP /\ spinning[m])
                    => runqhead[pp[m]] = runqtail[pp[m]] /\ runnext[pp[m]] = NoG

\* Each sched.gFree.lock section is one atomic step (see GFree.tla).
GFreeLockFreeBetweenSteps == gFreeLock = NoOne

\* No lost wake-up: when every M is parked, no G is runnable.
NoLostWakeup == Quiescent => Runnable = {}

NoThrow == thrown = ""

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* runqempty never answers true spuriously (see RunQueue.tla).
RunqemptyAnswersTrue(m) ==
    /\ pc[m] = "runqempty_recheck" /\ etail[m] = RereadTail(runqtail[ep[m]], etail[m])
    /\ ehead[m] = etail[m] /\ enext[m] = NoG
RunqemptyNeverSpurious == [][\A m \in Ms : RunqemptyAnswersTrue(m) => ewitness[m]]_vars

\* At a thief's successful CAS, it takes the first Gs of the victim's queue
\* (see RunQueue.tla).
Steals(m) ==
    /\ pc[m] = "runqgrab_cas" /\ pc'[m] /= "runqgrab_cas"
    /\ RunqgrabCommits(runqhead[grab[m].victim], h[m])
StolenAreQueued(m) ==
    LET v == grab[m].victim
        lo == grab[m].lo
        k == grab[m].n
    IN  /\ runqhead[v] = lo
        /\ k <= Dist(runqtail[v], lo)
        /\ RingSeq(runq[pp[m]], st[m], k) = RingSeq(Meant(v), lo, k)
StealCopiesQueued == [][\A m \in Ms : Steals(m) => StolenAreQueued(m)]_vars

\* Under the fairness of FullSpec, every runnable G eventually runs.  Holds
\* for bounded programs, and for endless ones with sysmon or with Go 1.25's
\* no-sysmon rule; Go 1.14/1.21 without sysmon violate it (the runnext
\* hand-off starves the ring: Proc_runnext_starvation).
RunnableEventuallyRuns == \A g \in Gs : status[g] = Grunnable ~> status[g] = Grunning

\* A G on the global queue eventually runs, even when local queues never
\* empty (the schedtick % 61 rule).
GlobalEventuallyRuns == \A g \in Gs : (g \in Range(globrunq)) ~> status[g] = Grunning

\* Work conservation (the "delicate dance" of findRunnable): while some P is
\* idle and a G is queued (a ring, a runnext or the global queue), that does
\* not last for ever: eventually no P is idle or no G is queued.
IdleWithWork == pidle /= <<>> /\ Runnable /= {}
NoStrandedWork == IdleWithWork ~> ~IdleWithWork
\* The progress assumption: every runqempty call returns.  Its retry loop is
\* lock-free, not wait-free: it repeats for ever if the owner moves its tail
\* between every pair of reads (Proc_runqempty_livelock shows it); on real
\* hardware the loop is a few loads against an owner that must run a G
\* between two moves, so it returns.
InRunqempty(m) == pc[m] \in {"runqempty_loadhead", "runqempty_loadtail", "runqempty_loadnext", "runqempty_recheck"}
RunqemptyReturns == \A m \in Ms : [](InRunqempty(m) => <>~InRunqempty(m))
WorkConservation == RunqemptyReturns => NoStrandedWork

\* The composition keeps the queue and free-list abstractions: Proc's steps
\* refine RunQueueAtomic and GFreeAtomic, where an M's hand is everything it
\* holds outside the queues and lists (Gs also enter and leave hands: Env).
Held(m) == Range(Possessed(m)) \cup ({curg[m], cg[m]} \ {NoG})
QueueAbs == [local  |-> [p \in Ps |-> Ring(p)],
             next   |-> runnext,
             global |-> globrunq,
             held   |-> [m \in Ms |-> Held(m)],
             own    |-> pp]
QueueAtomic == INSTANCE RunQueueAtomic WITH queues <- QueueAbs
QueueRefinement == QueueAtomic!InitOK(QueueAbs) /\ [][QueueAtomic!OpenStep(QueueAbs, QueueAbs')]_vars
FreeAbs == [pool   |-> [p \in Ps |-> Range(gFreeLocal[p])],
            global |-> Range(gFreeStack) \cup Range(gFreeNoStack),
            fresh  |-> unborn,
            held   |-> [m \in Ms |-> Held(m)],
            own    |-> pp]
FreeAtomic == INSTANCE GFreeAtomic WITH lists <- FreeAbs
FreeRefinement == FreeAtomic!InitOK(FreeAbs) /\ [][FreeAtomic!OpenStep(FreeAbs, FreeAbs')]_vars
=============================================================================
