package io.procspec.mutants;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bug as a source change: textual edits of the repository's files that the bug runner
 * ({@link io.procspec.mutants.runner.BugRunner}) applies to a scratch copy before it builds the copy
 * offline and runs the layers on it. Production code stays clean: a patch exists only here.
 *
 * <p>An {@link Edit} finds a run of consecutive lines, compared with leading and trailing white
 * space trimmed (so the find text need not repeat the file's indentation), which must occur
 * exactly once in the file; it replaces them with its replacement lines, indented like the first
 * line found plus each replacement line's own relative indentation. Every replacement line that
 * is not in the original should carry a {@code // BUG} marker, as in the Java twins.
 *
 * @param bug         the bug's name in the {@link Catalogue}
 * @param edits       the edits, applied in order
 * @param equivalence null, or why the change cannot be observed (an <em>equivalent mutant</em>):
 *                    no layer is expected to catch it, and the matrix shows the argument
 */
public record Patch(String bug, List<Edit> edits, String equivalence) {

    /** One edit: in {@code file} (relative to the repository root), replace {@code find} by {@code replace}. */
    public record Edit(String file, String find, String replace) {
        public Edit {
            Objects.requireNonNull(file);
            Objects.requireNonNull(find);
            Objects.requireNonNull(replace);
            if (find.isBlank()) {
                throw new IllegalArgumentException("an edit must find something");
            }
        }
    }

    public Patch {
        Objects.requireNonNull(bug);
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException(bug + ": a patch needs at least one edit");
        }
    }

    /** Whether this is an equivalent mutant (see {@link #equivalence()}). */
    public boolean equivalent() {
        return equivalence != null;
    }

    /** The files this patch changes, in first-edit order. */
    public List<String> files() {
        List<String> out = new ArrayList<>();
        for (Edit e : edits) {
            if (!out.contains(e.file())) {
                out.add(e.file());
            }
        }
        return out;
    }

    /**
     * Applies the edits of this patch that concern {@code file} to its text {@code src}.
     *
     * @throws IllegalStateException when an edit's find text is missing or occurs more than once
     *         (the patch is stale: the code it changes has moved)
     */
    public String apply(String file, String src) {
        String out = src;
        for (Edit e : edits) {
            if (e.file().equals(file)) {
                out = applyEdit(out, e);
            }
        }
        return out;
    }

    /** One edit on {@code src}; see the class comment. */
    public String applyEdit(String src, Edit e) {
        String[] lines = src.split("\n", -1);
        List<String> find = trimmedLines(e.find());
        int at = -1;
        for (int i = 0; i + find.size() <= lines.length; i++) {
            boolean match = true;
            for (int k = 0; k < find.size() && match; k++) {
                match = lines[i + k].trim().equals(find.get(k));
            }
            if (match) {
                if (at >= 0) {
                    throw new IllegalStateException(bug + ": the text to change occurs more than once in "
                            + e.file() + " (lines " + (at + 1) + " and " + (i + 1) + "): " + find.get(0));
                }
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalStateException(bug + ": stale patch: " + e.file() + " no longer contains: "
                    + String.join(" / ", find));
        }
        String indent = lines[at].substring(0, lines[at].length() - lines[at].stripLeading().length());
        List<String> repl = replacementLines(e.replace(), indent);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < at; i++) {
            sb.append(lines[i]).append('\n');
        }
        for (String r : repl) {
            sb.append(r).append('\n');
        }
        for (int i = at + find.size(); i < lines.length; i++) {
            sb.append(lines[i]);
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static List<String> trimmedLines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.strip().split("\n")) {
            out.add(l.trim());
        }
        return out;
    }

    private static List<String> replacementLines(String text, String indent) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        String[] ls = text.stripTrailing().split("\n");
        int common = Integer.MAX_VALUE;
        for (String l : ls) {
            if (!l.isBlank()) {
                common = Math.min(common, l.length() - l.stripLeading().length());
            }
        }
        // drop leading blank lines
        int start = 0;
        while (start < ls.length && ls[start].isBlank()) {
            start++;
        }
        for (int i = start; i < ls.length; i++) {
            String l = ls[i];
            out.add(l.isBlank() ? "" : indent + l.substring(Math.min(common, l.length())));
        }
        return out;
    }
}
