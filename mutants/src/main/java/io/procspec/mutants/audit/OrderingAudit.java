package io.procspec.mutants.audit;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The static ordering audit (issue 15): checks every shared access of the ring, {@code runqhead},
 * {@code runqtail}, {@code runnext}, the goid generator, the G's status and newproc1's published
 * fields in the <em>compiled</em> port against the table of Go's atomics per labelled step
 * ({@code ordering-table.tsv}, beside this class; its rows follow the memory-ordering table in
 * {@code Proc}'s class comment and name the Go statement of each access). It fails on any access
 * whose mode differs from Go's, on any access the table does not list, and on any listed access
 * the code no longer makes, so a weakened mode (a plain load where Go has {@code atomic.LoadAcq},
 * a plain CAS where Go has {@code atomic.CasRel}, …) is found whether or not an execution can show
 * it — the one layer that sees ordering bugs whose only symptom is load buffering, which neither
 * x86 nor the controller's weak-memory mode produces.
 *
 * <p>Two checks, both on bytecode (ASM):
 * <ol>
 *   <li><b>Call sites.</b> In every method of {@code io.procspec.runtime}, each call of an
 *       accessor named {@code <operation><Plain|Opaque|Acquire|Release|Volatile><Field>}
 *       of an audited field (or {@code readgstatus}), with the labelled step it belongs to: the
 *       last label constant loaded before it in the method (the step's {@code point.at(LABEL)}),
 *       or {@code -} before the first. The set of (method, label, accessor) must equal the
 *       table's.</li>
 *   <li><b>Accessor bodies.</b> Each audited accessor of {@code P}, {@code G} and {@code Schedt}
 *       must perform the VarHandle access mode its name says ({@code loadAcquire} →
 *       {@code getAcquire}, {@code casRelease} → {@code compareAndExchangeRelease}, …; plain slots
 *       and fields by array or field instructions) and no other non-plain one; a plain
 *       {@code get} is allowed beside it (the simulation hook's view of the current value).</li>
 * </ol>
 *
 * <p>What it does not see: an access moved to another labelled step of the same method in a way
 * that keeps the (label, accessor) pairs (order within a step), an ordering bug in code that does
 * not go through the accessors, fences. Those are the dynamic layers' (the hunts, jcstress).
 */
public final class OrderingAudit {
    private OrderingAudit() {}

    /** The package audited (internal name). */
    public static final String PACKAGE = "io/procspec/runtime/";

    /** Audited accessor names: operation, mode, field. */
    static final Pattern ACCESSOR = Pattern.compile(
            "([a-z]+)(Plain|Opaque|Acquire|Release|Volatile)(Runqhead|Runqtail|Runq|Runnext|Atomicstatus|Goidgen|Goid|Startpc)");

    /** Classes whose audited accessors' bodies are checked. */
    static final Set<String> HOLDERS = Set.of("P", "G", "Schedt");

    /** One accessor call: the calling method ({@code Class.method}), its labelled step, the accessor ({@code Class.name}). */
    public record Access(String method, String label, String accessor) implements Comparable<Access> {
        @Override
        public int compareTo(Access o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return method + " @" + label + " -> " + accessor;
        }
    }

    /** One row of the table: an expected access and the Go statement it follows. */
    public record Row(Access access, String go) {}

    /** One difference from Go's table. */
    public record Finding(String kind, String where, String detail) {
        @Override
        public String toString() {
            return kind + ": " + where + ": " + detail;
        }
    }

    /** The outcome: the accesses found, and every difference from the table. */
    public record Result(Set<Access> accesses, int accessorsChecked, List<Finding> findings) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    // ---- the table -------------------------------------------------------------------------------

    /** The table of Go's atomics per labelled step ({@code ordering-table.tsv}, a resource beside this class). */
    public static List<Row> table() {
        try (InputStream in = OrderingAudit.class.getResourceAsStream("ordering-table.tsv")) {
            if (in == null) {
                throw new IllegalStateException("ordering-table.tsv is missing beside " + OrderingAudit.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table: tab-separated method, label, accessor, Go statement; {@code #} comments and blank lines skipped. */
    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalArgumentException("ordering-table.tsv:" + n + ": 4 tab-separated columns expected, got "
                        + f.length + ": " + line);
            }
            rows.add(new Row(new Access(f[0].trim(), f[1].trim(), f[2].trim()), f[3].trim()));
        }
        return rows;
    }

    // ---- the audit -------------------------------------------------------------------------------

    /**
     * Audits the classes of {@link #PACKAGE} given as class-file bytes by simple name
     * ({@code "Proc" -> bytes}) against {@code table}.
     */
    public static Result audit(Map<String, byte[]> classes, List<Row> table) {
        Objects.requireNonNull(classes);
        Set<Access> found = new TreeSet<>();
        List<Finding> findings = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
            Scan s = scan(e.getKey(), e.getValue());
            found.addAll(s.calls);
            if (HOLDERS.contains(e.getKey())) {
                for (Map.Entry<String, Set<String>> b : s.bodies.entrySet()) {
                    bodies++;
                    String problem = bodyProblem(b.getKey(), b.getValue());
                    if (problem != null) {
                        findings.add(new Finding("accessor body", e.getKey() + "." + b.getKey(), problem));
                    }
                }
            }
        }
        Map<Access, String> expected = new LinkedHashMap<>();
        for (Row r : table) {
            expected.put(r.access(), r.go());
        }
        Map<String, List<Access>> expectedAt = new LinkedHashMap<>();
        for (Access a : expected.keySet()) {
            expectedAt.computeIfAbsent(a.method() + " @" + a.label(), k -> new ArrayList<>()).add(a);
        }
        for (Access a : found) {
            if (!expected.containsKey(a)) {
                List<Access> there = expectedAt.getOrDefault(a.method() + " @" + a.label(), List.of());
                StringBuilder go = new StringBuilder();
                for (Access x : there) {
                    if (!found.contains(x)) {
                        go.append(go.length() == 0 ? "" : "; ").append("Go: ").append(expected.get(x)).append(" → ")
                                .append(x.accessor());
                    }
                }
                findings.add(new Finding("not Go's", a.method() + " @" + a.label(), "calls " + a.accessor()
                        + (go.length() == 0 ? ", an access the table of Go's atomics does not list" : " where " + go)));
            }
        }
        for (Map.Entry<Access, String> x : expected.entrySet()) {
            if (!found.contains(x.getKey())) {
                findings.add(new Finding("missing", x.getKey().method() + " @" + x.getKey().label(), "Go's " + x.getValue()
                        + " (" + x.getKey().accessor() + ") is no longer made there"));
            }
        }
        // a finding of each kind once per site, sorted for stable messages
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort((a, b) -> (a.where() + a.kind() + a.detail()).compareTo(b.where() + b.kind() + b.detail()));
        return new Result(Collections.unmodifiableSet(found), bodies, List.copyOf(unique));
    }

    /** The audit of the compiled classes in {@code classesDir} (a folder holding {@code io/procspec/runtime/*.class}, or a jar). */
    public static Result audit(Path classesDir) throws IOException {
        return audit(classes(classesDir), table());
    }

    /**
     * The class files of {@link #PACKAGE} under {@code classesDir} (a folder of classes, or a jar),
     * by simple name (nested classes: {@code Outer$Inner}).
     */
    public static Map<String, byte[]> classes(Path classesDir) throws IOException {
        if (Files.isRegularFile(classesDir)) {
            Map<String, byte[]> out = new TreeMap<>();
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(classesDir.toFile())) {
                for (java.util.zip.ZipEntry e : Collections.list(jar.entries())) {
                    String n = e.getName();
                    if (n.startsWith(PACKAGE) && n.endsWith(".class") && n.indexOf('/', PACKAGE.length()) < 0) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.put(n.substring(PACKAGE.length(), n.length() - ".class".length()), in.readAllBytes());
                        }
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IOException("no compiled port in " + classesDir);
            }
            return out;
        }
        Path dir = classesDir.resolve(PACKAGE);
        if (!Files.isDirectory(dir)) {
            throw new IOException("no compiled port in " + dir);
        }
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".class")) {
                    out.put(n.substring(0, n.length() - ".class".length()), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    /** What a class's methods call, and the VarHandle modes its audited accessors use. */
    private static final class Scan {
        final Set<Access> calls = new TreeSet<>();
        final Map<String, Set<String>> bodies = new TreeMap<>();
    }

    private static Scan scan(String simpleName, byte[] bytes) {
        Scan scan = new Scan();
        String cls = simpleName;
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exc) {
                boolean accessor = ACCESSOR.matcher(name).matches();
                Set<String> body = new TreeSet<>();
                if (accessor) {
                    scan.bodies.put(name, body);
                }
                String method = cls + "." + name;
                return new MethodVisitor(Opcodes.ASM9) {
                    String label = "-";

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String s && LABELS.contains(s)) {
                            label = s;
                        }
                    }

                    @Override
                    public void visitMethodInsn(int op, String owner, String mname, String mdesc, boolean itf) {
                        if (owner.startsWith(PACKAGE) && !owner.substring(PACKAGE.length()).contains("/")
                                && (ACCESSOR.matcher(mname).matches() || mname.equals("readgstatus"))) {
                            scan.calls.add(new Access(method, label, owner.substring(PACKAGE.length()) + "." + mname));
                        }
                        if (accessor && owner.equals("java/lang/invoke/VarHandle")) {
                            body.add(mname);
                        }
                    }

                    @Override
                    public void visitInsn(int op) {
                        if (accessor && op == Opcodes.AALOAD) {
                            body.add("aaload");
                        } else if (accessor && op == Opcodes.AASTORE) {
                            body.add("aastore");
                        }
                    }

                    @Override
                    public void visitFieldInsn(int op, String owner, String fname, String fdesc) {
                        if (accessor && owner.startsWith(PACKAGE) && !fname.equals("ON") && !fname.equals("memory")) {
                            body.add(op == Opcodes.GETFIELD ? "getfield" : op == Opcodes.PUTFIELD ? "putfield" : "static");
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String n, String d, Handle h, Object... args) {
                        // string concatenation in messages: nothing to audit
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan;
    }

    /** The VarHandle method (or instruction) that performs the real access an accessor's name promises. */
    static Set<String> expectedOps(String accessor) {
        Matcher m = ACCESSOR.matcher(accessor);
        if (!m.matches()) {
            throw new IllegalArgumentException(accessor);
        }
        boolean slot = m.group(3).equals("Runq");
        boolean field = m.group(3).equals("Goid") || m.group(3).equals("Startpc");
        switch (m.group(1) + m.group(2)) {
            case "loadPlain": return slot ? Set.of("aaload") : field ? Set.of("getfield") : Set.of("get");
            case "storePlain": return slot ? Set.of("aastore") : field ? Set.of("putfield") : Set.of("set");
            case "loadOpaque": return Set.of("getOpaque");
            case "storeOpaque": return Set.of("setOpaque");
            case "loadAcquire": return Set.of("getAcquire");
            case "storeRelease": return Set.of("setRelease");
            case "loadVolatile": return Set.of("getVolatile");
            case "storeVolatile": return Set.of("setVolatile");
            case "casPlain": return Set.of("weakCompareAndSetPlain");
            case "casRelease": return Set.of("compareAndExchangeRelease");
            case "casVolatile": return Set.of("compareAndSet");
            case "addVolatile": return Set.of("getAndAdd");
            default: return Set.of("(no VarHandle mode is named " + m.group(1) + m.group(2) + ")");
        }
    }

    /** Null if the body performs exactly the access its name says (beside plain reads of the current value); else why not. */
    static String bodyProblem(String accessor, Set<String> ops) {
        Set<String> want = expectedOps(accessor);
        Set<String> other = new TreeSet<>(ops);
        other.removeAll(want);
        other.removeAll(Set.of("get", "getfield", "aaload", "static")); // the current value, for the simulation hook
        if (!ops.containsAll(want) || !other.isEmpty()) {
            return "its name says " + want + ", its body performs " + ops;
        }
        return null;
    }

    /** The step labels ({@code Labels.all()}): javac inlines each {@code point.at(LABEL)} constant as a string. */
    private static final Set<String> LABELS = io.procspec.runtime.Labels.all();

    /** Prints the accesses of the classes in a folder as table rows (to draft or review the table). */
    public static void main(String[] args) throws IOException {
        boolean draft = args.length == 2 && args[1].equals("--draft");
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !draft)) {
            System.err.println("usage: OrderingAudit CLASSES_DIR [--draft]   (CLASSES_DIR: the compiled port, e.g. impl/target/classes)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!java.nio.file.Files.isRegularFile(dir.resolve("io/procspec/runtime/P.class"))) {
            System.err.println("OrderingAudit: " + dir + " holds no compiled port (no io/procspec/runtime/P.class): "
                    + "give the port's classes folder, e.g. impl/target/classes after mvn -q -pl mutants -am package -DskipTests");
            System.exit(2);
        }
        Result r = audit(dir);
        if (draft) {
            for (Access a : r.accesses()) {
                System.out.println(a.method() + "\t" + a.label() + "\t" + a.accessor() + "\t?");
            }
            return;
        }
        for (Finding f : r.findings()) {
            System.out.println(f);
        }
        System.out.println(r.passed() ? "the ordering audit passed: " + r.accesses().size() + " accesses, "
                + r.accessorsChecked() + " accessor bodies" : r.findings().size() + " findings");
        System.exit(r.passed() ? 0 : 1);
    }
}
