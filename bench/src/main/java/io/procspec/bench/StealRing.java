package io.procspec.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The padding experiment: Go's run-queue ring (runqput's fast path, runqget's ring path,
 * runqgrab/runqsteal, with the orderings of {@code io.procspec.runtime.P}) on three field layouts,
 * so that one run can compare them:
 * <ul>
 *   <li>{@link Unpadded}: head, tail and the owner's per-G fields side by side, as in an unpadded P;</li>
 *   <li>{@link PadHead}: {@code runqhead}, which thieves CAS, alone between 128-byte pads; tail and
 *       the owner's fields together;</li>
 *   <li>{@link PadHeadTail}: head, tail and the owner's fields each in their own 128-byte region.</li>
 * </ul>
 * The owner's fields ({@code schedtick}, {@code goidcache}, a counter) stand for what P's owner
 * writes per G besides the ring (execute's schedtick, newproc1's goid cache and counters). No hook,
 * no runnext, no status check: the peers differ only in layout. Pads are byte fields, as JCTools
 * pads since JDK 15's field layout fills holes in a superclass with a subclass's small fields.
 */
abstract class StealRing {
    final Object[] runq;
    final int mask;

    StealRing(int size) {
        runq = new Object[size];
        mask = size - 1;
    }

    abstract int lvHead();

    abstract boolean casRelHead(int h, int nh);

    abstract int lvTail();

    abstract int lpTail();

    abstract void soTail(int t);

    /** The owner's per-G writes beside the ring: schedtick++, goidcache++, a counter++. */
    abstract void ownerWork();

    /** runqput(next=false) fast path; false when full (the caller takes one first). */
    final boolean put(Object g) {
        ownerWork();
        int h = lvHead(); // load-acquire, synchronize with consumers
        int t = lpTail();
        if (t - h < runq.length) {
            runq[t & mask] = g;
            soTail(t + 1); // store-release, makes the item available for consumption
            return true;
        }
        return false;
    }

    /** runqget's ring path (owner). */
    final Object get() {
        for (;;) {
            int h = lvHead();
            int t = lpTail();
            if (t == h) {
                return null;
            }
            Object gp = runq[h & mask];
            if (casRelHead(h, h + 1)) {
                return gp;
            }
        }
    }

    /** runqgrab into {@code into}'s ring beyond its tail, then runqsteal's publish; Gs moved. */
    final int stealFrom(StealRing victim) {
        int bt = lpTail();
        Object[] batch = runq;
        for (;;) {
            int h = victim.lvHead();
            int t = victim.lvTail();
            int n = t - h;
            n = n - (n >>> 1);
            if (n == 0) {
                return 0;
            }
            if (Integer.compareUnsigned(n, victim.runq.length / 2) > 0) { // inconsistent h and t
                continue;
            }
            for (int i = 0; i < n; i++) {
                batch[(bt + i) & mask] = victim.runq[(h + i) & victim.mask];
            }
            if (victim.casRelHead(h, h + n)) {
                soTail(bt + n);
                return n;
            }
        }
    }

    static StealRing of(String layout, int size) {
        switch (layout) {
            case "unpadded": return new Unpadded(size);
            case "padHead": return new PadHead(size);
            case "padHeadTail": return new PadHeadTail(size);
            default: throw new IllegalArgumentException("unknown layout " + layout);
        }
    }

    static VarHandle vh(Class<?> c, String name) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).findVarHandle(c, name, int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ---- unpadded ------------------------------------------------------------------------------

    static final class Unpadded extends StealRing {
        private static final VarHandle HEAD = vh(Unpadded.class, "runqhead");
        private static final VarHandle TAIL = vh(Unpadded.class, "runqtail");
        int runqhead;
        int runqtail;
        int schedtick;
        long goidcache;
        long nput;

        Unpadded(int size) {
            super(size);
        }

        @Override int lvHead() { return (int) HEAD.getAcquire(this); }
        @Override boolean casRelHead(int h, int nh) { return (int) HEAD.compareAndExchangeRelease(this, h, nh) == h; }
        @Override int lvTail() { return (int) TAIL.getAcquire(this); }
        @Override int lpTail() { return (int) TAIL.get(this); }
        @Override void soTail(int t) { TAIL.setRelease(this, t); }
        @Override void ownerWork() { schedtick++; goidcache++; nput++; }
    }

    // ---- head alone -----------------------------------------------------------------------------

    abstract static class PadHeadL0 extends StealRing {
        byte b000, b001, b002, b003, b004, b005, b006, b007, b008, b009, b010, b011, b012, b013, b014, b015;
        byte b016, b017, b018, b019, b020, b021, b022, b023, b024, b025, b026, b027, b028, b029, b030, b031;
        byte b032, b033, b034, b035, b036, b037, b038, b039, b040, b041, b042, b043, b044, b045, b046, b047;
        byte b048, b049, b050, b051, b052, b053, b054, b055, b056, b057, b058, b059, b060, b061, b062, b063;
        byte b064, b065, b066, b067, b068, b069, b070, b071, b072, b073, b074, b075, b076, b077, b078, b079;
        byte b080, b081, b082, b083, b084, b085, b086, b087, b088, b089, b090, b091, b092, b093, b094, b095;
        byte b096, b097, b098, b099, b100, b101, b102, b103, b104, b105, b106, b107, b108, b109, b110, b111;
        byte b112, b113, b114, b115, b116, b117, b118, b119, b120, b121, b122, b123, b124, b125, b126, b127;

        PadHeadL0(int size) {
            super(size);
        }
    }

    abstract static class PadHeadHead extends PadHeadL0 {
        int runqhead;

        PadHeadHead(int size) {
            super(size);
        }
    }

    abstract static class PadHeadL1 extends PadHeadHead {
        byte b000, b001, b002, b003, b004, b005, b006, b007, b008, b009, b010, b011, b012, b013, b014, b015;
        byte b016, b017, b018, b019, b020, b021, b022, b023, b024, b025, b026, b027, b028, b029, b030, b031;
        byte b032, b033, b034, b035, b036, b037, b038, b039, b040, b041, b042, b043, b044, b045, b046, b047;
        byte b048, b049, b050, b051, b052, b053, b054, b055, b056, b057, b058, b059, b060, b061, b062, b063;
        byte b064, b065, b066, b067, b068, b069, b070, b071, b072, b073, b074, b075, b076, b077, b078, b079;
        byte b080, b081, b082, b083, b084, b085, b086, b087, b088, b089, b090, b091, b092, b093, b094, b095;
        byte b096, b097, b098, b099, b100, b101, b102, b103, b104, b105, b106, b107, b108, b109, b110, b111;
        byte b112, b113, b114, b115, b116, b117, b118, b119, b120, b121, b122, b123, b124, b125, b126, b127;

        PadHeadL1(int size) {
            super(size);
        }
    }

    static final class PadHead extends PadHeadL1 {
        private static final VarHandle HEAD = vh(PadHeadHead.class, "runqhead");
        private static final VarHandle TAIL = vh(PadHead.class, "runqtail");
        int runqtail;
        int schedtick;
        long goidcache;
        long nput;

        PadHead(int size) {
            super(size);
        }

        @Override int lvHead() { return (int) HEAD.getAcquire(this); }
        @Override boolean casRelHead(int h, int nh) { return (int) HEAD.compareAndExchangeRelease(this, h, nh) == h; }
        @Override int lvTail() { return (int) TAIL.getAcquire(this); }
        @Override int lpTail() { return (int) TAIL.get(this); }
        @Override void soTail(int t) { TAIL.setRelease(this, t); }
        @Override void ownerWork() { schedtick++; goidcache++; nput++; }
    }

    // ---- head, tail and the owner's fields apart -------------------------------------------------

    abstract static class PadAllL0 extends StealRing {
        byte b000, b001, b002, b003, b004, b005, b006, b007, b008, b009, b010, b011, b012, b013, b014, b015;
        byte b016, b017, b018, b019, b020, b021, b022, b023, b024, b025, b026, b027, b028, b029, b030, b031;
        byte b032, b033, b034, b035, b036, b037, b038, b039, b040, b041, b042, b043, b044, b045, b046, b047;
        byte b048, b049, b050, b051, b052, b053, b054, b055, b056, b057, b058, b059, b060, b061, b062, b063;
        byte b064, b065, b066, b067, b068, b069, b070, b071, b072, b073, b074, b075, b076, b077, b078, b079;
        byte b080, b081, b082, b083, b084, b085, b086, b087, b088, b089, b090, b091, b092, b093, b094, b095;
        byte b096, b097, b098, b099, b100, b101, b102, b103, b104, b105, b106, b107, b108, b109, b110, b111;
        byte b112, b113, b114, b115, b116, b117, b118, b119, b120, b121, b122, b123, b124, b125, b126, b127;

        PadAllL0(int size) {
            super(size);
        }
    }

    abstract static class PadAllHead extends PadAllL0 {
        int runqhead;

        PadAllHead(int size) {
            super(size);
        }
    }

    abstract static class PadAllL1 extends PadAllHead {
        byte b000, b001, b002, b003, b004, b005, b006, b007, b008, b009, b010, b011, b012, b013, b014, b015;
        byte b016, b017, b018, b019, b020, b021, b022, b023, b024, b025, b026, b027, b028, b029, b030, b031;
        byte b032, b033, b034, b035, b036, b037, b038, b039, b040, b041, b042, b043, b044, b045, b046, b047;
        byte b048, b049, b050, b051, b052, b053, b054, b055, b056, b057, b058, b059, b060, b061, b062, b063;
        byte b064, b065, b066, b067, b068, b069, b070, b071, b072, b073, b074, b075, b076, b077, b078, b079;
        byte b080, b081, b082, b083, b084, b085, b086, b087, b088, b089, b090, b091, b092, b093, b094, b095;
        byte b096, b097, b098, b099, b100, b101, b102, b103, b104, b105, b106, b107, b108, b109, b110, b111;
        byte b112, b113, b114, b115, b116, b117, b118, b119, b120, b121, b122, b123, b124, b125, b126, b127;

        PadAllL1(int size) {
            super(size);
        }
    }

    abstract static class PadAllTail extends PadAllL1 {
        int runqtail;

        PadAllTail(int size) {
            super(size);
        }
    }

    abstract static class PadAllL2 extends PadAllTail {
        byte b000, b001, b002, b003, b004, b005, b006, b007, b008, b009, b010, b011, b012, b013, b014, b015;
        byte b016, b017, b018, b019, b020, b021, b022, b023, b024, b025, b026, b027, b028, b029, b030, b031;
        byte b032, b033, b034, b035, b036, b037, b038, b039, b040, b041, b042, b043, b044, b045, b046, b047;
        byte b048, b049, b050, b051, b052, b053, b054, b055, b056, b057, b058, b059, b060, b061, b062, b063;
        byte b064, b065, b066, b067, b068, b069, b070, b071, b072, b073, b074, b075, b076, b077, b078, b079;
        byte b080, b081, b082, b083, b084, b085, b086, b087, b088, b089, b090, b091, b092, b093, b094, b095;
        byte b096, b097, b098, b099, b100, b101, b102, b103, b104, b105, b106, b107, b108, b109, b110, b111;
        byte b112, b113, b114, b115, b116, b117, b118, b119, b120, b121, b122, b123, b124, b125, b126, b127;

        PadAllL2(int size) {
            super(size);
        }
    }

    static final class PadHeadTail extends PadAllL2 {
        private static final VarHandle HEAD = vh(PadAllHead.class, "runqhead");
        private static final VarHandle TAIL = vh(PadAllTail.class, "runqtail");
        int schedtick;
        long goidcache;
        long nput;

        PadHeadTail(int size) {
            super(size);
        }

        @Override int lvHead() { return (int) HEAD.getAcquire(this); }
        @Override boolean casRelHead(int h, int nh) { return (int) HEAD.compareAndExchangeRelease(this, h, nh) == h; }
        @Override int lvTail() { return (int) TAIL.getAcquire(this); }
        @Override int lpTail() { return (int) TAIL.get(this); }
        @Override void soTail(int t) { TAIL.setRelease(this, t); }
        @Override void ownerWork() { schedtick++; goidcache++; nput++; }
    }
}
