package org.beable.bindings;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.interp.Binding;
import org.beable.interp.Builtin;
import org.beable.interp.Builtins;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.model.ensemble.EnsembleHistory;
import org.beable.model.ensemble.EnsembleModel;
import org.beable.model.ensemble.MemberTrack;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * The real-ensemble model beside quantum mechanics, as script functions:
 * `evolve_ensemble(m, H, ψ, t)` evolves an ensemble prepared from ψ and reports n_a/N beside
 * |ψ_a(t)|², phases beside −arg ψ_a(t), the deviation D(N) and the phase spread;
 * `track(m, H, ψ, t, members = [0, 1])` follows single members through their copy events.
 * Node warnings are printed as `warning: …` lines and kept in the result's `warnings`.
 */
public final class EnsembleBuiltins implements Binding {

    @Override
    public void install(Interpreter in) {
        in.define("evolve_ensemble", new Builtin("evolve_ensemble", "evolve_ensemble(model, H, psi, t, every = dt, run_seed = n)",
                "evolves an ensemble prepared from psi under H for time t: n_a/N beside |ψ_a(t)|², phases beside −arg ψ_a(t),"
                        + " D(N) = max |n_a/N − |ψ_a|²|, phase spread (fields: deviation, phaseDeviation, times, frequencies, born,"
                        + " phases, qmPhases, spread, copies, warnings, table)", 4, 4,
                (it, a, n, s) -> history(it, a, n, s)));
        in.define("track", new Builtin("track", "track(model, H, psi, t, members = [0, 1, 2], every = dt, run_seed = n)",
                "follows members of a member-level ensemble: their values and phases over time and every copy event"
                        + " (fields: events, origins, values, phases, times, copies, history, table)", 4, 4,
                (it, a, n, s) -> track(it, a, n, s)));
    }

    private static EnsembleHistory history(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        check(named, Set.of("every", "run_seed"), "evolve_ensemble", span);
        Inputs in = inputs(it, args, named, span, "evolve_ensemble");
        try {
            EnsembleHistory h = in.model.history(in.hamiltonian.matrix(), in.psi.matrix(), in.time, in.every, in.seed,
                    it.threads(), it.cancellation());
            warn(it, h.warnings());
            return h;
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, "evolve_ensemble: " + e.getMessage());
        }
    }

    private static MemberTrack track(Interpreter it, List<Object> args, Map<String, Object> named, Span span) {
        check(named, Set.of("members", "every", "run_seed"), "track", span);
        Inputs in = inputs(it, args, named, span, "track");
        long[] members = {0, 1, 2};
        if (named.containsKey("members")) {
            Object given = named.get("members");
            List<Object> items = given instanceof Double ? List.of(given) : Builtins.items(given, span);
            members = new long[items.size()];
            for (int k = 0; k < members.length; k++) members[k] = Values.integer(items.get(k), span, "a member number");
        }
        try {
            MemberTrack t = in.model.track(in.hamiltonian.matrix(), in.psi.matrix(), in.time, members, in.every, in.seed,
                    it.threads(), it.cancellation());
            warn(it, t.history().warnings());
            return t;
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, "track: " + e.getMessage(),
                    e.getMessage().contains("level = member") ? "e.g. track(ensemble(level = member, members = 10000), H, psi, 5)" : null);
        }
    }

    private record Inputs(EnsembleModel model, QValue hamiltonian, QValue psi, double time, Double every, long seed) {}

    private static Inputs inputs(Interpreter it, List<Object> args, Map<String, Object> named, Span span, String name) {
        ModelValue value = Domain.of(it).requireModel(args.get(0), span);
        if (!(value.model() instanceof EnsembleModel model)) {
            throw new BeableError(span, name + " needs the ensemble model, got " + value, "write e.g. " + name
                    + "(ensemble(members = 100000), H, psi, 8)");
        }
        QValue h = QuantumBuiltins.operator(args.get(1), span, "the Hamiltonian");
        Object state = args.get(2);
        if (!(state instanceof QValue q) || !q.isKet()) {
            throw new BeableError(span, "the state must be a ket, got " + Values.aTypeName(state),
                    "the ensemble is prepared from a pure state, e.g. (sqrt(0.7)|0> + sqrt(0.3)|1>)");
        }
        QValue psi = Domain.of(it).requireState(state, span, "the state");
        if (h.dimension() != psi.dimension()) {
            throw new BeableError(span, "the Hamiltonian has dimension " + h.dimension() + " but the state has dimension " + psi.dimension());
        }
        double time = Values.real(args.get(3), span, "the time");
        Double every = named.containsKey("every") ? Values.real(named.get("every"), span, "every") : null;
        long seed = named.containsKey("run_seed") ? Values.integer(named.get("run_seed"), span, "run_seed") : it.nextRunSeed();
        return new Inputs(model, h, psi, time, every, seed);
    }

    private static void check(Map<String, Object> named, Set<String> allowed, String name, Span span) {
        for (String key : named.keySet()) {
            if (!allowed.contains(key)) {
                throw new BeableError(span, name + "() has no parameter '" + key + "'",
                        "its named parameters are: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static void warn(Interpreter it, List<String> warnings) {
        for (String w : warnings) it.output().print(List.of("warning: " + w));
    }
}
