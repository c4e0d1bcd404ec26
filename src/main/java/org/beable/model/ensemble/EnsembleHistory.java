package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.beable.format.DataTable;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;

/**
 * An ensemble evolved beside quantum mechanics: at each sample time n_a/N beside |ψ_a(t)|² from
 * exp(−iHt)ψ(0), the class phases beside −arg ψ_a(t), and the within-class phase spread.
 *
 * @param deviation      D(N) = max over every step and value of |n_a/N − |ψ_a|²|
 * @param deviationTime  the time where D is reached
 * @param sampleDeviation max over the sample times asked for (not every step) and values of |n_a/N − |ψ_a|²|
 * @param energies       per sample time, the energy of the phase-alignment dynamics ({@link AlignmentEnergy}); empty without it
 * @param phaseDeviation max over the sample times of |φ_a − (−arg ψ_a)| (wrapped to [0, π]) over values with |ψ_a|² ≥ 0.05
 * @param spread         per sample time, the largest within-class phase spread (0 at class level)
 * @param table          every sample as a table: t, freq_a, born_a, phase_a, qm_phase_a, spread_a, deviation, spread, copies
 */
public record EnsembleHistory(String level, long members, long spectators, double dt, long steps, long seed, double every,
                              List<Double> times, List<double[]> frequencies, List<double[]> born, List<double[]> phases,
                              List<double[]> qmPhases, List<double[]> spreads, List<Double> spread, double deviation,
                              double deviationTime, double sampleDeviation, double phaseDeviation, List<Double> energies,
                              long copies, List<String> warnings,
                              DataTable table) implements Tabular {

    /** Printed rows at most; the table keeps every sample. */
    private static final int SHOWN = 21;

    public EnsembleHistory {
        times = List.copyOf(times);
        frequencies = List.copyOf(frequencies);
        born = List.copyOf(born);
        phases = List.copyOf(phases);
        qmPhases = List.copyOf(qmPhases);
        spreads = List.copyOf(spreads);
        spread = List.copyOf(spread);
        energies = List.copyOf(energies);
        warnings = List.copyOf(warnings);
    }

    /** The number of values P. */
    public int classes() {
        return frequencies.isEmpty() ? 0 : frequencies.get(0).length;
    }

    /** n_a/N at the last sample. */
    public double[] last() {
        return frequencies.get(frequencies.size() - 1).clone();
    }

    @Override
    public Table toTable() {
        int p = classes();
        boolean perValue = p <= 4;
        boolean members = level.equals(EnsembleOptions.Level.MEMBER.word);
        List<String> header = new ArrayList<>(List.of("t"));
        if (perValue) {
            for (int a = 0; a < p; a++) {
                header.add("n_" + a + "/N");
                header.add("|ψ_" + a + "|²");
            }
        }
        header.add("max |Δ|");
        if (members) header.add("spread");
        StringBuilder title = new StringBuilder("ensemble at " + level + " level, N = " + this.members
                + (spectators > 0 ? " (" + spectators + " spectators per value)" : "") + ", "
                + (steps > 0 ? steps + " steps of " + Numbers.format(dt) : "no steps") + ", seed " + seed
                + ": D = " + Numbers.format(deviation) + " at t = " + Numbers.format(deviationTime)
                + (Double.isNaN(phaseDeviation) ? "" : ", phases within " + Numbers.format(phaseDeviation) + " of −arg ψ"));
        Table out = new Table(header).title(title.toString());
        int n = times.size();
        int stride = Math.max(1, (n + SHOWN - 2) / (SHOWN - 1));
        for (int k = 0; k < n; k += stride) row(out, k, p, perValue, members);
        if ((n - 1) % stride != 0) row(out, n - 1, p, perValue, members);
        return out;
    }

    private void row(Table out, int k, int p, boolean perValue, boolean members) {
        List<String> cells = new ArrayList<>();
        cells.add(Numbers.format(times.get(k)));
        double worst = 0;
        for (int a = 0; a < p; a++) {
            double f = frequencies.get(k)[a];
            double q = born.get(k)[a];
            worst = Math.max(worst, Math.abs(f - q));
            if (perValue) {
                cells.add(Numbers.format(f));
                cells.add(Numbers.format(q));
            }
        }
        cells.add(Numbers.format(worst));
        if (members) cells.add(Numbers.format(spread.get(k)));
        out.row(cells);
    }

    @Override
    public String toString() {
        return "ensemble history (" + level + " level, N = " + members + ", " + times.size() + " samples, D = "
                + Numbers.format(deviation) + ")";
    }
}
