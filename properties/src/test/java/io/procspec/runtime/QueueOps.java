package io.procspec.runtime;

/**
 * The queue and free-list functions the properties drive, behind an interface so that a property
 * can run against {@link #REAL} (delegating to {@link Proc}) or against one of the deliberately
 * {@link Broken} variants, which are copies of single {@code Proc} methods with one bug each.
 *
 * <p>Lives in package {@code io.procspec.runtime} (in this module's test sources) so that the
 * copies can use the package-private accessors of {@link P} and {@link Proc}, as the originals do.
 */
public interface QueueOps {

    String name();

    /** newproc without the FuncVal boilerplate: a G that will run {@code fn}, put in pp's runnext. */
    default G newproc(Proc proc, P pp, FuncVal fn) {
        return proc.newproc(pp, fn, null);
    }

    default void runqput(Proc proc, P pp, G gp, boolean next) {
        proc.runqput(pp, gp, next);
    }

    default Proc.Runqget runqget(Proc proc, P pp) {
        return proc.runqget(pp);
    }

    default G runqsteal(Proc proc, P pp, P p2, boolean stealRunNextG) {
        return proc.runqsteal(pp, p2, stealRunNextG);
    }

    default boolean runqempty(Proc proc, P pp) {
        return proc.runqempty(pp);
    }

    default void gfput(Proc proc, P pp, G gp) {
        proc.gfput(pp, gp);
    }

    /** Whether the variant keeps Proc's checked-mode bookkeeping consistent (only REAL does). */
    default boolean supportsCheckedMode() {
        return true;
    }

    /** The port as it is. */
    QueueOps REAL = () -> "real";

    /** Every broken variant, for the "properties can fail" tests. */
    static QueueOps[] broken() {
        return new QueueOps[] {new Broken.LostRunnext(), new Broken.StealFloorHalfPlusOne(),
                new Broken.GfputNoSplit(), new Broken.RunqemptyOneTailRead()};
    }

    static QueueOps byName(String name) {
        if (name == null || name.isEmpty() || name.equals("real")) {
            return REAL;
        }
        for (QueueOps o : broken()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no such variant: " + name);
    }
}
