package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Trig's cosine and sine: within an ulp or two of StrictMath, and the same bits one at a time and in blocks. */
class TrigTest {
    private static final int N = 1 << 16;

    @Test
    void closeToStrictMathAtEveryScale() {
        // StrictMath is within an ulp of the truth, Trig (without the reduced argument's tail) within
        // about one and a half; beyond the reduced range Trig is StrictMath.
        double[][] scaleAndUlps = {{1, 2}, {10, 2}, {1000, 2}, {1e5, 2}, {Trig.REDUCED, 2}, {1e9, 0}, {1e300, 0}};
        SplittableRandom random = new SplittableRandom(11);
        for (double[] row : scaleAndUlps) {
            double scale = row[0];
            for (int i = 0; i < N; i++) {
                double x = (2 * random.nextDouble() - 1) * scale;
                if (scale > Trig.REDUCED) x = Math.copySign(Trig.REDUCED, x) + x;
                assertClose(StrictMath.cos(x), Trig.cos(x), row[1], "cos(" + x + ")");
                assertClose(StrictMath.sin(x), Trig.sin(x), row[1], "sin(" + x + ")");
            }
        }
    }

    private static void assertClose(double expected, double actual, double ulps, String what) {
        assertTrue(Math.abs(expected - actual) <= ulps * Math.ulp(expected) + 1e-300, what + ": " + actual + " against " + expected);
    }

    @Test
    void specialArguments() {
        assertEquals(1.0, Trig.cos(0.0));
        assertEquals(1.0, Trig.cos(-0.0));
        assertEquals(0.0, Trig.sin(0.0));
        assertEquals(StrictMath.cos(Math.PI / 2), Trig.cos(Math.PI / 2));   // 6.12e-17, not 0
        assertEquals(-1.0, Trig.cos(Math.PI));
        assertEquals(StrictMath.sin(Math.PI), Trig.sin(Math.PI));
        assertTrue(Double.isNaN(Trig.cos(Double.NaN)));
        assertTrue(Double.isNaN(Trig.cos(Double.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(Trig.sin(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void blocksGiveTheBitsOfOneAtATime() {
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[Block.SIZE];
        double[] out = new double[Block.SIZE];
        double[][] scratch = new double[3][Block.SIZE];
        double[] scales = {1, 7, 1e4, Trig.REDUCED, 1e12};
        for (double scale : scales) {
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < x.length; i++) x[i] = (2 * random.nextDouble() - 1) * scale;
                if (round == 0) {
                    x[3] = Double.NaN;                 // one odd value sends the block the slow way: still the same bits
                    x[4] = -0.0;
                }
                int n = x.length - round;              // partial blocks too
                Trig.cos(x, out, n, scratch[0], scratch[1], scratch[2]);
                for (int i = 0; i < n; i++) assertSameBits(Trig.cos(x[i]), out[i], "cos(" + x[i] + ")");
                Trig.sin(x, out, n, scratch[0], scratch[1], scratch[2]);
                for (int i = 0; i < n; i++) assertSameBits(Trig.sin(x[i]), out[i], "sin(" + x[i] + ")");
            }
        }
    }

    @Test
    void inPlace() {
        double[] x = {0.1, 2, -3, 4e5, 1e-9};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) expected[i] = Trig.cos(x[i]);
        double[][] scratch = new double[3][x.length];
        Trig.cos(x, x, x.length, scratch[0], scratch[1], scratch[2]);
        for (int i = 0; i < x.length; i++) assertSameBits(expected[i], x[i], "item " + i);
    }

    private static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what);
    }
}
