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
 *   <tr><td>findRunnable, after dropping the spinning count</td><td colspan="2">re-checks the P
 *       runqueues only ({@code checkRunqsNoP})</td>
 *       <td>first re-checks the global queue under sched.lock and takes a batch with an idle P
 *       (Go 1.22+), then the P runqueues</td></tr>
 *   <tr><td>injectglist</td><td colspan="2">no wakep at the end</td>
 *       <td>puts what runqputbatch left on the global queue itself; ends with wakep (Go 1.23+)</td></tr>
 * </table>
 *
 * <p>Not modelled in any version: Go 1.22+'s {@code wakep} in goschedImpl, and Go 1.23+'s
 * runqput avoiding runnext where there is no sysmon (the spec models that rule with
 * {@code Sysmon = FALSE}; Go has sysmon on every platform but wasm).
 */
public enum GoVersion {
    GO1_14,
    GO1_21,
    GO1_25
}
