package io.procspec.oracle;

import io.procspec.runtime.GoVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the port's modelled Go versions ({@link GoVersion}) stands for a real Go release, and
 * what differs between the two on the path the oracle exercises.
 *
 * <p>Found by reading {@code src/runtime/proc.go} of each release side by side (runqput,
 * runqputslow, runqget, globrunqget, newproc, findRunnable, schedule, execute, goexit0, gfput,
 * Gosched, goschedImpl, park_m, ready, goready, wakep), and for the wait/ready patterns
 * {@code src/runtime/chan.go} (chansend, send, chanrecv, chanparkcommit):
 * <ul>
 *   <li>Go 1.19, 1.21, 1.22 and 1.23 (the Debian toolchains; read from their installed sources)
 *       run the same code as the port's {@link GoVersion#GO1_21} on the one-P path: runnext and
 *       the 256-slot ring, {@code runqputslow} moving 128 + 1 Gs, the {@code schedtick%61} check
 *       taking one G, {@code globrunqget}'s batch of {@code min(runqsize/gomaxprocs+1, runqsize,
 *       128)}; {@code Gosched} → {@code goschedImpl}: the G to the tail of the global queue;
 *       a channel send to a parked receiver → {@code send} → {@code goready} →
 *       {@code ready(gp, next=true)}; a receive with nothing buffered → {@code gopark} with
 *       {@code chanparkcommit}. What differs lies off that path and is listed per release (the
 *       changes to ready, park_m and the channel functions in these releases are tracing only,
 *       and 1.23's timer-channel hooks, which a {@code make(chan)} channel never takes).</li>
 *   <li>Go 1.25 replaced {@code globrunqget(pp, max)} by {@code globrunqget()} (one G, for the
 *       %61 check) and {@code globrunqgetbatch(n)} + {@code runqputbatch} after unlocking
 *       ({@link GoVersion#GO1_25}; read from a later development version of proc.go, not from the
 *       1.25 release). {@code Sched} follows Go 1.21's findRunnable and refuses GO1_25, so the
 *       Java side runs GO1_21 for it: on one P both take {@code min(runqsize, 128)} Gs into the
 *       empty ring, in queue order.</li>
 *   <li>Releases before 1.19 map to {@link GoVersion#GO1_14} (nearest by number for 1.14-1.16,
 *       by the {@code newproc(fn)} form for 1.17-1.18) without having been read here; the GO1_14
 *       forms (runqget's retry loop on runnext, gfput's spill under the lock,
 *       {@code newproc(siz, fn)}) do not change the order on one P.</li>
 * </ul>
 *
 * @param release     the real release family, e.g. {@code go1.22}
 * @param modelled    the port's version that stands for it (nearest modelled)
 * @param runAs       the version the Java side runs: {@code modelled}, except GO1_25 (runs GO1_21)
 * @param verified    whether this release's proc.go was read for this mapping
 * @param differences what differs from the modelled version, on or off the oracle's path (empty
 *                    for none)
 */
public record VersionModel(String release, GoVersion modelled, GoVersion runAs, boolean verified,
                           List<String> differences) {

    /** The model of a toolchain's release. */
    public static VersionModel of(GoToolchain t) {
        return of(t.major(), t.minor());
    }

    /** The model of Go {@code major.minor}. */
    public static VersionModel of(int major, int minor) {
        String rel = "go" + major + "." + minor;
        List<String> d = new ArrayList<>();
        if (major != 1) {
            d.add("a Go major version other than 1 has not been read; the Java side runs GO1_21");
            return new VersionModel(rel, GoVersion.GO1_21, GoVersion.GO1_21, false, List.copyOf(d));
        }
        if (minor < 19) {
            d.add("not read for this oracle: mapped to GO1_14 (nearest by number; 1.17 and 1.18 already have "
                    + "newproc(fn)); runqget's retry loop, gfput's spill under the lock and newproc(siz, fn) "
                    + "do not change the order on one P");
            return new VersionModel(rel, GoVersion.GO1_14, GoVersion.GO1_14, false, List.copyOf(d));
        }
        if (minor >= 25) {
            d.add("global queue: globrunqget() for the %61 check and globrunqgetbatch(n) + runqputbatch after "
                    + "unlock (GO1_25); Sched refuses GO1_25, so the Java side runs GO1_21: on one P both move "
                    + "min(runqsize, 128) Gs into the empty ring in queue order");
            d.add("not read at the " + rel + " release tag (the GO1_25 forms come from a later development "
                    + "version of proc.go); later changes on the one-P path would show as mismatches");
            return new VersionModel(rel, GoVersion.GO1_25, GoVersion.GO1_21, false, List.copyOf(d));
        }
        boolean verified = minor == 19 || minor == 21 || minor == 22 || minor == 23;
        if (!verified) {
            d.add("not read for this oracle (read: 1.19, 1.21, 1.22, 1.23); taken as GO1_21, nearest modelled");
        }
        if (minor < 21) {
            d.add("findRunnable has no sched.needspinning (added in 1.21; several Ps only, and Sched does not "
                    + "model it)");
        }
        if (minor >= 22) {
            d.add("goschedImpl calls wakep after putting the G on the global queue (1.22+; Sched follows 1.21, "
                    + "without it): with one P there is no idle P, so wakep finds none (pidlegetSpinning only sets "
                    + "sched.needspinning, read when a P is about to go idle) and the order is the same; the yield "
                    + "patterns check it");
            d.add("findRunnable re-checks the global queue after dropping spinning, before parking (1.22+; "
                    + "several Ps only; Sched's checkRunqsNoP re-reads the global queue's size instead)");
            d.add("goexit0 is split into gdestroy + schedule (1.22+; the same steps)");
        }
        if (minor >= 23) {
            d.add("runqput skips runnext when there is no sysmon (1.23+; wasm only, Linux has sysmon)");
            d.add("newproc1 takes a parked flag (1.23+, for iter.Pull's coroutines; a go statement passes false)");
            d.add("chanrecv has hooks for timer channels (1.23+: c.timer != nil only for time.Timer channels, "
                    + "not the pattern's)");
        }
        return new VersionModel(rel, GoVersion.GO1_21, GoVersion.GO1_21, verified, List.copyOf(d));
    }

    /** One line for reports: {@code go1.22 ~ GO1_21 (3 differences off the one-P path)}. */
    public String summary() {
        String s = release + " ~ " + modelled + (runAs != modelled ? " (Java side runs " + runAs + ")" : "");
        return s + (verified ? "" : ", unverified");
    }
}
