package io.procspec.doccheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code doccheck/commands.tsv}: how each documented command is checked. One line per command
 * (per README; the same command twice in one README is one line): {@code file <TAB> class <TAB>
 * command <TAB> note}, the command as {@link Readmes.Command#key()} writes it. Classes:
 * <ul>
 *   <li>{@code run} — cheap: run from a fresh clone in CI ({@code mvn verify});</li>
 *   <li>{@code long} — run with {@code -Pall-commands} (minutes each);</li>
 *   <li>{@code manual} — never run by the check; the note says why (hours on a many-core machine,
 *       several hosts, placeholders to fill in, or the CI command itself).</li>
 * </ul>
 */
final class Manifest {
    enum Klass { RUN, LONG, MANUAL }

    record Entry(String file, Klass klass, String command, String note, int line) {
        /**
         * The exit status the command must end with: 0, or the N of a note that starts
         * "exit N:" (a command documented for what it refuses or reports, e.g. the main job's
         * exit 4 when a fresh clone has nothing to report on).
         */
        int expectedExit() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^exit (\\d+):").matcher(note);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    final Path path;
    final Map<String, Entry> entries = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    private Manifest(Path path) {
        this.path = path;
    }

    static String id(String file, String key) {
        return file + "\t" + key;
    }

    static Manifest read(Path path) {
        Manifest m = new Manifest(path);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t", -1);
            if (f.length < 3 || f.length > 4) {
                m.errors.add(path.getFileName() + ":" + (i + 1) + ": expected file<TAB>class<TAB>command[<TAB>note]");
                continue;
            }
            Klass k;
            try {
                k = Klass.valueOf(f[1].trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                m.errors.add(path.getFileName() + ":" + (i + 1) + ": class must be run, long or manual, not " + f[1]);
                continue;
            }
            String note = f.length == 4 ? f[3].trim() : "";
            if (k == Klass.MANUAL && note.isEmpty()) {
                m.errors.add(path.getFileName() + ":" + (i + 1) + ": a manual command needs a note saying why");
            }
            String key = Readmes.Command.key(f[2]);
            Entry e = new Entry(f[0].trim(), k, key, note, i + 1);
            if (m.entries.put(id(e.file(), key), e) != null) {
                m.errors.add(path.getFileName() + ":" + (i + 1) + ": listed twice: " + key);
            }
        }
        return m;
    }

    Entry get(Readmes.Command c) {
        return entries.get(id(c.file(), c.key()));
    }
}
