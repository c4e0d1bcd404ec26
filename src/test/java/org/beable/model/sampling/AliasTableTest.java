package org.beable.model.sampling;

import org.beable.random.RandomStreams;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AliasTableTest {

    private static final long N = 2_000_000;

    static Stream<Arguments> distributions() {
        double[] geometric = new double[20];
        double s = 0;
        for (int i = 0; i < geometric.length; i++) {
            geometric[i] = Math.pow(0.7, i);
            s += geometric[i];
        }
        for (int i = 0; i < geometric.length; i++) {
            geometric[i] /= s;
        }
        double[] uniform7 = new double[7];
        Arrays.fill(uniform7, 1.0 / 7);
        return Stream.of(
                Arguments.of("born4", new double[] {0.1, 0.2, 0.3, 0.4}),
                Arguments.of("fair coin", new double[] {0.5, 0.5}),
                Arguments.of("uniform7", uniform7),
                Arguments.of("skewed", new double[] {0.001, 0.999}),
                Arguments.of("with zeros", new double[] {0, 0.25, 0, 0.5, 0.25, 0}),
                Arguments.of("geometric20", geometric),
                Arguments.of("cos^2 Bell", new double[] {
                        0.5 * Math.pow(Math.cos(Math.PI / 8), 2), 0.5 * Math.pow(Math.sin(Math.PI / 8), 2),
                        0.5 * Math.pow(Math.sin(Math.PI / 8), 2), 0.5 * Math.pow(Math.cos(Math.PI / 8), 2)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void frequenciesMatchProbabilities(String name, double[] p) {
        AliasTable table = new AliasTable(p);
        long[] counts = new long[p.length];
        table.countInto(RandomStreams.stream(20240607L, name.hashCode()), N, counts);
        assertEquals(N, Arrays.stream(counts).sum());

        // Chi-square over the outcomes of non-zero probability; zeros must never occur.
        int positive = (int) Arrays.stream(p).filter(x -> x > 0).count();
        double[] expected = new double[positive];
        long[] observed = new long[positive];
        int j = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                assertEquals(0, counts[i], "outcome " + i + " has probability 0");
            } else {
                expected[j] = p[i] * N;
                observed[j++] = counts[i];
            }
        }
        if (positive > 1) {
            double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
            assertTrue(pValue > 1e-4, name + ": p-value " + pValue + " for " + Arrays.toString(counts));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void effectiveProbabilitiesAreTheInputToTableResolution(String name, double[] p) {
        double[] q = new AliasTable(p).effectiveProbabilities();
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-9, name + " outcome " + i);
            if (p[i] == 0) {
                assertEquals(0.0, q[i]);
            }
        }
    }

    @Test
    void zeroProbabilityOutcomesAreNeverDrawnFromAnyWord() {
        // Tiny neighbours of zeros, so rounding in the construction is exercised.
        double[] p = {0, 1e-12, 0, 1 - 2e-12, 0, 1e-12, 0};
        AliasTable table = new AliasTable(p);
        int[] out = new int[1 << 20];
        table.sampleInto(new SplitMix64(5L), out, 0, out.length);
        for (int x : out) {
            assertTrue(p[x] > 0, "drew outcome " + x);
        }
        // The extreme words too: all zero bits, all one bits, and around the thresholds.
        for (long w : new long[] {0L, -1L, 0xFFFF_FFFFL, 0xFFFF_FFFF_0000_0000L, 1L, Long.MIN_VALUE}) {
            int x = table.sample(constant(w));
            assertTrue(p[x] > 0, "word " + Long.toHexString(w) + " drew outcome " + x);
        }
    }

    @Test
    void singleOutcome() {
        AliasTable table = new AliasTable(new double[] {1.0});
        assertEquals(1, table.size());
        UniformRandomProvider rng = RandomStreams.stream(1L);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, table.sample(rng));
        }
        long[] counts = new long[1];
        table.countInto(rng, 12345, counts);
        assertArrayEquals(new long[] {12345}, counts);
        assertArrayEquals(new double[] {1.0}, table.effectiveProbabilities());
    }

    @Test
    void certainOutcomeAmongZeros() {
        AliasTable table = new AliasTable(new double[] {0, 0, 1, 0});
        long[] counts = new long[4];
        table.countInto(RandomStreams.stream(2L), 100_001, counts);
        assertArrayEquals(new long[] {0, 0, 100_001, 0}, counts);
    }

    @Test
    void oneWordPerDrawAndAllPathsAgree() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        AliasTable table = new AliasTable(p);
        int n = 100_003;   // odd, to exercise the unrolled count loop's tail
        int[] single = new int[n];
        UniformRandomProvider a = RandomStreams.stream(9L);
        for (int i = 0; i < n; i++) {
            single[i] = table.sample(a);
        }
        int[] bulk = new int[n + 2];
        UniformRandomProvider b = RandomStreams.stream(9L);
        table.sampleInto(b, bulk, 1, n + 1);
        assertArrayEquals(single, Arrays.copyOfRange(bulk, 1, n + 1));
        assertEquals(a.nextLong(), b.nextLong(), "same number of words consumed");

        byte[] bytes = new byte[n];
        UniformRandomProvider c = RandomStreams.stream(9L);
        table.sampleInto(c, bytes, 0, n);
        long[] fromBytes = new long[4];
        for (int i = 0; i < n; i++) {
            assertEquals(single[i], bytes[i] & 0xFF);
            fromBytes[bytes[i]]++;
        }
        long[] counts = new long[4];
        UniformRandomProvider d = RandomStreams.stream(9L);
        table.countInto(d, n, counts);
        assertArrayEquals(fromBytes, counts);
        assertEquals(c.nextLong(), d.nextLong());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AliasTable(new double[] {0.5, 0.6}));
        assertTrue(e.getMessage().contains("1.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {-0.1, 1.1}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {Double.NaN, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new AliasTable(new double[] {0.5, 0.5 + 1e-8}));
    }

    @Test
    void normalisesWithinTolerance() {
        AliasTable table = new AliasTable(new double[] {0.5, 0.5 + 5e-10});
        double[] q = table.effectiveProbabilities();
        assertEquals(1.0, q[0] + q[1], 1e-15);
        assertEquals(0.5, q[0], 1e-9);
    }

    private static UniformRandomProvider constant(long word) {
        return () -> word;
    }
}
