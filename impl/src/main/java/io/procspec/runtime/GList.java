package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Go's {@code gList}: an intrusive LIFO stack of Gs linked through {@link G#schedlink}. Not
 * thread-safe: the owner of the enclosing P, or the holder of the protecting lock, uses it.
 */
public class GList {
    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(GList.class, "head", G.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    G head;

    /** empty. */
    public final boolean empty() {
        return head == null;
    }

    /**
     * empty, read without the protecting lock, as gfget's pre-check does in Go. A racy hint:
     * opaque so the JIT re-reads it on every retry; the decision is re-made under the lock.
     */
    final boolean emptyRacy() {
        return HEAD.getOpaque(this) == null;
    }

    /**
     * push: adds gp to the head.
     *
     * @throws NullPointerException  if gp is null
     * @throws IllegalStateException if gp is visibly on a list or queue already (its schedlink is
     *                               set, or it is this list's head); the list is unchanged
     */
    public final void push(G gp) {
        if (gp == null) {
            throw new NullPointerException("gList.push: nil g");
        }
        if (gp.schedlink != null || gp == head) {
            throw new IllegalStateException("gList.push: " + gp + " is already on a list or queue");
        }
        gp.schedlink = head;
        HEAD.setOpaque(this, gp); // opaque only so emptyRacy's unlocked read is not a torn/elided read
    }

    /** pushAll: prepends every G of q (q's order kept). */
    public final void pushAll(GQueue q) {
        if (!q.empty()) {
            q.tail.schedlink = head;
            HEAD.setOpaque(this, q.head);
        }
    }

    /** pop: removes and returns the head, or null. */
    public final G pop() {
        G gp = head;
        if (gp != null) {
            HEAD.setOpaque(this, gp.schedlink);
            gp.schedlink = null;
        }
        return gp;
    }

    /** Walks the list: its length (O(n); for tests and snapshots). */
    public final int length() {
        int n = 0;
        for (G g = head; g != null; g = g.schedlink) {
            n++;
        }
        return n;
    }

    /** The Gs from head to end (O(n); for tests and snapshots). */
    public final java.util.List<G> toList() {
        java.util.List<G> out = new java.util.ArrayList<>();
        for (G g = head; g != null; g = g.schedlink) {
            out.add(g);
        }
        return out;
    }
}
