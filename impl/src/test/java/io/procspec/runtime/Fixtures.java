package io.procspec.runtime;

import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the impl tests (and, through the test-jar, by other modules' tests). */
public final class Fixtures {
    private Fixtures() {}

    /** Gs as Go's tests make them ({@code make([]g, n)}): runnable, with goids 1..n. */
    public static G[] runnableGs(int n) {
        G[] gs = new G[n];
        for (int i = 0; i < n; i++) {
            gs[i] = runnable(i + 1);
        }
        return gs;
    }

    /** One runnable G with the given goid. */
    public static G runnable(long goid) {
        G g = new G();
        g.goid = goid;
        if (!g.casStatus(G._Gidle, G._Grunnable)) {
            throw new AssertionError("fresh G not idle");
        }
        return g;
    }

    /** Sets gp's status whatever it is (test setup only). */
    public static void forceStatus(G gp, int s) {
        int cur = gp.readgstatus();
        if (cur != s && !gp.casStatus(cur, s)) {
            throw new AssertionError("status changed under test setup");
        }
    }

    /** Takes everything runqget returns, runnext first. */
    public static List<G> drainByGet(Proc proc, P pp) {
        List<G> out = new ArrayList<>();
        for (Proc.Runqget r; (r = proc.runqget(pp)) != null; ) {
            out.add(r.gp());
        }
        return out;
    }

    /** A hook recording every label, optionally running an action (once) at one label. */
    public static final class Recorder implements SchedPoint {
        public final List<String> labels = new ArrayList<>();
        private String trigger;
        private Runnable action;
        private boolean inAction;

        /** Runs action the first time label is reached (nested points are recorded, not re-triggered). */
        public Recorder once(String label, Runnable action) {
            this.trigger = label;
            this.action = action;
            return this;
        }

        @Override
        public void at(String label) {
            labels.add(label);
            if (!inAction && action != null && label.equals(trigger)) {
                Runnable a = action;
                action = null;
                inAction = true;
                try {
                    a.run();
                } finally {
                    inAction = false;
                }
            }
        }

        public long count(String label) {
            return labels.stream().filter(label::equals).count();
        }
    }
}
