package io.procspec.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TLC model: a {@code models/*.cfg} file plus the metadata in its header comments.
 *
 * <pre>
 * \* @spec MCProc                       the module TLC checks (tla/MCProc.tla, which bounds Proc.tla)
 * \* @profile ci                        ci (run by every build), deep (-Pdeep) or dist (distributed test)
 * \* @expect ok                         or: invariant NAME | action NAME | temporal NAME | deadlock
 * \* @deadlock off                      pass -deadlock (no deadlock check) -- only where meant
 * \* @workers 1                         TLC workers (default: -Dprocspec.tlc.workers)
 * \* @timeout 300                       seconds
 * \* @exempt LABEL: reason              a label (action) that need not fire in this model, and why
 * \* @probe-exempt PROBE: reason        a branch probe that no CI model reaches, and why
 * \* @reference title                   the counterexample is a curated reference trace with this title
 * \* @about text                        one line saying what the model is for
 * </pre>
 */
public record ModelConfig(
        String name, Path file, String spec, String profile, Expectation expect, boolean checkDeadlock,
        Integer workers, int timeoutSeconds, Map<String, String> exempt, Map<String, String> probeExempt,
        String reference, String about,
        List<String> invariants, List<String> properties, Map<String, String> constants) {

    /** What TLC must report. */
    public record Expectation(TlcResult.Outcome outcome, String property) {
        @Override
        public String toString() {
            return property == null ? outcome.toString() : outcome + " " + property;
        }
    }

    private static final Pattern META = Pattern.compile("^\\\\\\*\\s*@(\\w[\\w-]*)\\s*(.*)$");
    private static final List<String> KEYWORDS = List.of("SPECIFICATION", "INIT", "NEXT", "INVARIANT",
            "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTANT", "CONSTANTS", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "SYMMETRY", "VIEW", "CHECK_DEADLOCK", "POSTCONDITION",
            "ALIAS");

    public static ModelConfig parse(Path file) {
        String text = SpecLayout.read(file);
        String name = file.getFileName().toString().replaceFirst("\\.cfg$", "");
        String spec = null;
        String profile = "ci";
        Expectation expect = new Expectation(TlcResult.Outcome.OK, null);
        boolean checkDeadlock = true;
        Integer workers = null;
        int timeout = 600;
        String about = "";
        Map<String, String> exempt = new LinkedHashMap<>();
        Map<String, String> probeExempt = new LinkedHashMap<>();
        String reference = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher m = META.matcher(line.trim());
            if (m.matches()) {
                String key = m.group(1).toLowerCase(Locale.ROOT);
                String val = m.group(2).trim();
                switch (key) {
                    case "spec" -> spec = val;
                    case "profile" -> profile = val;
                    case "expect" -> expect = parseExpect(val, file);
                    case "deadlock" -> checkDeadlock = !val.equalsIgnoreCase("off");
                    case "workers" -> workers = Integer.parseInt(val);
                    case "timeout" -> timeout = Integer.parseInt(val);
                    case "about" -> about = about.isEmpty() ? val : about + " " + val;
                    case "exempt" -> putReason(exempt, val, file, "@exempt needs 'LABEL: reason'");
                    case "probe-exempt" -> putReason(probeExempt, val, file, "@probe-exempt needs 'PROBE: reason'");
                    case "reference" -> reference = val;
                    default -> throw new IllegalArgumentException(file + ": unknown header @" + key);
                }
            } else {
                body.append(PlusCalSource.stripComment(line)).append('\n');
            }
        }
        if (spec == null) {
            throw new IllegalArgumentException(file + ": missing '\\* @spec MODULE'");
        }
        Map<String, List<String>> sections = sections(body.toString());
        Map<String, String> constants = new LinkedHashMap<>();
        for (String c : join(sections, "CONSTANT", "CONSTANTS")) {
            int eq = c.indexOf('=');
            if (eq > 0) {
                constants.put(c.substring(0, eq).trim(), c.substring(eq + 1).trim());
            }
        }
        if (reference != null && expect.outcome() == TlcResult.Outcome.OK) {
            throw new IllegalArgumentException(file + ": @reference needs an @expect that yields a trace");
        }
        return new ModelConfig(name, file, spec, profile, expect, checkDeadlock, workers, timeout,
                exempt, probeExempt, reference, about, words(join(sections, "INVARIANT", "INVARIANTS")),
                words(join(sections, "PROPERTY", "PROPERTIES")), constants);
    }

    private static void putReason(Map<String, String> into, String val, Path file, String usage) {
        int c = val.indexOf(':');
        if (c < 0 || val.substring(c + 1).isBlank()) {
            throw new IllegalArgumentException(file + ": " + usage);
        }
        into.put(val.substring(0, c).trim(), val.substring(c + 1).trim());
    }

    /** The property the model is about: the expected violation, else its properties and invariants. */
    public String propertySummary() {
        if (expect.property() != null) {
            return expect.property();
        }
        List<String> all = new ArrayList<>(properties);
        all.addAll(invariants);
        return String.join(" ", all);
    }

    public boolean expectsViolation() {
        return expect.outcome() != TlcResult.Outcome.OK;
    }

    /** A short rendering of the constants that vary between models. */
    public String constantsSummary() {
        StringBuilder sb = new StringBuilder();
        constants.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private static Expectation parseExpect(String val, Path file) {
        String[] parts = val.split("\\s+");
        TlcResult.Outcome o = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "ok" -> TlcResult.Outcome.OK;
            case "invariant" -> TlcResult.Outcome.INVARIANT;
            case "action" -> TlcResult.Outcome.ACTION_PROPERTY;
            case "temporal" -> TlcResult.Outcome.TEMPORAL;
            case "deadlock" -> TlcResult.Outcome.DEADLOCK;
            default -> throw new IllegalArgumentException(file + ": bad @expect " + val);
        };
        String prop = parts.length > 1 ? parts[1] : null;
        if ((o == TlcResult.Outcome.INVARIANT || o == TlcResult.Outcome.ACTION_PROPERTY
                || o == TlcResult.Outcome.TEMPORAL) && prop == null) {
            throw new IllegalArgumentException(file + ": @expect " + parts[0] + " needs a property name");
        }
        return new Expectation(o, prop);
    }

    /** Splits a cfg body into keyword sections; values are the entries (one per line or name). */
    private static Map<String, List<String>> sections(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String raw : body.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            String first = line.split("\\s+")[0];
            if (KEYWORDS.contains(first)) {
                current = first;
                out.computeIfAbsent(current, k -> new ArrayList<>());
                line = line.substring(first.length()).trim();
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (current != null) {
                out.get(current).add(line);
            }
        }
        return out;
    }

    private static List<String> join(Map<String, List<String>> s, String a, String b) {
        List<String> out = new ArrayList<>(s.getOrDefault(a, List.of()));
        out.addAll(s.getOrDefault(b, List.of()));
        return out;
    }

    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            for (String w : l.split("\\s+")) {
                if (!w.isBlank()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
