package io.procspec.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The machine and versions a report was made on: JDK, cores, OS, Maven, Go toolchains, commit. */
public final class Environment {
    private Environment() {}

    public static Map<String, Object> collect(Path root) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("memory", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap of the report JVM");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        String mvn = System.getenv("PROCSPEC_MAVEN_VERSION");
        env.put("maven", mvn != null ? mvn : first(run(root, 30, Check.mavenExecutable(), "-v")));
        String commit = first(run(root, 10, "git", "rev-parse", "HEAD"));
        if (commit != null) {
            String dirty = run(root, 10, "git", "status", "--porcelain", "--untracked-files=no");
            env.put("commit", commit + (dirty != null && !dirty.isBlank() ? " (with uncommitted changes)" : ""));
        }
        List<String> go = new ArrayList<>();
        try (Stream<Path> s = Files.list(Paths.get("/usr/lib"))) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path bin = p.resolve("bin").resolve("go");
                if (p.getFileName().toString().startsWith("go-") && Files.isExecutable(bin)) {
                    String v = first(run(root, 10, bin.toString(), "version"));
                    if (v != null) {
                        go.add(v.replace("go version ", ""));
                    }
                }
            }
        } catch (IOException e) {
            // no /usr/lib: no Debian Go toolchains
        }
        env.put("go", go.isEmpty() ? "none found (/usr/lib/go-*/bin/go)" : String.join("; ", go));
        String versions = toolVersions(root);
        if (!versions.isEmpty()) {
            env.put("versions", versions);
        }
        return env;
    }

    /** The tool versions the root pom pins ({@code <jqwik.version>1.9.3</jqwik.version>} ...). */
    static String toolVersions(Path root) {
        try {
            String pom = Files.readString(root.resolve("pom.xml"));
            int a = pom.indexOf("<properties>");
            int b = pom.indexOf("</properties>");
            if (a < 0 || b < a) {
                return "";
            }
            List<String> out = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([\\w.-]+)\\.version>([^<]+)</")
                    .matcher(pom.substring(a, b).replaceAll("(?s)<!--.*?-->", ""));
            while (m.find()) {
                out.add(m.group(1) + " " + m.group(2).strip());
            }
            return String.join(", ", out);
        } catch (IOException e) {
            return "";
        }
    }

    private static String first(String s) {
        if (s == null) {
            return null;
        }
        String line = s.strip().lines().findFirst().orElse(null);
        return line == null ? null : line.replaceAll("\u001B\\[[;\\d]*m", "");
    }

    /** A command's output, or null if it cannot run or fails. */
    static String run(Path dir, int timeoutSeconds, String... cmd) {
        Path out = null;
        try {
            out = Files.createTempFile("procspec-env", ".txt");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temp file left behind
                }
            }
        }
    }
}
