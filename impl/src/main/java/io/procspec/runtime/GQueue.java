package io.procspec.runtime;

/**
 * Go's {@code gQueue}: an intrusive FIFO of Gs linked through {@link G#schedlink}, with head and
 * tail. Not thread-safe: the global run queue is guarded by {@code sched.lock}; batches being
 * built are local.
 */
public final class GQueue {
    G head;
    G tail;

    public GQueue() {}

    /** A queue over an already linked chain {@code head → … → tail}. */
    GQueue(G head, G tail) {
        this.head = head;
        this.tail = tail;
    }

    /** Makes this (empty, scratch) queue the chain {@code head → … → tail}; returns it. */
    GQueue set(G head, G tail) {
        this.head = head;
        this.tail = tail;
        return this;
    }

    /** empty. */
    public boolean empty() {
        return head == null;
    }

    /**
     * push: adds gp to the head.
     *
     * @throws NullPointerException  if gp is null
     * @throws IllegalStateException if gp is visibly on a list or queue already (its schedlink is
     *                               set, or it is this queue's tail); the queue is unchanged
     */
    public void push(G gp) {
        checkFree("gQueue.push", gp);
        gp.schedlink = head;
        head = gp;
        if (tail == null) {
            tail = gp;
        }
    }

    /**
     * pushBack: adds gp to the tail.
     *
     * @throws NullPointerException  if gp is null
     * @throws IllegalStateException if gp is visibly on a list or queue already (its schedlink is
     *                               set, or it is this queue's tail); the queue is unchanged
     */
    public void pushBack(G gp) {
        checkFree("gQueue.pushBack", gp);
        gp.schedlink = null;
        if (tail != null) {
            tail.schedlink = gp;
        } else {
            head = gp;
        }
        tail = gp;
    }

    /**
     * A G on a queue or list has its schedlink set, unless it is the last one; pushing such a G
     * would link it twice (losing Gs, or making a cycle). The last G of another queue is not seen.
     */
    void checkFree(String fn, G gp) {
        if (gp == null) {
            throw new NullPointerException(fn + ": nil g");
        }
        if (gp.schedlink != null || gp == tail) {
            throw new IllegalStateException(fn + ": " + gp + " is already on a list or queue");
        }
    }

    /**
     * pushBackAll: appends every G of q2 (q2 is left as it was; callers drop it, as Go's do).
     *
     * @throws IllegalArgumentException if q2 is this queue (that would make a cycle)
     */
    public void pushBackAll(GQueue q2) {
        if (q2 == this) {
            throw new IllegalArgumentException("gQueue.pushBackAll: cannot append a queue to itself");
        }
        if (q2.tail == null) {
            return;
        }
        q2.tail.schedlink = null;
        if (tail != null) {
            tail.schedlink = q2.head;
        } else {
            head = q2.head;
        }
        tail = q2.tail;
    }

    /** pop: removes and returns the head, or null. */
    public G pop() {
        G gp = head;
        if (gp != null) {
            head = gp.schedlink;
            if (head == null) {
                tail = null;
            }
            gp.schedlink = null;
        }
        return gp;
    }

    /** Empties the queue ({@code *batch = gQueue{}}). */
    void clear() {
        head = null;
        tail = null;
    }

    /** The head G, or null (for snapshots and tests). */
    public G peek() {
        return head;
    }

    /**
     * Walks at most {@code limit + 1} Gs: the length if it is at most {@code limit}, else
     * {@code limit + 1} (so that a count can be checked without trusting the links).
     */
    int lengthUpTo(int limit) {
        int n = 0;
        for (G g = head; g != null && n <= limit; g = g.schedlink) {
            n++;
        }
        return n;
    }

    /** Walks the queue: its length (O(n); for tests and snapshots). */
    public int length() {
        int n = 0;
        for (G g = head; g != null; g = g.schedlink) {
            n++;
        }
        return n;
    }

    /**
     * The Gs from head to tail (O(n); for tests and snapshots). A queue whose links were corrupted
     * into a cycle does not hang the walk: it stops at the first G it meets again, which it lists
     * a second time (so the cycle shows as a G in two places).
     */
    public java.util.List<G> toList() {
        return walk(head);
    }

    /** The Gs linked from {@code g} through schedlink, cut at the first repeat (listed twice). */
    static java.util.List<G> walk(G g) {
        java.util.List<G> out = new java.util.ArrayList<>();
        java.util.Set<G> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (; g != null; g = g.schedlink) {
            out.add(g);
            if (!seen.add(g)) {
                break;
            }
        }
        return out;
    }
}
