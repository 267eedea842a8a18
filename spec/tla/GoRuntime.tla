----------------------------- MODULE GoRuntime ------------------------------
(***************************************************************************)
(* Definitions shared by every procspec module: the constants that all     *)
(* models set, Go's nil values, and small sequence helpers.                *)
(*                                                                         *)
(* Reading guide.  The specs follow Go's src/runtime/proc.go (Go 1.21 is   *)
(* the main reference; 1.14 and 1.25 where GoVersion says so).  Every      *)
(* PlusCal label is one atomic step of the Go code and carries the same    *)
(* name as the scheduling point in the Java port                           *)
(* (io.procspec.runtime.Labels).  Start with Scheduler.tla, the abstract   *)
(* scheduler; the module map is in README.md.                              *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS
    NumP,       \* GOMAXPROCS: the Ps are 1..NumP
    NumG,       \* the Gs (goroutine descriptors) are 1..NumG
    GoVersion   \* "1.21" (primary), "1.14" or "1.25": see GoVersions

\* The Go releases the spec knows, as the Java port does (io.procspec.runtime.GoVersion):
\*   1.14  runqget loops on its runnext CAS until runnext is 0 or the CAS succeeds;
\*   1.21  the reference;
\*   1.25  findRunnable takes one G (globrunqget()) on the %61 path and a batch
\*         (globrunqgetbatch) under sched.lock, then runqputbatch after unlock;
\*         runqputbatch no longer spills to the global queue; runqput avoids
\*         runnext when there is no sysmon (since 1.22); injectglist ends with
\*         wakep (since 1.22).
GoVersions == {"1.14", "1.21", "1.25"}

ASSUME ProcsAndGs == NumP \in Nat \ {0} /\ NumG \in Nat \ {0}
ASSUME KnownGoVersion == GoVersion \in GoVersions

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

\* Branch probes.  "await Probe(name, self)" marks an interesting branch of a
\* step (a failed CAS, a retry, a batch of more than one G ...).  It is always
\* TRUE and changes nothing; TLC's coverage counts how often it was evaluated,
\* which is how often the branch was taken, and the harness reports the count
\* per model (see README, "Branch probes").  It mentions the process (self) so
\* that TLC evaluates it at every step instead of folding it as a constant.
Probe(name, process) == process = process
=============================================================================
