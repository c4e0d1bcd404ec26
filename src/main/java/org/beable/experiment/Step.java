package org.beable.experiment;

import org.beable.concurrent.Cancellation;
import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;
import org.beable.quantum.DenseLimit;
import org.beable.quantum.Hamiltonian;
import org.beable.quantum.Hermitian;
import org.beable.quantum.KrylovEvolution;

/** What happens between preparation and the end of a trial, in order. */
public sealed interface Step {

    /**
     * `evolve H for t`: H kept as it was given (dense or sparse) with t. The unitary exp(−iHt) is
     * made only when a model asks for it, once, and refused over the experiment's dense limit;
     * a ket evolves without it when the space is large ({@link #applyTo}). So an experiment on a
     * dozen qubits can be built, and run by the models that work on kets, without ever holding
     * an operator of n² entries.
     */
    final class Evolve implements Step {
        private final Hamiltonian hamiltonian;      // null for a step known only by its unitary
        private final double time;
        private final DenseLimit limit;
        private final Cancellation cancellation;
        private final Object making = new Object();
        private volatile CMatrix unitary;

        /**
         * A step whose unitary is already known (built in Java, by tests and benchmarks); the
         * Hamiltonian may be null when only the unitary matters, and both when neither does.
         */
        public Evolve(CMatrix hamiltonian, double time, CMatrix unitary) {
            this.hamiltonian = hamiltonian == null ? null : Hamiltonian.of(hamiltonian);
            this.time = time;
            this.limit = DenseLimit.NONE;
            this.cancellation = Cancellation.none();
            this.unitary = unitary;
        }

        /**
         * Evolution under H for time t; dense forms are allowed up to {@code limit}, and long
         * computations (a decomposition, Krylov steps) check {@code cancellation}.
         */
        public Evolve(Hamiltonian hamiltonian, double time, DenseLimit limit, Cancellation cancellation) {
            this.hamiltonian = java.util.Objects.requireNonNull(hamiltonian, "hamiltonian");
            this.time = time;
            this.limit = limit;
            this.cancellation = cancellation;
        }

        public double time() { return time; }

        /** H as it was given (dense or sparse), or null for a step known only by its unitary. */
        public Hamiltonian generator() { return hamiltonian; }

        /**
         * H as a dense matrix (null when the step has none).
         *
         * @throws DenseLimit.Exceeded when H is sparse and too large to be made dense
         */
        public CMatrix hamiltonian() {
            return hamiltonian == null ? null : hamiltonian.dense(limit, "the Hamiltonian of `evolve` as a dense matrix");
        }

        /**
         * exp(−iHt), made on the first call (from H's eigen-decomposition) and kept.
         *
         * @throws DenseLimit.Exceeded when the space is over the dense limit
         * @throws org.beable.concurrent.CancelledException when cancelled during the decomposition
         */
        public CMatrix unitary() {
            CMatrix u = unitary;
            if (u != null || hamiltonian == null) return u;
            synchronized (making) {        // one decomposition, however many threads ask at once
                if (unitary == null) {
                    limit.check(hamiltonian.dimension(), "the unitary exp(-iHt) of `evolve`");
                    unitary = Hermitian.evolution(hamiltonian(), time, cancellation);
                }
                return unitary;
            }
        }

        /**
         * exp(−iHt) ψ for a ket (unnormalised ones too). Small spaces use the unitary, as they
         * always have; large ones take Lanczos steps on H ({@link KrylovEvolution}, error ≤
         * {@link KrylovEvolution#TOLERANCE}·‖ψ‖) and never form it. The route depends on the
         * dimension alone, so the digits of a result never depend on what ran before it.
         */
        public CMatrix applyTo(CMatrix ket) {
            if (hamiltonian == null || !KrylovEvolution.preferredFor(hamiltonian.dimension())) return unitary().times(ket);
            Evolved known = last;
            if (known != null && known.ket() == ket) return known.image();
            CMatrix image;
            try {
                image = new KrylovEvolution(hamiltonian.operator(), KrylovEvolution.TOLERANCE, cancellation).evolve(ket, new double[] {time})[0];
            } catch (ArithmeticException e) {
                // the error budget is shared out over the steps: over very many of them a step's share falls below rounding
                throw new IllegalArgumentException("`evolve` for t = " + Numbers.format(time) + " cannot be followed by Lanczos steps to "
                        + Numbers.format(KrylovEvolution.TOLERANCE) + ": over this many steps each one's share of the error is below rounding;"
                        + " split it into several shorter `evolve` steps", e);
            }
            last = new Evolved(ket, image);
            return image;
        }

        /**
         * The last ket evolved by Lanczos steps, and its image. Every setting combination evolves
         * the same prepared ket (the same object) before its first measurement, so the steps are
         * taken once, not once per combination; kets never change, so the identity is the key.
         */
        private record Evolved(CMatrix ket, CMatrix image) {}

        private volatile Evolved last;

        @Override
        public String toString() {
            return "Evolve[t=" + time + (hamiltonian == null ? "" : ", dimension " + hamiltonian.dimension()) + "]";
        }
    }

    /** Detectors that fire together; indices into Experiment.detectors(). */
    record Measure(int[] detectors) implements Step {}
}
