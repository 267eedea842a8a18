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

    /** push: adds gp to the head. */
    public void push(G gp) {
        gp.schedlink = head;
        head = gp;
        if (tail == null) {
            tail = gp;
        }
    }

    /** pushBack: adds gp to the tail. */
    public void pushBack(G gp) {
        gp.schedlink = null;
        if (tail != null) {
            tail.schedlink = gp;
        } else {
            head = gp;
        }
        tail = gp;
    }

    /** pushBackAll: appends every G of q2 (q2 is left as it was; callers drop it, as Go's do). */
    public void pushBackAll(GQueue q2) {
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

    /** Walks the queue: its length (O(n); for tests and snapshots). */
    public int length() {
        int n = 0;
        for (G g = head; g != null; g = g.schedlink) {
            n++;
        }
        return n;
    }

    /** The Gs from head to tail (O(n); for tests and snapshots). */
    public java.util.List<G> toList() {
        java.util.List<G> out = new java.util.ArrayList<>();
        for (G g = head; g != null; g = g.schedlink) {
            out.add(g);
        }
        return out;
    }
}
