package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.interp.Vectors;
import org.beable.quantum.Born;
import org.beable.quantum.CMatrix;
import org.beable.quantum.Eigen;
import org.beable.quantum.Hermitian;
import org.beable.quantum.KrylovEvolution;
import org.beable.quantum.SparseMatrix;
import org.beable.quantum.Spin;
import org.beable.quantum.SystemLayout;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** Operators, states and their operations: Pauli matrices, spin(θ), tensor products, traces, expectations. */
public final class QuantumBuiltins implements Binding {

    @Override
    public void install(Interpreter in) {
        in.define("X", QValue.single(Spin.pauliX()));
        in.define("Y", QValue.single(Spin.pauliY()));
        in.define("Z", QValue.single(Spin.pauliZ()));
        in.define("I", QValue.single(CMatrix.identity(2)));

        in.define("spin", Builtins.fixed("spin", "spin(theta)",
                "the observable σ·n with n = (sin θ, 0, cos θ); outcomes +1 (cos(θ/2)|0> + sin(θ/2)|1>) and -1", 1,
                (it, a, n, s) -> QValue.single(Spin.spin(Values.real(a.get(0), s, "the spin angle")))));
        in.define("identity", Builtins.fixed("identity", "identity(n)", "the n×n identity operator", 1,
                (it, a, n, s) -> {
                    int d = dimension(a.get(0), s);
                    it.checkDimension(d, s, "identity(" + d + ")");
                    return QValue.single(CMatrix.identity(d));
                }));
        in.define("ket", new Builtin("ket", "ket(level, dim)", "the basis ket |level> of a space of dimension dim", 2, 2,
                (it, a, n, s) -> {
                    int d = dimension(a.get(1), s);
                    it.checkSparseDimension(d, s, "this ket");
                    int k = (int) Values.integer(a.get(0), s, "the level");
                    if (k < 0 || k >= d) throw new BeableError(s, "level " + k + " does not exist in dimension " + d);
                    return QValue.single(org.beable.quantum.Kets.basis(new int[] {d}, new int[] {k}));
                }));
        in.define("dag", Builtins.fixed("dag", "dag(x)", "the adjoint (conjugate transpose); also written x'", 1,
                (it, a, n, s) -> Builtins.adjoint(a.get(0), s)));
        in.define("inner", Builtins.fixed("inner", "inner(a, b)", "the inner product <a|b> of two kets", 2, (it, a, n, s) -> {
            QValue x = ket(a.get(0), s, "inner's first argument");
            QValue y = ket(a.get(1), s, "inner's second argument");
            if (x.dimension() != y.dimension()) throw new BeableError(s, "kets of dimension " + x.dimension() + " and " + y.dimension());
            return Values.number(x.matrix().inner(y.matrix()));
        }));
        in.define("tensor", new Builtin("tensor", "tensor(a, b, …)", "the tensor product a ⊗ b ⊗ …", 1, -1, (it, a, n, s) -> {
            Object result = a.get(0);
            for (int k = 1; k < a.size(); k++) {
                if (result instanceof QValue p && a.get(k) instanceof QValue q) {
                    long dimension = (long) p.dimension() * q.dimension();
                    if (p.linearInDimension() && q.linearInDimension()) it.checkSparseDimension(dimension, s, "this tensor product");
                    else it.checkDimension(dimension, s, "this tensor product");
                }
                result = QuantumArithmetic.tensor(result, a.get(k), s);
            }
            return result;
        }));
        in.define("projector", Builtins.fixed("projector", "projector(ket)", "|ψ><ψ| for a normalised ket", 1,
                (it, a, n, s) -> {
                    QValue k = ket(a.get(0), s, "projector's argument");
                    it.checkDimension(k.dimension(), s, "this projector");
                    return new QValue(k.matrix().projector(), k.dims());
                }));
        in.define("density", Builtins.fixed("density", "density(state)", "the density matrix of a state (a ket, or already a density matrix)", 1,
                (it, a, n, s) -> density(it, a.get(0), s)));
        in.define("mixture", Builtins.fixed("mixture", "mixture([w1, w2, …], [state1, state2, …])",
                "the density matrix Σ w_k ρ_k (weights summing to 1)", 2, (it, a, n, s) -> mixture(it, a, s)));
        in.define("trace", Builtins.fixed("trace", "trace(op)", "the trace of an operator", 1,
                (it, a, n, s) -> Values.number(operator(a.get(0), s, "trace's argument").matrix().trace())));
        in.define("ptrace", new Builtin("ptrace", "ptrace(state, system, …)",
                "partial trace: traces out the named systems, keeping the rest", 2, -1, (it, a, n, s) -> partialTrace(it, a, s, false)));
        in.define("reduce", new Builtin("reduce", "reduce(state, system, …)",
                "the reduced density matrix of the named systems (traces out all others)", 2, -1, (it, a, n, s) -> partialTrace(it, a, s, true)));
        in.define("expect", Builtins.fixed("expect", "expect(op, state)", "the expectation value Tr(op ρ) (<ψ|op|ψ> for a ket)", 2,
                (it, a, n, s) -> {
                    QValue op = operator(a.get(0), s, "expect's operator");
                    if (op.dimension() > SparseMatrix.DENSE_UP_TO && Domain.of(it).requireState(a.get(1), s, "the state").isKet()) {
                        QValue ket = Domain.of(it).requireState(a.get(1), s, "the state");
                        if (op.dimension() != ket.dimension()) {
                            throw new BeableError(s, "the operator has dimension " + op.dimension() + ", the state " + ket.dimension(),
                                    "lift a one-system operator with on(op, system)");
                        }
                        return Values.number(expectation(op, ket.matrix()));
                    }
                    QValue rho = density(it, a.get(1), s);
                    if (op.dimension() != rho.dimension()) {
                        throw new BeableError(s, "the operator has dimension " + op.dimension() + ", the state " + rho.dimension(),
                                "lift a one-system operator with on(op, system)");
                    }
                    Complex value = op.isSparse() ? complex(op.sparse().traceOfProduct(rho.matrix()))
                            : op.matrix().times(rho.matrix()).trace();
                    return Values.number(value);
                }));
        in.define("norm", Builtins.fixed("norm", "norm(x)", "the length of a vector [x, y, z]; the norm of a ket (Frobenius norm of an operator)", 1,
                (it, a, n, s) -> a.get(0) instanceof List<?> v ? Vectors.norm(v, s) : quantum(a.get(0), s, "norm's argument").matrix().norm()));
        in.define("normalize", Builtins.fixed("normalize", "normalize(ket)", "the ket divided by its norm", 1, (it, a, n, s) -> {
            QValue k = ket(a.get(0), s, "normalize's argument");
            double norm = k.matrix().norm();
            if (norm == 0) throw new BeableError(s, "the zero vector cannot be normalised");
            return k.with(k.matrix().scale(1 / norm));
        }));
        in.define("is_hermitian", Builtins.fixed("is_hermitian", "is_hermitian(op)", "true when op equals its adjoint (to 1e-10)", 1,
                (it, a, n, s) -> { QValue q = quantum(a.get(0), s, "is_hermitian's argument"); return q.isOperator() && isHermitian(q, 1e-10); }));
        in.define("eigvals", Builtins.fixed("eigvals", "eigvals(op)", "the eigenvalues of a Hermitian operator, ascending", 1, (it, a, n, s) -> {
            List<Object> values = new ArrayList<>();
            for (double v : eigen(it, a.get(0), s).values()) values.add(v);
            return List.copyOf(values);
        }));
        in.define("eigenbasis", Builtins.fixed("eigenbasis", "eigenbasis(op)",
                "the eigenvectors of a Hermitian operator as a list of kets, largest eigenvalue first", 1, (it, a, n, s) -> {
                    QValue op = operator(a.get(0), s, "eigenbasis's argument");
                    CMatrix v = eigen(it, op, s).vectors();
                    List<Object> kets = new ArrayList<>();
                    for (int c = v.cols - 1; c >= 0; c--) {
                        double[] re = new double[v.rows];
                        double[] im = new double[v.rows];
                        for (int r = 0; r < v.rows; r++) { re[r] = v.re(r, c); im[r] = v.im(r, c); }
                        kets.add(new QValue(CMatrix.column(re, im), op.dims()));
                    }
                    return List.copyOf(kets);
                }));
        in.define("on", Builtins.fixed("on", "on(op, system)", "an operator on one declared system, as an operator on all of them", 2,
                (it, a, n, s) -> {
                    QValue op = operator(a.get(0), s, "on's operator");
                    Domain.SystemValue system = Domain.of(it).system(a.get(1), s);
                    if (op.dimension() != system.dimension()) {
                        throw new BeableError(s, "the operator has dimension " + op.dimension() + " but system '" + system.name()
                                + "' has dimension " + system.dimension());
                    }
                    SystemLayout layout = Domain.of(it).layout();
                    if (layout.dimension() > SparseMatrix.DENSE_UP_TO) {
                        // I ⊗ op ⊗ I on a large space: kept sparse, a few entries per row
                        return new QValue(layout.embedSparse(op.matrix(), system.index()), layout.dims());
                    }
                    return new QValue(layout.embed(op.matrix(), system.index()), layout.dims());
                }));
        in.define("evolve", Builtins.fixed("evolve", "evolve(state, H, t)",
                "the state after time t under Hamiltonian H: exp(-iHt) applied; a list of times gives the list of states", 3,
                (it, a, n, s) -> {
                    QValue state = quantum(a.get(0), s, "the state");
                    QValue h = operator(a.get(1), s, "the Hamiltonian");
                    if (!isHermitian(h, 1e-9)) throw new BeableError(s, "the Hamiltonian is not Hermitian");
                    if (h.dimension() != state.dimension()) throw new BeableError(s, "the Hamiltonian and the state have different dimensions");
                    boolean many = !(a.get(2) instanceof Double);
                    double[] times = times(a.get(2), s);
                    List<Object> states = new ArrayList<>(times.length);
                    if (state.isKet() && KrylovEvolution.preferredFor(state.dimension())) {
                        // large kets: Lanczos steps from one time to the next, exp(−iHt) never formed
                        var krylov = new KrylovEvolution(h.isSparse() ? h.sparse() : h.matrix().asLinearOperator(), KrylovEvolution.TOLERANCE, it.cancellation());
                        for (CMatrix ket : krylov.evolve(state.matrix(), times)) states.add(state.with(ket));
                    } else {
                        for (double t : times) {
                            CMatrix u = Hermitian.evolution(h.matrix(), t, it.cancellation());
                            states.add(state.with(state.isKet() ? u.times(state.matrix()) : u.times(state.matrix()).times(u.adjoint())));
                        }
                    }
                    return many ? List.copyOf(states) : states.get(0);
                }));
        in.define("probability", Builtins.fixed("probability", "probability(projector, state)", "Born probability Tr(P ρ)", 2,
                (it, a, n, s) -> {
                    QValue projector = operator(a.get(0), s, "the projector");
                    if (projector.isSparse() && Domain.of(it).requireState(a.get(1), s, "the state").isKet()) {
                        QValue ket = Domain.of(it).requireState(a.get(1), s, "the state");
                        if (projector.dimension() != ket.dimension()) {
                            throw new BeableError(s, "the projector has dimension " + projector.dimension() + ", the state " + ket.dimension());
                        }
                        return expectation(projector, ket.matrix()).getReal();
                    }
                    return Born.probability(projector.matrix(), density(it, a.get(1), s).matrix());
                }));
        // entropy, purity, fidelity, trace_distance, ptranspose, negativity, log_negativity, concurrence, mutual_information
        InformationBuiltins.install(in);
    }

    /** ⟨ψ|op|ψ⟩ without the density matrix: a sparse product, or one dense matrix-vector product. */
    private static Complex expectation(QValue op, CMatrix ket) {
        if (op.isSparse()) return complex(op.sparse().expectation(ket));
        return ket.inner(op.matrix().times(ket));
    }

    private static Complex complex(double[] parts) {
        return new Complex(parts[0], parts[1]);
    }

    private static boolean isHermitian(QValue op, double tolerance) {
        return op.isSparse() ? op.sparse().isHermitian(tolerance) : op.matrix().isHermitian(tolerance);
    }

    /** A time, or a list of times, as an array. */
    private static double[] times(Object value, Span span) {
        if (value instanceof Double) return new double[] {Values.real(value, span, "the time")};
        if (!(value instanceof List<?>) && !(value instanceof org.beable.interp.RangeValue)) {
            throw new BeableError(span, "the time must be a number or a list of times, got " + Values.aTypeName(value));
        }
        List<Object> list = Builtins.items(value, span);
        if (list.isEmpty()) throw new BeableError(span, "the list of times is empty; give at least one time");
        double[] times = new double[list.size()];
        for (int k = 0; k < times.length; k++) times[k] = Values.real(list.get(k), span, "each time");
        return times;
    }

    private static int dimension(Object value, Span span) {
        long d = Values.integer(value, span, "a dimension");
        if (d < 1 || d > 1 << 16) throw new BeableError(span, "a dimension must be between 1 and 65536, got " + d);
        return (int) d;
    }

    static QValue quantum(Object v, Span span, String what) {
        if (v instanceof QValue q) return q;
        throw new BeableError(span, what + " must be a ket or an operator, got " + Values.aTypeName(v));
    }

    static QValue ket(Object v, Span span, String what) {
        QValue q = quantum(v, span, what);
        if (!q.isKet()) throw new BeableError(span, what + " must be a ket, got " + Values.article(q.kind()));
        return q;
    }

    static QValue operator(Object v, Span span, String what) {
        QValue q = quantum(v, span, what);
        if (!q.isOperator()) throw new BeableError(span, what + " must be an operator, got " + Values.article(q.kind()));
        return q;
    }

    private static Eigen eigen(Interpreter it, Object v, Span span) {
        QValue op = operator(v, span, "the operator");
        if (!op.matrix().isHermitian(1e-9)) throw new BeableError(span, "the operator is not Hermitian");
        return Hermitian.decompose(op.matrix(), it.cancellation());
    }

    static QValue density(Interpreter it, Object value, Span span) {
        QValue state = Domain.of(it).requireState(value, span, "the state");
        if (state.isKet()) it.checkDimension(state.dimension(), span, "the density matrix of this state");
        return state.isKet() ? new QValue(state.matrix().projector(), state.dims()) : state;
    }

    private static Object mixture(Interpreter it, List<Object> a, Span span) {
        List<Object> weights = Builtins.items(a.get(0), span);
        List<Object> states = Builtins.items(a.get(1), span);
        if (weights.size() != states.size() || weights.isEmpty()) {
            throw new BeableError(span, "a mixture needs one weight per state, got " + weights.size() + " weights and " + states.size() + " states");
        }
        double[] w = new double[weights.size()];
        CMatrix[] rhos = new CMatrix[states.size()];
        int[] dims = null;
        for (int k = 0; k < w.length; k++) {
            w[k] = Values.real(weights.get(k), span, "a weight");
            if (w[k] < 0) throw new BeableError(span, "weight " + (k + 1) + " is negative");
            QValue rho = density(it, states.get(k), span);
            if (dims != null && rho.dimension() != rhos[0].rows) throw new BeableError(span, "the states have different dimensions");
            dims = rho.dims();
            rhos[k] = rho.matrix();
        }
        double total = 0;
        for (double x : w) total += x;
        if (Math.abs(total - 1) > 1e-9) {
            throw new BeableError(span, "the weights of a mixture must sum to 1, got " + Values.show(total), "divide each weight by their sum");
        }
        return new QValue(Born.mixture(w, rhos), dims);
    }

    /** ptrace traces out the named systems; reduce keeps them. Either way the state must live on the declared systems. */
    private static Object partialTrace(Interpreter it, List<Object> a, Span span, boolean keepNamed) {
        QValue rho = density(it, a.get(0), span);
        SystemLayout layout = Domain.of(it).layout();
        if (rho.dimension() != layout.dimension()) {
            throw new BeableError(span, "the state has dimension " + rho.dimension() + " but the declared systems ("
                    + Domain.of(it).systemNames() + ") have dimension " + layout.dimension());
        }
        boolean[] named = new boolean[layout.size()];
        for (Object s : a.subList(1, a.size())) {
            for (Object item : s instanceof List<?> list ? list : List.of(s)) named[Domain.of(it).system(item, span).index()] = true;
        }
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < named.length; k++) if (named[k] == keepNamed) keep.add(k);
        int[] kept = keep.stream().mapToInt(Integer::intValue).toArray();
        if (kept.length == 0) return Values.number(rho.matrix().trace());
        return new QValue(layout.partialTrace(rho.matrix(), kept), layout.keep(kept).dims());
    }
}
