package org.beable.bindings;

import java.util.ArrayList;
import java.util.List;
import org.beable.analysis.BornDeviation;
import org.beable.analysis.Chsh;
import org.beable.analysis.Correlation;
import org.beable.analysis.Estimate;
import org.beable.analysis.Marginals;
import org.beable.analysis.Probability;
import org.beable.analysis.SignallingTest;
import org.beable.analysis.locality.Condition;
import org.beable.analysis.locality.LocalityComparison;
import org.beable.analysis.locality.LocalityReport;
import org.beable.analysis.locality.Verdict;
import org.beable.format.DataTable;
import org.beable.format.Tabular;
import org.beable.interp.ValueType;
import org.beable.interp.ValueTypes;
import org.beable.interp.Values;
import org.beable.model.OutcomeStatistics;
import org.beable.model.Prediction;
import org.beable.model.SampledRun;
import org.beable.model.ensemble.CopyEvent;
import org.beable.model.ensemble.EnsembleHistory;
import org.beable.model.ensemble.MemberTrack;
import org.beable.model.retrocausal.ChshSearch;
import org.beable.model.retrocausal.Maximizer;
import org.beable.model.retrocausal.Numerics;
import org.beable.model.superdeterministic.Autocorrelation;
import org.beable.model.superdeterministic.BornWindows;
import org.beable.model.superdeterministic.RunsTest;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/**
 * Every value the physics bindings hand to scripts, with the fields a script may read
 * (`chsh(r).value`, `report.holds("PI")`). This table is the whole of what scripts see of these
 * Java classes: a field not listed here does not exist for a script, whatever the class has.
 * `:help fields` prints it.
 */
final class ScriptTypes {
    private ScriptTypes() {}

    private static boolean declared;

    /** Declares the tables once, when the first session starts: they do not depend on the session. */
    static synchronized void declare() {
        if (declared) return;
        declared = true;
        quantum();
        experiments();
        analyses();
        locality();
        superdeterministic();
        retrocausal();
        ensemble();
    }

    private static void quantum() {
        ValueTypes.declare(ValueType.of(QValue.class, "ket, bra or operator", QValue::kind).shownAs(Dirac::show)
                .finiteWhen(QValue::isFinite)
                .field("dims", "the dimensions of the factors of its space", q -> toList(q.dims()))
                .field("dimension", "the dimension of its space", q -> (double) q.dimension()));
    }

    private static void experiments() {
        ValueTypes.declare(ValueType.of(Domain.SystemValue.class, "system")
                .field("name", "the system's name", Domain.SystemValue::name)
                .field("dim", "its dimension (2 for a qubit)", s -> (double) s.dimension())
                .field("dimension", "its dimension (2 for a qubit)", s -> (double) s.dimension()));
        ValueTypes.declare(ValueType.of(Domain.ExperimentValue.class, "experiment")
                .field("name", "the experiment's name", e -> e.experiment().name())
                .field("trials", "trials per setting combination", e -> (double) e.experiment().trials())
                .field("combinations", "how many setting combinations it has", e -> (double) e.experiment().settings().combinations()));
        ValueTypes.declare(ValueType.of(DetectorValue.class, "detector")
                .field("name", "the detector's name", DetectorValue::name)
                .field("system", "the system it measures", DetectorValue::system));
        ValueTypes.declare(ValueType.of(ModelValue.class, "model")
                .field("name", "the model's name", ModelValue::name)
                .field("beables", "the named parts of its hidden state λ", m -> m.model().beables()));
        ValueTypes.declare(ValueType.of(Prediction.class, "prediction").shownAs(p -> ResultTables.of(p).render())
                .field("model", "the model that made it", Prediction::modelName));
        ValueTypes.declare(ValueType.of(SampledRun.class, "run").shownAs(r -> ResultTables.of(r).render())
                .field("model", "the model that made it", SampledRun::modelName)
                .field("seed", "the run's own seed", r -> (double) r.seed())
                .field("trials", "the number of trials", r -> (double) r.size()));
        ValueTypes.declare(ValueType.of(DataTable.class, "table"));
        ValueTypes.declare(ValueType.of(Tabular.class, "result of an analysis"));
        ValueTypes.declare(ValueType.of(OutcomeStatistics.class, "result of an analysis").shownAs(r -> ResultTables.of(r).render()));
    }

    private static void analyses() {
        ValueTypes.declare(ValueType.of(Estimate.class, "result of an analysis").standsFor(Estimate::value)
                .field("value", "the estimate", Estimate::value)
                .field("standardError", "its standard error (0 when exact)", Estimate::standardError));
        ValueTypes.declare(ValueType.of(Chsh.class, "result of an analysis").standsFor(Chsh::value)
                .field("value", "S", Chsh::value)
                .field("standardError", "the standard error of S (0 when exact)", Chsh::standardError)
                .field("s", "S as an estimate (value and standard error)", Chsh::s)
                .field("model", "the model", Chsh::model)
                .field("sampled", "whether S was estimated from a run", Chsh::sampled)
                .field("terms", "the four correlations", Chsh::terms)
                .field("bounds", "the bounds 2, 2√2 and 4", Chsh::bounds)
                .field("exceedsLocal", "S > 2 (beyond the standard error when sampled)", Chsh::exceedsLocal)
                .field("exceedsTsirelson", "S > 2√2", Chsh::exceedsTsirelson)
                .field("exceedsNoSignalling", "S > 4", Chsh::exceedsNoSignalling));
        ValueTypes.declare(ValueType.of(Correlation.class, "result of an analysis").standsFor(Correlation::value)
                .field("value", "the correlation E", Correlation::value)
                .field("standardError", "its standard error (0 when exact)", Correlation::standardError)
                .field("settings", "the setting combination", Correlation::settings)
                .field("trials", "the trials it rests on", Correlation::trials));
        ValueTypes.declare(ValueType.of(Probability.class, "result of an analysis").standsFor(Probability::value)
                .field("value", "the probability", Probability::value)
                .field("standardError", "its standard error (0 when exact)", Probability::standardError)
                .field("event", "the event, in words", Probability::eventLabel)
                .field("settings", "the settings it is conditioned on", Probability::settings)
                .field("trials", "the trials it rests on", Probability::trials));
        ValueTypes.declare(ValueType.of(SignallingTest.class, "result of an analysis")
                .field("signalling", "whether some marginal changes with a remote setting", SignallingTest::signalling)
                .field("tests", "the comparisons made", SignallingTest::tests)
                .field("notTested", "the comparisons that had too little data", SignallingTest::notTested)
                .field("maxDeltaP", "the largest change of a marginal", SignallingTest::maxDeltaP)
                .field("minPValue", "the smallest p-value", SignallingTest::minPValue)
                .field("threshold", "the significance threshold (Bonferroni-corrected)", SignallingTest::threshold)
                .field("verdict", "the verdict in words", SignallingTest::verdict));
        ValueTypes.declare(ValueType.of(BornDeviation.class, "result of an analysis")
                .field("pValue", "the chi-square goodness-of-fit p-value", BornDeviation::pValue)
                .field("chiSquare", "the chi-square statistic", BornDeviation::chiSquare)
                .field("degreesOfFreedom", "its degrees of freedom", BornDeviation::degreesOfFreedom)
                .field("impossibleOutcome", "whether an outcome of probability 0 occurred", BornDeviation::impossibleOutcome)
                .field("maxTotalVariation", "the largest total variation distance over the combinations", BornDeviation::maxTotalVariation)
                .field("summary", "the verdict in words", BornDeviation::summary));
        ValueTypes.declare(ValueType.of(Marginals.class, "result of an analysis")
                .field("detector", "the detector", Marginals::detector)
                .method("probability", "probability(combination, outcome)", "P(outcome) under a combination (indices from 0)", 2,
                        (m, args, span) -> m.probability(index(args.get(0), span), index(args.get(1), span))));
    }

    private static void locality() {
        ValueTypes.declare(ValueType.of(LocalityReport.class, "result of an analysis")
                .field("experiment", "the experiment", LocalityReport::experiment)
                .field("model", "the model", LocalityReport::model)
                .field("given", "the beables counted as hidden variables", r -> List.copyOf(r.given()))
                .field("verdicts", "one verdict per condition", LocalityReport::verdicts)
                .field("summary", "the verdicts in words", LocalityReport::summary)
                .method("holds", "holds(condition)", "whether a condition (PI, OI, LC, NS, SI) holds", 1,
                        (r, args, span) -> r.verdict(condition(args.get(0), span)).holds())
                .method("verdict", "verdict(condition)", "the verdict on one condition (PI, OI, LC, NS, SI)", 1,
                        (r, args, span) -> r.verdict(condition(args.get(0), span))));
        ValueTypes.declare(ValueType.of(Verdict.class, "verdict")
                .field("condition", "the condition's short name", v -> v.condition().name())
                .field("holds", "whether it holds", Verdict::holds)
                .field("size", "how far it is violated (0 when it holds)", Verdict::size)
                .field("uncertainty", "the standard error of the size, when sampled", Verdict::uncertainty)
                .field("witness", "the hidden state and settings that show a violation", Verdict::witness)
                .field("method", "exact or sampled, and how", Verdict::method));
        ValueTypes.declare(ValueType.of(LocalityComparison.class, "result of an analysis")
                .field("experiment", "the experiment", LocalityComparison::experiment)
                .field("rows", "one row per model", LocalityComparison::rows));
        ValueTypes.declare(ValueType.of(LocalityComparison.Row.class, "comparison row")
                .field("report", "the model's verdicts", LocalityComparison.Row::report)
                .field("prediction", "the model's prediction", LocalityComparison.Row::prediction)
                .field("quantum", "quantum mechanics' prediction", LocalityComparison.Row::quantum));
    }

    private static void superdeterministic() {
        ValueTypes.declare(ValueType.of(SuperdeterministicBuiltins.TrajectoryValue.class, "result of an analysis")
                .field("times", "the sample times", SuperdeterministicBuiltins.TrajectoryValue::times)
                .field("rho", "ρ(t) averaged over the branches, at each time", SuperdeterministicBuiltins.TrajectoryValue::rho)
                .field("basis_rho", "the same in the detector basis", SuperdeterministicBuiltins.TrajectoryValue::basis_rho)
                .field("branches", "the collapse branches", SuperdeterministicBuiltins.TrajectoryValue::branches)
                .field("probabilities", "the outcome probabilities at each time", SuperdeterministicBuiltins.TrajectoryValue::probabilities)
                .field("born", "the Born probabilities", SuperdeterministicBuiltins.TrajectoryValue::born)
                .field("limit", "the κ → ∞ probabilities", SuperdeterministicBuiltins.TrajectoryValue::limit)
                .field("basis", "the detector basis", SuperdeterministicBuiltins.TrajectoryValue::basis)
                .field("exact", "whether every branch was followed (not sampled)", SuperdeterministicBuiltins.TrajectoryValue::exact)
                .field("samples", "the sampled λ, when not exact", SuperdeterministicBuiltins.TrajectoryValue::samples)
                .field("kappa", "κ", SuperdeterministicBuiltins.TrajectoryValue::kappa)
                .field("evaluations", "right-hand-side evaluations of the master equation", SuperdeterministicBuiltins.TrajectoryValue::evaluations)
                .field("table", "the table it prints", SuperdeterministicBuiltins.TrajectoryValue::table));
        ValueTypes.declare(ValueType.of(SuperdeterministicBuiltins.BranchValue.class, "branch")
                .field("order", "the detection order", SuperdeterministicBuiltins.BranchValue::order)
                .field("signs", "the sign pattern", SuperdeterministicBuiltins.BranchValue::signs)
                .field("weight", "its weight", SuperdeterministicBuiltins.BranchValue::weight)
                .field("outcome", "the outcome it ends in", SuperdeterministicBuiltins.BranchValue::outcome)
                .field("basis_rho", "ρ(t) in the detector basis", SuperdeterministicBuiltins.BranchValue::basis_rho));
        ValueTypes.declare(ValueType.of(RunsTest.class, "result of an analysis")
                .field("z", "the runs test's z score", RunsTest::z)
                .field("pValue", "its p-value", RunsTest::pValue)
                .field("correlated", "whether successive outcomes are correlated", RunsTest::correlated)
                .field("summary", "the verdict in words", RunsTest::summary));
        ValueTypes.declare(ValueType.of(Autocorrelation.class, "result of an analysis").standsFor(Autocorrelation::value)
                .field("value", "the lag-1 autocorrelation", Autocorrelation::value)
                .field("lags", "one row per lag", Autocorrelation::lags)
                .field("minPValue", "the smallest p-value", Autocorrelation::minPValue)
                .field("correlated", "whether some lag is correlated", Autocorrelation::correlated)
                .field("summary", "the verdict in words", Autocorrelation::summary));
        ValueTypes.declare(ValueType.of(BornWindows.class, "result of an analysis")
                .field("window", "trials per window", BornWindows::window)
                .field("windows", "one row per window", BornWindows::windows)
                .field("chiSquare", "the pooled chi-square", BornWindows::chiSquare)
                .field("pValue", "its p-value", BornWindows::pValue)
                .field("rejected", "how many windows reject the Born rule", BornWindows::rejected)
                .field("fractionRejected", "the fraction of windows that do", BornWindows::fractionRejected)
                .field("maxTotalVariation", "the largest total variation distance of a window", BornWindows::maxTotalVariation)
                .field("table", "one row per window, as a table", BornWindows::table)
                .field("summary", "the verdict in words", BornWindows::summary));
    }

    private static void retrocausal() {
        ValueTypes.declare(ValueType.of(ChshSearch.class, "result of an analysis")
                .field("maximum", "the largest S found", ChshSearch::maximum)
                .field("minimum", "the smallest S found", ChshSearch::minimum)
                .field("best", "the settings of the largest S", ChshSearch::best)
                .field("points", "how many settings were tried", ChshSearch::points)
                .field("bound", "the bound compared with", ChshSearch::bound)
                .field("above", "how many settings exceed the bound", ChshSearch::above)
                .field("exceeded", "whether any does", ChshSearch::exceeded));
        ValueTypes.declare(ValueType.of(Maximizer.Optimum.class, "result of an analysis")
                .field("value", "the best value found", Maximizer.Optimum::value)
                .field("point", "where", Maximizer.Optimum::point)
                .field("evaluations", "how many evaluations it took", Maximizer.Optimum::evaluations)
                .field("method", "the method", Maximizer.Optimum::method)
                .field("converged", "whether it converged", Maximizer.Optimum::converged));
        ValueTypes.declare(ValueType.of(Numerics.class, "result of an analysis")
                .field("weight", "the weight W", Numerics::weight)
                .field("closedForm", "whether the closed forms are used", Numerics::closedForm)
                .field("gridPoints", "points of the grid over s", Numerics::gridPoints)
                .field("resolution", "the grid's spacing", Numerics::resolution)
                .field("windings", "how the windings are summed", Numerics::windings));
    }

    private static void ensemble() {
        ValueTypes.declare(ValueType.of(EnsembleHistory.class, "result of an analysis")
                .field("times", "the sample times", EnsembleHistory::times)
                .field("frequencies", "n_a/N at each time", EnsembleHistory::frequencies)
                .field("born", "|ψ_a(t)|² at each time", EnsembleHistory::born)
                .field("phases", "the ensemble's phases at each time", EnsembleHistory::phases)
                .field("qmPhases", "−arg ψ_a(t) at each time", EnsembleHistory::qmPhases)
                .field("spreads", "the phase spread of each class at each time", EnsembleHistory::spreads)
                .field("spread", "the largest phase spread at each time", EnsembleHistory::spread)
                .field("deviation", "the largest |n_a/N − |ψ_a|²|", EnsembleHistory::deviation)
                .field("deviationTime", "when it occurred", EnsembleHistory::deviationTime)
                .field("stepDeviation", "the largest |n_a/N − |ψ_a|²| over every time step (the same as deviation)", EnsembleHistory::deviation)
                .field("sampleDeviation", "the largest |n_a/N − |ψ_a|²| at the sample times only", EnsembleHistory::sampleDeviation)
                .field("energy", "the phase-alignment energy at each sample time (with f)", EnsembleHistory::energies)
                .field("phaseDeviation", "the largest phase deviation", EnsembleHistory::phaseDeviation)
                .field("copies", "how many copy events happened", EnsembleHistory::copies)
                .field("warnings", "warnings (nodes, spectators)", EnsembleHistory::warnings)
                .field("last", "n_a/N at the last time", EnsembleHistory::last)
                .field("members", "N", EnsembleHistory::members)
                .field("steps", "time steps taken", EnsembleHistory::steps)
                .field("dt", "the time step", EnsembleHistory::dt)
                .field("table", "the table it prints", EnsembleHistory::table));
        ValueTypes.declare(ValueType.of(MemberTrack.class, "result of an analysis")
                .field("tracked", "the tracked members", MemberTrack::tracked)
                .field("times", "the sample times", MemberTrack::times)
                .field("values", "each tracked member's value at each time", MemberTrack::values)
                .field("phases", "each tracked member's phase at each time", MemberTrack::phases)
                .field("events", "the copy events of the tracked members", MemberTrack::events)
                .field("origins", "each tracked member's value at the start", MemberTrack::origins)
                .field("copies", "how many copy events happened in all", MemberTrack::copies)
                .field("history", "the ensemble's history", MemberTrack::history)
                .field("table", "the table it prints", MemberTrack::table)
                .method("eventsOf", "eventsOf(member)", "the copy events of one member", 1,
                        (t, args, span) -> t.eventsOf(Values.integer(args.get(0), span, "a member"))));
        ValueTypes.declare(ValueType.of(CopyEvent.class, "copy event")
                .field("time", "when", CopyEvent::time)
                .field("member", "the member that copied", CopyEvent::member)
                .field("source", "the member it copied", CopyEvent::source)
                .field("from", "its value before", CopyEvent::from)
                .field("to", "its value after", CopyEvent::to)
                .field("phaseBefore", "its phase before", CopyEvent::phaseBefore)
                .field("phaseAfter", "its phase after", CopyEvent::phaseAfter));
    }

    private static Condition condition(Object name, Span span) {
        for (Condition c : Condition.values()) if (c.name().equalsIgnoreCase(Values.show(name))) return c;
        throw new BeableError(span, "no condition '" + Values.show(name) + "'", "one of: PI, OI, LC, NS, SI");
    }

    private static int index(Object value, Span span) {
        return (int) Values.integer(value, span, "an index");
    }

    private static List<Object> toList(int[] values) {
        List<Object> out = new ArrayList<>();
        for (int v : values) out.add((double) v);
        return List.copyOf(out);
    }
}
