package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Measurement;
import org.beable.format.Numbers;
import org.beable.interp.Values;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * What a detector's expression may evaluate to, turned into projectors: an observable (its
 * eigenspaces, largest eigenvalue first, so spin(θ) gives +1 then −1) or a list of kets
 * forming an orthonormal basis of the detector's system.
 */
final class Measurements {
    private static final double TOLERANCE = 1e-9;

    /** The projectors with each outcome's numeric value and default label. */
    record Resolved(Measurement measurement, double[] values, List<String> labels) {}

    private Measurements() {}

    static Resolved of(Object value, int dimension, Span span) {
        if (value instanceof QValue q && q.isOperator()) return observable(q, dimension, span);
        if (value instanceof List<?> list) return basis(list, dimension, span);
        throw new BeableError(span, "a detector measures an observable or a basis, got " + Values.aTypeName(value),
                "write e.g. `spin(a)`, `Z`, or `[|0>, |1>]`");
    }

    private static Resolved observable(QValue q, int dimension, Span span) {
        CMatrix o = q.matrix();
        checkDimension(q.dimension(), dimension, span);
        if (!o.isHermitian(TOLERANCE)) throw new BeableError(span, "a detector's observable must be Hermitian");
        Eigen eigen = Hermitian.decompose(o);
        double[] values = eigen.values();
        List<CMatrix> projectors = new ArrayList<>();
        List<Double> outcomeValues = new ArrayList<>();
        // Eigenvalues ascend; walk them from the top, grouping degenerate ones into one projector.
        int k = values.length - 1;
        while (k >= 0) {
            double lambda = values[k];
            CMatrix projector = CMatrix.zeros(dimension, dimension);
            while (k >= 0 && Math.abs(values[k] - lambda) <= TOLERANCE * Math.max(1, Math.abs(lambda))) {
                projector = projector.plus(column(eigen.vectors(), k).projector());
                k--;
            }
            projectors.add(projector);
            // Eigenvalues that are whole numbers up to round-off are reported as such (+1, −1, 0).
            double rounded = Math.rint(lambda);
            outcomeValues.add(Math.abs(lambda - rounded) < TOLERANCE ? rounded + 0.0 : lambda);
        }
        boolean nondegenerate = projectors.size() == dimension;
        double[] numbers = outcomeValues.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> labels = new ArrayList<>();
        for (double x : numbers) labels.add(signed(x));
        CMatrix[] kets = nondegenerate ? eigenKets(eigen) : null;
        return new Resolved(new Measurement(projectors.toArray(new CMatrix[0]), kets), numbers, labels);
    }

    private static CMatrix[] eigenKets(Eigen eigen) {
        int n = eigen.values().length;
        CMatrix[] kets = new CMatrix[n];
        for (int j = 0; j < n; j++) kets[j] = column(eigen.vectors(), n - 1 - j);
        return kets;
    }

    private static Resolved basis(List<?> list, int dimension, Span span) {
        CMatrix[] kets = new CMatrix[list.size()];
        for (int k = 0; k < kets.length; k++) {
            if (!(list.get(k) instanceof QValue q) || !q.isKet()) {
                throw new BeableError(span, "item " + (k + 1) + " of the basis is a " + Values.typeName(list.get(k)) + ", not a ket");
            }
            checkDimension(q.dimension(), dimension, span);
            kets[k] = q.matrix();
        }
        if (kets.length != dimension) {
            throw new BeableError(span, "a basis of this system needs " + dimension + " kets, got " + kets.length);
        }
        for (int a = 0; a < kets.length; a++) {
            for (int b = a; b < kets.length; b++) {
                double overlap = kets[a].inner(kets[b]).abs();
                double expected = a == b ? 1 : 0;
                if (Math.abs(overlap - expected) > 1e-8) {
                    throw new BeableError(span, a == b ? "basis ket " + (a + 1) + " is not normalised"
                            : "basis kets " + (a + 1) + " and " + (b + 1) + " are not orthogonal (overlap " + Numbers.format(overlap) + ")");
                }
            }
        }
        double[] values = new double[kets.length];
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < kets.length; k++) {
            values[k] = k;
            labels.add(Integer.toString(k));
        }
        return new Resolved(Measurement.ofBasis(kets), values, labels);
    }

    private static void checkDimension(int got, int expected, Span span) {
        if (got != expected) {
            throw new BeableError(span, "the detector's system has dimension " + expected + " but its measurement has dimension " + got);
        }
    }

    private static CMatrix column(CMatrix m, int c) {
        double[] re = new double[m.rows];
        double[] im = new double[m.rows];
        for (int r = 0; r < m.rows; r++) {
            re[r] = m.re(r, c);
            im[r] = m.im(r, c);
        }
        return CMatrix.column(re, im);
    }

    /** "+1", "-1", "0", "+0.5": signs shown, as physicists label spin outcomes. */
    static String signed(double x) {
        String s = Numbers.format(x);
        return x > 0 ? "+" + s : s;
    }
}
