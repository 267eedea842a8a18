-------------------------------- MODULE Proc --------------------------------
(***************************************************************************)
(* The composition: Go's scheduler loop running Gs on Ps, with the run     *)
(* queues of RunQueue.tla and the free lists of GFree.tla.                 *)
(*                                                                         *)
(* Each process is an M (a worker thread).  M m starts holding P m, or     *)
(* parked in stopm with no P.  An M runs schedule(): findRunnable (the     *)
(* schedtick%61 look at the global queue, the local queue, the global      *)
(* queue, stealing with runnext only on the last pass, then dropping its P *)
(* and parking), then execute(gp) and the G's code, which the model        *)
(* abstracts as a choice among go statements (newproc), return (goexit),   *)
(* Gosched, goyield, gopark, goready, injectglist, a preempted GC mark     *)
(* worker's runqdrain, and a GOMAXPROCS change (p.destroy and gfpurge).    *)
(* Waking: wakep / startm / stopm with nmspinning and needspinning.       *)
(*                                                                         *)
(* Every PlusCal label is one atomic step of proc.go and the name of the   *)
(* matching scheduling point in the Java port (io.procspec.runtime.Labels).*)
(* The steps shared with RunQueue.tla and GFree.tla have identical text;   *)
(* only the macros named ...Return (where a function returns to) differ.   *)
(*                                                                         *)
(* Omitted, on purpose (see README): netpoll, timers, GC work, syscalls,   *)
(* locked Ms, sysmon; findRunnable's re-check of the global queue after    *)
(* dropping spinning (no label; its only other source of work is netpoll); *)
(* the idlepMask filter of stealWork (an idle P's queue is always empty);  *)
(* injectglist's hand-off of Gs to idle Ps through the global queue.       *)
(***************************************************************************)
EXTENDS RunQueueDefs, GFreeDefs

CONSTANTS
    NumM,          \* Ms (worker threads); M m starts with P m when m <= NumP
    SchedTick,     \* findRunnable looks at the global queue when schedtick % SchedTick == 0 (Go: 61)
    StealTries,    \* stealWork's passes over the other Ps (Go: 4); runnext is stolen on the last
    GoidBatch,     \* _GoidCacheBatch (Go: 16)
    MaxSpawn,      \* how many go statements may run in all
    Fuel,          \* how many G actions other than return may run in all ...
    Unbounded,     \* ... unless TRUE: then G actions take no fuel (models of endless behaviour)
    GActions,      \* which G actions the model's Gs may take (see GAction)
    Scenario       \* the initial state: "main" or "fairness"

Ms == 1..NumM
AllGActions == {"go", "exit", "gosched", "yield", "park", "ready", "inject", "gcdrain", "resize"}
ASSUME NumM >= NumP /\ SchedTick \in Nat \ {0} /\ StealTries \in Nat \ {0}
ASSUME GActions \subseteq AllGActions /\ Fuel \in Nat /\ Unbounded \in BOOLEAN /\ MaxSpawn \in Nat
ASSUME Scenario \in {"main", "fairness"}

(***************************************************************************)
(* Initial states.                                                         *)
(*  "main":     the main goroutine G 1 is in P 1's runnext, as newproc     *)
(*              left it before mstart; M 1 holds P 1 and enters schedule.  *)
(*  "fairness": Gs 1 and 2 are in P 1's ring and G 3 is on the global      *)
(*              queue (the %61 scenario).                                   *)
(* Other Ps are idle, other Ms parked in stopm.                             *)
(***************************************************************************)
InitGs == IF Scenario = "main" THEN {1} ELSE {1, 2, 3}
InitRingGs == IF Scenario = "main" THEN <<>> ELSE <<1, 2>>
InitGlobal == IF Scenario = "main" THEN <<>> ELSE <<3>>
ASSUME Len(InitRingGs) <= RingSize /\ (InitRingGs = <<>> \/ Slot(Start) = 0)
ASSUME GoidBatch >= Cardinality(InitGs) /\ InitGs \subseteq Gs
\* malg never runs out of Gs: each go statement needs at most one new G.
ASSUME NumG >= Cardinality(InitGs) + MaxSpawn

InitRunq == [p \in Ps |-> [s \in Slots |->
                IF p = 1 /\ s < Len(InitRingGs) THEN InitRingGs[s + 1] ELSE NoG]]
InitTail == [p \in Ps |-> IF p = 1 THEN Inc(Start, Len(InitRingGs)) ELSE Start]
InitRunnext == [p \in Ps |-> IF p = 1 /\ Scenario = "main" THEN 1 ELSE NoG]

OtherP(p, k) == ((p - 1 + k) % NumP) + 1      \* the k-th P after p (stealOrder)

(* --algorithm Proc
variables
    \* ---- run queues (as RunQueue.tla) --------------------------------------
    runq = InitRunq, runqhead = [p \in Ps |-> Start], runqtail = InitTail,
    runnext = InitRunnext,
    globrunq = InitGlobal, runqsize = Len(InitGlobal), schedLock = NoOne,
    grab = [x \in Ms |-> NoGrab], thrown = "",
    \* ---- Ms and Ps -----------------------------------------------------------
    pp = [m \in Ms |-> IF m = 1 THEN 1 ELSE NoP],    \* mp.p
    curg = [m \in Ms |-> NoG],                       \* mp.curg
    spinning = [m \in Ms |-> FALSE],                 \* mp.spinning
    nmspinning = 0,                                  \* sched.nmspinning
    needspinning = 0,                                \* sched.needspinning
    pidle = [k \in 1..(NumP - 1) |-> k + 1],         \* sched.pidle (a stack of Ps)
    midle = [k \in 1..(NumM - 1) |-> k + 1],         \* sched.midle (a stack of Ms)
    schedtick = [p \in Ps |-> 0],                    \* pp.schedtick % SchedTick
    \* ---- Gs --------------------------------------------------------------------
    status = [g \in Gs |-> IF g \in InitGs THEN Grunnable ELSE Gidle],
    goid = [g \in Gs |-> IF g \in InitGs THEN g ELSE 0],
    allgs = InitGs,                                  \* allgs
    unborn = Gs \ InitGs,                            \* not yet allocated by malg
    waiting = {},                                    \* parked (_Gwaiting) Gs
    goidgen = GoidBatch,                             \* sched.goidgen
    goidcache = [p \in Ps |-> IF p = 1 THEN Cardinality(InitGs) + 1 ELSE 0],
    goidcacheend = [p \in Ps |-> IF p = 1 THEN GoidBatch + 1 ELSE 0],
    \* ---- free lists and stacks (as GFree.tla) ---------------------------------
    gFreeLocal = [p \in Ps |-> <<>>], gFreeLocalN = [p \in Ps |-> 0],
    gFreeStack = <<>>, gFreeNoStack = <<>>, gFreeN = 0, gFreeLock = NoOne,
    stackSize = [g \in Gs |-> IF g \in InitGs THEN StackMin ELSE NoStack],
    startingStackSize = StackMin,
    stacksAllocated = Cardinality(InitGs), stacksFreed = 0,
    sssChanges = 0, gEpoch = [g \in Gs |-> 0], grows = 0,
    \* ---- budgets ---------------------------------------------------------------
    spawned = 0, fuel = Fuel;

define
    \* Stop the world: every other M is parked in stopm (on sched.midle).
    WorldStopped(x) == \A m \in Ms \ {x} : m \in Range(midle)
    WithStack(s) == LET T(g) == stackSize[g] /= NoStack IN SelectSeq(s, T)
    WithoutStack(s) == LET T(g) == stackSize[g] = NoStack IN SelectSeq(s, T)
    HasFuel == Unbounded \/ fuel > 0
end define;

\* ---------------------------------------------------------------------------
\* Shared helpers (the same in RunQueue.tla / GFree.tla).
\* ---------------------------------------------------------------------------
macro WriteSlot(p, s, g) begin
    runq[p][s] := g;
    grab := TearGrabs(grab, p, s);
end macro;

macro Throw(msg) begin
    thrown := msg;
end macro;

macro UseFuel() begin
    if ~Unbounded then fuel := fuel - 1; end if;
end macro;

\* ---------------------------------------------------------------------------
\* The scheduler's control flow: where each function returns to.
\* ---------------------------------------------------------------------------

\* The running G's code (curg[self]) takes its next action.
macro GAction() begin
    either \* go f(): newproc -> newproc1: newg := gfget(pp) ...
        await "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel;
        spawned := spawned + 1; UseFuel();
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto gfget_check;
    or     \* the G returns: goexit1 -> goexit0: casgstatus(gp, _Grunning, _Gdead)
        await "exit" \in GActions;
        cg := curg[self]; cgfrom := Grunning; cgto := Gdead; cgret := "goexit";
        goto casgstatus;
    or     \* runtime.Gosched(): goschedImpl: casgstatus(gp, _Grunning, _Grunnable)
        await "gosched" \in GActions /\ HasFuel;
        UseFuel();
        cg := curg[self]; cgfrom := Grunning; cgto := Grunnable; cgret := "gosched";
        goto casgstatus;
    or     \* goyield(): goyield_m: casgstatus(gp, _Grunning, _Grunnable)
        await "yield" \in GActions /\ HasFuel;
        UseFuel();
        cg := curg[self]; cgfrom := Grunning; cgto := Grunnable; cgret := "goyield";
        goto casgstatus;
    or     \* gopark(): park_m: casgstatus(gp, _Grunning, _Gwaiting)
        await "park" \in GActions /\ HasFuel;
        UseFuel();
        cg := curg[self]; cgfrom := Grunning; cgto := Gwaiting; cgret := "park";
        goto casgstatus;
    or     \* goready(w): ready: casgstatus(w, _Gwaiting, _Grunnable)
        await "ready" \in GActions /\ waiting /= {} /\ HasFuel;
        UseFuel();
        with w \in waiting do cg := w; end with;
        cgfrom := Gwaiting; cgto := Grunnable; cgret := "ready";
        goto casgstatus;
    or     \* injectglist(all waiting Gs): casgstatus(gp, _Gwaiting, _Grunnable) for each
        await "inject" \in GActions /\ waiting /= {} /\ HasFuel;
        UseFuel();
        with l = SortedSeq(waiting) do cg := Head(l); injl := Tail(l); end with;
        cgfrom := Gwaiting; cgto := Grunnable; cgret := "inject";
        goto casgstatus;
    or     \* a dedicated GC mark worker, preempted: runqdrain(pp)
        await "gcdrain" \in GActions /\ HasFuel;
        UseFuel();
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto runqdrain_loadnext;
    or     \* GOMAXPROCS shrinks and grows back, the world stopped: p.destroy; gfpurge
        \* (written out, not WorldStopped(self): a define-block operator would see
        \* the state before this step, and this step may have woken an M)
        await "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle);
        UseFuel();
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto globrunqputhead_lock;
    end either;
end macro;

\* schedule() -> findRunnable() top: once in SchedTick ticks, look at the
\* global queue first: if pp.schedtick%61 == 0 && sched.runqsize > 0 { lock;
\* gp := globrunqget(pp, 1); unlock; if gp != nil { return gp } }.
\* (The racy read of sched.runqsize is merged into the preceding step.)
macro FindRunnableTop() begin
    if Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0 then
        gmax := 1; gret := "tick";
        goto globrunqget_lock;
    else
        goto runqget_loadnext;
    end if;
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

\* stealWork: for i := 0; i < stealTries; i++ { for each other P (in order):
\* runqsteal(pp, p2, i == stealTries-1) }.
macro StartSteal() begin
    if NumP = 1 then
        goto findRunnable_lockidle;
    else
        tries := 0; vidx := 1; victim := OtherP(pp[self], 1); stealnext := (StealTries = 1);
        goto runqgrab_loadhead;
    end if;
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
        goto findRunnable_lockidle;
    end if;
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

macro RunqstealReturn(g) begin
    if g /= NoG then                                     \* stealWork: return gp, false
        tries := 0; vidx := 0; victim := NoP; stealnext := FALSE;
        Found(g, FALSE);
    elsif vidx < NumP - 1 then                           \* next P
        vidx := vidx + 1; victim := OtherP(pp[self], vidx);
        goto runqgrab_loadhead;
    elsif tries + 1 < StealTries then                    \* next pass
        tries := tries + 1; vidx := 1; victim := OtherP(pp[self], 1);
        stealnext := (tries = StealTries - 1);
        goto runqgrab_loadhead;
    else                                                 \* nothing to steal
        tries := 0; vidx := 0; victim := NoP; stealnext := FALSE;
        goto findRunnable_lockidle;
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
        FindRunnableTop();
    else                                                 \* newproc, ready: ...; wakep()
        wret := rqret; rqret := ""; rqg := NoG;
        goto wakep;
    end if;
end macro;

macro RunqputbatchReturn() begin                         \* injectglist: ...; wakep()
    q := <<>>; wret := "inject";
    goto wakep;
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

\* checkRunqsNoP: for each P not idle in the snapshot: if !runqempty(p2) {
\* lock; pp := pidlegetSpinning(0); unlock; return pp }.
macro RunqemptyReturn(isEmpty) begin
    if ~isEmpty then
        goto checkRunqsNoP_lock;
    else
        with rest = {p \in Ps : p > ep /\ p \notin snap} do
            if rest = {} then
                ep := NoP; snap := {};
                goto stopm;
            else
                ep := SetMin(rest);
                goto runqempty_loadhead;
            end if;
        end with;
    end if;
end macro;

macro GlobrunqputReturn() begin
    gq := <<>>;
    if gpret = "gosched" then                           \* goschedImpl: ...; schedule()
        gpret := "";
        FindRunnableTop();
    else                                                 \* the GC worker goes on
        gpret := "";
        GAction();
    end if;
end macro;

macro GlobrunqputheadReturn() begin                     \* p.destroy goes on: gfpurge(pp)
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

macro MalgReturn(g) begin                               \* casgstatus(newg, _Gidle, _Gdead)
    newg := g;
    cg := g; cgfrom := Gidle; cgto := Gdead; cgret := "malg";
    goto casgstatus;
end macro;

macro GfputReturn() begin                               \* goexit0: ...; schedule()
    fg := NoG;
    FindRunnableTop();
end macro;

macro GfpurgeReturn() begin                             \* GOMAXPROCS returns; the G goes on
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

\* After casgstatus(gp, oldval, newval): the rest of the caller.
macro CasgstatusReturn() begin
    if cgret = "execute" then
        \* execute: mp.curg = gp; ...; if !inheritTime { pp.schedtick++ }; gogo: the G runs
        with inh = inherit do
            curg[self] := cg; rung := NoG; inherit := FALSE;
            if ~inh then schedtick[pp[self]] := (schedtick[pp[self]] + 1) % SchedTick; end if;
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
        FindRunnableTop();
    elsif cgret = "ready" then                           \* ready: runqput(pp, gp, next=true)
        waiting := waiting \ {cg}; rqg := cg; rqret := "ready";
        cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
        goto runqput_loadnext;
    else                                                 \* injectglist: the next G, then runqputbatch
        waiting := waiting \ {cg}; q := Append(q, cg);
        if injl /= <<>> then
            cg := Head(injl); injl := Tail(injl);
            goto casgstatus;
        else
            cg := NoG; cgfrom := ""; cgto := ""; cgret := "";
            goto runqputbatch_loadhead;
        end if;
    end if;
end macro;

fair process M \in Ms
variables
    \* ---- run-queue operations (as RunQueue.tla) -------------------------------
    rqg = NoG, q = <<>>, gq = <<>>, victim = NoP, stealnext = FALSE, ep = NoP,
    gmax = 0, rqret = "",
    oldnext = NoG, next = NoG, rg = NoG, gp = NoG,
    h = 0, t = 0, n = 0, i = 0, st = 0, qn = 0,
    batch = <<>>, gbatch = <<>>,
    ehead = 0, etail = 0, enext = NoG,
    ewitness = FALSE,   \* ghost: the queue was empty when runqempty read runnext
    phase = 0,
    \* ---- free lists (as GFree.tla) --------------------------------------------
    fg = NoG,           \* gfput: gp
    \* ---- the scheduler ---------------------------------------------------------
    rung = NoG,         \* the G findRunnable returned, until execute
    inherit = FALSE,    \* ... and its inheritTime
    gret = "",          \* globrunqget called from findRunnable's "tick" (%61) or "global" check
    tries = 0,          \* stealWork: the pass
    vidx = 0,           \* stealWork: the victim's index in the order
    bret = "",          \* becomeSpinning, then: "steal" or "top"
    dret = "",          \* findRunnable_dropspinning for "reset" (resetspinning) or "park"
    snap = {},          \* idlepMaskSnapshot (the idle Ps)
    wret = "",          \* wakep returns to: "newproc", "ready", "inject", "execute"
    wpp = NoP,          \* wakep: the idle P it took
    cg = NoG,           \* casgstatus(gp, oldval, newval): gp
    cgfrom = "",        \* ... oldval
    cgto = "",          \* ... newval
    cgret = "",         \* ... and the caller
    newg = NoG,         \* newproc1: newg
    injl = <<>>,        \* injectglist: the Gs still to mark runnable
    gpret = "";         \* globrunqput from "gosched" or "gcdrain"
begin
\* ====================== runqget (proc.go) ==================================
\* Owner only.  If runnext is non-0 and the CAS fails, a thief stole it (only
\* the owner sets runnext non-0), so Go 1.21 does not retry; Go 1.14 loops.
\* proc.go runqget; io.procspec.runtime.Proc#runqget
runqget_loadnext:
    \* (Proc: an M parked in stopm sleeps here until startm hands it a P.)
    await pp[self] /= NoP;
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
        goto runqget_loadnext;                          \* Go 1.14: for { next := pp.runnext; ... }
    else
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
        runqhead[pp[self]] := Inc(h, 1);
        with g = rg do
            rg := NoG; h := 0; t := 0;
            RunqgetReturn(g, FALSE);                    \* return gp, false
        end with;
    else
        rg := NoG; h := 0; t := 0;
        goto runqget_loadhead;
    end if;

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
    goto runqput_loadnext;                              \* newproc: runqput(pp, newg, true)

\* ====================== wakep / startm (proc.go) ===========================
\* proc.go wakep; io.procspec.runtime.Proc#wakep
wakep:
    \* if sched.nmspinning.Load() != 0 || !sched.nmspinning.CompareAndSwap(0, 1) { return }
    if nmspinning /= 0 then
        WakepReturn();
    else
        nmspinning := 1;
        goto wakep_lock;
    end if;
\* proc.go wakep; io.procspec.runtime.Proc#wakep
wakep_lock:
    \* lock(&sched.lock); pp, _ = pidlegetSpinning(0); if pp == nil { nmspinning.Add(-1) }; unlock
    await schedLock = NoOne;
    if pidle = <<>> then
        needspinning := 1;                              \* pidlegetSpinning: sched.needspinning.Store(1)
        nmspinning := nmspinning - 1;
        WakepReturn();
    else
        wpp := Head(pidle); pidle := Tail(pidle);       \* pidleget
        goto startm;
    end if;
\* proc.go startm; io.procspec.runtime.Sched#startm
startm:
    \* lock(&sched.lock); nmp := mget(); nmp.spinning = spinning; nmp.nextp.set(pp);
    \* notewakeup(&nmp.park); unlock.  (Go calls newm when no M is idle; the model
    \* has NumM >= NumP Ms and waits for one to park, which it must: see README.)
    await schedLock = NoOne /\ midle /= <<>>;
    pp[Head(midle)] := wpp;                             \* nextp, acquired by the woken M
    spinning[Head(midle)] := TRUE;
    midle := Tail(midle);
    wpp := NoP;
    WakepReturn();

\* ====================== findRunnable: idle path (proc.go) ==================
\* proc.go findRunnable (mp.becomeSpinning); io.procspec.runtime.Sched#findRunnable
becomeSpinning:
    \* mp.spinning = true; sched.nmspinning.Add(1); sched.needspinning.Store(0)
    spinning[self] := TRUE; nmspinning := nmspinning + 1; needspinning := 0;
    if bret = "steal" then
        bret := "";
        StartSteal();
    else
        bret := "";                                     \* checkRunqsNoP found work: goto top
        FindRunnableTop();
    end if;
\* proc.go findRunnable; io.procspec.runtime.Sched#findRunnable
findRunnable_lockidle:
    \* (allpSnapshot, idlepMaskSnapshot := idlepMask)  lock(&sched.lock)
    await schedLock = NoOne;
    if runqsize /= 0 then
        \* gp := globrunqget(pp, 0); unlock(&sched.lock); return gp
        schedLock := self;
        with k = FairShare(runqsize, 0), gl = globrunq do
            runqsize := runqsize - k;
            rung := Head(gl);
            globrunq := SubSeq(gl, k + 1, Len(gl));
            if k > 1 then                               \* globrunqget's runqput(pp, gp1, false) loop
                rqg := gl[2]; gbatch := SubSeq(gl, 3, k); rqret := "lockidle";
                goto runqput_loadhead;
            else
                goto findRunnable_unlockidle;
            end if;
        end with;
    elsif ~spinning[self] /\ needspinning = 1 then
        \* mp.becomeSpinning(); unlock(&sched.lock); goto top
        spinning[self] := TRUE; nmspinning := nmspinning + 1; needspinning := 0;
        FindRunnableTop();
    else
        \* releasep(); pidleput(pp, now); unlock(&sched.lock)
        if runqhead[pp[self]] /= runqtail[pp[self]] \/ runnext[pp[self]] /= NoG then
            Throw("pidleput: P has non-empty run queue");
        end if;
        snap := Range(pidle);
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
    else
        \* (the re-check of the global queue under sched.lock is not modelled)
        \* pp := checkRunqsNoP(allpSnapshot, idlepMaskSnapshot)
        dret := "";
        with cands = {p \in Ps : p \notin snap} do
            if cands = {} then
                snap := {};
                goto stopm;
            else
                ep := SetMin(cands);
                goto runqempty_loadhead;
            end if;
        end with;
    end if;
\* proc.go checkRunqsNoP; io.procspec.runtime.Sched#findRunnable
checkRunqsNoP_lock:
    \* lock(&sched.lock); pp, _ := pidlegetSpinning(0); unlock(&sched.lock)
    await schedLock = NoOne;
    ep := NoP; snap := {};
    if pidle = <<>> then
        needspinning := 1;                              \* can't get a P: return nil
        goto stopm;
    else
        pp[self] := Head(pidle); pidle := Tail(pidle);  \* acquirep(pp); mp.becomeSpinning(); goto top
        bret := "top";
        goto becomeSpinning;
    end if;
\* proc.go stopm; io.procspec.runtime.Sched#stopm
stopm:
    \* lock(&sched.lock); mput(mp); unlock(&sched.lock); mPark(): the M sleeps at
    \* runqget_loadnext until startm hands it a P
    await schedLock = NoOne;
    if pp[self] /= NoP \/ spinning[self] then
        Throw("stopm holding p or spinning");
    end if;
    midle := <<self>> \o midle;
    goto runqget_loadnext;

\* ====================== runqempty (proc.go) ================================
\* Defend against: pp has G1 in runnext but head == tail; runqput kicks G1 to
\* the ring; runqget empties runnext.  Observing head == tail and then
\* runnext == 0 does not mean the queue is empty, hence the second read of tail.
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_loadhead:
    ehead := runqhead[ep];                              \* head := atomic.Load(&pp.runqhead)
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_loadtail:
    etail := runqtail[ep];                              \* tail := atomic.Load(&pp.runqtail)
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_loadnext:
    with nx = runnext[ep] do                            \* runnext := atomic.Loaduintptr(&pp.runnext)
        if Bug = "runqempty_one_tail_read" then         \* BUG: return without re-reading tail
            with res = (ehead = etail /\ nx = NoG) do
                ehead := 0; etail := 0;
                RunqemptyReturn(res);
            end with;
        else
            enext := nx;
            ewitness := (runqhead[ep] = runqtail[ep] /\ nx = NoG);   \* ghost: empty right now?
        end if;
    end with;
\* proc.go runqempty; io.procspec.runtime.Proc#runqempty
runqempty_recheck:
    if etail = runqtail[ep] then                        \* if tail == atomic.Load(&pp.runqtail)
        with res = (ehead = etail /\ enext = NoG) do    \*     return head == tail && runnext == 0
            ehead := 0; etail := 0; enext := NoG; ewitness := FALSE;
            RunqemptyReturn(res);
        end with;
    else
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
            rqg := oldnext;                             \* kick the old runnext out to the regular run queue
            oldnext := NoG;
            goto runqput_loadhead;
        end if;
    else
        oldnext := NoG;                                 \* a thief took runnext: goto retryNext
        goto runqput_loadnext;
    end if;
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_loadhead:
    h := runqhead[pp[self]];                            \* retry: h := atomic.LoadAcq(&pp.runqhead)
    t := runqtail[pp[self]];                            \* t := pp.runqtail
    if Dist(t, h) < RingSize then                       \* if t-h < uint32(len(pp.runq))
        goto runqput_store;
    else                                                \* runqputslow(pp, gp, h, t)
        n := Dist(t, h) \div 2;
        if Dist(t, h) \div 2 /= RingSize \div 2 then
            Throw("runqputslow: queue is not full");
        end if;
        goto runqputslow_copy;
    end if;
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_store:
    if Bug = "tail_before_slot" then
        runqtail[pp[self]] := Inc(t, 1);                \* BUG: publish first ...
    else
        WriteSlot(pp[self], Slot(t), rqg);              \* pp.runq[t%uint32(len(pp.runq))].set(gp)
    end if;
\* proc.go runqput; io.procspec.runtime.Proc#runqput
runqput_storetail:
    if Bug = "tail_before_slot" then
        WriteSlot(pp[self], Slot(t), rqg);              \* BUG: ... then write the slot
    else
        runqtail[pp[self]] := Inc(t, 1);                \* atomic.StoreRel(&pp.runqtail, t+1)
    end if;
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
        runqhead[pp[self]] := Inc(h, n);
        gq := batch \o <<rqg>>;                         \* batch[n] = gp
        rqg := NoG; batch := <<>>; i := 0; n := 0; h := 0; t := 0;
        goto runqputslow_lock;
    else
        batch := <<>>; i := 0; n := 0;                  \* return false: runqput retries
        goto runqput_loadhead;
    end if;
\* proc.go runqputslow; io.procspec.runtime.Proc#runqputslow
runqputslow_lock:
    if Bug = "runqputslow_no_lock" then
        if phase = 0 then                               \* BUG: read sched.runq without the lock ...
            batch := globrunq; n := runqsize; phase := 1;
            goto runqputslow_lock;
        else                                            \* ... and write it back in a later step
            globrunq := batch \o gq; runqsize := n + Len(gq);
            batch := <<>>; n := 0; phase := 0;
            RunqputReturn();
        end if;
    else
        await schedLock = NoOne;                        \* lock(&sched.lock)
        globrunq := globrunq \o gq;                     \* globrunqputbatch(&q, int32(n+1))
        runqsize := runqsize + Len(gq);                 \* unlock(&sched.lock)
        RunqputReturn();
    end if;

\* ====================== runqputbatch (proc.go) =============================
\* Put the Gs of q on the local ring; what does not fit goes to the global queue.
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
    if q = <<>> then
        RunqputbatchReturn();
    end if;
\* proc.go runqputbatch; io.procspec.runtime.Proc#runqputbatch
runqputbatch_lock:
    await schedLock = NoOne;                            \* lock(&sched.lock)
    globrunq := globrunq \o q;                          \* globrunqputbatch(q, int32(qsize))
    runqsize := runqsize + Len(q);                      \* unlock(&sched.lock)
    RunqputbatchReturn();

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
    end if;
    next := NoG;
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_loadhead:
    with hh = runqhead[pp[self]], tt = runqtail[pp[self]] do   \* retry: h := atomic.LoadAcq(&pp.runqhead); t := pp.runqtail
        if Dist(tt, hh) = 0 then                        \* qn := t - h; if qn == 0 { return }
            RunqdrainReturn(q);
        elsif Dist(tt, hh) > RingSize then
            goto runqdrain_loadhead;                    \* read inconsistent h and t
        else
            h := hh; t := tt; qn := Dist(tt, hh);
            goto runqdrain_cas;
        end if;
    end with;
\* proc.go runqdrain; io.procspec.runtime.Proc#runqdrain
runqdrain_cas:
    if runqhead[pp[self]] = h then                      \* atomic.CasRel(&pp.runqhead, h, h+qn)
        runqhead[pp[self]] := Inc(h, qn);
    else
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
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_loadtail:
    \* t := atomic.LoadAcq(&pp.runqtail); n := t - h; n = n - n/2
    with k = Dist(runqtail[victim], h) - Dist(runqtail[victim], h) \div 2 do
        if k = 0 then
            if stealnext then
                goto runqgrab_loadnext;
            else
                h := 0; st := 0;
                RunqstealReturn(NoG);                   \* return 0
            end if;
        elsif k > RingSize \div 2 then
            goto runqgrab_loadhead;                     \* read inconsistent h and t
        else
            n := k;
            grab[self] := [victim |-> victim, lo |-> h, n |-> k, torn |-> FALSE];
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
        runnext[victim] := NoG;
        WriteSlot(pp[self], Slot(st), next);            \* batch[batchHead%len(batch)] = next; return 1
        with g = next do                                \* runqsteal: n--; gp := pp.runq[(t+n)%len]; return gp
            next := NoG; h := 0; st := 0;
            RunqstealReturn(g);
        end with;
    else
        next := NoG;
        goto runqgrab_loadhead;                         \* continue
    end if;
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_copy:
    \* batch[(batchHead+i)%len(batch)] = pp.runq[(h+i)%len(pp.runq)]
    WriteSlot(pp[self], Slot(Inc(st, i)), runq[victim][Slot(Inc(h, i))]);
    i := i + 1;
    if i < n then
        goto runqgrab_copy;
    end if;
\* proc.go runqgrab; io.procspec.runtime.Proc#runqgrab
runqgrab_cas:
    if Bug = "runqgrab_no_cas" \/ runqhead[victim] = h then   \* atomic.CasRel(&pp.runqhead, h, h+n)
        runqhead[victim] := Inc(h, n);                  \* (BUG runqgrab_no_cas: a plain store)
        grab[self] := NoGrab; i := 0;
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
    globrunq := globrunq \o gq;                         \* globrunqput(gp): sched.runq.pushBack(gp)
    runqsize := runqsize + Len(gq);                     \* unlock(&sched.lock)
    GlobrunqputReturn();
\* proc.go (p).destroy (globrunqputhead); io.procspec.runtime.Proc#globrunqputhead
\* The world is stopped: pop from the tail of the local queue, then runnext,
\* and push onto the head of the global queue, one G per step.
globrunqputhead_lock:
    await schedLock = NoOne /\ WorldStopped(self);     \* lock(&sched.lock)
    if runqtail[pp[self]] /= runqhead[pp[self]] then
        with tl = Inc(runqtail[pp[self]], Mod - 1) do
            runqtail[pp[self]] := tl;                   \* pp.runqtail--
            globrunq := <<runq[pp[self]][Slot(tl)]>> \o globrunq;   \* globrunqputhead(gp)
        end with;
        runqsize := runqsize + 1;
        goto globrunqputhead_lock;
    elsif runnext[pp[self]] /= NoG then
        globrunq := <<runnext[pp[self]]>> \o globrunq;  \* globrunqputhead(pp.runnext.ptr())
        runqsize := runqsize + 1;
        runnext[pp[self]] := NoG;                       \* pp.runnext = 0
        GlobrunqputheadReturn();
    else
        GlobrunqputheadReturn();
    end if;
\* proc.go globrunqget (called under lock(&sched.lock)); io.procspec.runtime.Proc#globrunqget
\* The fair-share batch leaves the global queue in this step; the extra Gs then
\* go through runqput(pp, gp1, false) while the lock is held.
globrunqget_lock:
    await schedLock = NoOne;                            \* lock(&sched.lock)
    schedLock := self;
    if runqsize /= 0 then
        with k = FairShare(runqsize, gmax), gl = globrunq do   \* n := min(runqsize/gomaxprocs+1, ...)
            runqsize := runqsize - k;                   \* sched.runqsize -= n
            gp := Head(gl);                             \* gp := sched.runq.pop()
            globrunq := SubSeq(gl, k + 1, Len(gl));
            if k > 1 then                               \* for ; n > 0; n-- { runqput(pp, sched.runq.pop(), false) }
                rqg := gl[2];
                gbatch := SubSeq(gl, 3, k);
                rqret := "globrunqget";
                goto runqput_loadhead;
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
                stackSize[g] := startingStackSize;
                stacksFreed := stacksFreed + 1;
                stacksAllocated := stacksAllocated + 1;
            elsif stackSize[g] = NoStack then
                \* stack was deallocated in gfput: gp.stack = stackalloc(startingStackSize)
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
        stackSize[fg] := NoStack;                                \* stackfree(gp.stack); gp.stack.lo = 0
        stacksFreed := stacksFreed + 1;
    end if;
    gEpoch[fg] := sssChanges;
    gFreeLocal[pp[self]] := <<fg>> \o gFreeLocal[pp[self]];
    gFreeLocalN[pp[self]] := gFreeLocalN[pp[self]] + 1;
    if IF Bug = "gfput_bad_spill" THEN gFreeLocalN[pp[self]] > LocalMax
                                  ELSE gFreeLocalN[pp[self]] >= LocalMax then   \* if pp.gFree.n >= 64
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
         popped = SubSeq(gFreeLocal[pp[self]], 1, k) do
        gFreeLocal[pp[self]] := SubSeq(gFreeLocal[pp[self]], k + 1, Len(gFreeLocal[pp[self]]));
        gFreeLocalN[pp[self]] := gFreeLocalN[pp[self]] - k;
        if Bug \in {"gfput_bad_spill", "gfput_stack_leak"} then
            \* BUG: every G goes to noStack, its stack dropped without stackfree
            gFreeNoStack := Reverse(popped) \o gFreeNoStack;
            stackSize := [x \in Gs |-> IF x \in Range(popped) THEN NoStack ELSE stackSize[x]];
        else
            gFreeNoStack := Reverse(WithoutStack(popped)) \o gFreeNoStack;
            gFreeStack := Reverse(WithStack(popped)) \o gFreeStack;
        end if;
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
          midle, schedtick, status, goid, allgs, unborn, waiting, goidgen, 
          goidcache, goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, 
          gFreeNoStack, gFreeN, gFreeLock, stackSize, startingStackSize, 
          stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, spawned, 
          fuel, pc

(* define statement *)
WorldStopped(x) == \A m \in Ms \ {x} : m \in Range(midle)
WithStack(s) == LET T(g) == stackSize[g] /= NoStack IN SelectSeq(s, T)
WithoutStack(s) == LET T(g) == stackSize[g] = NoStack IN SelectSeq(s, T)
HasFuel == Unbounded \/ fuel > 0

VARIABLES rqg, q, gq, victim, stealnext, ep, gmax, rqret, oldnext, next, rg, 
          gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail, enext, 
          ewitness, phase, fg, rung, inherit, gret, tries, vidx, bret, dret, 
          snap, wret, wpp, cg, cgfrom, cgto, cgret, newg, injl, gpret

vars == << runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, 
           grab, thrown, pp, curg, spinning, nmspinning, needspinning, pidle, 
           midle, schedtick, status, goid, allgs, unborn, waiting, goidgen, 
           goidcache, goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, 
           gFreeNoStack, gFreeN, gFreeLock, stackSize, startingStackSize, 
           stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, spawned, 
           fuel, pc, rqg, q, gq, victim, stealnext, ep, gmax, rqret, oldnext, 
           next, rg, gp, h, t, n, i, st, qn, batch, gbatch, ehead, etail, 
           enext, ewitness, phase, fg, rung, inherit, gret, tries, vidx, bret, 
           dret, snap, wret, wpp, cg, cgfrom, cgto, cgret, newg, injl, gpret
        >>

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
        /\ pp = [m \in Ms |-> IF m = 1 THEN 1 ELSE NoP]
        /\ curg = [m \in Ms |-> NoG]
        /\ spinning = [m \in Ms |-> FALSE]
        /\ nmspinning = 0
        /\ needspinning = 0
        /\ pidle = [k \in 1..(NumP - 1) |-> k + 1]
        /\ midle = [k \in 1..(NumM - 1) |-> k + 1]
        /\ schedtick = [p \in Ps |-> 0]
        /\ status = [g \in Gs |-> IF g \in InitGs THEN Grunnable ELSE Gidle]
        /\ goid = [g \in Gs |-> IF g \in InitGs THEN g ELSE 0]
        /\ allgs = InitGs
        /\ unborn = Gs \ InitGs
        /\ waiting = {}
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
        /\ fuel = Fuel
        (* Process M *)
        /\ rqg = [self \in Ms |-> NoG]
        /\ q = [self \in Ms |-> <<>>]
        /\ gq = [self \in Ms |-> <<>>]
        /\ victim = [self \in Ms |-> NoP]
        /\ stealnext = [self \in Ms |-> FALSE]
        /\ ep = [self \in Ms |-> NoP]
        /\ gmax = [self \in Ms |-> 0]
        /\ rqret = [self \in Ms |-> ""]
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
        /\ rung = [self \in Ms |-> NoG]
        /\ inherit = [self \in Ms |-> FALSE]
        /\ gret = [self \in Ms |-> ""]
        /\ tries = [self \in Ms |-> 0]
        /\ vidx = [self \in Ms |-> 0]
        /\ bret = [self \in Ms |-> ""]
        /\ dret = [self \in Ms |-> ""]
        /\ snap = [self \in Ms |-> {}]
        /\ wret = [self \in Ms |-> ""]
        /\ wpp = [self \in Ms |-> NoP]
        /\ cg = [self \in Ms |-> NoG]
        /\ cgfrom = [self \in Ms |-> ""]
        /\ cgto = [self \in Ms |-> ""]
        /\ cgret = [self \in Ms |-> ""]
        /\ newg = [self \in Ms |-> NoG]
        /\ injl = [self \in Ms |-> <<>>]
        /\ gpret = [self \in Ms |-> ""]
        /\ pc = [self \in ProcSet |-> "runqget_loadnext"]

runqget_loadnext(self) == /\ pc[self] = "runqget_loadnext"
                          /\ pp[self] /= NoP
                          /\ next' = [next EXCEPT ![self] = runnext[pp[self]]]
                          /\ IF next'[self] = NoG
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_casnext"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, status, goid, 
                                          allgs, unborn, waiting, goidgen, 
                                          goidcache, goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, rqg, q, gq, victim, stealnext, 
                                          ep, gmax, rqret, oldnext, rg, gp, h, 
                                          t, n, i, st, qn, batch, gbatch, 
                                          ehead, etail, enext, ewitness, phase, 
                                          fg, rung, inherit, gret, tries, vidx, 
                                          bret, dret, snap, wret, wpp, cg, 
                                          cgfrom, cgto, cgret, newg, injl, 
                                          gpret >>

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
                                                                    vidx, bret >>
                                               ELSE /\ IF runqsize /= 0
                                                          THEN /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                               /\ gret' = [gret EXCEPT ![self] = "global"]
                                                               /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                               /\ UNCHANGED << victim, 
                                                                               stealnext, 
                                                                               tries, 
                                                                               vidx, 
                                                                               bret >>
                                                          ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                     THEN /\ IF ~spinning[self]
                                                                                THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                     /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                     /\ UNCHANGED << victim, 
                                                                                                     stealnext, 
                                                                                                     tries, 
                                                                                                     vidx >>
                                                                                ELSE /\ IF NumP = 1
                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                /\ UNCHANGED << victim, 
                                                                                                                stealnext, 
                                                                                                                tries, 
                                                                                                                vidx >>
                                                                                           ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                                                /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                                                /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                     /\ bret' = bret
                                                                     ELSE /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                          /\ UNCHANGED << victim, 
                                                                                          stealnext, 
                                                                                          tries, 
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
                                          THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                               /\ next' = next
                                          ELSE /\ next' = [next EXCEPT ![self] = NoG]
                                               /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                    /\ UNCHANGED << runnext, victim, stealnext, 
                                                    gmax, rung, inherit, gret, 
                                                    tries, vidx, bret, dret, 
                                                    cg, cgfrom, cgto, cgret >>
                         /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         curg, spinning, nmspinning, 
                                         needspinning, pidle, midle, schedtick, 
                                         status, goid, allgs, unborn, waiting, 
                                         goidgen, goidcache, goidcacheend, 
                                         gFreeLocal, gFreeLocalN, gFreeStack, 
                                         gFreeNoStack, gFreeN, gFreeLock, 
                                         stackSize, startingStackSize, 
                                         stacksAllocated, stacksFreed, 
                                         sssChanges, gEpoch, grows, spawned, 
                                         fuel, rqg, q, gq, ep, rqret, oldnext, 
                                         rg, gp, h, t, n, i, st, qn, batch, 
                                         gbatch, ehead, etail, enext, ewitness, 
                                         phase, fg, snap, wret, wpp, newg, 
                                         injl, gpret >>

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
                                                                    vidx, bret >>
                                               ELSE /\ IF runqsize /= 0
                                                          THEN /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                               /\ gret' = [gret EXCEPT ![self] = "global"]
                                                               /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                               /\ UNCHANGED << victim, 
                                                                               stealnext, 
                                                                               tries, 
                                                                               vidx, 
                                                                               bret >>
                                                          ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                     THEN /\ IF ~spinning[self]
                                                                                THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                     /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                     /\ UNCHANGED << victim, 
                                                                                                     stealnext, 
                                                                                                     tries, 
                                                                                                     vidx >>
                                                                                ELSE /\ IF NumP = 1
                                                                                           THEN /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                                /\ UNCHANGED << victim, 
                                                                                                                stealnext, 
                                                                                                                tries, 
                                                                                                                vidx >>
                                                                                           ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                                /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                                                /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                                                /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                                /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                     /\ bret' = bret
                                                                     ELSE /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                          /\ UNCHANGED << victim, 
                                                                                          stealnext, 
                                                                                          tries, 
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
                                                         gret, tries, vidx, 
                                                         bret, dret, cg, 
                                                         cgfrom, cgto, cgret >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, status, goid, 
                                          allgs, unborn, waiting, goidgen, 
                                          goidcache, goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, rqg, q, gq, ep, rqret, oldnext, 
                                          next, rg, gp, n, i, st, qn, batch, 
                                          gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, snap, wret, wpp, 
                                          newg, injl, gpret >>

runqget_load(self) == /\ pc[self] = "runqget_load"
                      /\ rg' = [rg EXCEPT ![self] = runq[pp[self]][Slot(h[self])]]
                      /\ pc' = [pc EXCEPT ![self] = "runqget_cas"]
                      /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                      globrunq, runqsize, schedLock, grab, 
                                      thrown, pp, curg, spinning, nmspinning, 
                                      needspinning, pidle, midle, schedtick, 
                                      status, goid, allgs, unborn, waiting, 
                                      goidgen, goidcache, goidcacheend, 
                                      gFreeLocal, gFreeLocalN, gFreeStack, 
                                      gFreeNoStack, gFreeN, gFreeLock, 
                                      stackSize, startingStackSize, 
                                      stacksAllocated, stacksFreed, sssChanges, 
                                      gEpoch, grows, spawned, fuel, rqg, q, gq, 
                                      victim, stealnext, ep, gmax, rqret, 
                                      oldnext, next, gp, h, t, n, i, st, qn, 
                                      batch, gbatch, ehead, etail, enext, 
                                      ewitness, phase, fg, rung, inherit, gret, 
                                      tries, vidx, bret, dret, snap, wret, wpp, 
                                      cg, cgfrom, cgto, cgret, newg, injl, 
                                      gpret >>

runqget_cas(self) == /\ pc[self] = "runqget_cas"
                     /\ IF runqhead[pp[self]] = h[self]
                           THEN /\ runqhead' = [runqhead EXCEPT ![pp[self]] = Inc(h[self], 1)]
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
                                                                tries, vidx, 
                                                                bret >>
                                           ELSE /\ IF runqsize /= 0
                                                      THEN /\ gmax' = [gmax EXCEPT ![self] = 0]
                                                           /\ gret' = [gret EXCEPT ![self] = "global"]
                                                           /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                           /\ UNCHANGED << victim, 
                                                                           stealnext, 
                                                                           tries, 
                                                                           vidx, 
                                                                           bret >>
                                                      ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                 THEN /\ IF ~spinning[self]
                                                                            THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                 /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                 /\ UNCHANGED << victim, 
                                                                                                 stealnext, 
                                                                                                 tries, 
                                                                                                 vidx >>
                                                                            ELSE /\ IF NumP = 1
                                                                                       THEN /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                            /\ UNCHANGED << victim, 
                                                                                                            stealnext, 
                                                                                                            tries, 
                                                                                                            vidx >>
                                                                                       ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                            /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                                            /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                                            /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                            /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                 /\ bret' = bret
                                                                 ELSE /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                      /\ UNCHANGED << victim, 
                                                                                      stealnext, 
                                                                                      tries, 
                                                                                      vidx, 
                                                                                      bret >>
                                                           /\ UNCHANGED << gmax, 
                                                                           gret >>
                                                /\ UNCHANGED << rung, inherit, 
                                                                dret, cg, 
                                                                cgfrom, cgto, 
                                                                cgret >>
                           ELSE /\ rg' = [rg EXCEPT ![self] = NoG]
                                /\ h' = [h EXCEPT ![self] = 0]
                                /\ t' = [t EXCEPT ![self] = 0]
                                /\ pc' = [pc EXCEPT ![self] = "runqget_loadhead"]
                                /\ UNCHANGED << runqhead, victim, stealnext, 
                                                gmax, rung, inherit, gret, 
                                                tries, vidx, bret, dret, cg, 
                                                cgfrom, cgto, cgret >>
                     /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                     runqsize, schedLock, grab, thrown, pp, 
                                     curg, spinning, nmspinning, needspinning, 
                                     pidle, midle, schedtick, status, goid, 
                                     allgs, unborn, waiting, goidgen, 
                                     goidcache, goidcacheend, gFreeLocal, 
                                     gFreeLocalN, gFreeStack, gFreeNoStack, 
                                     gFreeN, gFreeLock, stackSize, 
                                     startingStackSize, stacksAllocated, 
                                     stacksFreed, sssChanges, gEpoch, grows, 
                                     spawned, fuel, rqg, q, gq, ep, rqret, 
                                     oldnext, next, gp, n, i, st, qn, batch, 
                                     gbatch, ehead, etail, enext, ewitness, 
                                     phase, fg, snap, wret, wpp, newg, injl, 
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
                                          ELSE /\ TRUE
                                               /\ UNCHANGED schedtick
                               /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                     /\ spawned' = spawned + 1
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ cg' = [cg EXCEPT ![self] = NoG]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                     /\ cgto' = [cgto EXCEPT ![self] = ""]
                                     /\ cgret' = [cgret EXCEPT ![self] = ""]
                                     /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                     /\ injl' = injl
                                  \/ /\ "exit" \in GActions
                                     /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                     /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                     /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED <<spawned, fuel, injl>>
                                  \/ /\ "gosched" \in GActions /\ HasFuel
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                     /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                     /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED <<spawned, injl>>
                                  \/ /\ "yield" \in GActions /\ HasFuel
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                     /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                     /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED <<spawned, injl>>
                                  \/ /\ "park" \in GActions /\ HasFuel
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ cg' = [cg EXCEPT ![self] = curg'[self]]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                     /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                     /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED <<spawned, injl>>
                                  \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ \E w \in waiting:
                                          cg' = [cg EXCEPT ![self] = w]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                     /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                     /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED <<spawned, injl>>
                                  \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ LET l == SortedSeq(waiting) IN
                                          /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                          /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                     /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                     /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED spawned
                                  \/ /\ "gcdrain" \in GActions /\ HasFuel
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ cg' = [cg EXCEPT ![self] = NoG]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                     /\ cgto' = [cgto EXCEPT ![self] = ""]
                                     /\ cgret' = [cgret EXCEPT ![self] = ""]
                                     /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                     /\ UNCHANGED <<spawned, injl>>
                                  \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                                     /\ IF ~Unbounded
                                           THEN /\ fuel' = fuel - 1
                                           ELSE /\ TRUE
                                                /\ fuel' = fuel
                                     /\ cg' = [cg EXCEPT ![self] = NoG]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                     /\ cgto' = [cgto EXCEPT ![self] = ""]
                                     /\ cgret' = [cgret EXCEPT ![self] = ""]
                                     /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                     /\ UNCHANGED <<spawned, injl>>
                               /\ UNCHANGED << waiting, rqg, q, gq, gmax, 
                                               rqret, fg, gret, gpret >>
                          ELSE /\ IF cgret[self] = "malg"
                                     THEN /\ cg' = [cg EXCEPT ![self] = NoG]
                                          /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                          /\ cgto' = [cgto EXCEPT ![self] = ""]
                                          /\ cgret' = [cgret EXCEPT ![self] = ""]
                                          /\ pc' = [pc EXCEPT ![self] = "allgadd"]
                                          /\ UNCHANGED << curg, waiting, rqg, 
                                                          q, gq, gmax, rqret, 
                                                          fg, gret, injl, 
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
                                                                     gret, 
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
                                                                                                      gmax, 
                                                                                                      gret, 
                                                                                                      injl >>
                                                                                 ELSE /\ IF cgret[self] = "park"
                                                                                            THEN /\ curg' = [curg EXCEPT ![self] = NoG]
                                                                                                 /\ waiting' = (waiting \cup {cg[self]})
                                                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                                 /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                                                                                                       THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                                                            /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                                                            /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                                                            /\ UNCHANGED << gmax, 
                                                                                                                            gret >>
                                                                                                 /\ UNCHANGED << rqg, 
                                                                                                                 q, 
                                                                                                                 rqret, 
                                                                                                                 injl >>
                                                                                            ELSE /\ IF cgret[self] = "ready"
                                                                                                       THEN /\ waiting' = waiting \ {cg[self]}
                                                                                                            /\ rqg' = [rqg EXCEPT ![self] = cg[self]]
                                                                                                            /\ rqret' = [rqret EXCEPT ![self] = "ready"]
                                                                                                            /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                                            /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                                                                                            /\ UNCHANGED << q, 
                                                                                                                            injl >>
                                                                                                       ELSE /\ waiting' = waiting \ {cg[self]}
                                                                                                            /\ q' = [q EXCEPT ![self] = Append(q[self], cg[self])]
                                                                                                            /\ IF injl[self] /= <<>>
                                                                                                                  THEN /\ cg' = [cg EXCEPT ![self] = Head(injl[self])]
                                                                                                                       /\ injl' = [injl EXCEPT ![self] = Tail(injl[self])]
                                                                                                                       /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                                                                       /\ UNCHANGED << cgfrom, 
                                                                                                                                       cgto, 
                                                                                                                                       cgret >>
                                                                                                                  ELSE /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                                                                       /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                                                                       /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                                                                       /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                                                                       /\ pc' = [pc EXCEPT ![self] = "runqputbatch_loadhead"]
                                                                                                                       /\ injl' = injl
                                                                                                            /\ UNCHANGED << rqg, 
                                                                                                                            rqret >>
                                                                                                 /\ UNCHANGED << curg, 
                                                                                                                 gmax, 
                                                                                                                 gret >>
                                                                           /\ UNCHANGED << gq, 
                                                                                           gpret >>
                                                                /\ fg' = fg
                               /\ UNCHANGED << schedtick, spawned, fuel, rung, 
                                               inherit >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, pp, 
                                    spinning, nmspinning, needspinning, pidle, 
                                    midle, goid, allgs, unborn, goidgen, 
                                    goidcache, goidcacheend, gFreeLocal, 
                                    gFreeLocalN, gFreeStack, gFreeNoStack, 
                                    gFreeN, gFreeLock, stackSize, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    victim, stealnext, ep, oldnext, next, rg, 
                                    gp, h, t, n, i, st, qn, batch, gbatch, 
                                    ehead, etail, enext, ewitness, phase, 
                                    tries, vidx, bret, dret, snap, wret, wpp, 
                                    newg >>

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
                                 midle, schedtick, status, goid, unborn, 
                                 waiting, goidgen, goidcache, goidcacheend, 
                                 gFreeLocal, gFreeLocalN, gFreeStack, 
                                 gFreeNoStack, gFreeN, gFreeLock, stackSize, 
                                 startingStackSize, stacksAllocated, 
                                 stacksFreed, sssChanges, gEpoch, grows, 
                                 spawned, fuel, rqg, q, gq, victim, stealnext, 
                                 ep, gmax, rqret, oldnext, next, rg, gp, h, t, 
                                 n, i, st, qn, batch, gbatch, ehead, etail, 
                                 enext, ewitness, phase, fg, rung, inherit, 
                                 gret, tries, vidx, bret, dret, snap, wret, 
                                 wpp, newg, injl, gpret >>

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
                       /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                       /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                       globrunq, runqsize, schedLock, grab, 
                                       thrown, pp, curg, spinning, nmspinning, 
                                       needspinning, pidle, midle, schedtick, 
                                       status, allgs, unborn, waiting, 
                                       gFreeLocal, gFreeLocalN, gFreeStack, 
                                       gFreeNoStack, gFreeN, gFreeLock, 
                                       stackSize, startingStackSize, 
                                       stacksAllocated, stacksFreed, 
                                       sssChanges, gEpoch, grows, spawned, 
                                       fuel, q, gq, victim, stealnext, ep, 
                                       gmax, oldnext, next, rg, gp, h, t, n, i, 
                                       st, qn, batch, gbatch, ehead, etail, 
                                       enext, ewitness, phase, fg, rung, 
                                       inherit, gret, tries, vidx, bret, dret, 
                                       snap, wret, wpp, cg, cgfrom, cgto, 
                                       cgret, injl, gpret >>

wakep(self) == /\ pc[self] = "wakep"
               /\ IF nmspinning /= 0
                     THEN /\ IF wret[self] = "execute"
                                THEN /\ wret' = [wret EXCEPT ![self] = ""]
                                     /\ cg' = [cg EXCEPT ![self] = rung[self]]
                                     /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                     /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                     /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                     /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                     /\ UNCHANGED << spawned, fuel, injl >>
                                ELSE /\ wret' = [wret EXCEPT ![self] = ""]
                                     /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                           /\ spawned' = spawned + 1
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                           /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                           /\ injl' = injl
                                        \/ /\ "exit" \in GActions
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                           /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, fuel, injl>>
                                        \/ /\ "gosched" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "yield" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "park" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                           /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ \E w \in waiting:
                                                cg' = [cg EXCEPT ![self] = w]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ LET l == SortedSeq(waiting) IN
                                                /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED spawned
                                        \/ /\ "gcdrain" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                           /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                           /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                           /\ UNCHANGED <<spawned, injl>>
                          /\ UNCHANGED nmspinning
                     ELSE /\ nmspinning' = 1
                          /\ pc' = [pc EXCEPT ![self] = "wakep_lock"]
                          /\ UNCHANGED << spawned, fuel, wret, cg, cgfrom, 
                                          cgto, cgret, injl >>
               /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                               runqsize, schedLock, grab, thrown, pp, curg, 
                               spinning, needspinning, pidle, midle, schedtick, 
                               status, goid, allgs, unborn, waiting, goidgen, 
                               goidcache, goidcacheend, gFreeLocal, 
                               gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, 
                               gFreeLock, stackSize, startingStackSize, 
                               stacksAllocated, stacksFreed, sssChanges, 
                               gEpoch, grows, rqg, q, gq, victim, stealnext, 
                               ep, gmax, rqret, oldnext, next, rg, gp, h, t, n, 
                               i, st, qn, batch, gbatch, ehead, etail, enext, 
                               ewitness, phase, fg, rung, inherit, gret, tries, 
                               vidx, bret, dret, snap, wpp, newg, gpret >>

wakep_lock(self) == /\ pc[self] = "wakep_lock"
                    /\ schedLock = NoOne
                    /\ IF pidle = <<>>
                          THEN /\ needspinning' = 1
                               /\ nmspinning' = nmspinning - 1
                               /\ IF wret[self] = "execute"
                                     THEN /\ wret' = [wret EXCEPT ![self] = ""]
                                          /\ cg' = [cg EXCEPT ![self] = rung[self]]
                                          /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                                          /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                                          /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                                          /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                          /\ UNCHANGED << spawned, fuel, injl >>
                                     ELSE /\ wret' = [wret EXCEPT ![self] = ""]
                                          /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                                /\ spawned' = spawned + 1
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                /\ injl' = injl
                                             \/ /\ "exit" \in GActions
                                                /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<spawned, fuel, injl>>
                                             \/ /\ "gosched" \in GActions /\ HasFuel
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<spawned, injl>>
                                             \/ /\ "yield" \in GActions /\ HasFuel
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<spawned, injl>>
                                             \/ /\ "park" \in GActions /\ HasFuel
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<spawned, injl>>
                                             \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ \E w \in waiting:
                                                     cg' = [cg EXCEPT ![self] = w]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED <<spawned, injl>>
                                             \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ LET l == SortedSeq(waiting) IN
                                                     /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                     /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                /\ UNCHANGED spawned
                                             \/ /\ "gcdrain" \in GActions /\ HasFuel
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                /\ UNCHANGED <<spawned, injl>>
                                             \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                /\ IF ~Unbounded
                                                      THEN /\ fuel' = fuel - 1
                                                      ELSE /\ TRUE
                                                           /\ fuel' = fuel
                                                /\ cg' = [cg EXCEPT ![self] = NoG]
                                                /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                /\ UNCHANGED <<spawned, injl>>
                               /\ UNCHANGED << pidle, wpp >>
                          ELSE /\ wpp' = [wpp EXCEPT ![self] = Head(pidle)]
                               /\ pidle' = Tail(pidle)
                               /\ pc' = [pc EXCEPT ![self] = "startm"]
                               /\ UNCHANGED << nmspinning, needspinning, 
                                               spawned, fuel, wret, cg, cgfrom, 
                                               cgto, cgret, injl >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, 
                                    thrown, pp, curg, spinning, midle, 
                                    schedtick, status, goid, allgs, unborn, 
                                    waiting, goidgen, goidcache, goidcacheend, 
                                    gFreeLocal, gFreeLocalN, gFreeStack, 
                                    gFreeNoStack, gFreeN, gFreeLock, stackSize, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    rqg, q, gq, victim, stealnext, ep, gmax, 
                                    rqret, oldnext, next, rg, gp, h, t, n, i, 
                                    st, qn, batch, gbatch, ehead, etail, enext, 
                                    ewitness, phase, fg, rung, inherit, gret, 
                                    tries, vidx, bret, dret, snap, newg, gpret >>

startm(self) == /\ pc[self] = "startm"
                /\ schedLock = NoOne /\ midle /= <<>>
                /\ pp' = [pp EXCEPT ![Head(midle)] = wpp[self]]
                /\ spinning' = [spinning EXCEPT ![Head(midle)] = TRUE]
                /\ midle' = Tail(midle)
                /\ wpp' = [wpp EXCEPT ![self] = NoP]
                /\ IF wret[self] = "execute"
                      THEN /\ wret' = [wret EXCEPT ![self] = ""]
                           /\ cg' = [cg EXCEPT ![self] = rung[self]]
                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunnable]
                           /\ cgto' = [cgto EXCEPT ![self] = Grunning]
                           /\ cgret' = [cgret EXCEPT ![self] = "execute"]
                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                           /\ UNCHANGED << spawned, fuel, injl >>
                      ELSE /\ wret' = [wret EXCEPT ![self] = ""]
                           /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                 /\ spawned' = spawned + 1
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                 /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                 /\ injl' = injl
                              \/ /\ "exit" \in GActions
                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                 /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                 /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED <<spawned, fuel, injl>>
                              \/ /\ "gosched" \in GActions /\ HasFuel
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                 /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED <<spawned, injl>>
                              \/ /\ "yield" \in GActions /\ HasFuel
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                 /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED <<spawned, injl>>
                              \/ /\ "park" \in GActions /\ HasFuel
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                 /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                 /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED <<spawned, injl>>
                              \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ \E w \in waiting:
                                      cg' = [cg EXCEPT ![self] = w]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                 /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED <<spawned, injl>>
                              \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ LET l == SortedSeq(waiting) IN
                                      /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                      /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                 /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                 /\ UNCHANGED spawned
                              \/ /\ "gcdrain" \in GActions /\ HasFuel
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                 /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                 /\ UNCHANGED <<spawned, injl>>
                              \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle')
                                 /\ IF ~Unbounded
                                       THEN /\ fuel' = fuel - 1
                                       ELSE /\ TRUE
                                            /\ fuel' = fuel
                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                 /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                 /\ UNCHANGED <<spawned, injl>>
                /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                                runqsize, schedLock, grab, thrown, curg, 
                                nmspinning, needspinning, pidle, schedtick, 
                                status, goid, allgs, unborn, waiting, goidgen, 
                                goidcache, goidcacheend, gFreeLocal, 
                                gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, 
                                gFreeLock, stackSize, startingStackSize, 
                                stacksAllocated, stacksFreed, sssChanges, 
                                gEpoch, grows, rqg, q, gq, victim, stealnext, 
                                ep, gmax, rqret, oldnext, next, rg, gp, h, t, 
                                n, i, st, qn, batch, gbatch, ehead, etail, 
                                enext, ewitness, phase, fg, rung, inherit, 
                                gret, tries, vidx, bret, dret, snap, newg, 
                                gpret >>

becomeSpinning(self) == /\ pc[self] = "becomeSpinning"
                        /\ spinning' = [spinning EXCEPT ![self] = TRUE]
                        /\ nmspinning' = nmspinning + 1
                        /\ needspinning' = 0
                        /\ IF bret[self] = "steal"
                              THEN /\ bret' = [bret EXCEPT ![self] = ""]
                                   /\ IF NumP = 1
                                         THEN /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                              /\ UNCHANGED << victim, 
                                                              stealnext, tries, 
                                                              vidx >>
                                         ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                              /\ vidx' = [vidx EXCEPT ![self] = 1]
                                              /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                              /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                              /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                   /\ UNCHANGED << gmax, gret >>
                              ELSE /\ bret' = [bret EXCEPT ![self] = ""]
                                   /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                                         THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
                                              /\ gret' = [gret EXCEPT ![self] = "tick"]
                                              /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                         ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                              /\ UNCHANGED << gmax, gret >>
                                   /\ UNCHANGED << victim, stealnext, tries, 
                                                   vidx >>
                        /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                        globrunq, runqsize, schedLock, grab, 
                                        thrown, pp, curg, pidle, midle, 
                                        schedtick, status, goid, allgs, unborn, 
                                        waiting, goidgen, goidcache, 
                                        goidcacheend, gFreeLocal, gFreeLocalN, 
                                        gFreeStack, gFreeNoStack, gFreeN, 
                                        gFreeLock, stackSize, 
                                        startingStackSize, stacksAllocated, 
                                        stacksFreed, sssChanges, gEpoch, grows, 
                                        spawned, fuel, rqg, q, gq, ep, rqret, 
                                        oldnext, next, rg, gp, h, t, n, i, st, 
                                        qn, batch, gbatch, ehead, etail, enext, 
                                        ewitness, phase, fg, rung, inherit, 
                                        dret, snap, wret, wpp, cg, cgfrom, 
                                        cgto, cgret, newg, injl, gpret >>

findRunnable_lockidle(self) == /\ pc[self] = "findRunnable_lockidle"
                               /\ schedLock = NoOne
                               /\ IF runqsize /= 0
                                     THEN /\ schedLock' = self
                                          /\ LET k == FairShare(runqsize, 0) IN
                                               LET gl == globrunq IN
                                                 /\ runqsize' = runqsize - k
                                                 /\ rung' = [rung EXCEPT ![self] = Head(gl)]
                                                 /\ globrunq' = SubSeq(gl, k + 1, Len(gl))
                                                 /\ IF k > 1
                                                       THEN /\ rqg' = [rqg EXCEPT ![self] = gl[2]]
                                                            /\ gbatch' = [gbatch EXCEPT ![self] = SubSeq(gl, 3, k)]
                                                            /\ rqret' = [rqret EXCEPT ![self] = "lockidle"]
                                                            /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                       ELSE /\ pc' = [pc EXCEPT ![self] = "findRunnable_unlockidle"]
                                                            /\ UNCHANGED << rqg, 
                                                                            rqret, 
                                                                            gbatch >>
                                          /\ UNCHANGED << thrown, pp, spinning, 
                                                          nmspinning, 
                                                          needspinning, pidle, 
                                                          gmax, gret, dret, 
                                                          snap >>
                                     ELSE /\ IF ~spinning[self] /\ needspinning = 1
                                                THEN /\ spinning' = [spinning EXCEPT ![self] = TRUE]
                                                     /\ nmspinning' = nmspinning + 1
                                                     /\ needspinning' = 0
                                                     /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                                                           THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                                /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                                           ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                                /\ UNCHANGED << gmax, 
                                                                                gret >>
                                                     /\ UNCHANGED << thrown, 
                                                                     pp, pidle, 
                                                                     dret, 
                                                                     snap >>
                                                ELSE /\ IF runqhead[pp[self]] /= runqtail[pp[self]] \/ runnext[pp[self]] /= NoG
                                                           THEN /\ thrown' = "pidleput: P has non-empty run queue"
                                                           ELSE /\ TRUE
                                                                /\ UNCHANGED thrown
                                                     /\ snap' = [snap EXCEPT ![self] = Range(pidle)]
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
                                                          schedLock, rqg, 
                                                          rqret, gbatch, rung >>
                               /\ UNCHANGED << runq, runqhead, runqtail, 
                                               runnext, grab, curg, midle, 
                                               schedtick, status, goid, allgs, 
                                               unborn, waiting, goidgen, 
                                               goidcache, goidcacheend, 
                                               gFreeLocal, gFreeLocalN, 
                                               gFreeStack, gFreeNoStack, 
                                               gFreeN, gFreeLock, stackSize, 
                                               startingStackSize, 
                                               stacksAllocated, stacksFreed, 
                                               sssChanges, gEpoch, grows, 
                                               spawned, fuel, q, gq, victim, 
                                               stealnext, ep, oldnext, next, 
                                               rg, gp, h, t, n, i, st, qn, 
                                               batch, ehead, etail, enext, 
                                               ewitness, phase, fg, inherit, 
                                               tries, vidx, bret, wret, wpp, 
                                               cg, cgfrom, cgto, cgret, newg, 
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
                                                 schedtick, status, goid, 
                                                 allgs, unborn, waiting, 
                                                 goidgen, goidcache, 
                                                 goidcacheend, gFreeLocal, 
                                                 gFreeLocalN, gFreeStack, 
                                                 gFreeNoStack, gFreeN, 
                                                 gFreeLock, stackSize, 
                                                 startingStackSize, 
                                                 stacksAllocated, stacksFreed, 
                                                 sssChanges, gEpoch, grows, 
                                                 spawned, fuel, rqg, q, gq, 
                                                 victim, stealnext, ep, gmax, 
                                                 rqret, oldnext, next, rg, gp, 
                                                 h, t, n, i, st, qn, batch, 
                                                 gbatch, ehead, etail, enext, 
                                                 ewitness, phase, fg, gret, 
                                                 tries, vidx, bret, snap, wret, 
                                                 wpp, newg, injl, gpret >>

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
                                              /\ UNCHANGED << ep, snap >>
                                         ELSE /\ dret' = [dret EXCEPT ![self] = ""]
                                              /\ LET cands == {p \in Ps : p \notin snap[self]} IN
                                                   IF cands = {}
                                                      THEN /\ snap' = [snap EXCEPT ![self] = {}]
                                                           /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                           /\ ep' = ep
                                                      ELSE /\ ep' = [ep EXCEPT ![self] = SetMin(cands)]
                                                           /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                           /\ snap' = snap
                                              /\ wret' = wret
                                   /\ UNCHANGED << runq, runqhead, runqtail, 
                                                   runnext, globrunq, runqsize, 
                                                   schedLock, grab, pp, curg, 
                                                   needspinning, pidle, midle, 
                                                   schedtick, status, goid, 
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
                                                   fuel, rqg, q, gq, victim, 
                                                   stealnext, gmax, rqret, 
                                                   oldnext, next, rg, gp, h, t, 
                                                   n, i, st, qn, batch, gbatch, 
                                                   ehead, etail, enext, 
                                                   ewitness, phase, fg, rung, 
                                                   inherit, gret, tries, vidx, 
                                                   bret, wpp, cg, cgfrom, cgto, 
                                                   cgret, newg, injl, gpret >>

checkRunqsNoP_lock(self) == /\ pc[self] = "checkRunqsNoP_lock"
                            /\ schedLock = NoOne
                            /\ ep' = [ep EXCEPT ![self] = NoP]
                            /\ snap' = [snap EXCEPT ![self] = {}]
                            /\ IF pidle = <<>>
                                  THEN /\ needspinning' = 1
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
                                            status, goid, allgs, unborn, 
                                            waiting, goidgen, goidcache, 
                                            goidcacheend, gFreeLocal, 
                                            gFreeLocalN, gFreeStack, 
                                            gFreeNoStack, gFreeN, gFreeLock, 
                                            stackSize, startingStackSize, 
                                            stacksAllocated, stacksFreed, 
                                            sssChanges, gEpoch, grows, spawned, 
                                            fuel, rqg, q, gq, victim, 
                                            stealnext, gmax, rqret, oldnext, 
                                            next, rg, gp, h, t, n, i, st, qn, 
                                            batch, gbatch, ehead, etail, enext, 
                                            ewitness, phase, fg, rung, inherit, 
                                            gret, tries, vidx, dret, wret, wpp, 
                                            cg, cgfrom, cgto, cgret, newg, 
                                            injl, gpret >>

stopm(self) == /\ pc[self] = "stopm"
               /\ schedLock = NoOne
               /\ IF pp[self] /= NoP \/ spinning[self]
                     THEN /\ thrown' = "stopm holding p or spinning"
                     ELSE /\ TRUE
                          /\ UNCHANGED thrown
               /\ midle' = <<self>> \o midle
               /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
               /\ UNCHANGED << runq, runqhead, runqtail, runnext, globrunq, 
                               runqsize, schedLock, grab, pp, curg, spinning, 
                               nmspinning, needspinning, pidle, schedtick, 
                               status, goid, allgs, unborn, waiting, goidgen, 
                               goidcache, goidcacheend, gFreeLocal, 
                               gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, 
                               gFreeLock, stackSize, startingStackSize, 
                               stacksAllocated, stacksFreed, sssChanges, 
                               gEpoch, grows, spawned, fuel, rqg, q, gq, 
                               victim, stealnext, ep, gmax, rqret, oldnext, 
                               next, rg, gp, h, t, n, i, st, qn, batch, gbatch, 
                               ehead, etail, enext, ewitness, phase, fg, rung, 
                               inherit, gret, tries, vidx, bret, dret, snap, 
                               wret, wpp, cg, cgfrom, cgto, cgret, newg, injl, 
                               gpret >>

runqempty_loadhead(self) == /\ pc[self] = "runqempty_loadhead"
                            /\ ehead' = [ehead EXCEPT ![self] = runqhead[ep[self]]]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_loadtail"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            oldnext, next, rg, gp, h, t, n, i, 
                                            st, qn, batch, gbatch, etail, 
                                            enext, ewitness, phase, fg, rung, 
                                            inherit, gret, tries, vidx, bret, 
                                            dret, snap, wret, wpp, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqempty_loadtail(self) == /\ pc[self] = "runqempty_loadtail"
                            /\ etail' = [etail EXCEPT ![self] = runqtail[ep[self]]]
                            /\ pc' = [pc EXCEPT ![self] = "runqempty_loadnext"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            oldnext, next, rg, gp, h, t, n, i, 
                                            st, qn, batch, gbatch, ehead, 
                                            enext, ewitness, phase, fg, rung, 
                                            inherit, gret, tries, vidx, bret, 
                                            dret, snap, wret, wpp, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqempty_loadnext(self) == /\ pc[self] = "runqempty_loadnext"
                            /\ LET nx == runnext[ep[self]] IN
                                 IF Bug = "runqempty_one_tail_read"
                                    THEN /\ LET res == (ehead[self] = etail[self] /\ nx = NoG) IN
                                              /\ ehead' = [ehead EXCEPT ![self] = 0]
                                              /\ etail' = [etail EXCEPT ![self] = 0]
                                              /\ IF ~res
                                                    THEN /\ pc' = [pc EXCEPT ![self] = "checkRunqsNoP_lock"]
                                                         /\ UNCHANGED << ep, 
                                                                         snap >>
                                                    ELSE /\ LET rest == {p \in Ps : p > ep[self] /\ p \notin snap[self]} IN
                                                              IF rest = {}
                                                                 THEN /\ ep' = [ep EXCEPT ![self] = NoP]
                                                                      /\ snap' = [snap EXCEPT ![self] = {}]
                                                                      /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                                 ELSE /\ ep' = [ep EXCEPT ![self] = SetMin(rest)]
                                                                      /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                      /\ snap' = snap
                                         /\ UNCHANGED << enext, ewitness >>
                                    ELSE /\ enext' = [enext EXCEPT ![self] = nx]
                                         /\ ewitness' = [ewitness EXCEPT ![self] = (runqhead[ep[self]] = runqtail[ep[self]] /\ nx = NoG)]
                                         /\ pc' = [pc EXCEPT ![self] = "runqempty_recheck"]
                                         /\ UNCHANGED << ep, ehead, etail, 
                                                         snap >>
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, q, gq, 
                                            victim, stealnext, gmax, rqret, 
                                            oldnext, next, rg, gp, h, t, n, i, 
                                            st, qn, batch, gbatch, phase, fg, 
                                            rung, inherit, gret, tries, vidx, 
                                            bret, dret, wret, wpp, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqempty_recheck(self) == /\ pc[self] = "runqempty_recheck"
                           /\ IF etail[self] = runqtail[ep[self]]
                                 THEN /\ LET res == (ehead[self] = etail[self] /\ enext[self] = NoG) IN
                                           /\ ehead' = [ehead EXCEPT ![self] = 0]
                                           /\ etail' = [etail EXCEPT ![self] = 0]
                                           /\ enext' = [enext EXCEPT ![self] = NoG]
                                           /\ ewitness' = [ewitness EXCEPT ![self] = FALSE]
                                           /\ IF ~res
                                                 THEN /\ pc' = [pc EXCEPT ![self] = "checkRunqsNoP_lock"]
                                                      /\ UNCHANGED << ep, snap >>
                                                 ELSE /\ LET rest == {p \in Ps : p > ep[self] /\ p \notin snap[self]} IN
                                                           IF rest = {}
                                                              THEN /\ ep' = [ep EXCEPT ![self] = NoP]
                                                                   /\ snap' = [snap EXCEPT ![self] = {}]
                                                                   /\ pc' = [pc EXCEPT ![self] = "stopm"]
                                                              ELSE /\ ep' = [ep EXCEPT ![self] = SetMin(rest)]
                                                                   /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                                                   /\ snap' = snap
                                 ELSE /\ pc' = [pc EXCEPT ![self] = "runqempty_loadhead"]
                                      /\ UNCHANGED << ep, ehead, etail, enext, 
                                                      ewitness, snap >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, grab, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, status, goid, 
                                           allgs, unborn, waiting, goidgen, 
                                           goidcache, goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, rqg, q, gq, victim, stealnext, 
                                           gmax, rqret, oldnext, next, rg, gp, 
                                           h, t, n, i, st, qn, batch, gbatch, 
                                           phase, fg, rung, inherit, gret, 
                                           tries, vidx, bret, dret, wret, wpp, 
                                           cg, cgfrom, cgto, cgret, newg, injl, 
                                           gpret >>

runqput_loadnext(self) == /\ pc[self] = "runqput_loadnext"
                          /\ oldnext' = [oldnext EXCEPT ![self] = runnext[pp[self]]]
                          /\ pc' = [pc EXCEPT ![self] = "runqput_casnext"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, status, goid, 
                                          allgs, unborn, waiting, goidgen, 
                                          goidcache, goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, rqg, q, gq, victim, stealnext, 
                                          ep, gmax, rqret, next, rg, gp, h, t, 
                                          n, i, st, qn, batch, gbatch, ehead, 
                                          etail, enext, ewitness, phase, fg, 
                                          rung, inherit, gret, tries, vidx, 
                                          bret, dret, snap, wret, wpp, cg, 
                                          cgfrom, cgto, cgret, newg, injl, 
                                          gpret >>

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
                                                                     /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                                                                           THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
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
                                          ELSE /\ rqg' = [rqg EXCEPT ![self] = oldnext[self]]
                                               /\ oldnext' = [oldnext EXCEPT ![self] = NoG]
                                               /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                               /\ UNCHANGED << gq, gmax, rqret, 
                                                               gbatch, gret, 
                                                               wret >>
                               ELSE /\ oldnext' = [oldnext EXCEPT ![self] = NoG]
                                    /\ pc' = [pc EXCEPT ![self] = "runqput_loadnext"]
                                    /\ UNCHANGED << runnext, rqg, gq, gmax, 
                                                    rqret, gbatch, gret, wret >>
                         /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         curg, spinning, nmspinning, 
                                         needspinning, pidle, midle, schedtick, 
                                         status, goid, allgs, unborn, waiting, 
                                         goidgen, goidcache, goidcacheend, 
                                         gFreeLocal, gFreeLocalN, gFreeStack, 
                                         gFreeNoStack, gFreeN, gFreeLock, 
                                         stackSize, startingStackSize, 
                                         stacksAllocated, stacksFreed, 
                                         sssChanges, gEpoch, grows, spawned, 
                                         fuel, q, victim, stealnext, ep, next, 
                                         rg, gp, h, t, n, i, st, qn, batch, 
                                         ehead, etail, enext, ewitness, phase, 
                                         fg, rung, inherit, tries, vidx, bret, 
                                         dret, snap, wpp, cg, cgfrom, cgto, 
                                         cgret, newg, injl, gpret >>

runqput_loadhead(self) == /\ pc[self] = "runqput_loadhead"
                          /\ h' = [h EXCEPT ![self] = runqhead[pp[self]]]
                          /\ t' = [t EXCEPT ![self] = runqtail[pp[self]]]
                          /\ IF Dist(t'[self], h'[self]) < RingSize
                                THEN /\ pc' = [pc EXCEPT ![self] = "runqput_store"]
                                     /\ UNCHANGED << thrown, n >>
                                ELSE /\ n' = [n EXCEPT ![self] = Dist(t'[self], h'[self]) \div 2]
                                     /\ IF Dist(t'[self], h'[self]) \div 2 /= RingSize \div 2
                                           THEN /\ thrown' = "runqputslow: queue is not full"
                                           ELSE /\ TRUE
                                                /\ UNCHANGED thrown
                                     /\ pc' = [pc EXCEPT ![self] = "runqputslow_copy"]
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          globrunq, runqsize, schedLock, grab, 
                                          pp, curg, spinning, nmspinning, 
                                          needspinning, pidle, midle, 
                                          schedtick, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, rqg, q, gq, victim, stealnext, 
                                          ep, gmax, rqret, oldnext, next, rg, 
                                          gp, i, st, qn, batch, gbatch, ehead, 
                                          etail, enext, ewitness, phase, fg, 
                                          rung, inherit, gret, tries, vidx, 
                                          bret, dret, snap, wret, wpp, cg, 
                                          cgfrom, cgto, cgret, newg, injl, 
                                          gpret >>

runqput_store(self) == /\ pc[self] = "runqput_store"
                       /\ IF Bug = "tail_before_slot"
                             THEN /\ runqtail' = [runqtail EXCEPT ![pp[self]] = Inc(t[self], 1)]
                                  /\ UNCHANGED << runq, grab >>
                             ELSE /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = rqg[self]]
                                  /\ grab' = TearGrabs(grab, (pp[self]), (Slot(t[self])))
                                  /\ UNCHANGED runqtail
                       /\ pc' = [pc EXCEPT ![self] = "runqput_storetail"]
                       /\ UNCHANGED << runqhead, runnext, globrunq, runqsize, 
                                       schedLock, thrown, pp, curg, spinning, 
                                       nmspinning, needspinning, pidle, midle, 
                                       schedtick, status, goid, allgs, unborn, 
                                       waiting, goidgen, goidcache, 
                                       goidcacheend, gFreeLocal, gFreeLocalN, 
                                       gFreeStack, gFreeNoStack, gFreeN, 
                                       gFreeLock, stackSize, startingStackSize, 
                                       stacksAllocated, stacksFreed, 
                                       sssChanges, gEpoch, grows, spawned, 
                                       fuel, rqg, q, gq, victim, stealnext, ep, 
                                       gmax, rqret, oldnext, next, rg, gp, h, 
                                       t, n, i, st, qn, batch, gbatch, ehead, 
                                       etail, enext, ewitness, phase, fg, rung, 
                                       inherit, gret, tries, vidx, bret, dret, 
                                       snap, wret, wpp, cg, cgfrom, cgto, 
                                       cgret, newg, injl, gpret >>

runqput_storetail(self) == /\ pc[self] = "runqput_storetail"
                           /\ IF Bug = "tail_before_slot"
                                 THEN /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = rqg[self]]
                                      /\ grab' = TearGrabs(grab, (pp[self]), (Slot(t[self])))
                                      /\ UNCHANGED runqtail
                                 ELSE /\ runqtail' = [runqtail EXCEPT ![pp[self]] = Inc(t[self], 1)]
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
                                                 /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                                                       THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
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
                                           schedtick, status, goid, allgs, 
                                           unborn, waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, q, victim, stealnext, ep, 
                                           oldnext, next, rg, gp, n, i, st, qn, 
                                           batch, ehead, etail, enext, 
                                           ewitness, phase, fg, rung, inherit, 
                                           tries, vidx, bret, dret, snap, wpp, 
                                           cg, cgfrom, cgto, cgret, newg, injl, 
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
                                          midle, schedtick, status, goid, 
                                          allgs, unborn, waiting, goidgen, 
                                          goidcache, goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, rqg, q, gq, victim, stealnext, 
                                          ep, gmax, rqret, oldnext, next, rg, 
                                          gp, h, t, n, st, qn, gbatch, ehead, 
                                          etail, enext, ewitness, phase, fg, 
                                          rung, inherit, gret, tries, vidx, 
                                          bret, dret, snap, wret, wpp, cg, 
                                          cgfrom, cgto, cgret, newg, injl, 
                                          gpret >>

runqputslow_cas(self) == /\ pc[self] = "runqputslow_cas"
                         /\ IF runqhead[pp[self]] = h[self]
                               THEN /\ runqhead' = [runqhead EXCEPT ![pp[self]] = Inc(h[self], n[self])]
                                    /\ gq' = [gq EXCEPT ![self] = batch[self] \o <<rqg[self]>>]
                                    /\ rqg' = [rqg EXCEPT ![self] = NoG]
                                    /\ batch' = [batch EXCEPT ![self] = <<>>]
                                    /\ i' = [i EXCEPT ![self] = 0]
                                    /\ n' = [n EXCEPT ![self] = 0]
                                    /\ h' = [h EXCEPT ![self] = 0]
                                    /\ t' = [t EXCEPT ![self] = 0]
                                    /\ pc' = [pc EXCEPT ![self] = "runqputslow_lock"]
                               ELSE /\ batch' = [batch EXCEPT ![self] = <<>>]
                                    /\ i' = [i EXCEPT ![self] = 0]
                                    /\ n' = [n EXCEPT ![self] = 0]
                                    /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                    /\ UNCHANGED << runqhead, rqg, gq, h, t >>
                         /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                         runqsize, schedLock, grab, thrown, pp, 
                                         curg, spinning, nmspinning, 
                                         needspinning, pidle, midle, schedtick, 
                                         status, goid, allgs, unborn, waiting, 
                                         goidgen, goidcache, goidcacheend, 
                                         gFreeLocal, gFreeLocalN, gFreeStack, 
                                         gFreeNoStack, gFreeN, gFreeLock, 
                                         stackSize, startingStackSize, 
                                         stacksAllocated, stacksFreed, 
                                         sssChanges, gEpoch, grows, spawned, 
                                         fuel, q, victim, stealnext, ep, gmax, 
                                         rqret, oldnext, next, rg, gp, st, qn, 
                                         gbatch, ehead, etail, enext, ewitness, 
                                         phase, fg, rung, inherit, gret, tries, 
                                         vidx, bret, dret, snap, wret, wpp, cg, 
                                         cgfrom, cgto, cgret, newg, injl, 
                                         gpret >>

runqputslow_lock(self) == /\ pc[self] = "runqputslow_lock"
                          /\ IF Bug = "runqputslow_no_lock"
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
                                                                      /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize' > 0
                                                                            THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
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
                                                           /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize' > 0
                                                                 THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
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
                                          pidle, midle, schedtick, status, 
                                          goid, allgs, unborn, waiting, 
                                          goidgen, goidcache, goidcacheend, 
                                          gFreeLocal, gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, q, victim, stealnext, ep, 
                                          oldnext, next, rg, gp, h, t, i, st, 
                                          qn, ehead, etail, enext, ewitness, 
                                          fg, rung, inherit, tries, vidx, bret, 
                                          dret, snap, wpp, cg, cgfrom, cgto, 
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
                                               schedtick, status, goid, allgs, 
                                               unborn, waiting, goidgen, 
                                               goidcache, goidcacheend, 
                                               gFreeLocal, gFreeLocalN, 
                                               gFreeStack, gFreeNoStack, 
                                               gFreeN, gFreeLock, stackSize, 
                                               startingStackSize, 
                                               stacksAllocated, stacksFreed, 
                                               sssChanges, gEpoch, grows, 
                                               spawned, fuel, rqg, q, gq, 
                                               victim, stealnext, ep, gmax, 
                                               rqret, oldnext, next, rg, gp, n, 
                                               i, st, qn, batch, gbatch, ehead, 
                                               etail, enext, ewitness, phase, 
                                               fg, rung, inherit, gret, tries, 
                                               vidx, bret, dret, snap, wret, 
                                               wpp, cg, cgfrom, cgto, cgret, 
                                               newg, injl, gpret >>

runqputbatch_store(self) == /\ pc[self] = "runqputbatch_store"
                            /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(t[self]))] = Head(q[self])]
                            /\ grab' = TearGrabs(grab, (pp[self]), (Slot(t[self])))
                            /\ q' = [q EXCEPT ![self] = Tail(q[self])]
                            /\ t' = [t EXCEPT ![self] = Inc(t[self], 1)]
                            /\ IF q'[self] /= <<>> /\ Dist(t'[self], h[self]) < RingSize
                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqputbatch_store"]
                                  ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_storetail"]
                            /\ UNCHANGED << runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            oldnext, next, rg, gp, h, n, i, st, 
                                            qn, batch, gbatch, ehead, etail, 
                                            enext, ewitness, phase, fg, rung, 
                                            inherit, gret, tries, vidx, bret, 
                                            dret, snap, wret, wpp, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqputbatch_storetail(self) == /\ pc[self] = "runqputbatch_storetail"
                                /\ runqtail' = [runqtail EXCEPT ![pp[self]] = t[self]]
                                /\ h' = [h EXCEPT ![self] = 0]
                                /\ t' = [t EXCEPT ![self] = 0]
                                /\ IF q[self] = <<>>
                                      THEN /\ q' = [q EXCEPT ![self] = <<>>]
                                           /\ wret' = [wret EXCEPT ![self] = "inject"]
                                           /\ pc' = [pc EXCEPT ![self] = "wakep"]
                                      ELSE /\ pc' = [pc EXCEPT ![self] = "runqputbatch_lock"]
                                           /\ UNCHANGED << q, wret >>
                                /\ UNCHANGED << runq, runqhead, runnext, 
                                                globrunq, runqsize, schedLock, 
                                                grab, thrown, pp, curg, 
                                                spinning, nmspinning, 
                                                needspinning, pidle, midle, 
                                                schedtick, status, goid, allgs, 
                                                unborn, waiting, goidgen, 
                                                goidcache, goidcacheend, 
                                                gFreeLocal, gFreeLocalN, 
                                                gFreeStack, gFreeNoStack, 
                                                gFreeN, gFreeLock, stackSize, 
                                                startingStackSize, 
                                                stacksAllocated, stacksFreed, 
                                                sssChanges, gEpoch, grows, 
                                                spawned, fuel, rqg, gq, victim, 
                                                stealnext, ep, gmax, rqret, 
                                                oldnext, next, rg, gp, n, i, 
                                                st, qn, batch, gbatch, ehead, 
                                                etail, enext, ewitness, phase, 
                                                fg, rung, inherit, gret, tries, 
                                                vidx, bret, dret, snap, wpp, 
                                                cg, cgfrom, cgto, cgret, newg, 
                                                injl, gpret >>

runqputbatch_lock(self) == /\ pc[self] = "runqputbatch_lock"
                           /\ schedLock = NoOne
                           /\ globrunq' = globrunq \o q[self]
                           /\ runqsize' = runqsize + Len(q[self])
                           /\ q' = [q EXCEPT ![self] = <<>>]
                           /\ wret' = [wret EXCEPT ![self] = "inject"]
                           /\ pc' = [pc EXCEPT ![self] = "wakep"]
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           schedLock, grab, thrown, pp, curg, 
                                           spinning, nmspinning, needspinning, 
                                           pidle, midle, schedtick, status, 
                                           goid, allgs, unborn, waiting, 
                                           goidgen, goidcache, goidcacheend, 
                                           gFreeLocal, gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, rqg, gq, victim, stealnext, 
                                           ep, gmax, rqret, oldnext, next, rg, 
                                           gp, h, t, n, i, st, qn, batch, 
                                           gbatch, ehead, etail, enext, 
                                           ewitness, phase, fg, rung, inherit, 
                                           gret, tries, vidx, bret, dret, snap, 
                                           wpp, cg, cgfrom, cgto, cgret, newg, 
                                           injl, gpret >>

runqdrain_loadnext(self) == /\ pc[self] = "runqdrain_loadnext"
                            /\ next' = [next EXCEPT ![self] = runnext[pp[self]]]
                            /\ IF next'[self] = NoG
                                  THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                  ELSE /\ pc' = [pc EXCEPT ![self] = "runqdrain_casnext"]
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            oldnext, rg, gp, h, t, n, i, st, 
                                            qn, batch, gbatch, ehead, etail, 
                                            enext, ewitness, phase, fg, rung, 
                                            inherit, gret, tries, vidx, bret, 
                                            dret, snap, wret, wpp, cg, cgfrom, 
                                            cgto, cgret, newg, injl, gpret >>

runqdrain_casnext(self) == /\ pc[self] = "runqdrain_casnext"
                           /\ IF runnext[pp[self]] = next[self]
                                 THEN /\ runnext' = [runnext EXCEPT ![pp[self]] = NoG]
                                      /\ q' = [q EXCEPT ![self] = <<next[self]>>]
                                 ELSE /\ TRUE
                                      /\ UNCHANGED << runnext, q >>
                           /\ next' = [next EXCEPT ![self] = NoG]
                           /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                           /\ UNCHANGED << runq, runqhead, runqtail, globrunq, 
                                           runqsize, schedLock, grab, thrown, 
                                           pp, curg, spinning, nmspinning, 
                                           needspinning, pidle, midle, 
                                           schedtick, status, goid, allgs, 
                                           unborn, waiting, goidgen, goidcache, 
                                           goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, rqg, gq, victim, stealnext, 
                                           ep, gmax, rqret, oldnext, rg, gp, h, 
                                           t, n, i, st, qn, batch, gbatch, 
                                           ehead, etail, enext, ewitness, 
                                           phase, fg, rung, inherit, gret, 
                                           tries, vidx, bret, dret, snap, wret, 
                                           wpp, cg, cgfrom, cgto, cgret, newg, 
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
                                                           /\ UNCHANGED << spawned, 
                                                                           fuel, 
                                                                           cg, 
                                                                           cgfrom, 
                                                                           cgto, 
                                                                           cgret, 
                                                                           injl >>
                                                      ELSE /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                                                 /\ spawned' = spawned + 1
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                 /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                                 /\ injl' = injl
                                                              \/ /\ "exit" \in GActions
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<spawned, fuel, injl>>
                                                              \/ /\ "gosched" \in GActions /\ HasFuel
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                              \/ /\ "yield" \in GActions /\ HasFuel
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                              \/ /\ "park" \in GActions /\ HasFuel
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                              \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ \E w \in waiting:
                                                                      cg' = [cg EXCEPT ![self] = w]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                              \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ LET l == SortedSeq(waiting) IN
                                                                      /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                      /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                                 /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                                 /\ UNCHANGED spawned
                                                              \/ /\ "gcdrain" \in GActions /\ HasFuel
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                 /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                              \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                                 /\ IF ~Unbounded
                                                                       THEN /\ fuel' = fuel - 1
                                                                       ELSE /\ TRUE
                                                                            /\ fuel' = fuel
                                                                 /\ cg' = [cg EXCEPT ![self] = NoG]
                                                                 /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                                 /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                                 /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                                 /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                                 /\ UNCHANGED <<spawned, injl>>
                                                           /\ UNCHANGED << gq, 
                                                                           gpret >>
                                           /\ UNCHANGED << h, t, qn >>
                                      ELSE /\ IF Dist(tt, hh) > RingSize
                                                 THEN /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                                      /\ UNCHANGED << h, t, qn >>
                                                 ELSE /\ h' = [h EXCEPT ![self] = hh]
                                                      /\ t' = [t EXCEPT ![self] = tt]
                                                      /\ qn' = [qn EXCEPT ![self] = Dist(tt, hh)]
                                                      /\ pc' = [pc EXCEPT ![self] = "runqdrain_cas"]
                                           /\ UNCHANGED << spawned, fuel, q, 
                                                           gq, cg, cgfrom, 
                                                           cgto, cgret, injl, 
                                                           gpret >>
                            /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                            globrunq, runqsize, schedLock, 
                                            grab, thrown, pp, curg, spinning, 
                                            nmspinning, needspinning, pidle, 
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, rqg, victim, stealnext, ep, 
                                            gmax, rqret, oldnext, next, rg, gp, 
                                            n, i, st, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            rung, inherit, gret, tries, vidx, 
                                            bret, dret, snap, wret, wpp, newg >>

runqdrain_cas(self) == /\ pc[self] = "runqdrain_cas"
                       /\ IF runqhead[pp[self]] = h[self]
                             THEN /\ runqhead' = [runqhead EXCEPT ![pp[self]] = Inc(h[self], qn[self])]
                                  /\ pc' = [pc EXCEPT ![self] = "runqdrain_load"]
                                  /\ UNCHANGED << h, t, qn >>
                             ELSE /\ h' = [h EXCEPT ![self] = 0]
                                  /\ t' = [t EXCEPT ![self] = 0]
                                  /\ qn' = [qn EXCEPT ![self] = 0]
                                  /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadhead"]
                                  /\ UNCHANGED runqhead
                       /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                       runqsize, schedLock, grab, thrown, pp, 
                                       curg, spinning, nmspinning, 
                                       needspinning, pidle, midle, schedtick, 
                                       status, goid, allgs, unborn, waiting, 
                                       goidgen, goidcache, goidcacheend, 
                                       gFreeLocal, gFreeLocalN, gFreeStack, 
                                       gFreeNoStack, gFreeN, gFreeLock, 
                                       stackSize, startingStackSize, 
                                       stacksAllocated, stacksFreed, 
                                       sssChanges, gEpoch, grows, spawned, 
                                       fuel, rqg, q, gq, victim, stealnext, ep, 
                                       gmax, rqret, oldnext, next, rg, gp, n, 
                                       i, st, batch, gbatch, ehead, etail, 
                                       enext, ewitness, phase, fg, rung, 
                                       inherit, gret, tries, vidx, bret, dret, 
                                       snap, wret, wpp, cg, cgfrom, cgto, 
                                       cgret, newg, injl, gpret >>

runqdrain_load(self) == /\ pc[self] = "runqdrain_load"
                        /\ IF i[self] + 1 < qn[self]
                              THEN /\ q' = [q EXCEPT ![self] = Append(q[self], runq[pp[self]][Slot(Inc(h[self], i[self]))])]
                                   /\ i' = [i EXCEPT ![self] = i[self] + 1]
                                   /\ pc' = [pc EXCEPT ![self] = "runqdrain_load"]
                                   /\ UNCHANGED << spawned, fuel, gq, h, t, qn, 
                                                   cg, cgfrom, cgto, cgret, 
                                                   injl, gpret >>
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
                                                        /\ UNCHANGED << spawned, 
                                                                        fuel, 
                                                                        cg, 
                                                                        cgfrom, 
                                                                        cgto, 
                                                                        cgret, 
                                                                        injl >>
                                                   ELSE /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                                              /\ spawned' = spawned + 1
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ cg' = [cg EXCEPT ![self] = NoG]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                              /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                              /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                              /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                              /\ injl' = injl
                                                           \/ /\ "exit" \in GActions
                                                              /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                              /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                                              /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                              /\ UNCHANGED <<spawned, fuel, injl>>
                                                           \/ /\ "gosched" \in GActions /\ HasFuel
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                              /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                              /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                              /\ UNCHANGED <<spawned, injl>>
                                                           \/ /\ "yield" \in GActions /\ HasFuel
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                              /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                              /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                              /\ UNCHANGED <<spawned, injl>>
                                                           \/ /\ "park" \in GActions /\ HasFuel
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                                              /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                                              /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                              /\ UNCHANGED <<spawned, injl>>
                                                           \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ \E w \in waiting:
                                                                   cg' = [cg EXCEPT ![self] = w]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                              /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                              /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                              /\ UNCHANGED <<spawned, injl>>
                                                           \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ LET l == SortedSeq(waiting) IN
                                                                   /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                                   /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                                              /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                                              /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                                              /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                                              /\ UNCHANGED spawned
                                                           \/ /\ "gcdrain" \in GActions /\ HasFuel
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ cg' = [cg EXCEPT ![self] = NoG]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                              /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                              /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                              /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                                              /\ UNCHANGED <<spawned, injl>>
                                                           \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                                                              /\ IF ~Unbounded
                                                                    THEN /\ fuel' = fuel - 1
                                                                    ELSE /\ TRUE
                                                                         /\ fuel' = fuel
                                                              /\ cg' = [cg EXCEPT ![self] = NoG]
                                                              /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                                              /\ cgto' = [cgto EXCEPT ![self] = ""]
                                                              /\ cgret' = [cgret EXCEPT ![self] = ""]
                                                              /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                                              /\ UNCHANGED <<spawned, injl>>
                                                        /\ UNCHANGED << gq, 
                                                                        gpret >>
                        /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                        globrunq, runqsize, schedLock, grab, 
                                        thrown, pp, curg, spinning, nmspinning, 
                                        needspinning, pidle, midle, schedtick, 
                                        status, goid, allgs, unborn, waiting, 
                                        goidgen, goidcache, goidcacheend, 
                                        gFreeLocal, gFreeLocalN, gFreeStack, 
                                        gFreeNoStack, gFreeN, gFreeLock, 
                                        stackSize, startingStackSize, 
                                        stacksAllocated, stacksFreed, 
                                        sssChanges, gEpoch, grows, rqg, victim, 
                                        stealnext, ep, gmax, rqret, oldnext, 
                                        next, rg, gp, n, st, batch, gbatch, 
                                        ehead, etail, enext, ewitness, phase, 
                                        fg, rung, inherit, gret, tries, vidx, 
                                        bret, dret, snap, wret, wpp, newg >>

runqgrab_loadhead(self) == /\ pc[self] = "runqgrab_loadhead"
                           /\ st' = [st EXCEPT ![self] = runqtail[pp[self]]]
                           /\ h' = [h EXCEPT ![self] = runqhead[victim[self]]]
                           /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadtail"]
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, grab, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, status, goid, 
                                           allgs, unborn, waiting, goidgen, 
                                           goidcache, goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, rqg, q, gq, victim, stealnext, 
                                           ep, gmax, rqret, oldnext, next, rg, 
                                           gp, t, n, i, qn, batch, gbatch, 
                                           ehead, etail, enext, ewitness, 
                                           phase, fg, rung, inherit, gret, 
                                           tries, vidx, bret, dret, snap, wret, 
                                           wpp, cg, cgfrom, cgto, cgret, newg, 
                                           injl, gpret >>

runqgrab_loadtail(self) == /\ pc[self] = "runqgrab_loadtail"
                           /\ LET k == Dist(runqtail[victim[self]], h[self]) - Dist(runqtail[victim[self]], h[self]) \div 2 IN
                                IF k = 0
                                   THEN /\ IF stealnext[self]
                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadnext"]
                                                   /\ UNCHANGED << victim, 
                                                                   stealnext, 
                                                                   h, st, rung, 
                                                                   inherit, 
                                                                   tries, vidx, 
                                                                   dret, cg, 
                                                                   cgfrom, 
                                                                   cgto, cgret >>
                                              ELSE /\ h' = [h EXCEPT ![self] = 0]
                                                   /\ st' = [st EXCEPT ![self] = 0]
                                                   /\ IF NoG /= NoG
                                                         THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                                              /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                              /\ victim' = [victim EXCEPT ![self] = NoP]
                                                              /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
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
                                                         ELSE /\ IF vidx[self] < NumP - 1
                                                                    THEN /\ vidx' = [vidx EXCEPT ![self] = vidx[self] + 1]
                                                                         /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], vidx'[self])]
                                                                         /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                         /\ UNCHANGED << stealnext, 
                                                                                         tries >>
                                                                    ELSE /\ IF tries[self] + 1 < StealTries
                                                                               THEN /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                    /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                                    /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                    /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                               ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                    /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                    /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                    /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                                    /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                              /\ UNCHANGED << rung, 
                                                                              inherit, 
                                                                              dret, 
                                                                              cg, 
                                                                              cgfrom, 
                                                                              cgto, 
                                                                              cgret >>
                                        /\ UNCHANGED << grab, n >>
                                   ELSE /\ IF k > RingSize \div 2
                                              THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                   /\ UNCHANGED << grab, n >>
                                              ELSE /\ n' = [n EXCEPT ![self] = k]
                                                   /\ grab' = [grab EXCEPT ![self] = [victim |-> victim[self], lo |-> h[self], n |-> k, torn |-> FALSE]]
                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_copy"]
                                        /\ UNCHANGED << victim, stealnext, h, 
                                                        st, rung, inherit, 
                                                        tries, vidx, dret, cg, 
                                                        cgfrom, cgto, cgret >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, status, goid, 
                                           allgs, unborn, waiting, goidgen, 
                                           goidcache, goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, rqg, q, gq, ep, gmax, rqret, 
                                           oldnext, next, rg, gp, t, i, qn, 
                                           batch, gbatch, ehead, etail, enext, 
                                           ewitness, phase, fg, gret, bret, 
                                           snap, wret, wpp, newg, injl, gpret >>

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
                                            ELSE /\ IF vidx[self] < NumP - 1
                                                       THEN /\ vidx' = [vidx EXCEPT ![self] = vidx[self] + 1]
                                                            /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], vidx'[self])]
                                                            /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                            /\ UNCHANGED << stealnext, 
                                                                            tries >>
                                                       ELSE /\ IF tries[self] + 1 < StealTries
                                                                  THEN /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                       /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                       /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                       /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                       /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                  ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                       /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                       /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                       /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                       /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                 /\ UNCHANGED << rung, inherit, 
                                                                 dret, cg, 
                                                                 cgfrom, cgto, 
                                                                 cgret >>
                                 ELSE /\ pc' = [pc EXCEPT ![self] = "runqgrab_casnext"]
                                      /\ UNCHANGED << victim, stealnext, h, st, 
                                                      rung, inherit, tries, 
                                                      vidx, dret, cg, cgfrom, 
                                                      cgto, cgret >>
                           /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                           globrunq, runqsize, schedLock, grab, 
                                           thrown, pp, curg, spinning, 
                                           nmspinning, needspinning, pidle, 
                                           midle, schedtick, status, goid, 
                                           allgs, unborn, waiting, goidgen, 
                                           goidcache, goidcacheend, gFreeLocal, 
                                           gFreeLocalN, gFreeStack, 
                                           gFreeNoStack, gFreeN, gFreeLock, 
                                           stackSize, startingStackSize, 
                                           stacksAllocated, stacksFreed, 
                                           sssChanges, gEpoch, grows, spawned, 
                                           fuel, rqg, q, gq, ep, gmax, rqret, 
                                           oldnext, rg, gp, t, n, i, qn, batch, 
                                           gbatch, ehead, etail, enext, 
                                           ewitness, phase, fg, gret, bret, 
                                           snap, wret, wpp, newg, injl, gpret >>

runqgrab_casnext(self) == /\ pc[self] = "runqgrab_casnext"
                          /\ IF runnext[victim[self]] = next[self]
                                THEN /\ runnext' = [runnext EXCEPT ![victim[self]] = NoG]
                                     /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(st[self]))] = next[self]]
                                     /\ grab' = TearGrabs(grab, (pp[self]), (Slot(st[self])))
                                     /\ LET g == next[self] IN
                                          /\ next' = [next EXCEPT ![self] = NoG]
                                          /\ h' = [h EXCEPT ![self] = 0]
                                          /\ st' = [st EXCEPT ![self] = 0]
                                          /\ IF g /= NoG
                                                THEN /\ tries' = [tries EXCEPT ![self] = 0]
                                                     /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                     /\ victim' = [victim EXCEPT ![self] = NoP]
                                                     /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
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
                                                ELSE /\ IF vidx[self] < NumP - 1
                                                           THEN /\ vidx' = [vidx EXCEPT ![self] = vidx[self] + 1]
                                                                /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], vidx'[self])]
                                                                /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                /\ UNCHANGED << stealnext, 
                                                                                tries >>
                                                           ELSE /\ IF tries[self] + 1 < StealTries
                                                                      THEN /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                           /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                           /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                           /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                           /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                      ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                           /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                           /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                           /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                           /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                     /\ UNCHANGED << rung, 
                                                                     inherit, 
                                                                     dret, cg, 
                                                                     cgfrom, 
                                                                     cgto, 
                                                                     cgret >>
                                ELSE /\ next' = [next EXCEPT ![self] = NoG]
                                     /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                     /\ UNCHANGED << runq, runnext, grab, 
                                                     victim, stealnext, h, st, 
                                                     rung, inherit, tries, 
                                                     vidx, dret, cg, cgfrom, 
                                                     cgto, cgret >>
                          /\ UNCHANGED << runqhead, runqtail, globrunq, 
                                          runqsize, schedLock, thrown, pp, 
                                          curg, spinning, nmspinning, 
                                          needspinning, pidle, midle, 
                                          schedtick, status, goid, allgs, 
                                          unborn, waiting, goidgen, goidcache, 
                                          goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, rqg, q, gq, ep, gmax, rqret, 
                                          oldnext, rg, gp, t, n, i, qn, batch, 
                                          gbatch, ehead, etail, enext, 
                                          ewitness, phase, fg, gret, bret, 
                                          snap, wret, wpp, newg, injl, gpret >>

runqgrab_copy(self) == /\ pc[self] = "runqgrab_copy"
                       /\ runq' = [runq EXCEPT ![(pp[self])][(Slot(Inc(st[self], i[self])))] = runq[victim[self]][Slot(Inc(h[self], i[self]))]]
                       /\ grab' = TearGrabs(grab, (pp[self]), (Slot(Inc(st[self], i[self]))))
                       /\ i' = [i EXCEPT ![self] = i[self] + 1]
                       /\ IF i'[self] < n[self]
                             THEN /\ pc' = [pc EXCEPT ![self] = "runqgrab_copy"]
                             ELSE /\ pc' = [pc EXCEPT ![self] = "runqgrab_cas"]
                       /\ UNCHANGED << runqhead, runqtail, runnext, globrunq, 
                                       runqsize, schedLock, thrown, pp, curg, 
                                       spinning, nmspinning, needspinning, 
                                       pidle, midle, schedtick, status, goid, 
                                       allgs, unborn, waiting, goidgen, 
                                       goidcache, goidcacheend, gFreeLocal, 
                                       gFreeLocalN, gFreeStack, gFreeNoStack, 
                                       gFreeN, gFreeLock, stackSize, 
                                       startingStackSize, stacksAllocated, 
                                       stacksFreed, sssChanges, gEpoch, grows, 
                                       spawned, fuel, rqg, q, gq, victim, 
                                       stealnext, ep, gmax, rqret, oldnext, 
                                       next, rg, gp, h, t, n, st, qn, batch, 
                                       gbatch, ehead, etail, enext, ewitness, 
                                       phase, fg, rung, inherit, gret, tries, 
                                       vidx, bret, dret, snap, wret, wpp, cg, 
                                       cgfrom, cgto, cgret, newg, injl, gpret >>

runqgrab_cas(self) == /\ pc[self] = "runqgrab_cas"
                      /\ IF Bug = "runqgrab_no_cas" \/ runqhead[victim[self]] = h[self]
                            THEN /\ runqhead' = [runqhead EXCEPT ![victim[self]] = Inc(h[self], n[self])]
                                 /\ grab' = [grab EXCEPT ![self] = NoGrab]
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
                                                       ELSE /\ IF vidx[self] < NumP - 1
                                                                  THEN /\ vidx' = [vidx EXCEPT ![self] = vidx[self] + 1]
                                                                       /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], vidx'[self])]
                                                                       /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                       /\ UNCHANGED << stealnext, 
                                                                                       tries >>
                                                                  ELSE /\ IF tries[self] + 1 < StealTries
                                                                             THEN /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                                  /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                                  /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                                  /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                                  /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                             ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                  /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                                  /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                                  /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
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
                                                            vidx, dret, cg, 
                                                            cgfrom, cgto, 
                                                            cgret >>
                            ELSE /\ grab' = [grab EXCEPT ![self] = NoGrab]
                                 /\ i' = [i EXCEPT ![self] = 0]
                                 /\ n' = [n EXCEPT ![self] = 0]
                                 /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                 /\ UNCHANGED << runqhead, victim, stealnext, 
                                                 gp, h, st, rung, inherit, 
                                                 tries, vidx, dret, cg, cgfrom, 
                                                 cgto, cgret >>
                      /\ UNCHANGED << runq, runqtail, runnext, globrunq, 
                                      runqsize, schedLock, thrown, pp, curg, 
                                      spinning, nmspinning, needspinning, 
                                      pidle, midle, schedtick, status, goid, 
                                      allgs, unborn, waiting, goidgen, 
                                      goidcache, goidcacheend, gFreeLocal, 
                                      gFreeLocalN, gFreeStack, gFreeNoStack, 
                                      gFreeN, gFreeLock, stackSize, 
                                      startingStackSize, stacksAllocated, 
                                      stacksFreed, sssChanges, gEpoch, grows, 
                                      spawned, fuel, rqg, q, gq, ep, gmax, 
                                      rqret, oldnext, next, rg, t, qn, batch, 
                                      gbatch, ehead, etail, enext, ewitness, 
                                      phase, fg, gret, bret, snap, wret, wpp, 
                                      newg, injl, gpret >>

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
                                            midle, schedtick, status, goid, 
                                            allgs, unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, q, gq, 
                                            victim, stealnext, ep, gmax, rqret, 
                                            oldnext, next, rg, gp, t, n, i, st, 
                                            qn, batch, gbatch, ehead, etail, 
                                            enext, ewitness, phase, fg, rung, 
                                            inherit, gret, tries, vidx, bret, 
                                            dret, snap, wret, wpp, cg, cgfrom, 
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
                                        ELSE /\ IF vidx[self] < NumP - 1
                                                   THEN /\ vidx' = [vidx EXCEPT ![self] = vidx[self] + 1]
                                                        /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], vidx'[self])]
                                                        /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                        /\ UNCHANGED << stealnext, 
                                                                        tries >>
                                                   ELSE /\ IF tries[self] + 1 < StealTries
                                                              THEN /\ tries' = [tries EXCEPT ![self] = tries[self] + 1]
                                                                   /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                   /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                   /\ stealnext' = [stealnext EXCEPT ![self] = (tries'[self] = StealTries - 1)]
                                                                   /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                              ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                   /\ vidx' = [vidx EXCEPT ![self] = 0]
                                                                   /\ victim' = [victim EXCEPT ![self] = NoP]
                                                                   /\ stealnext' = [stealnext EXCEPT ![self] = FALSE]
                                                                   /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                             /\ UNCHANGED << rung, inherit, 
                                                             dret, cg, cgfrom, 
                                                             cgto, cgret >>
                             /\ UNCHANGED << runq, runqhead, runnext, globrunq, 
                                             runqsize, schedLock, grab, thrown, 
                                             pp, curg, spinning, nmspinning, 
                                             needspinning, pidle, midle, 
                                             schedtick, status, goid, allgs, 
                                             unborn, waiting, goidgen, 
                                             goidcache, goidcacheend, 
                                             gFreeLocal, gFreeLocalN, 
                                             gFreeStack, gFreeNoStack, gFreeN, 
                                             gFreeLock, stackSize, 
                                             startingStackSize, 
                                             stacksAllocated, stacksFreed, 
                                             sssChanges, gEpoch, grows, 
                                             spawned, fuel, rqg, q, gq, ep, 
                                             gmax, rqret, oldnext, next, rg, t, 
                                             i, qn, batch, gbatch, ehead, 
                                             etail, enext, ewitness, phase, fg, 
                                             gret, bret, snap, wret, wpp, newg, 
                                             injl, gpret >>

globrunqput_lock(self) == /\ pc[self] = "globrunqput_lock"
                          /\ schedLock = NoOne
                          /\ globrunq' = globrunq \o gq[self]
                          /\ runqsize' = runqsize + Len(gq[self])
                          /\ gq' = [gq EXCEPT ![self] = <<>>]
                          /\ IF gpret[self] = "gosched"
                                THEN /\ gpret' = [gpret EXCEPT ![self] = ""]
                                     /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize' > 0
                                           THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
                                                /\ gret' = [gret EXCEPT ![self] = "tick"]
                                                /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                           ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                /\ UNCHANGED << gmax, gret >>
                                     /\ UNCHANGED << spawned, fuel, cg, cgfrom, 
                                                     cgto, cgret, injl >>
                                ELSE /\ gpret' = [gpret EXCEPT ![self] = ""]
                                     /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                                           /\ spawned' = spawned + 1
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                           /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                           /\ injl' = injl
                                        \/ /\ "exit" \in GActions
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                                           /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, fuel, injl>>
                                        \/ /\ "gosched" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "yield" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "park" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = curg[self]]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                                           /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                                           /\ cgret' = [cgret EXCEPT ![self] = "park"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ \E w \in waiting:
                                                cg' = [cg EXCEPT ![self] = w]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ LET l == SortedSeq(waiting) IN
                                                /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                                /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                                           /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                                           /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                                           /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                                           /\ UNCHANGED spawned
                                        \/ /\ "gcdrain" \in GActions /\ HasFuel
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                           /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                                           /\ UNCHANGED <<spawned, injl>>
                                        \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                                           /\ IF ~Unbounded
                                                 THEN /\ fuel' = fuel - 1
                                                 ELSE /\ TRUE
                                                      /\ fuel' = fuel
                                           /\ cg' = [cg EXCEPT ![self] = NoG]
                                           /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                                           /\ cgto' = [cgto EXCEPT ![self] = ""]
                                           /\ cgret' = [cgret EXCEPT ![self] = ""]
                                           /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                           /\ UNCHANGED <<spawned, injl>>
                                     /\ UNCHANGED << gmax, gret >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          schedLock, grab, thrown, pp, curg, 
                                          spinning, nmspinning, needspinning, 
                                          pidle, midle, schedtick, status, 
                                          goid, allgs, unborn, waiting, 
                                          goidgen, goidcache, goidcacheend, 
                                          gFreeLocal, gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, rqg, q, 
                                          victim, stealnext, ep, rqret, 
                                          oldnext, next, rg, gp, h, t, n, i, 
                                          st, qn, batch, gbatch, ehead, etail, 
                                          enext, ewitness, phase, fg, rung, 
                                          inherit, tries, vidx, bret, dret, 
                                          snap, wret, wpp, newg >>

globrunqputhead_lock(self) == /\ pc[self] = "globrunqputhead_lock"
                              /\ schedLock = NoOne /\ WorldStopped(self)
                              /\ IF runqtail[pp[self]] /= runqhead[pp[self]]
                                    THEN /\ LET tl == Inc(runqtail[pp[self]], Mod - 1) IN
                                              /\ runqtail' = [runqtail EXCEPT ![pp[self]] = tl]
                                              /\ globrunq' = <<runq[pp[self]][Slot(tl)]>> \o globrunq
                                         /\ runqsize' = runqsize + 1
                                         /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                                         /\ UNCHANGED runnext
                                    ELSE /\ IF runnext[pp[self]] /= NoG
                                               THEN /\ globrunq' = <<runnext[pp[self]]>> \o globrunq
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
                                              midle, schedtick, status, goid, 
                                              allgs, unborn, waiting, goidgen, 
                                              goidcache, goidcacheend, 
                                              gFreeLocal, gFreeLocalN, 
                                              gFreeStack, gFreeNoStack, gFreeN, 
                                              gFreeLock, stackSize, 
                                              startingStackSize, 
                                              stacksAllocated, stacksFreed, 
                                              sssChanges, gEpoch, grows, 
                                              spawned, fuel, rqg, q, gq, 
                                              victim, stealnext, ep, gmax, 
                                              rqret, oldnext, next, rg, gp, h, 
                                              t, n, i, st, qn, batch, gbatch, 
                                              ehead, etail, enext, ewitness, 
                                              phase, fg, rung, inherit, gret, 
                                              tries, vidx, bret, dret, snap, 
                                              wret, wpp, cg, cgfrom, cgto, 
                                              cgret, newg, injl, gpret >>

globrunqget_lock(self) == /\ pc[self] = "globrunqget_lock"
                          /\ schedLock = NoOne
                          /\ schedLock' = self
                          /\ IF runqsize /= 0
                                THEN /\ LET k == FairShare(runqsize, gmax[self]) IN
                                          LET gl == globrunq IN
                                            /\ runqsize' = runqsize - k
                                            /\ gp' = [gp EXCEPT ![self] = Head(gl)]
                                            /\ globrunq' = SubSeq(gl, k + 1, Len(gl))
                                            /\ IF k > 1
                                                  THEN /\ rqg' = [rqg EXCEPT ![self] = gl[2]]
                                                       /\ gbatch' = [gbatch EXCEPT ![self] = SubSeq(gl, 3, k)]
                                                       /\ rqret' = [rqret EXCEPT ![self] = "globrunqget"]
                                                       /\ pc' = [pc EXCEPT ![self] = "runqput_loadhead"]
                                                  ELSE /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                                       /\ UNCHANGED << rqg, 
                                                                       rqret, 
                                                                       gbatch >>
                                ELSE /\ pc' = [pc EXCEPT ![self] = "globrunqget_unlock"]
                                     /\ UNCHANGED << globrunq, runqsize, rqg, 
                                                     rqret, gp, gbatch >>
                          /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                          grab, thrown, pp, curg, spinning, 
                                          nmspinning, needspinning, pidle, 
                                          midle, schedtick, status, goid, 
                                          allgs, unborn, waiting, goidgen, 
                                          goidcache, goidcacheend, gFreeLocal, 
                                          gFreeLocalN, gFreeStack, 
                                          gFreeNoStack, gFreeN, gFreeLock, 
                                          stackSize, startingStackSize, 
                                          stacksAllocated, stacksFreed, 
                                          sssChanges, gEpoch, grows, spawned, 
                                          fuel, q, gq, victim, stealnext, ep, 
                                          gmax, oldnext, next, rg, h, t, n, i, 
                                          st, qn, batch, ehead, etail, enext, 
                                          ewitness, phase, fg, rung, inherit, 
                                          gret, tries, vidx, bret, dret, snap, 
                                          wret, wpp, cg, cgfrom, cgto, cgret, 
                                          newg, injl, gpret >>

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
                                                                 tries, vidx, 
                                                                 bret >>
                                            ELSE /\ IF from = "tick"
                                                       THEN /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                                            /\ UNCHANGED << victim, 
                                                                            stealnext, 
                                                                            tries, 
                                                                            vidx, 
                                                                            bret >>
                                                       ELSE /\ IF spinning[self] \/ 2 * nmspinning < NumP - Len(pidle)
                                                                  THEN /\ IF ~spinning[self]
                                                                             THEN /\ bret' = [bret EXCEPT ![self] = "steal"]
                                                                                  /\ pc' = [pc EXCEPT ![self] = "becomeSpinning"]
                                                                                  /\ UNCHANGED << victim, 
                                                                                                  stealnext, 
                                                                                                  tries, 
                                                                                                  vidx >>
                                                                             ELSE /\ IF NumP = 1
                                                                                        THEN /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                                             /\ UNCHANGED << victim, 
                                                                                                             stealnext, 
                                                                                                             tries, 
                                                                                                             vidx >>
                                                                                        ELSE /\ tries' = [tries EXCEPT ![self] = 0]
                                                                                             /\ vidx' = [vidx EXCEPT ![self] = 1]
                                                                                             /\ victim' = [victim EXCEPT ![self] = OtherP(pp[self], 1)]
                                                                                             /\ stealnext' = [stealnext EXCEPT ![self] = (StealTries = 1)]
                                                                                             /\ pc' = [pc EXCEPT ![self] = "runqgrab_loadhead"]
                                                                                  /\ bret' = bret
                                                                  ELSE /\ pc' = [pc EXCEPT ![self] = "findRunnable_lockidle"]
                                                                       /\ UNCHANGED << victim, 
                                                                                       stealnext, 
                                                                                       tries, 
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
                                            schedtick, status, goid, allgs, 
                                            unborn, waiting, goidgen, 
                                            goidcache, goidcacheend, 
                                            gFreeLocal, gFreeLocalN, 
                                            gFreeStack, gFreeNoStack, gFreeN, 
                                            gFreeLock, stackSize, 
                                            startingStackSize, stacksAllocated, 
                                            stacksFreed, sssChanges, gEpoch, 
                                            grows, spawned, fuel, rqg, q, gq, 
                                            ep, rqret, oldnext, next, rg, h, t, 
                                            n, i, st, qn, batch, gbatch, ehead, 
                                            etail, enext, ewitness, phase, fg, 
                                            snap, wret, wpp, newg, injl, gpret >>

gfget_check(self) == /\ pc[self] = "gfget_check"
                     /\ IF gFreeLocal[pp[self]] = <<>> /\ (gFreeStack /= <<>> \/ gFreeNoStack /= <<>>)
                           THEN /\ pc' = [pc EXCEPT ![self] = "gfget_lock"]
                           ELSE /\ pc' = [pc EXCEPT ![self] = "gfget_pop"]
                     /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                     globrunq, runqsize, schedLock, grab, 
                                     thrown, pp, curg, spinning, nmspinning, 
                                     needspinning, pidle, midle, schedtick, 
                                     status, goid, allgs, unborn, waiting, 
                                     goidgen, goidcache, goidcacheend, 
                                     gFreeLocal, gFreeLocalN, gFreeStack, 
                                     gFreeNoStack, gFreeN, gFreeLock, 
                                     stackSize, startingStackSize, 
                                     stacksAllocated, stacksFreed, sssChanges, 
                                     gEpoch, grows, spawned, fuel, rqg, q, gq, 
                                     victim, stealnext, ep, gmax, rqret, 
                                     oldnext, next, rg, gp, h, t, n, i, st, qn, 
                                     batch, gbatch, ehead, etail, enext, 
                                     ewitness, phase, fg, rung, inherit, gret, 
                                     tries, vidx, bret, dret, snap, wret, wpp, 
                                     cg, cgfrom, cgto, cgret, newg, injl, 
                                     gpret >>

gfget_lock(self) == /\ pc[self] = "gfget_lock"
                    /\ gFreeLock = NoOne
                    /\ LET need == Max(Refill - gFreeLocalN[pp[self]], 0) IN
                         LET fromStack == SubSeq(gFreeStack, 1, Min(need, Len(gFreeStack))) IN
                           LET fromNoStack == SubSeq(gFreeNoStack, 1, Min(need - Len(fromStack), Len(gFreeNoStack))) IN
                             LET moved == fromStack \o fromNoStack IN
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
                                    status, goid, allgs, unborn, waiting, 
                                    goidgen, goidcache, goidcacheend, 
                                    gFreeLock, stackSize, startingStackSize, 
                                    stacksAllocated, stacksFreed, sssChanges, 
                                    gEpoch, grows, spawned, fuel, rqg, q, gq, 
                                    victim, stealnext, ep, gmax, rqret, 
                                    oldnext, next, rg, gp, h, t, n, i, st, qn, 
                                    batch, gbatch, ehead, etail, enext, 
                                    ewitness, phase, fg, rung, inherit, gret, 
                                    tries, vidx, bret, dret, snap, wret, wpp, 
                                    cg, cgfrom, cgto, cgret, newg, injl, gpret >>

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
                                         THEN /\ stackSize' = [stackSize EXCEPT ![g] = startingStackSize]
                                              /\ stacksFreed' = stacksFreed + 1
                                              /\ stacksAllocated' = stacksAllocated + 1
                                         ELSE /\ IF stackSize[g] = NoStack
                                                    THEN /\ stackSize' = [stackSize EXCEPT ![g] = startingStackSize]
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
                                   midle, schedtick, status, goid, allgs, 
                                   unborn, waiting, goidgen, goidcache, 
                                   goidcacheend, gFreeStack, gFreeNoStack, 
                                   gFreeN, gFreeLock, startingStackSize, 
                                   sssChanges, gEpoch, grows, spawned, fuel, 
                                   rqg, q, gq, victim, stealnext, ep, gmax, 
                                   rqret, oldnext, next, rg, gp, h, t, n, i, 
                                   st, qn, batch, gbatch, ehead, etail, enext, 
                                   ewitness, phase, fg, rung, inherit, gret, 
                                   tries, vidx, bret, dret, snap, wret, wpp, 
                                   injl, gpret >>

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
                              schedtick, status, goid, allgs, waiting, goidgen, 
                              goidcache, goidcacheend, gFreeLocal, gFreeLocalN, 
                              gFreeStack, gFreeNoStack, gFreeN, gFreeLock, 
                              startingStackSize, stacksFreed, sssChanges, 
                              gEpoch, grows, spawned, fuel, rqg, q, gq, victim, 
                              stealnext, ep, gmax, rqret, oldnext, next, rg, 
                              gp, h, t, n, i, st, qn, batch, gbatch, ehead, 
                              etail, enext, ewitness, phase, fg, rung, inherit, 
                              gret, tries, vidx, bret, dret, snap, wret, wpp, 
                              injl, gpret >>

gfput_push(self) == /\ pc[self] = "gfput_push"
                    /\ IF status[fg[self]] /= Gdead
                          THEN /\ thrown' = "gfput: bad status (not Gdead)"
                          ELSE /\ TRUE
                               /\ UNCHANGED thrown
                    /\ IF stackSize[fg[self]] /= startingStackSize
                          THEN /\ stackSize' = [stackSize EXCEPT ![fg[self]] = NoStack]
                               /\ stacksFreed' = stacksFreed + 1
                          ELSE /\ TRUE
                               /\ UNCHANGED << stackSize, stacksFreed >>
                    /\ gEpoch' = [gEpoch EXCEPT ![fg[self]] = sssChanges]
                    /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = <<fg[self]>> \o gFreeLocal[pp[self]]]
                    /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = gFreeLocalN[pp[self]] + 1]
                    /\ IF IF Bug = "gfput_bad_spill" THEN gFreeLocalN'[pp[self]] > LocalMax
                                                     ELSE gFreeLocalN'[pp[self]] >= LocalMax
                          THEN /\ fg' = [fg EXCEPT ![self] = NoG]
                               /\ pc' = [pc EXCEPT ![self] = "gfput_lock"]
                               /\ UNCHANGED << gmax, gret >>
                          ELSE /\ fg' = [fg EXCEPT ![self] = NoG]
                               /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                                     THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
                                          /\ gret' = [gret EXCEPT ![self] = "tick"]
                                          /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                                     ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                                          /\ UNCHANGED << gmax, gret >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, pp, 
                                    curg, spinning, nmspinning, needspinning, 
                                    pidle, midle, schedtick, status, goid, 
                                    allgs, unborn, waiting, goidgen, goidcache, 
                                    goidcacheend, gFreeStack, gFreeNoStack, 
                                    gFreeN, gFreeLock, startingStackSize, 
                                    stacksAllocated, sssChanges, grows, 
                                    spawned, fuel, rqg, q, gq, victim, 
                                    stealnext, ep, rqret, oldnext, next, rg, 
                                    gp, h, t, n, i, st, qn, batch, gbatch, 
                                    ehead, etail, enext, ewitness, phase, rung, 
                                    inherit, tries, vidx, bret, dret, snap, 
                                    wret, wpp, cg, cgfrom, cgto, cgret, newg, 
                                    injl, gpret >>

gfput_lock(self) == /\ pc[self] = "gfput_lock"
                    /\ gFreeLock = NoOne
                    /\ LET k == Max(gFreeLocalN[pp[self]] - LocalKeep + 1, 0) IN
                         LET popped == SubSeq(gFreeLocal[pp[self]], 1, k) IN
                           /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = SubSeq(gFreeLocal[pp[self]], k + 1, Len(gFreeLocal[pp[self]]))]
                           /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = gFreeLocalN[pp[self]] - k]
                           /\ IF Bug \in {"gfput_bad_spill", "gfput_stack_leak"}
                                 THEN /\ gFreeNoStack' = Reverse(popped) \o gFreeNoStack
                                      /\ stackSize' = [x \in Gs |-> IF x \in Range(popped) THEN NoStack ELSE stackSize[x]]
                                      /\ UNCHANGED gFreeStack
                                 ELSE /\ gFreeNoStack' = Reverse(WithoutStack(popped)) \o gFreeNoStack
                                      /\ gFreeStack' = Reverse(WithStack(popped)) \o gFreeStack
                                      /\ UNCHANGED stackSize
                           /\ gFreeN' = gFreeN + k
                    /\ fg' = [fg EXCEPT ![self] = NoG]
                    /\ IF Bug /= "no_schedtick_check" /\ schedtick[pp[self]] = 0 /\ runqsize > 0
                          THEN /\ gmax' = [gmax EXCEPT ![self] = 1]
                               /\ gret' = [gret EXCEPT ![self] = "tick"]
                               /\ pc' = [pc EXCEPT ![self] = "globrunqget_lock"]
                          ELSE /\ pc' = [pc EXCEPT ![self] = "runqget_loadnext"]
                               /\ UNCHANGED << gmax, gret >>
                    /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                    globrunq, runqsize, schedLock, grab, 
                                    thrown, pp, curg, spinning, nmspinning, 
                                    needspinning, pidle, midle, schedtick, 
                                    status, goid, allgs, unborn, waiting, 
                                    goidgen, goidcache, goidcacheend, 
                                    gFreeLock, startingStackSize, 
                                    stacksAllocated, stacksFreed, sssChanges, 
                                    gEpoch, grows, spawned, fuel, rqg, q, gq, 
                                    victim, stealnext, ep, rqret, oldnext, 
                                    next, rg, gp, h, t, n, i, st, qn, batch, 
                                    gbatch, ehead, etail, enext, ewitness, 
                                    phase, rung, inherit, tries, vidx, bret, 
                                    dret, snap, wret, wpp, cg, cgfrom, cgto, 
                                    cgret, newg, injl, gpret >>

gfpurge_lock(self) == /\ pc[self] = "gfpurge_lock"
                      /\ gFreeLock = NoOne
                      /\ LET popped == gFreeLocal[pp[self]] IN
                           /\ gFreeLocal' = [gFreeLocal EXCEPT ![pp[self]] = <<>>]
                           /\ gFreeLocalN' = [gFreeLocalN EXCEPT ![pp[self]] = 0]
                           /\ gFreeNoStack' = Reverse(WithoutStack(popped)) \o gFreeNoStack
                           /\ gFreeStack' = Reverse(WithStack(popped)) \o gFreeStack
                           /\ gFreeN' = gFreeN + Len(popped)
                      /\ \/ /\ "go" \in GActions /\ spawned < MaxSpawn /\ HasFuel
                            /\ spawned' = spawned + 1
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ cg' = [cg EXCEPT ![self] = NoG]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                            /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                            /\ injl' = injl
                         \/ /\ "exit" \in GActions
                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                            /\ cgto' = [cgto EXCEPT ![self] = Gdead]
                            /\ cgret' = [cgret EXCEPT ![self] = "goexit"]
                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                            /\ UNCHANGED <<spawned, fuel, injl>>
                         \/ /\ "gosched" \in GActions /\ HasFuel
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                            /\ cgret' = [cgret EXCEPT ![self] = "gosched"]
                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                            /\ UNCHANGED <<spawned, injl>>
                         \/ /\ "yield" \in GActions /\ HasFuel
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                            /\ cgret' = [cgret EXCEPT ![self] = "goyield"]
                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                            /\ UNCHANGED <<spawned, injl>>
                         \/ /\ "park" \in GActions /\ HasFuel
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ cg' = [cg EXCEPT ![self] = curg[self]]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Grunning]
                            /\ cgto' = [cgto EXCEPT ![self] = Gwaiting]
                            /\ cgret' = [cgret EXCEPT ![self] = "park"]
                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                            /\ UNCHANGED <<spawned, injl>>
                         \/ /\ "ready" \in GActions /\ waiting /= {} /\ HasFuel
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ \E w \in waiting:
                                 cg' = [cg EXCEPT ![self] = w]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                            /\ cgret' = [cgret EXCEPT ![self] = "ready"]
                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                            /\ UNCHANGED <<spawned, injl>>
                         \/ /\ "inject" \in GActions /\ waiting /= {} /\ HasFuel
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ LET l == SortedSeq(waiting) IN
                                 /\ cg' = [cg EXCEPT ![self] = Head(l)]
                                 /\ injl' = [injl EXCEPT ![self] = Tail(l)]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = Gwaiting]
                            /\ cgto' = [cgto EXCEPT ![self] = Grunnable]
                            /\ cgret' = [cgret EXCEPT ![self] = "inject"]
                            /\ pc' = [pc EXCEPT ![self] = "casgstatus"]
                            /\ UNCHANGED spawned
                         \/ /\ "gcdrain" \in GActions /\ HasFuel
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ cg' = [cg EXCEPT ![self] = NoG]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                            /\ pc' = [pc EXCEPT ![self] = "runqdrain_loadnext"]
                            /\ UNCHANGED <<spawned, injl>>
                         \/ /\ "resize" \in GActions /\ HasFuel /\ \A m \in Ms \ {self} : m \in Range(midle)
                            /\ IF ~Unbounded
                                  THEN /\ fuel' = fuel - 1
                                  ELSE /\ TRUE
                                       /\ fuel' = fuel
                            /\ cg' = [cg EXCEPT ![self] = NoG]
                            /\ cgfrom' = [cgfrom EXCEPT ![self] = ""]
                            /\ cgto' = [cgto EXCEPT ![self] = ""]
                            /\ cgret' = [cgret EXCEPT ![self] = ""]
                            /\ pc' = [pc EXCEPT ![self] = "globrunqputhead_lock"]
                            /\ UNCHANGED <<spawned, injl>>
                      /\ UNCHANGED << runq, runqhead, runqtail, runnext, 
                                      globrunq, runqsize, schedLock, grab, 
                                      thrown, pp, curg, spinning, nmspinning, 
                                      needspinning, pidle, midle, schedtick, 
                                      status, goid, allgs, unborn, waiting, 
                                      goidgen, goidcache, goidcacheend, 
                                      gFreeLock, stackSize, startingStackSize, 
                                      stacksAllocated, stacksFreed, sssChanges, 
                                      gEpoch, grows, rqg, q, gq, victim, 
                                      stealnext, ep, gmax, rqret, oldnext, 
                                      next, rg, gp, h, t, n, i, st, qn, batch, 
                                      gbatch, ehead, etail, enext, ewitness, 
                                      phase, fg, rung, inherit, gret, tries, 
                                      vidx, bret, dret, snap, wret, wpp, newg, 
                                      gpret >>

M(self) == runqget_loadnext(self) \/ runqget_casnext(self)
              \/ runqget_loadhead(self) \/ runqget_load(self)
              \/ runqget_cas(self) \/ casgstatus(self) \/ allgadd(self)
              \/ newproc1_goid(self) \/ wakep(self) \/ wakep_lock(self)
              \/ startm(self) \/ becomeSpinning(self)
              \/ findRunnable_lockidle(self)
              \/ findRunnable_unlockidle(self)
              \/ findRunnable_dropspinning(self)
              \/ checkRunqsNoP_lock(self) \/ stopm(self)
              \/ runqempty_loadhead(self) \/ runqempty_loadtail(self)
              \/ runqempty_loadnext(self) \/ runqempty_recheck(self)
              \/ runqput_loadnext(self) \/ runqput_casnext(self)
              \/ runqput_loadhead(self) \/ runqput_store(self)
              \/ runqput_storetail(self) \/ runqputslow_copy(self)
              \/ runqputslow_cas(self) \/ runqputslow_lock(self)
              \/ runqputbatch_loadhead(self) \/ runqputbatch_store(self)
              \/ runqputbatch_storetail(self) \/ runqputbatch_lock(self)
              \/ runqdrain_loadnext(self) \/ runqdrain_casnext(self)
              \/ runqdrain_loadhead(self) \/ runqdrain_cas(self)
              \/ runqdrain_load(self) \/ runqgrab_loadhead(self)
              \/ runqgrab_loadtail(self) \/ runqgrab_loadnext(self)
              \/ runqgrab_casnext(self) \/ runqgrab_copy(self)
              \/ runqgrab_cas(self) \/ runqsteal_loadhead(self)
              \/ runqsteal_storetail(self) \/ globrunqput_lock(self)
              \/ globrunqputhead_lock(self) \/ globrunqget_lock(self)
              \/ globrunqget_unlock(self) \/ gfget_check(self)
              \/ gfget_lock(self) \/ gfget_pop(self) \/ malg(self)
              \/ gfput_push(self) \/ gfput_lock(self) \/ gfpurge_lock(self)

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
(* The environment: stacks change outside the scheduler.                   *)
(***************************************************************************)
\* A running G's stack grows (morestack -> copystack: stackalloc the new size,
\* stackfree the old one).
GrowStack ==
    /\ grows < MaxGrow
    /\ \E m \in Ms :
        LET g == curg[m] IN
        /\ g /= NoG /\ CanGrow(stackSize[g])
        /\ stackSize' = [stackSize EXCEPT ![g] = Grown(@)]
        /\ stacksAllocated' = stacksAllocated + 1
        /\ stacksFreed' = stacksFreed + 1
        /\ grows' = grows + 1
    /\ UNCHANGED <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab,
                   thrown, pp, curg, spinning, nmspinning, needspinning, pidle, midle,
                   schedtick, status, goid, allgs, unborn, waiting, goidgen, goidcache,
                   goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN,
                   gFreeLock, startingStackSize, sssChanges, gEpoch, spawned, fuel,
                   pc, rqg, q, gq, victim, stealnext, ep, gmax, rqret, oldnext, next, rg, gp,
                   h, t, n, i, st, qn, batch, gbatch, ehead, etail, enext, ewitness, phase,
                   fg, rung, inherit, gret, tries, vidx, bret, dret, snap, wret, wpp,
                   cg, cgfrom, cgto, cgret, newg, injl, gpret>>

\* A GC changes startingStackSize (gcComputeStartingStackSize).  Stacks on
\* the free lists are not touched.
AdjustStartingStackSize ==
    /\ sssChanges < MaxSSSChange
    /\ \E s \in StackSizes \ {startingStackSize} :
        /\ startingStackSize' = s
        /\ sssChanges' = sssChanges + 1
    /\ UNCHANGED <<runq, runqhead, runqtail, runnext, globrunq, runqsize, schedLock, grab,
                   thrown, pp, curg, spinning, nmspinning, needspinning, pidle, midle,
                   schedtick, status, goid, allgs, unborn, waiting, goidgen, goidcache,
                   goidcacheend, gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN,
                   gFreeLock, stackSize, stacksAllocated, stacksFreed, gEpoch, grows,
                   spawned, fuel,
                   pc, rqg, q, gq, victim, stealnext, ep, gmax, rqret, oldnext, next, rg, gp,
                   h, t, n, i, st, qn, batch, gbatch, ehead, etail, enext, ewitness, phase,
                   fg, rung, inherit, gret, tries, vidx, bret, dret, snap, wret, wpp,
                   cg, cgfrom, cgto, cgret, newg, injl, gpret>>

\* Every M is parked in stopm: nothing happens any more (not a deadlock).
Quiescent == \A m \in Ms : pp[m] = NoP /\ pc[m] = "runqget_loadnext"
Idle == Quiescent /\ UNCHANGED vars

FullNext == Next \/ GrowStack \/ AdjustStartingStackSize \/ Idle
\* Weak fairness of each M (with its P): a step an M can take, it eventually takes.
FullSpec == Init /\ [][FullNext]_vars /\ \A self \in Ms : WF_vars(M(self))
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
AtM(m) == OptG(curg[m]) \o Possessed(m)
PlacesSeq == CatP(AtP, NumP) \o globrunq \o gFreeStack \o gFreeNoStack \o CatP(AtM, NumM)

Runnable == UNION {Range(Ring(p)) \cup Range(OptG(runnext[p])) : p \in Ps} \cup Range(globrunq)
AllFree == UNION {Range(gFreeLocal[p]) : p \in Ps} \cup Range(gFreeStack) \cup Range(gFreeNoStack)

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
    /\ status \in [Gs -> GStatuses] /\ stackSize \in [Gs -> StackSizes \cup {NoStack}]
    /\ gFreeLock \in Ms \cup {NoOne}

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

\* A thief whose CAS would succeed never holds a torn copy (see RunQueue).
NoTornSteal ==
    \A m \in Ms : (pc[m] = "runqgrab_cas" /\ grab[m].victim /= NoP
                   /\ runqhead[grab[m].victim] = grab[m].lo) => ~grab[m].torn

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
\* midle hold none; nmspinning counts the spinning Ms and the wakeps in flight.
MsAndPs ==
    /\ \A m1, m2 \in Ms : m1 /= m2 /\ pp[m1] /= NoP => pp[m1] /= pp[m2]
    /\ \A m \in Ms : pp[m] \notin Range(pidle)
    /\ \A m \in Range(midle) : pp[m] = NoP /\ ~spinning[m]
    /\ nmspinning = Cardinality({m \in Ms : spinning[m]})
                    + Cardinality({m \in Ms : pc[m] \in {"wakep_lock", "startm"}})

\* No lost wake-up: when every M is parked, no G is runnable.
NoLostWakeup == Quiescent => Runnable = {}

NoThrow == thrown = ""

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* runqempty never answers true spuriously (see RunQueue.tla).
RunqemptyReturns(m) ==
    \/ pc[m] = "runqempty_recheck" /\ etail[m] = runqtail[ep[m]]
    \/ pc[m] = "runqempty_loadnext" /\ Bug = "runqempty_one_tail_read"
RunqemptyAnswer(m) ==
    IF pc[m] = "runqempty_recheck" THEN ehead[m] = etail[m] /\ enext[m] = NoG
    ELSE ehead[m] = etail[m] /\ runnext[ep[m]] = NoG
QueueEmpty(p) == runqhead[p] = runqtail[p] /\ runnext[p] = NoG
RunqemptyNeverSpurious ==
    [][\A m \in Ms : (RunqemptyReturns(m) /\ RunqemptyAnswer(m)) =>
                     IF pc[m] = "runqempty_recheck" THEN ewitness[m] ELSE QueueEmpty(ep[m])]_vars

\* Under weak fairness of the Ms, every runnable G eventually runs.
RunnableEventuallyRuns == \A g \in Gs : status[g] = Grunnable ~> status[g] = Grunning

\* A G on the global queue eventually runs, even when local queues never
\* empty (the schedtick % 61 rule).
GlobalEventuallyRuns == \A g \in Gs : (g \in Range(globrunq)) ~> status[g] = Grunning
=============================================================================
