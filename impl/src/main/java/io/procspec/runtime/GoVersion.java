package io.procspec.runtime;

/**
 * Which Go release's code a {@link Proc} follows where the releases differ. Go 1.21 is the main
 * reference; the differences modelled are:
 *
 * <table>
 *   <caption>version differences</caption>
 *   <tr><th>function</th><th>Go 1.14</th><th>Go 1.21</th><th>Go 1.25</th></tr>
 *   <tr><td>runqget</td><td>loops on runnext until it is 0 or its CAS succeeds</td>
 *       <td>one CAS, no retry (a failed CAS means a thief took it)</td><td>as 1.21</td></tr>
 *   <tr><td>gfput spill</td><td>holds sched.gFree.lock while popping each G</td>
 *       <td>pops into local queues first, then one short lock section</td><td>as 1.21</td></tr>
 *   <tr><td>newproc</td><td>{@code newproc(siz, fn)}: siz bytes of arguments copied to the new stack</td>
 *       <td>{@code newproc(fn)}: a closure, no argument copy</td><td>as 1.21</td></tr>
 *   <tr><td>global queue get</td><td colspan="2">{@code globrunqget(pp, max)} puts the batch
 *       on the local ring with runqput while holding sched.lock</td>
 *       <td>{@code globrunqgetbatch(n)} under the lock, then {@code runqputbatch} after unlock;
 *       runqputbatch no longer spills to the global queue</td></tr>
 * </table>
 */
public enum GoVersion {
    GO1_14,
    GO1_21,
    GO1_25
}
