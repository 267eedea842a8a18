package io.procspec.doccheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs documented commands the way a new user would: in a fresh {@code git clone} of the
 * repository at its HEAD commit, with a local Maven repository that holds no
 * {@code io.procspec} artifacts (a directory of links to the user's local repository, without
 * {@code io/procspec}), so that a command relying on {@code mvn install} fails here as it would on
 * a fresh machine.
 *
 * <p>The selected lines of one fenced block run in one {@code bash}, in order (a {@code cd} or a
 * variable carries over); each inline command runs alone. Everything runs from the clone's root.
 * Each command has a time limit; on expiry the whole process tree is killed. Output goes to one
 * log per block under {@code out/logs/}; {@code out/summary.json} and {@code out/summary.md} list
 * every command with its status and time.
 */
final class Runner {

    /** What happened to one command. */
    record Result(String file, int line, String command, String klass, String status, double seconds, Integer exitCode,
                  String log) {
        boolean failed() {
            return status.equals("failed") || status.equals("timeout") || status.equals("unclassified");
        }
    }

    final Path source;
    final Path out;
    final String mode;
    final Pattern only;
    final Path m2;
    /** Per-command limits in seconds: run, long. */
    long runLimit = 300;
    long longLimit = 3600;
    String commit;
    Path clone;
    final List<String> notes = new ArrayList<>();

    Runner(Path source, Path out, String mode, String only, Path m2) {
        this.source = source;
        this.out = out;
        this.mode = mode;
        this.only = only == null || only.isBlank() ? null : Pattern.compile(only);
        this.m2 = m2;
        if (!mode.equals("ci") && !mode.equals("all")) {
            throw new IllegalArgumentException("procspec.docs.mode must be ci or all, got " + mode);
        }
    }

    /** Clones source at HEAD into out/clone (replacing an old one). */
    void cloneAtHead() throws IOException, InterruptedException {
        commit = git(source, "rev-parse", "HEAD").trim();
        String dirty = git(source, "status", "--porcelain", "--untracked-files=no").trim();
        if (!dirty.isEmpty()) {
            notes.add("the working tree has uncommitted changes; the check runs the commit " + commit
                    + " without them");
        }
        clone = out.resolve("clone");
        deleteTree(clone);
        Files.createDirectories(out);
        git(out, "clone", "--quiet", "--no-checkout", source.toAbsolutePath().toString(), clone.toString());
        git(clone, "checkout", "--quiet", "--detach", commit);
    }

    /** A local repository with the user's artifacts but none of io.procspec (links, not copies). */
    Path filteredRepository() throws IOException {
        Path repo = out.resolve("m2-without-procspec");
        deleteTree(repo);
        Files.createDirectories(repo.resolve("io"));
        if (m2 != null && Files.isDirectory(m2)) {
            try (Stream<Path> s = Files.list(m2)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (!p.getFileName().toString().equals("io")) {
                        Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p.toAbsolutePath());
                    }
                }
            }
            Path io = m2.resolve("io");
            if (Files.isDirectory(io)) {
                try (Stream<Path> s = Files.list(io)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        if (!p.getFileName().toString().equals("procspec")) {
                            Files.createSymbolicLink(repo.resolve("io").resolve(p.getFileName().toString()), p.toAbsolutePath());
                        }
                    }
                }
            }
        } else {
            notes.add("no local Maven repository at " + m2 + ": Maven downloads everything into " + repo);
        }
        return repo;
    }

    /** One script: the selected commands of a block (or one inline command), with their classes. */
    record Script(List<Readmes.Command> commands, List<Manifest.Entry> entries) {}

    /** Classifies and groups the commands of the clone; unclassified ones become failed results. */
    List<Script> plan(List<Readmes.Command> commands, Manifest manifest, List<Result> results) {
        List<Script> scripts = new ArrayList<>();
        Map<String, Script> byBlock = new LinkedHashMap<>();
        for (Readmes.Command c : commands) {
            Manifest.Entry e = manifest.get(c);
            if (e == null) {
                results.add(new Result(c.file(), c.line(), c.key(), "?", "unclassified", 0, null,
                        "not in doccheck/commands.tsv"));
                continue;
            }
            boolean selected = e.klass() == Manifest.Klass.RUN
                    || (e.klass() == Manifest.Klass.LONG && mode.equals("all"));
            if (only != null && !only.matcher(c.key()).find()) {
                selected = false;
            }
            if (!selected) {
                results.add(new Result(c.file(), c.line(), c.key(), e.klass().name().toLowerCase(),
                        e.klass() == Manifest.Klass.MANUAL ? "manual" : "not selected", 0, null, e.note()));
                continue;
            }
            if (c.inline()) {
                scripts.add(new Script(new ArrayList<>(List.of(c)), new ArrayList<>(List.of(e))));
            } else {
                Script s = byBlock.computeIfAbsent(c.file() + "#" + c.block(), k -> {
                    Script n = new Script(new ArrayList<>(), new ArrayList<>());
                    scripts.add(n);
                    return n;
                });
                s.commands().add(c);
                s.entries().add(e);
            }
        }
        return scripts;
    }

    /** Runs one script in the clone; appends one result per command. */
    void run(Script s, int index, Path repo, List<Result> results) throws IOException, InterruptedException {
        Files.createDirectories(out.resolve("logs"));
        Readmes.Command first = s.commands().get(0);
        String logName = String.format("%02d-%s-L%d.log", index, first.file().replace('/', '_'), first.line());
        Path log = out.resolve("logs").resolve(logName);
        StringBuilder script = new StringBuilder("set -o pipefail\ncd \"$DOCCHECK_CLONE\"\n");
        long limit = 0;
        for (int i = 0; i < s.commands().size(); i++) {
            Readmes.Command c = s.commands().get(i);
            script.append("echo '@@doccheck start ").append(i).append("'\n");
            script.append(c.text()).append('\n');
            int expect = s.entries().get(i).expectedExit();
            script.append("__rc=$?; if [ $__rc -ne ").append(expect).append(" ]; then echo \"@@doccheck fail ").append(i)
                    .append(" $__rc\"; exit $(( __rc == 0 ? 1 : __rc )); fi\n");
            script.append("echo '@@doccheck ok ").append(i).append("'\n");
            limit += s.entries().get(i).klass() == Manifest.Klass.LONG ? longLimit : runLimit;
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString());
        pb.directory(clone.toFile());
        pb.redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("MAVEN_CMD_LINE_ARGS"); // set by the outer mvn; the commands are separate runs
        env.remove("MAVEN_PROJECTBASEDIR");
        env.put("DOCCHECK_CLONE", clone.toAbsolutePath().toString());
        String opts = env.getOrDefault("MAVEN_OPTS", "");
        env.put("MAVEN_OPTS", (opts + " -Dmaven.repo.local=" + repo.toAbsolutePath()).trim());
        long[] start = new long[s.commands().size()];
        long[] end = new long[s.commands().size()];
        Integer[] rc = new Integer[s.commands().size()];
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String l; (l = r.readLine()) != null; ) {
                    w.write(l);
                    w.write('\n');
                    int at = l.indexOf("@@doccheck "); // mvn -q may leave colour codes before it on the line
                    if (at >= 0) {
                        String[] f = l.substring(at).split(" ");
                        int i = Integer.parseInt(f[2]);
                        long now = System.nanoTime();
                        switch (f[1]) {
                            case "start" -> start[i] = now;
                            case "ok" -> {
                                end[i] = now;
                                rc[i] = s.entries().get(i).expectedExit(); // it ended as the manifest expects
                            }
                            case "fail" -> {
                                end[i] = now;
                                rc[i] = Integer.parseInt(f[3]);
                            }
                            default -> { }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "doccheck-output");
        reader.setDaemon(true);
        reader.start();
        boolean done = p.waitFor(limit, TimeUnit.SECONDS);
        if (!done) {
            List<ProcessHandle> tree = p.descendants().toList(); // before bash dies and they are reparented
            p.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
            p.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(30_000);
        long t1 = System.nanoTime();
        int last = -1; // the command running at the limit, if any
        for (int i = 0; i < s.commands().size(); i++) {
            if (start[i] != 0) {
                last = i;
            }
        }
        for (int i = 0; i < s.commands().size(); i++) {
            Readmes.Command c = s.commands().get(i);
            String klass = s.entries().get(i).klass().name().toLowerCase();
            String status;
            double secs = 0;
            if (!done && i == last) {
                status = "timeout"; // killed at the limit (its exit status, if any, is the kill's)
                secs = (t1 - start[i]) / 1e9;
            } else if (rc[i] != null) {
                status = rc[i] == s.entries().get(i).expectedExit() ? "passed" : "failed";
                secs = (end[i] - start[i]) / 1e9;
            } else if (start[i] != 0) {
                status = "failed"; // started, never finished: the shell died
                secs = (t1 - start[i]) / 1e9;
            } else {
                status = "not run"; // an earlier command of the block failed
            }
            results.add(new Result(c.file(), c.line(), c.key(), klass, status, Math.round(secs * 10) / 10.0, rc[i],
                    out.relativize(log).toString()));
        }
        if (!done) {
            notes.add(logName + ": killed after " + limit + " s");
        }
    }

    /** Clone, plan and run everything selected; writes the summaries; returns every result. */
    List<Result> runAll() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        cloneAtHead();
        Path repo = filteredRepository();
        Manifest manifest = Manifest.read(clone.resolve("doccheck/commands.tsv"));
        List<Result> results = new ArrayList<>();
        for (String e : manifest.errors) {
            results.add(new Result("doccheck/commands.tsv", 0, e, "?", "failed", 0, null, ""));
        }
        List<Script> scripts = plan(Readmes.commands(clone), manifest, results);
        int i = 0;
        for (Script s : scripts) {
            run(s, ++i, repo, results);
        }
        double wall = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
        writeSummary(results, wall);
        return results;
    }

    void writeSummary(List<Result> results, double wall) throws IOException {
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("mode", mode);
        sum.put("only", only == null ? null : only.pattern());
        sum.put("commit", commit);
        sum.put("clone", clone == null ? null : clone.toString());
        sum.put("wallSeconds", wall);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Result r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        sum.put("counts", counts);
        sum.put("passed", results.stream().noneMatch(Result::failed));
        sum.put("notes", notes);
        sum.put("commands", results);
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), sum);
        StringBuilder md = new StringBuilder("# Documented commands (mode " + mode + ", commit " + commit + ", "
                + wall + " s)\n\n| file:line | class | status | s | command |\n| --- | --- | --- | ---: | --- |\n");
        for (Result r : results) {
            md.append("| ").append(r.file()).append(':').append(r.line()).append(" | ").append(r.klass()).append(" | ")
                    .append(r.status()).append(" | ").append(r.seconds()).append(" | `")
                    .append(r.command().replace("|", "\\|")).append("` |\n");
        }
        for (String n : notes) {
            md.append("\nNote: ").append(n).append('\n');
        }
        Files.writeString(out.resolve("summary.md"), md.toString(), StandardCharsets.UTF_8);
    }

    /** The last n lines of a log under out. */
    String tail(String log, int n) {
        try {
            Path p = out.resolve(log);
            if (!Files.exists(p)) {
                return "";
            }
            List<String> l = Files.readAllLines(p, StandardCharsets.UTF_8);
            return String.join("\n", l.subList(Math.max(0, l.size() - n), l.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + ": no answer in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " in " + dir + " failed (" + p.exitValue() + "): " + outText);
        }
        return outText;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) { // walk does not follow links: the repository's links go, their targets stay
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
