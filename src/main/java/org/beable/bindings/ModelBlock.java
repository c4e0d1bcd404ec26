package org.beable.bindings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.interp.BareWord;
import org.beable.interp.Compilation;
import org.beable.interp.Frame;
import org.beable.interp.FreeNames;
import org.beable.interp.Interpreter;
import org.beable.interp.Node;
import org.beable.interp.Values;
import org.beable.model.scripted.HiddenDistribution;
import org.beable.model.scripted.OutcomeRule;
import org.beable.model.scripted.ScriptedModel;
import org.beable.model.scripted.SlotExpression;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/**
 * `model NAME { hidden … ~ …; outcome D = … }`: an ontological model written in the script,
 * turned into a {@link ScriptedModel}. The distributions and rules are compiled by
 * {@link RuleCompiler} when the model meets an experiment; every other name they mention is
 * captured when the block runs, so a block inside a loop or a function sees that pass's values.
 */
final class ModelBlock {
    private final Interpreter interpreter;
    private final Stmt.ModelBlock block;
    private final Set<String> hiddenNames = new LinkedHashSet<>();
    /** Each free name of the block's expressions, compiled where the block stands, to capture its value when it runs. */
    private final Map<String, Node> outside = new LinkedHashMap<>();
    /** The constant lists of the block (discrete values and outcomes), evaluated when it runs. */
    private final Map<Expr, Node> constants = new java.util.IdentityHashMap<>();

    ModelBlock(Interpreter interpreter, Stmt.ModelBlock block, Compilation c) {
        this.interpreter = interpreter;
        this.block = block;
        for (Stmt.ModelClause clause : block.clauses()) {
            if (clause instanceof Stmt.Hidden h && !hiddenNames.add(h.name())) {
                throw new BeableError(h.span(), "model '" + block.name() + "' declares hidden variable '" + h.name() + "' twice");
            }
        }
        for (Stmt.ModelClause clause : block.clauses()) {
            Expr e = clause instanceof Stmt.Hidden h ? h.distribution() : ((Stmt.Outcome) clause).rule();
            for (String name : FreeNames.of(e)) {
                if (!hiddenNames.contains(name)) outside.computeIfAbsent(name, n -> c.expression(new Expr.Variable(e.span(), n)));
            }
            Expr.Call call = e instanceof Expr.Call k ? k : null;
            if (call != null && call.arguments().size() >= 1 && call.callee() instanceof Expr.Variable v && v.name().equals("discrete")) {
                Expr first = call.arguments().get(0).value();
                constants.put(first, c.expression(first));
            }
        }
    }

    /** The model, with the outside names as they are now. */
    ScriptedModel build(Frame frame) {
        Map<String, Object> captured = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : outside.entrySet()) {
            try {
                Object value = e.getValue().eval(frame);
                if (!(value instanceof BareWord)) captured.put(e.getKey(), value);
            } catch (BeableError undefinedHere) {
                // a setting's or a detector's name: the experiment gives it meaning when the model meets one
            }
        }
        ScriptedModel.Builder builder = ScriptedModel.builder(block.name());
        try {
            for (Stmt.ModelClause clause : block.clauses()) {
                if (clause instanceof Stmt.Hidden h) {
                    RuleCompiler rules = new RuleCompiler(interpreter, captured, hiddenNames, h.given(), "the distribution of " + h.name());
                    builder.hidden(h.name(), distribution(h, rules, frame));
                } else {
                    Stmt.Outcome o = (Stmt.Outcome) clause;
                    RuleCompiler rules = new RuleCompiler(interpreter, captured, hiddenNames, null, "the outcome rule for " + o.detector());
                    builder.outcome(o.detector(), o.drawn() ? drawn(o, rules, frame) : OutcomeRule.value(rules.number(o.rule())));
                }
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new BeableError(block.span(), e.getMessage());
        }
    }

    private HiddenDistribution distribution(Stmt.Hidden h, RuleCompiler rules, Frame frame) {
        Expr e = h.distribution();
        if (e instanceof Expr.Variable v && v.name().equals("sphere")) return HiddenDistribution.sphere();
        if (e instanceof Expr.Variable v && v.name().equals("disk")) return HiddenDistribution.disk();
        if (!(e instanceof Expr.Call call) || !(call.callee() instanceof Expr.Variable kind)) {
            throw new BeableError(e.span(), "a hidden variable is drawn from " + Distributions.listed());
        }
        List<Expr> args = positional(call);
        return switch (kind.name()) {
            case "uniform" -> {
                arguments(call, args, 2, Distributions.usage("uniform"));
                yield HiddenDistribution.uniform(rules.number(args.get(0)), rules.number(args.get(1)));
            }
            case "normal" -> {
                arguments(call, args, 2, Distributions.usage("normal"));
                yield HiddenDistribution.normal(rules.number(args.get(0)), rules.number(args.get(1)));
            }
            case "discrete" -> {
                arguments(call, args, 2, Distributions.usage("discrete"));
                yield HiddenDistribution.discrete(numbers(args.get(0), frame, "a discrete value"), expressions(args.get(1), rules));
            }
            case "sphere", "disk" -> {
                arguments(call, args, 0, Distributions.usage(kind.name()));
                yield kind.name().equals("sphere") ? HiddenDistribution.sphere() : HiddenDistribution.disk();
            }
            case "pdf" -> {
                arguments(call, args, 3, Distributions.usage("pdf"));
                if (!(args.get(0) instanceof Expr.Lambda density) || density.params().size() != 1 || density.value() == null) {
                    throw new BeableError(args.get(0).span(), "pdf takes the density as a function of one number, written x => …");
                }
                yield HiddenDistribution.pdf(rules.density(density.value(), density.params().get(0), h.name()),
                        rules.number(args.get(1)), rules.number(args.get(2)));
            }
            default -> throw new BeableError(kind.span(), "'" + kind.name() + "' is not a distribution", "a hidden variable is drawn from "
                    + Distributions.listed());
        };
    }

    private OutcomeRule drawn(Stmt.Outcome o, RuleCompiler rules, Frame frame) {
        Expr e = o.rule();
        if (!(e instanceof Expr.Call call) || !(call.callee() instanceof Expr.Variable v) || !v.name().equals("discrete")) {
            throw new BeableError(e.span(), "a drawn outcome is written `outcome " + o.detector() + " ~ discrete([outcomes], [probabilities])`");
        }
        List<Expr> args = positional(call);
        arguments(call, args, 2, "discrete([outcomes], [probabilities])");
        return OutcomeRule.discrete(numbers(args.get(0), frame, "an outcome"), expressions(args.get(1), rules));
    }

    private List<SlotExpression> expressions(Expr list, RuleCompiler rules) {
        if (!(list instanceof Expr.ListLit l)) {
            throw new BeableError(list.span(), "write the weights as a list, [p1, p2, …]; each may read the settings");
        }
        List<SlotExpression> out = new ArrayList<>();
        for (Expr item : l.items()) out.add(rules.number(item));
        return out;
    }

    private double[] numbers(Expr list, Frame frame, String what) {
        Object value = constants.get(list).eval(frame);
        if (!(value instanceof List<?> items)) throw new BeableError(list.span(), "expected a list of numbers, got " + Values.aTypeName(value));
        double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) out[k] = Values.real(items.get(k), list.span(), what);
        return out;
    }

    private static List<Expr> positional(Expr.Call call) {
        for (Expr.Argument a : call.arguments()) {
            if (a.name() != null) throw new BeableError(a.span(), "a distribution takes its arguments by position");
        }
        return call.arguments().stream().map(Expr.Argument::value).toList();
    }

    private static void arguments(Expr.Call call, List<Expr> args, int n, String usage) {
        if (args.size() != n) throw new BeableError(call.span(), "expected " + usage, null);
    }

    /** Where each line is written: outcome rules by detector, hidden variables by name. */
    ModelValue.Lines lines() {
        Map<String, Span> rules = new LinkedHashMap<>();
        Map<String, Span> hidden = new LinkedHashMap<>();
        for (Stmt.ModelClause clause : block.clauses()) {
            if (clause instanceof Stmt.Outcome o) rules.put(o.detector(), o.detectorSpan());
            if (clause instanceof Stmt.Hidden h) hidden.put(h.name(), h.span());
        }
        return new ModelValue.Lines(rules, hidden);
    }
}
