package org.beable.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible, independent random streams addressed by a path of integers below a
 * master seed: {@code stream(seed, settingCombo, chunkIndex)}.
 *
 * <p>A stream depends only on the master seed and the path, never on which thread
 * asks for it or in which order; that is what makes a simulation give the same
 * numbers for every thread count (see StreamIds).
 *
 * <h2>Derivation</h2>
 * The master seed and the path words are absorbed into two 64-bit lanes, each step
 * {@code lane = mix(lane ^ word) } with a different finaliser per lane (SplitMix64's
 * Stafford variant 13, and variant 14 on a different offset); the path length is
 * absorbed last, so {@code stream(s)} and {@code stream(s, 0)} differ. The two lanes are
 * the 128-bit state of a {@link RandomSource#XO_RO_SHI_RO_128_PP} generator
 * (xoroshiro128++, period {@code 2^128 - 1}).
 *
 * <h2>Why the streams are independent enough</h2>
 * <ul>
 * <li>Each mixing step is a bijection of the lane for a fixed word, so two paths of
 * the same length that differ in a single word always reach different states (in
 * both lanes); any other two distinct paths collide only by chance, with
 * probability about {@code 2^-128} over both lanes.</li>
 * <li>The finalisers have full avalanche: neighbouring seeds and paths ({@code chunk 7}
 * and {@code chunk 8}) give unrelated-looking states, so the well-known correlation of
 * xoroshiro generators started from similar states does not arise.</li>
 * <li>The starting states are then effectively independent uniform points on the
 * generator's cycle of length {@code 2^128 - 1}. For {@code k} streams each drawing at
 * most {@code L} words, the chance that any two overlap is at most about
 * {@code k^2 L / 2^128}: for a million streams of a billion draws each, below
 * {@code 2^-58}. Streams that do not overlap are disjoint segments of a generator
 * that passes BigCrush and PractRand, which is the usual standard of "independent".</li>
 * </ul>
 * This is the same argument as for seeding by hashing in SplitMix/LXM-style
 * splittable generators; it is probabilistic, not a proof, but the failure
 * probabilities are far below any effect a simulation could see.
 *
 * <p>The derivation and the generator are part of the reproducibility promise:
 * changing either changes every simulated number, so do not.
 */
public final class RandomStreams {

    /** The generator behind every stream. */
    public static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final long LANE_A = 0x5EED_BEAB_1E00_0001L;
    private static final long LANE_B = 0xC2B2_AE3D_27D4_EB4FL;

    private RandomStreams() {
    }

    /**
     * The stream at {@code path} below {@code masterSeed}: a fresh generator, to be used
     * by one thread.
     */
    public static UniformRandomProvider stream(long masterSeed, long... path) {
        // The same generator as SOURCE.create(seed(...)), without the reflection.
        return new StreamGenerator(seed(masterSeed, path));
    }

    /**
     * The 128-bit generator state for {@code path} below {@code masterSeed}, as the two
     * words passed to {@link #SOURCE}; never all zero.
     */
    public static long[] seed(long masterSeed, long... path) {
        long a = stafford13(masterSeed + LANE_A);
        long b = stafford14(masterSeed ^ LANE_B);
        for (long word : path) {
            a = stafford13((a ^ word) + GOLDEN);
            b = stafford14((b ^ word) + LANE_B);
        }
        a = stafford13((a ^ path.length) + GOLDEN);
        b = stafford14((b ^ path.length) + LANE_B);
        if ((a | b) == 0) {
            b = GOLDEN;           // the all-zero state is the generator's one fixed point
        }
        return new long[] {a, b};
    }

    /** SplitMix64's finaliser (Stafford's variant 13); a bijection. */
    static long stafford13(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** Stafford's variant 14; a bijection, and a different function from variant 13. */
    static long stafford14(long z) {
        z = (z ^ (z >>> 30)) * 0x4BE9_8134_A597_6FD3L;
        z = (z ^ (z >>> 29)) * 0x3BC0_993A_5AD1_9A13L;
        return z ^ (z >>> 31);
    }
}
