package io.procspec.report;

import io.procspec.report.model.LayerSummary;
import io.procspec.report.model.Trace;
import io.procspec.report.model.VerificationReport;
import io.procspec.report.model.Verdicts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link VerificationReport} from what the layers wrote. Every known layer appears: with
 * its own summary when it wrote a valid one during this run, otherwise with a summary the report
 * writes itself, verdict skipped or fail, and the reason (not selected, not in the repository yet,
 * wrote no summary, wrote an invalid one). Nothing absent is ever shown as passed.
 */
public final class Assembler {
    /** What the check run knows when the layers are done. */
    public record Run(Path root, Set<String> selected, String mode, String command, Instant startedAt,
                      double seconds, String maven, Integer mavenExitCode, boolean reuse, Map<String, Object> environment,
                      Set<String> dependencies) {
        /** A run without dependency layers. */
        public Run(Path root, Set<String> selected, String mode, String command, Instant startedAt,
                   double seconds, String maven, Integer mavenExitCode, boolean reuse, Map<String, Object> environment) {
            this(root, selected, mode, command, startedAt, seconds, maven, mavenExitCode, reuse, environment, Set.of());
        }
    }

    private Assembler() {}

    public static VerificationReport assemble(Run run) {
        VerificationReport r = new VerificationReport();
        r.startedAt = run.startedAt().toString();
        r.seconds = Math.round(run.seconds() * 10) / 10.0;
        r.command = run.command();
        r.mode = run.mode();
        r.maven = run.maven();
        r.mavenExitCode = run.mavenExitCode();
        r.environment.putAll(run.environment());
        Set<String> reactor = Reactor.modules(run.root());
        Map<String, LayerSummary> byName = new LinkedHashMap<>();
        Map<String, Object> seeds = new TreeMap<>();
        for (LayerDef d : LayerDef.ALL) {
            if (run.selected().contains(d.name())) {
                r.selected.add(d.name());
            }
            LayerSummary s = layer(run, d, reactor, r);
            byName.put(d.name(), s);
            r.layers.add(s);
            if (s.environment != null && s.environment.get("seed") != null) {
                seeds.put(d.name(), s.environment.get("seed"));
            }
        }
        if (!seeds.isEmpty()) {
            r.environment.put("seeds", seeds.toString().replaceAll("[{}]", ""));
        }
        r.traceability.addAll(Traceability.build(run.root(), byName));
        collectTraces(run.root(), r);

        List<String> failed = new ArrayList<>();
        List<String> notPassed = new ArrayList<>();
        for (LayerSummary s : r.layers) {
            if (Verdicts.FAIL.equals(s.verdict)) {
                failed.add(s.layer);
            } else if (!Verdicts.PASS.equals(s.verdict) && run.selected().contains(s.layer)) { // dependencies count only when they fail
                notPassed.add(s.layer + " " + s.verdict);
            }
        }
        if (!failed.isEmpty()) {
            r.verdict = Verdicts.FAIL;
            r.reason = "failed: " + String.join(", ", failed);
        } else if (run.mavenExitCode() != null && run.mavenExitCode() != 0) {
            r.verdict = Verdicts.FAIL;
            r.reason = "the Maven run failed (exit " + run.mavenExitCode() + ") although no layer reported a failure: see maven.log";
        } else if (!notPassed.isEmpty()) {
            r.verdict = Verdicts.PARTIAL;
            r.reason = "no failure; not everything ran: " + String.join(", ", notPassed);
        } else {
            r.verdict = Verdicts.PASS;
        }
        return r;
    }

    private static LayerSummary layer(Run run, LayerDef d, Set<String> reactor, VerificationReport r) {
        Path moduleDir = run.root().resolve(d.module());
        boolean dependency = run.dependencies().contains(d.name());
        if (!run.selected().contains(d.name()) && !dependency) {
            return synth(d, Verdicts.SKIPPED, "not selected (--only " + String.join(",", run.selected()) + ")");
        }
        if (dependency) {
            LayerSummary s = fresh(run, d) ? layer(new Run(run.root(), Set.of(d.name()), run.mode(), run.command(),
                    run.startedAt(), run.seconds(), run.maven(), run.mavenExitCode(), run.reuse(), run.environment()), d, reactor, r)
                    : null;
            if (s == null || Verdicts.SKIPPED.equals(s.verdict)) {
                return synth(d, Verdicts.SKIPPED, "not selected (--only " + String.join(",", run.selected())
                        + "); a selected layer depends on it, but it wrote no summary in this run");
            }
            String why = "not selected, but ran: a selected layer depends on it (Maven -am builds and tests it)";
            s.reason = s.reason == null ? why : why + "; " + s.reason;
            return s;
        }
        if (!Files.isRegularFile(moduleDir.resolve("pom.xml"))) {
            return synth(d, Verdicts.SKIPPED, "not in this repository yet" + (d.issue() == null ? "" : " (" + d.issue() + ")")
                    + ": no " + d.module() + "/ module");
        }
        if (!reactor.contains(d.module())) {
            return synth(d, Verdicts.SKIPPED, "module " + d.module() + "/ exists but is not in the root pom's <modules>");
        }
        Path file = run.root().resolve(d.summaryPath());
        boolean fresh;
        try {
            fresh = Files.isRegularFile(file)
                    && (run.reuse() || !Files.getLastModifiedTime(file).toInstant().isBefore(run.startedAt()));
        } catch (IOException e) {
            fresh = false;
        }
        if (!fresh) {
            if (run.mavenExitCode() != null && run.mavenExitCode() != 0) {
                return synth(d, Verdicts.FAIL, "wrote no summary, and the Maven run failed (exit " + run.mavenExitCode()
                        + "): the build stopped before or in this layer; see maven.log");
            }
            return synth(d, Verdicts.SKIPPED, run.reuse()
                    ? "no summary in " + d.summaryPath() + " (run the layer first, or ./procspec check)"
                    : "ran, but wrote no procspec.layer/1 summary (" + d.summaryPath() + "): its results cannot be shown");
        }
        LayerSummary s;
        try {
            s = Formats.readLayer(file);
        } catch (FormatError e) {
            return synth(d, Verdicts.FAIL, "invalid summary: " + e.getMessage());
        } catch (IOException e) {
            return synth(d, Verdicts.FAIL, "summary cannot be read: " + e);
        }
        r.layerFiles.put(d.name(), d.summaryPath());
        if (!d.name().equals(s.layer)) {
            return synth(d, Verdicts.FAIL, "invalid summary: " + d.summaryPath() + " says layer \"" + s.layer + "\"");
        }
        long failedItems = s.items.stream().filter(i -> Verdicts.FAIL.equals(i.verdict)).count();
        if (Verdicts.PASS.equals(s.verdict) && failedItems > 0) {
            s.verdict = Verdicts.FAIL;
            s.reason = "the summary says pass, but " + failedItems + " of its items failed";
        }
        if (s.title == null) {
            s.title = d.title();
        }
        return s;
    }

    private static boolean fresh(Run run, LayerDef d) {
        Path file = run.root().resolve(d.summaryPath());
        try {
            return Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(run.startedAt());
        } catch (IOException e) {
            return false;
        }
    }

    private static LayerSummary synth(LayerDef d, String verdict, String reason) {
        LayerSummary s = new LayerSummary();
        s.layer = d.name();
        s.title = d.title();
        s.verdict = verdict;
        s.reason = reason;
        s.command = "./procspec check --only " + d.name();
        return s;
    }

    private static void collectTraces(Path root, VerificationReport r) {
        int n = 0;
        for (LayerSummary s : r.layers) {
            String file = r.layerFiles.get(s.layer);
            if (file == null) {
                continue;
            }
            Path dir = root.resolve(file).getParent();
            for (LayerSummary.Item it : s.items) {
                if (it.counterexample == null) {
                    continue;
                }
                VerificationReport.TraceRef ref = new VerificationReport.TraceRef();
                ref.id = "trace-" + (++n);
                ref.layer = s.layer;
                ref.item = it.name;
                ref.expected = "violation".equals(it.expected);
                Path p = dir.resolve(it.counterexample).normalize();
                ref.file = root.relativize(p).toString();
                try {
                    Trace t = Formats.readTrace(p);
                    ref.trace = t;
                } catch (FormatError e) {
                    ref.error = e.getMessage();
                } catch (IOException e) {
                    ref.error = "cannot read " + ref.file + ": " + e;
                }
                r.traces.add(ref);
            }
        }
    }
}
