package io.procspec.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value as TLC prints it, parsed just enough to compare two states element by element:
 * tuples {@code <<a, b>>}, records {@code [f |-> v]}, functions {@code (k :> v @@ ...)}, sets
 * and atoms (numbers, strings, ranges, booleans).
 */
public sealed interface TlcValue {
    record Atom(String text) implements TlcValue {
        @Override
        public String toString() {
            return text;
        }
    }

    record Tuple(List<TlcValue> elems) implements TlcValue {
        @Override
        public String toString() {
            return "<<" + String.join(", ", elems.stream().map(Object::toString).toList()) + ">>";
        }
    }

    record Record(Map<String, TlcValue> fields) implements TlcValue {
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            fields.forEach((k, v) -> parts.add(k + " |-> " + v));
            return "[" + String.join(", ", parts) + "]";
        }
    }

    record Fcn(Map<String, TlcValue> map) implements TlcValue {
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + " :> " + v));
            return "(" + String.join(" @@ ", parts) + ")";
        }
    }

    record SetV(List<TlcValue> elems) implements TlcValue {
        @Override
        public String toString() {
            return "{" + String.join(", ", elems.stream().map(Object::toString).toList()) + "}";
        }
    }

    static TlcValue parse(String text) {
        try {
            Parser p = new Parser(text);
            TlcValue v = p.value();
            p.skipWs();
            return p.pos == text.length() ? v : new Atom(text.trim());
        } catch (RuntimeException e) {
            return new Atom(text.trim());
        }
    }

    /** The element-wise differences "path: old -> new" between two values. */
    static void diff(String path, TlcValue a, TlcValue b, List<String> out) {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        diffPairs(path, a, b, pairs);
        pairs.forEach((k, v) -> out.add(k + ": " + v[0] + " -> " + v[1]));
    }

    /**
     * The element-wise differences between two values as path -> {old, new}, e.g.
     * {@code runqhead[1] -> {"6", "7"}}: tuples, records and functions of equal shape are
     * compared element by element, anything else as a whole.
     */
    static void diffPairs(String path, TlcValue a, TlcValue b, Map<String, String[]> out) {
        if (Objects.equals(a.toString(), b.toString())) {
            return;
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb && ta.elems().size() == tb.elems().size()
                && !ta.elems().isEmpty()) {
            for (int i = 0; i < ta.elems().size(); i++) {
                diffPairs(path + "[" + (i + 1) + "]", ta.elems().get(i), tb.elems().get(i), out);
            }
        } else if (a instanceof Record ra && b instanceof Record rb && ra.fields().keySet().equals(rb.fields().keySet())) {
            for (String k : ra.fields().keySet()) {
                diffPairs(path + "." + k, ra.fields().get(k), rb.fields().get(k), out);
            }
        } else if (a instanceof Fcn fa && b instanceof Fcn fb && fa.map().keySet().equals(fb.map().keySet())) {
            for (String k : fa.map().keySet()) {
                diffPairs(path + "[" + k + "]", fa.map().get(k), fb.map().get(k), out);
            }
        } else {
            out.put(path, new String[] {a.toString(), b.toString()});
        }
    }

    /** The elements of a tuple, the values of a function in key order, or of a set; else empty. */
    static List<TlcValue> elements(TlcValue v) {
        if (v instanceof Tuple t) {
            return t.elems();
        }
        if (v instanceof Fcn f) {
            return List.copyOf(f.map().values());
        }
        if (v instanceof SetV s) {
            return s.elems();
        }
        return List.of();
    }

    /** The value as a long, if it is a number. */
    static long number(TlcValue v) {
        return Long.parseLong(v.toString().trim());
    }

    /** A tiny recursive-descent parser for TLC's value syntax. */
    final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipWs() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean peek(String tok) {
            skipWs();
            return s.startsWith(tok, pos);
        }

        void expect(String tok) {
            if (!peek(tok)) {
                throw new IllegalArgumentException("expected " + tok + " at " + pos);
            }
            pos += tok.length();
        }

        TlcValue value() {
            skipWs();
            if (peek("<<")) {
                expect("<<");
                List<TlcValue> elems = new ArrayList<>();
                if (!peek(">>")) {
                    do {
                        elems.add(value());
                    } while (tryComma());
                }
                expect(">>");
                return new Tuple(elems);
            }
            if (peek("[")) {
                expect("[");
                Map<String, TlcValue> fields = new LinkedHashMap<>();
                do {
                    String name = ident();
                    expect("|->");
                    fields.put(name, value());
                } while (tryComma());
                expect("]");
                return new Record(fields);
            }
            if (peek("{")) {
                expect("{");
                List<TlcValue> elems = new ArrayList<>();
                if (!peek("}")) {
                    do {
                        elems.add(value());
                    } while (tryComma());
                }
                expect("}");
                return new SetV(elems);
            }
            if (peek("(")) {
                expect("(");
                Map<String, TlcValue> map = new LinkedHashMap<>();
                do {
                    TlcValue k = value();
                    expect(":>");
                    map.put(k.toString(), value());
                } while (tryAt());
                expect(")");
                return new Fcn(map);
            }
            return atom();
        }

        private boolean tryComma() {
            if (peek(",")) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean tryAt() {
            if (peek("@@")) {
                pos += 2;
                return true;
            }
            return false;
        }

        private String ident() {
            skipWs();
            int b = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (b == pos) {
                throw new IllegalArgumentException("identifier expected at " + pos);
            }
            return s.substring(b, pos);
        }

        private TlcValue atom() {
            skipWs();
            int b = pos;
            if (pos < s.length() && s.charAt(pos) == '"') {
                pos++;
                while (pos < s.length() && s.charAt(pos) != '"') {
                    if (s.charAt(pos) == '\\') {
                        pos++;
                    }
                    pos++;
                }
                pos++;
                return new Atom(s.substring(b, pos));
            }
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                    pos++;
                } else {
                    break;
                }
            }
            if (b == pos) {
                throw new IllegalArgumentException("value expected at " + pos);
            }
            String text = s.substring(b, pos);
            if (text.matches("-?\\d+\\.\\.-?\\d+")) {          // an interval a..b is a set of numbers
                String[] ab = text.split("\\.\\.");
                List<TlcValue> elems = new ArrayList<>();
                for (long k = Long.parseLong(ab[0]); k <= Long.parseLong(ab[1]); k++) {
                    elems.add(new Atom(Long.toString(k)));
                }
                return new SetV(elems);
            }
            return new Atom(text);
        }
    }
}
