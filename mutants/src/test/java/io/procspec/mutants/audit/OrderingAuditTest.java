package io.procspec.mutants.audit;

import io.procspec.mutants.Bug;
import io.procspec.mutants.Catalogue;
import io.procspec.mutants.Patch;
import io.procspec.mutants.Patches;
import io.procspec.runtime.Proc;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The static ordering audit: passes on the compiled port, and fails on every memory-ordering bug of
 * the catalogue (each patch compiled for real and its classes put over impl's), naming the access
 * that is not Go's — including the three whose only symptom is load buffering
 * ({@code runqput_head_plain_load}, {@code runqgrab_cas_plain}) or none at all under the JMM
 * ({@code runqget_cas_plain}).
 */
class OrderingAuditTest {
    static final Path ROOT = Path.of(System.getProperty("procspec.root", "..")).toAbsolutePath().normalize();

    static Path implClasses() throws URISyntaxException {
        return Path.of(Proc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void thePortAsItIsMakesExactlyGosAccesses() throws Exception {
        OrderingAudit.Result r = OrderingAudit.audit(implClasses());
        assertThat(r.findings()).as("findings on the port as it is").isEmpty();
        assertThat(r.accesses()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(r.accessorsChecked()).isGreaterThanOrEqualTo(20);
        // the steps the catalogue's ordering bugs weaken are in the table
        assertThat(r.accesses()).contains(
                new OrderingAudit.Access("Proc.runqput0", "runqput_loadhead", "P.loadAcquireRunqhead"),
                new OrderingAudit.Access("Proc.runqgrab0", "runqgrab_cas", "P.casReleaseRunqhead"),
                new OrderingAudit.Access("Proc.runqgetG", "runqget_cas", "P.casReleaseRunqhead"),
                new OrderingAudit.Access("Proc.runqput0", "runqput_casnext", "P.casVolatileRunnext"),
                new OrderingAudit.Access("Proc.initFrame", "newproc1_goid", "Schedt.addVolatileGoidgen"),
                new OrderingAudit.Access("Proc.casgstatus", "casgstatus", "G.casVolatileAtomicstatus"));
    }

    /** The memory-ordering bugs kept as patches: each must fail the audit, at the step it weakens. */
    @TestFactory
    @Timeout(180)
    Stream<DynamicTest> everyMemoryOrderingPatchFailsTheAudit() throws Exception {
        Map<String, byte[]> real = OrderingAudit.classes(implClasses());
        List<OrderingAudit.Row> table = OrderingAudit.table();
        List<DynamicTest> tests = new ArrayList<>();
        for (Bug b : Catalogue.all()) {
            Patch p = Patches.of(b.name());
            if (p == null || b.category() != Bug.Category.MEMORY_ORDERING) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(b.name(), () -> {
                Map<String, byte[]> classes = new LinkedHashMap<>(real);
                classes.putAll(compilePatched(p));
                OrderingAudit.Result r = OrderingAudit.audit(classes, table);
                assertThat(r.passed()).as("%s fails the ordering audit", b.name()).isFalse();
                assertThat(r.findings()).as("%s: a finding names a weakened access", b.name())
                        .anyMatch(f -> f.kind().equals("not Go's") || f.kind().equals("accessor body"));
            }));
        }
        assertThat(tests).as("memory-ordering patches").hasSizeGreaterThanOrEqualTo(9);
        return tests.stream();
    }

    @Test
    void aWeakenedRunqgrabCasIsReportedWithGosStatement() throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>(OrderingAudit.classes(implClasses()));
        classes.putAll(compilePatched(Patches.of("runqgrab_cas_plain")));
        OrderingAudit.Result r = OrderingAudit.audit(classes, OrderingAudit.table());
        assertThat(r.findings()).extracting(Object::toString).contains(
                "not Go's: Proc.runqgrab0 @runqgrab_cas: calls P.casPlainRunqhead where Go: atomic.CasRel(&pp.runqhead, h, h+n)"
                        + " → P.casReleaseRunqhead",
                "missing: Proc.runqgrab0 @runqgrab_cas: Go's atomic.CasRel(&pp.runqhead, h, h+n) (P.casReleaseRunqhead) is no"
                        + " longer made there");
    }

    @Test
    void anAccessorWhoseBodyDoesNotDoWhatItsNameSaysIsFound() {
        assertThat(OrderingAudit.bodyProblem("loadAcquireRunqhead", java.util.Set.of("getAcquire"))).isNull();
        assertThat(OrderingAudit.bodyProblem("casReleaseRunqhead", java.util.Set.of("get", "compareAndExchangeRelease"))).isNull();
        assertThat(OrderingAudit.bodyProblem("loadAcquireRunqhead", java.util.Set.of("get"))).contains("getAcquire");
        assertThat(OrderingAudit.bodyProblem("storeReleaseRunqtail", java.util.Set.of("get", "setRelease", "set")))
                .contains("set");
        assertThat(OrderingAudit.bodyProblem("storePlainRunq", java.util.Set.of("aaload", "aastore"))).isNull();
    }

    @Test
    void aMalformedTableRowIsRefusedWithItsLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderingAudit.parse("# c\nProc.x\trunqput_store\tP.storePlainRunq\n"))
                .withMessageContaining("ordering-table.tsv:2");
    }

    // ---- compiling a patch for real (PatchesTest only type-checks) ------------------------------------

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final StandardJavaFileManager FILES = JAVAC.getStandardFileManager(null, null, null);

    /** Compiles the files {@code p} changes (patched) against impl's classes; their class files by simple name. */
    static synchronized Map<String, byte[]> compilePatched(Patch p) throws IOException {
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("audit-compile");
        try {
            FILES.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            List<JavaFileObject> units = new ArrayList<>();
            for (String f : p.files()) {
                String text = p.apply(f, Files.readString(ROOT.resolve(f)));
                units.add(new SimpleJavaFileObject(URI.create("string:///" + f), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                });
            }
            List<String> opts = List.of("-proc:none", "-nowarn", "-implicit:none", "-classpath",
                    System.getProperty("java.class.path"));
            boolean ok = JAVAC.getTask(null, FILES, diags, opts, null, units).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder();
                for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                    sb.append(d).append('\n');
                }
                throw new AssertionError(p.bug() + " does not compile:\n" + sb);
            }
            return OrderingAudit.classes(out);
        } finally {
            try (Stream<Path> w = Files.walk(out)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
