package io.procspec.stress.tools;

import org.openjdk.jcstress.infra.runners.TestList;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the procspec jcstress suite and judges it: selects the tests, lists the ones that need more
 * CPUs than are in use (jcstress silently drops them), runs jcstress in a child JVM with its
 * working directory and report under {@code --out}, then summarizes the result blob
 * ({@link Summarize}: summary.json, summary.tsv) and exits non-zero on any FORBIDDEN outcome,
 * error, or test that should have run and has no result.
 *
 * <pre>
 * java -cp target/jcstress.jar io.procspec.stress.tools.StressRun [options] [-- jcstress options]
 *   --mode M            quick (CI default) | default | tough | stress    (jcstress -m M)
 *   --cpus N            CPUs jcstress may use (default: all)              (jcstress -c N)
 *   --out DIR           working dir: report in DIR/report, blob, log, summary (default target/jcstress-run)
 *   -t REGEX            only tests whose name matches REGEX (find)
 *   --broken            run the broken variants (io.procspec.stress.broken) instead of the real tests
 *   --all               run both
 *   --expect-forbidden  invert the verdict: pass only if every test run showed a FORBIDDEN outcome
 *   --list              print the selection and exit
 *   --untrimmed         quick mode: jcstress's own quick preset (every JVM flag set and per-actor
 *                       compilation mode), not the CI trim
 *   --layer-part NAME   also write this run as part NAME (main, broken) of the layer summary for
 *                       ./procspec check (LayerReport), and print progress lines
 *   --build-id ID       the Maven build the part belongs to (parts of other builds are ignored)
 *   --layer-dir DIR     where the layer summary goes (default target/procspec)
 * </pre>
 * Anything after {@code --} goes to jcstress unchanged (e.g. {@code -- -time 100 -iters 3 -f 2}).
 */
public final class StressRun {
    private StressRun() {}

    static final String BROKEN_PACKAGE = "io.procspec.stress.broken.";

    /**
     * jcstress loads JNA (System.load); from JDK 22 the JVM warns unless native access is granted.
     * Accepted since JDK 17, so the forks get it on every supported JDK.
     */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * jcstress settings per mode on top of {@code -m}. quick (CI) is trimmed: jcstress's quick preset
     * forks a JVM per (JVM flag set x per-actor compilation mode), 28 to 56 forks of 1-4 s for each
     * 2-actor test, about 40 s a test on 2 cores, far over a 5-minute CI budget. quick here runs one
     * flag set (tiered compilation, so actors go interpreter, C1, C2 within the fork, plus C2's
     * scheduling randomizers; on JDK 17 jcstress doubles it with +/-UseBiasedLocking), all actors
     * compiled alike (-sc false), 3 iterations of 300 ms. The thorough modes keep jcstress's presets.
     * Options given after {@code --} replace these.
     */
    static List<String> modeArgs(String mode) {
        List<String> a = new ArrayList<>(List.of("-m", mode));
        if (mode.equals("quick")) {
            a.addAll(List.of("-sc", "false", "-iters", "3", "-time", "300",
                    "-jvmArgs", NATIVE_ACCESS + " -XX:+UnlockDiagnosticVMOptions -XX:+StressLCM -XX:+StressGCM -XX:+StressIGVN -XX:+StressCCP"));
        } else {
            a.addAll(List.of("-jvmArgsPrepend", NATIVE_ACCESS));
        }
        return a;
    }

    /** The preset's options, minus those the user gives again (jcstress rejects an option given twice). */
    static List<String> merge(List<String> preset, List<String> extra) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < preset.size(); i += 2) {
            if (!extra.contains(preset.get(i))) {
                out.add(preset.get(i));
                out.add(preset.get(i + 1));
            }
        }
        out.addAll(extra);
        return out;
    }

    public static void main(String[] args) throws Exception {
        String mode = "quick";
        Integer cpus = null;
        Path out = Paths.get("target", "jcstress-run");
        String filter = null;
        boolean broken = false;
        boolean all = false;
        boolean expectForbidden = false;
        boolean list = false;
        boolean untrimmed = false;
        String layerPart = null;
        String buildId = "standalone";
        Path layerDir = Paths.get("target", "procspec");
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--mode": mode = args[++i]; break;
                case "--cpus": cpus = Integer.parseInt(args[++i]); break;
                case "--out": out = Paths.get(args[++i]); break;
                case "-t": filter = args[++i]; break;
                case "--broken": broken = true; break;
                case "--all": all = true; break;
                case "--expect-forbidden": expectForbidden = true; break;
                case "--list": list = true; break;
                case "--untrimmed": untrimmed = true; break;
                case "--layer-part": layerPart = args[++i]; break;
                case "--build-id": buildId = args[++i]; break;
                case "--layer-dir": layerDir = Paths.get(args[++i]); break;
                case "--":
                    for (i++; i < args.length; i++) {
                        extra.add(args[i]);
                    }
                    break;
                default:
                    if (a.isBlank()) {
                        break;
                    }
                    System.err.println("StressRun: unknown option " + a);
                    System.exit(2);
            }
        }
        if (layerPart != null) {
            // before any test class loads: Configs then gives the tests a counting hook in this JVM
            // only (LabelPass); jcstress's forks run with the no-op hook
            System.setProperty("procspec.stress.labels", "true");
        }
        int hostCpus = Runtime.getRuntime().availableProcessors();
        int useCpus = cpus != null ? cpus : hostCpus;

        // ---- select -----------------------------------------------------------------------------
        Pattern p = filter == null ? null : Pattern.compile(filter);
        Map<String, Integer> actors = new TreeMap<>();
        for (String t : TestList.tests()) {
            boolean isBroken = t.startsWith(BROKEN_PACKAGE);
            if (!all && isBroken != broken) {
                continue;
            }
            if (!t.startsWith("io.procspec.")) {
                continue;
            }
            if (p != null && !p.matcher(t).find()) {
                continue;
            }
            actors.put(t, TestList.getInfo(t).threads());
        }
        List<String> run = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, Integer> e : actors.entrySet()) {
            (e.getValue() <= useCpus ? run : skipped).add(e.getKey());
        }
        PrintStream o = System.out;
        o.println("procspec stress: mode " + mode + ", " + useCpus + " CPUs in use (" + hostCpus + " available)"
                + (broken ? ", BROKEN variants" : "") + (expectForbidden ? ", expecting FORBIDDEN outcomes" : ""));
        o.println("  to run (" + run.size() + "):");
        for (String t : run) {
            o.println("    " + t + "  [" + actors.get(t) + " actors]");
        }
        printSkipped(o, skipped, actors, useCpus);
        if (list) {
            return;
        }
        if (run.isEmpty()) {
            o.println("StressRun: no test selected");
            System.exit(skipped.isEmpty() ? 2 : 0);
        }
        java.time.Instant startedAt = java.time.Instant.now();
        if (layerPart != null) {
            LayerReport.progress(o, "start", new LinkedHashMap<>(Map.of("message", run.size() + " "
                    + (broken ? "broken variants" : "tests") + ", jcstress " + mode + " on " + useCpus + " CPUs")));
        }

        // ---- run jcstress in a child JVM, cwd = out --------------------------------------------
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path f : (Iterable<Path>) old::iterator) {
                if (f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz")) {
                    Files.delete(f);
                }
            }
        }
        String jar = Paths.get(StressRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar));
        List<String> preset = new ArrayList<>(untrimmed ? List.of("-m", mode) : modeArgs(mode));
        preset.addAll(List.of("-c", String.valueOf(useCpus), "-r", "report"));
        List<String> jargs = merge(preset, extra);
        cmd.addAll(jargs);
        cmd.addAll(List.of("-t", regexOf(run)));
        o.println("  jcstress: " + String.join(" ", jargs) + " -t <the " + run.size() + " tests above>");
        o.println("  working directory: " + out.toAbsolutePath());
        o.flush();
        long t0 = System.nanoTime();
        Process proc = new ProcessBuilder(cmd).directory(out.toFile()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(out.resolve("jcstress.log"))) {
            Pattern results = Pattern.compile(
                    "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed");
            String eta = null;
            for (String line; (line = r.readLine()) != null; ) {
                o.println(line);
                log.write(line);
                log.write('\n');
                if (layerPart == null) {
                    continue;
                }
                // display only (the verdicts come from the result blob): jcstress's progress block
                if (line.startsWith("(ETA: ")) {
                    eta = line.substring(1, line.length() - 1);
                }
                Matcher m = results.matcher(line);
                if (m.find()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("item", layerPart + " run");
                    f.put("done", Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)));
                    f.put("total", Integer.parseInt(m.group(1)));
                    f.put("figures", Map.of("failed", Integer.parseInt(m.group(3))));
                    if (eta != null) {
                        f.put("message", "results (forks x configurations); " + eta);
                    }
                    LayerReport.progress(o, "status", f);
                }
            }
        }
        int rc = proc.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;

        // ---- summarize ----------------------------------------------------------------------------
        Path blob;
        try (Stream<Path> s = Files.list(out)) {
            blob = s.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .sorted().reduce((a, b) -> b).orElse(null);
        }
        Map<String, Summarize.Row> rows = blob == null ? new TreeMap<>() : Summarize.read(blob, actors);
        for (String t : run) {
            rows.computeIfAbsent(t, k -> {
                Summarize.Row row = new Summarize.Row(k, actors.get(k));
                row.status = "MISSING";
                row.note = "selected and schedulable, but jcstress produced no result";
                return row;
            });
        }
        for (String t : skipped) {
            Summarize.Row row = new Summarize.Row(t, actors.get(t));
            row.status = "SKIPPED";
            row.note = "needs " + actors.get(t) + " CPUs, " + useCpus + " in use";
            rows.put(t, row);
        }
        // jcstress exits 1 when a test fails; the verdict comes from the graded results.
        boolean ok = blob != null && (rc == 0 || rc == 1);
        for (Summarize.Row row : rows.values()) {
            if (row.status.equals("SKIPPED")) {
                continue;
            }
            if (expectForbidden) {
                row.note = row.forbiddenSeen ? "broken variant: FORBIDDEN outcome shown, as intended"
                        : "broken variant: FORBIDDEN outcome NOT shown in this run";
                ok &= row.forbiddenSeen && !row.status.equals("ERROR") && !row.status.equals("MISSING");
            } else {
                ok &= row.status.equals("PASSED");
            }
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("mode", mode);
        header.put("cpus", useCpus);
        header.put("hostCpus", hostCpus);
        header.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        header.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        header.put("variants", all ? "all" : broken ? "broken" : "correct");
        header.put("expectForbidden", expectForbidden);
        header.put("jcstressArgs", String.join(" ", jargs));
        header.put("jcstressExitCode", rc);
        header.put("wallSeconds", Math.round(wall * 10) / 10.0);
        header.put("resultBlob", blob == null ? null : blob.getFileName().toString());
        header.put("htmlReport", "report/index.html");
        Map<String, Long> counts = new TreeMap<>();
        for (Summarize.Row row : rows.values()) {
            counts.merge(row.status, 1L, Long::sum);
        }
        header.put("counts", counts);
        header.put("passed", ok);
        Summarize.write(out, header, rows.values());
        if (layerPart != null) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
            env.put("cores", hostCpus);
            env.put("cpus in use", useCpus);
            env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            env.put("mode", mode + (mode.equals("quick") && !untrimmed ? " (CI trim)" : ""));
            String command = expectForbidden
                    ? "java -cp stress/target/jcstress.jar io.procspec.stress.tools.StressRun --broken --expect-forbidden"
                      + (filter == null ? "" : " -t " + filter)
                    : "mvn -pl stress -am verify" + (mode.equals("quick") ? "" : " -Dstress.mode=" + mode);
            List<Map<String, Object>> items = LayerReport.items(rows.values(), expectForbidden, layerDir);
            List<String> problems = new ArrayList<>();
            Map<String, Long> labels = LabelPass.run(run, problems);
            for (String pr : problems) {
                o.println("  label pass: " + pr);
            }
            Map<String, Object> part = LayerReport.part(layerPart, startedAt,
                    Math.round(wall * 10) / 10.0, command, blob != null && (rc == 0 || rc == 1), env, items);
            part.put("labels", labels);
            LayerReport.writePart(layerDir, layerPart, buildId, part);
            LayerReport.progress(o, "end", new LinkedHashMap<>(Map.of("verdict", ok ? "pass" : "fail",
                    "message", layerPart + " run: " + (ok ? "PASS" : "FAIL"))));
        }

        o.println();
        o.println("==== procspec stress summary (" + out.resolve("summary.json") + ") ====");
        printTable(o, rows.values());
        printSkipped(o, skipped, actors, useCpus);
        o.printf("  jcstress wall time: %.1f s, exit code %d%n", wall, rc);
        o.println(ok ? "  RESULT: PASS" : "  RESULT: FAIL");
        o.flush();
        System.exit(ok ? 0 : 1);
    }

    private static void printSkipped(PrintStream o, List<String> skipped, Map<String, Integer> actors, int cpus) {
        if (skipped.isEmpty()) {
            o.println("  skipped: none");
            return;
        }
        o.println("  SKIPPED, more actors than the " + cpus + " CPUs in use (run them with -c >= actors on a bigger machine):");
        for (String t : skipped) {
            o.println("    " + t + "  [" + actors.get(t) + " actors]");
        }
    }

    /** An anchored alternation of the exact names (jcstress matches -t with find()). */
    static String regexOf(Collection<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) {
            q.add(Pattern.quote(n));
        }
        return "^(" + String.join("|", q) + ")$";
    }

    /** One line per test: status, samples, and the count of every outcome seen. */
    static void printTable(PrintStream o, Collection<Summarize.Row> rows) {
        for (Summarize.Row r : rows) {
            String name = r.test.startsWith("io.procspec.stress.") ? r.test.substring("io.procspec.stress.".length()) : r.test;
            StringBuilder sb = new StringBuilder();
            for (Summarize.Outcome oc : r.outcomes) {
                if (oc.count > 0) {
                    sb.append(sb.length() == 0 ? "" : "; ").append('[').append(oc.id).append("]=").append(oc.count);
                    if (!oc.expect.equals("ACCEPTABLE")) {
                        sb.append(' ').append(oc.expect);
                    }
                }
            }
            o.printf("  %-8s %-44s %12d  %s%s%n", r.status, name, r.samples, sb, r.note.isEmpty() ? "" : "  (" + r.note + ")");
            if (!r.status.equals("PASSED") && !r.status.equals("SKIPPED")) {
                for (String m : r.messages) {
                    o.println("           " + m);
                }
            }
        }
    }
}
