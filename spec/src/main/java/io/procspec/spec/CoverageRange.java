package io.procspec.spec;

/**
 * One expression-level entry of TLC's coverage report ({@code -coverage}): the source range in a
 * module and how often TLC evaluated it.  Lines and columns are 1-based, as TLC prints them.
 */
public record CoverageRange(String module, int line1, int col1, int line2, int col2, long count) {
    /** Whether the range contains the position (line, col). */
    public boolean contains(int line, int col) {
        boolean afterStart = line > line1 || (line == line1 && col >= col1);
        boolean beforeEnd = line < line2 || (line == line2 && col <= col2);
        return afterStart && beforeEnd;
    }

    /** A size for choosing the innermost of nested ranges: lines first, then columns. */
    public long extent() {
        return (long) (line2 - line1) * 100_000L + (col2 - col1);
    }
}
