package org.beable.model.scripted;

/** Hashes of the discrete structure of a point of λ-space (see {@link Quadrature}): equal structure, equal hash. */
final class Signatures {
    static final long EMPTY = 0x2545_F491_4F6C_DD1DL;

    private Signatures() {}

    static long mix(long h, long x) {
        long z = h * 0x9E37_79B9_7F4A_7C15L + x;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
