package io.procspec.report;

/** A summary or trace file that does not follow its schema (report/README.md); the message says where. */
public final class FormatError extends Exception {
    private static final long serialVersionUID = 1L;

    public FormatError(String message) {
        super(message);
    }
}
