package io.procspec.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chooses which logical thread runs the next step of a {@link Controller} run.
 *
 * <p>At every step the controller offers the runnable threads as a list of <em>options</em>,
 * ordered so that option 0 is "keep running the thread that ran the previous step" whenever that
 * thread is still runnable; the other threads follow in thread-id order. A schedule that always
 * answers 0 therefore never preempts: each thread runs until it finishes or blocks on a held
 * mutex. Every non-zero answer at a step where the previous thread is runnable is a
 * <em>preemption</em>. Because of this encoding a schedule shrinks well: jqwik shrinks choices
 * towards 0 and lists towards shorter, i.e. towards fewer preemptions.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * An answer that ends the run before every thread finished (a replay that has taken all the
     * steps it meant to); the threads still parked are released with {@link Controller.Aborted}.
     */
    int STOP = -1;

    /**
     * @param step    the index of the step being chosen (0-based)
     * @param options the runnable thread ids, option 0 first (see the class doc); never empty
     * @param last    the thread that ran the previous step, or -1 before the first step
     * @return an index into {@code options}, or {@link #STOP}
     */
    int choose(int step, List<Integer> options, int last);

    /**
     * Replays a run given as the logical thread of every step (as the conformance harness prints a
     * mismatch): at step {@code i} the thread {@code threads.get(i)}, which must be runnable; past
     * the end of the list, {@link #STOP}.
     */
    static Schedule byThread(List<Integer> threads) {
        List<Integer> copy = Collections.unmodifiableList(new ArrayList<>(threads));
        return new Schedule() {
            @Override
            public int choose(int step, List<Integer> options, int last) {
                if (step >= copy.size()) {
                    return STOP;
                }
                int idx = options.indexOf(copy.get(step));
                if (idx < 0) {
                    throw new IllegalStateException("step " + step + ": thread " + copy.get(step)
                            + " is not runnable (runnable: " + options + ")");
                }
                return idx;
            }

            @Override
            public String toString() {
                return "Schedule.byThread(" + copy + ")";
            }
        };
    }

    /** Never preempts (always option 0). */
    static Schedule nonPreemptive() {
        return (step, options, last) -> 0;
    }

    /**
     * Replays a list of choices: at step {@code i} the option {@code choices.get(i) % options.size()};
     * past the end of the list, option 0. This is the form jqwik generates and shrinks, and the
     * form printed with a failure so the run can be replayed.
     */
    static Schedule of(List<Integer> choices) {
        List<Integer> copy = Collections.unmodifiableList(new ArrayList<>(choices));
        return new Schedule() {
            @Override
            public int choose(int step, List<Integer> options, int last) {
                if (step >= copy.size()) {
                    return 0;
                }
                return Math.floorMod(copy.get(step), options.size());
            }

            @Override
            public String toString() {
                return "Schedule.of(" + copy + ")";
            }
        };
    }
}
