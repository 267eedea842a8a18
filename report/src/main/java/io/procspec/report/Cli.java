package io.procspec.report;

import io.procspec.report.model.Trace;
import io.procspec.report.model.Verdicts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The {@code procspec} command (run by the {@code procspec} script at the repository root).
 * Exit status: 0 nothing failed, 1 a layer failed, 2 bad usage (one line and a hint on stderr),
 * 3 the report could not be written, 4 nothing was checked (every selected layer was skipped),
 * 5 another {@code procspec check} is running in this checkout.
 */
@Command(name = "procspec", mixinStandardHelpOptions = true, version = "procspec 0.1.0",
        description = "procspec: the verified model of Go's goroutine run queues. "
                + "Runs the verification layers and writes one report.",
        subcommands = {Cli.CheckCmd.class, Cli.ExplainCmd.class, CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {
    static final int USAGE = 2;
    static final int CANNOT_WRITE = 3;
    static final int NOTHING_RAN = 4;
    static final int BUSY = 5;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** The repository root: $PROCSPEC_ROOT (set by the script) or the working directory. */
    static Path root() {
        String r = System.getenv("PROCSPEC_ROOT");
        return (r == null || r.isBlank() ? Paths.get("") : Paths.get(r)).toAbsolutePath().normalize();
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Runs every layer the repository has (or those of --only) and writes the verification report.",
                    "Layers: impl, spec, conformance, oracle, properties, stress, bugs, bench, docs. A layer that is not there yet "
                            + "or cannot run here is listed as skipped with the reason, never as passed.",
                    "Exit status: 0 nothing failed, 1 something failed, 2 bad usage, 3 report not writable, "
                            + "4 nothing checked (every selected layer skipped), 5 another check running in this checkout."})
    static final class CheckCmd implements Callable<Integer> {
        @CommandLine.ArgGroup(exclusive = true)
        Size size;

        static final class Size {
            @Option(names = "--quick", description = "CI sizes, for 2 cores (the default).")
            boolean quick;
            @Option(names = "--full", description = "Larger TLC models, more tries, thorough jcstress: for a many-core machine.")
            boolean full;
        }

        @Option(names = "--only", split = ",", paramLabel = "LAYER", description = "Run only these layers (comma-separated).")
        List<String> only = List.of();

        @Option(names = "--report", paramLabel = "DIR", defaultValue = "target/procspec-report",
                description = {"Where to write index.html, summary.json and maven.log (default: ${DEFAULT-VALUE} in the repository).",
                        "DIR is replaced only if it is absent, empty or a previous report (its summary.json is a "
                                + "procspec.report/1 and it holds nothing else but index.html and maven.log); "
                                + "any other folder is refused (exit 3) and left untouched."})
        Path report;

        @Option(names = "--reuse", description = "Run nothing: build the report from the summaries the layers left "
                + "in their target/ folders (e.g. after mvn verify). Not with --full.")
        boolean reuse;

        @Option(names = "--verbose", description = "Stream Maven's whole output on a terminal too (it always goes to maven.log).")
        boolean verbose;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Set<String> only = new LinkedHashSet<>();
            if (spec.commandLine().getParseResult().hasMatchedOption("--only") && only().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--only needs at least one layer (layers: " + String.join(", ", Verdicts.LAYERS) + ")");
            }
            for (String l : only()) {
                String name = l.strip();
                if (name.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--only '" + String.join(",", only())
                            + "' has an empty layer name (layers: " + String.join(", ", Verdicts.LAYERS) + ")");
                }
                if (!Verdicts.LAYERS.contains(name)) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "unknown layer '" + name + "' (layers: " + String.join(", ", Verdicts.LAYERS) + ")");
                }
                only.add(name);
            }
            if (reuse && size != null && size.full) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--reuse runs nothing, so --full has nothing to size: use one or the other");
            }
            // the default folder is the repository's, wherever the command is run from; a given one is the user's
            Path reportDir = (spec.commandLine().getParseResult().hasMatchedOption("--report") ? report.toAbsolutePath()
                    : root().resolve(report)).normalize();
            Check check = new Check(new Check.Options(root(), only, size != null && size.full, reportDir, reuse,
                    verbose, commandLine(), Check.mavenExecutable()), System.out);
            try {
                String foreign = Check.whyNotReplaceable(reportDir);
                if (foreign != null) {
                    System.err.println("procspec: " + foreign);
                    return CANNOT_WRITE;
                }
                Check.prepareTemp(reportDir).toFile().delete();
            } catch (IOException e) {
                System.err.println("procspec: cannot write the report folder " + report + ": " + describe(e)
                        + " (try --report DIR)");
                return CANNOT_WRITE;
            }
            try (Check.Lock lock = Check.Lock.take(root())) {
                if (lock == null) {
                    System.err.println("procspec: another ./procspec check is running in " + root() + " ("
                            + Check.Lock.holder(root()) + "): two runs would share the layers' target/ folders; "
                            + "wait for it to end, or run in another clone");
                    return BUSY;
                }
                return check.run();
            } catch (Check.NotAReportFolder e) {
                System.err.println("procspec: " + e.getMessage());
                return CANNOT_WRITE;
            }
        }

        private List<String> only() {
            return only;
        }

        private String commandLine() {
            StringBuilder sb = new StringBuilder("./procspec check");
            if (!reuse) {
                sb.append(size != null && size.full ? " --full" : " --quick");
            }
            if (!only.isEmpty()) {
                sb.append(" --only ").append(String.join(",", only));
            }
            if (reuse) {
                sb.append(" --reuse");
            }
            if (!report.toString().equals("target/procspec-report")) {
                sb.append(" --report ").append(report);
            }
            return sb.toString();
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Shows a saved counterexample as a sequence diagram and a table: TLC's output with an "
                    + "error trace (e.g. spec/target/tlc/<Model>/tlc.out), a procspec.trace/1 file (from TLC, a property, "
                    + "a conformance mismatch, a jcstress forbidden outcome, the Go oracle), or a layer summary whose "
                    + "items name counterexamples."})
    static final class ExplainCmd implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "TLC output, a trace, or a layer summary.")
        Path file;

        @Option(names = "--svg", paramLabel = "OUT.svg", description = "Write the diagram as SVG instead of printing it.")
        Path svg;

        @Option(names = "--item", paramLabel = "NAME", description = "With a layer summary: only this item's counterexample.")
        String item;

        @Option(names = "--no-diagram", description = "Print only the table.")
        boolean noDiagram;

        @Override
        public Integer call() throws Exception {
            List<Trace> traces;
            try {
                traces = Explain.load(file, item);
            } catch (FormatError e) {
                System.err.println("procspec: " + e.getMessage());
                System.err.println("Try './procspec explain --help'.");
                return USAGE;
            } catch (IOException e) {
                System.err.println("procspec: " + file + ": cannot read: " + describe(e));
                return USAGE;
            }
            if (svg != null) {
                try {
                    for (Path p : Explain.writeSvg(svg, traces)) {
                        System.out.println("wrote " + p);
                    }
                } catch (IOException e) {
                    System.err.println("procspec: cannot write " + svg + ": " + describe(e));
                    return CANNOT_WRITE;
                }
            } else {
                Explain.printText(new PrintStream(System.out, true, StandardCharsets.UTF_8), traces, !noDiagram);
            }
            return 0;
        }
    }

    /** An I/O error in words, for one line: the JDK's messages are often only the path. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException x) {
            return "no such file or folder: " + x.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException x) {
            return "permission denied: " + x.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException x) {
            return "already exists: " + x.getFile();
        }
        if (e instanceof java.nio.file.NotDirectoryException x) {
            return "not a folder: " + x.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException x && x.getReason() != null) {
            return x.getReason() + ": " + x.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("procspec: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName().replace("procspec", "./procspec") + " --help'.");
            return USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
