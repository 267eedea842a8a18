package io.procspec.runtime;

/**
 * randomEnum (proc.go): one enumeration of a {@link RandomOrder}: {@code i} counts the visited
 * positions, {@code pos} advances by {@code inc} modulo {@code count}. Owned by one M.
 */
final class RandomEnum {
    private int i;
    private final int count;
    private int pos;
    private final int inc;

    RandomEnum(int count, int pos, int inc) {
        this.count = count;
        this.pos = pos;
        this.inc = inc;
    }

    boolean done() {
        return i == count;
    }

    void next() {
        i++;
        pos = (pos + inc) % count;
    }

    int position() {
        return pos;
    }
}
