package io.procspec.testkit;

import io.procspec.runtime.G;
import io.procspec.runtime.GQueue;
import io.procspec.runtime.P;
import io.procspec.runtime.Proc;
import io.procspec.runtime.ProcStats;
import io.procspec.runtime.Snapshot;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a misused operation could change, so that a test can assert that a refused call
 * changed nothing: {@code assertThat(after).isEqualTo(before)}, with {@link #diff} for the message.
 *
 * <p>The queue state is impl's public {@link Snapshot} ({@link Proc#snapshot(List, Collection)}):
 * every P given (allp and any stand-alone ones) with its status, counters, ring (the raw slots too,
 * so a stray write beyond the tail shows), runnext, free list, goid cache and schedtick;
 * {@code sched}'s global queue, free lists, counts, goidgen, npidle, nmspinning and lock holders;
 * the stack allocator's counters; and a copy of every G's fields (status, goid, stack,
 * stackguard0, parent, schedlink) for each G in those structures, in {@code allgs}, on the extra
 * queues, or given. Beyond the snapshot: {@code allgs}, {@code mainStarted},
 * {@link Proc#stats()} and the Gs on the caller's own queues (head first), which operations such as
 * runqputbatch and globrunqgetbatch take or fill.
 *
 * <p>Exact only while no other thread changes the Proc (see {@link Snapshot}); used by impl's
 * {@code MisuseTest} and properties' {@code MisuseProperties}. Uses only impl's public API.
 *
 * @param state       the Snapshot of the Ps and the global structures
 * @param allgs       {@link Proc#allgs()}
 * @param mainStarted {@link Proc#mainStarted()}
 * @param stats       {@link Proc#stats()}
 * @param queues      the Gs of each extra queue, head first (a cycle is cut as in {@link GQueue#toList()})
 * @param queueHeads  the head of each extra queue ({@link GQueue#peek()})
 */
public record MisuseSnapshot(Snapshot state, List<G> allgs, boolean mainStarted, ProcStats stats,
                             List<List<G>> queues, List<G> queueHeads) {

    /**
     * The snapshot of {@code proc}: its allp plus {@code extraPs}, the global structures, and the
     * Gs in {@code extraGs} and on {@code extraQueues} (whose fields are copied like the queued Gs').
     */
    public static MisuseSnapshot of(Proc proc, Collection<P> extraPs, Collection<G> extraGs,
                                    Collection<GQueue> extraQueues) {
        List<P> ps = new ArrayList<>(List.of(proc.allp));
        for (P pp : extraPs) {
            if (ps.stream().noneMatch(q -> q == pp)) {
                ps.add(pp);
            }
        }
        List<G> allgs = proc.allgs();
        List<List<G>> queues = new ArrayList<>();
        List<G> heads = new ArrayList<>();
        Set<G> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(allgs);
        for (GQueue q : extraQueues) {
            List<G> l = q.toList();
            queues.add(Collections.unmodifiableList(l));
            heads.add(q.peek());
            held.addAll(l);
        }
        for (G g : extraGs) {
            if (g != null) {
                held.add(g);
            }
        }
        Snapshot s = proc.snapshot(ps, new ArrayList<>(held));
        return new MisuseSnapshot(s, Collections.unmodifiableList(allgs), proc.mainStarted(), proc.stats(),
                Collections.unmodifiableList(queues), Collections.unmodifiableList(heads));
    }

    /** The snapshot of {@code proc}, the stand-alone Ps {@code extraPs} and the Gs {@code extraGs}. */
    public static MisuseSnapshot of(Proc proc, List<P> extraPs, G... extraGs) {
        return of(proc, extraPs, List.of(extraGs), List.of());
    }

    /** The parts that differ from {@code other}, one line each, for a readable failure message. */
    public String diff(MisuseSnapshot other) {
        StringBuilder b = new StringBuilder();
        diffRecord("", this, other, b);
        return b.toString();
    }

    private static void diffRecord(String path, Record a, Record o, StringBuilder b) {
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            Object x = get(c, a);
            Object y = get(c, o);
            String name = path + c.getName();
            if (Objects.equals(x, y)) {
                continue;
            }
            if (x instanceof Record rx && y instanceof Record ry && rx.getClass() == ry.getClass()) {
                diffRecord(name + ".", rx, ry, b);
            } else if (x instanceof List<?> lx && y instanceof List<?> ly && lx.size() == ly.size()
                    && !lx.isEmpty() && lx.get(0) instanceof Record) {
                for (int i = 0; i < lx.size(); i++) {
                    if (!Objects.equals(lx.get(i), ly.get(i))) {
                        diffRecord(name + "[" + i + "].", (Record) lx.get(i), (Record) ly.get(i), b);
                    }
                }
            } else if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
                Set<Object> keys = new LinkedHashSet<>(mx.keySet());
                keys.addAll(my.keySet());
                for (Object k : keys) {
                    if (!Objects.equals(mx.get(k), my.get(k))) {
                        b.append(name).append('[').append(k).append("]: ").append(mx.get(k)).append(" -> ")
                                .append(my.get(k)).append('\n');
                    }
                }
            } else {
                b.append(name).append(": ").append(x).append(" -> ").append(y).append('\n');
            }
        }
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
