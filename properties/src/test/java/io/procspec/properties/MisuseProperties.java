package io.procspec.properties;

import io.procspec.runtime.Arch;
import io.procspec.runtime.FuncVal;
import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.GoVersion;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcConfig;
import io.procspec.runtime.Sched;
import io.procspec.runtime.Stack;
import io.procspec.testkit.Fixtures;
import io.procspec.testkit.MisuseSnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Misuse is refused before anything changes (issue 13). jqwik draws a state — a {@link Proc}
 * (ring 4 or 8, counters from 0 or just below 2^32, Go 1.14/1.21/1.25, 1–3 Ps, checked mode or
 * not, small or Go's free-list constants) brought into shape by up to 24 valid operations (puts
 * with and without next, spills, global puts, gets, frees with and without stacks, purges) — and
 * a {@link Kind} of misuse. The kind arranges what it needs with more valid operations (fills a
 * ring, takes {@code sched.lock}, starts a {@link Sched} …), then the misused call runs. Checked:
 * the exception's type and message are exactly the ones the README's misuse table lists, and a
 * {@link MisuseSnapshot} (every queue, ring slot, free list, count, status, goid cache, lock and
 * stack counter) is equal before and after.
 *
 * <p>Every kind is a row of the README's table ({@link #readmeTableListsEveryKind} keeps the two
 * equal) and has a named regression test in impl's {@code MisuseTest}.
 */
@AddLifecycleHook(PropertyReport.Hook.class)
class MisuseProperties {

    static final FuncVal FN = new FuncVal(() -> {});

    /** A drawn state: configuration plus the valid operations that shape it. */
    record State(int ring, int counterStart, GoVersion version, int nprocs, boolean checked, int[] gfree,
                 List<int[]> setup) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (int[] s : setup) {
                b.append(Setup.values()[s[0]]).append("(p").append(s[1]).append(") ");
            }
            return "ring " + ring + ", counters from " + Integer.toUnsignedString(counterStart) + ", " + version
                    + ", " + nprocs + " Ps, checked " + checked + ", gfree " + gfree[0] + "/" + gfree[1] + "/"
                    + gfree[2] + ", setup [" + b.toString().trim() + "]";
        }
    }

    /** The valid operations that shape a state. */
    enum Setup { PUT, PUT_NEXT, PUT_BURST, GLOBAL_PUT, GET, FREE_STACK, FREE_NO_STACK, FREE_ODD_STACK, PURGE, STEAL }

    /** A kind of misuse, its variant (which form of the call, which phase …) and the state. */
    record Case(Kind kind, int variant, State state) {
        @Override
        public String toString() {
            return kind + " (variant " + variant + ") on " + state;
        }
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE) // edge cases would crowd out all but the first kinds
    void misuseIsRefusedBeforeAnythingChanges(@ForAll("cases") Case c) {
        Outcome o = check(c);
        if (o.problem != null) {
            throw new AssertionError(o.problem, o.thrown);
        }
        PropertyReport.collect("kind", c.kind.name());
        PropertyReport.collect("exception", o.thrown.getClass().getSimpleName());
        PropertyReport.collect("version", c.state.version);
        PropertyReport.collect("checked", c.state.checked);
        Statistics.label("kind").coverage(cov -> {
            for (Kind k : Kind.values()) {
                cov.check(k.name()).count(n -> n > 0);
            }
        });
    }

    /** What a case did: what it threw, and what was wrong (null: refused as listed, nothing changed). */
    record Outcome(Throwable thrown, String problem) {}

    /** Arranges the case, takes a snapshot, makes the misused call, takes another snapshot. */
    static Outcome check(Case c) {
        W w = new W(c.state, c.variant);
        try {
            Call call = c.kind.arrange(w);
            MisuseSnapshot before = w.snapshot(call);
            Object[] schedBefore = w.schedState();
            Throwable thrown = null;
            // the locks the caller holds are taken just for the call, so that the snapshots (and
            // Sched.stats, which takes sched.lock) are read outside them
            for (io.procspec.runtime.Mutex m : w.held) {
                m.lock();
            }
            try {
                call.body.run();
            } catch (Throwable t) {
                thrown = t;
            } finally {
                for (int i = w.held.size() - 1; i >= 0; i--) {
                    if (w.held.get(i).heldByCurrentThread()) {
                        w.held.get(i).unlock();
                    }
                }
            }
            MisuseSnapshot after = w.snapshot(call);
            Object[] schedAfter = w.schedState();
            if (thrown == null) {
                return new Outcome(null, c.kind + ": the misuse was accepted (expected " + call.type.getSimpleName()
                        + " \"" + call.message + "\")");
            }
            boolean changed = !java.util.Objects.equals(before, after)
                    || !java.util.Arrays.equals(schedBefore, schedAfter);
            if (changed) {
                return new Outcome(thrown, c.kind + ": refused (" + thrown + ") but the state changed:\n"
                        + (before == null || after == null ? "" : before.diff(after))
                        + java.util.Arrays.toString(schedBefore) + " -> " + java.util.Arrays.toString(schedAfter));
            }
            if (!call.type.isInstance(thrown) || !call.message.equals(thrown.getMessage())) {
                return new Outcome(thrown, c.kind + ": expected " + call.type.getSimpleName() + " \"" + call.message
                        + "\" but got " + thrown);
            }
            return new Outcome(thrown, null);
        } catch (Exception e) {
            return new Outcome(e, c.kind + ": arranging the case failed: " + e);
        } finally {
            w.cleanup();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(Kind.class).flatMap(k -> Combinators.combine(Arbitraries.integers().between(0, 35), states(k))
                .as((v, s) -> new Case(k, v, s)));
    }

    static Arbitrary<State> states(Kind k) {
        Arbitrary<Integer> ring = Arbitraries.of(4, 8);
        Arbitrary<Integer> counterStart = Arbitraries.of(0, -3);
        Arbitrary<GoVersion> version = Arbitraries.of(k.versions);
        Arbitrary<Integer> nprocs = Arbitraries.integers().between(1, 3);
        Arbitrary<Boolean> checked = k.needsChecked ? Arbitraries.just(true) : Arbitraries.of(false, true);
        Arbitrary<int[]> gfree = Arbitraries.of(new int[] {4, 2, 2}, new int[] {6, 3, 4}, new int[] {64, 32, 32});
        Arbitrary<int[]> step = Combinators.combine(Arbitraries.integers().between(0, Setup.values().length - 1),
                Arbitraries.integers().between(0, 2)).as((o, p) -> new int[] {o, p});
        Arbitrary<List<int[]>> setup = step.list().ofMaxSize(24);
        return Combinators.combine(ring, counterStart, version, nprocs, checked, gfree, setup).as(State::new);
    }

    // ---- the world a case runs in ---------------------------------------------------------------

    /** The misused call, what it must throw, and what the snapshot must also cover. */
    static final class Call {
        final Class<? extends Throwable> type;
        final String message;
        final Body body;
        final List<P> ps = new ArrayList<>();
        final List<G> gs = new ArrayList<>();
        final List<GQueue> qs = new ArrayList<>();

        Call(Class<? extends Throwable> type, String message, Body body) {
            this.type = type;
            this.message = message;
            this.body = body;
        }

        Call with(P... p) {
            ps.addAll(List.of(p));
            return this;
        }

        Call with(G... g) {
            for (G x : g) {
                if (x != null) {
                    gs.add(x);
                }
            }
            return this;
        }

        Call with(GQueue... q) {
            qs.addAll(List.of(q));
            return this;
        }
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    static final class W {
        final State st;
        /** The case's variant: picks the form of the call (v % forms), a phase, a size. */
        final int v;
        Proc proc;
        Sched sched;
        long goid = 1000;
        /** Locks the caller holds during the misused call. */
        final List<io.procspec.runtime.Mutex> held = new ArrayList<>();
        final List<Runnable> cleanups = new ArrayList<>();

        W(State st, int v) {
            this.st = st;
            this.v = v;
            this.proc = new Proc(new ProcConfig().nprocs(st.nprocs).ringSize(st.ring).counterStart(st.counterStart)
                    .goVersion(st.version).checked(st.checked).gfree(st.gfree[0], st.gfree[1], st.gfree[2])
                    .runnextBackoffNanos(0));
            for (int[] s : st.setup) {
                apply(Setup.values()[s[0]], proc.allp[s[1] % st.nprocs]);
            }
        }

        /** One valid operation (none of them is misuse; a PUT on a full ring spills, unlocked). */
        void apply(Setup s, P pp) {
            switch (s) {
                case PUT -> proc.runqput(pp, runnable(), false);
                case PUT_NEXT -> proc.runqput(pp, runnable(), true);
                case PUT_BURST -> {
                    for (int i = 0; i <= st.ring; i++) {
                        proc.runqput(pp, runnable(), false); // one more than fits: a spill
                    }
                }
                case GLOBAL_PUT -> proc.globrunqputLocked(runnable());
                case GET -> proc.runqget(pp);
                case FREE_STACK -> proc.gfput(pp, dead(Arch.StackMin));
                case FREE_NO_STACK -> proc.gfput(pp, dead(-1));
                case FREE_ODD_STACK -> proc.gfput(pp, dead(2 * Arch.StackMin)); // gfput frees the stack
                case PURGE -> proc.gfpurge(pp);
                case STEAL -> {
                    P other = proc.allp[(pp.id + 1) % st.nprocs];
                    if (other != pp && ringSize(pp) <= st.ring / 2) {
                        proc.runqsteal(pp, other, true);
                    }
                }
            }
        }

        G runnable() {
            return Fixtures.runnable(goid++);
        }

        /** A G as park_m leaves one: _Gwaiting, on no queue. */
        G waiting() {
            G g = runnable();
            Fixtures.forceStatus(g, G._Gwaiting);
            return g;
        }

        /** A dead G (goexit leaves one so): with a stack of {@code size} bytes, or none for -1. */
        G dead(int size) {
            G g = proc.malg(size);
            proc.casgstatus(g, G._Gidle, G._Gdead);
            return g;
        }

        P p0() {
            return proc.allp[0];
        }

        int ringSize(P pp) {
            return pp.runqtail() - pp.runqhead();
        }

        void fill(P pp) {
            while (ringSize(pp) < st.ring) {
                proc.runqput(pp, runnable(), false);
            }
        }

        void fillTo(P pp, int n) {
            while (ringSize(pp) < n) {
                proc.runqput(pp, runnable(), false);
            }
            while (ringSize(pp) > n) {
                proc.runqget(pp); // takes runnext first: repeat until the ring itself is short enough
            }
        }

        G setRunnext(P pp) {
            if (pp.runnext() == null) {
                proc.runqput(pp, runnable(), true);
            }
            return pp.runnext();
        }

        void globalAtLeast(int n) {
            while (proc.sched.runqsize() < n) {
                proc.globrunqputLocked(runnable());
            }
        }

        /** The caller will hold m during the misused call. */
        void hold(io.procspec.runtime.Mutex m) {
            held.add(m);
        }

        /** A G on a free list whose schedlink is set (not the last of its list), making one if needed. */
        G linkedFreeG(P pp) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    proc.gfput(pp, dead(Arch.StackMin));
                }
                for (List<G> l : List.of(pp.gFree.toList(), proc.sched.gFree.stack.toList(),
                        proc.sched.gFree.noStack.toList())) {
                    for (G g : l) {
                        if (g.schedlink() != null && g != pp.gFree.toList().stream().findFirst().orElse(null)) {
                            return g; // not pp's free-list head: a cheap check names that case itself
                        }
                    }
                }
            }
            throw new AssertionError("no linked free G after three gfputs");
        }

        Sched startSched(int nprocs) {
            sched = new Sched(new ProcConfig().ringSize(st.ring).counterStart(st.counterStart)
                    .goVersion(st.version == GoVersion.GO1_25 ? GoVersion.GO1_21 : st.version).checked(st.checked)
                    .gfree(st.gfree[0], st.gfree[1], st.gfree[2]).runnextBackoffNanos(0)).start(nprocs);
            proc = sched.proc();
            Sched s = sched;
            cleanups.add(s::shutdown);
            return s;
        }

        /** The snapshot, or null for a scheduler that was never started (schedState covers it). */
        MisuseSnapshot snapshot(Call c) {
            return proc == null ? null : MisuseSnapshot.of(proc, c.ps, c.gs, c.qs);
        }

        Object[] schedState() {
            if (sched == null) {
                return new Object[0];
            }
            Sched.Stats s = sched.stats();
            return new Object[] {sched.isShutdown(), sched.gomaxprocs(), s.gsCreated(), s.gsRun(), s.gsReturned(),
                    s.msStarted(), s.parks(), s.wakes(), s.globrunqputGs()};
        }

        void cleanup() {
            for (int i = cleanups.size() - 1; i >= 0; i--) {
                try {
                    cleanups.get(i).run();
                } catch (RuntimeException e) {
                    // a lock the call was refused; a shutdown already done
                }
            }
        }
    }

    // ---- the kinds of misuse --------------------------------------------------------------------

    static final Set<GoVersion> ALL = EnumSet.allOf(GoVersion.class);
    static final Set<GoVersion> NOT_125 = EnumSet.of(GoVersion.GO1_14, GoVersion.GO1_21);

    static Call npe(String message, Body b) {
        return new Call(NullPointerException.class, message, b);
    }

    static Call ise(String message, Body b) {
        return new Call(IllegalStateException.class, message, b);
    }

    static Call iae(String message, Body b) {
        return new Call(IllegalArgumentException.class, message, b);
    }

    static final String SPILL = "the caller holds sched.lock, and runqput would need it to spill %s's full ring to the global queue";

    /**
     * One row of the README's misuse table each: the operation, the misuse, the exception and the
     * message ({@code {p}} a P as {@code p0}, {@code {g}} a G as {@code g7[_Grunnable]}, {@code {n}}
     * a number), and how to arrange it on any drawn state.
     */
    enum Kind {
        NEWPROC_NIL_FN("newproc, newproc1", "nil function", "NullPointerException", "go of nil func value",
                w -> npe("go of nil func value", () -> w.proc.newproc(w.p0(), (Runnable) null, null))),
        NEWPROC_NIL_P("newproc", "nil P", "NullPointerException", "newproc: nil p",
                w -> npe("newproc: nil p", () -> w.proc.newproc(null, FN, null))),
        NEWPROC1_NIL_P("newproc1", "nil P", "NullPointerException", "newproc1: nil p",
                w -> npe("newproc1: nil p", () -> w.proc.newproc1(null, FN, null, 0))),
        NEWPROC_SPILL_UNDER_LOCK("newproc", "runnext set and the ring full (the put would spill) while the caller holds sched.lock",
                "IllegalStateException", "newproc: " + SPILL.replace("%s", "{p}"), w -> {
                    P pp = w.p0();
                    w.setRunnext(pp);
                    w.fill(pp);
                    w.hold(w.proc.sched.lock);
                    return ise("newproc: " + String.format(SPILL, pp), () -> w.proc.newproc(pp, FN, null));
                }),
        NEWPROC_ARGS_TOO_LARGE("newproc (Go 1.14 form)", "arguments that do not fit the new stack", "IllegalStateException",
                "newproc: function arguments too large for new goroutine",
                w -> ise("newproc: function arguments too large for new goroutine",
                        () -> w.proc.newproc(w.p0(), 2048, FN, new byte[2048], null))),
        NEWPROC_NARG_MISMATCH("newproc (Go 1.14 form)", "narg larger than the argument bytes", "IllegalArgumentException",
                "newproc: narg {n} does not match the {n} argument bytes given",
                w -> iae("newproc: narg 16 does not match the 8 argument bytes given",
                        () -> w.proc.newproc(w.p0(), 16, FN, new byte[8], null))),
        MALG_TOO_LARGE("malg", "stack size above 2^30 (round2 would overflow)", "IllegalArgumentException",
                "malg: stack size {n} out of range (at most 1073741824 bytes)",
                w -> iae("malg: stack size 1073741825 out of range (at most 1073741824 bytes)",
                        () -> w.proc.malg((1 << 30) + 1))),
        CASGSTATUS_NIL("casgstatus", "nil G", "NullPointerException", "casgstatus: nil g",
                w -> npe("casgstatus: nil g", () -> w.proc.casgstatus(null, G._Gdead, G._Grunnable))),
        CASGSTATUS_BAD_VALUES("casgstatus", "old == new, or a status that does not exist", "IllegalStateException",
                "casgstatus: bad incoming values", w -> {
                    G g = w.runnable();
                    w.proc.runqput(w.p0(), g, false);
                    int[] bad = w.v % 2 == 0 ? new int[] {G._Grunnable, G._Grunnable} : new int[] {G._Grunnable, 99};
                    return ise("casgstatus: bad incoming values", () -> w.proc.casgstatus(g, bad[0], bad[1])).with(g);
                }),
        CASGSTATUS_WRONG_STATUS("casgstatus", "the G is not in oldval (a queued G claimed to be dead)", "IllegalStateException",
                "casgstatus: {g} is _Grunnable, not _Gdead (to _Grunning)", w -> {
                    G g = w.runnable();
                    w.proc.runqput(w.p0(), g, true);
                    return ise("casgstatus: " + g + " is _Grunnable, not _Gdead (to _Grunning)",
                            () -> w.proc.casgstatus(g, G._Gdead, G._Grunning)).with(g);
                }),
        GFPUT_NIL("gfput", "nil P or G", "NullPointerException", "gfput: nil p / gfput: nil g", w -> {
            G g = w.dead(Arch.StackMin);
            return w.v % 2 == 0 ? npe("gfput: nil p", () -> w.proc.gfput(null, g)).with(g)
                    : npe("gfput: nil g", () -> w.proc.gfput(w.p0(), null));
        }),
        GFPUT_NOT_DEAD("gfput", "a G that is not _Gdead (a queued one)", "IllegalStateException", "gfput: bad status (not Gdead)",
                w -> {
                    G g = w.runnable();
                    w.proc.runqput(w.p0(), g, false);
                    return ise("gfput: bad status (not Gdead)", () -> w.proc.gfput(w.p0(), g)).with(g);
                }),
        GFPUT_TWICE("gfput", "the G on top of the P's free list", "IllegalStateException", "gfput: {g} is already on {p}'s free list",
                w -> {
                    P pp = w.p0();
                    w.proc.gfput(pp, w.dead(Arch.StackMin));
                    G g = pp.gFree.toList().get(0);
                    return ise("gfput: " + g + " is already on " + pp + "'s free list", () -> w.proc.gfput(pp, g)).with(g);
                }),
        GFPUT_LINKED("gfput", "a G inside a free list (schedlink set)", "IllegalStateException",
                "gfput: {g} is on a list or queue (schedlink is set)", w -> {
                    G g = w.linkedFreeG(w.p0());
                    return ise("gfput: " + g + " is on a list or queue (schedlink is set)", () -> w.proc.gfput(w.p0(), g)).with(g);
                }),
        GFPUT_SPILL_UNDER_GFREE_LOCK("gfput", "a put that spills to the global lists while the caller holds sched.gFree.lock",
                "IllegalStateException", "gfput: the caller holds sched.gFree.lock, and gfput would need it to move {p}'s free Gs to the global lists",
                w -> {
                    P pp = w.p0();
                    while (pp.gFree.n < w.st.gfree[0] - 1) {
                        w.proc.gfput(pp, w.dead(Arch.StackMin));
                    }
                    G g = w.dead(Arch.StackMin);
                    w.hold(w.proc.sched.gFree.lock);
                    return ise("gfput: the caller holds sched.gFree.lock, and gfput would need it to move " + pp
                            + "'s free Gs to the global lists", () -> w.proc.gfput(pp, g)).with(g);
                }),
        GFPUT_FOREIGN_STACK("gfput", "a G whose stack another Proc's allocator handed out (gfput or a later gfget would free it here)",
                "IllegalStateException", "gfput: stack {n} was not allocated by this allocator", w -> {
                    Proc other = new Proc(1);
                    for (int i = 0; i < w.v; i++) {
                        other.malg(Arch.StackMin); // serial numbers beyond this Proc's
                    }
                    G g = other.malg(Arch.StackMin);
                    Fixtures.forceStatus(g, G._Gdead);
                    long mine = w.proc.stacks.allocated();
                    if (g.stack.id() <= mine) {
                        for (long i = g.stack.id(); i <= mine; i++) {
                            g = other.malg(Arch.StackMin);
                        }
                        Fixtures.forceStatus(g, G._Gdead);
                    }
                    G gf = g;
                    return ise("gfput: stack " + g.stack.id() + " was not allocated by this allocator",
                            () -> w.proc.gfput(w.p0(), gf)).with(gf);
                }),
        GFGET_REFILL_UNDER_GFREE_LOCK("gfget", "an empty P free list to refill from the global lists while the caller holds sched.gFree.lock",
                "IllegalStateException", "lock: sched.gFree.lock already held by this thread (self-deadlock)", w -> {
                    P pp = w.p0();
                    w.proc.gfput(pp, w.dead(Arch.StackMin));
                    w.proc.gfpurge(pp);
                    w.hold(w.proc.sched.gFree.lock);
                    return ise("lock: sched.gFree.lock already held by this thread (self-deadlock)", () -> w.proc.gfget(pp));
                }),
        GFPURGE_UNDER_GFREE_LOCK("gfpurge", "the caller holds sched.gFree.lock", "IllegalStateException",
                "lock: sched.gFree.lock already held by this thread (self-deadlock)", w -> {
                    w.proc.gfput(w.p0(), w.dead(-1));
                    w.hold(w.proc.sched.gFree.lock);
                    return ise("lock: sched.gFree.lock already held by this thread (self-deadlock)", () -> w.proc.gfpurge(w.p0()));
                }),
        RUNQPUT_NIL("runqput", "nil P or G", "NullPointerException", "runqput: nil p / runqput: nil g", w -> {
            G g = w.runnable();
            return w.v % 2 == 0 ? npe("runqput: nil p", () -> w.proc.runqput(null, g, false)).with(g)
                    : npe("runqput: nil g", () -> w.proc.runqput(w.p0(), null, true));
        }),
        RUNQPUT_NOT_RUNNABLE("runqput", "a G that is not _Grunnable", "IllegalStateException",
                "runqput: {g} is not runnable (status _Gdead)", w -> {
                    G g = w.dead(Arch.StackMin);
                    return ise("runqput: " + g + " is not runnable (status _Gdead)", () -> w.proc.runqput(w.p0(), g, true)).with(g);
                }),
        RUNQPUT_IS_RUNNEXT("runqput", "the P's runnext G", "IllegalStateException", "runqput: {g} is already {p}'s runnext", w -> {
            P pp = w.p0();
            G g = w.setRunnext(pp);
            return ise("runqput: " + g + " is already " + pp + "'s runnext", () -> w.proc.runqput(pp, g, w.v % 2 == 0)).with(g);
        }),
        RUNQPUT_LINKED("runqput", "a G inside the global queue (schedlink set)", "IllegalStateException",
                "runqput: {g} is on a list or queue (schedlink is set)", w -> {
                    w.globalAtLeast(2);
                    G g = w.proc.sched.runqSnapshot().get(0);
                    return ise("runqput: " + g + " is on a list or queue (schedlink is set)", () -> w.proc.runqput(w.p0(), g, false)).with(g);
                }),
        RUNQPUT_SPILL_UNDER_LOCK("runqput", "a put on a full ring (it would spill) while the caller holds sched.lock",
                "IllegalStateException", "runqput: " + SPILL.replace("%s", "{p}"), w -> {
                    P pp = w.p0();
                    boolean next = w.v % 2 == 0;
                    if (next) {
                        w.setRunnext(pp);
                    }
                    w.fill(pp);
                    G g = w.runnable();
                    w.hold(w.proc.sched.lock);
                    return ise("runqput: " + String.format(SPILL, pp), () -> w.proc.runqput(pp, g, next)).with(g);
                }),
        RUNQPUT_QUEUED_CHECKED("runqput", "a G already in a ring, where no cheap check sees it (checked mode only)",
                "IllegalStateException", "runqput: {g} is already runq (checked mode)", true, ALL, w -> {
                    P pp = w.p0();
                    w.fillTo(pp, 1);
                    G g = pp.slot(pp.runqhead());
                    return ise("runqput: " + g + " is already runq (checked mode)", () -> w.proc.runqput(pp, g, false)).with(g);
                }),
        RUNQPUTBATCH_NIL("runqputbatch", "nil P or queue", "NullPointerException", "runqputbatch: nil p / runqputbatch: nil queue",
                w -> w.v % 2 == 0 ? npe("runqputbatch: nil p", () -> w.proc.runqputbatch(null, new GQueue(), 0))
                        : npe("runqputbatch: nil queue", () -> w.proc.runqputbatch(w.p0(), null, 0))),
        RUNQPUTBATCH_COUNT("runqputbatch", "qsize that is not the number of Gs on the queue, or negative", "IllegalArgumentException",
                "runqputbatch: qsize is {n} but the queue holds {n} Gs / runqputbatch: qsize is {n} but the queue holds more Gs than that / runqputbatch: qsize must be >= 0, got {n}", w -> {
                    GQueue q = queueOf(w.runnable(), w.runnable());
                    int sel = (w.v % 3);
                    Call c = sel == 0 ? iae("runqputbatch: qsize is 3 but the queue holds 2 Gs", () -> w.proc.runqputbatch(w.p0(), q, 3))
                            : sel == 1 ? iae("runqputbatch: qsize is 1 but the queue holds more Gs than that",
                                    () -> w.proc.runqputbatch(w.p0(), q, 1))
                            : iae("runqputbatch: qsize must be >= 0, got -1", () -> w.proc.runqputbatch(w.p0(), q, -1));
                    return c.with(q);
                }),
        RUNQPUTBATCH_NOT_RUNNABLE("runqputbatch", "a G on the queue that is not _Grunnable", "IllegalStateException",
                "runqputbatch: {g} is not runnable (status _Gdead)", w -> {
                    G bad = w.dead(-1);
                    GQueue q = queueOf(w.runnable(), bad, w.runnable());
                    return ise("runqputbatch: " + bad + " is not runnable (status _Gdead)", () -> w.proc.runqputbatch(w.p0(), q, 3)).with(q);
                }),
        RUNQPUTBATCH_RUNNEXT("runqputbatch", "the P's runnext G on the queue", "IllegalStateException",
                "runqputbatch: {g} is already {p}'s runnext", w -> {
                    P pp = w.p0();
                    G g = w.setRunnext(pp);
                    GQueue q = queueOf(w.runnable(), g);
                    return ise("runqputbatch: " + g + " is already " + pp + "'s runnext", () -> w.proc.runqputbatch(pp, q, 2)).with(q);
                }),
        RUNQPUTBATCH_CORRUPT("runqputbatch", "a queue whose tail is linked onward (another queue grew from it)", "IllegalStateException",
                "runqputbatch: the queue is corrupt (its tail is not the last G linked from its head)", w -> {
                    G a = w.runnable();
                    G b = w.runnable();
                    GQueue q2 = queueOf(a, b);
                    GQueue q = new GQueue();
                    q.pushBackAll(q2); // q's tail is b; q2 then grows past b
                    G c = w.runnable();
                    q2.pushBack(c);
                    return ise("runqputbatch: the queue is corrupt (its tail is not the last G linked from its head)",
                            () -> w.proc.runqputbatch(w.p0(), q, 3)).with(q, q2);
                }),
        RUNQPUTBATCH_SPILL_UNDER_LOCK("runqputbatch (Go 1.14, 1.21)", "more Gs than the ring has room for while the caller holds sched.lock",
                "IllegalStateException", "runqputbatch: the caller holds sched.lock, and runqputbatch would need it to put the Gs that do not fit on {p}'s ring on the global queue",
                false, NOT_125, w -> {
                    P pp = w.p0();
                    w.fillTo(pp, w.st.ring - 1);
                    GQueue q = queueOf(w.runnable(), w.runnable());
                    w.hold(w.proc.sched.lock);
                    return ise("runqputbatch: the caller holds sched.lock, and runqputbatch would need it to put the Gs that do not fit on "
                            + pp + "'s ring on the global queue", () -> w.proc.runqputbatch(pp, q, 2)).with(q);
                }),
        RUNQGET_NIL("runqget, runqdrain, runqempty", "nil P", "NullPointerException", "runqget: nil p / runqdrain: nil p / runqempty: nil p", w -> {
            int sel = (w.v % 3);
            return sel == 0 ? npe("runqget: nil p", () -> w.proc.runqget(null))
                    : sel == 1 ? npe("runqdrain: nil p", () -> w.proc.runqdrain(null))
                    : npe("runqempty: nil p", () -> w.proc.runqempty(null));
        }),
        RUNQGRAB_BATCH("runqgrab", "nil P or batch, the victim's own ring as the batch, a batch ring of another size, a batchHead that is not the batch's tail, a batch ring more than half full",
                "NullPointerException, IllegalArgumentException, IllegalStateException",
                "runqgrab: nil p / runqgrab: nil batch / runqgrab: {p} cannot grab into its own ring / runqgrab: rings differ in size ({n} and {n}) / runqgrab: batchHead is {n} but {p}'s runqtail is {n} / runqgrab: runq overflow: {p}'s ring holds {n} of {n} slots, more than half, so a steal (up to {n} Gs) might not fit",
                w -> {
                    P pp = w.p0();
                    P batch = w.proc.newP(6); // a stand-alone P: the caller's own
                    int sel = (w.v % 6);
                    Call c = switch (sel) {
                        case 0 -> npe("runqgrab: nil p", () -> w.proc.runqgrab(null, batch, batch.runqtail(), true));
                        case 1 -> npe("runqgrab: nil batch", () -> w.proc.runqgrab(pp, null, 0, true));
                        case 2 -> iae("runqgrab: " + pp + " cannot grab into its own ring",
                                () -> w.proc.runqgrab(pp, pp, pp.runqtail(), true));
                        case 3 -> {
                            P other = new P(9, 2 * w.st.ring, 0);
                            yield iae("runqgrab: rings differ in size (" + w.st.ring + " and " + 2 * w.st.ring + ")",
                                    () -> w.proc.runqgrab(pp, other, 0, true)).with(other);
                        }
                        case 4 -> {
                            int head = batch.runqtail() + 1 + w.v % 3;
                            yield iae("runqgrab: batchHead is " + Integer.toUnsignedString(head) + " but " + batch
                                            + "'s runqtail is " + Integer.toUnsignedString(batch.runqtail()),
                                    () -> w.proc.runqgrab(pp, batch, head, true));
                        }
                        default -> {
                            int n = w.st.ring / 2 + 1 + (w.v % (w.st.ring / 2));
                            w.fillTo(batch, n);
                            yield ise("runqgrab: runq overflow: " + batch + "'s ring holds " + n + " of " + w.st.ring
                                            + " slots, more than half, so a steal (up to " + w.st.ring / 2 + " Gs) might not fit",
                                    () -> w.proc.runqgrab(pp, batch, batch.runqtail(), true));
                        }
                    };
                    return c.with(batch);
                }),
        RUNQPUTSLOW_BAD("runqputslow", "nil P or G, a G not _Grunnable or already queued (runnext, schedlink set), a t that is not the P's tail, a ring that is not full, the caller holds sched.lock",
                "NullPointerException, IllegalStateException, IllegalArgumentException",
                "runqputslow: nil p / runqputslow: nil g / runqputslow: {g} is not runnable (status _Gdead) / runqputslow: {g} is already on a list or queue / runqputslow: t is {n} but {p}'s runqtail is {n} / runqputslow: queue is not full / runqputslow: the caller holds sched.lock, which runqputslow needs to put the batch on the global queue",
                w -> {
                    P pp = w.p0();
                    int sel = (w.v % 7);
                    if (sel == 5) {
                        w.fillTo(pp, w.st.ring - 1 - w.v % (w.st.ring - 1));
                    } else {
                        w.fill(pp);
                    }
                    int h = pp.runqhead();
                    int t = pp.runqtail();
                    G g = w.runnable();
                    Call c = switch (sel) {
                        case 0 -> npe("runqputslow: nil p", () -> w.proc.runqputslow(null, g, h, t));
                        case 1 -> npe("runqputslow: nil g", () -> w.proc.runqputslow(pp, null, h, t));
                        case 2 -> {
                            G d = w.dead(-1);
                            yield ise("runqputslow: " + d + " is not runnable (status _Gdead)", () -> w.proc.runqputslow(pp, d, h, t)).with(d);
                        }
                        case 3 -> {
                            G q = w.v % 2 == 0 ? w.setRunnext(pp) : linkedGlobalG(w);
                            yield ise("runqputslow: " + q + " is already on a list or queue", () -> w.proc.runqputslow(pp, q, h, t)).with(q);
                        }
                        case 4 -> iae("runqputslow: t is " + Integer.toUnsignedString(t - 1) + " but " + pp + "'s runqtail is "
                                + Integer.toUnsignedString(t), () -> w.proc.runqputslow(pp, g, h, t - 1));
                        case 5 -> ise("runqputslow: queue is not full", () -> w.proc.runqputslow(pp, g, h, t));
                        default -> {
                            w.hold(w.proc.sched.lock);
                            yield ise("runqputslow: the caller holds sched.lock, which runqputslow needs to put the batch on the"
                                    + " global queue", () -> w.proc.runqputslow(pp, g, h, t));
                        }
                    };
                    return c.with(g);
                }),
        RUNQSTEAL_NIL("runqsteal", "nil thief or victim", "NullPointerException", "runqsteal: nil p / runqsteal: nil p2",
                w -> w.v % 2 == 0 ? npe("runqsteal: nil p", () -> w.proc.runqsteal(null, w.p0(), true))
                        : npe("runqsteal: nil p2", () -> w.proc.runqsteal(w.p0(), null, true))),
        RUNQSTEAL_SELF("runqsteal", "the thief is the victim", "IllegalArgumentException", "runqsteal: {p} cannot steal from itself",
                w -> iae("runqsteal: " + w.p0() + " cannot steal from itself", () -> w.proc.runqsteal(w.p0(), w.p0(), true))),
        RUNQSTEAL_RINGS("runqsteal", "rings of different sizes", "IllegalArgumentException", "runqsteal: rings differ in size ({n} and {n})",
                w -> {
                    P other = new P(9, 2 * w.st.ring, 0);
                    return iae("runqsteal: rings differ in size (" + 2 * w.st.ring + " and " + w.st.ring + ")",
                            () -> w.proc.runqsteal(other, w.p0(), true)).with(other);
                }),
        RUNQSTEAL_NO_ROOM("runqsteal", "a thief whose ring holds more than half its slots (the stolen Gs might not fit)",
                "IllegalStateException", "runqsteal: runq overflow: {p}'s ring holds {n} of {n} slots, more than half, so a steal (up to {n} Gs) might not fit",
                w -> {
                    P thief = w.p0();
                    P victim = w.proc.newP(7);
                    int n = w.st.ring / 2 + 1 + (w.v % (w.st.ring / 2));
                    w.fillTo(thief, n);
                    for (int i = 0; i < w.v % 4; i++) {
                        w.proc.runqput(victim, w.runnable(), i % 2 == 0);
                    }
                    return ise("runqsteal: runq overflow: " + thief + "'s ring holds " + n + " of " + w.st.ring
                                    + " slots, more than half, so a steal (up to " + w.st.ring / 2 + " Gs) might not fit",
                            () -> w.proc.runqsteal(thief, victim, true)).with(victim);
                }),
        GLOBRUNQPUT_UNLOCKED("globrunqput, globrunqputhead, globrunqputbatch, globrunqget, globrunqgetbatch",
                "sched.lock not held", "IllegalStateException", "assertLockHeld: sched.lock is not held", w -> {
                    G g = w.runnable();
                    GQueue q = queueOf(w.runnable());
                    Body[] calls = {() -> w.proc.globrunqput(g), () -> w.proc.globrunqputhead(g),
                            () -> w.proc.globrunqputbatch(q, 1), () -> w.proc.globrunqget(w.p0(), 0),
                            () -> w.proc.globrunqget(), () -> w.proc.globrunqgetbatch(2, new GQueue())};
                    return ise("assertLockHeld: sched.lock is not held", calls[(w.v % calls.length)]).with(g).with(q);
                }),
        GLOBRUNQPUT_BAD_G("globrunqput, globrunqputhead", "nil G, a G not _Grunnable, a G already on the global queue (an end, or schedlink set)",
                "NullPointerException, IllegalStateException",
                "{op}: nil g / {op}: {g} is not runnable (status _Gdead) / {op}: {g} is already on the global queue / {op}: {g} is on a list or queue (schedlink is set)",
                w -> {
                    boolean head = w.v % 2 == 0;
                    String fn = head ? "globrunqputhead" : "globrunqput";
                    w.globalAtLeast(3);
                    List<G> glob = w.proc.sched.runqSnapshot();
                    int sel = (w.v % 4);
                    G g = sel == 0 ? null : sel == 1 ? w.dead(-1) : sel == 2 ? glob.get(glob.size() - 1) : glob.get(1);
                    String msg = sel == 0 ? fn + ": nil g" : sel == 1 ? fn + ": " + g + " is not runnable (status _Gdead)"
                            : sel == 2 ? fn + ": " + g + " is already on the global queue"
                            : fn + ": " + g + " is on a list or queue (schedlink is set)";
                    w.hold(w.proc.sched.lock);
                    Body b = head ? () -> w.proc.globrunqputhead(g) : () -> w.proc.globrunqput(g);
                    return new Call(sel == 0 ? NullPointerException.class : IllegalStateException.class, msg, b).with(g);
                }),
        GLOBRUNQPUT_LOCKED_HELD("globrunqputLocked, globrunqputheadLocked, globrunqputbatchLocked, globrunqgetLocked, lock",
                "the caller already holds sched.lock", "IllegalStateException", "lock: sched.lock already held by this thread (self-deadlock)",
                w -> {
                    G g = w.runnable();
                    GQueue q = queueOf(w.runnable(), w.runnable());
                    w.hold(w.proc.sched.lock);
                    Body[] calls = {() -> w.proc.globrunqputLocked(g), () -> w.proc.globrunqputheadLocked(g),
                            () -> w.proc.globrunqputbatchLocked(q, 2), () -> w.proc.globrunqgetLocked(w.p0(), 0),
                            () -> w.proc.lock(w.proc.sched.lock, "globrunqput_lock")};
                    return ise("lock: sched.lock already held by this thread (self-deadlock)",
                            calls[(w.v % calls.length)]).with(g).with(q);
                }),
        GLOBRUNQPUTBATCH_BAD("globrunqputbatch, globrunqputbatchLocked", "nil batch, n not the number of Gs, a G not _Grunnable",
                "NullPointerException, IllegalArgumentException, IllegalStateException",
                "globrunqputbatch: nil batch / globrunqputbatch: n is {n} but the queue holds {n} Gs / globrunqputbatch: {g} is not runnable (status _Gdead)",
                w -> {
                    G bad = w.dead(-1);
                    GQueue q = w.v % 3 == 2 ? queueOf(w.runnable(), bad) : queueOf(w.runnable(), w.runnable());
                    boolean locked = (w.v / 3) % 2 == 1; // the Locked form: the caller does not hold the lock
                    if (!locked) {
                        w.hold(w.proc.sched.lock);
                    }
                    int sel = (w.v % 3);
                    java.util.function.BiConsumer<GQueue, Integer> put = locked ? w.proc::globrunqputbatchLocked
                            : w.proc::globrunqputbatch;
                    Call c = sel == 0 ? npe("globrunqputbatch: nil batch", () -> put.accept(null, 0))
                            : sel == 1 ? iae("globrunqputbatch: n is 3 but the queue holds 2 Gs", () -> put.accept(q, 3))
                            : ise("globrunqputbatch: " + bad + " is not runnable (status _Gdead)", () -> put.accept(q, 2));
                    return c.with(q).with(bad);
                }),
        READY_BAD("ready, goready", "nil P or G, a G that is not _Gwaiting, a G on a list or queue (schedlink set), a put that would spill a full ring while the caller holds sched.lock",
                "NullPointerException, IllegalStateException",
                "ready: nil g / ready: nil p / bad g->status in ready: {g} is _Grunnable / ready: {g} is on a list or queue (schedlink is set) / ready: the caller holds sched.lock, and runqput would need it to spill {p}'s full ring to the global queue",
                w -> {
                    P pp = w.p0();
                    boolean next = w.v % 2 == 0;
                    G g = w.waiting();
                    Call c = switch ((w.v / 2) % 5) {
                        case 0 -> npe("ready: nil g", () -> w.proc.ready(pp, null, next));
                        case 1 -> npe("ready: nil p", () -> w.proc.ready(null, g, next));
                        case 2 -> {
                            G r = w.runnable();
                            yield ise("bad g->status in ready: " + r + " is _Grunnable", () -> w.proc.goready(pp, r)).with(r);
                        }
                        case 3 -> {
                            GQueue mine = queueOf(g, w.runnable()); // the caller's own queue still links g
                            yield ise("ready: " + g + " is on a list or queue (schedlink is set)",
                                    () -> w.proc.ready(pp, g, next)).with(mine);
                        }
                        default -> {
                            if (next) {
                                w.setRunnext(pp);
                            }
                            w.fill(pp);
                            w.hold(w.proc.sched.lock);
                            yield ise("ready: " + String.format(SPILL, pp), () -> w.proc.ready(pp, g, next));
                        }
                    };
                    return c.with(g);
                }),
        READY_QUEUED_CHECKED("ready", "a G in a ring made to look parked, where no cheap check sees it (checked mode only)",
                "IllegalStateException", "ready: {g} is already runq (checked mode)", true, ALL, w -> {
                    P pp = w.p0();
                    w.fillTo(pp, 1);
                    G g = pp.slot(pp.runqhead());
                    Fixtures.forceStatus(g, G._Gwaiting);
                    return ise("ready: " + g + " is already runq (checked mode)", () -> w.proc.ready(pp, g, w.v % 2 == 0)).with(g);
                }),
        GLOBRUNQGET_BAD_ARGS("globrunqget, globrunqgetLocked, globrunqgetbatch", "nil P or queue, max < 0, n < 1",
                "NullPointerException, IllegalArgumentException",
                "globrunqget: nil p / globrunqget: max must be >= 0, got {n} / globrunqgetLocked: nil p / globrunqgetLocked: max must be >= 0, got {n} / globrunqgetbatch: nil queue / globrunqgetbatch: n must be >= 1, got {n}",
                w -> {
                    int sel = (w.v % 6);
                    if (sel < 4 || sel == 5) {
                        w.globalAtLeast(1);
                    }
                    Call c = switch (sel) {
                        case 0 -> npe("globrunqget: nil p", () -> w.proc.globrunqget(null, 0));
                        case 1 -> iae("globrunqget: max must be >= 0, got -1", () -> w.proc.globrunqget(w.p0(), -1));
                        case 2 -> npe("globrunqgetLocked: nil p", () -> w.proc.globrunqgetLocked(null, 0));
                        case 3 -> iae("globrunqgetLocked: max must be >= 0, got -1", () -> w.proc.globrunqgetLocked(w.p0(), -1));
                        case 4 -> npe("globrunqgetbatch: nil queue", () -> w.proc.globrunqgetbatch(2, null));
                        default -> iae("globrunqgetbatch: n must be >= 1, got 0", () -> w.proc.globrunqgetbatch(0, new GQueue()));
                    };
                    if (sel == 0 || sel == 1 || sel >= 4) {
                        w.hold(w.proc.sched.lock);
                    }
                    return c;
                }),
        GLOBRUNQGET_NO_ROOM("globrunqget, globrunqgetLocked (Go 1.14, 1.21)", "a ring without room for the batch (runqput would spill under sched.lock)",
                "IllegalStateException", "globrunqget: no room on {p}'s ring for the batch: {n} Gs to put, {n} free slots", false, NOT_125,
                w -> noRoom(w, "globrunqget: ", w.v % 2 == 0)),
        GLOBRUNQGET_NO_ROOM_GO125("globrunqgetLocked (Go 1.25)", "a ring without room for the batch (runqputbatch would leave Gs over)",
                "IllegalStateException", "Couldn't put Gs into empty local runq: no room on {p}'s ring for the batch: {n} Gs to put, {n} free slots",
                false, EnumSet.of(GoVersion.GO1_25), w -> noRoom(w, "Couldn't put Gs into empty local runq: ", false)),
        LOCK_MISUSE("lock, unlock", "nil mutex, unlock of a free lock, unlock of a lock another thread holds",
                "NullPointerException, IllegalStateException", "lock: nil mutex / unlock of unlocked lock: sched.lock / unlock: sched.lock is held by another thread",
                w -> {
                    int sel = (w.v % 3);
                    if (sel == 2) {
                        holdInAnotherThread(w, w.proc.sched.lock);
                    }
                    return sel == 0 ? npe("lock: nil mutex", () -> w.proc.lock(null, "globrunqput_lock"))
                            : sel == 1 ? ise("unlock of unlocked lock: sched.lock", () -> w.proc.unlock(w.proc.sched.lock))
                            : ise("unlock: sched.lock is held by another thread", () -> w.proc.unlock(w.proc.sched.lock));
                }),
        BAD_SIZES("newP, P.storeOpaqueStatus, setStartingStackSize, stackalloc", "a negative P id, a P status that does not exist, a stack size that is not a power of two >= 2048",
                "IllegalArgumentException, IllegalStateException",
                "p id must be >= 0, got {n} / storeOpaqueStatus: bad P status {n} / stack size must be a power of two >= 2048, got {n} / stackalloc: bad size {n} (must be a power of two)",
                w -> {
                    int sel = (w.v % 4);
                    return switch (sel) {
                        case 0 -> iae("p id must be >= 0, got -1", () -> w.proc.newP(-1));
                        case 1 -> iae("storeOpaqueStatus: bad P status 7", () -> w.p0().storeOpaqueStatus(7));
                        case 2 -> iae("stack size must be a power of two >= 2048, got 3000", () -> w.proc.setStartingStackSize(3000));
                        default -> ise("stackalloc: bad size 3000 (must be a power of two)", () -> w.proc.stacks.stackalloc(3000));
                    };
                }),
        STACKFREE_BAD("stackfree", "no stack, or a stack this allocator never handed out", "IllegalStateException",
                "stackfree: no stack / stackfree: stack {n} was not allocated by this allocator",
                w -> w.v % 2 == 0 ? ise("stackfree: no stack", () -> w.proc.stacks.stackfree(Stack.NONE))
                        : ise("stackfree: stack 999999 was not allocated by this allocator",
                                () -> w.proc.stacks.stackfree(new Stack(0xc000001000L, 0xc000001800L, 999999)))),
        GQUEUE_PUSH_QUEUED("gQueue.push, gQueue.pushBack, gList.push", "nil G, or a G already on a list or queue (schedlink set, or the tail / head)",
                "NullPointerException, IllegalStateException", "gQueue.pushBack: nil g / gQueue.pushBack: {g} is already on a list or queue / gQueue.push: {g} is already on a list or queue / gList.push: nil g / gList.push: {g} is already on a list or queue",
                w -> {
                    G a = w.runnable();
                    G b = w.runnable();
                    GQueue q = queueOf(a, b);
                    int sel = (w.v % 5);
                    if (sel == 4) {
                        w.proc.gfput(w.p0(), w.dead(Arch.StackMin));
                    }
                    G top = w.p0().gFree.toList().isEmpty() ? null : w.p0().gFree.toList().get(0);
                    Call c = switch (sel) {
                        case 0 -> npe("gQueue.pushBack: nil g", () -> q.pushBack(null));
                        case 1 -> ise("gQueue.pushBack: " + b + " is already on a list or queue", () -> q.pushBack(b));
                        case 2 -> ise("gQueue.push: " + a + " is already on a list or queue", () -> new GQueue().push(a));
                        case 3 -> npe("gList.push: nil g", () -> w.p0().gFree.push(null));
                        default -> ise("gList.push: " + top + " is already on a list or queue", () -> w.p0().gFree.push(top));
                    };
                    return c.with(q).with(a, b, top);
                }),
        GQUEUE_APPEND_SELF("gQueue.pushBackAll", "a queue appended to itself", "IllegalArgumentException",
                "gQueue.pushBackAll: cannot append a queue to itself", w -> {
                    GQueue q = queueOf(w.runnable(), w.runnable());
                    return iae("gQueue.pushBackAll: cannot append a queue to itself", () -> q.pushBackAll(q)).with(q);
                }),
        NOT_CALLERS_P("newproc, newproc1, runqput, runqputbatch, runqget, runqdrain, runqsteal (thief), runqgrab (batch), gfput, gfget, gfpurge, globrunqget, globrunqgetLocked, ready",
                "a P of a Sched used by a thread that is not its M: idle, held by an M running a G, or after shutdown",
                "IllegalStateException", "{op}: {p} is not the caller's P (it is idle in a scheduler) / {op}: {p} is not the caller's P (it is held by thread procspec-m{n}) / {op}: {p} is not the caller's P (its scheduler was shut down)",
                false, NOT_125, MisuseProperties::notCallersP),
        SCHED_GO("Sched.go", "nil function; before start; after shutdown; the caller holds sched.lock or sched.gFree.lock",
                "NullPointerException, IllegalStateException",
                "go of nil func value / scheduler not started: call start() first / go after shutdown / go: the caller holds sched.lock, which the scheduler needs; release it first / go: the caller holds sched.gFree.lock, which the scheduler needs; release it first",
                false, NOT_125, w -> {
                    int sel = (w.v % 7);
                    w.proc = null;
                    if (sel == 1) {
                        Sched s = new Sched();
                        w.sched = s;
                        return ise("scheduler not started: call start() first", () -> s.go(() -> {}));
                    }
                    Sched s = w.startSched(1 + (w.v % 2));
                    return switch (sel) {
                        case 0 -> npe("go of nil func value", () -> s.go((Runnable) null));
                        case 5 -> npe("go of nil func value", () -> s.go((io.procspec.runtime.Steps) null));
                        case 6 -> {
                            w.hold(w.proc.sched.lock);
                            yield ise("go: the caller holds sched.lock, which the scheduler needs; release it first",
                                    () -> s.go((io.procspec.runtime.Steps) gp -> io.procspec.runtime.Next.EXIT));
                        }
                        case 2 -> {
                            s.shutdown();
                            yield ise("go after shutdown", () -> s.go(() -> {}));
                        }
                        case 3 -> {
                            w.hold(w.proc.sched.lock);
                            yield ise("go: the caller holds sched.lock, which the scheduler needs; release it first", () -> s.go(() -> {}));
                        }
                        default -> {
                            w.hold(w.proc.sched.gFree.lock);
                            yield ise("go: the caller holds sched.gFree.lock, which the scheduler needs; release it first",
                                    () -> s.go(() -> {}));
                        }
                    };
                }),
        SCHED_READY("Sched.ready, Sched.injectglist",
                "nil G or list; a G not parked, listed twice, or on a list or queue; the caller holds sched.lock or sched.gFree.lock; before start",
                "NullPointerException, IllegalArgumentException, IllegalStateException",
                "ready: nil g / injectglist: nil list / injectglist: nil g / bad g->status in ready: {g} is _Grunnable / injectglist: {g} is not parked (status _Grunnable) / injectglist: {g} listed twice / {op}: {g} is on a list or queue (schedlink is set) / {op}: the caller holds sched.lock, which the scheduler needs; release it first / {op}: the caller holds sched.gFree.lock, which the scheduler needs; release it first / scheduler not started: call start() first",
                false, NOT_125, w -> {
                    boolean ready = w.v % 2 == 0;
                    int sel = (w.v / 2) % 6;
                    G g = w.waiting(); // parked as park_m leaves a G; refused before anything looks at whose it is
                    if (sel == 5) {
                        w.proc = null;
                        Sched s = new Sched();
                        w.sched = s;
                        return ise("scheduler not started: call start() first",
                                ready ? () -> s.ready(g) : () -> s.injectglist(List.of(g)));
                    }
                    Sched s = w.startSched(1);
                    String op = ready ? "ready" : "injectglist";
                    Body call = ready ? () -> s.ready(g) : () -> s.injectglist(List.of(g));
                    return switch (sel) {
                        case 0 -> ready ? npe("ready: nil g", () -> s.ready(null))
                                : npe("injectglist: nil list", () -> s.injectglist(null));
                        case 1 -> {
                            G r = w.runnable();
                            yield (ready ? ise("bad g->status in ready: " + r + " is _Grunnable", () -> s.ready(r))
                                    : ise("injectglist: " + r + " is not parked (status _Grunnable)",
                                            () -> s.injectglist(List.of(g, r)))).with(r, g);
                        }
                        case 2 -> ready ? iae("injectglist: " + g + " listed twice", () -> s.injectglist(List.of(g, g))).with(g)
                                : npe("injectglist: nil g", () -> s.injectglist(java.util.Arrays.asList(g, null))).with(g);
                        case 3 -> {
                            GQueue mine = queueOf(g, w.runnable()); // the caller's own queue still links g
                            yield ise(op + ": " + g + " is on a list or queue (schedlink is set)", call).with(mine);
                        }
                        default -> {
                            io.procspec.runtime.Mutex m = (w.v / 12) % 2 == 0 ? w.proc.sched.lock : w.proc.sched.gFree.lock;
                            w.hold(m);
                            yield ise(op + ": the caller holds " + m.name() + ", which the scheduler needs; release it first",
                                    call).with(g);
                        }
                    };
                }),
        SCHED_LIFECYCLE("Sched.start, Sched.awaitQuiescence, Sched.shutdown",
                "start twice, after shutdown or with nprocs <= 0; awaitQuiescence before start; awaitQuiescence or shutdown while holding sched.lock or sched.gFree.lock",
                "IllegalArgumentException, IllegalStateException",
                "scheduler already started / scheduler was shut down; it cannot be restarted / nprocs must be > 0, got {n} / scheduler not started: call start() first / shutdown: the caller holds sched.lock, which the scheduler needs; release it first / awaitQuiescence: the caller holds sched.gFree.lock, which the scheduler needs; release it first",
                false, NOT_125, w -> {
                    int sel = (w.v % 6);
                    w.proc = null;
                    if (sel == 3) {
                        Sched s = new Sched();
                        w.sched = s;
                        return ise("scheduler not started: call start() first", () -> s.awaitQuiescence());
                    }
                    if (sel == 2) {
                        Sched s = new Sched();
                        w.sched = s;
                        return iae("nprocs must be > 0, got 0", () -> s.start(0));
                    }
                    Sched s = w.startSched(1);
                    return switch (sel) {
                        case 0 -> ise("scheduler already started", () -> s.start(1));
                        case 1 -> {
                            s.shutdown();
                            yield ise("scheduler was shut down; it cannot be restarted", () -> s.start(1));
                        }
                        case 4 -> {
                            w.hold(w.proc.sched.lock);
                            yield ise("shutdown: the caller holds sched.lock, which the scheduler needs; release it first", s::shutdown);
                        }
                        default -> {
                            w.hold(w.proc.sched.gFree.lock);
                            yield ise("awaitQuiescence: the caller holds sched.gFree.lock, which the scheduler needs; release it first",
                                    () -> s.awaitQuiescence(1, TimeUnit.SECONDS));
                        }
                    };
                });

        final String operation;
        final String misuse;
        final String exception;
        final String message;
        final boolean needsChecked;
        final Set<GoVersion> versions;
        final Function<W, Call> arrange;

        Kind(String operation, String misuse, String exception, String message, Function<W, Call> arrange) {
            this(operation, misuse, exception, message, false, ALL, arrange);
        }

        Kind(String operation, String misuse, String exception, String message, boolean needsChecked,
             Set<GoVersion> versions, Function<W, Call> arrange) {
            this.operation = operation;
            this.misuse = misuse;
            this.exception = exception;
            this.message = message;
            this.needsChecked = needsChecked;
            this.versions = versions;
            this.arrange = arrange;
        }

        Call arrange(W w) {
            return arrange.apply(w);
        }

        /** The README table row: operation | misuse | exception | message. */
        String row() {
            return "| " + operation + " | " + misuse + " | " + exception + " | " + message + " |";
        }
    }

    static GQueue queueOf(G... gs) {
        GQueue q = new GQueue();
        for (G g : gs) {
            q.pushBack(g);
        }
        return q;
    }

    /** A G inside the global queue (its schedlink set). */
    static G linkedGlobalG(W w) {
        w.globalAtLeast(2);
        return w.proc.sched.runqSnapshot().get(0);
    }

    /** A ring too full for the batch globrunqget would put on it: full, or one slot short of the batch. */
    static Call noRoom(W w, String prefix, boolean direct) {
        P pp = w.p0();
        int g = Math.max(2, w.st.nprocs) + w.v % 6;
        w.globalAtLeast(g);
        int size = w.proc.sched.runqsize();
        int n = Math.min(Math.min(size / w.st.nprocs + 1, size), w.st.ring / 2);
        int k = n - 1; // Gs that go on the ring
        int room = w.v % k; // 0 .. k-1: too little
        w.fillTo(pp, w.st.ring - room);
        String msg = prefix + "no room on " + pp + "'s ring for the batch: " + k + (k == 1 ? " G" : " Gs") + " to put, "
                + room + " free " + (room == 1 ? "slot" : "slots");
        if (direct) {
            w.hold(w.proc.sched.lock);
            return ise(msg, () -> w.proc.globrunqget(pp, 0));
        }
        return ise(msg, () -> w.proc.globrunqgetLocked(pp, 0));
    }

    /** Another thread takes m and keeps it until the case's cleanup. */
    static void holdInAnotherThread(W w, io.procspec.runtime.Mutex m) {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            m.lock();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                m.unlock();
            }
        }, "misuse-lock-holder");
        t.setDaemon(true);
        t.start();
        try {
            if (!locked.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("lock holder did not start");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        w.cleanups.add(() -> {
            release.countDown();
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** An owner-only operation on a scheduler's P from the test thread, in one of three phases. */
    static Call notCallersP(W w) {
        int phase = w.v % 3;
        int opSel = (w.v / 3) % 14;
        Sched s = w.startSched(1);
        P pp = s.proc().allp[0];
        String why;
        if (phase == 1) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            s.go(() -> {
                running.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                if (!running.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the G did not start");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            w.cleanups.add(() -> {
                release.countDown();
                try {
                    s.awaitQuiescence(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            why = "it is held by thread procspec-m0";
        } else if (phase == 2) {
            s.shutdown();
            why = "its scheduler was shut down";
        } else {
            why = "it is idle in a scheduler";
        }
        Proc proc = s.proc();
        G g = w.runnable();
        G dead = w.dead(Arch.StackMin);
        G waiting = w.waiting();
        P other = proc.newP(5);
        String[] names = {"newproc", "newproc1", "runqput", "runqputbatch", "runqget", "runqdrain", "runqsteal",
                "runqgrab", "gfput", "gfget", "gfpurge", "globrunqget", "globrunqgetLocked", "ready"};
        Body[] calls = {() -> proc.newproc(pp, FN, null), () -> proc.newproc1(pp, FN, null, 0),
                () -> proc.runqput(pp, g, false), () -> proc.runqputbatch(pp, queueOf(g), 1), () -> proc.runqget(pp),
                () -> proc.runqdrain(pp), () -> proc.runqsteal(pp, other, true),
                () -> proc.runqgrab(other, pp, pp.runqtail(), true), () -> proc.gfput(pp, dead),
                () -> proc.gfget(pp), () -> proc.gfpurge(pp), () -> {
                    proc.sched.lock.lock();
                    try {
                        proc.globrunqget(pp, 0);
                    } finally {
                        proc.sched.lock.unlock();
                    }
                }, () -> proc.globrunqgetLocked(pp, 0), () -> proc.goready(pp, waiting)};
        return ise(names[opSel] + ": " + pp + " is not the caller's P (" + why + ")", calls[opSel]).with(g, dead, waiting)
                .with(other);
    }

    // ---- the README lists every kind ------------------------------------------------------------

    /** The README's misuse table has exactly one row per kind, as {@link Kind#row()} writes it. */
    @Example
    void readmeTableListsEveryKind() throws IOException {
        Path readme = findReadme();
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        Set<String> rows = new LinkedHashSet<>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("| operation | misuse | exception | message |")) {
                in = true;
                continue;
            }
            if (in) {
                if (!l.startsWith("|")) {
                    break;
                }
                if (!l.startsWith("| ---")) {
                    rows.add(l.trim());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        List<String> have = rows.stream().map(MisuseProperties::unmark).toList();
        for (Kind k : Kind.values()) {
            expected.add(unmark(k.row()));
            if (!have.contains(unmark(k.row()))) {
                missing.add(k.row());
            }
        }
        List<String> extra = rows.stream().filter(r -> !expected.contains(unmark(r))).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new AssertionError(readme + ": the misuse table must list every MisuseProperties.Kind, one row each."
                    + "\nmissing rows:\n  " + String.join("\n  ", missing) + "\nrows without a kind:\n  " + String.join("\n  ", extra));
        }
    }

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** A row without its Markdown code marks, so that the table may put messages in backticks. */
    static String unmark(String row) {
        Matcher m = CODE.matcher(row);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1))).replaceAll("\\s+", " ").trim();
    }

    static Path findReadme() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("README.md")) && Files.exists(d.resolve("impl"))) {
                return d.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md above " + dir);
    }
}
