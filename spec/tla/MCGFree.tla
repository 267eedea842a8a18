------------------------------ MODULE MCGFree -------------------------------
(***************************************************************************)
(* Bounds GFree.tla for TLC.                                               *)
(*                                                                         *)
(* GFree's driver may start operations for ever (ops counts them) and the  *)
(* environment may grow stacks and change startingStackSize for ever       *)
(* (grows and sssChanges count those).  Here: at most Fuel operations      *)
(* (MayStart <- MCMayStart in the cfg), and a state constraint on the      *)
(* environment.  Only safety is checked on GFree models.                   *)
(***************************************************************************)
EXTENDS GFree

CONSTANTS
    Fuel,          \* how many operations the driver may start in all
    MaxGrow,       \* how many times running Gs may grow their stacks
    MaxSSSChange   \* how many times a GC may change startingStackSize

ASSUME GFreeBounds == Fuel \in Nat /\ MaxGrow \in Nat /\ MaxSSSChange \in Nat

MCMayStart(started) == started < Fuel

\* State constraint: the environment's budget.
Bounds == grows <= MaxGrow /\ sssChanges <= MaxSSSChange
=============================================================================
