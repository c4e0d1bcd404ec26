package org.beable.model.retrocausal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Java ports of fdlibm's expm1 and sinh give StrictMath's bits, across every branch of both. */
class StrictMathParityTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, 0x1p-54, -0x1p-54, 0x1p-28, 1e-20,
            0.5 * Math.log(2), 1.5 * Math.log(2), -0.25, -0.3, 1, -1, 20, 22, -22, 38.9, 56 * Math.log(2), 100, 709.78, 709.79, 710.4758600739439,
            710.476, 711, -745, -1000, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    private static void same(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.expm1(x)), Double.doubleToRawLongBits(StrictHyperbolic.expm1(x)), "expm1(" + x + ")");
        assertEquals(Double.doubleToRawLongBits(StrictMath.sinh(x)), Double.doubleToRawLongBits(StrictHyperbolic.sinh(x)), "sinh(" + x + ")");
    }

    @Test
    void specialAndEdgeValues() {
        for (double x : SPECIAL) same(x);
    }

    @Test
    void randomArgumentsAtEveryScale() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 400_000; i++) {
            double x = (random.nextBoolean() ? 1 : -1) * Math.scalb(1 + random.nextDouble(), random.nextInt(-60, 11));
            same(x);
        }
    }
}
