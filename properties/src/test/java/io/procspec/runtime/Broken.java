package io.procspec.runtime;

import static io.procspec.runtime.Labels.*;

/**
 * Deliberately broken variants: each is a step-for-step copy of one {@link Proc} method (as of
 * this writing) with exactly one bug, marked {@code // BUG}. The property families must catch
 * them; see {@code BrokenVariantProperties} and the README's table. The copies run with checked
 * mode off (they do not keep Proc's private bookkeeping map).
 */
public final class Broken {
    private Broken() {}

    abstract static class Base implements QueueOps {
        @Override
        public boolean supportsCheckedMode() {
            return false;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** runqput(next=true) puts gp in runnext but drops the kicked-out old runnext. */
    public static final class LostRunnext extends Base {
        @Override
        public String name() {
            return "lost-runnext";
        }

        @Override
        public G newproc(Proc proc, P pp, FuncVal fn) {
            G newg = proc.newproc1(pp, fn, null, 0);
            runqput(proc, pp, newg, true);
            if (proc.mainStarted()) {
                proc.wakep();
            }
            return newg;
        }

        @Override
        public void runqput(Proc proc, P pp, G gp, boolean next) {
            SchedPoint point = proc.point;
            if (next) {
                G oldnext;
                do {
                    point.at(RUNQPUT_LOADNEXT);
                    oldnext = pp.lpRunnext();
                    point.at(RUNQPUT_CASNEXT);
                } while (!pp.casRunnext(oldnext, gp));
                return; // BUG: the old runnext should be kicked out to the ring; it is lost
            }
            final G[] runq = pp.runq;
            for (;;) {
                point.at(RUNQPUT_LOADHEAD);
                int h = pp.lvRunqhead();
                int t = pp.lpRunqtail();
                if (Integer.compareUnsigned(t - h, runq.length) < 0) {
                    point.at(RUNQPUT_STORE);
                    runq[t & pp.mask] = gp;
                    point.at(RUNQPUT_STORETAIL);
                    pp.soRunqtail(t + 1);
                    return;
                }
                if (proc.runqputslow(pp, gp, h, t)) {
                    return;
                }
            }
        }
    }

    /** runqgrab takes floor(n/2)+1 instead of n - n/2 (the same for odd n, one too many for even n). */
    public static final class StealFloorHalfPlusOne extends Base {
        @Override
        public String name() {
            return "steal-floor-half-plus-one";
        }

        @Override
        public G runqsteal(Proc proc, P pp, P p2, boolean stealRunNextG) {
            int t = pp.lpRunqtail();
            int n = runqgrab(proc, p2, pp.runq, t, stealRunNextG);
            if (n == 0) {
                return null;
            }
            pp.nsteals++;
            pp.nstolen += n;
            n--;
            G gp = pp.runq[(t + n) & pp.mask];
            if (n == 0) {
                return gp;
            }
            proc.point.at(RUNQSTEAL_LOADHEAD);
            int h = pp.lvRunqhead();
            if (Integer.compareUnsigned(t - h + n, pp.runq.length) >= 0) {
                throw new IllegalStateException("runqsteal: runq overflow");
            }
            proc.point.at(RUNQSTEAL_STORETAIL);
            pp.soRunqtail(t + n);
            return gp;
        }

        int runqgrab(Proc proc, P pp, G[] batch, int batchHead, boolean stealRunNextG) {
            SchedPoint point = proc.point;
            final G[] runq = pp.runq;
            final int bmask = batch.length - 1;
            for (int retries = 0; ; retries++) {
                if (retries > 10_000) {
                    // not in the original: the bug can make a full ring look "inconsistent" forever
                    throw new IllegalStateException("runqgrab: livelock (broken variant)");
                }
                point.at(RUNQGRAB_LOADHEAD);
                int h = pp.lvRunqhead();
                point.at(RUNQGRAB_LOADTAIL);
                int t = pp.lvRunqtail();
                int n = t - h;
                n = n == 0 ? 0 : (n >>> 1) + 1; // BUG: should be n - n/2
                if (n == 0) {
                    if (stealRunNextG) {
                        point.at(RUNQGRAB_LOADNEXT);
                        G next = pp.lpRunnext();
                        if (next != null) {
                            point.at(RUNQGRAB_CASNEXT);
                            if (!pp.casRunnext(next, null)) {
                                continue;
                            }
                            batch[batchHead & bmask] = next;
                            return 1;
                        }
                    }
                    return 0;
                }
                if (Integer.compareUnsigned(n, runq.length / 2) > 0) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    point.at(RUNQGRAB_COPY);
                    batch[(batchHead + i) & bmask] = runq[(h + i) & pp.mask];
                }
                point.at(RUNQGRAB_CAS);
                if (pp.casRelRunqhead(h, h + n)) {
                    return n;
                }
            }
        }
    }

    /** gfput's spill does not split Gs with and without stacks: all go on sched.gFree.stack. */
    public static final class GfputNoSplit extends Base {
        @Override
        public String name() {
            return "gfput-no-split";
        }

        @Override
        public void gfput(Proc proc, P pp, G gp) {
            proc.point.at(GFPUT_PUSH);
            if (gp.readgstatus() != G._Gdead) {
                throw new IllegalStateException("gfput: bad status (not Gdead)");
            }
            long stksize = gp.stack.size();
            if (stksize != proc.startingStackSize() && gp.stack.present()) {
                proc.stacks.stackfree(gp.stack);
                gp.stack = Stack.NONE;
                gp.stackguard0 = 0;
            }
            pp.gFree.push(gp);
            pp.gFree.n++;
            if (pp.gFree.n >= proc.cfg.gfreeLocalMax) {
                Mutex l = proc.sched.gFree.lock;
                proc.point.atLock(GFPUT_LOCK, l);
                int inc = 0;
                GQueue stackQ = new GQueue();
                GQueue noStackQ = new GQueue();
                while (pp.gFree.n >= proc.cfg.gfreeLocalKeep) {
                    G g1 = pp.gFree.pop();
                    pp.gFree.n--;
                    stackQ.push(g1); // BUG: Gs without a stack belong on noStackQ
                    inc++;
                }
                l.lock();
                try {
                    proc.sched.gFree.noStack.pushAll(noStackQ);
                    proc.sched.gFree.stack.pushAll(stackQ);
                    proc.sched.gFree.n += inc;
                } finally {
                    l.unlock();
                }
            }
        }
    }

    /** runqempty reads tail once: no re-check that tail did not move while runnext was read. */
    public static final class RunqemptyOneTailRead extends Base {
        @Override
        public String name() {
            return "runqempty-one-tail-read";
        }

        @Override
        public boolean runqempty(Proc proc, P pp) {
            SchedPoint point = proc.point;
            point.at(RUNQEMPTY_LOADHEAD);
            int head = pp.vRunqhead();
            point.at(RUNQEMPTY_LOADTAIL);
            int tail = pp.vRunqtail();
            point.at(RUNQEMPTY_LOADNEXT);
            G runnext = pp.vRunnext();
            return head == tail && runnext == null; // BUG: no RUNQEMPTY_RECHECK of tail
        }
    }
}
