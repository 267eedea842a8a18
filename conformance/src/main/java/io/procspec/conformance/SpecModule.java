package io.procspec.conformance;

import io.procspec.control.Controller;
import io.procspec.runtime.SchedPoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the harness knows about one spec module (RunQueue, GFree): its step labels, the abstraction
 * function from the Java state to the module's variables, and the driver that makes the Java
 * port take the same operations as the spec's processes.
 *
 * <p><b>Every spec variable is accounted for.</b> {@link #compared()} are computed from the Java
 * state and compared after every step; {@link #notCompared()} says for each other variable why
 * (a Java local, an operation's input that the driver reads from the spec, a ghost, a budget of the
 * spec's driver). A state graph or trace with a variable in neither list is refused
 * ({@link #checkVariables}), so a variable the spec gains is either mapped or listed, never
 * silently ignored.
 */
public interface SpecModule {

    /** The TLA+ module ({@code spec/tla/<name>.tla}). */
    String name();

    /** The module's PlusCal labels: the Java scheduling points that are steps of this module. */
    Set<String> labels();

    /** The variables computed from the Java state and compared after every step, in report order. */
    List<String> compared();

    /** Every other variable of the module, with why it is not compared. */
    Map<String, String> notCompared();

    /**
     * Actions of the state graph that are not a process's step, with what the Java side does for
     * them (an environment change, or nothing for a stutter). Actions in neither this map nor
     * {@link #labels()} are not replayable.
     */
    Map<String, String> environmentActions();

    /**
     * Actions of the state graph that are not named by a label but are a process's own step, each
     * with the label the process is parked at on the Java side when it takes it (Proc's
     * {@code Wakeup(m)}: M m, parked in stopm's mPark, returns from it). The acting process is
     * found as for a label.
     */
    default Map<String, String> processActions() {
        return Map.of();
    }

    /**
     * The view TLC should fingerprint when it dumps the graph of a model with these constants
     * (a TLA+ expression over the module's variables), or null for none. The model's own VIEW is
     * always dropped (it forgets what the replay compares); a module whose graph is infinite
     * without a view (a history variable that only counts) gives one that forgets only what the
     * replay neither compares nor needs.
     */
    default String replayView(Map<String, String> constants) {
        return null;
    }

    /** The per-process variables (functions of the process), used to tell which process acted. */
    List<String> perProcess();

    /**
     * A fresh Java world for one run of a model: a Proc configured as the model's constants say,
     * in the model's initial state, with bug {@code bug} injected ("real" for none). Its
     * scheduling points go to {@code point} (a label filter in front of a Controller).
     */
    World newWorld(Map<String, String> constants, String bug, SchedPoint point);

    /** Throws when a variable is in neither {@link #compared()} nor {@link #notCompared()}. */
    default void checkVariables(java.util.Collection<String> vars) {
        for (String v : vars) {
            if (!compared().contains(v) && !notCompared().containsKey(v)) {
                throw new IllegalStateException(name() + ": spec variable '" + v + "' is unknown to the "
                        + "abstraction function; map it (SpecModule.compared) or list it with a reason "
                        + "(SpecModule.notCompared)");
            }
        }
        for (String v : compared()) {
            if (!vars.contains(v)) {
                throw new IllegalStateException(name() + ": the abstraction maps '" + v
                        + "', which the spec no longer has");
            }
        }
    }

    /** One run's Java side. */
    interface World {
        /** The number of processes (logical threads 0..n-1 are processes 1..n). */
        int processes();

        /** The body of logical thread {@code p} (0-based): the driver loop of process p+1. */
        Runnable body(int p);

        /**
         * Before thread p takes a step towards spec state {@code after}: what p starts if the
         * step ends its current operation (the spec's driver chose it in the same step).
         */
        void beforeStep(int p, String javaLabel, Map<String, String> after);

        /** An environment action of the spec (no process), done while every thread is parked. */
        void environment(String action, Map<String, String> before, Map<String, String> after);

        /** The compared variables, canonical ({@link Tla}), from the Java state now. */
        Map<String, String> abstraction(Controller ctl);

        /**
         * The Java state's violations of the spec property {@code property} (same name as in the
         * spec), now; empty when it holds. Throws UnsupportedOperationException for a property
         * the Java state cannot show (a ghost-based one).
         */
        default List<String> violations(String property, Controller ctl) {
            throw new UnsupportedOperationException("the Java side cannot check " + property);
        }

        /** From now on every thread ends when its current operation returns (to finish operations in flight). */
        void finishOperations();
    }
}
