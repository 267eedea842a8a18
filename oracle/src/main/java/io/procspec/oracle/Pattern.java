package io.procspec.oracle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A goroutine pattern: which goroutine starts which, in which order, and where each one yields,
 * waits and wakes another. Both sides of the oracle run the same pattern: {@link GoProgram} writes
 * it as a Go program, {@link JavaSide} runs it on {@code io.procspec.runtime.Sched}; each records
 * the order in which the goroutines run.
 *
 * <p>Goroutines are numbered 0..{@link #size()}-1 level by level (breadth first), children in the
 * order their parent starts them: goroutine 0 is the root (Go's main goroutine, or the first G
 * given to the Java scheduler), its children are 1..k, and so on. Each goroutine's body is a list
 * of {@link Action}s run in order:
 * <ul>
 *   <li>{@link Spawn}: {@code go child()} ({@code newproc}: the child goes to runnext);</li>
 *   <li>{@link Yield}: {@code runtime.Gosched()} ({@code goschedImpl}: to the global queue);</li>
 *   <li>{@link Wait}: wait for a wake-up addressed to this goroutine: in Go a receive on its own
 *       channel, which parks ({@code gopark}) unless a wake-up is already buffered;</li>
 *   <li>{@link Ready}: wake goroutine {@code target}: in Go a send on the target's channel, which
 *       readies it ({@code goready}: into this P's runnext) if it is parked there, else buffers the
 *       wake-up for its next wait.</li>
 * </ul>
 * The recorded order has one entry per <em>run</em> of a goroutine: when it starts, when it
 * resumes after a yield, and when it goes on after a wait (parked or not), so goroutine {@code id}
 * appears {@link #segments(int)} times and the whole order has {@link #events()} entries.
 *
 * <p>Patterns are written in a small expression language, {@link #parse}:
 * <pre>
 * term  := [ label ':' ] base                      a goroutine, optionally named for ready(label)
 * base  := 'g' [ '(' [ item { ',' item } ] ')' ]   a goroutine that runs the items in order
 *        | 'fan' '(' n ')'                          = g(n*g): n leaves from one goroutine
 *        | 'chain' '(' n { ',' link } ')'           n more, each started by the one before; with
 *                                                   links, every goroutine of the chain runs them,
 *                                                   starting the next where 'go' stands (default: last)
 *        | 'tree' '(' a { ',' b } ')'               = g(a*g(b*g(...))): a nested fan-out
 *        | 'random' '(' seed [ ',' n ] ')'          a seeded random pattern of n goroutines (default 300)
 *        | 'mixed' '(' seed [ ',' n ] ')'           the same, that also yields, waits and readies
 * item  := [ k '*' ] one                            k copies, one after another
 * one   := term                                     go term
 *        | 'yield'                                  runtime.Gosched()
 *        | 'wait'                                   wait to be readied (a receive on its own channel)
 *        | 'ready' '(' label ')'                    ready the goroutine so named (a send on its channel)
 *        | '(' item { ',' item } ')'                a group, to repeat several items: 3*(ready(a),wait)
 * link  := item | 'go'
 * label := letter { letter | digit | '_' | '#' }    not a keyword; '#' is the copy number (1..k) of
 *                                                   the innermost k* or chain link around it
 * </pre>
 * Examples: {@code fan(300)}, {@code tree(10,10,10)}, {@code chain(50)}, {@code chain(50,yield)}
 * (each yields, then starts the next), {@code chain(30,go,yield)} (starts the next, then yields),
 * {@code g(300*g, chain(20), fan(5))}, {@code random(7,500)},
 * {@code g(a:g(50*(ready(b),wait)),b:g(50*(wait,ready(a))))} (ping-pong),
 * {@code g(200*w#:g(wait),yield,200*ready(w#))} (one goroutine readies 200),
 * {@code m:g(100*g(ready(m)),100*wait)} (one goroutine readied by 100).
 *
 * <p><b>Valid patterns.</b> Every goroutine is started once; a label names one goroutine; and the
 * pattern must not deadlock: each wait must eventually be matched by a ready. Because a goroutine's
 * wake-ups can only be consumed by that goroutine, whether a pattern finishes does not depend on
 * the order the goroutines run in, so {@link #parse} checks it once, by running the pattern in any
 * order, and refuses a pattern that would leave a goroutine waiting forever (Go would stop with
 * "all goroutines are asleep - deadlock!"). A goroutine may be readied more often than it waits:
 * the spare wake-ups stay buffered (the Go channel has room for every ready of it).
 */
public final class Pattern {

    /** Most goroutines a pattern may have (the Go program holds them in static tables). */
    public static final int MAX_SIZE = 200_000;

    /** Most yield, wait and ready actions a pattern may have, all goroutines together. */
    public static final int MAX_ACTIONS = 1_000_000;

    /** Words that cannot be labels. */
    static final Set<String> KEYWORDS = Set.of("g", "fan", "chain", "tree", "random", "mixed", "yield", "wait", "ready",
            "go");

    /** One step of a goroutine's body. */
    public sealed interface Action permits Spawn, Yield, Wait, Ready {}

    /** {@code go child()}: start goroutine {@code child}. */
    public record Spawn(int child) implements Action {}

    /** {@code runtime.Gosched()}: the goroutine goes to the global queue; the scheduler runs another. */
    public record Yield() implements Action {}

    /** Wait to be readied: park unless a wake-up is already buffered for this goroutine. */
    public record Wait() implements Action {}

    /** Ready goroutine {@code target}: goready it if it is parked in a wait, else buffer the wake-up. */
    public record Ready(int target) implements Action {}

    private final String name;
    private final List<List<Action>> bodies; // per goroutine
    private final String[] labels; // per goroutine: its label, or null
    private final int[] parent;
    private final int[] childIndex; // position among the parent's children (0-based)
    private final int[] depth;
    private final int[] segments;
    private final int[] readiedBy; // per goroutine: readies addressed to it
    private final int yields;
    private final int waits;
    private final int readies;

    private Pattern(String name, List<List<Action>> bodies, String[] labels) {
        this.name = name;
        this.bodies = bodies;
        this.labels = labels;
        int n = bodies.size();
        parent = new int[n];
        childIndex = new int[n];
        depth = new int[n];
        segments = new int[n];
        readiedBy = new int[n];
        Arrays.fill(parent, -2);
        parent[0] = -1;
        int y = 0;
        int w = 0;
        int r = 0;
        for (int id = 0; id < n; id++) {
            int k = 0;
            segments[id] = 1;
            for (Action a : bodies.get(id)) {
                if (a instanceof Spawn s) {
                    if (s.child() <= id || s.child() >= n || parent[s.child()] != -2) {
                        throw new IllegalArgumentException("bad pattern " + name + ": goroutine " + s.child()
                                + " started by " + id);
                    }
                    parent[s.child()] = id;
                    childIndex[s.child()] = k++;
                    depth[s.child()] = depth[id] + 1;
                } else if (a instanceof Yield) {
                    y++;
                    segments[id]++;
                } else if (a instanceof Wait) {
                    w++;
                    segments[id]++;
                } else if (a instanceof Ready rd) {
                    if (rd.target() < 0 || rd.target() >= n) {
                        throw new IllegalArgumentException("bad pattern " + name + ": goroutine " + id
                                + " readies goroutine " + rd.target() + ", which is not in the pattern");
                    }
                    r++;
                    readiedBy[rd.target()]++;
                }
            }
        }
        for (int id = 1; id < n; id++) {
            if (parent[id] == -2) {
                throw new IllegalArgumentException("bad pattern " + name + ": goroutine " + id + " is never started");
            }
        }
        yields = y;
        waits = w;
        readies = r;
        String stuck = deadlock();
        if (stuck != null) {
            throw new IllegalArgumentException("pattern " + name + " deadlocks: " + stuck
                    + " (Go would stop with \"all goroutines are asleep - deadlock!\")");
        }
    }

    /**
     * Runs the pattern in one order (a worklist) and says which goroutines would wait forever, or
     * null if it finishes. Any order gives the same answer: a goroutine's buffered wake-ups are
     * consumed only by itself, so running one goroutine never disables another.
     */
    private String deadlock() {
        int n = bodies.size();
        int[] pc = new int[n];
        int[] tokens = new int[n];
        boolean[] blocked = new boolean[n];
        boolean[] finished = new boolean[n];
        Deque<Integer> runnable = new ArrayDeque<>();
        runnable.add(0);
        while (!runnable.isEmpty()) {
            int id = runnable.poll();
            List<Action> b = bodies.get(id);
            while (pc[id] < b.size()) {
                Action a = b.get(pc[id]);
                if (a instanceof Wait) {
                    if (tokens[id] == 0) {
                        blocked[id] = true;
                        break;
                    }
                    tokens[id]--;
                } else if (a instanceof Spawn s) {
                    runnable.add(s.child());
                } else if (a instanceof Ready rd) {
                    tokens[rd.target()]++;
                    if (blocked[rd.target()]) {
                        blocked[rd.target()] = false;
                        runnable.add(rd.target());
                    }
                }
                pc[id]++;
            }
            if (pc[id] == b.size()) {
                finished[id] = true;
            }
        }
        List<String> stuck = new ArrayList<>();
        int count = 0;
        for (int id = 0; id < n; id++) {
            if (!finished[id]) {
                count++;
                if (stuck.size() < 5) {
                    int waitNo = 0;
                    for (int k = 0; k <= Math.min(pc[id], bodies.get(id).size() - 1); k++) {
                        waitNo += bodies.get(id).get(k) instanceof Wait ? 1 : 0;
                    }
                    stuck.add(blocked[id] ? labelled(id) + " waits forever at its wait #" + waitNo + " (readied "
                            + readiedBy[id] + " times, waits " + waitsOf(id) + " times)" : labelled(id) + " never runs");
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return String.join("; ", stuck) + (count > stuck.size() ? "; and " + (count - stuck.size()) + " more" : "");
    }

    private int waitsOf(int id) {
        int w = 0;
        for (Action a : bodies.get(id)) {
            w += a instanceof Wait ? 1 : 0;
        }
        return w;
    }

    private String labelled(int id) {
        return "g" + id + (labels[id] != null ? " (" + labels[id] + ")" : "");
    }

    /** The pattern's name: the expression it was parsed from (or given to {@link #named}). */
    public String name() {
        return name;
    }

    /** Number of goroutines, the root included. */
    public int size() {
        return bodies.size();
    }

    /** The body of goroutine {@code id}, in order. */
    public List<Action> body(int id) {
        return bodies.get(id);
    }

    /** The goroutines {@code id} starts, in order. */
    public int[] children(int id) {
        return bodies.get(id).stream().filter(a -> a instanceof Spawn).mapToInt(a -> ((Spawn) a).child()).toArray();
    }

    /** The goroutine that starts {@code id}; -1 for the root. */
    public int parent(int id) {
        return parent[id];
    }

    /** 0 for the root, 1 for its children, ... */
    public int depth(int id) {
        return depth[id];
    }

    /** The label of goroutine {@code id} (given in the expression, or made up for a ready target), or null. */
    public String label(int id) {
        return labels[id];
    }

    /** How many times goroutine {@code id} runs: once to start, once after each yield and each wait. */
    public int segments(int id) {
        return segments[id];
    }

    /** Entries of a recorded order: the goroutines' {@link #segments} summed ({@link #size()} + yields + waits). */
    public int events() {
        return bodies.size() + yields + waits;
    }

    /** {@code runtime.Gosched()} calls, all goroutines together. */
    public int yields() {
        return yields;
    }

    /** Waits, all goroutines together. */
    public int waits() {
        return waits;
    }

    /** Readies, all goroutines together. */
    public int readies() {
        return readies;
    }

    /** How many readies name goroutine {@code id} (its Go channel's capacity). */
    public int readiedBy(int id) {
        return readiedBy[id];
    }

    /** Whether any goroutine yields, waits or readies (a pattern of {@code go} statements only, if not). */
    public boolean synchronizes() {
        return yields + waits + readies > 0;
    }

    /** Goroutines that start no other: the leaves. */
    public int leaves() {
        int n = 0;
        for (int id = 0; id < size(); id++) {
            if (children(id).length == 0) {
                n++;
            }
        }
        return n;
    }

    /** Deepest level (0 for a lone root). */
    public int height() {
        return Arrays.stream(depth).max().orElse(0);
    }

    /** Most goroutines any one goroutine starts. */
    public int maxFanOut() {
        int m = 0;
        for (int id = 0; id < size(); id++) {
            m = Math.max(m, children(id).length);
        }
        return m;
    }

    /** "g17 (go #3 of g2)", or "g5 a (go #1 of g0)" for a labelled one: a goroutine and where it comes from. */
    public String describe(int id) {
        String l = labels[id] != null ? " " + labels[id] : "";
        if (id == 0) {
            return "g0" + l + " (root)";
        }
        return "g" + id + l + " (go #" + (childIndex[id] + 1) + " of g" + parent[id] + ")";
    }

    /** The same goroutines under another name (the name is what reports show). */
    public Pattern named(String newName) {
        return new Pattern(Objects.requireNonNull(newName, "name"), bodies, labels);
    }

    /**
     * The pattern as a {@code g(...)} expression, with runs of identical items folded to
     * {@code k*item} and every label written out: parsing it gives the same pattern.
     * {@code fan(3)} prints {@code g(3*g)}; {@code m:g(2*g(ready(m)),2*wait)} prints itself.
     */
    public String expression() {
        StringBuilder sb = new StringBuilder();
        appendExpr(0, sb);
        return sb.toString();
    }

    private void appendExpr(int id, StringBuilder sb) {
        List<Action> b = bodies.get(id);
        if (labels[id] != null) {
            sb.append(labels[id]).append(':');
        }
        sb.append('g');
        if (b.isEmpty()) {
            return;
        }
        sb.append('(');
        List<String> items = new ArrayList<>();
        for (Action a : b) {
            if (a instanceof Spawn s) {
                StringBuilder c = new StringBuilder();
                appendExpr(s.child(), c);
                items.add(c.toString());
            } else if (a instanceof Yield) {
                items.add("yield");
            } else if (a instanceof Wait) {
                items.add("wait");
            } else {
                items.add("ready(" + labels[((Ready) a).target()] + ")");
            }
        }
        for (int i = 0; i < items.size(); ) {
            int j = i;
            while (j < items.size() && items.get(j).equals(items.get(i))) {
                j++;
            }
            if (i > 0) {
                sb.append(',');
            }
            if (j - i > 1) {
                sb.append(j - i).append('*');
            }
            sb.append(items.get(i));
            i = j;
        }
        sb.append(')');
    }

    @Override
    public String toString() {
        return name + " (" + size() + " goroutines)";
    }

    /** Equal bodies (labels are names, not behaviour). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.bodies.equals(bodies);
    }

    @Override
    public int hashCode() {
        return bodies.hashCode();
    }

    // ---- building ---------------------------------------------------------------------------------

    /**
     * A goroutine tree under construction: nodes with ordered items (a child {@code Node}, or a
     * {@link Yield}, {@link Wait}, {@link ReadyTo} or {@link ReadyRef}), numbered breadth first by
     * {@link #of}.
     */
    static final class Node {
        final List<Object> items = new ArrayList<>();
        /** The label the expression gave it, or null. */
        String label;

        Node spawn(Node child) {
            items.add(child);
            return this;
        }

        Node yield() {
            items.add(new Yield());
            return this;
        }

        Node waitAction() {
            items.add(new Wait());
            return this;
        }

        Node ready(Node target) {
            items.add(new ReadyTo(target));
            return this;
        }

        int count() {
            int n = 1;
            for (Object o : items) {
                if (o instanceof Node c) {
                    n += c.count();
                }
            }
            return n;
        }
    }

    /** A ready of a node under construction (the random generator's form). */
    record ReadyTo(Node target) {}

    /** A ready of a label, resolved by {@link #of} (the parser's form; labels may come later). */
    record ReadyRef(String label) {}

    /**
     * Numbers the tree breadth first, resolves labels and freezes it.
     *
     * @throws IllegalArgumentException for a label defined twice, a ready of an unknown label, more
     *                                  than {@link #MAX_SIZE} goroutines, or a deadlock
     */
    static Pattern of(String name, Node root) {
        List<Node> order = new ArrayList<>();
        order.add(root);
        for (int i = 0; i < order.size(); i++) {
            for (Object o : order.get(i).items) {
                if (o instanceof Node c) {
                    order.add(c);
                }
                if (order.size() > MAX_SIZE) {
                    throw new IllegalArgumentException("pattern " + name + " has more than " + MAX_SIZE + " goroutines");
                }
            }
        }
        IdentityHashMap<Node, Integer> ids = new IdentityHashMap<>();
        Map<String, Integer> byLabel = new HashMap<>();
        String[] labels = new String[order.size()];
        for (int i = 0; i < order.size(); i++) {
            Node nd = order.get(i);
            if (ids.put(nd, i) != null) {
                throw new IllegalArgumentException("a goroutine node appears twice in pattern " + name);
            }
            if (nd.label != null) {
                if (byLabel.put(nd.label, i) != null) {
                    throw new IllegalArgumentException("pattern " + name + ": the label " + nd.label
                            + " names two goroutines (a label inside a repeat needs '#', the copy number)");
                }
                labels[i] = nd.label;
            }
        }
        List<List<Action>> bodies = new ArrayList<>(order.size());
        for (Node nd : order) {
            List<Action> b = new ArrayList<>(nd.items.size());
            for (Object o : nd.items) {
                if (o instanceof Node c) {
                    b.add(new Spawn(ids.get(c)));
                } else if (o instanceof ReadyTo rt) {
                    Integer t = ids.get(rt.target());
                    if (t == null) {
                        throw new IllegalArgumentException("pattern " + name + ": a ready of a goroutine outside it");
                    }
                    b.add(new Ready(t));
                } else if (o instanceof ReadyRef rr) {
                    Integer t = byLabel.get(rr.label());
                    if (t == null) {
                        throw new IllegalArgumentException("pattern " + name + ": ready(" + rr.label()
                                + ") names no goroutine" + (byLabel.isEmpty() ? " (no goroutine has a label)"
                                : " (labels: " + String.join(", ", new java.util.TreeSet<>(byLabel.keySet())) + ")"));
                    }
                    b.add(new Ready(t));
                } else {
                    b.add((Action) o);
                }
            }
            bodies.add(List.copyOf(b));
        }
        // A ready target without a label gets one, so that the expression can name it.
        for (List<Action> b : bodies) {
            for (Action a : b) {
                if (a instanceof Ready r && labels[r.target()] == null) {
                    String l = "w" + r.target();
                    while (byLabel.containsKey(l)) {
                        l = l + "_";
                    }
                    labels[r.target()] = l;
                    byLabel.put(l, r.target());
                }
            }
        }
        return new Pattern(name, List.copyOf(bodies), labels);
    }

    /** {@code fan(n)}: one goroutine starts n leaves. */
    public static Pattern fan(int n) {
        return parse("fan(" + n + ")");
    }

    /** {@code chain(n)}: each of n goroutines is started by the one before. */
    public static Pattern chain(int n) {
        return parse("chain(" + n + ")");
    }

    /**
     * Parses a pattern expression (see the class comment). The name of the result is the
     * expression with blanks removed.
     *
     * @throws IllegalArgumentException with the position and what was expected, for a malformed
     *                                  expression, one with more than {@link #MAX_SIZE} goroutines or
     *                                  {@link #MAX_ACTIONS} actions, a bad label, or a deadlock
     */
    public static Pattern parse(String expr) {
        Objects.requireNonNull(expr, "pattern expression");
        String text = expr.replaceAll("\\s+", "");
        Parser p = new Parser(text);
        Node root = p.term();
        if (p.pos != text.length()) {
            throw p.error("end of pattern");
        }
        return of(text, root);
    }

    /** Recursive descent over the expression. */
    private static final class Parser {
        final String s;
        int pos;
        long goroutines;
        long actions;
        /** Copy numbers of the enclosing k* repeats and chain links, innermost last. */
        final Deque<Integer> copy = new ArrayDeque<>();

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String expected) {
            String at = pos < s.length() ? "'" + s.charAt(pos) + "'" : "the end";
            return new IllegalArgumentException("pattern '" + s + "': expected " + expected + " at position " + pos
                    + " (found " + at + ")");
        }

        boolean eat(String tok) {
            if (s.startsWith(tok, pos)) {
                pos += tok.length();
                return true;
            }
            return false;
        }

        void expect(String tok) {
            if (!eat(tok)) {
                throw error("'" + tok + "'");
            }
        }

        boolean atDigit() {
            return pos < s.length() && Character.isDigit(s.charAt(pos));
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        /** The identifier at pos (letters, digits, '_', '#'; starting with a letter), not consumed; null if none. */
        String word() {
            if (pos >= s.length() || !Character.isLetter(s.charAt(pos))) {
                return null;
            }
            int e = pos;
            while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_'
                    || s.charAt(e) == '#')) {
                e++;
            }
            return s.substring(pos, e);
        }

        /** The character after the word at pos. */
        char after(String word) {
            int e = pos + word.length();
            return e < s.length() ? s.charAt(e) : '\0';
        }

        long number() {
            int start = pos;
            while (atDigit()) {
                pos++;
            }
            if (start == pos) {
                throw error("a number");
            }
            if (pos - start > 12) {
                pos = start;
                throw error("a number below 10^12");
            }
            return Long.parseLong(s.substring(start, pos));
        }

        int count(String what) {
            int at = pos;
            long n = number();
            if (n > MAX_SIZE) {
                pos = at;
                throw error(what + " of at most " + MAX_SIZE);
            }
            return (int) n;
        }

        void charge(long n) {
            goroutines += n;
            if (goroutines > MAX_SIZE) {
                throw new IllegalArgumentException("pattern '" + s + "' has more than " + MAX_SIZE + " goroutines");
            }
        }

        void chargeAction() {
            if (++actions > MAX_ACTIONS) {
                throw new IllegalArgumentException("pattern '" + s + "' has more than " + MAX_ACTIONS
                        + " yield, wait and ready actions");
            }
        }

        /** A label as written, with '#' replaced by the innermost copy number; checked. */
        String label(String word) {
            if (KEYWORDS.contains(word)) {
                throw error("a label that is not a keyword (" + word + ")");
            }
            if (word.indexOf('#') >= 0) {
                if (copy.isEmpty()) {
                    throw error("'#' only inside a k* repeat or a chain's links (it is the copy number)");
                }
                word = word.replace("#", Integer.toString(copy.peekLast()));
            }
            return word;
        }

        Node term() {
            String w = word();
            String label = null;
            if (w != null && after(w) == ':') {
                label = label(w);
                pos += w.length() + 1;
            }
            Node n = base();
            n.label = label;
            return n;
        }

        Node base() {
            if (eat("fan(")) {
                int n = count("a fan-out");
                expect(")");
                charge(n + 1L);
                Node g = new Node();
                for (int i = 0; i < n; i++) {
                    g.spawn(new Node());
                }
                return g;
            }
            if (eat("chain(")) {
                int n = count("a chain length");
                charge(n + 1L);
                if (eat(")")) {
                    Node root = new Node();
                    Node last = root;
                    for (int i = 0; i < n; i++) {
                        Node next = new Node();
                        last.spawn(next);
                        last = next;
                    }
                    return root;
                }
                expect(",");
                return chainLinks(n);
            }
            if (eat("tree(")) {
                List<Integer> fan = new ArrayList<>();
                fan.add(count("a fan-out"));
                while (eat(",")) {
                    fan.add(count("a fan-out"));
                }
                expect(")");
                long total = 1;
                long level = 1;
                for (int f : fan) {
                    level *= f;
                    total += level;
                    if (total > MAX_SIZE) {
                        break;
                    }
                }
                charge(total);
                return tree(fan, 0);
            }
            boolean random = eat("random(");
            if (random || eat("mixed(")) {
                long seed = number();
                int n = 300;
                if (eat(",")) {
                    n = count("a size");
                }
                expect(")");
                if (n < 1) {
                    throw new IllegalArgumentException("pattern '" + s + "': a random pattern needs at least 1 goroutine");
                }
                charge(n);
                return random ? RandomPatterns.tree(seed, n) : RandomPatterns.mixedTree(seed, n);
            }
            if (eat("g")) {
                charge(1);
                Node g = new Node();
                if (eat("(")) {
                    if (eat(")")) {
                        return g;
                    }
                    do {
                        item(g);
                    } while (eat(","));
                    expect(")");
                }
                return g;
            }
            throw error("a goroutine: g, fan(n), chain(n[,link...]), tree(a,b,...), random(seed[,n]) or"
                    + " mixed(seed[,n]), optionally labelled (name:g)");
        }

        /** chain(n, link, ...): after the comma; every goroutine of the chain runs the links. */
        Node chainLinks(int n) {
            int start = pos;
            Node root = new Node();
            Node cur = root;
            for (int k = 0; k <= n; k++) {
                pos = start;
                copy.addLast(k + 1);
                Node next = k < n ? new Node() : null;
                boolean placed = false;
                do {
                    String w = word();
                    if ("go".equals(w) && (after(w) == ',' || after(w) == ')')) {
                        if (placed) {
                            throw error("one 'go' per chain link");
                        }
                        pos += 2;
                        placed = true;
                        if (next != null) {
                            cur.spawn(next);
                        }
                    } else {
                        item(cur);
                    }
                } while (eat(","));
                expect(")");
                if (!placed && next != null) {
                    cur.spawn(next);
                }
                copy.removeLast();
                cur = next;
            }
            return root;
        }

        void item(Node parent) {
            int k = 1;
            boolean repeat = false;
            if (atDigit()) {
                int at = pos;
                k = count("a repeat count");
                if (!eat("*")) {
                    pos = at;
                    throw error("'k*item' (a repeat count must be followed by '*')");
                }
                if (k < 1) {
                    pos = at;
                    throw error("a repeat count of at least 1");
                }
                repeat = true;
            }
            int at = pos;
            for (int i = 1; i <= k; i++) {
                pos = at; // re-parse: each copy is its own goroutines
                if (repeat) {
                    copy.addLast(i);
                }
                one(parent);
                if (repeat) {
                    copy.removeLast();
                }
            }
        }

        void one(Node parent) {
            if (eat("(")) {
                do {
                    item(parent);
                } while (eat(","));
                expect(")");
                return;
            }
            String w = word();
            if (w != null && after(w) != ':') {
                if (w.equals("yield") || w.equals("wait")) {
                    pos += w.length();
                    chargeAction();
                    if (w.equals("yield")) {
                        parent.yield();
                    } else {
                        parent.waitAction();
                    }
                    return;
                }
                if (w.equals("ready") && after(w) == '(') {
                    pos += w.length() + 1;
                    String l = word();
                    if (l == null) {
                        throw error("a label");
                    }
                    String target = label(l);
                    pos += l.length();
                    expect(")");
                    chargeAction();
                    parent.items.add(new ReadyRef(target));
                    return;
                }
            }
            parent.spawn(term());
        }

        static Node tree(List<Integer> fan, int level) {
            Node g = new Node();
            if (level < fan.size()) {
                for (int i = 0; i < fan.get(level); i++) {
                    g.spawn(tree(fan, level + 1));
                }
            }
            return g;
        }
    }
}
