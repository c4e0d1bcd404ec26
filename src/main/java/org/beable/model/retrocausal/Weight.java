package org.beable.model.retrocausal;

import org.beable.model.RealFunction;

/**
 * The unnormalised weight W(α) of an anomalous rotation by the signed angle α, and its
 * winding sum W₂π(x) = Σₙ W(x + 2πn): rotations that differ by whole turns end in the same
 * direction, so every probability of the model is built from winding sums.
 *
 * <p>Schulman's {@link Lorentzian} has every sum in closed form; a {@link Numeric} weight is a
 * function the user wrote, summed numerically by {@link WindingSum}.
 */
public sealed interface Weight permits Weight.Lorentzian, Weight.Numeric {

    /** W(α), checked: finite and non-negative. */
    double at(double alpha);

    /** W₂π(x) = Σₙ W(x + 2πn). */
    double periodic(double x);

    /** ∫ W(α) dα over the real line. */
    double total();

    /** One line for tables: "Lorentzian, γ = 0.1" or "user function". */
    String describe();

    /**
     * W(α) = 1 / (α² + γ²), γ > 0. A class rather than a record so that it can keep 1 − e^−γ,
     * which every periodic sum needs and which would otherwise be computed per history.
     */
    final class Lorentzian implements Weight {
        private final double gamma;
        private final double oneMinusQ;

        public Lorentzian(double gamma) {
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma must be a positive number, got " + gamma
                        + ": γ is the width of Schulman's weight W(α) = 1/(α² + γ²), and γ = 0 makes W(0) infinite"
                        + " (γ → 0 is the Born rule); try e.g. gamma = 0.1");
            }
            this.gamma = gamma;
            this.oneMinusQ = oneMinusQ(gamma);
        }

        public double gamma() {
            return gamma;
        }

        @Override
        public double at(double alpha) {
            return 1 / (alpha * alpha + gamma * gamma);
        }

        @Override
        public double periodic(double x) {
            return sum(x, gamma, oneMinusQ);
        }

        @Override
        public double total() {
            return Math.PI / gamma;
        }

        @Override
        public String describe() {
            return "Lorentzian 1/(α² + γ²), γ = " + gamma;
        }

        /**
         * Σₙ 1/((x + 2πn)² + g²) = sinh g / (2g (cosh g − cos x)), written with q = e^−g as
         * (1 − q)(1 + q) / (2g ((1 − q)² + 4q sin²(x/2))) so that neither a small g (cancellation
         * in cosh g − cos x) nor a large one (overflow of sinh g) loses digits.
         */
        static double sum(double x, double g) {
            return sum(x, g, oneMinusQ(g));
        }

        private static double oneMinusQ(double g) {
            return -StrictHyperbolic.expm1(-g);
        }

        private static double sum(double x, double g, double oneMinusQ) {
            double q = 1 - oneMinusQ;
            double half = Math.sin(x / 2);
            return oneMinusQ * (1 + q) / (2 * g * (oneMinusQ * oneMinusQ + 4 * q * half * half));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Lorentzian l && Double.compare(l.gamma, gamma) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(gamma);
        }

        @Override
        public String toString() {
            return "Lorentzian[gamma=" + gamma + "]";
        }
    }

    /** A weight the user wrote in Beable, compiled to a closure; its sums are numerical. */
    final class Numeric implements Weight {
        private final RealFunction function;
        private volatile double total = Double.NaN;

        Numeric(RealFunction function) {
            this.function = function;
        }

        /** The user's function as compiled (unchecked), for benchmarks. */
        public RealFunction function() {
            return function;
        }

        @Override
        public double at(double alpha) {
            return WindingSum.checked(function, alpha);
        }

        @Override
        public double periodic(double x) {
            return WindingSum.periodic(function, x);
        }

        /** ∫W, as integrated by the model's {@link PeriodicGrid} (set when the model is built). */
        @Override
        public double total() {
            double t = total;
            if (Double.isNaN(t)) throw new IllegalStateException("the weight's integral is set by its PeriodicGrid");
            return t;
        }

        void total(double value) {
            total = value;
        }

        @Override
        public String describe() {
            return "user function";
        }
    }
}
