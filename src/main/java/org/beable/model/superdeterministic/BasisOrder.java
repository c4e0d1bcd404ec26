package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.format.Numbers;

/**
 * The order of the detector eigenbasis |1⟩ … |N⟩ that the construction of σ_J and L_JM depends on
 * (the averaged predictions do not, for uniform λ). Three kinds:
 * <ul>
 * <li>the default: lexicographic over the detectors in measuring order, each detector's outcomes
 *     in their own order (spin(θ): +1 before −1) — the order of the experiment's joint outcomes;</li>
 * <li>a user-given permutation: position p (|p+1⟩) holds default basis state {@code order[p]}, or
 *     the basis states named by their outcome values, one list per state ([[-1, +1], [+1, -1], …]);</li>
 * <li>permuted: a uniformly random order drawn per trial as part of the hidden state (the papers'
 *     remark on making the model independent of the order).</li>
 * </ul>
 */
public final class BasisOrder {
    public enum Kind { DEFAULT, GIVEN, PERMUTED }

    public static final BasisOrder DEFAULT = new BasisOrder(Kind.DEFAULT, null, null);
    public static final BasisOrder PERMUTED = new BasisOrder(Kind.PERMUTED, null, null);

    private final Kind kind;
    private final int[] permutation;          // GIVEN by indices
    private final List<List<Object>> states;  // GIVEN by outcome values or labels

    private BasisOrder(Kind kind, int[] permutation, List<List<Object>> states) {
        this.kind = kind;
        this.permutation = permutation;
        this.states = states;
    }

    public Kind kind() { return kind; }

    /**
     * The order a user wrote: null or "default", "permuted", a permutation of 0 … N−1, or one
     * list of outcome values per basis state.
     *
     * @throws IllegalArgumentException with a plain sentence for anything else
     */
    public static BasisOrder parse(Object spec) {
        if (spec == null) return DEFAULT;
        if (spec instanceof String s) {
            if (s.equals("default")) return DEFAULT;
            if (s.equals("permuted")) return PERMUTED;
            throw new IllegalArgumentException("unknown basis order '" + s + "'; write order = permuted, or a list such as [1, 0, 3, 2]");
        }
        if (!(spec instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("order needs `permuted` or a non-empty list, got " + spec);
        }
        if (list.stream().allMatch(x -> x instanceof Double)) return new BasisOrder(Kind.GIVEN, permutation(list), null);
        List<List<Object>> states = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof List<?> values && !values.isEmpty()) states.add(List.copyOf(values));
            else throw new IllegalArgumentException("the basis order mixes numbers and lists; give indices [1, 0, 2, 3] "
                    + "or one list of outcome values per basis state, e.g. [[-1, +1], [+1, -1], [-1, -1], [+1, +1]]");
        }
        for (int a = 0; a < states.size(); a++) {
            for (int b = 0; b < a; b++) {
                if (sameOutcomes(states.get(a), states.get(b))) {
                    throw new IllegalArgumentException("the basis order lists the state " + show(states.get(a)) + " twice");
                }
            }
        }
        return new BasisOrder(Kind.GIVEN, null, List.copyOf(states));
    }

    private static int[] permutation(List<?> list) {
        int n = list.size();
        int[] p = new int[n];
        boolean[] seen = new boolean[n];
        for (int k = 0; k < n; k++) {
            double x = (Double) list.get(k);
            if (x != Math.rint(x) || x < 0 || x >= n) {
                throw new IllegalArgumentException("the basis order " + showNumbers(list) + " is not a permutation of 0 … " + (n - 1)
                        + ": " + Numbers.format(x) + " is not one of them (to name states by outcome values, write one list per state, e.g. [[-1], [+1]])");
            }
            p[k] = (int) x;
            if (seen[p[k]]) {
                throw new IllegalArgumentException("the basis order " + showNumbers(list) + " is not a permutation of 0 … " + (n - 1)
                        + ": " + p[k] + " appears twice");
            }
            seen[p[k]] = true;
        }
        return p;
    }

    /**
     * Position → element for a detection with these elements (each element's outcome index per
     * detector, in measuring order). Null for PERMUTED, whose order is drawn per trial.
     *
     * @throws IllegalArgumentException if a given order does not fit this detection
     */
    int[] resolve(List<Detector> detectors, int[][] outcomes, String where) {
        int n = outcomes.length;
        switch (kind) {
            case DEFAULT:
                return Permutations.identity(n);
            case PERMUTED:
                return null;
            default:
                break;
        }
        if (permutation != null) {
            if (permutation.length != n) {
                throw new IllegalArgumentException("the basis order lists " + permutation.length + " states but " + where + " has " + n
                        + " (order = " + showInts(permutation) + ")");
            }
            return permutation.clone();
        }
        if (states.size() != n) {
            throw new IllegalArgumentException("the basis order lists " + states.size() + " states but " + where + " has " + n);
        }
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            List<Object> state = states.get(p);
            if (state.size() != detectors.size()) {
                throw new IllegalArgumentException("basis state " + show(state) + " in the order has " + state.size() + " outcome"
                        + (state.size() == 1 ? "" : "s") + " but " + where + " reads " + detectors.size() + " detector"
                        + (detectors.size() == 1 ? "" : "s") + " (" + String.join(", ", detectors.stream().map(Detector::name).toList()) + ")");
            }
            order[p] = -1;
            for (int e = 0; e < n && order[p] < 0; e++) {
                boolean all = true;
                for (int d = 0; d < detectors.size() && all; d++) all = matches(detectors.get(d), outcomes[e][d], state.get(d));
                if (all) order[p] = e;
            }
            if (order[p] < 0) {
                throw new IllegalArgumentException("the basis order names " + show(state) + ", which is not an outcome of " + where);
            }
        }
        return order;
    }

    private static boolean matches(Detector d, int outcome, Object given) {
        if (given instanceof Double x) return Math.abs(d.outcomeValues()[outcome] - x) < 1e-9;
        return d.outcomeLabels().get(outcome).equals(String.valueOf(given));
    }

    private static boolean sameOutcomes(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) {
            Object x = a.get(k);
            Object y = b.get(k);
            if (x instanceof Double p && y instanceof Double q ? Math.abs(p - q) > 1e-9 : !String.valueOf(x).equals(String.valueOf(y))) return false;
        }
        return true;
    }

    private static String show(List<Object> state) {
        List<String> parts = new ArrayList<>();
        for (Object x : state) parts.add(x instanceof Double d ? (d > 0 ? "+" : "") + Numbers.format(d) : String.valueOf(x));
        return "[" + String.join(", ", parts) + "]";
    }

    private static String showNumbers(List<?> list) {
        List<String> parts = new ArrayList<>();
        for (Object x : list) parts.add(Numbers.format((Double) x));
        return "[" + String.join(", ", parts) + "]";
    }

    private static String showInts(int[] p) {
        return Arrays.toString(p);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DEFAULT -> "default";
            case PERMUTED -> "permuted";
            case GIVEN -> permutation != null ? showInts(permutation) : states.stream().map(BasisOrder::show).toList().toString();
        };
    }
}
