package io.procspec.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Bounded exhaustive exploration of the interleavings of a small scenario, in the style of
 * tokio's loom ({@code LOOM_MAX_PREEMPTIONS}) and CHESS: every schedule with at most
 * {@code maxPreemptions} preemptions is run once, by depth-first search over the
 * {@link Schedule} options of each step, replaying a prefix and extending it with "no
 * preemption" (option 0).
 *
 * <p>A preemption is choosing another thread while the one that ran the previous step is still
 * runnable. Switching when that thread has finished or is blocked on a held mutex is free, but
 * each such choice is still a branch of the search. With no bound ({@code Integer.MAX_VALUE})
 * every interleaving is explored.
 *
 * <p>The caller supplies the execution: given a schedule, build a fresh system and
 * {@link Controller}, run it, check the outcome, and return the {@link Controller.Run} with its
 * failure (a failed check is reported as a run failure, e.g. by running the check inside the
 * last thread or by wrapping the run). The search stops at the first failing run, and must be
 * deterministic: a replayed prefix must offer the same options, or the search throws.
 */
public final class Explorer {

    /**
     * The outcome of an exploration.
     *
     * @param executions   runs performed (each a distinct interleaving)
     * @param complete     whether every interleaving within the bound was run (false if a run
     *                     failed or {@code maxExecutions} was reached)
     * @param failing      the first failing run, or null
     * @param maxSteps     the longest run, in steps
     */
    public record Result(long executions, boolean complete, Controller.Run failing, int maxSteps) {}

    private static final class Choice {
        int chosen;
        final int options;
        final boolean lastRunnable;

        Choice(int chosen, int options, boolean lastRunnable) {
            this.chosen = chosen;
            this.options = options;
            this.lastRunnable = lastRunnable;
        }

        boolean preempts() {
            return lastRunnable && chosen != 0;
        }
    }

    private Explorer() {}

    /**
     * Runs every interleaving of {@code execution} with at most {@code maxPreemptions} preemptions,
     * stopping at the first failing run or after {@code maxExecutions} runs.
     */
    public static Result explore(int maxPreemptions, long maxExecutions,
                                 Function<Schedule, Controller.Run> execution) {
        Objects.requireNonNull(execution, "execution");
        List<Choice> path = new ArrayList<>();
        long executions = 0;
        int maxSteps = 0;
        while (true) {
            if (executions >= maxExecutions) {
                return new Result(executions, false, null, maxSteps);
            }
            final int prefix = path.size();
            Schedule s = (step, options, last) -> {
                boolean lastRunnable = last >= 0 && options.get(0) == last;
                if (step < prefix) {
                    Choice c = path.get(step);
                    if (c.options != options.size() || c.lastRunnable != lastRunnable) {
                        throw new IllegalStateException("nondeterministic execution: step " + step + " offered "
                                + options.size() + " options, the replayed prefix " + c.options);
                    }
                    return c.chosen;
                }
                path.add(new Choice(0, options.size(), lastRunnable));
                return 0;
            };
            Controller.Run run = execution.apply(s);
            executions++;
            maxSteps = Math.max(maxSteps, run.steps().size());
            if (run.failure() != null) {
                return new Result(executions, false, run, maxSteps);
            }
            // backtrack: the deepest step with an untried option within the bound
            int used = 0;
            for (Choice c : path) {
                if (c.preempts()) {
                    used++;
                }
            }
            boolean advanced = false;
            while (!path.isEmpty()) {
                int i = path.size() - 1;
                Choice c = path.get(i);
                if (c.preempts()) {
                    used--;
                }
                // used = preemptions in path[0..i)
                int next = c.chosen + 1;
                boolean costs = c.lastRunnable; // any option > 0 preempts
                if (next < c.options && (!costs || used + 1 <= maxPreemptions)) {
                    c.chosen = next;
                    advanced = true;
                    break;
                }
                path.remove(i);
            }
            if (!advanced) {
                return new Result(executions, true, null, maxSteps);
            }
        }
    }
}
