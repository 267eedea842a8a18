package io.procspec.properties;

import io.procspec.runtime.Labels;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/** The label sets coverage checks use. */
final class LabelSets {
    private LabelSets() {}

    /**
     * Labels of the scheduler (Sched: findRunnable, wakep's second half, startm/stopm). They are
     * excluded explicitly: queue and free-list scenarios cannot reach them, they belong to the
     * scheduler's own tests. A label added to {@link Labels} that is neither reached by the queue
     * properties nor listed here makes the coverage checks fail, on purpose: decide where it belongs.
     */
    static final Set<String> SCHEDULER = Set.of(
            Labels.WAKEP_LOCK, Labels.STARTM, Labels.STOPM, Labels.BECOMESPINNING,
            Labels.FINDRUNNABLE_LOCKIDLE, Labels.FINDRUNNABLE_UNLOCKIDLE, Labels.FINDRUNNABLE_DROPSPINNING,
            Labels.CHECKRUNQSNOP_LOCK);

    /** Every label constant of {@link Labels}. */
    static Set<String> all() {
        Set<String> out = new TreeSet<>();
        for (Field f : Labels.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    /** The queue and free-list labels: all minus {@link #SCHEDULER}. */
    static Set<String> queue() {
        Set<String> out = all();
        out.removeAll(SCHEDULER);
        return out;
    }
}
