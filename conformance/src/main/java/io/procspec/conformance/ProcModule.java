package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;
import io.procspec.runtime.FindRunnableChecks;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Labels;
import io.procspec.runtime.Next;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.Sched;
import io.procspec.runtime.SchedPoint;
import io.procspec.runtime.Snapshot;
import io.procspec.runtime.Steps;
import io.procspec.spec.TlcValue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The abstraction function and driver for {@code spec/tla/Proc.tla}, the composition: each spec
 * process is an M, and logical thread m-1 runs M m's loop of the Java scheduler
 * ({@link Sched#startDriven}: {@code schedule} → {@code findRunnable} → {@code execute} → the G's
 * code → …, {@code stopm}, {@code startm}, {@code wakep}) on the real {@code Sched}/{@code Proc}
 * code, under the controller. The spec's scenario {@code "main"} is how Go starts and how
 * {@code startDriven} starts: the main goroutine G 1 in P 1's runnext, M 1 handed P 1 (it starts
 * through the spec's {@code Wakeup}, as from mstart), the other Ms parked on {@code sched.midle}.
 *
 * <p><b>The G's code.</b> The spec's G chooses its next action ({@code GAction}) inside the step
 * that ends its previous one (execute's {@code casgstatus}, newproc's last step, …); the harness
 * reads the action from the successor state before it grants that step ({@link World#beforeStep})
 * and the Java G's body ({@link Steps}, one object per G) performs it when control comes back to
 * it: {@code go} ({@link Sched#go(Steps)}: newproc, a new G with the same kind of body),
 * {@code exit} ({@link Next#EXIT}: goexit0), {@code gosched} ({@link Next#GOSCHED}), {@code yield}
 * ({@link Next#GOYIELD}), {@code park} ({@link Next#PARK}), {@code ready} ({@link Sched#ready}:
 * goready on the M's P) and {@code inject} ({@link Sched#injectglist}). A GC worker's
 * {@code runqdrain} ({@code gcdrain}) and a GOMAXPROCS change ({@code resize}) have no Java
 * counterpart in the scheduler: a model whose {@code GActions} has them is refused (its edges would
 * be neither covered nor comparable).
 *
 * <p><b>Environment.</b> {@code Wakeup(m)} (mPark returns) is M m's own step: the driven M waits in
 * stopm's mPark at {@link Labels#STOPM}, and granting it that step is its wake-up
 * ({@link #processActions()}). {@code Idle} (every M parked without a P) and TLC's stuttering
 * steps change nothing. {@code SysmonRetake} (Java has no sysmon), {@code GrowStack} and
 * {@code AdjustStartingStackSize} are not replayable: their edges are counted as such.
 *
 * <p><b>Abstraction.</b> Gs are numbered in the order malg makes them ({@link ProcConfig#malgHook}),
 * as the spec's malg takes the smallest unborn G; Ms are numbered 1..NumM as {@code startDriven}
 * makes them; Ps by {@code pp.id + 1}. See {@link #compared()} and {@link #notCompared()} for every
 * variable; two mapping rules: Go's execute sets {@code mp.curg} before its {@code casgstatus},
 * which the spec merges into that step, so an M parked at {@code casgstatus} whose curg is still
 * {@code _Grunnable} maps to {@code curg = NoG}; a G some M has chosen to ready (the spec removes
 * it from {@code waiting} at the choice) is not in {@code waiting} while still {@code _Gwaiting}.
 */
public final class ProcModule implements SpecModule {

    /** Every label of the port: Proc.tla composes the run queues, the free lists and the scheduler. */
    static final Set<String> LABELS = Labels.all();

    private static final List<String> COMPARED = List.of("runq", "runqhead", "runqtail", "runnext", "globrunq",
            "runqsize", "schedLock", "thrown", "pp", "curg", "spinning", "nmspinning", "needspinning", "pidle",
            "midle", "schedtick", "status", "goid", "allgs", "unborn", "waiting", "goidgen", "goidcache",
            "goidcacheend", "gFreeLocal", "gFreeLocalN", "gFreeStack", "gFreeNoStack", "gFreeN", "gFreeLock",
            "stackSize", "startingStackSize", "stacksAllocated", "stacksFreed", "pc", "parked");

    private static final Map<String, String> NOT_COMPARED;

    /** The M-local variables of Proc.tla's process (all but pc and parked). */
    private static final List<String> LOCALS = List.of("rqg", "q", "gq", "victim", "stealnext", "ep", "gmax",
            "rqret", "rbret", "oldnext", "next", "rg", "gp", "h", "t", "n", "i", "st", "qn", "batch", "gbatch",
            "ehead", "etail", "enext", "fg", "rung", "inherit", "gret", "tries", "sorder", "vidx", "bret", "dret",
            "wret", "wpp", "smspin", "sret", "sn", "cg", "cgfrom", "cgto", "cgret", "newg", "injl", "gpret");

    static {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : LOCALS) {
            m.put(v, "a local variable of the Go functions the M runs (a Java local, not observable between steps); "
                    + "a wrong value shows in the shared variables it feeds");
        }
        m.put("grab", "ghost: the slots each thief is copying (RingTear, for NoTornSteal); Java has no such record");
        m.put("ewitness", "ghost: whether the queue was empty when runqempty read runnext (RunqemptyNeverSpurious)");
        m.put("phase", "model state of bug runqputslow_no_lock (which half of the two-step write)");
        m.put("gEpoch", "ghost: when gfput freed each G (FreeStacksStandard)");
        m.put("preempt", "sysmon's preemption request: Java has no sysmon (SysmonRetake is not replayable)");
        m.put("sysmonSeen", "sysmon's record of each P's schedtick: Java has no sysmon (SysmonRetake is not replayable)");
        m.put("sssChanges", "the environment's budget of startingStackSize changes (MCProc's Bounds)");
        m.put("grows", "the environment's budget of stack growths (MCProc's Bounds)");
        m.put("spawned", "history: go statements run so far (MCProc bounds the program with it); the Java Gs follow the spec's choices");
        m.put("gsteps", "history: G actions other than return so far (MCProc's Fuel); the Java Gs follow the spec's choices");
        NOT_COMPARED = java.util.Collections.unmodifiableMap(m);
    }

    private static final List<String> PER_PROCESS;

    static {
        List<String> l = new ArrayList<>(List.of("pc", "parked", "pp", "curg", "spinning", "grab", "ewitness", "phase"));
        l.addAll(LOCALS);
        PER_PROCESS = List.copyOf(l);
    }

    /** The spec's starting scenarios the harness sets up on the driven scheduler. */
    static final Set<String> SCENARIOS = Set.of("main", "fairness", "fairness2", "fairness3", "pingpong", "steal", "global3");

    /** G actions the Java G bodies perform. */
    static final Set<String> JAVA_ACTIONS = Set.of("go", "exit", "gosched", "yield", "park", "ready", "inject");

    @Override
    public String name() {
        return "Proc";
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
        return Map.of(
                "Idle", "a stutter once every M is parked without a P (Quiescent): nothing runs, the state must not change",
                "", "a stuttering step TLC records for its liveness check: the state must not change");
    }

    @Override
    public Map<String, String> processActions() {
        return Map.of("Wakeup", Labels.STOPM);
    }

    /**
     * An endless program ({@code Unbounded}): {@code gsteps} counts for ever, so the graph is
     * infinite without MCProc's VIEW; this view keeps every variable but forgets {@code gsteps},
     * which nothing reads then ({@code MayAct} is TRUE) and the replay does not compare.
     */
    @Override
    public String replayView(Map<String, String> constants) {
        return "TRUE".equals(constants.get("Unbounded")) ? "ViewTuple(runq, 0)" : null;
    }

    @Override
    public List<String> perProcess() {
        return PER_PROCESS;
    }

    /** Why the harness cannot replay a model with these constants, or null when it can. */
    static String refusal(Map<String, String> c) {
        String scenario = RunQueueModule.strip(TlcValue.parse(c.getOrDefault("Scenario", "\"main\"")));
        if (!SCENARIOS.contains(scenario)) {
            return "Scenario \"" + scenario + "\": the harness sets up the scenarios " + SCENARIOS + " only";
        }
        for (String a : RunQueueModule.stringsOf(c.get("GActions"))) {
            if (!JAVA_ACTIONS.contains(a)) {
                return "G action \"" + a + "\" has no Java counterpart in the scheduler (a GC worker's runqdrain, a GOMAXPROCS change)";
            }
        }
        if (!c.get("StackMin").equals("1")) {
            return "the harness maps spec stack size 1 to Go's stackMin; StackMin must be 1";
        }
        return null;
    }

    @Override
    public World newWorld(Map<String, String> c, String bug, SchedPoint point) {
        String why = refusal(c);
        if (why != null) {
            throw new IllegalArgumentException("Proc model not replayable: " + why);
        }
        return new ProcWorld(c, bug, point);
    }

    /** A G action the spec's M m has just chosen. */
    record Cmd(String op, List<Integer> gs) {}

    /** The G action process p starts in state st, or null when st does not start one. */
    static Cmd command(Map<String, String> st, int p) {
        String pc = RunQueueModule.strip(RunQueueModule.at(st, "pc", p));
        if (pc.equals("gfget_check")) {
            return new Cmd("go", List.of());
        }
        if (pc.equals("runqdrain_loadnext")) {
            return new Cmd("gcdrain", List.of());
        }
        if (pc.equals("globrunqputhead_lock")) {
            return new Cmd("resize", List.of());
        }
        if (!pc.equals("casgstatus")) {
            return null;
        }
        String ret = RunQueueModule.strip(RunQueueModule.at(st, "cgret", p));
        int cg = Integer.parseInt(RunQueueModule.at(st, "cg", p).toString());
        return switch (ret) {
            case "goexit" -> new Cmd("exit", List.of());
            case "gosched" -> new Cmd("gosched", List.of());
            case "goyield" -> new Cmd("yield", List.of());
            case "park" -> new Cmd("park", List.of());
            case "ready" -> new Cmd("ready", List.of(cg));
            case "inject" -> {
                List<Integer> gs = new ArrayList<>();
                gs.add(cg);
                gs.addAll(RunQueueModule.ints(RunQueueModule.at(st, "injl", p)));
                yield new Cmd("inject", gs);
            }
            default -> null;
        };
    }

    static final class ProcWorld implements World {
        final int numP;
        final int numM;
        final int numG;
        final long mod;
        final int schedTickPeriod;
        final Sched sched;
        final Proc proc;
        final List<Runnable> bodies;
        /** Gs by spec number (1-based), in the order malg made them. */
        final G[] byId;
        final Map<G, Integer> ids = new IdentityHashMap<>();
        /** Gs some M has chosen to ready (not in the spec's waiting while still _Gwaiting). */
        final Set<G> readying = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Cmd[] pending;
        final Map<Thread, Integer> threads = new ConcurrentHashMap<>();
        /** The first failure of a G's code (a Java G that cannot do what the spec's G does), or null. */
        volatile String panic;

        ProcWorld(Map<String, String> c, String bug, SchedPoint point) {
            numP = Integer.parseInt(c.get("NumP"));
            numM = Integer.parseInt(c.get("NumM"));
            numG = Integer.parseInt(c.get("NumG"));
            mod = Long.parseLong(c.get("CounterMod"));
            schedTickPeriod = Integer.parseInt(c.get("SchedTick"));
            long start = Long.parseLong(c.get("CounterStart")) % mod;
            int counterStart = (int) (start - mod); // just below 2^32, congruent to Start modulo CounterMod
            GoVersion v = switch (RunQueueModule.strip(TlcValue.parse(c.get("GoVersion")))) {
                case "1.14" -> GoVersion.GO1_14;
                case "1.25" -> GoVersion.GO1_25;
                default -> GoVersion.GO1_21;
            };
            byId = new G[numG + 1];
            ProcConfig cfg = new ProcConfig().nprocs(numP).ringSize(Integer.parseInt(c.get("RingSize")))
                    .counterStart(counterStart).goVersion(v)
                    .gfree(Integer.parseInt(c.get("LocalMax")), Integer.parseInt(c.get("LocalKeep")),
                            Integer.parseInt(c.get("Refill")))
                    .goidBatch(Integer.parseInt(c.get("GoidBatch"))).schedtickPeriod(schedTickPeriod)
                    // "fairness3" starts every P one tick after a %SchedTick look (the spec's InitSchedtick)
                    .schedtick(RunQueueModule.strip(TlcValue.parse(c.getOrDefault("Scenario", "\"main\""))).equals("fairness3") ? 1 % schedTickPeriod : 0)
                    .stealTries(Integer.parseInt(c.get("StealTries"))).runnextBackoffNanos(0)
                    .checked(false).point(point).malgHook(this::born)
                    .haveSysmon("TRUE".equals(c.get("Sysmon")));
            if (!bug.equals("real")) {
                // a scheduler twin (mutants/): findRunnable's checks changed; the queue operations are the port's
                QueueOps twin = Catalogue.ops(bug, new Proc(1));
                if (!(twin instanceof FindRunnableChecks checks)) {
                    throw new IllegalArgumentException("the Java twin of " + bug + " changes queue operations, which "
                            + "the driven scheduler does not take from a twin; Proc replays scheduler twins only");
                }
                cfg.findRunnableChecks(checks);
            }
            sched = new Sched(cfg);
            sched.setPanicHandler((goid, t) -> {
                if (!(t instanceof Controller.Aborted) && panic == null) {
                    panic = "goroutine " + goid + " failed: " + t; // shown as thrown (the spec's is "")
                }
            });
            String scenario = RunQueueModule.strip(TlcValue.parse(c.getOrDefault("Scenario", "\"main\"")));
            // the spec's Busy: Ms 1..Busy hold Ps 1..Busy at the start
            int busy = Set.of("fairness2", "fairness3", "steal").contains(scenario) ? 2 : 1;
            bodies = sched.startDriven(numP, numM, busy, p0 -> {
                Proc pr = sched.proc();
                if (scenario.equals("fairness") || scenario.equals("fairness2")) {
                    // Gs 1 and 2 in P 1's ring, G 3 on the global queue
                    pr.runqput(p0, pr.newproc1(p0, new FuncVal(new SpecG()), null, 0), false);
                    pr.runqput(p0, pr.newproc1(p0, new FuncVal(new SpecG()), null, 0), false);
                    pr.globrunqputLocked(pr.newproc1(p0, new FuncVal(new SpecG()), null, 0));
                } else if (scenario.equals("fairness3")) {
                    // G 1 in P 1's ring, G 2 in P 2's, G 3 on the global queue
                    pr.runqput(p0, pr.newproc1(p0, new FuncVal(new SpecG()), null, 0), false);
                    pr.runqput(pr.allp[1], pr.newproc1(p0, new FuncVal(new SpecG()), null, 0), false);
                    pr.globrunqputLocked(pr.newproc1(p0, new FuncVal(new SpecG()), null, 0));
                } else if (scenario.equals("pingpong")) {
                    // G 1 in P 1's runnext, G 2 parked (it waits to be readied: its body starts then,
                    // as a G that parked before running any step), G 3 in P 1's ring
                    G g1 = pr.newproc1(p0, new FuncVal(new SpecG()), null, 0);
                    G g2 = pr.newproc1(p0, new FuncVal(new SpecG()), null, 0);
                    pr.casgstatus(g2, G._Grunnable, G._Gwaiting);
                    pr.runqput(p0, pr.newproc1(p0, new FuncVal(new SpecG()), null, 0), false);
                    if (pr.goVersion() == GoVersion.GO1_25 && !"TRUE".equals(c.get("Sysmon"))) {
                        p0.storeVolatileRunnext(g1); // the spec's initial state (see "main" below)
                    } else {
                        pr.runqput(p0, g1, true);
                    }
                } else if (scenario.equals("steal")) {
                    // G 1 in P 1's runnext, Gs 2, 3, 4 in its ring; P 2's M finds nothing and steals
                    G g1 = pr.newproc1(p0, new FuncVal(new SpecG()), null, 0);
                    for (int k = 0; k < 3; k++) {
                        pr.runqput(p0, pr.newproc1(p0, new FuncVal(new SpecG()), null, 0), false);
                    }
                    pr.runqput(p0, g1, true);
                } else { // "main" and "global3": G 1 in P 1's runnext, as newproc leaves the main goroutine
                    G g1 = pr.newproc1(p0, new FuncVal(new SpecG()), null, 0);
                    if (pr.goVersion() == GoVersion.GO1_25 && !"TRUE".equals(c.get("Sysmon"))) {
                        // without sysmon the spec still starts with G 1 in runnext, although Go 1.23+'s
                        // runqput would put it in the ring there; the harness sets the spec's initial
                        // state directly (a store no correct path makes)
                        p0.storeVolatileRunnext(g1);
                    } else {
                        pr.runqput(p0, g1, true);
                    }
                    if (scenario.equals("global3")) { // and Gs 2, 3, 4 on the global queue
                        for (int k = 0; k < 3; k++) {
                            pr.globrunqputLocked(pr.newproc1(p0, new FuncVal(new SpecG()), null, 0));
                        }
                    }
                }
            });
            proc = sched.proc();
            pending = new Cmd[numM];
        }

        /** malg made g: the next spec G. */
        private void born(G g) {
            int id = ids.size() + 1;
            ids.put(g, id);
            if (id <= numG) {
                byId[id] = g;
            }
        }

        @Override
        public int processes() {
            return numM;
        }

        @Override
        public Runnable body(int p) {
            return () -> {
                threads.put(Thread.currentThread(), p);
                bodies.get(p).run();
            };
        }

        @Override
        public void beforeStep(int p, String javaLabel, Map<String, String> after) {
            pending[p] = command(after, p);
        }

        @Override
        public void environment(String action, Map<String, String> before, Map<String, String> after) {
            if (!before.equals(after)) {
                throw new RunQueueModule.Diverged("environment action '" + action + "' changed the state");
            }
        }

        @Override
        public void finishOperations() {
            // an M never finishes; the bug replays end at the counterexample's last state
        }

        /**
         * The Java state's instance of a liveness property's bad condition, now (empty when it does
         * not hold): {@code GlobalEventuallyRuns}: the Gs on the global queue (none of them runs);
         * {@code WorkConservation}: its NoStrandedWork's {@code IdleWithWork}, an idle P while a G
         * is queued. A lasso replay checks it at every state of TLC's cycle ({@link Replayer#replayLasso}).
         */
        @Override
        public List<String> violations(String property, Controller ctl) {
            Snapshot s = proc.snapshot();
            Sched.SchedView sv = sched.schedSnapshot();
            List<String> out = new ArrayList<>();
            switch (property) {
                case "GlobalEventuallyRuns" -> {
                    for (G g : s.globrunq()) {
                        if (g.readgstatus() != G._Grunning) {
                            out.add("G" + id(g) + " is on the global queue (" + GFreeModule.GfWorld.status(g.readgstatus()) + ")");
                        }
                    }
                }
                case "WorkConservation" -> {
                    List<String> queued = new ArrayList<>();
                    for (Snapshot.PView v : s.allp()) {
                        for (G g : v.runq()) {
                            queued.add("G" + id(g) + " in P" + (v.id() + 1) + "'s ring");
                        }
                        if (v.runnext() != null) {
                            queued.add("G" + id(v.runnext()) + " in P" + (v.id() + 1) + "'s runnext");
                        }
                    }
                    for (G g : s.globrunq()) {
                        queued.add("G" + id(g) + " on the global queue");
                    }
                    if (!sv.pidle().isEmpty() && !queued.isEmpty()) {
                        List<String> idle = new ArrayList<>();
                        for (int p : sv.pidle()) {
                            idle.add("P" + (p + 1));
                        }
                        out.add(String.join(", ", idle) + " idle while " + String.join(", ", queued));
                    }
                }
                default -> throw new UnsupportedOperationException("the Java side of Proc cannot check " + property);
            }
            return out;
        }

        /** The G action the current M's spec process has chosen; consumed. */
        Cmd take() {
            Integer m = threads.get(Thread.currentThread());
            if (m == null) {
                throw new IllegalStateException("a G ran on a thread that is no driven M");
            }
            Cmd c = pending[m];
            pending[m] = null;
            if (c == null) {
                throw new RunQueueModule.Diverged("M" + (m + 1) + "'s G wants its next action, but the spec's M"
                        + (m + 1) + " is not starting one");
            }
            return c;
        }

        /** A Java G's body: performs the actions the spec's G takes. */
        final class SpecG implements Steps {
            @Override
            public Next step(G gp) {
                for (;;) {
                    Cmd c = take();
                    switch (c.op()) {
                        case "go" -> sched.go(new SpecG());
                        case "exit" -> {
                            return Next.EXIT;
                        }
                        case "gosched" -> {
                            return Next.GOSCHED;
                        }
                        case "yield" -> {
                            return Next.GOYIELD;
                        }
                        case "park" -> {
                            readying.remove(gp);
                            return Next.PARK;
                        }
                        case "ready" -> {
                            G w = g(c.gs().get(0));
                            readying.add(w);
                            sched.ready(w);
                        }
                        case "inject" -> {
                            List<G> ws = new ArrayList<>();
                            for (int k : c.gs()) {
                                ws.add(g(k));
                            }
                            readying.addAll(ws);
                            sched.injectglist(ws);
                        }
                        default -> throw new RunQueueModule.Diverged("G action " + c.op() + " has no Java counterpart");
                    }
                }
            }
        }

        G g(int id) {
            G g = id >= 1 && id <= numG ? byId[id] : null;
            if (g == null) {
                throw new RunQueueModule.Diverged("the spec names G" + id + ", which Java has not made");
            }
            return g;
        }

        int id(G g) {
            if (g == null) {
                return 0;
            }
            Integer i = ids.get(g);
            if (i == null) {
                throw new RunQueueModule.Diverged("a G the harness did not see malg make appeared: " + g);
            }
            return i;
        }

        private String ids(List<G> gs) {
            List<String> out = new ArrayList<>();
            for (G g : gs) {
                out.add(Tla.num(id(g)));
            }
            return Tla.tuple(out);
        }

        private static String bools(List<Boolean> bs) {
            List<String> out = new ArrayList<>();
            for (boolean b : bs) {
                out.add(Tla.bool(b));
            }
            return Tla.tuple(out);
        }

        @Override
        public Map<String, String> abstraction(Controller ctl) {
            Snapshot s = proc.snapshot();
            Sched.SchedView sv = sched.schedSnapshot();
            Map<String, String> out = new LinkedHashMap<>();
            int ring = s.allp().get(0).ringSize();
            List<String> runq = new ArrayList<>();
            List<String> heads = new ArrayList<>();
            List<String> tails = new ArrayList<>();
            List<String> nexts = new ArrayList<>();
            List<String> ticks = new ArrayList<>();
            List<String> local = new ArrayList<>();
            List<String> localN = new ArrayList<>();
            List<String> gcache = new ArrayList<>();
            List<String> gcacheEnd = new ArrayList<>();
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
                ticks.add(Tla.num(Integer.remainderUnsigned(v.schedtick(), schedTickPeriod)));
                local.add(ids(v.gFree()));
                localN.add(Tla.num(v.gFreeN()));
                gcache.add(Tla.num(v.goidcache()));
                gcacheEnd.add(Tla.num(v.goidcacheend()));
            }
            out.put("runq", Tla.tuple(runq));
            out.put("runqhead", Tla.tuple(heads));
            out.put("runqtail", Tla.tuple(tails));
            out.put("runnext", Tla.tuple(nexts));
            List<G> q = s.globrunq();
            if (s.schedLockHolder() != null && q.size() > s.runqsize()) {
                // globrunqget's batch, popped one G per runqput under sched.lock (RunQueueModule)
                q = q.subList(q.size() - s.runqsize(), q.size());
            }
            out.put("globrunq", ids(q));
            out.put("runqsize", Tla.num(s.runqsize()));
            out.put("schedLock", Tla.num(holder(s.schedLockHolder())));
            out.put("thrown", Tla.str(panic == null ? "" : panic));
            List<String> pps = new ArrayList<>();
            List<String> curgs = new ArrayList<>();
            List<Boolean> spin = new ArrayList<>();
            List<Boolean> parked = new ArrayList<>();
            List<String> pcs = new ArrayList<>();
            if (sv.allm().size() != numM) {
                throw new RunQueueModule.Diverged("Java has " + sv.allm().size() + " Ms, the spec " + numM);
            }
            for (int m = 0; m < numM; m++) {
                Sched.MView mv = sv.allm().get(m);
                String pc = RunQueueModule.pcOf(ctl, m);
                pps.add(Tla.num(mv.p() + 1));
                G cur = mv.curg();
                if (cur != null && pc.equals(Labels.CASGSTATUS) && cur.readgstatus() == G._Grunnable) {
                    cur = null; // execute: mp.curg = gp comes before its casgstatus, which the spec's step merges
                }
                curgs.add(Tla.num(id(cur)));
                spin.add(mv.spinning());
                parked.add(mv.parked());
                pcs.add(Tla.str(pc));
            }
            out.put("pp", Tla.tuple(pps));
            out.put("curg", Tla.tuple(curgs));
            out.put("spinning", bools(spin));
            out.put("nmspinning", Tla.num(sv.nmspinning()));
            out.put("needspinning", Tla.num(sv.needspinning()));
            List<String> pidle = new ArrayList<>();
            for (int p : sv.pidle()) {
                pidle.add(Tla.num(p + 1));
            }
            out.put("pidle", Tla.tuple(pidle));
            List<String> midle = new ArrayList<>();
            for (long m : sv.midle()) {
                midle.add(Tla.num(m));
            }
            out.put("midle", Tla.tuple(midle));
            out.put("schedtick", Tla.tuple(ticks));
            List<String> status = new ArrayList<>();
            List<String> goid = new ArrayList<>();
            List<String> sizes = new ArrayList<>();
            List<String> unborn = new ArrayList<>();
            List<String> waiting = new ArrayList<>();
            for (int i = 1; i <= numG; i++) {
                G g = byId[i];
                if (g == null) {
                    status.add(Tla.str("idle"));
                    goid.add(Tla.num(0));
                    sizes.add(Tla.num(0));
                    unborn.add(Tla.num(i));
                } else {
                    status.add(GFreeModule.GfWorld.status(g.readgstatus()));
                    goid.add(Tla.num(g.goid));
                    sizes.add(Tla.num(g.stack.present() ? g.stack.size() / GFreeModule.UNIT : 0));
                    if (g.readgstatus() == G._Gwaiting && !readying.contains(g)) {
                        waiting.add(Tla.num(i));
                    }
                }
            }
            out.put("status", Tla.tuple(status));
            out.put("goid", Tla.tuple(goid));
            List<String> allgs = new ArrayList<>();
            for (G g : proc.allgs()) {
                allgs.add(Tla.num(id(g)));
            }
            out.put("allgs", Tla.set(allgs));
            out.put("unborn", Tla.set(unborn));
            out.put("waiting", Tla.set(waiting));
            out.put("goidgen", Tla.num(s.goidgen()));
            out.put("goidcache", Tla.tuple(gcache));
            out.put("goidcacheend", Tla.tuple(gcacheEnd));
            out.put("gFreeLocal", Tla.tuple(local));
            out.put("gFreeLocalN", Tla.tuple(localN));
            out.put("gFreeStack", ids(s.gFreeStack()));
            out.put("gFreeNoStack", ids(s.gFreeNoStack()));
            out.put("gFreeN", Tla.num(s.gFreeN()));
            out.put("gFreeLock", Tla.num(holder(s.gFreeLockHolder())));
            out.put("stackSize", Tla.tuple(sizes));
            out.put("startingStackSize", Tla.num(s.startingStackSize() / GFreeModule.UNIT));
            out.put("stacksAllocated", Tla.num(s.stacks().allocated()));
            out.put("stacksFreed", Tla.num(s.stacks().freed()));
            out.put("pc", Tla.tuple(pcs));
            out.put("parked", bools(parked));
            return out;
        }

        /** The spec's M number of the thread holding a lock, or NoOne (0). */
        private int holder(Thread t) {
            Integer m = t == null ? null : threads.get(t);
            return m == null ? 0 : m + 1;
        }
    }
}
