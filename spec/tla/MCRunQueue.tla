----------------------------- MODULE MCRunQueue -----------------------------
(***************************************************************************)
(* Bounds RunQueue.tla for TLC.                                            *)
(*                                                                         *)
(* RunQueue's driver may start operations for ever; the history variable   *)
(* ops counts them, and the parameter MayStart says whether another may    *)
(* start.  Here it may not after Fuel operations: every P then finishes    *)
(* the operation it is in and stops, so the state space is finite and      *)
(* every operation that starts also completes.  Models set, in their cfg:  *)
(*     MayStart <- MCMayStart                                              *)
(* Only safety is checked on RunQueue models.                              *)
(***************************************************************************)
EXTENDS RunQueue

CONSTANT Fuel   \* how many operations the driver may start in all

ASSUME FuelIsNat == Fuel \in Nat

MCMayStart(started) == started < Fuel

\* The view TLC fingerprints (every RunQueue model sets VIEW View): the ring
\* slots no step can read are forgotten (RunQueue's RunqView).
View == ViewTuple(RunqView)
=============================================================================
