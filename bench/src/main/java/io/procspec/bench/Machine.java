package io.procspec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine a run measured: cores, CPU, OS, load, JDKs, the commit. */
final class Machine {
    private Machine() {}

    /** The CPU's model name from /proc/cpuinfo, or os.arch where there is none. */
    static String cpu() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** The 1-minute load average (/proc/loadavg), or -1 where unknown. */
    static double load1() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(s.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    /** A short host name for the results folder: letters, digits and '-' only. */
    static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                h = "machine";
            }
        }
        h = h.replaceAll("[^A-Za-z0-9-]", "-");
        return (h.isEmpty() ? "machine" : h) + "-" + Runtime.getRuntime().availableProcessors() + "c";
    }

    /** {@code git rev-parse HEAD} (plus "-dirty" when the work tree has changes), or "unknown". */
    static String commit() {
        String head = run(List.of("git", "rev-parse", "HEAD"));
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String st = run(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return head.trim() + (st != null && !st.isBlank() ? "-dirty" : "");
    }

    /** Runs a short command; its standard output, or null if it failed. */
    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The JDK version in a Java home's {@code release} file (JAVA_VERSION), or null. */
    static String jdkVersion(Path home) {
        try {
            for (String l : Files.readAllLines(home.resolve("release"))) {
                if (l.startsWith("JAVA_VERSION=")) {
                    return l.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no release file
        }
        return null;
    }

    /** The feature release (17, 21, 25 …) of a version string such as "17.0.15" or "25". */
    static int feature(String version) {
        if (version == null) {
            return -1;
        }
        String s = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(s.substring(0, end));
    }

    static Map<String, Object> facts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpu());
        m.put("os", os());
        m.put("runnerJdk", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("memoryMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("commit", commit());
        return m;
    }
}
