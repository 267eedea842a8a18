package io.procspec.mutants.hunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.procspec.mutants.Catalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The bug hunt from the command line (the bug runner runs it in a patched scratch copy, where
 * "real" is the patched port): {@code --ops NAME} is "real" or a catalogued bug with a Java twin.
 * Writes the result as JSON ({@code --json FILE}) and exits 0 (nothing found) or 1 (caught).
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Controlled exploration of small scenarios on the port or a bug's Java twin.")
public final class HuntMain implements Callable<Integer> {
    @Option(names = "--ops", defaultValue = "real", description = "real, or a bug with a Java twin (default: ${DEFAULT-VALUE})")
    String ops;

    @Option(names = "--bound", defaultValue = "2", description = "largest preemption bound (default: ${DEFAULT-VALUE})")
    int bound;

    @Option(names = "--max-executions", defaultValue = "200000", description = "interleavings per scenario and bound")
    long maxExecutions;

    @Option(names = "--budget", defaultValue = "120", description = "seconds before giving up (default: ${DEFAULT-VALUE})")
    double budget;

    @Option(names = "--weak", description = "the controller's weak-memory mode (needs -Dprocspec.memory.simulation=true)")
    boolean weak;

    @Option(names = "--json", description = "write the result here")
    Path json;

    @Override
    public Integer call() throws Exception {
        Catalogue.ops(ops, new io.procspec.runtime.Proc(1)); // an unknown name fails here, listing the catalogue
        Hunt.Result r = Hunt.hunt(p -> Catalogue.ops(ops, p), bound, maxExecutions, budget, weak);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ops", ops);
        out.put("weak", weak);
        out.put("caught", r.caught());
        out.put("scenario", r.scenario());
        out.put("preemptionBound", r.preemptionBound());
        out.put("executions", r.executions());
        out.put("steps", r.steps());
        out.put("preemptions", r.failing() == null ? 0 : r.failing().preemptions());
        out.put("seconds", r.seconds());
        out.put("failure", r.failure());
        out.put("table", r.failing() == null ? null : r.failing().table());
        out.put("replay", r.failing() == null ? null : "Schedule.of(" + r.failing().choices() + ")");
        out.put("weakReads", r.failing() == null ? 0 : r.failing().valueChoices());
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (json != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
            m.writeValue(json.toFile(), out);
        }
        System.out.println(r.caught()
                ? "caught in scenario '" + r.scenario() + "' (preemption bound " + r.preemptionBound() + ", "
                        + r.steps() + " steps, " + r.executions() + " interleavings, " + String.format("%.1f", r.seconds())
                        + " s): " + r.failure() + "\n" + r.failing().table()
                : "nothing found: " + r.executions() + " interleavings up to preemption bound " + r.preemptionBound()
                        + (r.failure() != null ? " (" + r.failure() + ")" : ""));
        return r.caught() ? 1 : 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HuntMain()).execute(args));
    }
}
