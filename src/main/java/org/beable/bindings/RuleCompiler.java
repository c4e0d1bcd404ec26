package org.beable.bindings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.beable.interp.Builtin;
import org.beable.interp.FunctionValue;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.model.scripted.BlockFunction;
import org.beable.model.scripted.Scope;
import org.beable.model.scripted.SlotExpression;
import org.beable.model.scripted.SlotFunction;
import org.beable.model.scripted.Trig;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;

/**
 * Compiles an expression of a model block (a rule, a distribution's parameter) into a
 * {@link SlotExpression}: when the model meets an experiment, every name becomes a slot of the
 * trial's context array (a setting, a hidden variable, an earlier outcome) or a constant
 * captured when the block was defined, and the expression becomes a tree of closures over
 * primitive doubles — no boxing, no allocation per trial.
 *
 * <p>The language of rules is arithmetic on numbers and on vectors of fixed length (a
 * {@code sphere} variable, {@code direction(θ)}, a list literal): {@code + - * / ^ %}, comparisons
 * and {@code and or not} (true is 1), {@code if … then … else}, the elementary functions, and
 * {@code direction dot cross norm}; on vectors {@code + -} and {@code *} act element-wise and a
 * number scales a vector. A function the script defines is called through the interpreter
 * (numbers in, a number out): correct, but slower than the builtins.
 *
 * <p>Every number is compiled twice over: as a closure for one trial ({@link SlotFunction}),
 * which `predict` and the checks use, and as a loop over a block of trials
 * ({@link BlockFunction}, see {@link RuleBlocks}), which `run` uses. The two give the same
 * bits; cosine and sine are {@link Trig}'s in both.
 */
final class RuleCompiler {
    /** A compiled expression: a number, or a vector of a length fixed at compile time. */
    private sealed interface Compiled {}

    /**
     * A number: its closure for one trial; {@code slot} ≥ 0 when it is a plain read of one context
     * slot, so operators can read it directly; its block form, or null to run the closure trial by
     * trial; and whether it is {@code eager} — safe to evaluate for trials whose branch of an
     * {@code if} or {@code and}/{@code or} does not take it (not so for a call into a script
     * function, which may fail where the script never calls it); and whether it is
     * {@code uniform}, reading settings and constants only.
     */
    private record Scalar(SlotFunction f, int slot, BlockFunction block, boolean eager, boolean uniform) implements Compiled {
        /**
         * An operation on operands: eager when they all are, and {@code uniform} — the same for
         * every trial of a block, which is one setting combination — when they all are. A uniform
         * operation is evaluated once per block, by its closure: `direction(a)` costs two
         * trigonometric calls per block, not per trial.
         */
        Scalar(SlotFunction f, BlockFunction block, Scalar... operands) {
            this(f, -1, operands.length > 0 && allUniform(operands) ? RuleBlocks.once(f) : block,
                    Arrays.stream(operands).allMatch(Scalar::eager), allUniform(operands));
        }

        private static boolean allUniform(Scalar[] operands) {
            return Arrays.stream(operands).allMatch(Scalar::uniform);
        }

        BlockFunction inBlocks() {
            return block != null ? block : BlockFunction.perTrial(f);
        }
    }

    private record Vector(Scalar[] components) implements Compiled {
        int size() { return components.length; }

        SlotFunction[] functions() {
            return Arrays.stream(components).map(Scalar::f).toArray(SlotFunction[]::new);
        }

        BlockFunction[] blocks() {
            return Arrays.stream(components).map(Scalar::inBlocks).toArray(BlockFunction[]::new);
        }
    }

    /** The compiled rule handed to the model: its closure, and its block form for `run`. */
    private record Rule(SlotFunction f, BlockFunction inBlocks) implements SlotFunction {
        @Override public double apply(double[] context) { return f.apply(context); }
        @Override public BlockFunction block() { return inBlocks; }
    }

    private final Interpreter interpreter;
    private final Map<String, Object> captured;
    private final Set<String> hiddenNames;
    private final List<String> given;       // the settings a distribution may read; null for a rule (every setting)
    private final String reader;

    /**
     * @param captured    the values the block's free names had where it was defined (locals and globals)
     * @param hiddenNames the model's hidden variables, which shadow any outside name
     * @param given       for a distribution, the settings it declared with `given`; null for an outcome rule
     * @param reader      who is reading, for messages ("the distribution of lam")
     */
    RuleCompiler(Interpreter interpreter, Map<String, Object> captured, Set<String> hiddenNames, List<String> given, String reader) {
        this.interpreter = interpreter;
        this.captured = captured;
        this.hiddenNames = hiddenNames;
        this.given = given;
        this.reader = reader;
    }

    /** A number-valued expression. */
    SlotExpression number(Expr e) {
        return scope -> rule(compile(e, new Names(scope, null, null)), e.span());
    }

    /** A density's body: {@code parameter} reads the variable's own point (the slot of {@code variable}). */
    SlotExpression density(Expr body, String parameter, String variable) {
        return scope -> rule(compile(body, new Names(scope, parameter, variable)), body.span());
    }

    // ------------------------------------------------------------------ names

    /** The scope of one binding, with a parameter name standing for the density's own variable. */
    private record Names(Scope scope, String parameter, String variable) {}

    private Compiled name(Expr.Variable v, Names names) {
        String name = v.name();
        if (name.equals(names.parameter())) return slots(names.scope(), names.variable(), v.span());
        if (hiddenNames.contains(name)) return slots(names.scope(), name, v.span());
        java.util.OptionalInt slot;
        try {
            slot = names.scope().find(name);
        } catch (IllegalArgumentException e) {
            throw new BeableError(v.span(), e.getMessage());
        }
        if (slot.isPresent()) {
            if (given != null && !given.contains(name)) {
                throw new BeableError(v.span(), capital(reader) + " reads setting '" + name + "'; a distribution that depends on the"
                        + " settings says so", "write `… given " + name + "` at the end of the hidden line");
            }
            return read(slot.getAsInt(), names.scope().isSetting(slot.getAsInt()));
        }
        if (!captured.containsKey(name)) throw interpreter.undefined(name, v.span());
        return constant(captured.get(name), v.span(), name);
    }

    private Compiled slots(Scope scope, String hidden, Span span) {
        try {
            int base = scope.hidden(hidden);
            int width = scope.components(hidden);
            if (width == 1) return read(base, false);
            Scalar[] components = new Scalar[width];
            for (int k = 0; k < width; k++) components[k] = read(base + k, false);
            return new Vector(components);
        } catch (IllegalArgumentException e) {
            throw new BeableError(span, e.getMessage());
        }
    }

    private static Compiled constant(Object value, Span span, String name) {
        if (value instanceof Boolean b) return constant(b ? 1 : 0);
        if (value instanceof List<?> list) {
            Scalar[] components = new Scalar[list.size()];
            for (int k = 0; k < components.length; k++) components[k] = constant(Values.real(list.get(k), span, "item " + k + " of '" + name + "'"));
            return new Vector(components);
        }
        return constant(Values.real(value, span, "'" + name + "' in a model rule"));
    }

    private static Scalar constant(double x) {
        return new Scalar(c -> x, RuleBlocks.constant(x));
    }

    /** A read of one slot; {@code uniform} for a setting, which is fixed within a block. */
    private static Scalar read(int s, boolean uniform) {
        return new Scalar(c -> c[s], s, RuleBlocks.slot(s), true, uniform);
    }

    // ------------------------------------------------------------------ expressions

    private Compiled compile(Expr e, Names names) {
        return e.accept(expressions, names);
    }

    /**
     * One method per kind of expression: a kind added to the language and not decided here does
     * not compile. What a rule cannot hold is a located error with a hint.
     */
    private final Expr.Visitor<Compiled, Names> expressions = new Expr.Visitor<>() {
        @Override public Compiled visitNumber(Expr.Number n, Names names) { return constant(n.value()); }
        @Override public Compiled visitBool(Expr.Bool b, Names names) { return constant(b.value() ? 1 : 0); }
        @Override public Compiled visitVariable(Expr.Variable v, Names names) { return name(v, names); }

        @Override
        public Compiled visitNegate(Expr.Negate n, Names names) {
            Compiled x = compile(n.operand(), names);
            return negate(x);
        }

        @Override
        public Compiled visitNot(Expr.Not n, Names names) {
            Scalar x = number(compile(n.operand(), names), n.span());
            SlotFunction f = x.f();
            return new Scalar(c -> f.apply(c) != 0 ? 0 : 1, RuleBlocks.not(x.inBlocks()), x);
        }

        @Override public Compiled visitBinary(Expr.Binary b, Names names) { return binary(b, names); }

        @Override
        public Compiled visitLogical(Expr.Logical l, Names names) {
            Scalar p = number(compile(l.left(), names), l.left().span());
            Scalar q = number(compile(l.right(), names), l.right().span());
            SlotFunction x = p.f(), y = q.f();
            // Both sides at once only when the right one may be evaluated where it would be skipped.
            BlockFunction both = q.eager() ? RuleBlocks.logical(l.isAnd(), p.inBlocks(), q.inBlocks()) : null;
            return l.isAnd() ? new Scalar(c -> x.apply(c) != 0 && y.apply(c) != 0 ? 1 : 0, both, p, q)
                    : new Scalar(c -> x.apply(c) != 0 || y.apply(c) != 0 ? 1 : 0, both, p, q);
        }

        @Override public Compiled visitConditional(Expr.Conditional k, Names names) { return conditional(k, names); }

        @Override
        public Compiled visitListLit(Expr.ListLit l, Names names) {
            Scalar[] components = new Scalar[l.items().size()];
            for (int k = 0; k < components.length; k++) components[k] = number(compile(l.items().get(k), names), l.items().get(k).span());
            return new Vector(components);
        }

        @Override
        public Compiled visitIndex(Expr.Index i, Names names) {
            Compiled target = compile(i.target(), names);
            if (!(target instanceof Vector v)) throw new BeableError(i.span(), "only a vector can be indexed in a model rule");
            long k = Values.integer(constantValue(i.index()), i.index().span(), "an index in a model rule");
            if (k < 0) k += v.size();
            if (k < 0 || k >= v.size()) throw new BeableError(i.span(), "index " + k + " is outside a vector of " + v.size());
            return v.components()[(int) k];
        }

        @Override public Compiled visitCall(Expr.Call call, Names names) { return call(call, names); }

        @Override public Compiled visitImaginary(Expr.Imaginary e, Names names) { return unsupported(e, "complex numbers"); }
        @Override public Compiled visitStr(Expr.Str e, Names names) { return unsupported(e, "text"); }
        @Override public Compiled visitNoneLit(Expr.NoneLit e, Names names) { return unsupported(e, "none"); }
        @Override public Compiled visitKet(Expr.Ket e, Names names) { return unsupported(e, "kets"); }
        @Override public Compiled visitField(Expr.Field e, Names names) { return unsupported(e, "fields of results"); }
        @Override public Compiled visitAdjoint(Expr.Adjoint e, Names names) { return unsupported(e, "adjoints"); }
        @Override public Compiled visitMatrixLit(Expr.MatrixLit e, Names names) { return unsupported(e, "matrices"); }
        @Override public Compiled visitRange(Expr.Range e, Names names) { return unsupported(e, "ranges"); }
        @Override public Compiled visitLambda(Expr.Lambda e, Names names) { return unsupported(e, "functions written in place"); }
        @Override public Compiled visitRun(Expr.Run e, Names names) { return unsupported(e, "run"); }
        @Override public Compiled visitPredict(Expr.Predict e, Names names) { return unsupported(e, "predict"); }
        @Override public Compiled visitLocality(Expr.Locality e, Names names) { return unsupported(e, "locality"); }
    };

    private static Compiled unsupported(Expr e, String what) {
        throw new BeableError(e.span(), "a model rule is arithmetic on numbers and vectors; " + what + " cannot be part of one",
                "compute it outside the model with `let` and use the name in the rule");
    }

    /** A literal index (`lam[0]`). */
    private static Object constantValue(Expr e) {
        if (e instanceof Expr.Number n) return n.value();
        if (e instanceof Expr.Negate n && n.operand() instanceof Expr.Number m) return -m.value();
        throw new BeableError(e.span(), "a vector in a model rule is indexed by a number written out, like lam[0]");
    }

    private Compiled binary(Expr.Binary b, Names names) {
        Compiled x = compile(b.left(), names);
        Compiled y = compile(b.right(), names);
        Span span = b.span();
        if (x instanceof Scalar p && y instanceof Scalar q) {
            Scalar fast = arithmetic(b.op(), p, q);
            if (fast != null) return fast;
        }
        switch (b.op()) {
            case ADD, SUB, MUL: return elementwise(x, y, b.op(), span);
            case DIV:
                if (y instanceof Vector) throw new BeableError(span, "cannot divide by a vector");
                return elementwise(x, y, b.op(), span);
            default: break;
        }
        Scalar p = number(x, b.left().span());
        Scalar q = number(y, b.right().span());
        DoubleBinaryOperator op = switch (b.op()) {
            case MOD -> (u, v) -> u - Math.floor(u / v) * v;
            case POW -> Math::pow;
            case EQ -> (u, v) -> u == v ? 1 : 0;
            case NE -> (u, v) -> u != v ? 1 : 0;
            case LT -> (u, v) -> u < v ? 1 : 0;
            case LE -> (u, v) -> u <= v ? 1 : 0;
            case GT -> (u, v) -> u > v ? 1 : 0;
            case GE -> (u, v) -> u >= v ? 1 : 0;
            default -> throw new BeableError(span, b.op().symbol + " is not defined in a model rule");
        };
        if (b.op() == Expr.BinaryOp.MOD || b.op() == Expr.BinaryOp.POW) return combine(p, q, op);
        return combine(p, q, op, RuleBlocks.comparison(b.op().symbol, p.inBlocks(), q.inBlocks()));
    }

    /**
     * + − × ÷ of two numbers as one closure each, reading slots directly where the operands are
     * slots: rules run once per trial, and every closure saved is a virtual call saved.
     */
    private static Scalar arithmetic(Expr.BinaryOp op, Scalar x, Scalar y) {
        SlotFunction f = x.f(), g = y.f();
        int i = x.slot(), j = y.slot();
        boolean slots = i >= 0 && j >= 0;
        SlotFunction one = switch (op) {
            case ADD -> slots ? c -> c[i] + c[j] : i >= 0 ? c -> c[i] + g.apply(c) : c -> f.apply(c) + g.apply(c);
            case SUB -> slots ? c -> c[i] - c[j] : i >= 0 ? c -> c[i] - g.apply(c) : c -> f.apply(c) - g.apply(c);
            case MUL -> slots ? c -> c[i] * c[j] : i >= 0 ? c -> c[i] * g.apply(c) : c -> f.apply(c) * g.apply(c);
            case DIV -> slots ? c -> c[i] / c[j] : c -> f.apply(c) / g.apply(c);
            default -> null;
        };
        if (one == null) return null;
        return new Scalar(one, RuleBlocks.arithmetic(op.symbol.charAt(0), x.inBlocks(), y.inBlocks()), x, y);
    }

    /** Vectors with vectors of the same length, a number with every component of a vector: arithmetic component by component. */
    private static Compiled elementwise(Compiled x, Compiled y, Expr.BinaryOp op, Span span) {
        String symbol = op.symbol;
        if (x instanceof Vector u && y instanceof Vector v) {
            if (u.size() != v.size()) {
                throw new BeableError(span, "cannot apply " + symbol + " to vectors of " + u.size() + " and " + v.size() + " components");
            }
            Scalar[] out = new Scalar[u.size()];
            for (int k = 0; k < out.length; k++) out[k] = arithmetic(op, u.components()[k], v.components()[k]);
            return new Vector(out);
        }
        if (symbol.equals("+") || symbol.equals("-")) {
            throw new BeableError(span, "cannot apply " + symbol + " to a number and a vector", "scale a vector with *, or write [x, y, z]");
        }
        Vector v = x instanceof Vector a ? a : (Vector) y;
        Scalar s = x instanceof Scalar a ? a : (Scalar) y;
        boolean vectorLeft = x instanceof Vector;
        Scalar[] out = new Scalar[v.size()];
        for (int k = 0; k < out.length; k++) out[k] = vectorLeft ? arithmetic(op, v.components()[k], s) : arithmetic(op, s, v.components()[k]);
        return new Vector(out);
    }

    private static Scalar combine(Scalar x, Scalar y, DoubleBinaryOperator op) {
        return combine(x, y, op, RuleBlocks.combine(x.inBlocks(), y.inBlocks(), op));
    }

    /** op of two numbers: the operator for one trial, and the given block form. */
    private static Scalar combine(Scalar x, Scalar y, DoubleBinaryOperator op, BlockFunction inBlocks) {
        SlotFunction f = x.f(), g = y.f();
        return new Scalar(c -> op.applyAsDouble(f.apply(c), g.apply(c)), inBlocks, x, y);
    }

    private Compiled conditional(Expr.Conditional k, Names names) {
        Scalar test = number(compile(k.cond(), names), k.cond().span());
        Compiled then = compile(k.then(), names);
        Compiled otherwise = compile(k.otherwise(), names);
        if (then instanceof Scalar a && otherwise instanceof Scalar b) return choose(test, a, b);
        if (then instanceof Vector a && otherwise instanceof Vector b && a.size() == b.size()) {
            Scalar[] out = new Scalar[a.size()];
            for (int i = 0; i < out.length; i++) out[i] = choose(test, a.components()[i], b.components()[i]);
            return new Vector(out);
        }
        throw new BeableError(k.span(), "both branches of `if … then … else` in a model rule must be numbers, or vectors of one length");
    }

    /** test ≠ 0 ? x : y; as a block, both branches for every trial only when that cannot fail where the script would not. */
    private static Scalar choose(Scalar test, Scalar x, Scalar y) {
        SlotFunction t = test.f(), f = x.f(), g = y.f();
        BlockFunction block = x.eager() && y.eager() ? RuleBlocks.choose(test.inBlocks(), x.inBlocks(), y.inBlocks()) : null;
        return new Scalar(c -> t.apply(c) != 0 ? f.apply(c) : g.apply(c), block, test, x, y);
    }

    private static Compiled negate(Compiled x) {
        if (x instanceof Scalar s) {
            SlotFunction f = s.f();
            return new Scalar(c -> -f.apply(c), RuleBlocks.negate(s.inBlocks()), s);
        }
        Scalar[] out = ((Vector) x).components().clone();
        for (int k = 0; k < out.length; k++) out[k] = (Scalar) negate(out[k]);
        return new Vector(out);
    }

    // ------------------------------------------------------------------ calls

    private Compiled call(Expr.Call call, Names names) {
        if (!(call.callee() instanceof Expr.Variable v)) {
            throw new BeableError(call.callee().span(), "a model rule calls functions by name");
        }
        for (Expr.Argument a : call.arguments()) {
            if (a.name() != null) throw new BeableError(a.span(), "a model rule passes arguments by position");
        }
        List<Expr> args = call.arguments().stream().map(Expr.Argument::value).toList();
        Object callee = captured.get(v.name());
        if (hiddenNames.contains(v.name()) || callee == null) {
            throw callee == null && !hiddenNames.contains(v.name()) ? interpreter.undefined(v.name(), v.span())
                    : new BeableError(v.span(), "'" + v.name() + "' is a hidden variable, not a function");
        }
        if (callee instanceof Builtin b && interpreter.builtins().get(v.name()) == b) return builtin(v.name(), args, call.span(), names);
        if (callee instanceof FunctionValue f) return userFunction(f, args, call.span(), names);
        throw new BeableError(v.span(), "'" + v.name() + "' cannot be called in a model rule",
                "a rule may call the elementary functions, direction, dot, cross, norm and functions the script defines");
    }

    private Compiled builtin(String name, List<Expr> args, Span span, Names names) {
        DoubleUnaryOperator unary = UNARY.get(name);
        if (unary != null) {
            arity(name, args, 1, span);
            Scalar x = number(compile(args.get(0), names), args.get(0).span());
            SlotFunction f = x.f();
            // The commonest functions are called directly; the rest go through the table.
            return new Scalar(switch (name) {
                case "sin" -> c -> Trig.sin(f.apply(c));
                case "cos" -> c -> Trig.cos(f.apply(c));
                case "sign" -> c -> RuleBlocks.sign(f.apply(c));
                case "abs" -> c -> Math.abs(f.apply(c));
                case "sqrt" -> c -> Math.sqrt(f.apply(c));
                case "exp" -> c -> Math.exp(f.apply(c));
                default -> c -> unary.applyAsDouble(f.apply(c));
            }, RuleBlocks.unary(name, unary, x.inBlocks()), x);
        }
        DoubleBinaryOperator binary = BINARY.get(name);
        if (binary != null) {
            arity(name, args, 2, span);
            Scalar x = number(compile(args.get(0), names), args.get(0).span());
            Scalar y = number(compile(args.get(1), names), args.get(1).span());
            return combine(x, y, binary, RuleBlocks.binary(name, binary, x.inBlocks(), y.inBlocks()));
        }
        return switch (name) {
            case "direction" -> {
                arity(name, args, 1, span);
                Scalar theta = number(compile(args.get(0), names), args.get(0).span());
                SlotFunction t = theta.f();
                yield new Vector(new Scalar[] {
                        new Scalar(c -> Trig.sin(t.apply(c)), RuleBlocks.unary("sin", Trig::sin, theta.inBlocks()), theta),
                        constant(0),
                        new Scalar(c -> Trig.cos(t.apply(c)), RuleBlocks.unary("cos", Trig::cos, theta.inBlocks()), theta)});
            }
            case "dot" -> {
                arity(name, args, 2, span);
                Vector u = vector(compile(args.get(0), names), args.get(0).span());
                Vector w = vector(compile(args.get(1), names), args.get(1).span());
                if (u.size() != w.size()) throw new BeableError(span, "dot of vectors of " + u.size() + " and " + w.size() + " components");
                yield dot(u, w);
            }
            case "cross" -> {
                arity(name, args, 2, span);
                Scalar[] u = three(compile(args.get(0), names), args.get(0).span());
                Scalar[] w = three(compile(args.get(1), names), args.get(1).span());
                yield new Vector(new Scalar[] {
                        arithmetic(Expr.BinaryOp.SUB, arithmetic(Expr.BinaryOp.MUL, u[1], w[2]), arithmetic(Expr.BinaryOp.MUL, u[2], w[1])),
                        arithmetic(Expr.BinaryOp.SUB, arithmetic(Expr.BinaryOp.MUL, u[2], w[0]), arithmetic(Expr.BinaryOp.MUL, u[0], w[2])),
                        arithmetic(Expr.BinaryOp.SUB, arithmetic(Expr.BinaryOp.MUL, u[0], w[1]), arithmetic(Expr.BinaryOp.MUL, u[1], w[0]))});
            }
            case "norm" -> {
                arity(name, args, 1, span);
                Compiled x = compile(args.get(0), names);
                if (x instanceof Scalar s) yield new Scalar(c -> Math.abs(s.f().apply(c)), RuleBlocks.unary("abs", Math::abs, s.inBlocks()), s);
                Scalar square = dot((Vector) x, (Vector) x);
                SlotFunction f = square.f();
                yield new Scalar(c -> Math.sqrt(f.apply(c)), RuleBlocks.unary("sqrt", Math::sqrt, square.inBlocks()), square);
            }
            default -> throw new BeableError(span, name + "() cannot be part of a model rule",
                    "a rule may call the elementary functions, direction, dot, cross, norm and functions the script defines");
        };
    }

    private static Scalar dot(Vector x, Vector y) {
        Scalar[] operands = Stream.concat(Arrays.stream(x.components()), Arrays.stream(y.components()))
                .toArray(Scalar[]::new);
        return new Scalar(dot(x.functions(), y.functions()), RuleBlocks.dot(x.blocks(), y.blocks()), operands);
    }

    private static SlotFunction dot(SlotFunction[] u, SlotFunction[] w) {
        if (u.length == 3) {
            SlotFunction u0 = u[0], u1 = u[1], u2 = u[2], w0 = w[0], w1 = w[1], w2 = w[2];
            return c -> u0.apply(c) * w0.apply(c) + u1.apply(c) * w1.apply(c) + u2.apply(c) * w2.apply(c);
        }
        return c -> {
            double sum = 0;
            for (int k = 0; k < u.length; k++) sum += u[k].apply(c) * w[k].apply(c);
            return sum;
        };
    }

    /** A function the script defines: numbers in, a number out, through the interpreter (its one-number arithmetic runs over doubles). */
    private Compiled userFunction(FunctionValue f, List<Expr> args, Span span, Names names) {
        if (args.size() != f.arity()) {
            throw new BeableError(span, f.name() + "() takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s") + ", got " + args.size());
        }
        SlotFunction[] inputs = new SlotFunction[args.size()];
        for (int k = 0; k < inputs.length; k++) inputs[k] = scalar(compile(args.get(k), names), args.get(k).span());
        // Not eager: the function may fail (or be slow) for values the script never gives it.
        if (inputs.length == 1) {
            DoubleUnaryOperator real = f.asRealFunction(span);
            SlotFunction x = inputs[0];
            return new Scalar(c -> real.applyAsDouble(x.apply(c)), -1, null, false, false);
        }
        String what = "the value of " + f.name();
        return new Scalar(c -> {
            Object[] boxed = new Object[inputs.length];
            for (int k = 0; k < inputs.length; k++) boxed[k] = inputs[k].apply(c);
            return Values.real(interpreter.call(f, span, boxed), span, what);
        }, -1, null, false, false);
    }

    // ------------------------------------------------------------------ helpers

    private static SlotFunction scalar(Compiled x, Span span) {
        return number(x, span).f();
    }

    private static Scalar number(Compiled x, Span span) {
        if (x instanceof Scalar s) return s;
        throw new BeableError(span, "expected a number here, got a vector of " + ((Vector) x).size() + " components",
                "take a component (v[0]), a dot product (dot(u, v)) or a length (norm(v))");
    }

    /** What the model gets: the closure, with the block form beside it. */
    private static SlotFunction rule(Compiled x, Span span) {
        Scalar s = number(x, span);
        return new Rule(s.f(), s.inBlocks());
    }

    private static Vector vector(Compiled x, Span span) {
        if (x instanceof Vector v) return v;
        throw new BeableError(span, "expected a vector here, got a number", "write a vector as [x, y, z] or direction(θ)");
    }

    private static Scalar[] three(Compiled x, Span span) {
        Vector v = vector(x, span);
        if (v.size() != 3) throw new BeableError(span, "cross needs vectors of 3 components, got " + v.size());
        return v.components();
    }

    private static void arity(String name, List<Expr> args, int n, Span span) {
        if (args.size() != n) throw new BeableError(span, name + "() takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + args.size());
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The builtins of one number a rule may call, with the meaning they have on reals. */
    private static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(
            Map.entry("sin", Trig::sin), Map.entry("cos", Trig::cos), Map.entry("tan", Math::tan),
            Map.entry("asin", Math::asin), Map.entry("acos", Math::acos), Map.entry("atan", Math::atan),
            Map.entry("sinh", Math::sinh), Map.entry("cosh", Math::cosh), Map.entry("tanh", Math::tanh),
            Map.entry("exp", Math::exp), Map.entry("log", Math::log), Map.entry("sqrt", Math::sqrt),
            Map.entry("abs", Math::abs), Map.entry("sign", RuleBlocks::sign), Map.entry("floor", Math::floor),
            Map.entry("ceil", Math::ceil), Map.entry("round", x -> Double.isFinite(x) && Math.abs(x) < 4.5e15 ? Math.floor(x + 0.5) : x));

    private static final Map<String, DoubleBinaryOperator> BINARY = Map.of(
            "atan2", Math::atan2, "min", Math::min, "max", Math::max);
}
