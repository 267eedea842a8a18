------------------------------- MODULE GFree --------------------------------
(***************************************************************************)
(* Go's G free lists (gfget, gfput, gfpurge) and malg, step by step.       *)
(*                                                                         *)
(* Each process is a P.  A small driver (Dispatch) lets a P take a G for a *)
(* new goroutine (gfget, else malg) into its hand, free a G of its hand    *)
(* (gfput), or purge its list (gfpurge, as p.destroy does); the history    *)
(* variable ops counts the operations started and the parameter MayStart   *)
(* (MCGFree.tla) says whether another may start.  Outside the algorithm,   *)
(* running Gs (the hand) may grow their stacks and a GC may change         *)
(* startingStackSize.                                                      *)
(*                                                                         *)
(* The step text of every label is IDENTICAL to Proc.tla (a test checks    *)
(* it); only the ...Return macros differ.  Known bugs are switched on by   *)
(* configuration through the operators of Bugs.tla.  The free lists        *)
(* refine GFreeAtomic.tla (each operation one atomic step).                *)
(***************************************************************************)
EXTENDS GFreeDefs

CONSTANT MayStart(_)   \* MayStart(k): may the driver start another operation after k? (MCGFree)

ASSUME EnoughGs == NumG >= NumP

(* --algorithm GFree
variables
    \* ---- per-P and global free lists ---------------------------------------
    gFreeLocal = [p \in Ps |-> <<>>],     \* pp.gFree (a gList: push/pop at the head)
    gFreeLocalN = [p \in Ps |-> 0],       \* pp.gFree.n
    gFreeStack = <<>>,                    \* sched.gFree.stack: Gs with a stack
    gFreeNoStack = <<>>,                  \* sched.gFree.noStack: Gs without one
    gFreeN = 0,                           \* sched.gFree.n
    gFreeLock = NoOne,                    \* sched.gFree.lock
    \* ---- Gs and stacks -------------------------------------------------------
    status = [g \in Gs |-> Gidle],        \* gp.atomicstatus
    unborn = Gs,                          \* Gs not yet allocated by malg
    stackSize = [g \in Gs |-> NoStack],   \* gp.stack.hi - gp.stack.lo (NoStack: lo == 0)
    startingStackSize = StackMin,         \* startingStackSize
    stacksAllocated = 0,                  \* stackalloc calls
    stacksFreed = 0,                      \* stackfree calls
    sssChanges = 0,                       \* how often startingStackSize changed
    gEpoch = [g \in Gs |-> 0],            \* ghost: sssChanges when gfput freed the G
    grows = 0,                            \* history: stack growths so far
    thrown = "",
    \* ---- model state -------------------------------------------------------
    pp = [x \in Ps |-> x],
    hand = [x \in Ps |-> {}],             \* Gs a P holds (running, or being created)
    ops = 0,                              \* history: operations started
    gets = NumP;                          \* gfget operations started (each P starts with one)

define
    \* The Gs of a list that have a stack / have none.
    WithStack(s) == LET T(g) == stackSize[g] /= NoStack IN SelectSeq(s, T)
    WithoutStack(s) == LET T(g) == stackSize[g] = NoStack IN SelectSeq(s, T)
    \* ... by the stack sizes ss.
    WithStackIn(s, ss) == LET T(g) == ss[g] /= NoStack IN SelectSeq(s, T)
    WithoutStackIn(s, ss) == LET T(g) == ss[g] = NoStack IN SelectSeq(s, T)
end define;

\* throw(msg): Go aborts; the model records the message (invariant NoThrow).
macro Throw(msg) begin
    thrown := msg;
end macro;

\* The driver (GFree only): what a P does next; gs joins its hand.
macro Dispatch(gs) begin
    with avail = hand[self] \cup gs do
        either \* newproc1: newg := gfget(pp); if newg == nil { newg = malg(stackMin) }
            \* (at most NumG of these in all, so that malg never runs out of Gs)
            await MayStart(ops) /\ gets < NumG;
            hand[self] := avail; fg := NoG; ops := ops + 1; gets := gets + 1;
            goto gfget_check;
        or     \* goexit0: gfput(pp, gp)
            await MayStart(ops) /\ avail /= {};
            with hg \in avail do
                hand[self] := avail \ {hg}; fg := hg;
            end with;
            ops := ops + 1;
            goto gfput_push;
        or     \* p.destroy: gfpurge(pp)
            await MayStart(ops);
            hand[self] := avail; fg := NoG; ops := ops + 1;
            goto gfpurge_lock;
        or
            await ~MayStart(ops);
            hand[self] := avail; fg := NoG;
            goto Done;
        end either;
    end with;
end macro;

macro GfgetReturn(g) begin
    if g = NoG then
        goto malg;                        \* newg = malg(stackMin)
    else
        Dispatch({g});
    end if;
end macro;
macro MalgReturn(g) begin
    \* (casgstatus(newg, _Gidle, _Gdead) and allgadd are Proc's)
    status[g] := Gdead;
    Dispatch({g});
end macro;
macro GfputReturn() begin Dispatch({}); end macro;
macro GfpurgeReturn() begin Dispatch({}); end macro;

process P \in Ps
variables
    fg = NoG;     \* gfput: gp
begin
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
VARIABLES gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, 
          gFreeLock, status, unborn, stackSize, startingStackSize, 
          stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, thrown, pp, 
          hand, ops, gets, pc

(* define statement *)
WithStack(s) == LET T(g) == stackSize[g] /= NoStack IN SelectSeq(s, T)
WithoutStack(s) == LET T(g) == stackSize[g] = NoStack IN SelectSeq(s, T)

WithStackIn(s, ss) == LET T(g) == ss[g] /= NoStack IN SelectSeq(s, T)
WithoutStackIn(s, ss) == LET T(g) == ss[g] = NoStack IN SelectSeq(s, T)

VARIABLE fg

vars == << gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, 
           gFreeLock, status, unborn, stackSize, startingStackSize, 
           stacksAllocated, stacksFreed, sssChanges, gEpoch, grows, thrown, 
           pp, hand, ops, gets, pc, fg >>

ProcSet == (Ps)

Init == (* Global variables *)
        /\ gFreeLocal = [p \in Ps |-> <<>>]
        /\ gFreeLocalN = [p \in Ps |-> 0]
        /\ gFreeStack = <<>>
        /\ gFreeNoStack = <<>>
        /\ gFreeN = 0
        /\ gFreeLock = NoOne
        /\ status = [g \in Gs |-> Gidle]
        /\ unborn = Gs
        /\ stackSize = [g \in Gs |-> NoStack]
        /\ startingStackSize = StackMin
        /\ stacksAllocated = 0
        /\ stacksFreed = 0
        /\ sssChanges = 0
        /\ gEpoch = [g \in Gs |-> 0]
        /\ grows = 0
        /\ thrown = ""
        /\ pp = [x \in Ps |-> x]
        /\ hand = [x \in Ps |-> {}]
        /\ ops = 0
        /\ gets = NumP
        (* Process P *)
        /\ fg = [self \in Ps |-> NoG]
        /\ pc = [self \in ProcSet |-> "gfget_check"]

gfget_check(self) == /\ pc[self] = "gfget_check"
                     /\ IF gFreeLocal[pp[self]] = <<>> /\ (gFreeStack /= <<>> \/ gFreeNoStack /= <<>>)
                           THEN /\ pc' = [pc EXCEPT ![self] = "gfget_lock"]
                           ELSE /\ pc' = [pc EXCEPT ![self] = "gfget_pop"]
                     /\ UNCHANGED << gFreeLocal, gFreeLocalN, gFreeStack, 
                                     gFreeNoStack, gFreeN, gFreeLock, status, 
                                     unborn, stackSize, startingStackSize, 
                                     stacksAllocated, stacksFreed, sssChanges, 
                                     gEpoch, grows, thrown, pp, hand, ops, 
                                     gets, fg >>

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
                    /\ UNCHANGED << gFreeLock, status, unborn, stackSize, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    thrown, pp, hand, ops, gets, fg >>

gfget_pop(self) == /\ pc[self] = "gfget_pop"
                   /\ IF gFreeLocal[pp[self]] = <<>>
                         THEN /\ IF NoG = NoG
                                    THEN /\ pc' = [pc EXCEPT ![self] = "malg"]
                                         /\ UNCHANGED << hand, ops, gets, fg >>
                                    ELSE /\ LET avail == hand[self] \cup ({NoG}) IN
                                              \/ /\ MayStart(ops) /\ gets < NumG
                                                 /\ hand' = [hand EXCEPT ![self] = avail]
                                                 /\ fg' = [fg EXCEPT ![self] = NoG]
                                                 /\ ops' = ops + 1
                                                 /\ gets' = gets + 1
                                                 /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                              \/ /\ MayStart(ops) /\ avail /= {}
                                                 /\ \E hg \in avail:
                                                      /\ hand' = [hand EXCEPT ![self] = avail \ {hg}]
                                                      /\ fg' = [fg EXCEPT ![self] = hg]
                                                 /\ ops' = ops + 1
                                                 /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                                                 /\ gets' = gets
                                              \/ /\ MayStart(ops)
                                                 /\ hand' = [hand EXCEPT ![self] = avail]
                                                 /\ fg' = [fg EXCEPT ![self] = NoG]
                                                 /\ ops' = ops + 1
                                                 /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                                                 /\ gets' = gets
                                              \/ /\ ~MayStart(ops)
                                                 /\ hand' = [hand EXCEPT ![self] = avail]
                                                 /\ fg' = [fg EXCEPT ![self] = NoG]
                                                 /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                 /\ UNCHANGED <<ops, gets>>
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
                                              /\ UNCHANGED << hand, ops, gets, 
                                                              fg >>
                                         ELSE /\ LET avail == hand[self] \cup ({g}) IN
                                                   \/ /\ MayStart(ops) /\ gets < NumG
                                                      /\ hand' = [hand EXCEPT ![self] = avail]
                                                      /\ fg' = [fg EXCEPT ![self] = NoG]
                                                      /\ ops' = ops + 1
                                                      /\ gets' = gets + 1
                                                      /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                                   \/ /\ MayStart(ops) /\ avail /= {}
                                                      /\ \E hg \in avail:
                                                           /\ hand' = [hand EXCEPT ![self] = avail \ {hg}]
                                                           /\ fg' = [fg EXCEPT ![self] = hg]
                                                      /\ ops' = ops + 1
                                                      /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                                                      /\ gets' = gets
                                                   \/ /\ MayStart(ops)
                                                      /\ hand' = [hand EXCEPT ![self] = avail]
                                                      /\ fg' = [fg EXCEPT ![self] = NoG]
                                                      /\ ops' = ops + 1
                                                      /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                                                      /\ gets' = gets
                                                   \/ /\ ~MayStart(ops)
                                                      /\ hand' = [hand EXCEPT ![self] = avail]
                                                      /\ fg' = [fg EXCEPT ![self] = NoG]
                                                      /\ pc' = [pc EXCEPT ![self] = "Done"]
                                                      /\ UNCHANGED <<ops, gets>>
                   /\ UNCHANGED << gFreeStack, gFreeNoStack, gFreeN, gFreeLock, 
                                   status, unborn, startingStackSize, 
                                   sssChanges, gEpoch, grows, thrown, pp >>

malg(self) == /\ pc[self] = "malg"
              /\ IF unborn = {}
                    THEN /\ thrown' = "model: no G left for malg (raise NumG)"
                         /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                         /\ UNCHANGED << status, unborn, stackSize, 
                                         stacksAllocated, hand, ops, gets, fg >>
                    ELSE /\ LET g == SetMin(unborn) IN
                              /\ unborn' = unborn \ {g}
                              /\ stackSize' = [stackSize EXCEPT ![g] = StackMin]
                              /\ stacksAllocated' = stacksAllocated + 1
                              /\ status' = [status EXCEPT ![g] = Gdead]
                              /\ LET avail == hand[self] \cup ({g}) IN
                                   \/ /\ MayStart(ops) /\ gets < NumG
                                      /\ hand' = [hand EXCEPT ![self] = avail]
                                      /\ fg' = [fg EXCEPT ![self] = NoG]
                                      /\ ops' = ops + 1
                                      /\ gets' = gets + 1
                                      /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                   \/ /\ MayStart(ops) /\ avail /= {}
                                      /\ \E hg \in avail:
                                           /\ hand' = [hand EXCEPT ![self] = avail \ {hg}]
                                           /\ fg' = [fg EXCEPT ![self] = hg]
                                      /\ ops' = ops + 1
                                      /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                                      /\ gets' = gets
                                   \/ /\ MayStart(ops)
                                      /\ hand' = [hand EXCEPT ![self] = avail]
                                      /\ fg' = [fg EXCEPT ![self] = NoG]
                                      /\ ops' = ops + 1
                                      /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                                      /\ gets' = gets
                                   \/ /\ ~MayStart(ops)
                                      /\ hand' = [hand EXCEPT ![self] = avail]
                                      /\ fg' = [fg EXCEPT ![self] = NoG]
                                      /\ pc' = [pc EXCEPT ![self] = "Done"]
                                      /\ UNCHANGED <<ops, gets>>
                         /\ UNCHANGED thrown
              /\ UNCHANGED << gFreeLocal, gFreeLocalN, gFreeStack, 
                              gFreeNoStack, gFreeN, gFreeLock, 
                              startingStackSize, stacksFreed, sssChanges, 
                              gEpoch, grows, pp >>

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
                               /\ UNCHANGED << hand, ops, gets >>
                          ELSE /\ LET avail == hand[self] \cup ({}) IN
                                    \/ /\ MayStart(ops) /\ gets < NumG
                                       /\ hand' = [hand EXCEPT ![self] = avail]
                                       /\ fg' = [fg EXCEPT ![self] = NoG]
                                       /\ ops' = ops + 1
                                       /\ gets' = gets + 1
                                       /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                                    \/ /\ MayStart(ops) /\ avail /= {}
                                       /\ \E hg \in avail:
                                            /\ hand' = [hand EXCEPT ![self] = avail \ {hg}]
                                            /\ fg' = [fg EXCEPT ![self] = hg]
                                       /\ ops' = ops + 1
                                       /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                                       /\ gets' = gets
                                    \/ /\ MayStart(ops)
                                       /\ hand' = [hand EXCEPT ![self] = avail]
                                       /\ fg' = [fg EXCEPT ![self] = NoG]
                                       /\ ops' = ops + 1
                                       /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                                       /\ gets' = gets
                                    \/ /\ ~MayStart(ops)
                                       /\ hand' = [hand EXCEPT ![self] = avail]
                                       /\ fg' = [fg EXCEPT ![self] = NoG]
                                       /\ pc' = [pc EXCEPT ![self] = "Done"]
                                       /\ UNCHANGED <<ops, gets>>
                    /\ UNCHANGED << gFreeStack, gFreeNoStack, gFreeN, 
                                    gFreeLock, status, unborn, 
                                    startingStackSize, stacksAllocated, 
                                    sssChanges, grows, pp >>

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
                    /\ LET avail == hand[self] \cup ({}) IN
                         \/ /\ MayStart(ops) /\ gets < NumG
                            /\ hand' = [hand EXCEPT ![self] = avail]
                            /\ fg' = [fg EXCEPT ![self] = NoG]
                            /\ ops' = ops + 1
                            /\ gets' = gets + 1
                            /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                         \/ /\ MayStart(ops) /\ avail /= {}
                            /\ \E hg \in avail:
                                 /\ hand' = [hand EXCEPT ![self] = avail \ {hg}]
                                 /\ fg' = [fg EXCEPT ![self] = hg]
                            /\ ops' = ops + 1
                            /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                            /\ gets' = gets
                         \/ /\ MayStart(ops)
                            /\ hand' = [hand EXCEPT ![self] = avail]
                            /\ fg' = [fg EXCEPT ![self] = NoG]
                            /\ ops' = ops + 1
                            /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                            /\ gets' = gets
                         \/ /\ ~MayStart(ops)
                            /\ hand' = [hand EXCEPT ![self] = avail]
                            /\ fg' = [fg EXCEPT ![self] = NoG]
                            /\ pc' = [pc EXCEPT ![self] = "Done"]
                            /\ UNCHANGED <<ops, gets>>
                    /\ UNCHANGED << gFreeLock, status, unborn, 
                                    startingStackSize, stacksAllocated, 
                                    stacksFreed, sssChanges, gEpoch, grows, 
                                    thrown, pp >>

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
                      /\ LET avail == hand[self] \cup ({}) IN
                           \/ /\ MayStart(ops) /\ gets < NumG
                              /\ hand' = [hand EXCEPT ![self] = avail]
                              /\ fg' = [fg EXCEPT ![self] = NoG]
                              /\ ops' = ops + 1
                              /\ gets' = gets + 1
                              /\ pc' = [pc EXCEPT ![self] = "gfget_check"]
                           \/ /\ MayStart(ops) /\ avail /= {}
                              /\ \E hg \in avail:
                                   /\ hand' = [hand EXCEPT ![self] = avail \ {hg}]
                                   /\ fg' = [fg EXCEPT ![self] = hg]
                              /\ ops' = ops + 1
                              /\ pc' = [pc EXCEPT ![self] = "gfput_push"]
                              /\ gets' = gets
                           \/ /\ MayStart(ops)
                              /\ hand' = [hand EXCEPT ![self] = avail]
                              /\ fg' = [fg EXCEPT ![self] = NoG]
                              /\ ops' = ops + 1
                              /\ pc' = [pc EXCEPT ![self] = "gfpurge_lock"]
                              /\ gets' = gets
                           \/ /\ ~MayStart(ops)
                              /\ hand' = [hand EXCEPT ![self] = avail]
                              /\ fg' = [fg EXCEPT ![self] = NoG]
                              /\ pc' = [pc EXCEPT ![self] = "Done"]
                              /\ UNCHANGED <<ops, gets>>
                      /\ UNCHANGED << gFreeLock, status, unborn, stackSize, 
                                      startingStackSize, stacksAllocated, 
                                      stacksFreed, sssChanges, gEpoch, grows, 
                                      thrown, pp >>

P(self) == gfget_check(self) \/ gfget_lock(self) \/ gfget_pop(self)
              \/ malg(self) \/ gfput_push(self) \/ gfput_lock(self)
              \/ gfpurge_lock(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Ps: P(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

(***************************************************************************)
(* The environment: things that change stacks outside the free lists.      *)
(***************************************************************************)
\* BEGIN UNCHANGED LISTS (generated by Main translate from the translation's variables)
\*   OthersGrow: every variable but stackSize stacksAllocated stacksFreed grows
\*   OthersSSS: every variable but startingStackSize sssChanges
OthersGrow == <<gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, gFreeLock, status,
                unborn, startingStackSize, sssChanges, gEpoch, thrown, pp, hand, ops, gets, pc,
                fg>>
OthersSSS == <<gFreeLocal, gFreeLocalN, gFreeStack, gFreeNoStack, gFreeN, gFreeLock, status,
               unborn, stackSize, stacksAllocated, stacksFreed, gEpoch, grows, thrown, pp,
               hand, ops, gets, pc, fg>>
\* END UNCHANGED LISTS

\* A running G's stack grows (morestack -> copystack: stackalloc the new size,
\* stackfree the old one).  In this module the hand Gs are the running ones.
GrowStack ==
    /\ \E x \in Ps : \E g \in hand[x] :
        /\ CanGrow(stackSize[g])
        /\ stackSize' = [stackSize EXCEPT ![g] = Grown(@)]
        /\ stacksAllocated' = stacksAllocated + 1
        /\ stacksFreed' = stacksFreed + 1
        /\ grows' = grows + 1
    /\ UNCHANGED OthersGrow

\* A GC changes startingStackSize (gcComputeStartingStackSize, adaptive
\* stack start).  Stacks already on free lists are not touched.
AdjustStartingStackSize ==
    /\ \E s \in StackSizes \ {startingStackSize} :
        /\ startingStackSize' = s
        /\ sssChanges' = sssChanges + 1
    /\ UNCHANGED OthersSSS

FullNext == Next \/ GrowStack \/ AdjustStartingStackSize
FullSpec == Init /\ [][FullNext]_vars

(***************************************************************************)
(* Invariants                                                              *)
(***************************************************************************)
AllFree == UNION ({Range(gFreeLocal[p]) : p \in Ps} \cup {Range(gFreeStack), Range(gFreeNoStack)})
FreeSeq == LET RECURSIVE Cat(_)
               Cat(k) == IF k = 0 THEN <<>> ELSE Cat(k - 1) \o gFreeLocal[k]
           IN  Cat(NumP) \o gFreeStack \o gFreeNoStack
Held == (UNION {hand[x] : x \in Ps}) \cup ({fg[x] : x \in Ps} \ {NoG})

TypeOK ==
    /\ ops \in Nat
    /\ status \in [Gs -> GStatuses]
    /\ stackSize \in [Gs -> StackSizes \cup {NoStack}]
    /\ startingStackSize \in StackSizes
    /\ gFreeLocalN \in [Ps -> Nat] /\ gFreeN \in Nat
    /\ gFreeLock \in Ps \cup {NoOne}

\* Every G is in exactly one place: unborn, a free list, or held by one P.
ExactlyOnePlace ==
    /\ Len(FreeSeq) + Cardinality(unborn) + Cardinality(Held) = NumG
    /\ Range(FreeSeq) \cup unborn \cup Held = Gs
    /\ \A x, y \in Ps : x /= y => hand[x] \cap hand[y] = {}
    /\ \A x \in Ps : fg[x] \notin UNION {hand[y] : y \in Ps}

\* G status agrees with its place.
StatusMatchesPlace ==
    /\ \A g \in unborn : status[g] = Gidle /\ stackSize[g] = NoStack
    /\ \A g \in AllFree : status[g] = Gdead

\* Free-list counts equal list lengths.
FreeCountsMatch ==
    /\ \A p \in Ps : gFreeLocalN[p] = Len(gFreeLocal[p])
    /\ gFreeN = Len(gFreeStack) + Len(gFreeNoStack)

\* sched.gFree.stack holds only Gs with stacks, .noStack only Gs without.
GlobalFreeListsSorted ==
    /\ \A g \in Range(gFreeStack) : stackSize[g] /= NoStack
    /\ \A g \in Range(gFreeNoStack) : stackSize[g] = NoStack

\* After gfput returns, pp.gFree.n < 64: it reaches 64 only while the same P
\* is about to spill (at gfput_lock).
LocalFreeListBounded ==
    \A p \in Ps : gFreeLocalN[p] < LocalMax \/ \E x \in Ps : pc[x] = "gfput_lock" /\ pp[x] = p

\* What Go maintains about stacks on free lists: gfput keeps a stack only of
\* size startingStackSize, so every G freed since startingStackSize last
\* changed has no stack or one of exactly that size.  (Older ones may have
\* the old size: gfget frees those lazily.)
FreeStacksStandard ==
    \A g \in AllFree : (stackSize[g] /= NoStack /\ gEpoch[g] = sssChanges)
                          => stackSize[g] = startingStackSize

\* Stacks allocated = stacks held by Gs + stacks freed.
StackAccounting ==
    stacksAllocated = Cardinality({g \in Gs : stackSize[g] /= NoStack}) + stacksFreed

\* A G a P holds always has a stack (newproc1: "newg missing stack").
HeldHaveStacks == \A g \in Held : stackSize[g] /= NoStack

\* Each sched.gFree.lock section is one atomic step (no label inside it, no
\* other shared access), so the lock's mutual exclusion follows from the
\* step's atomicity and the lock is never held between steps.
GFreeLockFreeBetweenSteps == gFreeLock = NoOne

NoThrow == thrown = ""

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* The free lists refine GFreeAtomic: each operation takes effect in one step
\* (gfget_pop, gfget_lock, malg, gfput_push, gfput_lock, gfpurge_lock), with
\* its own P's list and its own batch size.
FreeAbs == [pool   |-> [p \in Ps |-> Range(gFreeLocal[p])],
            global |-> Range(gFreeStack) \cup Range(gFreeNoStack),
            fresh  |-> unborn,
            held   |-> [x \in Ps |-> hand[x] \cup ({fg[x]} \ {NoG})],
            own    |-> pp]
FreeAtomic == INSTANCE GFreeAtomic WITH lists <- FreeAbs
FreeRefinement == FreeAtomic!InitOK(FreeAbs) /\ [][FreeAtomic!Step(FreeAbs, FreeAbs')]_vars
=============================================================================
