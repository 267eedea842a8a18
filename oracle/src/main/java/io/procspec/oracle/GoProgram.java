package io.procspec.oracle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes patterns as one Go program (package main, standard library only) that runs one of them
 * per process and prints the order in which its goroutines ran.
 *
 * <p>The program holds each pattern as two tables ({@code first}, {@code ops}: goroutine
 * {@code id}'s body is {@code ops[first[id]:first[id+1]]}) and one function, {@code run(id)}, that
 * every goroutine runs: it records its id, then runs its body, recording its id again each time it
 * runs after a yield or a wait. The ops:
 * <ul>
 *   <li>{@code op >= 0}: {@code go run(op)} ({@code newproc}: the new G goes to runnext);</li>
 *   <li>{@code -1}: {@code runtime.Gosched()} ({@code goschedImpl}: to the global queue);</li>
 *   <li>{@code -2}: wait: {@code <-chans[id]}, a receive on the goroutine's own channel;</li>
 *   <li>{@code -3-t}: ready goroutine t: {@code chans[t] <- struct{}{}}.</li>
 * </ul>
 * <b>Why a channel.</b> A send on a channel with a receiver parked on it takes the receiver off the
 * channel's {@code recvq} and calls {@code send} → {@code goready(gp)} →
 * {@code ready(gp, traceskip, next=true)}: {@code casgstatus(_Gwaiting → _Grunnable)},
 * {@code runqput(pp, gp, true)} on the sender's P, {@code wakep()} — in chan.go and proc.go of every
 * Go release from 1.19 to 1.23 alike; the receive parked with {@code gopark(chanparkcommit, …)},
 * which releases the channel lock only after the G is {@code _Gwaiting}. Each channel is made
 * with a buffer of as many slots as the pattern has readies of its goroutine, so a send never
 * blocks: with no receiver parked it fills a slot, and the goroutine's next receive takes it without
 * parking. Neither step touches the run queues. (Mutexes, {@code sync.Cond} and {@code WaitGroup}
 * also wake through {@code goready}, but via {@code semrelease}'s treap of waiters, handoff and
 * spinning rules, which add paths the Java side does not model.) The channels are made before the
 * pattern starts, so the pattern allocates only goroutines and sudogs.
 *
 * <p>The root is {@code main} itself, as in Go's own programs. Recording is a store and an
 * increment with no call, so a leaf has no preemption point after its prologue; {@code main} then
 * blocks on a channel that the last goroutine to finish closes.
 *
 * <p>What the program does against nondeterminism (see {@link Oracle} for the whole policy):
 * <ul>
 *   <li>it refuses to run unless {@code GOMAXPROCS=1}, {@code GOGC=off} and
 *       {@code GODEBUG=asyncpreemptoff=1} are set (one P; no GC; no signal-based preemption);</li>
 *   <li>before the pattern, {@code main} calls {@code runtime.Gosched()} three times, so that the
 *       runtime's own goroutines created during start-up (the finalizer goroutine, forcegc
 *       helper, sweeper, scavenger) run and park, and the pattern starts with empty run queues;
 *       the schedtick phase this leaves varies between runs and is aligned by the harness;</li>
 *   <li>a goroutine that runs while another is in the middle of its body (between two of its
 *       actions, not in a yield or a wait) means that one was descheduled there (preempted): the
 *       program counts such runs ({@code perturbed});</li>
 *   <li>it reports the wall time from the pattern's start to its end: sysmon preempts only a time
 *       slice (goroutines sharing one schedtick) that has run 10 ms, so a pattern that ran in
 *       less cannot have been preempted by it.</li>
 * </ul>
 *
 * <p>The optional second argument, SHIFT, adds that many {@code runtime.Gosched()} calls before
 * the pattern: each puts {@code main} on the global queue and takes it back with a new time slice,
 * advancing P0's schedtick by one, so that samples start the pattern at different phases of the
 * {@code schedtick%61} check (without it, start-up leaves nearly the same phase every run).
 *
 * <p>Output, one line on standard output:
 * <pre>procspec-oracle/1 pattern=INDEX shift=SHIFT go=VERSION n=GOROUTINES elapsed_ns=NS perturbed=COUNT order=ID,ID,...</pre>
 * with one id per run of a goroutine ({@link Pattern#events()} in all).
 */
public final class GoProgram {

    private GoProgram() {}

    /** The environment every run needs; the program checks it and exits with status 2 without it. */
    public static final Map<String, String> RUN_ENV;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("GOMAXPROCS", "1");
        m.put("GOGC", "off");
        m.put("GODEBUG", "asyncpreemptoff=1");
        RUN_ENV = java.util.Collections.unmodifiableMap(m);
    }

    /** {@code GOMAXPROCS=1 GOGC=off GODEBUG=asyncpreemptoff=1}: the prefix of a command line. */
    public static String envPrefix() {
        StringBuilder sb = new StringBuilder();
        RUN_ENV.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        return sb.toString().trim();
    }

    /** The first word of the program's output line. */
    public static final String OUTPUT_TAG = "procspec-oracle/1";

    /**
     * The Go source of a program that runs any of {@code patterns}, selected by its index or its
     * name on the command line.
     *
     * @throws IllegalArgumentException if the list is empty or two patterns share a name
     */
    public static String source(List<Pattern> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no patterns");
        }
        if (patterns.stream().map(Pattern::name).distinct().count() != patterns.size()) {
            throw new IllegalArgumentException("pattern names must be distinct");
        }
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("""
                // Code generated by procspec's Go oracle (io.procspec.oracle.GoProgram). DO NOT EDIT.
                //
                // Runs one goroutine pattern on the real Go runtime and prints the order in which
                // its goroutines started. The settings below are required (the program checks them):
                //
                //	%s go run main.go PATTERN [SHIFT]
                //
                // where PATTERN is an index or a name from this list, and SHIFT (default 0) adds that many
                // runtime.Gosched() calls before the pattern, each advancing P0's schedtick by one, to move
                // the pattern's schedtick phase:
                //
                """.formatted(envPrefix()));
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            sb.append("//\t").append(i).append('\t').append(comment(p.name())).append("\t(")
                    .append(p.size()).append(" goroutines)\n");
        }
        sb.append("""
                //
                // Output, one line:
                //
                //	%s pattern=INDEX shift=SHIFT go=VERSION n=GOROUTINES elapsed_ns=NS perturbed=COUNT order=ID,ID,...
                //
                // Goroutine ids are numbered level by level from the root (0, which is main itself);
                // the order has one id per run of a goroutine: when it starts, and again after each
                // runtime.Gosched() and each wait. "perturbed" counts runs that began while another
                // goroutine was descheduled in the middle of its body (preempted); elapsed_ns is the
                // time from the pattern's start to its end (sysmon preempts only a time slice that
                // has run 10 ms).
                package main

                import (
                	"os"
                	"runtime"
                	"strconv"
                	"strings"
                	"time"
                )

                // pattern: goroutine id's body is ops[first[id]:first[id+1]]; an op >= 0 starts that
                // goroutine with a go statement, -1 is runtime.Gosched(), -2 waits (a receive on the
                // goroutine's own channel), -3-t readies goroutine t (a send on t's channel).
                type pattern struct {
                	name  string
                	first []int32
                	ops   []int32
                }

                var (
                	pat       *pattern
                	chans     []chan struct{} // per goroutine that is readied: capacity = its readies
                	order     []int32         // goroutine ids in the order they ran
                	pos       int
                	busy      int // > 0 while a goroutine is between two of its actions
                	perturbed int // runs that began while busy > 0
                	done      int
                	total     int
                	finished  = make(chan struct{})
                )

                // run is every goroutine's function. With one P and nothing preempting, only one
                // goroutine runs at a time, so the plain counters need no synchronization.
                func run(id int32) {
                	if busy != 0 {
                		perturbed++
                	}
                	order[pos] = id
                	pos++
                	ops := pat.ops[pat.first[id]:pat.first[id+1]]
                	if len(ops) > 0 {
                		busy++
                		for _, op := range ops {
                			if op >= 0 {
                				go run(op)
                			} else if op == -1 {
                				busy--
                				runtime.Gosched()
                				if busy != 0 {
                					perturbed++
                				}
                				order[pos] = id
                				pos++
                				busy++
                			} else if op == -2 {
                				busy--
                				<-chans[id]
                				if busy != 0 {
                					perturbed++
                				}
                				order[pos] = id
                				pos++
                				busy++
                			} else {
                				chans[-3-op] <- struct{}{}
                			}
                		}
                		busy--
                	}
                	done++
                	if done == total {
                		close(finished)
                	}
                }

                func fail(msg string) {
                	os.Stderr.WriteString(msg + "\\n")
                	os.Exit(2)
                }

                func main() {
                	if len(os.Args) != 2 && len(os.Args) != 3 {
                		fail("usage: %s go run main.go PATTERN [SHIFT]  (PATTERN: an index or a name listed at the top of main.go)")
                	}
                	shift := 0
                	if len(os.Args) == 3 {
                		n, err := strconv.Atoi(os.Args[2])
                		if err != nil || n < 0 || n > 1000 {
                			fail("SHIFT must be a number from 0 to 1000")
                		}
                		shift = n
                	}
                	if runtime.GOMAXPROCS(0) != 1 || os.Getenv("GOGC") != "off" ||
                		!strings.Contains(","+os.Getenv("GODEBUG")+",", ",asyncpreemptoff=1,") {
                		fail("run with %s (one P, no GC, no asynchronous preemption)")
                	}
                	idx := -1
                	for i := range patterns {
                		if patterns[i].name == os.Args[1] || strconv.Itoa(i) == os.Args[1] {
                			idx = i
                		}
                	}
                	if idx < 0 {
                		fail("no pattern " + strconv.Quote(os.Args[1]) + " in this program")
                	}
                	pat = &patterns[idx]
                	total = len(pat.first) - 1
                	events := total
                	caps := make([]int, total)
                	for _, op := range pat.ops {
                		if op == -1 || op == -2 {
                			events++
                		} else if op <= -3 {
                			caps[-3-op]++
                		}
                	}
                	order = make([]int32, events)
                	chans = make([]chan struct{}, total)
                	for id, c := range caps {
                		if c > 0 {
                			chans[id] = make(chan struct{}, c)
                		}
                	}

                	// Let the runtime's own start-up goroutines run and park first; then each further
                	// Gosched puts main on the global queue and takes it back with a new time slice,
                	// advancing P0's schedtick by one.
                	for i := 0; i < 3+shift; i++ {
                		runtime.Gosched()
                	}
                	t0 := time.Now()
                	run(0)
                	<-finished
                	elapsed := time.Since(t0)

                	b := make([]byte, 0, 64+8*events)
                	b = append(b, "%s pattern="...)
                	b = strconv.AppendInt(b, int64(idx), 10)
                	b = append(b, " shift="...)
                	b = strconv.AppendInt(b, int64(shift), 10)
                	b = append(b, " go="...)
                	b = append(b, runtime.Version()...)
                	b = append(b, " n="...)
                	b = strconv.AppendInt(b, int64(total), 10)
                	b = append(b, " elapsed_ns="...)
                	b = strconv.AppendInt(b, int64(elapsed), 10)
                	b = append(b, " perturbed="...)
                	b = strconv.AppendInt(b, int64(perturbed), 10)
                	b = append(b, " order="...)
                	for i, id := range order[:pos] {
                		if i > 0 {
                			b = append(b, ',')
                		}
                		b = strconv.AppendInt(b, int64(id), 10)
                	}
                	b = append(b, '\\n')
                	os.Stdout.Write(b)
                }

                var patterns = []pattern{
                """.formatted(OUTPUT_TAG, envPrefix(), envPrefix(), OUTPUT_TAG));
        for (Pattern p : patterns) {
            appendPattern(sb, p);
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static void appendPattern(StringBuilder sb, Pattern p) {
        int n = p.size();
        sb.append("\t{\n\t\tname: ").append(goString(p.name())).append(",\n\t\tfirst: []int32{");
        int at = 0;
        StringBuilder ops = new StringBuilder();
        int written = 0;
        for (int id = 0; id <= n; id++) {
            if (id > 0) {
                sb.append(',');
            }
            wrap(sb, id);
            sb.append(at);
            if (id == n) {
                break;
            }
            for (Pattern.Action a : p.body(id)) {
                if (written > 0) {
                    ops.append(',');
                }
                wrap(ops, written);
                ops.append(op(a));
                written++;
                at++;
            }
        }
        sb.append("},\n\t\tops: []int32{").append(ops).append("},\n\t},\n");
    }

    /** An action as the program's op: the child's id, -1 Gosched, -2 wait, -3-t ready t. */
    static int op(Pattern.Action a) {
        if (a instanceof Pattern.Spawn s) {
            return s.child();
        }
        if (a instanceof Pattern.Yield) {
            return -1;
        }
        if (a instanceof Pattern.Wait) {
            return -2;
        }
        return -3 - ((Pattern.Ready) a).target();
    }

    /** A line break every 24 numbers keeps gofmt-style lines short. */
    private static void wrap(StringBuilder sb, int i) {
        if (i % 24 == 0) {
            sb.append("\n\t\t\t");
        }
    }

    /** A Go string literal (the names are printable ASCII expressions). */
    static String goString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A name on one comment line. */
    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]", " ");
    }
}
