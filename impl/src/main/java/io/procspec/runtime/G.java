package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Go's {@code g}: a goroutine. Only the fields the queues, the free lists and {@code newproc1}
 * use are kept, named as in runtime2.go.
 *
 * <p>Plain fields are written by the G's current owner (its creator, the P running it, or the
 * holder of the list it is on) and handed to other threads only through the run queues' and
 * locks' happens-before edges; {@link #atomicstatus} is the one field read and CASed concurrently.
 * See {@link Proc}'s class comment, "Memory ordering".
 */
public final class G {
    // G status values (runtime2.go). _Gscan bits are not modelled: there is no GC here.
    /** Just allocated, not yet initialized. */
    public static final int _Gidle = 0;
    /** On a run queue; not executing user code. */
    public static final int _Grunnable = 1;
    /** Executing user code; owned by an M and a P. */
    public static final int _Grunning = 2;
    /** In a system call (not used by procspec's scheduler; kept for the status names). */
    public static final int _Gsyscall = 3;
    /** Parked ({@code gopark}): on no run queue until {@code ready}/{@code injectglist} makes it runnable. */
    public static final int _Gwaiting = 4;
    /** Unused: on a free list, or just exited, or being initialized. */
    public static final int _Gdead = 6;

    private static final VarHandle ATOMICSTATUS = VarHandles.field(MethodHandles.lookup(), "atomicstatus", int.class);

    /** The stack [lo, hi); {@link Stack#NONE} once freed. */
    public Stack stack = Stack.NONE;
    /** stack.lo + stackGuard while the G has a stack. */
    public long stackguard0;
    /** The saved context newproc1 builds. */
    public final Gobuf sched = new Gobuf();
    /**
     * This G's own funcval, filled by {@code newproc(pp, Runnable, callergp)} so that creating a G
     * from a Runnable allocates nothing (see {@link FuncVal}). Written by the P that owns the G.
     */
    final FuncVal fnbuf = new FuncVal();
    /** sp at the top of the stack, for traceback (newproc1 sets it to sched.sp). */
    public long stktopsp;
    /** Accessed only through {@link #loadVolatileAtomicstatus()} / {@link #casVolatileAtomicstatus}. */
    @SuppressWarnings("unused")
    private volatile int atomicstatus = _Gidle;
    /** Next G on a gQueue / gList. Written only by the owner of the list the G is on. */
    G schedlink;
    /** Unique goroutine id (uint64 in Go). 0 until newproc1 gives one. */
    public long goid;
    /** goid of the G that created this one. */
    public long parentGoid;
    /** pc of the go statement that created this G. */
    public long gopc;
    /** pc of the goroutine function. */
    public long startpc;
    /** Go 1.14 only: the address newproc1 copied the arguments to (spArg). */
    public long argp;
    /** Go 1.14 only: the argument bytes newproc1 copied onto the stack (memmove(spArg, argp, narg)). */
    public byte[] args;

    public G() {}

    /**
     * readgstatus (proc.go): {@code gp.atomicstatus.Load()}, Go's function name for
     * {@link #loadVolatileAtomicstatus()}.
     */
    public int readgstatus() {
        return loadVolatileAtomicstatus();
    }

    /**
     * {@code gp.atomicstatus.Load()}: a volatile load (Go's atomic Load is sequentially consistent).
     * Synchronizes with the {@link #casVolatileAtomicstatus} that wrote the value: a G's fields
     * written before a status change are visible to whoever reads the new status.
     */
    public int loadVolatileAtomicstatus() {
        int v = (int) ATOMICSTATUS.getVolatile(this);
        return MemorySimulation.ON ? MemorySimulation.loadInt(this, "atomicstatus", MemorySimulation.VOLATILE, v) : v;
    }

    /**
     * {@code gp.atomicstatus.CompareAndSwap(oldval, newval)}: a full CAS, one iteration of
     * casgstatus's loop. Of two racing transitions from the same status exactly one wins (jcstress
     * {@code CasgstatusSameTransition}).
     */
    boolean casVolatileAtomicstatus(int oldval, int newval) {
        if (MemorySimulation.ON) {
            MemorySimulation.cas(this, "atomicstatus", MemorySimulation.VOLATILE, oldval, newval, (int) ATOMICSTATUS.get(this));
        }
        return ATOMICSTATUS.compareAndSet(this, oldval, newval);
    }

    /**
     * Sets {@link #goid}: newproc1's last write to the G ({@code newg.goid = pp.goidcache}), after
     * its status CAS, so only the edge that publishes the G (runqput's CAS of runnext, or the
     * store-release of runqtail after the slot) makes it visible to a thief. Plain, as in Go.
     * Routed through the accessor so that the weak-memory simulation ({@link MemorySimulation})
     * sees it; production code reads and writes {@code goid} directly elsewhere (set-up, checks).
     */
    void storePlainGoid(long id) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(this, "goid", MemorySimulation.PLAIN, id, goid);
        }
        goid = id;
    }

    /**
     * {@code gp.goid} read plainly by a thread that took the G from a queue (a consumer's first look
     * at the G it will run, as Go's schedule and execute read it; the bug hunt's consumers call it).
     * Under the weak-memory simulation it returns the store this thread may see, which is stale
     * when nothing published newproc1's write to it (bug {@code runqput_runnext_cas_plain}).
     */
    public long loadPlainGoid() {
        long v = goid;
        return MemorySimulation.ON ? MemorySimulation.loadLong(this, "goid", MemorySimulation.PLAIN, v) : v;
    }

    /** Sets {@link #startpc} ({@code newg.startpc = fn.fn} in newproc1): plain; routed as {@link #storePlainGoid}. */
    void storePlainStartpc(long pc) {
        if (MemorySimulation.ON) {
            MemorySimulation.store(this, "startpc", MemorySimulation.PLAIN, pc, startpc);
        }
        startpc = pc;
    }

    /** {@code gp.startpc} read plainly by a thread that took the G: see {@link #loadPlainGoid}. */
    public long loadPlainStartpc() {
        long v = startpc;
        return MemorySimulation.ON ? MemorySimulation.loadLong(this, "startpc", MemorySimulation.PLAIN, v) : v;
    }

    /** The next G on the list or queue this G is on (for snapshots and tests). */
    public G schedlink() {
        return schedlink;
    }

    /** Whether {@code s} is one of the statuses modelled here ({@code _Gidle} … {@code _Gdead}). */
    public static boolean validStatus(int s) {
        return s == _Gidle || s == _Grunnable || s == _Grunning || s == _Gsyscall || s == _Gwaiting || s == _Gdead;
    }

    /** Go's status name, for messages. */
    public static String statusName(int s) {
        switch (s) {
            case _Gidle: return "_Gidle";
            case _Grunnable: return "_Grunnable";
            case _Grunning: return "_Grunning";
            case _Gsyscall: return "_Gsyscall";
            case _Gwaiting: return "_Gwaiting";
            case _Gdead: return "_Gdead";
            default: return "status(" + s + ")";
        }
    }

    @Override
    public String toString() {
        return "g" + goid + "[" + statusName(readgstatus()) + "]";
    }
}
