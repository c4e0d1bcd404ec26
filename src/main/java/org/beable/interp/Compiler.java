package org.beable.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.beable.concurrent.Cancellation;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Span;
import org.beable.syntax.Stmt;

/**
 * Turns the AST into closures once, resolving every name to a frame slot or a global cell,
 * so evaluation never looks a name up in a map. A visitor over both node families: a node kind
 * without a method here does not compile. The nodes that name physics (systems, detectors,
 * experiments, models, kets, run, predict, locality, kept results) go to the session's
 * {@link Physics}.
 */
final class Compiler implements Stmt.Visitor<Node, Scope>, Expr.Visitor<Node, Scope> {
    private final Interpreter interpreter;
    private final Globals globals;
    /** How many function literals have been compiled: a loop body that adds none makes no closures. */
    private int lambdasCompiled;

    Compiler(Interpreter interpreter, Globals globals) {
        this.interpreter = interpreter;
        this.globals = globals;
    }

    /** A compiled top-level statement with the size of the frame it runs in. */
    record Unit(Node node, int frameSize, Span span) {
        Object run() {
            return node.eval(new Frame(frameSize, null));
        }
    }

    Unit compileTopLevel(Stmt stmt) {
        Scope scope = Scope.topLevel();
        Node node = statement(stmt, scope);
        return new Unit(node, scope.frameSize(), stmt.span());
    }

    // ------------------------------------------------------------------ statements

    Node statement(Stmt stmt, Scope scope) {
        return stmt.accept(this, scope);
    }

    /** What a physics binding compiles its nodes with: sub-expressions and definitions in the node's scope. */
    private Compilation in(Scope scope) {
        Compiler compiler = this;
        return new Compilation() {
            @Override public Node expression(Expr expression) { return compiler.expression(expression, scope); }
            @Override public Node[] expressions(List<Expr> expressions) { return compiler.expressions(expressions, scope); }
            @Override public Node define(String name, Node value) { return compiler.define(name, value, scope); }
            @Override public Interpreter interpreter() { return interpreter; }
        };
    }

    private Physics physics() {
        return interpreter.physics();
    }

    @Override public Node visitLet(Stmt.Let s, Scope scope) { return define(s.name(), expression(s.value(), scope), scope); }
    @Override public Node visitStateDecl(Stmt.StateDecl s, Scope scope) { return physics().state(s, in(scope)); }
    @Override public Node visitAssign(Stmt.Assign s, Scope scope) { return assign(s, scope); }
    @Override public Node visitPrint(Stmt.Print s, Scope scope) { return print(s, scope); }
    @Override public Node visitAssert(Stmt.Assert s, Scope scope) { return assertion(s, scope); }
    @Override public Node visitAssertApprox(Stmt.AssertApprox s, Scope scope) { return approximately(s, scope); }
    @Override public Node visitFor(Stmt.For s, Scope scope) { return forLoop(s, scope); }
    @Override public Node visitWhile(Stmt.While s, Scope scope) { return whileLoop(s, scope); }
    @Override public Node visitSweep(Stmt.Sweep s, Scope scope) { return sweep(s, scope); }
    @Override public Node visitIf(Stmt.If s, Scope scope) { return ifStatement(s, scope); }
    @Override public Node visitBlock(Stmt.Block s, Scope scope) { return block(s, scope.block()); }
    @Override public Node visitFunctionDecl(Stmt.FunctionDecl s, Scope scope) { return functionDecl(s, scope); }

    @Override
    public Node visitReturn(Stmt.Return s, Scope scope) {
        Node value = s.value() == null ? f -> NoneValue.NONE : expression(s.value(), scope);
        return f -> { throw new ReturnSignal(value.eval(f)); };
    }

    @Override
    public Node visitUse(Stmt.Use s, Scope scope) {
        return f -> { interpreter.use(s); return NoneValue.NONE; };
    }

    @Override
    public Node visitSeed(Stmt.Seed s, Scope scope) {
        Node value = expression(s.value(), scope);
        return f -> { interpreter.setSeed(Values.integer(value.eval(f), s.span(), "a seed")); return NoneValue.NONE; };
    }

    @Override public Node visitSystemDecl(Stmt.SystemDecl s, Scope scope) { return physics().system(s, in(scope)); }
    @Override public Node visitDetectorDecl(Stmt.DetectorDecl s, Scope scope) { return physics().detector(s, in(scope)); }
    @Override public Node visitExperimentDecl(Stmt.ExperimentDecl s, Scope scope) { return physics().experiment(s, in(scope)); }
    @Override public Node visitModelDecl(Stmt.ModelDecl s, Scope scope) { return physics().model(s, in(scope)); }
    @Override public Node visitModelBlock(Stmt.ModelBlock s, Scope scope) { return physics().modelBlock(s, in(scope)); }
    @Override public Node visitRow(Stmt.Row s, Scope scope) { return physics().row(s, in(scope)); }
    @Override public Node visitPlot(Stmt.Plot s, Scope scope) { return physics().plot(s, in(scope)); }
    @Override public Node visitExport(Stmt.Export s, Scope scope) { return physics().export(s, in(scope)); }

    @Override
    public Node visitExprStmt(Stmt.ExprStmt s, Scope scope) {
        // A locality statement prints its verdict table; any other expression statement is its value.
        if (s.expr() instanceof Expr.Locality l) return physics().localityStatement(l, in(scope));
        return expression(s.expr(), scope);
    }

    Node define(String name, Node value, Scope scope) {
        if (scope.definesGlobals()) {
            Cell cell = globals.cell(name);
            return f -> { cell.value = value.eval(f); return NoneValue.NONE; };
        }
        int slot = scope.declare(name);
        return f -> { f.slots[slot] = value.eval(f); return NoneValue.NONE; };
    }

    private Node assign(Stmt.Assign s, Scope scope) {
        if (!scope.assignableInSweep(s.name())) {
            throw new BeableError(s.span(), "a sweep's body cannot assign '" + s.name() + "', which is defined outside it",
                    "cells run independently, in any order: keep a result with `row`, or define a name of the cell's own with `let`");
        }
        Node value = expression(s.value(), scope);
        Scope.Resolved local = scope.resolve(s.name());
        if (local != null) {
            int depth = local.depth();
            int slot = local.slot();
            if (depth == 0) return f -> { f.slots[slot] = value.eval(f); return NoneValue.NONE; };
            return f -> { f.up(depth).slots[slot] = value.eval(f); return NoneValue.NONE; };
        }
        Cell cell = globals.cell(s.name());
        return f -> {
            if (interpreter.inCell()) {
                throw new BeableError(s.span(), "'" + s.name() + "' is assigned while a sweep cell runs", "cells run in parallel and may"
                        + " not change the session's names; return a value from the function instead");
            }
            if (cell.value == null) {
                throw Undefined.assigned(s.name(), s.span());
            }
            cell.value = value.eval(f);
            return NoneValue.NONE;
        };
    }

    private Node print(Stmt.Print s, Scope scope) {
        Node[] values = expressions(s.values(), scope);
        return f -> {
            List<Object> out = new ArrayList<>(values.length);
            for (Node v : values) out.add(v.eval(f));
            interpreter.output().print(out);
            return NoneValue.NONE;
        };
    }

    private Node assertion(Stmt.Assert s, Scope scope) {
        Node cond = expression(s.condition(), scope);
        return f -> {
            if (!Values.truthy(cond.eval(f), s.condition().span())) {
                // the condition's text is cut from the source only on failure: compiling a long file stays linear
                throw new BeableError(BeableError.Kind.ASSERTION, s.span(), "assertion failed: " + sourceText(s.condition().span()), null);
            }
            return NoneValue.NONE;
        };
    }

    private Node approximately(Stmt.AssertApprox s, Scope scope) {
        Node actual = expression(s.actual(), scope);
        Node expected = expression(s.expected(), scope);
        Node tolerance = expression(s.tolerance(), scope);
        return f -> {
            Object a = actual.eval(f);
            Object b = expected.eval(f);
            double tol = Values.real(tolerance.eval(f), s.tolerance().span(), "a tolerance");
            double difference = Approximately.distance(a, b, s.span());
            if (!(difference <= tol)) {
                throw new BeableError(BeableError.Kind.ASSERTION, s.span(), "assertion failed: " + sourceText(s.actual().span())
                        + " ≈ " + sourceText(s.expected().span()) + " within " + Values.show(tol), "got " + Values.show(a)
                        + ", expected " + Values.show(b) + ", difference " + Values.show(difference));
            }
            return NoneValue.NONE;
        };
    }

    private static String sourceText(Span span) {
        String line = span.source().line(span.line());
        int from = Math.min(line.length(), span.column() - 1);
        return line.substring(from, Math.min(line.length(), from + span.length()));
    }

    /**
     * Each iteration runs in a frame of its own, holding the loop variable and the body's locals,
     * so a closure made in one iteration keeps that iteration's values (as a fresh environment per
     * block execution does in jlox). A body that makes no closure reuses one frame: nothing can
     * tell the difference, and the loop allocates nothing per iteration.
     */
    private Node forLoop(Stmt.For s, Scope scope) {
        Node items = expression(s.items(), scope);
        Scope inner = scope.iteration();
        int slot = inner.declare(s.variable());
        int lambdasBefore = lambdasCompiled;
        Node body = block(s.body(), inner);
        boolean capturing = lambdasCompiled > lambdasBefore;
        int frameSize = inner.frameSize();
        Cancellation cancel = interpreter.cancellation();
        return f -> {
            Object collection = items.eval(f);
            // A range makes its items on demand: no list of a million numbers for `for k in 1 .. 1e6`.
            long n;
            java.util.function.LongFunction<Object> item;
            if (collection instanceof RangeValue r) {
                n = r.count();
                item = r::get;
            } else if (collection instanceof List<?> list) {
                n = list.size();
                item = k -> list.get((int) k);
            } else {
                throw new BeableError(s.items().span(), "a for loop needs a range or a list, got " + Values.aTypeName(collection),
                        "write `for x in 0 .. 10 { … }` or `for x in [1, 2, 3] { … }`");
            }
            Frame iteration = new Frame(frameSize, f);
            for (long k = 0; k < n; k++) {
                cancel.throwIfCancelled();
                if (capturing) iteration = new Frame(frameSize, f);
                iteration.slots[slot] = item.apply(k);
                body.eval(iteration);
            }
            return NoneValue.NONE;
        };
    }

    /**
     * A sweep: the axes are evaluated once, then the body runs once per cell, each in a frame of its
     * own holding the axis names and the body's locals, on as many threads as the session has.
     */
    private Node sweep(Stmt.Sweep s, Scope scope) {
        SweepRules.check(s);
        Node[] items = new Node[s.axes().size()];
        for (int a = 0; a < items.length; a++) items[a] = expression(s.axes().get(a).items(), scope);
        Scope inner = scope.sweepBody();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int[][] slots = new int[items.length][];
        for (int a = 0; a < items.length; a++) {
            Stmt.Axis axis = s.axes().get(a);
            slots[a] = new int[axis.names().size()];
            for (int k = 0; k < slots[a].length; k++) {
                String name = axis.names().get(k);
                if (!seen.add(name)) throw new BeableError(axis.span(), "the sweep names '" + name + "' twice", "give each axis a name of its own");
                slots[a][k] = inner.declare(name);
            }
        }
        Node body = block(s.body(), inner);
        SweepRun run = new SweepRun(interpreter, s, body, inner.frameSize(), slots);
        return f -> {
            Object[] values = new Object[items.length];
            for (int a = 0; a < items.length; a++) values[a] = items[a].eval(f);
            run.run(f, values);
            return NoneValue.NONE;
        };
    }

    private Node whileLoop(Stmt.While s, Scope scope) {
        Node cond = expression(s.condition(), scope);
        Node body = block(s.body(), scope.block());
        Cancellation cancel = interpreter.cancellation();
        return f -> {
            while (Values.truthy(cond.eval(f), s.condition().span())) {
                cancel.throwIfCancelled();
                body.eval(f);
            }
            return NoneValue.NONE;
        };
    }

    private Node ifStatement(Stmt.If s, Scope scope) {
        Node cond = expression(s.condition(), scope);
        Node then = block(s.then(), scope.block());
        Node otherwise = s.otherwise() == null ? null : statement(s.otherwise(), scope.block());
        Span span = s.condition().span();
        return f -> {
            if (Values.truthy(cond.eval(f), span)) then.eval(f);
            else if (otherwise != null) otherwise.eval(f);
            return NoneValue.NONE;
        };
    }

    /** A block's value is its last statement's, so `fn f(x) { x + 1 }` returns x + 1. */
    private Node block(Stmt.Block b, Scope scope) {
        Node[] nodes = new Node[b.statements().size()];
        for (int k = 0; k < nodes.length; k++) nodes[k] = statement(b.statements().get(k), scope);
        if (nodes.length == 1) return nodes[0];
        return f -> {
            Object last = NoneValue.NONE;
            for (Node n : nodes) last = n.eval(f);
            return last;
        };
    }

    private Node functionDecl(Stmt.FunctionDecl s, Scope scope) {
        if (scope.definesGlobals()) {
            Cell cell = globals.cell(s.name());
            Node lambda = lambda(s.function(), s.name(), scope);
            return f -> { cell.value = lambda.eval(f); return NoneValue.NONE; };
        }
        int slot = scope.declare(s.name());     // declared first, so the body can call itself
        Node lambda = lambda(s.function(), s.name(), scope);
        return f -> { f.slots[slot] = lambda.eval(f); return NoneValue.NONE; };
    }

    // ------------------------------------------------------------------ expressions

    Node expression(Expr e, Scope scope) {
        return e.accept(this, scope);
    }

    @Override public Node visitNumber(Expr.Number n, Scope scope) { Object v = n.value(); return f -> v; }
    @Override public Node visitImaginary(Expr.Imaginary n, Scope scope) { Object v = new Complex(0, n.value()); return f -> v; }
    @Override public Node visitStr(Expr.Str s, Scope scope) { Object v = s.value(); return f -> v; }
    @Override public Node visitBool(Expr.Bool b, Scope scope) { Object v = b.value(); return f -> v; }
    @Override public Node visitNoneLit(Expr.NoneLit n, Scope scope) { return f -> NoneValue.NONE; }
    @Override public Node visitKet(Expr.Ket k, Scope scope) { return physics().ket(k, in(scope)); }
    @Override public Node visitVariable(Expr.Variable v, Scope scope) { return variable(v, scope); }

    @Override
    public Node visitNegate(Expr.Negate n, Scope scope) {
        Node operand = expression(n.operand(), scope);
        return f -> Operators.negate(operand.eval(f), n.span());
    }

    @Override
    public Node visitNot(Expr.Not n, Scope scope) {
        Node operand = expression(n.operand(), scope);
        return f -> !Values.truthy(operand.eval(f), n.span());
    }

    @Override public Node visitBinary(Expr.Binary b, Scope scope) { return binary(b, scope); }
    @Override public Node visitLogical(Expr.Logical l, Scope scope) { return logical(l, scope); }
    @Override public Node visitCall(Expr.Call c, Scope scope) { return call(c, scope); }
    @Override public Node visitIndex(Expr.Index i, Scope scope) { return index(i, scope); }

    @Override
    public Node visitField(Expr.Field fe, Scope scope) {
        Node target = expression(fe.target(), scope);
        return f -> Values.field(target.eval(f), fe.name(), fe.span());
    }

    @Override
    public Node visitAdjoint(Expr.Adjoint a, Scope scope) {
        Node target = expression(a.target(), scope);
        return f -> Builtins.adjoint(target.eval(f), a.span());
    }

    @Override
    public Node visitListLit(Expr.ListLit l, Scope scope) {
        Node[] items = expressions(l.items(), scope);
        return f -> {
            Object[] values = new Object[items.length];
            for (int k = 0; k < items.length; k++) values[k] = items[k].eval(f);
            return List.of(values);
        };
    }

    @Override public Node visitMatrixLit(Expr.MatrixLit m, Scope scope) { return physics().matrix(m, in(scope)); }
    @Override public Node visitRange(Expr.Range r, Scope scope) { return range(r, scope); }

    @Override
    public Node visitConditional(Expr.Conditional c, Scope scope) {
        Node cond = expression(c.cond(), scope);
        Node then = expression(c.then(), scope);
        Node otherwise = expression(c.otherwise(), scope);
        return f -> Values.truthy(cond.eval(f), c.cond().span()) ? then.eval(f) : otherwise.eval(f);
    }

    @Override public Node visitLambda(Expr.Lambda l, Scope scope) { return lambda(l, "lambda", scope); }
    @Override public Node visitRun(Expr.Run r, Scope scope) { return physics().run(r, in(scope)); }
    @Override public Node visitPredict(Expr.Predict p, Scope scope) { return physics().predict(p, in(scope)); }
    @Override public Node visitLocality(Expr.Locality l, Scope scope) { return physics().locality(l, in(scope)); }

    Node[] expressions(List<Expr> list, Scope scope) {
        Node[] nodes = new Node[list.size()];
        for (int k = 0; k < nodes.length; k++) nodes[k] = expression(list.get(k), scope);
        return nodes;
    }

    private Node variable(Expr.Variable v, Scope scope) {
        Scope.Resolved local = scope.resolve(v.name());
        if (local != null) {
            int depth = local.depth();
            int slot = local.slot();
            if (depth == 0) return f -> f.slots[slot];
            if (depth == 1) return f -> f.parent.slots[slot];
            return f -> f.up(depth).slots[slot];
        }
        Cell cell = globals.cell(v.name());
        return f -> {
            Object value = cell.value;
            if (value == null) throw interpreter.undefined(v.name(), v.span());
            return value;
        };
    }

    private Node binary(Expr.Binary b, Scope scope) {
        Node left = expression(b.left(), scope);
        Node right = expression(b.right(), scope);
        Span span = b.span();
        Expr.BinaryOp op = b.op();
        // The common real cases get their own closures: no switch, one unboxing each side. A result
        // that is not finite goes the general way, which says whether that is an error (an overflow).
        switch (op) {
            case ADD:
                return f -> {
                    Object x = left.eval(f);
                    Object y = right.eval(f);
                    if (x instanceof Double p && y instanceof Double q) {
                        double sum = p + q;
                        if (Double.isFinite(sum)) return sum;
                    }
                    return Operators.binary(op, x, y, span);
                };
            case MUL:
                return f -> {
                    Object x = left.eval(f);
                    Object y = right.eval(f);
                    if (x instanceof Double p && y instanceof Double q) {
                        double product = p * q;
                        if (Double.isFinite(product)) return product;
                    }
                    return Operators.binary(op, x, y, span);
                };
            case LT:
                return f -> {
                    Object x = left.eval(f);
                    Object y = right.eval(f);
                    return x instanceof Double p && y instanceof Double q ? (Object) (p < q) : Operators.binary(op, x, y, span);
                };
            case TENSOR:
                return f -> {
                    Object x = left.eval(f);
                    Object y = right.eval(f);
                    if (x instanceof Operand p && y instanceof Operand q) {
                        long dimension = p.spaceDimension() * q.spaceDimension();
                        if (p.linearInDimension() && q.linearInDimension()) interpreter.checkSparseDimension(dimension, span, "this tensor product");
                        else interpreter.checkDimension(dimension, span, "this tensor product");
                    }
                    return Operators.binary(op, x, y, span);
                };
            default:
                return f -> Operators.binary(op, left.eval(f), right.eval(f), span);
        }
    }

    private Node logical(Expr.Logical l, Scope scope) {
        Node left = expression(l.left(), scope);
        Node right = expression(l.right(), scope);
        Span ls = l.left().span();
        Span rs = l.right().span();
        if (l.isAnd()) return f -> Values.truthy(left.eval(f), ls) && Values.truthy(right.eval(f), rs);
        return f -> Values.truthy(left.eval(f), ls) || Values.truthy(right.eval(f), rs);
    }

    private Node call(Expr.Call c, Scope scope) {
        Node callee = expression(c.callee(), scope);
        List<Node> positional = new ArrayList<>();
        Map<String, Node> named = new LinkedHashMap<>();
        for (Expr.Argument a : c.arguments()) {
            if (a.name() == null) {
                if (!named.isEmpty()) throw new BeableError(a.span(), "a positional argument cannot follow a named one");
                positional.add(expression(a.value(), scope));
            } else if (named.put(a.name(), namedArgument(a.value(), scope)) != null) {
                throw new BeableError(a.span(), "argument '" + a.name() + "' is given twice");
            }
        }
        Node[] args = positional.toArray(new Node[0]);
        String[] names = named.keySet().toArray(new String[0]);
        Node[] namedValues = named.values().toArray(new Node[0]);
        Span span = c.span();
        // An experiment may share its name with a function (`experiment chsh` and `chsh(r)`): a call means the function.
        String calleeName = c.callee() instanceof Expr.Variable v ? v.name() : null;
        return f -> {
            Object fn = callee.eval(f);
            if (calleeName != null && !(fn instanceof Callable)) fn = interpreter.builtinOr(calleeName, fn);
            Object[] values = new Object[args.length];
            for (int k = 0; k < args.length; k++) values[k] = args[k].eval(f);
            Map<String, Object> namedArgs = names.length == 0 ? Map.of() : new LinkedHashMap<>();
            for (int k = 0; k < names.length; k++) {
                Object value = namedValues[k].eval(f);
                if (value instanceof BareWord word && !(fn instanceof Callable callable && callable.takesWords())) throw interpreter.undefined(word.name(), word.span());
                namedArgs.put(names[k], value);
            }
            return interpreter.invoke(fn, List.of(values), namedArgs, span);
        };
    }

    /**
     * A named argument. An undefined bare name there is kept as a word, so a model can take
     * `formulation = nonlinear`; any other callee reports it as undefined.
     */
    private Node namedArgument(Expr value, Scope scope) {
        if (!(value instanceof Expr.Variable v) || scope.resolve(v.name()) != null) return expression(value, scope);
        Cell cell = globals.cell(v.name());
        BareWord word = new BareWord(v.name(), v.span());
        return f -> cell.value != null ? cell.value : word;
    }

    private Node index(Expr.Index i, Scope scope) {
        Node target = expression(i.target(), scope);
        Node index = expression(i.index(), scope);
        return f -> Builtins.index(target.eval(f), index.eval(f), i.span());
    }

    private Node range(Expr.Range r, Scope scope) {
        Node from = expression(r.from(), scope);
        Node to = expression(r.to(), scope);
        Node step = r.step() == null ? null : expression(r.step(), scope);
        return f -> {
            double a = Values.real(from.eval(f), r.from().span(), "the start of a range");
            double b = Values.real(to.eval(f), r.to().span(), "the end of a range");
            double h = step == null ? 1 : Values.real(step.eval(f), r.step().span(), "a range's step");
            if (h == 0 || Double.isNaN(h)) throw new BeableError(r.span(), "a range's step cannot be 0");
            if (Double.isInfinite(a) || Double.isInfinite(b)) throw new BeableError(r.span(), "a range needs finite ends");
            return new RangeValue(a, b, h);
        };
    }

    Node lambda(Expr.Lambda l, String name, Scope scope) {
        lambdasCompiled++;
        Scope inner = scope.function();
        for (String p : l.params()) inner.declare(p);
        Node body = l.body() != null ? block(l.body(), inner) : expression(l.value(), inner);
        List<String> params = List.copyOf(l.params());
        java.util.function.DoubleUnaryOperator numeric = params.size() == 1 && l.value() != null
                ? NumericLambda.compile(l.value(), params.get(0), globals) : null;
        return f -> new FunctionValue(name, params, body, inner.frameSize(), f).withNumeric(numeric);
    }
}
