package io.procspec.runtime;

/**
 * linux/amd64: the constants and the frame arithmetic {@link Proc#newproc1} uses to build a new
 * G's first frame. They live outside proc.go in Go too: {@code internal/goarch} ({@code PtrSize}),
 * {@code runtime/internal/sys} ({@code MinFrameSize}, {@code StackAlign}, {@code PCQuantum}),
 * {@code stack.go} ({@code stackGuard}, {@code stackSystem}, {@code stackMin}, {@code round2}),
 * {@code stubs.go} ({@code alignUp}) and {@code sys_x86.go} ({@code gostartcall}).
 *
 * <p>Addresses and sizes are bytes. There is no memory behind a {@link Stack}: the arithmetic is
 * kept so that a G's {@code sched.sp}, {@code stktopsp} and {@code stackguard0} have Go's values.
 */
public final class Arch {
    private Arch() {}

    /** goarch.PtrSize: 8 bytes. */
    public static final int PtrSize = 8;
    /** sys.MinFrameSize: 0 on amd64 (no link register). */
    public static final int MinFrameSize = 0;
    /** sys.StackAlign: goarch.PtrSize on amd64. */
    public static final int StackAlign = PtrSize;
    /** sys.PCQuantum: 1 on amd64. */
    public static final int PCQuantum = 1;
    /** stackGuard on linux/amd64 (928 * stackGuardMultiplier + stackSystem), in bytes. */
    public static final int StackGuard = 928;
    /** stackSystem: 0 on linux. */
    public static final int StackSystem = 0;
    /** _StackMin / stackMin: 2048 bytes, the stack malg gives a new G. */
    public static final int StackMin = 2048;
    /** Synthetic text address of {@code runtime.goexit}, where every G "returns" to. */
    public static final long GOEXIT_PC = 0x401000;

    /** alignUp (stubs.go): n rounded up to a multiple of a, a power of two. */
    static long alignUp(long n, long a) {
        return (n + a - 1) & ~(a - 1);
    }

    /** round2 (stack.go): the smallest power of two {@code >= x}. */
    static int round2(int x) {
        int s = 0;
        while ((1 << s) < x) {
            s++;
        }
        return 1 << s;
    }

    /**
     * gostartcallfn (stack.go): adjust gobuf as if it executed a call to fn and then stopped before
     * the first instruction.
     */
    static void gostartcallfn(Gobuf gobuf, FuncVal fv) {
        gostartcall(gobuf, fv.fn, fv);
    }

    /** gostartcall (sys_x86.go): push the return address (buf.pc = goexit+PCQuantum), then pc = fn. */
    static void gostartcall(Gobuf buf, long fn, FuncVal ctxt) {
        long sp = buf.sp;
        sp -= PtrSize;
        buf.retaddr = buf.pc; // *(*uintptr)(unsafe.Pointer(sp)) = buf.pc
        buf.sp = sp;
        buf.pc = fn;
        buf.ctxt = ctxt;
    }
}
