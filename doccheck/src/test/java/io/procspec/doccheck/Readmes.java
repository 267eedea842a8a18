package io.procspec.doccheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands the READMEs document. A command is
 * <ul>
 *   <li>a line of a fenced code block whose language is {@code sh}, {@code bash} or {@code shell}
 *       (blank lines and {@code #} comments aside), or of an unlabelled block when it starts with
 *       a command word ({@code mvn}, {@code java}, {@code cd}, {@code VAR=…} …; other lines of an
 *       unlabelled block are output or a file layout); a line ending in {@code \} continues on
 *       the next;</li>
 *   <li>an inline code span in the text that starts with {@code mvn}, {@code java}, {@code bash}
 *       or {@code git}.</li>
 * </ul>
 * The lines of one block run in one shell, in order, so that a {@code cd} or a variable carries
 * to the lines after it.
 */
final class Readmes {
    private Readmes() {}

    /** One documented command. {@code block} is the fence's line, or 0 for an inline span. */
    record Command(String file, int line, int block, String text) {
        /** The text without a trailing comment, with whitespace and line continuations collapsed. */
        String key() {
            return key(text);
        }

        static String key(String text) {
            String t = text.replaceAll("\\\\\\n", " ");
            t = t.replaceAll("\\s+#\\s.*$", "");
            return t.replaceAll("\\s+", " ").trim();
        }

        boolean inline() {
            return block == 0;
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + key();
        }
    }

    static final Set<String> SHELL_LANGS = Set.of("sh", "bash", "shell");
    private static final Pattern COMMAND_WORD = Pattern.compile(
            "^(mvn|java|bash|sh|cd|cp|mkdir|rm|ls|git|export|env|\\./\\S+|[A-Za-z_][A-Za-z0-9_]*=\\S*)(\\s|$)");
    private static final Pattern INLINE_COMMAND = Pattern.compile("^(mvn|java|bash|git)\\s");
    private static final Pattern INLINE_CODE = Pattern.compile("(?<!`)`([^`]+)`(?!`)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)\\s*([A-Za-z0-9_+-]*).*$");

    /** Every README.md under root (not under target/, .git/, results/ or node_modules/), root's last. */
    static List<Path> find(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String n = part.toString();
                            if (n.equals("target") || n.equals(".git") || n.equals("results") || n.equals("node_modules")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted(Comparator.comparing((Path p) -> root.relativize(p).getNameCount() == 1)
                            .thenComparing(p -> root.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands of every README under root: blocks first (file by file), then inline spans. */
    static List<Command> commands(Path root) {
        List<Command> blocks = new ArrayList<>();
        List<Command> inline = new ArrayList<>();
        for (Path p : find(root)) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            try {
                parse(rel, Files.readString(p, StandardCharsets.UTF_8), blocks, inline);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Command> all = new ArrayList<>(blocks);
        all.addAll(inline);
        return all;
    }

    /** The commands of one Markdown text, appended to blocks and inline. */
    static void parse(String file, String markdown, List<Command> blocks, List<Command> inline) {
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        String lang = null;
        int fenceLine = 0;
        StringBuilder cont = null;
        int contLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replace("\r", "");
            int no = i + 1;
            if (fence == null) {
                Matcher f = FENCE.matcher(l);
                if (f.matches()) {
                    fence = f.group(1);
                    lang = f.group(2).toLowerCase();
                    fenceLine = no;
                    continue;
                }
                Matcher m = INLINE_CODE.matcher(l);
                while (m.find()) {
                    String code = m.group(1).trim();
                    if (INLINE_COMMAND.matcher(code).find()) {
                        inline.add(new Command(file, no, 0, code));
                    }
                }
                continue;
            }
            if (l.trim().startsWith(fence.substring(0, 3)) && l.trim().replaceAll("[`~]", "").isEmpty()) {
                fence = null;
                cont = null;
                continue;
            }
            boolean shell = SHELL_LANGS.contains(lang);
            if (!shell && !lang.isEmpty()) {
                continue; // java, json, tla …
            }
            if (cont != null) {
                cont.append('\n').append(l);
                if (!l.endsWith("\\")) {
                    blocks.add(new Command(file, contLine, fenceLine, cont.toString()));
                    cont = null;
                }
                continue;
            }
            String t = l.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (!shell && !COMMAND_WORD.matcher(t).find()) {
                continue; // output or a layout listing in an unlabelled block
            }
            if (t.endsWith("\\")) {
                cont = new StringBuilder(t);
                contLine = no;
                continue;
            }
            blocks.add(new Command(file, no, fenceLine, t));
        }
    }
}
