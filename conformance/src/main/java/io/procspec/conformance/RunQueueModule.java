package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Labels;
import io.procspec.runtime.Mutex;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.SchedPoint;
import io.procspec.runtime.Snapshot;
import io.procspec.spec.TlcValue;
import io.procspec.testkit.Fixtures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The abstraction function and driver for {@code spec/tla/RunQueue.tla}: each process is a P
 * (logical thread p-1 drives {@code allp[p-1]}) that runs the operations the spec's driver
 * ({@code Dispatch}) chose, through the port's functions ({@link QueueOps}: the real Proc or a
 * bug's twin).
 *
 * <p>Abstraction: {@code runq[p]} = P's raw ring slots (stale entries included: the Java ring and
 * the spec's ring are written by the same steps), {@code runqhead}/{@code runqtail} = the Java
 * counters modulo the model's {@code CounterMod} (the Java counters start at
 * {@code CounterStart - CounterMod}, just below 2^32, so they wrap too), {@code runnext},
 * {@code globrunq}, {@code runqsize}, {@code schedLock} (which P's thread holds {@code sched.lock}),
 * {@code hand} (the Gs the driver holds), {@code pc} (the label each thread is parked at, or
 * "Done"), {@code thrown} and {@code pp}. A G is mapped to its goid, which the driver sets to the
 * spec's G number. Checked mode is off: p.destroy moves queued Gs to the global queue, which
 * checked mode would refuse, and ExactlyOnePlace is checked through the mapping anyway.
 */
public final class RunQueueModule implements SpecModule {

    static final Set<String> LABELS = Set.of(
            Labels.RUNQEMPTY_LOADHEAD, Labels.RUNQEMPTY_LOADTAIL, Labels.RUNQEMPTY_LOADNEXT, Labels.RUNQEMPTY_RECHECK,
            Labels.RUNQPUT_LOADNEXT, Labels.RUNQPUT_CASNEXT, Labels.RUNQPUT_LOADHEAD, Labels.RUNQPUT_STORE,
            Labels.RUNQPUT_STORETAIL, Labels.RUNQPUTSLOW_COPY, Labels.RUNQPUTSLOW_CAS, Labels.RUNQPUTSLOW_LOCK,
            Labels.RUNQPUTBATCH_LOADHEAD, Labels.RUNQPUTBATCH_STORE, Labels.RUNQPUTBATCH_STORETAIL,
            Labels.RUNQPUTBATCH_LOCK, Labels.RUNQGET_LOADNEXT, Labels.RUNQGET_CASNEXT, Labels.RUNQGET_LOADHEAD,
            Labels.RUNQGET_LOAD, Labels.RUNQGET_CAS, Labels.RUNQDRAIN_LOADNEXT, Labels.RUNQDRAIN_CASNEXT,
            Labels.RUNQDRAIN_LOADHEAD, Labels.RUNQDRAIN_CAS, Labels.RUNQDRAIN_LOAD, Labels.RUNQGRAB_LOADHEAD,
            Labels.RUNQGRAB_LOADTAIL, Labels.RUNQGRAB_LOADNEXT, Labels.RUNQGRAB_CASNEXT, Labels.RUNQGRAB_COPY,
            Labels.RUNQGRAB_CAS, Labels.RUNQSTEAL_LOADHEAD, Labels.RUNQSTEAL_STORETAIL, Labels.GLOBRUNQPUT_LOCK,
            Labels.GLOBRUNQPUTHEAD_LOCK, Labels.GLOBRUNQGET_LOCK, Labels.GLOBRUNQGET_UNLOCK);

    private static final List<String> COMPARED = List.of("runq", "runqhead", "runqtail", "runnext", "globrunq",
            "runqsize", "schedLock", "hand", "pc", "thrown", "pp");

    private static final Map<String, String> NOT_COMPARED;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        String input = "an operation's input: the driver reads it from the spec state to start the same operation";
        for (String v : List.of("rqg", "q", "gq", "victim", "stealnext", "ep", "gmax")) {
            m.put(v, input);
        }
        String local = "a local variable of the Go function (a Java local, not observable between steps); "
                + "a wrong value shows in the shared variables it feeds";
        for (String v : List.of("oldnext", "next", "rg", "gp", "h", "t", "n", "i", "st", "qn", "batch", "gbatch",
                "ehead", "etail", "enext", "rqret", "rbret")) {
            m.put(v, local);
        }
        m.put("grab", "ghost: the slots each thief is copying (for NoTornSteal); Java has no such record");
        m.put("ewitness", "ghost: whether the queue was empty when runqempty read runnext (for RunqemptyNeverSpurious)");
        m.put("phase", "model state of bug runqputslow_no_lock (which half of the two-step write); the twin's position shows in pc");
        m.put("ops", "history: the operations the spec's driver started (MCRunQueue bounds them); the Java driver follows the spec's choices");
        NOT_COMPARED = java.util.Collections.unmodifiableMap(m);
    }

    private static final List<String> PER_PROCESS = List.of("pc", "rqg", "q", "gq", "victim", "stealnext", "ep",
            "gmax", "rqret", "rbret", "oldnext", "next", "rg", "gp", "h", "t", "n", "i", "st", "qn", "batch", "gbatch", "ehead",
            "etail", "enext", "ewitness", "phase", "hand", "grab");

    @Override
    public String name() {
        return "RunQueue";
    }

    @Override
    public Set<String> labels() {
        return LABELS;
    }

    @Override
    public List<String> compared() {
        return COMPARED;
    }

    @Override
    public Map<String, String> notCompared() {
        return NOT_COMPARED;
    }

    @Override
    public Map<String, String> environmentActions() {
        return Map.of("Terminating", "a stutter once every process is Done: nothing runs, the state must not change");
    }

    @Override
    public List<String> perProcess() {
        return PER_PROCESS;
    }

    @Override
    public World newWorld(Map<String, String> c, String bug, SchedPoint point) {
        return new RqWorld(c, bug, point);
    }

    /** The operation a process starts, from the spec state it starts it in. */
    record Cmd(String op, List<Integer> gs, int arg, boolean flag) {}

    static int tupleInt(TlcValue v, int i) {
        return Integer.parseInt(((TlcValue.Tuple) v).elems().get(i).toString());
    }

    static TlcValue at(Map<String, String> st, String var, int p) {
        TlcValue v = TlcValue.parse(st.get(var));
        if (v instanceof TlcValue.Tuple t) {
            return t.elems().get(p);
        }
        if (v instanceof TlcValue.Fcn f) {
            return f.map().get(Integer.toString(p + 1));
        }
        throw new IllegalStateException(var + " is not a function of the processes: " + st.get(var));
    }

    static List<Integer> ints(TlcValue v) {
        List<Integer> out = new ArrayList<>();
        List<TlcValue> elems = v instanceof TlcValue.Tuple t ? t.elems()
                : v instanceof TlcValue.SetV s ? s.elems() : List.of(v);
        for (TlcValue e : elems) {
            out.add(Integer.parseInt(e.toString()));
        }
        return out;
    }

    /** The strings of a TLA+ set of strings, e.g. {"put", "get"}. */
    static List<String> stringsOf(String set) {
        List<String> out = new ArrayList<>();
        for (TlcValue e : ((TlcValue.SetV) TlcValue.parse(set)).elems()) {
            out.add(strip(e));
        }
        return out;
    }

    static String strip(TlcValue v) {
        String s = v.toString();
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** What process p starts when its pc becomes {@code pc}, or null when pc is inside an operation. */
    static Cmd command(Map<String, String> st, int p) {
        String pc = strip(at(st, "pc", p));
        return switch (pc) {
            case "runqput_loadnext" -> new Cmd("putnext", List.of(Integer.parseInt(at(st, "rqg", p).toString())), 0, true);
            case "runqput_loadhead" -> new Cmd("put", List.of(Integer.parseInt(at(st, "rqg", p).toString())), 0, false);
            case "runqputbatch_loadhead" -> new Cmd("putbatch", ints(at(st, "q", p)), 0, false);
            case "runqget_loadnext" -> new Cmd("get", List.of(), 0, false);
            case "runqdrain_loadnext" -> new Cmd("drain", List.of(), 0, false);
            case "runqgrab_loadhead" -> new Cmd("steal", List.of(), Integer.parseInt(at(st, "victim", p).toString()),
                    at(st, "stealnext", p).toString().equals("TRUE"));
            case "runqempty_loadhead" -> new Cmd("empty", List.of(), Integer.parseInt(at(st, "ep", p).toString()), false);
            case "globrunqput_lock" -> new Cmd("globput", ints(at(st, "gq", p)), 0, false);
            case "globrunqget_lock" -> new Cmd("globget", List.of(), Integer.parseInt(at(st, "gmax", p).toString()), false);
            case "globrunqputhead_lock" -> new Cmd("destroy", List.of(), 0, false);
            case "Done" -> new Cmd("done", List.of(), 0, false);
            default -> null;
        };
    }

    /** Picks the next operation of process p in a Java run that is not driven by the spec (direction 2). */
    interface Chooser {
        Cmd next(int p, RqWorld w);
    }

    /** Thrown inside a driver thread when the Java side does what the spec does not. */
    static final class Diverged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Diverged(String m) {
            super(m);
        }
    }

    /**
     * The per-step refinement checks of every Java world of the port as it is (bug "real") in this
     * JVM: direction 1's replays of RunQueue models and the bug replays on the port feed it, so a
     * test can assert afterwards that no real Java step broke the refinement.
     */
    static final class RefinementTally {
        private final Map<String, Integer> actions = new java.util.TreeMap<>();
        private final List<String> violations = new ArrayList<>();

        synchronized void add(String action, String violation) {
            actions.merge(action, 1, Integer::sum);
            if (violation != null && violations.size() < 20) {
                violations.add(violation);
            }
        }

        /** The abstract actions the Java steps took ("violation" for none), by name. */
        synchronized Map<String, Integer> actions() {
            return new java.util.TreeMap<>(actions);
        }

        /** The first violations (at most 20). */
        synchronized List<String> violations() {
            return new ArrayList<>(violations);
        }
    }

    /** The tally of the port's worlds ({@link RefinementTally}). */
    static final RefinementTally REAL = new RefinementTally();

    static final class RqWorld implements World {
        final int numP;
        final int numG;
        final int ring;
        final long mod;
        final Proc proc;
        final QueueOps ops;
        final G[] gs;
        final List<Set<Integer>> hand = new ArrayList<>();
        final Cmd[] pending;
        final Map<Thread, Integer> threads = new ConcurrentHashMap<>();
        /** Direction 2: picks each next operation itself (null: follow the spec's choices). */
        Chooser chooser;
        final Cmd[] current;
        final boolean[] emptyAtLoadnext;
        final List<String> spurious = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean finishing;

        /** The bug this world runs ("real": the port as it is). */
        final String bug;

        RqWorld(Map<String, String> c, String bug, SchedPoint point) {
            this.bug = bug;
            numP = Integer.parseInt(c.get("NumP"));
            numG = Integer.parseInt(c.get("NumG"));
            ring = Integer.parseInt(c.get("RingSize"));
            String specBug = TlcValue.parse(c.getOrDefault("Bug", "\"none\"")).toString().replace("\"", "");
            mod = specBug.equals("counter_too_narrow") ? 2L * ring : Long.parseLong(c.get("CounterMod"));
            long start = Long.parseLong(c.get("CounterStart")) % mod;
            int initQueued = Integer.parseInt(c.get("InitQueued"));
            GoVersion v = c.getOrDefault("GoVersion", "\"1.21\"").contains("1.14") ? GoVersion.GO1_14 : GoVersion.GO1_21;
            int counterStart = (int) (start - mod); // just below 2^32, congruent to Start modulo CounterMod
            proc = new Proc(new ProcConfig().nprocs(numP).ringSize(ring).counterStart(counterStart).goVersion(v)
                    .checked(false).point(point).runnextBackoffNanos(0));
            gs = new G[numG + 1];
            for (int g = 1; g <= numG; g++) {
                gs[g] = Fixtures.runnable(g);
            }
            for (int g = 1; g <= initQueued; g++) {
                proc.runqput(proc.allp[0], gs[g], false); // set-up: the points pass through (no managed thread)
            }
            ops = Catalogue.ops(bug, proc); // after the set-up: a twin may adjust the state it starts from (counter_too_narrow)
            lastHead = new int[numP];
            wideHead = new long[numP];
            grabRead = new long[numP][];
            for (int p = 0; p < numP; p++) {
                lastHead[p] = proc.allp[p].runqhead();
            }
            for (int p = 0; p < numP; p++) {
                Set<Integer> h = new TreeSet<>();
                if (p == 0) {
                    for (int g = initQueued + 1; g <= numG; g++) {
                        h.add(g);
                    }
                }
                hand.add(h);
            }
            pending = new Cmd[numP];
            current = new Cmd[numP];
            emptyAtLoadnext = new boolean[numP];
            java.util.Arrays.fill(emptyAtLoadnext, true);
        }

        @Override
        public int processes() {
            return numP;
        }

        /** Each P's runqhead as last seen, and how far it has advanced in all (not wrapped) since the start. */
        final int[] lastHead;
        final long[] wideHead;
        /** Per thief: {victim, the Java head it read (the int its CAS will compare), the victim's unwrapped head then}, or null. */
        final long[][] grabRead;

        /**
         * Follows each P's head from one parked state to the next: a step moves a head forward by
         * less than a ring (at most runqdrain's whole ring), less than the counter modulus, so the
         * difference modulo it is the advance.
         */
        void observeHeads() {
            for (int p = 0; p < numP; p++) {
                int h = proc.allp[p].runqhead();
                long d = Math.floorMod(Integer.toUnsignedLong(h) % mod - Integer.toUnsignedLong(lastHead[p]) % mod, mod);
                wideHead[p] += d;
                lastHead[p] = h;
            }
        }

        /** The torn commits seen so far: a thief's runqgrab_cas taken while {@link #tornAt} held. */
        final List<String> tornCommits = new ArrayList<>();

        /**
         * Whether thief p, parked at {@code label} = runqgrab_cas, would commit a torn copy: its CAS would succeed
         * (the victim's head is the int it read) although the head advanced since (went once round
         * the counters); null if not, else the reason.
         */
        String tornAt(int p, String label) {
            long[] g = grabRead[p];
            if (g == null || !Labels.RUNQGRAB_CAS.equals(label)) {
                return null;
            }
            int v = (int) g[0];
            int head = proc.allp[v].runqhead(); // the CAS compares the Java ints
            long advanced = wideHead[v] - g[2];
            if (head != (int) g[1] || advanced == 0) {
                return null;
            }
            return "P" + (p + 1) + " is at runqgrab_cas with the head it read, "
                    + Integer.toUnsignedString(head) + ", and P" + (v + 1) + "'s runqhead is that again after advancing by "
                    + advanced + " (the counters wrap at " + mod + "): the slots P" + (p + 1)
                    + " copied have been rewritten, and its CAS would commit the copy";
        }

        /** The per-step refinement violations found so far (see {@link #refinementStep}). */
        final List<String> refinement = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The abstract actions the Java steps took, by name (stutters included), for the report. */
        final Map<String, Integer> refinementActions = new java.util.TreeMap<>();
        private AtomicRefinement.Queues refBefore;
        private int refActor = -1;
        private String refLabel;
        private int refStep;

        /**
         * RunQueue's Refinement on the Java side, one step at a time: called while every thread is
         * parked, before process {@code actor} (0-based; -1 for no process) takes a step at
         * {@code label}. The step taken since the previous call (by the process named then) must
         * have changed the mapped queues as one {@link AtomicRefinement} action of that process, or
         * not at all; a violation is recorded with the step, the process, its label and why.
         */
        void refinementStep(int actor, String label) {
            AtomicRefinement.Queues now = queues();
            if (refBefore != null && refActor >= 0) {
                refStep++;
                String action;
                String violation = null;
                try {
                    action = AtomicRefinement.action(refActor + 1, refBefore, now, ring, numP);
                } catch (AtomicRefinement.Violation v) {
                    action = "violation";
                    violation = "Refinement: step " + refStep + ", P" + (refActor + 1) + " at " + refLabel + ": "
                            + v.getMessage() + " (queues before " + refBefore + ", after " + now + ")";
                    refinement.add(violation);
                }
                refinementActions.merge(action, 1, Integer::sum);
                if (bug.equals("real")) {
                    REAL.add(action, violation);
                }
            } else if (refBefore != null) {
                refStep++;
            }
            refBefore = now;
            refActor = actor;
            refLabel = label;
        }

        /** The queues of RunQueueAtomic's state as the spec's AbsState maps them (Ring(p), runnext, globrunq). */
        AtomicRefinement.Queues queues() {
            Snapshot s = proc.snapshot();
            List<List<Integer>> local = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            for (int p = 0; p < numP; p++) {
                Snapshot.PView v = s.allp().get(p);
                long h = Integer.toUnsignedLong(v.runqhead()) % mod;
                long t = Integer.toUnsignedLong(v.runqtail()) % mod;
                long n = Math.min(Math.floorMod(t - h, mod), ring); // LiveRing: Min(Dist(tail, head), RingSize)
                List<Integer> q = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    q.add(id(v.slots().get((int) ((h + i) % mod % ring))));
                }
                local.add(q);
                next.add(id(v.runnext()));
            }
            List<Integer> global = new ArrayList<>();
            for (G g : mappedGlobrunq(s)) {
                global.add(id(g));
            }
            return new AtomicRefinement.Queues(local, next, global);
        }

        @Override
        public void beforeStep(int p, String javaLabel, Map<String, String> after) {
            refinementStep(p, javaLabel);
            observeHeads();
            if (Labels.RUNQGRAB_CAS.equals(javaLabel)) {
                String torn = tornAt(p, javaLabel);
                if (torn != null) {
                    tornCommits.add(torn);
                }
            }
            if (Labels.RUNQGRAB_LOADHEAD.equals(javaLabel) && current[p] != null) {
                // this step is the thief's h := atomic.LoadAcq(&pp.runqhead): the victim's head now
                int v = current[p].arg() - 1;
                grabRead[p] = new long[] {v, proc.allp[v].runqhead(), wideHead[v]};
            }
            pending[p] = command(after, p);
            if (Labels.RUNQEMPTY_LOADNEXT.equals(javaLabel) && current[p] != null) {
                P x = proc.allp[current[p].arg() - 1];
                emptyAtLoadnext[p] = x.runqhead() == x.runqtail() && x.runnext() == null;
            }
        }

        @Override
        public void finishOperations() {
            finishing = true;
        }

        @Override
        public List<String> violations(String property, Controller ctl) {
            switch (property) {
                case "ExactlyOnePlace" -> {
                    // Places the snapshot sees, the Gs each P's driver holds (a G in two hands is
                    // in two places), and the input G of an operation still in flight (the Java
                    // local the spec calls rqg/gq): runqput(next=false) and globrunqput hold it
                    // until the step that publishes it returns, runqput(next=true) until its CAS.
                    // While operations are in flight a G can be in a Java local the harness does not
                    // see (a kicked runnext, a grabbed batch), so "lost" is reported only when no
                    // thread is inside an operation.
                    List<String> out = new ArrayList<>();
                    Map<G, Integer> held = new java.util.IdentityHashMap<>();
                    Map<Integer, Integer> owner = new java.util.HashMap<>();
                    boolean inFlight = false;
                    for (int p = 0; p < numP; p++) {
                        for (int g : hand.get(p)) {
                            Integer was = owner.put(g, p + 1);
                            if (was != null) {
                                out.add("ExactlyOnePlace: G" + g + " is held by P" + was + " and by P" + (p + 1));
                            }
                            held.put(gs[g], G._Grunnable);
                        }
                        String at = ctl.labelOf(p);
                        Cmd c = current[p];
                        if (at != null && !ctl.finished(p) && c != null) {
                            inFlight = true;
                            boolean input = c.op().equals("put") || c.op().equals("globput")
                                    || c.op().equals("putnext") && (at.equals(Labels.RUNQPUT_LOADNEXT)
                                    || at.equals(Labels.RUNQPUT_CASNEXT));
                            if (input) {
                                G g = gs[c.gs().get(0)];
                                if (held.put(g, G._Grunnable) != null) {
                                    out.add("ExactlyOnePlace: G" + c.gs().get(0) + " is held and in flight in P"
                                            + (p + 1) + "'s " + c.op());
                                }
                            }
                        }
                    }
                    List<G> universe = null;
                    if (!inFlight) {
                        universe = new ArrayList<>();
                        for (int g = 1; g < gs.length; g++) {
                            universe.add(gs[g]);
                        }
                    }
                    Snapshot s = proc.snapshot(List.of(proc.allp), held.keySet());
                    for (io.procspec.runtime.Invariants.Violation v
                            : io.procspec.runtime.Invariants.exactlyOnePlace(s, held, universe)) {
                        out.add(v.toString());
                    }
                    return out;
                }
                case "RunqemptyNeverSpurious" -> {
                    return new ArrayList<>(spurious);
                }
                case "Refinement" -> {
                    // the per-operation refinement, checked at every step (refinementStep); the
                    // last step is checked now
                    refinementStep(-1, null);
                    return new ArrayList<>(refinement);
                }
                case "StealCopiesQueued" -> {
                    // The spec checks it at the thief's CAS with its ghost record of the copy; Java
                    // has none. What the Java side can see of a copy that is not what the owner
                    // queued: the stolen Gs are then in two places, or another G is lost, which
                    // ExactlyOnePlace reports (once no operation is in flight, for a lost G).
                    // Also the commit itself: a thief whose runqgrab_cas succeeded on a head that
                    // went once round the counters since it read it (see NoTornSteal) committed a
                    // copy of slots the owner rewrote, which is what StealCopiesQueued forbids.
                    observeHeads();
                    List<String> out = new ArrayList<>();
                    for (String t : tornCommits) {
                        out.add("StealCopiesQueued: a torn commit: " + t);
                    }
                    for (String v : violations("ExactlyOnePlace", ctl)) {
                        out.add("StealCopiesQueued (seen on Java as " + v + ")");
                    }
                    return out;
                }
                case "NoTornSteal" -> {
                    // The spec's NoTornSteal: a thief at runqgrab_cas whose CAS would succeed (the
                    // victim's head is the h it read) holds no copy of a slot the owner rewrote since.
                    // Java keeps no per-slot ghost; what it shows is the head: the owner writes a slot
                    // of the thief's copy only at a counter at least a ring beyond it, so only after
                    // head moved past h; a CAS that would still succeed then needs head to have come
                    // back to h, i.e. gone once round the counter space. Conversely head going round
                    // (by the modulus, twice the ring) needs the tail to go round the ring: every slot
                    // is rewritten. So: the Java CAS would succeed (head is the int the thief read) and
                    // head advanced since the thief read it. With Go's 32-bit counters that takes 2^32
                    // steps; the twin of counter_too_narrow wraps them at 2*len(runq).
                    observeHeads();
                    List<String> out = new ArrayList<>();
                    for (int p = 0; p < numP; p++) {
                        String torn = ctl.finished(p) ? null : tornAt(p, ctl.labelOf(p));
                        if (torn != null) {
                            out.add("NoTornSteal: " + torn);
                        }
                    }
                    return out;
                }
                default -> throw new UnsupportedOperationException("the Java side of RunQueue cannot check " + property
                        + " (a property of the spec's ghost variables)");
            }
        }

        @Override
        public void environment(String action, Map<String, String> before, Map<String, String> after) {
            refinementStep(-1, null);
            if (!action.equals("Terminating")) {
                throw new IllegalArgumentException("RunQueue has no environment action " + action);
            }
        }

        @Override
        public Runnable body(int p) {
            return () -> {
                threads.put(Thread.currentThread(), p + 1);
                Cmd c = new Cmd("empty", List.of(), p + 1, false); // every P starts with runqempty(pp)
                P pp = proc.allp[p];
                while (!c.op().equals("done")) {
                    current[p] = c;
                    run(p, pp, c);
                    Cmd next = finishing ? new Cmd("done", List.of(), 0, false)
                            : chooser != null ? chooser.next(p, this) : pending[p];
                    pending[p] = null;
                    if (next == null) {
                        throw new Diverged("P" + (p + 1) + "'s " + c.op() + " returned, but the spec's P" + (p + 1)
                                + " is still inside an operation");
                    }
                    for (int g : next.gs()) {
                        if (!hand.get(p).remove(g)) {
                            throw new Diverged("the spec's P" + (p + 1) + " starts " + next.op() + " with G" + g
                                    + ", which the Java P does not hold");
                        }
                    }
                    c = next;
                }
            };
        }

        private void run(int p, P pp, Cmd c) {
            Set<Integer> h = hand.get(p);
            switch (c.op()) {
                case "empty" -> {
                    emptyAtLoadnext[p] = true;
                    if (ops.runqempty(proc.allp[c.arg() - 1]) && !emptyAtLoadnext[p]) {
                        spurious.add("runqempty(P" + c.arg() + ") by P" + (p + 1) + " answered true, but P" + c.arg()
                                + "'s queue was not empty when it read runnext");
                    }
                }
                case "putnext", "put" -> ops.runqput(pp, gs[c.gs().get(0)], c.flag());
                case "putbatch" -> {
                    GQueue q = new GQueue();
                    for (int g : c.gs()) {
                        q.pushBack(gs[g]);
                    }
                    ops.runqputbatch(pp, q, c.gs().size());
                }
                case "get" -> {
                    Proc.Runqget r = ops.runqget(pp);
                    if (r != null) {
                        h.add(id(r.gp()));
                    }
                }
                case "drain" -> {
                    // popped, not read: the driver may queue them again, and runqput/globrunqput
                    // refuse a G still linked in a queue (issue 13)
                    GQueue q = ops.runqdrain(pp).drainQ();
                    for (G g; (g = q.pop()) != null; ) {
                        h.add(id(g));
                    }
                }
                case "steal" -> {
                    G g = ops.runqsteal(pp, proc.allp[c.arg() - 1], c.flag());
                    if (g != null) {
                        h.add(id(g));
                    }
                }
                case "globput" -> ops.globrunqputLocked(gs[c.gs().get(0)]);
                case "globget" -> {
                    G g = ops.globrunqgetLocked(pp, c.arg());
                    if (g != null) {
                        h.add(id(g));
                    }
                }
                case "destroy" -> destroy(pp);
                default -> throw new IllegalStateException("unknown operation " + c.op());
            }
        }

        /**
         * p.destroy's loop (proc.go; Proc has no destroy): with the world stopped, pop the tail of
         * the local queue onto the head of the global queue, one G per step, then runnext. The
         * lock section is Proc's globrunqputhead; the tail and runnext are plain stores, as in Go.
         */
        private void destroy(P pp) {
            SchedPoint point = proc.point();
            Mutex l = proc.sched.lock;
            for (;;) {
                point.atLock(Labels.GLOBRUNQPUTHEAD_LOCK, l);
                l.lock();
                try {
                    int h = pp.loadAcquireRunqhead();
                    int t = pp.loadPlainRunqtail();
                    if (t != h) {
                        t--;
                        pp.storePlainRunqtail(t);
                        proc.globrunqputhead(pp.loadPlainRunq(t));
                        continue;
                    }
                    G next = pp.loadVolatileRunnext();
                    if (next != null) {
                        proc.globrunqputhead(next);
                        pp.storeVolatileRunnext(null);
                    }
                    return;
                } finally {
                    l.unlock();
                }
            }
        }

        static int id(G g) {
            return g == null ? 0 : (int) g.goid;
        }

        /** The spec's globrunq from the Java queue (see the note in {@link #abstraction}). */
        static List<G> mappedGlobrunq(Snapshot s) {
            List<G> q = s.globrunq();
            if (s.schedLockHolder() != null && q.size() > s.runqsize()) {
                // globrunqget (Go 1.14, 1.21) subtracts the whole fair-share batch from runqsize and
                // then pops it one G per runqput, all under sched.lock; the spec takes the batch off
                // the queue in the lock step. Under the lock nobody else sees the queue, so the Gs
                // still to be popped are the spec's gbatch (in flight), not part of globrunq.
                q = q.subList(q.size() - s.runqsize(), q.size());
            }
            return q;
        }

        @Override
        public Map<String, String> abstraction(Controller ctl) {
            Snapshot s = proc.snapshot();
            Map<String, String> out = new LinkedHashMap<>();
            List<String> runq = new ArrayList<>();
            List<String> heads = new ArrayList<>();
            List<String> tails = new ArrayList<>();
            List<String> nexts = new ArrayList<>();
            List<String> hands = new ArrayList<>();
            List<String> pcs = new ArrayList<>();
            List<String> pps = new ArrayList<>();
            for (int p = 0; p < numP; p++) {
                Snapshot.PView v = s.allp().get(p);
                Map<String, String> slots = new LinkedHashMap<>();
                for (int k = 0; k < ring; k++) {
                    slots.put(Integer.toString(k), Tla.num(id(v.slots().get(k))));
                }
                runq.add(Tla.fcn(slots));
                heads.add(Tla.num(Integer.toUnsignedLong(v.runqhead()) % mod));
                tails.add(Tla.num(Integer.toUnsignedLong(v.runqtail()) % mod));
                nexts.add(Tla.num(id(v.runnext())));
                List<String> hs = new ArrayList<>();
                for (int g : hand.get(p)) {
                    hs.add(Tla.num(g));
                }
                hands.add(Tla.set(hs));
                pcs.add(Tla.str(pcOf(ctl, p)));
                pps.add(Tla.num(p + 1));
            }
            out.put("runq", Tla.tuple(runq));
            out.put("runqhead", Tla.tuple(heads));
            out.put("runqtail", Tla.tuple(tails));
            out.put("runnext", Tla.tuple(nexts));
            List<String> glob = new ArrayList<>();
            for (G g : mappedGlobrunq(s)) {
                glob.add(Tla.num(id(g)));
            }
            out.put("globrunq", Tla.tuple(glob));
            out.put("runqsize", Tla.num(s.runqsize()));
            Integer holder = s.schedLockHolder() == null ? null : threads.get(s.schedLockHolder());
            out.put("schedLock", Tla.num(holder == null ? 0 : holder));
            out.put("hand", Tla.tuple(hands));
            out.put("pc", Tla.tuple(pcs));
            out.put("thrown", Tla.str(""));
            out.put("pp", Tla.tuple(pps));
            return out;
        }
    }

    /** The label logical thread p is parked at, "Done" once its body returned. */
    static String pcOf(Controller ctl, int p) {
        if (ctl.finished(p)) {
            return "Done";
        }
        String l = ctl.labelOf(p);
        return l == null ? "(running)" : l;
    }
}
