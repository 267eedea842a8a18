------------------------------- MODULE MCProc -------------------------------
(***************************************************************************)
(* Bounds Proc.tla for TLC.                                                *)
(*                                                                         *)
(* The program the Gs run is endless in Proc.tla; the history variables    *)
(* spawned and gsteps count its go statements and its other actions (but   *)
(* return).  A model bounds the program with MaxSpawn and Fuel, or leaves  *)
(* it endless (Unbounded, for liveness), through the parameters            *)
(*     MayAct <- MCMayAct    MaySpawn <- MCMaySpawn                        *)
(* in its cfg: a G out of budget can only return, so a bounded program     *)
(* still runs to its end.  The environment (stack growth, changes of       *)
(* startingStackSize) is bounded by the state constraint Bounds.           *)
(*                                                                         *)
(* Two caveats for the liveness results:                                   *)
(*  - A state constraint prunes successors.  TLC treats a behaviour that   *)
(*    would leave the constraint as one whose last state repeats for ever, *)
(*    which weak fairness of an enabled M rules out: such behaviours are   *)
(*    not checked at all.  So a liveness property "holds under a           *)
(*    constraint" only for the behaviours that stay inside it (the TLA+    *)
(*    Examples Disruptor spec says the same).  Here Bounds only limits     *)
(*    environment actions, which have no fairness, and NoABA (below).      *)
(*  - A bounded program ends, so "eventually" is easy for it: every        *)
(*    runnable G runs once the others have returned.  Endless programs     *)
(*    (Unbounded) are what show starvation and its cures.                  *)
(*                                                                         *)
(* Note: TLC checks the invariants also in a state just outside a state    *)
(* constraint (it only does not explore on from it); invariants that a     *)
(* constraint is meant to exclude must say so (RingTear's NoTornCommit     *)
(* ignores lapped readers).                                                *)
(*                                                                         *)
(* Endless programs with two or more Ps also need Go's no-ABA assumption:  *)
(* a thief stalled between reading a victim's head and its CAS does not    *)
(* outlive 2^32 queue operations (CounterMod here).  NoABA states it as a  *)
(* constraint; without it TLC finds the ABA that counter_too_narrow shows. *)
(* Bounded models check NoLap as an invariant instead.                     *)
(***************************************************************************)
EXTENDS Proc

CONSTANTS
    MaxSpawn,      \* how many go statements may run in all
    Fuel,          \* how many G actions other than return may run in all ...
    Unbounded,     \* ... unless TRUE: then the program is endless
    MaxGrow,       \* how many times running Gs may grow their stacks
    MaxSSSChange   \* how many times a GC may change startingStackSize

ASSUME ProgramBounds == MaxSpawn \in Nat /\ Fuel \in Nat /\ Unbounded \in BOOLEAN
ASSUME EnvironmentBounds == MaxGrow \in Nat /\ MaxSSSChange \in Nat
\* malg never runs out of Gs: each go statement needs at most one new G.
ASSUME EnoughGs == NumG >= Cardinality(InitGs) + MaxSpawn

MCMaySpawn(k) == k < MaxSpawn
MCMayAct(k) == Unbounded \/ k < Fuel

\* State constraint: the environment's budget.
Bounds == grows <= MaxGrow /\ sssChanges <= MaxSSSChange
\* ... and, for endless programs on several Ps, the no-ABA assumption.
NoABA == NoLap
BoundsNoABA == Bounds /\ NoABA

\* A witness, not a requirement: a thief never takes a runnext.  The model
\* Proc_ref_runnext_steal expects it violated; its counterexample is the
\* reference trace of a runnext steal.
NoRunnextSteal ==
    [][\A m \in Ms : ~(pc[m] = "runqgrab_casnext" /\ pc'[m] /= "runqgrab_casnext"
                        /\ runnext[victim[m]] = next[m] /\ next[m] /= NoG)]_vars

\* The view TLC fingerprints (every Proc model sets VIEW HistoryFree): the
\* ring slots no step can read are forgotten (Proc's RunqView), and so is
\* gsteps when the program is endless (it only counts, and nothing reads it
\* then).
HistoryFree == ViewTuple(RunqView, IF Unbounded THEN 0 ELSE gsteps)
=============================================================================
