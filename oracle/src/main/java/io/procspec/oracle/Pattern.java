package io.procspec.oracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A goroutine pattern: which goroutine starts which, in which order. Both sides of the oracle run
 * the same pattern: {@link GoProgram} writes it as a Go program, {@link JavaSide} runs it on
 * {@code io.procspec.runtime.Sched}; each records the order in which the goroutines start.
 *
 * <p>Goroutines are numbered 0..{@link #size()}-1 level by level (breadth first), children in the
 * order their parent starts them: goroutine 0 is the root (Go's main goroutine, or the first G
 * given to the Java scheduler), its children are 1..k, and so on. Each goroutine's body is a list
 * of {@link Action}s run in order; today the only action is {@link Spawn} ({@code go child()}).
 *
 * <p>Patterns are written in a small expression language, {@link #parse}:
 * <pre>
 * term  := 'g' [ '(' [ item { ',' item } ] ')' ]   a goroutine that starts the items in order
 *        | 'fan' '(' n ')'                          = g(n*g): n leaves from one goroutine
 *        | 'chain' '(' n ')'                        = g(g(...g(g)...)): n more, each started by the last
 *        | 'tree' '(' a { ',' b } ')'               = g(a*g(b*g(...))): a nested fan-out
 *        | 'random' '(' seed [ ',' n ] ')'          a seeded random pattern of about n goroutines (default 300)
 * item  := [ k '*' ] term                           k copies of the term, started one after another
 *        | 'yield'                                  runtime.Gosched() (parsed; not yet supported, see below)
 * </pre>
 * Examples: {@code fan(300)}, {@code tree(10,10,10)}, {@code chain(50)},
 * {@code g(300*g, chain(20), fan(5))}, {@code random(7,500)}.
 *
 * <p><b>Not yet supported</b> (the Java scheduler's goroutines run to completion and cannot yield
 * or wait; the language leaves room for them): {@code yield} ({@code runtime.Gosched()}, which
 * puts the goroutine on the global queue) and, planned, a goroutine that waits until another
 * readies it ({@code goready} puts it in runnext). {@link #unsupported()} names what a pattern
 * uses that the oracle cannot run yet.
 */
public final class Pattern {

    /** Most goroutines a pattern may have (the Go program holds them in static tables). */
    public static final int MAX_SIZE = 200_000;

    /** One step of a goroutine's body. */
    public sealed interface Action permits Spawn, Yield {}

    /** {@code go child()}: start goroutine {@code child}. */
    public record Spawn(int child) implements Action {}

    /** {@code runtime.Gosched()}: parsed, not yet supported by the Java side. */
    public record Yield() implements Action {}

    private final String name;
    private final List<List<Action>> bodies; // per goroutine
    private final int[] parent;
    private final int[] childIndex; // position among the parent's children (0-based)
    private final int[] depth;

    private Pattern(String name, List<List<Action>> bodies) {
        this.name = name;
        this.bodies = bodies;
        int n = bodies.size();
        parent = new int[n];
        childIndex = new int[n];
        depth = new int[n];
        Arrays.fill(parent, -2);
        parent[0] = -1;
        for (int id = 0; id < n; id++) {
            int k = 0;
            for (Action a : bodies.get(id)) {
                if (a instanceof Spawn s) {
                    if (s.child() <= id || s.child() >= n || parent[s.child()] != -2) {
                        throw new IllegalArgumentException("bad pattern: goroutine " + s.child() + " started by " + id);
                    }
                    parent[s.child()] = id;
                    childIndex[s.child()] = k++;
                    depth[s.child()] = depth[id] + 1;
                }
            }
        }
        for (int id = 1; id < n; id++) {
            if (parent[id] == -2) {
                throw new IllegalArgumentException("bad pattern: goroutine " + id + " is never started");
            }
        }
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

    /** "g17 (go #3 of g2)": a goroutine and where it comes from, for reports. */
    public String describe(int id) {
        if (id == 0) {
            return "g0 (root)";
        }
        return "g" + id + " (go #" + (childIndex[id] + 1) + " of g" + parent[id] + ")";
    }

    /**
     * What this pattern uses that the oracle cannot run yet (empty when it can run it): today
     * {@code yield}, since the Java scheduler's goroutines cannot yield.
     */
    public List<String> unsupported() {
        List<String> out = new ArrayList<>();
        for (List<Action> b : bodies) {
            for (Action a : b) {
                if (a instanceof Yield && !out.contains("yield")) {
                    out.add("yield");
                }
            }
        }
        return out;
    }

    /** The same goroutines under another name (the name is what reports show). */
    public Pattern named(String newName) {
        return new Pattern(Objects.requireNonNull(newName, "name"), bodies);
    }

    /**
     * The pattern as a {@code g(...)} expression, with runs of identical siblings folded to
     * {@code k*term}: parsing it gives the same pattern. {@code fan(3)} prints {@code g(3*g)}.
     */
    public String expression() {
        StringBuilder sb = new StringBuilder();
        appendExpr(0, sb);
        return sb.toString();
    }

    private void appendExpr(int id, StringBuilder sb) {
        List<Action> b = bodies.get(id);
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
            } else {
                items.add("yield");
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.bodies.equals(bodies);
    }

    @Override
    public int hashCode() {
        return bodies.hashCode();
    }

    // ---- building ---------------------------------------------------------------------------------

    /** A goroutine tree under construction: nodes with ordered items, numbered breadth first at the end. */
    static final class Node {
        final List<Object> items = new ArrayList<>(); // Node or Yield

        Node spawn(Node child) {
            items.add(child);
            return this;
        }

        Node yield() {
            items.add(new Yield());
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

    /** Numbers the tree breadth first and freezes it. */
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
        java.util.IdentityHashMap<Node, Integer> ids = new java.util.IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            if (ids.put(order.get(i), i) != null) {
                throw new IllegalArgumentException("a goroutine node appears twice in pattern " + name);
            }
        }
        List<List<Action>> bodies = new ArrayList<>(order.size());
        for (Node nd : order) {
            List<Action> b = new ArrayList<>(nd.items.size());
            for (Object o : nd.items) {
                b.add(o instanceof Node c ? new Spawn(ids.get(c)) : (Action) o);
            }
            bodies.add(List.copyOf(b));
        }
        return new Pattern(name, List.copyOf(bodies));
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
     *                                  expression or one with more than {@link #MAX_SIZE} goroutines
     */
    public static Pattern parse(String expr) {
        Objects.requireNonNull(expr, "pattern expression");
        String text = expr.replaceAll("\\s+", "");
        Parser p = new Parser(text);
        Node root = p.term(new long[] {0});
        if (p.pos != text.length()) {
            throw p.error("end of pattern");
        }
        return of(text, root);
    }

    /** Recursive descent over the expression; {@code budget[0]} counts goroutines made so far. */
    private static final class Parser {
        final String s;
        int pos;

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

        void charge(long[] budget, long n) {
            budget[0] += n;
            if (budget[0] > MAX_SIZE) {
                throw new IllegalArgumentException("pattern '" + s + "' has more than " + MAX_SIZE + " goroutines");
            }
        }

        Node term(long[] budget) {
            if (eat("fan(")) {
                int n = count("a fan-out");
                expect(")");
                charge(budget, n + 1L);
                Node g = new Node();
                for (int i = 0; i < n; i++) {
                    g.spawn(new Node());
                }
                return g;
            }
            if (eat("chain(")) {
                int n = count("a chain length");
                expect(")");
                charge(budget, n + 1L);
                Node root = new Node();
                Node last = root;
                for (int i = 0; i < n; i++) {
                    Node next = new Node();
                    last.spawn(next);
                    last = next;
                }
                return root;
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
                charge(budget, total);
                return tree(fan, 0);
            }
            if (eat("random(")) {
                long seed = number();
                int n = 300;
                if (eat(",")) {
                    n = count("a size");
                }
                expect(")");
                if (n < 1) {
                    throw new IllegalArgumentException("pattern '" + s + "': a random pattern needs at least 1 goroutine");
                }
                charge(budget, n);
                return RandomPatterns.tree(seed, n);
            }
            if (eat("g")) {
                charge(budget, 1);
                Node g = new Node();
                if (eat("(")) {
                    if (eat(")")) {
                        return g;
                    }
                    do {
                        item(g, budget);
                    } while (eat(","));
                    expect(")");
                }
                return g;
            }
            throw error("a goroutine: g, fan(n), chain(n), tree(a,b,...) or random(seed[,n])");
        }

        void item(Node parent, long[] budget) {
            if (eat("yield")) {
                parent.yield();
                return;
            }
            int k = 1;
            if (atDigit()) {
                int at = pos;
                k = count("a repeat count");
                if (!eat("*")) {
                    pos = at;
                    throw error("'k*term' (a repeat count must be followed by '*')");
                }
                if (k < 1) {
                    pos = at;
                    throw error("a repeat count of at least 1");
                }
            }
            int at = pos;
            Node first = term(budget);
            parent.spawn(first);
            for (int i = 1; i < k; i++) {
                pos = at;
                parent.spawn(term(budget)); // re-parse: each copy is its own goroutines
            }
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
