package io.procspec.oracle;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go toolchain found on this machine: the {@code go} command and the release it reports.
 *
 * <p>{@link #discover} looks, in this order, at: the paths in {@code PROCSPEC_GO} (colon
 * separated; each a {@code go} binary or a GOROOT; {@code none} turns the search off), Debian's {@code /usr/lib/go-*}/bin/go,
 * {@code $GOROOT/bin/go}, {@code go} on {@code PATH}, {@code /usr/local/go/bin/go} and
 * {@code ~/sdk/go*}/bin/go; it keeps one toolchain per release ({@code go version}), the first
 * found. Nothing is assumed to exist: a path that is missing, not executable, or whose
 * {@code go version} fails or says something unexpected is skipped (and listed by
 * {@link Discovery#skipped}).
 *
 * @param go      the {@code go} command (real path)
 * @param version the release, e.g. {@code go1.21.13}
 * @param major   1
 * @param minor   21
 * @param patch   13 (0 for a release without one, e.g. go1.21rc2 has patch 0)
 */
public record GoToolchain(Path go, String version, int major, int minor, int patch) {

    private static final Pattern VERSION = Pattern.compile("\\bgo version (go(\\d+)\\.(\\d+)(?:\\.(\\d+))?\\S*)");

    /** {@code go1.21}: the release family, used in item names. */
    public String family() {
        return "go" + major + "." + minor;
    }

    /** Orders by release. */
    public static final Comparator<GoToolchain> BY_VERSION = Comparator.comparingInt(GoToolchain::major)
            .thenComparingInt(GoToolchain::minor).thenComparingInt(GoToolchain::patch)
            .thenComparing(GoToolchain::version);

    /**
     * Parses the output of {@code go version}, e.g. {@code go version go1.21.13 linux/amd64}.
     *
     * @return the toolchain, or null if the text has no Go release in it
     */
    public static GoToolchain parse(Path go, String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            return null;
        }
        return new GoToolchain(go, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    /** What {@link #discover} found, and what it looked at and skipped (with why). */
    public record Discovery(List<GoToolchain> toolchains, List<String> skipped) {}

    /** {@link #discover(Map)} with this process's environment. */
    public static Discovery discover() {
        return discover(System.getenv());
    }

    /**
     * Finds the Go toolchains on this machine (see the class comment), ordered by release.
     *
     * @param env the environment to read {@code PROCSPEC_GO}, {@code GOROOT}, {@code PATH} and
     *            {@code HOME} from
     */
    public static Discovery discover(Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        String explicit = env.get("PROCSPEC_GO");
        if ("none".equals(explicit)) {
            return new Discovery(List.of(), List.of("PROCSPEC_GO=none: no toolchain is used"));
        }
        if (explicit != null && !explicit.isBlank()) {
            for (String s : explicit.split(File.pathSeparator)) {
                if (!s.isBlank()) {
                    Path p = Paths.get(s.trim());
                    candidates.add(Files.isDirectory(p) ? p.resolve("bin").resolve("go") : p);
                }
            }
        }
        candidates.addAll(glob(Paths.get("/usr/lib"), "go-*", "bin/go"));
        String goroot = env.get("GOROOT");
        if (goroot != null && !goroot.isBlank()) {
            candidates.add(Paths.get(goroot, "bin", "go"));
        }
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Paths.get(dir, "go"));
                }
            }
        }
        candidates.add(Paths.get("/usr/local/go/bin/go"));
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            candidates.addAll(glob(Paths.get(home, "sdk"), "go*", "bin/go"));
        }

        Map<Path, Boolean> seenPaths = new LinkedHashMap<>();
        Map<String, GoToolchain> byVersion = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path c : candidates) {
            if (!Files.exists(c)) {
                if (explicit != null && explicit.contains(c.toString())) {
                    skipped.add(c + ": does not exist");
                }
                continue;
            }
            Path real;
            try {
                real = c.toRealPath();
            } catch (IOException e) {
                skipped.add(c + ": " + e.getMessage());
                continue;
            }
            if (seenPaths.put(real, true) != null) {
                continue;
            }
            if (!Files.isExecutable(real) || Files.isDirectory(real)) {
                skipped.add(c + ": not an executable file");
                continue;
            }
            String out;
            try {
                out = runVersion(real);
            } catch (IOException e) {
                skipped.add(c + ": go version failed: " + e.getMessage());
                continue;
            }
            GoToolchain t = parse(real, out);
            if (t == null) {
                skipped.add(c + ": go version printed no release: " + out.strip());
                continue;
            }
            byVersion.putIfAbsent(t.version(), t);
        }
        List<GoToolchain> list = new ArrayList<>(byVersion.values());
        list.sort(BY_VERSION);
        return new Discovery(List.copyOf(list), List.copyOf(skipped));
    }

    private static List<Path> glob(Path dir, String glob, String sub) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) {
                out.add(p.resolve(sub));
            }
        } catch (IOException e) {
            return out; // an unreadable directory holds no toolchain we can use
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** {@code go version}, with GOTOOLCHAIN=local so that no newer toolchain is fetched. */
    private static String runVersion(Path go) throws IOException {
        Exec.Result r = Exec.run(List.of(go.toString(), "version"), Map.of("GOTOOLCHAIN", "local"), null,
                java.time.Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new IOException(r.failure());
        }
        return r.stdout();
    }

    @Override
    public String toString() {
        return version + " (" + go + ")";
    }
}
