package io.procspec.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The padding experiment's rings: the same queue on every layout, and the pads where they should be. */
class StealRingTest {

    @ParameterizedTest
    @ValueSource(strings = {"unpadded", "padHead", "padHeadTail"})
    void fifoFullAndHalfSteal(String layout) {
        StealRing owner = StealRing.of(layout, 8);
        StealRing thief = StealRing.of(layout, 8);
        for (int i = 0; i < 8; i++) {
            assertThat(owner.put(i)).isTrue();
        }
        assertThat(owner.put(8)).as("full").isFalse();
        assertThat(owner.get()).isEqualTo(0);
        // 7 queued: a steal takes half, rounded up
        assertThat(thief.stealFrom(owner)).isEqualTo(4);
        List<Object> stolen = new ArrayList<>();
        for (Object g; (g = thief.get()) != null; ) {
            stolen.add(g);
        }
        assertThat(stolen).containsExactly(1, 2, 3, 4);
        assertThat(owner.get()).isEqualTo(5);
        assertThat(owner.get()).isEqualTo(6);
        assertThat(owner.get()).isEqualTo(7);
        assertThat(owner.get()).isNull();
        assertThat(thief.stealFrom(owner)).isZero();
    }

    @Test
    void padsSeparateTheContendedFields() throws Exception {
        sun.misc.Unsafe u = unsafe();
        long head = off(u, StealRing.PadHeadHead.class, "runqhead");
        long tail = off(u, StealRing.PadHead.class, "runqtail");
        long tick = off(u, StealRing.PadHead.class, "schedtick");
        assertThat(Math.abs(tail - head)).isGreaterThanOrEqualTo(64);
        assertThat(Math.abs(tick - head)).isGreaterThanOrEqualTo(64);
        long head2 = off(u, StealRing.PadAllHead.class, "runqhead");
        long tail2 = off(u, StealRing.PadAllTail.class, "runqtail");
        long tick2 = off(u, StealRing.PadHeadTail.class, "schedtick");
        assertThat(Math.abs(tail2 - head2)).isGreaterThanOrEqualTo(64);
        assertThat(Math.abs(tick2 - tail2)).isGreaterThanOrEqualTo(64);
        long uh = off(u, StealRing.Unpadded.class, "runqhead");
        long ut = off(u, StealRing.Unpadded.class, "runqtail");
        assertThat(Math.abs(ut - uh)).as("the unpadded layout keeps them together").isLessThan(64);
    }

    @SuppressWarnings("deprecation")
    private static long off(sun.misc.Unsafe u, Class<?> c, String f) throws NoSuchFieldException {
        return u.objectFieldOffset(c.getDeclaredField(f));
    }

    private static sun.misc.Unsafe unsafe() throws ReflectiveOperationException {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        return (sun.misc.Unsafe) f.get(null);
    }
}
