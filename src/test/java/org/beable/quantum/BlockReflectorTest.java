package org.beable.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compact WY block {@code I − V T V†} against the same reflectors applied one by one,
 * {@code H_0 (H_1 (… (H_{b−1} Y)))}, on random vectors with unitary reflectors (complex τ with
 * {@code |1 − τ‖v‖²| = 1}, so errors stay at rounding level), identity reflectors among them,
 * blocks that reach the last row, and widths that are not multiples of a vector register.
 */
class BlockReflectorTest {

    /**
     * @param top   first row of the block
     * @param count reflectors in the block
     * @param extra rows below the last unit entry
     * @param width columns of Y
     * @param nulls indices of identity reflectors, '-'-separated ("" for none)
     */
    @ParameterizedTest
    @CsvSource({
        "0, 1, 0, 1, ''",
        "0, 1, 5, 3, ''",
        "1, 2, 0, 2, ''",
        "3, 3, 7, 8, ''",
        "1, 16, 40, 33, ''",
        "2, 17, 30, 129, ''",
        "1, 15, 1, 64, ''",
        "0, 8, 20, 9, 3",
        "4, 9, 12, 5, 0-8",
        "1, 6, 10, 7, 0-1-2-3-5",
        "1, 5, 4, 6, 0-1-2-3-4",
    })
    void equalsTheReflectorsOneByOne(int top, int count, int extra, int width, String nulls) {
        var rng = new SplittableRandom(top * 1000 + count * 31 + width);
        int rows = top + count + extra;
        double[][] vRe = new double[count][];
        double[][] vIm = new double[count][];
        double[] tauRe = new double[count];
        double[] tauIm = new double[count];
        java.util.Set<Integer> identities = new java.util.HashSet<>();
        for (String s : nulls.split("-")) {
            if (!s.isEmpty()) {
                identities.add(Integer.parseInt(s));
            }
        }
        for (int j = 0; j < count; j++) {
            if (identities.contains(j)) {
                continue;
            }
            vRe[j] = new double[rows];
            vIm[j] = new double[rows];
            vRe[j][top + j] = 1.0;
            for (int r = top + j + 1; r < rows; r++) {
                vRe[j][r] = rng.nextDouble(-1, 1);
                vIm[j][r] = rng.nextDouble(-1, 1);
            }
            double norm2 = 0.0;
            for (int r = 0; r < rows; r++) {
                norm2 += vRe[j][r] * vRe[j][r] + vIm[j][r] * vIm[j][r];
            }
            double theta = rng.nextDouble(0, 2 * Math.PI);
            tauRe[j] = (1 - Math.cos(theta)) / norm2;
            tauIm[j] = -Math.sin(theta) / norm2;
        }
        double[][] yRe = new double[rows][width];
        double[][] yIm = new double[rows][width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                yRe[r][c] = rng.nextDouble(-1, 1);
                yIm[r][c] = rng.nextDouble(-1, 1);
            }
        }
        double[][] expectRe = deepCopy(yRe);
        double[][] expectIm = deepCopy(yIm);
        for (int j = count - 1; j >= 0; j--) {
            if (vRe[j] != null) {
                applyOne(vRe[j], vIm[j], tauRe[j], tauIm[j], top + j, expectRe, expectIm, width);
            }
        }

        BlockReflector block = new BlockReflector(top, vRe, vIm, tauRe, tauIm);
        assertEquals(count, block.size());
        double[][] wRe = new double[count][width];
        double[][] wIm = new double[count][width];
        block.apply(yRe, yIm, width, wRe, wIm);

        double worst = 0.0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                worst = Math.max(worst, Math.abs(yRe[r][c] - expectRe[r][c]));
                worst = Math.max(worst, Math.abs(yIm[r][c] - expectIm[r][c]));
            }
        }
        double tolerance = 1e-15 * count * rows;
        double difference = worst;
        assertTrue(difference <= tolerance, () -> "block and one-by-one differ by " + difference);
        for (int r = 0; r < top; r++) { // rows above the block are untouched, bit for bit
            for (int c = 0; c < width; c++) {
                assertEquals(expectRe[r][c], yRe[r][c], 0.0);
                assertEquals(expectIm[r][c], yIm[r][c], 0.0);
            }
        }
    }

    /** Y ← (I − τ v v†) Y, v nonzero from {@code from}. */
    private static void applyOne(double[] vr, double[] vi, double tr, double ti, int from,
                                 double[][] yRe, double[][] yIm, int width) {
        for (int c = 0; c < width; c++) {
            double sr = 0.0; // s = v† y
            double si = 0.0;
            for (int r = from; r < vr.length; r++) {
                sr += vr[r] * yRe[r][c] + vi[r] * yIm[r][c];
                si += vr[r] * yIm[r][c] - vi[r] * yRe[r][c];
            }
            double pr = tr * sr - ti * si; // τ s
            double pi = tr * si + ti * sr;
            for (int r = from; r < vr.length; r++) {
                yRe[r][c] -= vr[r] * pr - vi[r] * pi;
                yIm[r][c] -= vr[r] * pi + vi[r] * pr;
            }
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            copy[r] = a[r].clone();
        }
        return copy;
    }
}
