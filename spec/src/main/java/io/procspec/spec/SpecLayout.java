package io.procspec.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the spec lives: {@code tla/} (the modules, with their committed PlusCal translations),
 * {@code models/} (TLC configurations) and the work directory under {@code target/} where TLC
 * runs on copies of the modules and writes its {@code states/}.
 */
public final class SpecLayout {
    private final Path specDir;
    private final Path workDir;

    public SpecLayout(Path specDir, Path workDir) {
        this.specDir = specDir.toAbsolutePath().normalize();
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /**
     * The layout from the system properties {@code procspec.spec.dir} and {@code procspec.work.dir}
     * (set by the pom), else from the working directory (the repository root or {@code spec/}).
     */
    public static SpecLayout detect() {
        String dir = System.getProperty("procspec.spec.dir");
        Path spec;
        if (dir != null && !dir.isBlank()) {
            spec = Path.of(dir);
        } else {
            Path cwd = Path.of("").toAbsolutePath();
            if (Files.isDirectory(cwd.resolve("tla")) && Files.isDirectory(cwd.resolve("models"))) {
                spec = cwd;
            } else if (Files.isDirectory(cwd.resolve("spec/tla"))) {
                spec = cwd.resolve("spec");
            } else {
                throw new IllegalStateException("cannot find the spec directory; set -Dprocspec.spec.dir");
            }
        }
        String work = System.getProperty("procspec.work.dir");
        Path workDir = work != null && !work.isBlank() ? Path.of(work) : spec.resolve("target/tlc");
        return new SpecLayout(spec, workDir);
    }

    public Path specDir() {
        return specDir;
    }

    public Path tlaDir() {
        return specDir.resolve("tla");
    }

    public Path modelsDir() {
        return specDir.resolve("models");
    }

    public Path workDir() {
        return workDir;
    }

    /** Every .tla module, sorted by name. */
    public List<Path> modules() {
        return list(tlaDir(), ".tla");
    }

    /** The modules that contain a PlusCal algorithm. */
    public List<Path> algorithmModules() {
        return modules().stream().filter(p -> PlusCalSource.hasAlgorithm(read(p))).toList();
    }

    /** Every model configuration, sorted by name. */
    public List<Path> modelFiles() {
        return list(modelsDir(), ".cfg");
    }

    public List<ModelConfig> models() {
        return modelFiles().stream().map(ModelConfig::parse).toList();
    }

    public ModelConfig model(String nameOrFile) {
        String name = nameOrFile.replaceFirst("^.*/", "").replaceFirst("\\.cfg$", "");
        return models().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + nameOrFile + " in " + modelsDir()));
    }

    /**
     * The module with the PlusCal algorithm behind a module TLC checks: the module itself, or
     * the first module it EXTENDS (transitively) that has an algorithm (MCProc -> Proc).
     */
    public String algorithmModuleOf(String module) {
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(module));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String m = todo.poll();
            Path f = tlaDir().resolve(m + ".tla");
            if (!seen.add(m) || !Files.exists(f)) {
                continue;
            }
            String text = read(f);
            if (PlusCalSource.hasAlgorithm(text)) {
                return m;
            }
            java.util.regex.Matcher ex = java.util.regex.Pattern.compile("(?m)^EXTENDS\\s+([^\\n]+)").matcher(text);
            if (ex.find()) {
                for (String e : ex.group(1).split(",")) {
                    todo.add(e.trim());
                }
            }
        }
        return module;
    }

    /** The text of module m (tla/m.tla). */
    public String moduleText(String m) {
        return read(tlaDir().resolve(m + ".tla"));
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
