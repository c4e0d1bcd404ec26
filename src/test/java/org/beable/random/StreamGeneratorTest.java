package org.beable.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

/** The streams' generator must give Commons RNG's xoroshiro128++ numbers, bit for bit: every stored result depends on it. */
class StreamGeneratorTest {
    private static final long[] SEED = RandomStreams.seed(2026, 3, 7);

    @Test
    void doublesAreCommonsDoubles() {
        StreamGenerator ours = new StreamGenerator(SEED);
        XoRoShiRo128PlusPlus commons = new XoRoShiRo128PlusPlus(SEED);
        for (int i = 0; i < 1_000_000; i++) {
            assertEquals(Double.doubleToRawLongBits(commons.nextDouble()), Double.doubleToRawLongBits(ours.nextDouble()), "draw " + i);
        }
        assertEquals(commons.nextLong(), ours.nextLong());
    }

    @Test
    void unitIsExactAtTheEnds() {
        assertEquals(0.0, StreamGenerator.unit(0));
        assertEquals(1.0 - 0x1p-53, StreamGenerator.unit(-1L));
        assertEquals(0x1p-53, StreamGenerator.unit(1L << 11));          // the 53rd bit alone
        assertEquals(0.5, StreamGenerator.unit(Long.MIN_VALUE));
        assertEquals(0.0, StreamGenerator.unit((1L << 11) - 1));        // bits below the 53 kept are dropped
    }

    @Test
    void aBlockIsTheSameDrawsAndLeavesTheSameState() {
        StreamGenerator block = new StreamGenerator(SEED);
        XoRoShiRo128PlusPlus one = new XoRoShiRo128PlusPlus(SEED);
        double[] out = new double[300];
        for (int n : new int[] {0, 1, 256, 300, 7}) {
            block.fillUniform(out, n, -Math.PI, 2 * Math.PI);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(-Math.PI + 2 * Math.PI * one.nextDouble()), Double.doubleToRawLongBits(out[i]), "n " + n + ", draw " + i);
            }
        }
        assertEquals(one.nextLong(), block.nextLong());
    }
}
