package io.procspec.oracle;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The oracle's command line: runs patterns on every Go toolchain found and on the Java scheduler,
 * prints a table and writes the layer summary, traces and recorded Go orders.
 *
 * <pre>
 * mvn -pl oracle -am verify -Plong                                  # 1000 random + 1000 mixed patterns (see the README)
 * mvn -pl oracle -am verify -Plong -Doracle.args="--random 5000 --seed 9"
 * </pre>
 *
 * Exit status: 0 when every item passed or was inconclusive, 1 when an item failed (a mismatch or
 * an error), 2 for bad arguments, 3 when no Go toolchain was found (the summary says skipped).
 */
@Command(name = "oracle", mixinStandardHelpOptions = true, sortOptions = false, version = "procspec oracle 0.1.0",
        description = "Runs goroutine patterns on the real Go runtime (GOMAXPROCS=1) and on procspec's Sched with one P,"
                + " and checks that both start the goroutines in the same order.")
public final class OracleMain implements Callable<Integer> {

    @Option(names = "--pattern", paramLabel = "EXPR",
            description = "A pattern to run (repeatable), e.g. 'fan(300)', 'tree(10,10)', 'g(300*g,chain(5))', 'random(7,500)'.")
    List<String> patterns = new ArrayList<>();

    @Option(names = "--ci", description = "Run the fixed CI set and its seeded random patterns (the default without --pattern or --random).")
    boolean ci;

    @Option(names = "--random", paramLabel = "N", description = "Add N random patterns random(seed+i, size). Default: ${DEFAULT-VALUE}.")
    int random = 0;

    @Option(names = "--mixed", paramLabel = "N", description = "Add N random patterns that also yield, wait and ready: mixed(seed+i, size). Default: ${DEFAULT-VALUE}.")
    int mixed = 0;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random and mixed patterns. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--min-size", paramLabel = "N", description = "Smallest random pattern (goroutines). Default: ${DEFAULT-VALUE}.")
    int minSize = 20;

    @Option(names = "--max-size", paramLabel = "N", description = "Largest random pattern (goroutines). Default: ${DEFAULT-VALUE}.")
    int maxSize = 1500;

    @Option(names = "--samples", paramLabel = "N", description = "Samples per (pattern, Go release). Default: ${DEFAULT-VALUE}.")
    int samples = 3;

    @Option(names = "--reruns", paramLabel = "N", description = "Reruns allowed per perturbed sample. Default: ${DEFAULT-VALUE}.")
    int reruns = 5;

    @Option(names = "--clean-ms", paramLabel = "MS", description = "A run this long or longer counts as perturbed (sysmon preempts at 10 ms). Default: ${DEFAULT-VALUE}.")
    int cleanMs = 9;

    @Option(names = "--go", paramLabel = "VERSION", description = "Only these releases (repeatable; a family such as go1.21 or a full version). Default: every toolchain found.")
    List<String> go = new ArrayList<>();

    @Option(names = "--broken", description = "Also check that the broken Java models (a 128-slot ring, ready to the ring's tail, Gosched as goyield) are caught.")
    boolean broken;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write summary.json, traces/, repro/, go-orders/. Default: ${DEFAULT-VALUE}.")
    Path out = Paths.get("target", "procspec");

    @Option(names = "--work", paramLabel = "DIR", description = "Build directory (binaries, GOCACHE). Default: ${DEFAULT-VALUE}.")
    Path work = Paths.get("target", "procspec-oracle", "go");

    @Option(names = "--go-orders-max", paramLabel = "N", description = "Record Go orders of patterns up to N goroutines. Default: ${DEFAULT-VALUE}.")
    int goOrdersMax = 600;

    @Option(names = "--command", hidden = true, description = "The reproduce command to put in the summary.")
    String command;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OracleMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        List<Pattern> list = new ArrayList<>();
        Oracle.Options opts;
        try {
            if (cleanMs < 1 || goOrdersMax < 0 || random < 0 || mixed < 0) {
                throw new IllegalArgumentException("--clean-ms must be >= 1, --go-orders-max, --random and --mixed >= 0");
            }
            opts = Oracle.Options.defaults(work).withSamples(samples).withRerunBudget(reruns)
                    .withCleanLimit(Duration.ofMillis(cleanMs));
            for (String e : patterns) {
                list.add(Pattern.parse(e));
            }
            if (ci || (patterns.isEmpty() && random == 0 && mixed == 0)) {
                list.addAll(Patterns.ci());
                list.addAll(Patterns.ciRandom());
            }
            list.addAll(Patterns.random(seed, random, minSize, maxSize));
            list.addAll(Patterns.mixed(seed, mixed, minSize, maxSize));
        } catch (IllegalArgumentException e) {
            System.err.println("oracle: " + e.getMessage());
            return 2;
        }
        String cmd = command != null ? command : "java io.procspec.oracle.OracleMain " + describeArgs();
        Report.Context ctx = new Report.Context(cmd, random > 0 || mixed > 0 ? Long.toString(seed) : null, goOrdersMax);

        GoToolchain.Discovery found = GoToolchain.discover();
        List<GoToolchain> toolchains = new ArrayList<>();
        for (GoToolchain t : found.toolchains()) {
            if (go.isEmpty() || go.contains(t.version()) || go.contains(t.family())) {
                toolchains.add(t);
            }
        }
        found.skipped().forEach(s -> System.err.println("oracle: skipped " + s));
        if (toolchains.isEmpty()) {
            String reason = found.toolchains().isEmpty()
                    ? found.skipped().stream().filter(s -> s.startsWith("PROCSPEC_GO=none")).findFirst().orElse(
                            "no Go toolchain found (looked in PROCSPEC_GO, /usr/lib/go-*, GOROOT, PATH, /usr/local/go, ~/sdk)")
                    : "no Go toolchain matches --go " + go + " (found " + found.toolchains() + ")";
            Path f = Report.writeSkipped(out, ctx, reason, started);
            System.err.println("oracle: " + reason + "; wrote " + f);
            return 3;
        }
        System.out.println("oracle: " + list.size() + " patterns x " + toolchains.size() + " Go releases: " + toolchains);
        for (GoToolchain t : toolchains) {
            System.out.println("oracle:   " + VersionModel.of(t).summary() + " " + VersionModel.of(t).differences());
        }
        List<Oracle.Spec> specs = Oracle.specs(list, toolchains);
        if (broken) {
            specs.addAll(Oracle.brokenModelSpecs(toolchains.get(toolchains.size() - 1)));
        }
        Oracle.Result r = new Oracle(opts, System.out).run(specs);
        Path f = Report.write(r, out, ctx);
        System.out.print(Report.table(r));
        String verdict = Report.verdict(r.items());
        System.out.printf("oracle: %s in %.1f s (%d Go builds, %.1f s); summary %s%n", verdict, r.seconds(), r.builds(),
                r.buildSeconds(), f.toAbsolutePath());
        return verdict.equals("fail") ? 1 : 0;
    }

    private String describeArgs() {
        StringBuilder sb = new StringBuilder();
        patterns.forEach(p -> sb.append("--pattern '").append(p).append("' "));
        if (ci) {
            sb.append("--ci ");
        }
        if (random > 0) {
            sb.append("--random ").append(random).append(' ');
        }
        if (mixed > 0) {
            sb.append("--mixed ").append(mixed).append(' ');
        }
        if (random > 0 || mixed > 0) {
            sb.append("--seed ").append(seed).append(" --min-size ").append(minSize).append(" --max-size ")
                    .append(maxSize).append(' ');
        }
        sb.append("--samples ").append(samples).append(" --reruns ").append(reruns);
        return sb.toString().trim();
    }
}
