package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beable.format.Numbers;

/**
 * The beable `ensemble`: every member's value a_I ∈ {0 … P−1} and phase φ_I (and, under the
 * phase-alignment dynamics, its phase momentum π_I). Immutable.
 *
 * <p>At class level members of a value are interchangeable and share its phase, so the state is
 * the occupations n_a and class phases φ_a, and member I is read by listing the members value by
 * value (the first n_0 have value 0, …). At member level every member is kept. Either way
 * {@link #value(long)} and {@link #phase(long)} answer for any member. Spectators (members that
 * are never removed) are the first `spectators` of each value at class level, and flagged at
 * member level.
 */
public final class EnsembleState {
    private final long[] counts;
    private final double[] classPhases;
    private final long spectators;
    private final int[] values;
    private final double[] phases;
    private final double[] momenta;
    private final boolean[] spectator;
    /** n_a/N exactly, for the N → ∞ limit (the counts are then only its rounding); null otherwise. */
    private final double[] frequencies;

    private EnsembleState(long[] counts, double[] classPhases, long spectators, int[] values, double[] phases,
                          double[] momenta, boolean[] spectator) {
        this(counts, classPhases, spectators, values, phases, momenta, spectator, null);
    }

    private EnsembleState(long[] counts, double[] classPhases, long spectators, int[] values, double[] phases,
                          double[] momenta, boolean[] spectator, double[] frequencies) {
        this.frequencies = frequencies;
        this.counts = counts;
        this.classPhases = classPhases;
        this.spectators = spectators;
        this.values = values;
        this.phases = phases;
        this.momenta = momenta;
        this.spectator = spectator;
    }

    /** A phase-aligned ensemble described by its classes (the arrays are copied). */
    static EnsembleState ofClasses(long[] counts, double[] classPhases, long spectators) {
        return new EnsembleState(counts.clone(), classPhases.clone(), spectators, null, null, null, null);
    }

    /**
     * The N → ∞ ensemble: exact frequencies n_a/N beside the occupations they round to in an
     * ensemble of the given size (which answer {@link #value(long)} and friends). The arrays are copied.
     */
    static EnsembleState ofFrequencies(double[] frequencies, long[] counts, double[] classPhases, long spectators) {
        return new EnsembleState(counts.clone(), classPhases.clone(), spectators, null, null, null, null, frequencies.clone());
    }

    /** An ensemble with every member's beables (the arrays are copied; momenta may be null). */
    static EnsembleState ofMembers(int classes, int[] values, double[] phases, double[] momenta, boolean[] spectator,
                                   long spectatorsPerClass) {
        long[] counts = new long[classes];
        double[] re = new double[classes];
        double[] im = new double[classes];
        for (int i = 0; i < values.length; i++) {
            counts[values[i]]++;
            re[values[i]] += Math.cos(phases[i]);
            im[values[i]] += Math.sin(phases[i]);
        }
        double[] mean = new double[classes];
        for (int a = 0; a < classes; a++) mean[a] = counts[a] == 0 ? Double.NaN : Math.atan2(im[a], re[a]);
        return new EnsembleState(counts, mean, spectatorsPerClass, values.clone(), phases.clone(),
                momenta == null ? null : momenta.clone(), spectator.clone());
    }

    public int classes() { return counts.length; }

    public long members() {
        long n = 0;
        for (long c : counts) n += c;
        return n;
    }

    public long count(int value) { return counts[value]; }

    /** n_a/N: exact in the N → ∞ limit, otherwise the occupation over the members. */
    public double frequency(int value) {
        return frequencies != null ? frequencies[value] : (double) counts[value] / members();
    }

    /** Whether this is the N → ∞ limit, described by exact frequencies rather than by its occupations. */
    public boolean infinite() { return frequencies != null; }

    /** The phase of a value's class (at member level the circular mean of its members' phases; NaN if empty). */
    public double classPhase(int value) { return classPhases[value]; }

    public long spectatorsPerValue() { return spectators; }

    public boolean memberLevel() { return values != null; }

    public boolean hasMomenta() { return momenta != null; }

    public int value(long member) {
        if (values != null) return values[checked(member)];
        return classOf(member);
    }

    public double phase(long member) {
        if (phases != null) return phases[checked(member)];
        return classPhases[classOf(member)];
    }

    /** π_I under the phase-alignment dynamics; 0 otherwise. */
    public double momentum(long member) {
        if (momenta != null) return momenta[checked(member)];
        checked(member);
        return 0;
    }

    public boolean isSpectator(long member) {
        if (spectator != null) return spectator[checked(member)];
        int a = classOf(member);
        long start = 0;
        for (int b = 0; b < a; b++) start += counts[b];
        return member - start < spectators;
    }

    private int checked(long member) {
        if (member < 0 || member >= values.length) {
            throw new IndexOutOfBoundsException("member " + member + " of an ensemble of " + values.length);
        }
        return (int) member;
    }

    private int classOf(long member) {
        if (member < 0) throw new IndexOutOfBoundsException("member " + member);
        long rest = member;
        for (int a = 0; a < counts.length; a++) {
            if (rest < counts[a]) return a;
            rest -= counts[a];
        }
        throw new IndexOutOfBoundsException("member " + member + " of an ensemble of " + members());
    }

    long[] counts() { return counts.clone(); }
    double[] classPhases() { return classPhases.clone(); }
    int[] values() { return values.clone(); }
    double[] phases() { return phases.clone(); }
    double[] momenta() { return momenta == null ? null : momenta.clone(); }
    boolean[] spectators() { return spectator.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnsembleState s && spectators == s.spectators && Arrays.equals(counts, s.counts)
                && Arrays.equals(classPhases, s.classPhases) && Arrays.equals(values, s.values)
                && Arrays.equals(phases, s.phases) && Arrays.equals(momenta, s.momenta) && Arrays.equals(spectator, s.spectator)
                && Arrays.equals(frequencies, s.frequencies);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Arrays.hashCode(classPhases) + 17 * Arrays.hashCode(phases);
    }

    /** "ensemble of 1000 members (class level): n = [700, 300], φ = [0, 1]". */
    @Override
    public String toString() {
        List<String> n = new ArrayList<>();
        List<String> phi = new ArrayList<>();
        for (int a = 0; a < counts.length && a < 16; a++) {
            n.add(Long.toString(counts[a]));
            phi.add(Numbers.format(classPhases[a]));
        }
        String more = counts.length > 16 ? ", …" : "";
        return "ensemble of " + members() + " members (" + (memberLevel() ? "member" : "class") + " level): n = ["
                + String.join(", ", n) + more + "], φ = [" + String.join(", ", phi) + more + "]";
    }
}
