package io.procspec.mutants;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The patches stay true: each applies to today's sources (every text it changes occurs exactly
 * once), marks every line it adds with {@code // BUG}, names a catalogued bug, compiles, and — for
 * a bug that also has a Java twin — produces exactly the twin's methods.
 */
class PatchesTest {
    static final Path ROOT = TwinsMatchOriginalsTest.ROOT;

    static String read(String file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyPatchNamesACataloguedBugAndTheCatalogueHasAtLeast24NewOnes() {
        for (String name : Patches.all().keySet()) {
            assertThat(Catalogue.bug(name).name()).isEqualTo(name);
        }
        assertThat(Patches.bugs()).hasSizeGreaterThanOrEqualTo(24);
        long equivalents = Patches.all().values().stream().filter(Patch::equivalent).count();
        assertThat(equivalents).as("equivalent mutants are marked").isPositive();
        for (Bug b : Patches.bugs()) {
            assertThat(b.note()).isNotBlank();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPatchAppliesMarksItsLinesAndCompiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Patch p : Patches.all().values()) {
            tests.add(DynamicTest.dynamicTest(p.bug(), () -> {
                Map<String, String> patched = new java.util.LinkedHashMap<>();
                for (String f : p.files()) {
                    String before = read(f);
                    String after = p.apply(f, before);
                    assertThat(after).as("%s changes %s", p.bug(), f).isNotEqualTo(before);
                    patched.put(f, after);
                }
                for (Patch.Edit e : p.edits()) {
                    Set<String> original = new HashSet<>();
                    for (String l : e.find().split("\n")) {
                        original.add(l.trim());
                    }
                    for (String l : e.replace().split("\n")) {
                        String t = l.trim();
                        if (!t.isEmpty() && !original.contains(t)) {
                            assertThat(t).as("%s: an added line carries the // BUG marker", p.bug()).contains("// BUG");
                        }
                    }
                }
                assertThat(compile(patched)).as("%s compiles", p.bug()).isEmpty();
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aPatchOfABugWithATwinIsTheTwin() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Bug b : Catalogue.withTwin()) {
            Patch p = Patches.of(b.name());
            if (p == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(b.name(), () -> {
                Class<?> twinClass = b.twin(new io.procspec.runtime.Proc(1)).getClass();
                String twin = Files.readString(TwinsMatchOriginalsTest.TWINS.resolve(twinClass.getSimpleName() + ".java"));
                for (Bug.Copy c : b.copies()) {
                    String file = ROOT.relativize(TwinsMatchOriginalsTest.originalFile(c)).toString();
                    String patched = p.apply(file, read(file));
                    List<String> o = texts(TwinsMatchOriginalsTest.rewrite(TwinsMatchOriginalsTest.normalize(
                            TwinsMatchOriginalsTest.method(patched, TwinsMatchOriginalsTest.methodName(c),
                                    "patched " + TwinsMatchOriginalsTest.originalClass(c))), c.rewrites()));
                    List<String> t = texts(TwinsMatchOriginalsTest.normalize(
                            TwinsMatchOriginalsTest.method(twin, c.copy(), twinClass.getSimpleName())));
                    t.removeIf(l -> l.equals("// BUG"));
                    assertThat(o).as("%s: patched Proc.%s equals %s.%s", b.name(), c.original(),
                            twinClass.getSimpleName(), c.copy()).isEqualTo(t);
                }
            }));
        }
        assertThat(tests).as("the patches of twin bugs are checked").hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }

    @Test
    void aStaleOrAmbiguousPatchIsRefusedWithTheFileAndText() {
        Patch stale = new Patch("x", List.of(new Patch.Edit("F.java", "no such line", "y // BUG")), null);
        assertThatIllegalStateException().isThrownBy(() -> stale.apply("F.java", "a\nb\n"))
                .withMessageContaining("stale patch: F.java");
        Patch twice = new Patch("x", List.of(new Patch.Edit("F.java", "a", "y // BUG")), null);
        assertThatIllegalStateException().isThrownBy(() -> twice.apply("F.java", "a\nb\n  a\n"))
                .withMessageContaining("more than once");
        Patch ok = new Patch("x", List.of(new Patch.Edit("F.java", "b\nc", "if (x) { // BUG\n    y(); // BUG\n} // BUG")), null);
        assertThat(ok.apply("F.java", "a\n    b\n    c\nd")).isEqualTo("a\n    if (x) { // BUG\n        y(); // BUG\n    } // BUG\nd");
    }

    private static List<String> texts(List<TwinsMatchOriginalsTest.Line> lines) {
        List<String> out = new ArrayList<>();
        for (TwinsMatchOriginalsTest.Line l : lines) {
            out.add(l.text());
        }
        return out;
    }

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    /** One file manager for every compilation: it caches the JDK's and the classpath's indexes. */
    private static final StandardJavaFileManager FILES = JAVAC.getStandardFileManager(null, null, null);

    /** Compiles the patched files against impl's classes; returns the errors. */
    static synchronized List<String> compile(Map<String, String> files) throws IOException {
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("patch-compile");
        try {
            FILES.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            List<JavaFileObject> units = new ArrayList<>();
            for (Map.Entry<String, String> e : files.entrySet()) {
                units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey()), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return e.getValue();
                    }
                });
            }
            List<String> opts = List.of("-proc:none", "-nowarn", "-implicit:none", "-XDshould-stop.ifNoError=FLOW",
                    "-classpath", System.getProperty("java.class.path"));
            boolean ok = JAVAC.getTask(null, FILES, diags, opts, null, units).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed");
            }
            return errors;
        } finally {
            try (Stream<Path> w = Files.walk(out)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
