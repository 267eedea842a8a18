package io.procspec.runtime;

/**
 * A goroutine's body as a sequence of steps: code that runs on an M between two scheduling
 * decisions. The scheduler calls {@link #step} once when the G is first executed and again each
 * time it is resumed; each call runs the next piece of the G's code and says, by its {@link Next},
 * how the G gives its M back: it exits, yields ({@code runtime.Gosched()} or {@code goyield()}), or
 * parks ({@code gopark}) until another G or thread readies it ({@link Sched#ready}). Java has no
 * stacks to switch, so the G's progress lives in the body object (a field saying which step is
 * next, like a program counter), which the scheduler keeps in the G's saved context
 * ({@code gp.sched.ctxt}) while it waits.
 *
 * <pre>{@code
 * // three steps with a Gosched between each
 * s.go(new Steps() {
 *     int pc;
 *     public Next step(G gp) {
 *         work(pc);
 *         return ++pc < 3 ? Next.GOSCHED : Next.EXIT;
 *     }
 * });
 * }</pre>
 *
 * <p><b>Threads and memory.</b> Successive steps may run on different Ms (threads); everything a
 * step wrote is visible to the next one, through the same happens-before edges that hand the G
 * itself from one M to another (the run queues, {@code sched.lock}, the G's status CAS). A step must
 * not block its thread for long: it holds its P meanwhile. A step that throws is the G's panic
 * ({@link Sched.PanicHandler}); the G then exits. Returning null is a panic too.
 */
@FunctionalInterface
public interface Steps {
    /**
     * Runs the G's next step on the current M.
     *
     * @param gp the G being run (Go's {@code getg()}): hand it to {@link Sched#ready} to wake it
     *           after it parks
     * @return what the G does next; never null
     */
    Next step(G gp);
}
