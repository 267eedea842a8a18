package io.procspec.mutants.twins;

import io.procspec.runtime.G;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.Mutex;
import io.procspec.runtime.Stack;
import java.util.Objects;

import static io.procspec.runtime.G._Gdead;
import static io.procspec.runtime.Labels.*;

/**
 * Java twin of bug {@code gfput_no_split}: gfput's spill does not separate Gs with and without stacks: all go on sched.gFree.stack.
 *
 * <p>The methods below are copies of {@link Proc}'s (same names), differing only in the lines
 * marked {@code // BUG} (checked by {@code TwinsMatchOriginalsTest}).
 */
public final class GfputNoSplit extends Twin {

    public GfputNoSplit(Proc proc) {
        super(proc);
    }

    @Override
    public String name() {
        return "gfput_no_split";
    }

    @Override
    public void gfput(P pp, G gp) {
        gfput0(pp, gp);
    }

    // ---- copies of Proc's methods ------------------------------------------------------------

    void gfput0(P pp, G gp) {
        Objects.requireNonNull(gp, "gfput: nil g");
        if (gp.readgstatus() != _Gdead) {
            throw new IllegalStateException("gfput: bad status (not Gdead)");
        }
        if (checked && where.putIfAbsent(gp, "free") != null) {
            throw new IllegalStateException("gfput: " + gp + " is already " + where.get(gp) + " (checked mode)");
        }
        point.at(GFPUT_PUSH);
        long stksize = gp.stack.size();
        if (stksize != startingStackSize() && gp.stack.present()) {
            // non-standard stack size - free it.
            stacks.stackfree(gp.stack);
            gp.stack = Stack.NONE;
            gp.stackguard0 = 0;
        }
        pp.gFree.push(gp);
        pp.gFree.n++;
        if (pp.gFree.n >= cfg.gfreeLocalMax) {
            // Move a batch of free Gs to the global list. The pops are the owner's own; the
            // spec counts them with the lock section as one step.
            Mutex l = sched.gFree.lock;
            if (goVersion == GoVersion.GO1_14) {
                // Go 1.14 pops and pushes one by one while holding the lock.
                lock(l, GFPUT_LOCK);
                try {
                    while (pp.gFree.n >= cfg.gfreeLocalKeep) {
                        pp.gFree.n--;
                        G g1 = pp.gFree.pop();
                        if (!g1.stack.present()) {
                            sched.gFree.noStack.push(g1);
                        } else {
                            sched.gFree.stack.push(g1);
                        }
                        sched.gFree.n++;
                    }
                } finally {
                    unlock(l);
                }
                return;
            }
            point.atLock(GFPUT_LOCK, l);
            int inc = 0;
            GQueue stackQ = new GQueue();
            GQueue noStackQ = new GQueue();
            while (pp.gFree.n >= cfg.gfreeLocalKeep) {
                G g1 = pp.gFree.pop();
                pp.gFree.n--;
                stackQ.push(g1);  // BUG: Gs without a stack belong on noStackQ
                inc++;
            }
            l.lock();
            try {
                sched.gFree.noStack.pushAll(noStackQ);
                sched.gFree.stack.pushAll(stackQ);
                sched.gFree.n += inc;
            } finally {
                unlock(l);
            }
        }
    }
}
