package io.procspec.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Finding the VarHandles behind the accessors of {@link P}, {@link G}, {@link Schedt} and {@link GList}. */
final class VarHandles {
    private VarHandles() {}

    /**
     * The VarHandle of field {@code name} of type {@code type} in {@code lookup}'s class, for a
     * {@code static final} initializer: a missing field fails class initialization.
     */
    static VarHandle field(MethodHandles.Lookup lookup, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
