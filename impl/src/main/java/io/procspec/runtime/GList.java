package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Go's {@code gList}: an intrusive LIFO stack of Gs linked through {@link G#schedlink}. Not
 * thread-safe: the owner of the enclosing P, or the holder of the protecting lock, uses it.
 */
public class GList {
    private static final VarHandle HEAD = VarHandles.field(MethodHandles.lookup(), "head", G.class);

    G head;

    /** empty. */
    public final boolean empty() {
        return head == null;
    }

    /**
     * The head, read without the protecting lock, as gfget's pre-check does in Go
     * ({@code !sched.gFree.stack.empty()}): an opaque load, a racy hint (the JIT re-reads it on
     * every retry; the decision is re-made under the lock). Pairs with {@link #storeOpaqueHead}.
     */
    final G loadOpaqueHead() {
        return (G) HEAD.getOpaque(this);
    }

    /**
     * Every write of head (by the holder of the list: its P's owner or the lock holder) is opaque
     * so that {@link #loadOpaqueHead}'s unlocked read is never torn or hoisted out of a loop; no
     * ordering is needed, the lock orders the list's contents.
     */
    private void storeOpaqueHead(G g) {
        HEAD.setOpaque(this, g);
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
        storeOpaqueHead(gp);
    }

    /** pushAll: prepends every G of q (q's order kept). */
    public final void pushAll(GQueue q) {
        if (!q.empty()) {
            q.tail.schedlink = head;
            storeOpaqueHead(q.head);
        }
    }

    /** pop: removes and returns the head, or null. */
    public final G pop() {
        G gp = head;
        if (gp != null) {
            storeOpaqueHead(gp.schedlink);
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

    /** The Gs from head to end (O(n); for tests and snapshots); a cycle is cut as in {@link GQueue#toList()}. */
    public final java.util.List<G> toList() {
        return GQueue.walk(head);
    }
}
