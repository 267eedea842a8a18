package io.procspec.runtime;

/**
 * The scheduling-point hook: called immediately before every shared-memory step that the spec
 * treats as atomic, with the step's label from {@link Labels}.
 *
 * <p>In production the hook is {@link #NONE}, a constant no-op: {@link Proc} keeps it in a final
 * field and, while it is the only implementation a call site has seen, the JIT inlines it to
 * nothing (the benchmark module measures this). A controlling implementation (the property and
 * conformance suites) parks the calling thread until a schedule lets it run, so that exactly one
 * logical thread runs between two points.
 */
public interface SchedPoint {

    /** The no-op hook used unless a test installs another. */
    SchedPoint NONE = new SchedPoint() {
        @Override
        public void at(String label) {}

        @Override
        public String toString() {
            return "SchedPoint.NONE";
        }
    };

    /** The calling thread is about to perform the step {@code label}. */
    void at(String label);

    /**
     * The calling thread is about to perform the step {@code label}, which begins by acquiring
     * {@code m}. A controller must not let this thread go on while {@code m} is held by another
     * thread ({@link Mutex#isLocked()}), or the thread would block outside any point.
     */
    default void atLock(String label, Mutex m) {
        at(label);
    }
}
