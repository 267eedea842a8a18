package io.procspec.properties;

import io.procspec.control.Controller;
import io.procspec.control.Schedule;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.Labels;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.QueueOps;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A controlled-interleaving scenario: the initial state, the operations of the owner P (p0) and
 * of each thief (p1, p2, …), to be run under a {@link Controller} and checked for the invariants
 * and linearizability against {@link Model}.
 *
 * @param ring         slots per ring
 * @param counterStart initial runqhead/runqtail
 * @param prefill      Gs in the owner's ring at the start
 * @param runnext      whether the owner's runnext holds a G at the start
 * @param globalFree   dead Gs on the global free lists at the start
 * @param owner        the owner's operations, in order
 * @param thieves      each thief's operations, in order
 */
record Scenario(int ring, int counterStart, int prefill, boolean runnext, int globalFree,
                List<OwnerOp> owner, List<List<ThiefOp>> thieves) implements PropertyReport.Sized {

    enum OwnerOp { PUT, PUT_NEXT, GET, GFGET }

    enum ThiefOp { STEAL, STEAL_NEXT, EMPTY, GFPUT }

    static final int[] GFREE = {4, 2, 2};
    static final FuncVal FN = new FuncVal(() -> {});

    @Override
    public int size() {
        return owner.size() + thieves.stream().mapToInt(List::size).sum();
    }

    /** One operation as it ran: who, what, on which G, its result, and its real-time interval. */
    record Op(int thread, int index, String kind, G arg, Object result, Controller.Interval interval) {
        @Override
        public String toString() {
            return "t" + thread + "." + index + " " + kind + (arg == null ? "" : "(" + arg + ")") + " -> " + result
                    + " @" + interval.start() + ".." + interval.end();
        }
    }

    /** The outcome of one controlled execution. */
    record Outcome(Controller.Run run, List<Op> ops, Proc proc) {}

    /** Set by {@link #execute}: whether some ring's counters wrapped past 2^32. (Scratch, not a component.) */
    static boolean wrapped;

    /** Runs the scenario under {@code schedule}; check failures are the run's failure. */
    Outcome execute(String variant, Schedule schedule) {
        wrapped = false;
        Controller ctl = new Controller(schedule).stepLimit(2_000);
        int nprocs = 1 + thieves.size();
        Proc proc = new Proc(new ProcConfig().nprocs(nprocs).ringSize(ring).counterStart(counterStart)
                .checked("real".equals(variant)).gfree(GFREE[0], GFREE[1], GFREE[2]).goVersion(GoVersion.GO1_21)
                .point(ctl).runnextBackoffNanos(0));
        QueueOps ops = Catalogue.ops(variant, proc);
        P p0 = proc.allp[0];
        // ---- set-up on this (unmanaged) thread: the points pass through
        for (int i = 0; i < prefill; i++) {
            proc.runqput(p0, proc.newproc1(p0, FN, null, 0), false);
        }
        if (runnext) {
            proc.runqput(p0, proc.newproc1(p0, FN, null, 0), true);
        }
        P spare = proc.newP(99);
        for (int i = 0; i < globalFree; i++) {
            G g = proc.newproc1(spare, FN, null, 0);
            proc.casgstatus(g, G._Grunnable, G._Gdead);
            proc.gfput(spare, g);
        }
        proc.gfpurge(spare);
        // each thief starts one short of gfput's spill threshold, so its first GFPUT spills
        for (int t = 1; t < nprocs; t++) {
            for (int i = 0; i < GFREE[0] - 1; i++) {
                G g = proc.newproc1(spare, FN, null, 0);
                proc.casgstatus(g, G._Grunnable, G._Gdead);
                proc.gfput(proc.allp[t], g);
            }
        }
        Map<G, Integer> pool = new IdentityHashMap<>();
        List<G> ownerArgs = new ArrayList<>();
        for (OwnerOp op : owner) {
            G g = op == OwnerOp.PUT || op == OwnerOp.PUT_NEXT ? proc.newproc1(spare, FN, null, 0) : null;
            ownerArgs.add(g);
            if (g != null) {
                pool.put(g, G._Grunnable);
            }
        }
        List<List<G>> thiefArgs = new ArrayList<>();
        for (List<ThiefOp> tops : thieves) {
            List<G> args = new ArrayList<>();
            for (ThiefOp op : tops) {
                G g = null;
                if (op == ThiefOp.GFPUT) {
                    g = proc.newproc1(spare, FN, null, 0);
                    proc.casgstatus(g, G._Grunnable, G._Gdead);
                    pool.put(g, G._Gdead);
                }
                args.add(g);
            }
            thiefArgs.add(args);
        }
        Model model = Model.of(proc, GFREE[0], GFREE[1], GFREE[2], 16, pool.keySet());
        List<Op> done = java.util.Collections.synchronizedList(new ArrayList<>());
        // ---- the logical threads
        ctl.thread("owner", () -> {
            for (int i = 0; i < owner.size(); i++) {
                OwnerOp op = owner.get(i);
                G arg = ownerArgs.get(i);
                int mark = ctl.mark();
                Object result = null;
                switch (op) {
                    case PUT: ops.runqput(p0, arg, false); break;
                    case PUT_NEXT: ops.runqput(p0, arg, true); break;
                    case GET: {
                        Proc.Runqget r = ops.runqget(p0);
                        result = r == null ? null : List.of(r.gp(), r.inheritTime());
                        break;
                    }
                    case GFGET: result = proc.gfget(p0); break;
                    default: throw new AssertionError(op);
                }
                done.add(new Op(0, i, op.name(), arg, result, ctl.interval(mark)));
            }
        });
        for (int t = 0; t < thieves.size(); t++) {
            final int tid = t + 1;
            final List<ThiefOp> tops = thieves.get(t);
            final List<G> args = thiefArgs.get(t);
            ctl.thread("thief" + tid, () -> {
                P me = proc.allp[tid];
                for (int i = 0; i < tops.size(); i++) {
                    ThiefOp op = tops.get(i);
                    int mark = ctl.mark();
                    Object result = null;
                    switch (op) {
                        case STEAL:
                        case STEAL_NEXT: {
                            G g = ops.runqsteal(me, p0, op == ThiefOp.STEAL_NEXT);
                            List<G> batch = new ArrayList<>(proc.runqdrain(me).drainQ().toList());
                            if (g != null) {
                                batch.add(g);
                            }
                            result = batch;
                            break;
                        }
                        case EMPTY: result = ops.runqempty(p0); break;
                        case GFPUT: ops.gfput(me, args.get(i)); break;
                        default: throw new AssertionError(op);
                    }
                    done.add(new Op(tid, i, op.name(), args.get(i), result, ctl.interval(mark)));
                }
            });
        }
        ctl.describeStateWith(() -> describe(proc));
        Controller.Run run = ctl.run();
        if (counterStart != 0) {
            for (P p : proc.allp) {
                if (Integer.compareUnsigned(p.runqtail(), counterStart) < 0) {
                    wrapped = true;
                }
            }
        }
        List<Op> opsDone = new ArrayList<>(done);
        if (run.failure() == null) {
            String why = Linearizability.check(model, opsDone, this, proc, pool);
            if (why != null) {
                run = run.withFailure(new AssertionError(why));
            }
        }
        return new Outcome(run, opsDone, proc);
    }

    /** The state column of the trace table. */
    static String describe(Proc proc) {
        StringBuilder sb = new StringBuilder();
        for (P p : proc.allp) {
            long size = Integer.toUnsignedLong(p.runqtail() - p.runqhead());
            sb.append(p).append("[h=").append(Integer.toUnsignedString(p.runqhead()))
                    .append(" t=").append(Integer.toUnsignedString(p.runqtail())).append(' ');
            sb.append(size <= p.ringSize() ? p.runqSnapshot().stream().map(g -> "g" + g.goid)
                    .collect(Collectors.joining(",", "[", "]")) : "<" + size + ">");
            if (p.runnext() != null) {
                sb.append(" next=g").append(p.runnext().goid);
            }
            if (p.gFree.n > 0) {
                sb.append(" free=").append(p.gFree.n);
            }
            sb.append("] ");
        }
        sb.append("glob=").append(proc.sched.runqSnapshot().stream().map(g -> "g" + g.goid)
                .collect(Collectors.joining(",", "[", "]")));
        sb.append(" gfree=").append(proc.sched.gFree.n);
        return sb.toString();
    }

    /** Edge cases visible in a run's per-thread label sequence (a CAS that failed and retried…). */
    static Map<String, Integer> edges(Controller.Run run) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<Integer, String> lastLabel = new java.util.HashMap<>();
        for (Controller.Step s : run.steps()) {
            String prev = lastLabel.put(s.thread(), s.label());
            if (prev == null) {
                continue;
            }
            String e = null;
            if (prev.equals(Labels.RUNQPUTSLOW_CAS) && s.label().equals(Labels.RUNQPUT_LOADHEAD)) {
                e = "runqputslow CAS failed, runqput retried";
            } else if (prev.equals(Labels.RUNQGRAB_CAS) && s.label().equals(Labels.RUNQGRAB_LOADHEAD)) {
                e = "runqgrab CAS failed, retried";
            } else if (prev.equals(Labels.RUNQGET_CAS) && s.label().equals(Labels.RUNQGET_LOADHEAD)) {
                e = "runqget CAS failed, retried";
            } else if (prev.equals(Labels.RUNQGET_CASNEXT) && s.label().equals(Labels.RUNQGET_LOADHEAD)) {
                e = "runnext stolen between runqget's load and CAS";
            } else if (prev.equals(Labels.RUNQGRAB_CASNEXT) && s.label().equals(Labels.RUNQGRAB_LOADHEAD)) {
                e = "runqgrab runnext CAS failed, retried";
            } else if (prev.equals(Labels.RUNQGRAB_CASNEXT)) {
                e = "runnext stolen";
            } else if (prev.equals(Labels.RUNQEMPTY_RECHECK) && s.label().equals(Labels.RUNQEMPTY_LOADHEAD)) {
                e = "runqempty saw tail move, retried";
            }
            if (e != null) {
                out.merge(e, 1, Integer::sum);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Scenario[ring=" + ring + ", counterStart=" + counterStart + ", prefill=" + prefill + ", runnext=" + runnext
                + ", globalFree=" + globalFree + ", owner=" + owner + ", thieves=" + thieves + "]";
    }
}
