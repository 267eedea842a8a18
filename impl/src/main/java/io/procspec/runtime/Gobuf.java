package io.procspec.runtime;

/**
 * Go's {@code gobuf}: the saved context a G resumes from. Only what {@code newproc1} and
 * {@code gostartcallfn} set is modelled: {@code sp}, {@code pc}, {@code g}, {@code ctxt}, plus
 * {@code retaddr}, the word {@code gostartcall} stores at {@code sp} (Go writes it into stack
 * memory; there is no memory here, so it is kept beside the pointer).
 */
public final class Gobuf {
    public long sp;
    public long pc;
    public G g;
    public FuncVal ctxt;
    /** {@code *(*uintptr)(unsafe.Pointer(sp))} as written by gostartcall: the fake return address. */
    public long retaddr;

    /** memclrNoHeapPointers(&newg.sched, ...). */
    void clear() {
        sp = 0;
        pc = 0;
        g = null;
        ctxt = null;
        retaddr = 0;
    }
}
