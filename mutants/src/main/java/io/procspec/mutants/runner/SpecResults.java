package io.procspec.mutants.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procspec.mutants.Bug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TLC column of the matrix: the spec's CI models run once (TLC checks the spec, which Java
 * patches do not change), and each bug with a {@code Bug} switch is judged by its model's line in
 * the spec harness's output ({@code <model>: invariant X violated; … TLC 19.7 s, wall 21.0 s}) and
 * the length of its error trace ({@code spec/target/tlc/<model>/trace.txt}).
 */
final class SpecResults {
    /** No spec run: every bug gets "not run". */
    static final SpecResults NONE = new SpecResults(Map.of(), null, "spec layer not selected");

    private final Map<String, String> lines;
    private final Path tlcDir;
    private final String missing;

    private SpecResults(Map<String, String> lines, Path tlcDir, String missing) {
        this.lines = lines;
        this.tlcDir = tlcDir;
        this.missing = missing;
    }

    static SpecResults read(Path tlcDir, BugRunner.Exec e, Path log) throws IOException {
        Map<String, String> lines = new HashMap<>();
        if (Files.exists(log)) {
            Matcher m = Pattern.compile("(?m)^(\\w+): (.*(?:violated|no error|deadlock).*)$").matcher(Files.readString(log));
            while (m.find()) {
                lines.put(m.group(1), m.group(2));
            }
        }
        String why = e.timedOut() ? "the spec's CI models did not finish within the budget"
                : lines.isEmpty() ? "the spec run printed no model results (mvn exit " + e.rc() + ")" : null;
        return new SpecResults(lines, tlcDir, why);
    }

    ObjectNode forBug(Bug bug) throws IOException {
        if (bug == null) {
            return BugRunner.verdict(missing == null ? "missed" : "n/a", 0,
                    missing == null ? "the port as it is: the spec's CI models are its own layer" : missing);
        }
        if (!bug.hasSpecSwitch()) {
            return BugRunner.verdict("n/a", 0, "no Bug switch in the spec for this bug");
        }
        String line = lines.get(bug.specModel());
        if (line == null) {
            return BugRunner.verdict(missing == null ? "error" : "not run", 0,
                    missing == null ? "no result for model " + bug.specModel() : missing);
        }
        Matcher wall = Pattern.compile("wall ([0-9.]+) s").matcher(line);
        double s = wall.find() ? Double.parseDouble(wall.group(1)) : 0;
        boolean caught = line.contains("violated") && (line.contains(bug.expectedProperty()) || line.startsWith("temporal"));
        ObjectNode r = BugRunner.verdict(caught ? "caught" : "missed", s, bug.specModel() + ": " + line);
        Path trace = tlcDir.resolve(bug.specModel()).resolve("trace.txt");
        if (caught && Files.exists(trace)) {
            long steps = Files.readAllLines(trace).stream().filter(l -> l.matches("^\\s+\\d+\\s+\\S.*")).count();
            r.put("counterexampleSteps", Math.max(0, steps - 1)); // the initial state is not a step
        }
        return r;
    }
}
