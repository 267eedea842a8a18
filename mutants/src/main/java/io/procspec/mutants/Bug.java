package io.procspec.mutants;

import io.procspec.runtime.Proc;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One bug of the {@link Catalogue}: a name used alike in the spec, the Java code and every report,
 * what kind of bug it is, what it changes, the spec's {@code Bug} switch of the same name (if the
 * spec has one) and the Java twin (if there is one).
 *
 * @param name        the one name ({@code snake_case}, as the spec's {@code Bug} constant)
 * @param category    the kind of bug (see {@link Category})
 * @param description one line: what the bug changes
 * @param specModel   the spec model that injects it ({@code spec/models/<specModel>.cfg}, with
 *                    {@code Bug = "<name>"}), or null when the spec has no switch for it
 * @param expectedProperty the property TLC reports violated on {@code specModel}, or null
 * @param twin        makes the Java twin for a Proc (a {@link QueueOps} with the bug), or null
 * @param copies      the Proc methods the twin copies, each with the twin's method name and the
 *                    declared rewrites that are not bugs (see {@link Copy})
 * @param note        why there is no twin, or what else to know; may be empty
 */
public record Bug(String name, Category category, String description, String specModel,
                  String expectedProperty, Function<Proc, QueueOps> twin, List<Copy> copies, String note) {

    /** Kinds of bugs (issue 15's categories, plus the deliberate spec/Java divergences). */
    public enum Category {
        /** an acquire, release or CAS weakened to plain */
        MEMORY_ORDERING,
        /** a CAS replaced by read-then-write, or a lock removed */
        LOST_ATOMICITY,
        /** wrong sizes, wrong counter width */
        ARITHMETIC,
        /** steps in the wrong order */
        ORDER,
        /** the scheduler's policy (findRunnable, wakep, schedtick) */
        SCHEDULER,
        /** a bug Go itself had (the CL or issue is in the description) */
        HISTORICAL,
        /** Java that does something the spec does not (a label misplaced, another Go version's step) */
        DIVERGENCE
    }

    /**
     * One method the twin copies from {@link Proc}: {@code original} is Proc's method name,
     * {@code copy} the twin's; {@code rewrites} are textual substitutions applied to the original
     * before the comparison, for members the twin cannot reach by the same name (each
     * {@code from -> to}; an empty {@code to} drops the line). Everything else must be identical
     * except the lines marked {@code // BUG}.
     */
    public record Copy(String original, String copy, List<String[]> rewrites) {
        public Copy {
            Objects.requireNonNull(original);
            Objects.requireNonNull(copy);
            rewrites = List.copyOf(rewrites);
        }

        public static Copy of(String original, String copy, String... fromTo) {
            if (fromTo.length % 2 != 0) {
                throw new IllegalArgumentException("rewrites come in pairs");
            }
            List<String[]> rw = new java.util.ArrayList<>();
            for (int i = 0; i < fromTo.length; i += 2) {
                rw.add(new String[] {fromTo[i], fromTo[i + 1]});
            }
            return new Copy(original, copy, rw);
        }
    }

    public Bug {
        Objects.requireNonNull(name);
        Objects.requireNonNull(category);
        Objects.requireNonNull(description);
        copies = List.copyOf(copies);
        note = note == null ? "" : note;
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("bug names are snake_case: " + name);
        }
        if ((specModel == null) != (expectedProperty == null)) {
            throw new IllegalArgumentException(name + ": a spec model needs its expected property and vice versa");
        }
    }

    /** Whether the spec has a {@code Bug} switch of this name. */
    public boolean hasSpecSwitch() {
        return specModel != null;
    }

    /** Whether there is a Java twin. */
    public boolean hasTwin() {
        return twin != null;
    }

    /** The twin bound to {@code proc} (which must not be in checked mode). */
    public QueueOps twin(Proc proc) {
        if (twin == null) {
            throw new UnsupportedOperationException(name + " has no Java twin: " + note);
        }
        return twin.apply(proc);
    }
}
