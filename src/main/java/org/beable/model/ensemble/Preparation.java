package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;

/**
 * Making the ensemble that a state ψ describes (ensemble.md, "Correspondence"): n_a ≈ N|ψ_a|²
 * members with value a, all carrying the phase φ_a = −arg ψ_a.
 *
 * <ul>
 * <li>Occupations are rounded by largest remainder, so they add up to N and each is within one
 *     member of N|ψ_a|² (the preparation itself adds no sampling noise).</li>
 * <li>Spectators: `s` members of every value that are never removed; they come out of the N.</li>
 * <li>Admixture ε: the other members are spread as (1 − ε)|ψ_a|² + ε/P.</li>
 * <li>A value with ψ_a = 0 has no phase of its own; it gets the phase ψ_a takes as soon as the
 *     first Hamiltonian moves weight into it, −arg(−i(Hψ)_a) — the limit of −arg ψ_a(t) as
 *     t → 0⁺ — or 0 if H does not feed it either.</li>
 * <li>At member level members are listed in a random order (so member I's initial value is a draw
 *     from |ψ_a|²), and with `spread` each phase is drawn from a normal distribution about φ_a.</li>
 * </ul>
 */
final class Preparation {
    private static final double NODE = 1e-24;

    private Preparation() {}

    /**
     * The ket of a pure density matrix, with the global phase that makes its largest component
     * real and positive.
     *
     * @throws IllegalArgumentException for a mixed state
     */
    static CMatrix pureKet(CMatrix rho) {
        int n = rho.rows;
        double purity = rho.times(rho).trace().getReal();
        if (purity < 1 - 1e-9) {
            throw new IllegalArgumentException("the ensemble model needs a pure prepared state (one ket), and this one is mixed:"
                    + " Tr ρ² = " + Numbers.format(purity) + "; a mixture is several ensembles, so prepare each ket in its own experiment");
        }
        int k = 0;
        for (int a = 1; a < n; a++) if (rho.re(a, a) > rho.re(k, k)) k = a;
        double norm = Math.sqrt(rho.re(k, k));
        double[] re = new double[n];
        double[] im = new double[n];
        for (int a = 0; a < n; a++) {
            re[a] = rho.re(a, k) / norm;
            im[a] = rho.im(a, k) / norm;
        }
        return CMatrix.column(re, im);
    }

    /** The share of the non-spectator members each value gets: (1 − ε)|ψ_a|² + ε/P. */
    static double[] weights(CMatrix psi, double admixture) {
        int n = psi.rows;
        double[] w = new double[n];
        double total = 0;
        for (int a = 0; a < n; a++) {
            double p = psi.re(a, 0) * psi.re(a, 0) + psi.im(a, 0) * psi.im(a, 0);
            w[a] = (1 - admixture) * p + admixture / n;
            total += w[a];
        }
        for (int a = 0; a < n; a++) w[a] /= total;
        return w;
    }

    /** s spectators per value plus the rest by largest remainder of (N − Ps) w_a. */
    static long[] occupations(double[] weights, long members, long spectators) {
        int n = weights.length;
        long free = members - n * spectators;
        if (free < 0) {
            throw new IllegalArgumentException("spectators = " + spectators + " per value for " + n + " values need at least "
                    + n * spectators + " members, but the ensemble has " + members + "; lower spectators or raise members");
        }
        long[] counts = new long[n];
        double[] remainder = new double[n];
        long assigned = 0;
        for (int a = 0; a < n; a++) {
            double exact = free * weights[a];
            counts[a] = (long) Math.floor(exact);
            remainder[a] = exact - counts[a];
            assigned += counts[a];
        }
        Integer[] order = new Integer[n];
        for (int a = 0; a < n; a++) order[a] = a;
        java.util.Arrays.sort(order, (x, y) -> remainder[y] != remainder[x] ? Double.compare(remainder[y], remainder[x]) : Integer.compare(x, y));
        for (int k = 0; assigned < free; k = (k + 1) % n) {
            counts[order[k]]++;
            assigned++;
        }
        for (int a = 0; a < n; a++) counts[a] += spectators;
        return counts;
    }

    /** φ_a = −arg ψ_a; for ψ_a = 0 the phase the first Hamiltonian gives it (see the class comment). */
    static double[] phases(CMatrix psi, CMatrix firstHamiltonian) {
        int n = psi.rows;
        double[] phi = new double[n];
        CMatrix moved = firstHamiltonian == null ? null : firstHamiltonian.times(psi);
        for (int a = 0; a < n; a++) {
            double re = psi.re(a, 0);
            double im = psi.im(a, 0);
            if (re * re + im * im > NODE) {
                phi[a] = -Math.atan2(im, re);
            } else if (moved != null && Math.hypot(moved.re(a, 0), moved.im(a, 0)) > 1e-12) {
                // −i (Hψ)_a = (Hψ)_a.im − i (Hψ)_a.re
                phi[a] = -Math.atan2(-moved.re(a, 0), moved.im(a, 0));
            }
        }
        return phi;
    }

    /** The phase-aligned ensemble at class level. */
    static EnsembleState classes(CMatrix psi, CMatrix firstHamiltonian, EnsembleOptions options, long members) {
        long[] counts = occupations(weights(psi, options.admixture()), members, options.spectators());
        return EnsembleState.ofClasses(counts, phases(psi, firstHamiltonian), options.spectators());
    }

    /**
     * The N → ∞ ensemble: n_a/N = s/N + (1 − Ps/N) w_a exactly, with w_a = (1 − ε)|ψ_a|² + ε/P —
     * the limit the occupations of {@link #classes} round to (their rounding is kept beside it).
     */
    static EnsembleState meanField(CMatrix psi, CMatrix firstHamiltonian, EnsembleOptions options, long members) {
        double[] w = weights(psi, options.admixture());
        long[] counts = occupations(w, members, options.spectators());
        double share = (double) options.spectators() / members;
        double[] frequencies = new double[w.length];
        for (int a = 0; a < w.length; a++) frequencies[a] = share + (1 - w.length * share) * w[a];
        return EnsembleState.ofFrequencies(frequencies, counts, phases(psi, firstHamiltonian), options.spectators());
    }

    /** Every member, in a random order, with the spectators flagged. */
    static EnsembleState members(CMatrix psi, CMatrix firstHamiltonian, EnsembleOptions options, long members,
                                 UniformRandomProvider rng) {
        long[] counts = occupations(weights(psi, options.admixture()), members, options.spectators());
        double[] classPhase = phases(psi, firstHamiltonian);
        int n = (int) members;
        int[] values = new int[n];
        boolean[] spectator = new boolean[n];
        int next = 0;
        for (int a = 0; a < counts.length; a++) {
            for (long k = 0; k < counts[a]; k++) {
                values[next] = a;
                spectator[next] = k < options.spectators();
                next++;
            }
        }
        for (int i = n - 1; i > 0; i--) {             // Fisher–Yates, from the run's own stream
            int j = rng.nextInt(i + 1);
            int v = values[i];
            values[i] = values[j];
            values[j] = v;
            boolean s = spectator[i];
            spectator[i] = spectator[j];
            spectator[j] = s;
        }
        double[] phases = new double[n];
        ZigguratSampler.NormalizedGaussian gaussian = options.spread() > 0 ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        for (int i = 0; i < n; i++) {
            phases[i] = classPhase[values[i]] + (gaussian == null ? 0 : options.spread() * gaussian.sample());
        }
        double[] momenta = options.phaseAlignment() ? new double[n] : null;
        return EnsembleState.ofMembers(counts.length, values, phases, momenta, spectator, options.spectators());
    }

    /**
     * The node warning: values that start empty although a Hamiltonian of the schedule couples
     * them to occupied ones. Without spectators nobody can ever copy such a value into existence,
     * so n_a stays 0 where quantum mechanics moves weight (ensemble.md, "Nodes").
     */
    static List<String> nodeWarnings(long[] counts, List<Segment> schedule, long spectators) {
        List<String> warnings = new ArrayList<>();
        if (spectators > 0) return warnings;
        List<Integer> stuck = new ArrayList<>();
        for (int a = 0; a < counts.length; a++) {
            if (counts[a] > 0) continue;
            for (Segment s : schedule) {
                if (s.couplings().couples(a)) {
                    stuck.add(a);
                    break;
                }
            }
        }
        if (stuck.isEmpty()) return warnings;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < Math.min(stuck.size(), 8); k++) names.add(Integer.toString(stuck.get(k)));
        String which = stuck.size() == 1 ? "value " + names.get(0) + " has" : stuck.size() + " values (" + String.join(", ", names)
                + (stuck.size() > 8 ? ", …" : "") + ") have";
        warnings.add("the prepared state has nodes: " + which + " no members (|ψ_a|² rounds to fewer than one of the "
                + java.util.Arrays.stream(counts).sum() + "), and no member can copy a value nobody has, so n_a/N stays 0"
                + " where quantum mechanics may move weight; add spectators = 1 (members never removed, in every value)"
                + " or a small admixture (e.g. admixture = 0.001) to follow quantum mechanics");
        return warnings;
    }
}
