----------------------------- MODULE GoRuntime -----------------------------
(***************************************************************************)
(* Definitions shared by every procspec module: the constants that all     *)
(* models set, Go's nil values, and small sequence helpers.                *)
(*                                                                         *)
(* Reading guide.  The specs follow Go's src/runtime/proc.go (Go 1.21 is   *)
(* the main reference; Go 1.14 where GoVersion says so).  Every PlusCal    *)
(* label is one atomic step of the Go code and carries the same name as    *)
(* the scheduling point in the Java port (io.procspec.runtime.Labels).     *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS
    NumP,       \* GOMAXPROCS: the Ps are 1..NumP
    NumG,       \* the Gs (goroutine descriptors) are 1..NumG
    GoVersion,  \* "1.21" (primary) or "1.14" (runqget retries its runnext CAS)
    Bug         \* "none", or the name of a known bug to inject (see README)

Bugs == {"none",
         "runqempty_one_tail_read",   \* runqempty without the second read of tail
         "runqgrab_no_cas",           \* runqgrab commits with a plain store of head
         "tail_before_slot",          \* runqput publishes tail before writing the slot
         "runqputslow_no_lock",       \* runqputslow updates the global queue unlocked, in two steps
         "counter_too_narrow",        \* runqhead/runqtail wrap at 2*RingSize (Tokio's 16-bit ABA)
         "no_schedtick_check",        \* findRunnable without the schedtick%61 look at the global queue
         "gfput_bad_spill",           \* gfput spills one G too late, dropping stacks on the way
         "gfput_stack_leak"}          \* gfput's spill drops stacks without stackfree

ASSUME NumP \in Nat \ {0} /\ NumG \in Nat \ {0}
ASSUME GoVersion \in {"1.14", "1.21"}
ASSUME Bug \in Bugs

Ps == 1..NumP
Gs == 1..NumG

NoG == 0        \* a nil *g / guintptr 0
NoP == 0        \* a nil *p
NoOne == 0      \* holder of a free lock

\* G statuses (runtime2.go): _Gidle, _Grunnable, _Grunning, _Gwaiting, _Gdead.
Gidle     == "idle"
Grunnable == "runnable"
Grunning  == "running"
Gwaiting  == "waiting"
Gdead     == "dead"
GStatuses == {Gidle, Grunnable, Grunning, Gwaiting, Gdead}

Min(a, b) == IF a < b THEN a ELSE b
Max(a, b) == IF a > b THEN a ELSE b

Range(s) == {s[i] : i \in DOMAIN s}
\* How many times x occurs in the sequence s.
Count(x, s) == Cardinality({i \in DOMAIN s : s[i] = x})
Reverse(s) == [i \in 1..Len(s) |-> s[Len(s) - i + 1]]
\* The elements of a finite set of numbers in increasing order.
RECURSIVE SortedSeq(_)
SortedSeq(S) == IF S = {} THEN <<>>
                ELSE LET m == CHOOSE x \in S : \A y \in S : x <= y
                     IN <<m>> \o SortedSeq(S \ {m})
\* A sequence without its last element, and that element.
Front(s) == SubSeq(s, 1, Len(s) - 1)
Last(s) == s[Len(s)]
=============================================================================
