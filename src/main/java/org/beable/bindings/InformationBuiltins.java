package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.quantum.CMatrix;
import org.beable.quantum.InformationMeasures;
import org.beable.quantum.SystemLayout;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * The quantum-information toolbox as builtins: entropy, purity, fidelity, trace_distance,
 * ptranspose, negativity, log_negativity, concurrence, mutual_information. The arithmetic is
 * in {@link InformationMeasures}; this class checks the script values (states, systems, the
 * {@code base} option) and turns refusals into located errors. Installed by {@link QuantumBuiltins}.
 */
final class InformationBuiltins {

    private InformationBuiltins() {}

    static void install(Interpreter in) {
        in.define("lindblad_evolve", new Builtin("lindblad_evolve", "lindblad_evolve(state, H, [L1, …], t)",
                "ρ(t) under the Lindblad master equation (jumps with their rates inside); a list of times gives the states at each",
                4, 4, (it, a, n, s) -> lindbladEvolve(it, a, s)));
        in.define("entropy", Builtins.fixed("entropy", "entropy(state, base = e)",
                "von Neumann entropy −Tr ρ ln ρ (nats; base = 2 for bits); 0 for a ket", 1, (it, a, n, s) -> {
                    double base = base(n, s, "entropy");
                    CMatrix rho = state(it, a.get(0), s, "entropy's state").matrix();
                    return measure(s, () -> InformationMeasures.entropy(rho, base));
                }));
        in.define("purity", Builtins.fixed("purity", "purity(state)", "Tr ρ²: 1 for a pure state, 1/d when maximally mixed", 1,
                (it, a, n, s) -> {
                    noOptions(n, s, "purity");
                    CMatrix rho = state(it, a.get(0), s, "purity's state").matrix();
                    return measure(s, () -> InformationMeasures.purity(rho));
                }));
        in.define("fidelity", Builtins.fixed("fidelity", "fidelity(ρ, σ)",
                "Uhlmann fidelity Tr √(√ρ σ √ρ), NOT squared (QuTiP's convention): |<ψ|φ>| for kets", 2, (it, a, n, s) -> {
                    noOptions(n, s, "fidelity");
                    CMatrix[] pair = pair(it, a, s, "fidelity");
                    return measure(s, () -> InformationMeasures.fidelity(pair[0], pair[1]));
                }));
        in.define("trace_distance", Builtins.fixed("trace_distance", "trace_distance(ρ, σ)",
                "½ ‖ρ − σ‖₁ (0 for equal states, 1 for orthogonal ones)", 2, (it, a, n, s) -> {
                    noOptions(n, s, "trace_distance");
                    CMatrix[] pair = pair(it, a, s, "trace_distance");
                    return measure(s, () -> InformationMeasures.traceDistance(pair[0], pair[1]));
                }));
        in.define("ptranspose", Builtins.fixed("ptranspose", "ptranspose(state, system)",
                "the partial transpose of a state or operator on the declared systems, transposing one system", 2, (it, a, n, s) -> {
                    noOptions(n, s, "ptranspose");
                    OnSystem x = onSystem(it, a, s, "ptranspose", false);
                    return new QValue(InformationMeasures.partialTranspose(x.rho, x.layout.dims(), x.system), x.layout.dims());
                }));
        in.define("negativity", Builtins.fixed("negativity", "negativity(state, system)",
                "(‖ρ^T‖₁ − 1)/2 with T the partial transpose on system; ½ for a Bell state", 2, (it, a, n, s) -> {
                    noOptions(n, s, "negativity");
                    OnSystem x = onSystem(it, a, s, "negativity", true);
                    return measure(s, () -> InformationMeasures.negativity(x.rho, x.layout.dims(), x.system));
                }));
        in.define("log_negativity", Builtins.fixed("log_negativity", "log_negativity(state, system)",
                "log₂ ‖ρ^T‖₁ with T the partial transpose on system; 1 for a Bell state", 2, (it, a, n, s) -> {
                    noOptions(n, s, "log_negativity");
                    OnSystem x = onSystem(it, a, s, "log_negativity", true);
                    return measure(s, () -> InformationMeasures.logNegativity(x.rho, x.layout.dims(), x.system));
                }));
        in.define("concurrence", Builtins.fixed("concurrence", "concurrence(state)",
                "Wootters' concurrence of a two-qubit state: 0 for separable, 1 for a Bell state", 1, (it, a, n, s) -> {
                    noOptions(n, s, "concurrence");
                    QValue q = state(it, a.get(0), s, "concurrence's state");
                    if (q.dimension() != 4) {
                        throw new BeableError(s, "concurrence is defined for two qubits, but the state has dimension " + q.dimension(),
                                "for other systems use negativity(state, system)");
                    }
                    return measure(s, () -> InformationMeasures.concurrence(q.matrix()));
                }));
        in.define("mutual_information", Builtins.fixed("mutual_information", "mutual_information(state, a, b, base = e)",
                "S(ρ_a) + S(ρ_b) − S(ρ_ab) for two declared systems (nats; base = 2 for bits)", 3, (it, a, n, s) -> {
                    double base = base(n, s, "mutual_information");
                    QValue q = state(it, a.get(0), s, "mutual_information's state");
                    CMatrix rho = Domain.of(it).densityOnSystems(q, s);
                    Domain.SystemValue first = Domain.of(it).system(a.get(1), s);
                    Domain.SystemValue second = Domain.of(it).system(a.get(2), s);
                    if (first.index() == second.index()) {
                        throw new BeableError(s, "mutual information needs two different systems, got '" + first.name() + "' twice");
                    }
                    SystemLayout layout = Domain.of(it).layout();
                    return measure(s, () -> InformationMeasures.mutualInformation(rho, layout, first.index(), second.index(), base));
                }));
    }

    /** A state's density matrix on the declared systems, with the system named by the second argument. */
    private record OnSystem(CMatrix rho, SystemLayout layout, int system) {}

    /**
     * The partial transpose is linear, so ptranspose takes any ket (as |ψ><ψ|) or operator, and
     * ptranspose(ptranspose(ρ, a), b) works; the negativities need a genuine state.
     */
    private static OnSystem onSystem(Interpreter it, List<Object> a, Span span, String name, boolean mustBeState) {
        QValue q = mustBeState ? state(it, a.get(0), span, name + "'s state") : operatorOrKet(a.get(0), span, name + "'s argument");
        CMatrix rho = Domain.of(it).densityOnSystems(q, span);
        Domain.SystemValue system = Domain.of(it).system(a.get(1), span);
        return new OnSystem(rho, Domain.of(it).layout(), system.index());
    }

    /** A normalised ket or a density matrix (Hermitian, trace 1, positive), or a located error saying what is off. */
    private static QValue state(Interpreter it, Object value, Span span, String what) {
        return Domain.of(it).requireState(value, span, what);
    }

    private static QValue operatorOrKet(Object value, Span span, String what) {
        QValue q = QuantumBuiltins.quantum(value, span, what);
        if (!q.isKet() && !q.isOperator()) throw new BeableError(span, what + " must be a ket or an operator, got " + Values.article(q.kind()));
        return q;
    }

    private static CMatrix[] pair(Interpreter it, List<Object> a, Span span, String name) {
        QValue x = state(it, a.get(0), span, name + "'s first state");
        QValue y = state(it, a.get(1), span, name + "'s second state");
        if (x.dimension() != y.dimension()) {
            throw new BeableError(span, name + " compares states of the same dimension, got " + x.dimension() + " and " + y.dimension());
        }
        return new CMatrix[] {x.matrix(), y.matrix()};
    }

    /** The {@code base} option of the entropies: e unless given, positive and not 1. */
    private static double base(Map<String, Object> named, Span span, String name) {
        for (String key : named.keySet()) {
            if (!key.equals("base")) throw new BeableError(span, name + "() has no option '" + key + "'", "the only option is base, e.g. base = 2 for bits");
        }
        if (!named.containsKey("base")) return Math.E;
        double base = Values.real(named.get("base"), span, "the logarithm base");
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
            throw new BeableError(span, "a logarithm base must be positive and not 1, got " + Values.show(base), "base = 2 gives bits");
        }
        return base;
    }

    private static void noOptions(Map<String, Object> named, Span span, String name) {
        if (!named.isEmpty()) throw new BeableError(span, name + "() has no option '" + named.keySet().iterator().next() + "'");
    }

    /** Runs a measure, turning the library's plain-sentence refusals into errors at the call. */
    private static Object measure(Span span, Supplier<Double> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage());
        }
    }

    /** The master-equation solver a script's decoherence model runs on: the lindblad model's propagators, with no experiment. */
    private static Object lindbladEvolve(Interpreter it, List<Object> a, Span span) {
        QValue rho = QuantumBuiltins.density(it, a.get(0), span);
        CMatrix h = QuantumBuiltins.operator(a.get(1), span, "the Hamiltonian").matrix();
        List<CMatrix> jumps = new ArrayList<>();
        for (Object l : Builtins.items(a.get(2), span)) jumps.add(QuantumBuiltins.operator(l, span, "a jump operator").matrix());
        boolean many = a.get(3) instanceof List<?> || a.get(3) instanceof org.beable.interp.RangeValue;
        List<Object> given = many ? Builtins.items(a.get(3), span) : List.of(a.get(3));
        double[] times = new double[given.size()];
        for (int k = 0; k < times.length; k++) times[k] = Values.real(given.get(k), span, "a time");
        List<CMatrix> states;
        try {
            states = new org.beable.model.lindblad.LindbladModel(h, jumps, 0).trajectory(rho.matrix(), times);
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage().replaceFirst("^lindblad: ", ""));
        }
        List<Object> out = new ArrayList<>();
        for (CMatrix state : states) out.add(rho.with(state));
        return many ? List.copyOf(out) : out.get(0);
    }
}
