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
 * so evaluation never looks a name up in a map. Statements the experiment layer owns
 * (systems, detectors, experiments, models, run, predict) are delegated to {@link Domain}.
 */
final class Compiler {
    private final Interpreter interpreter;
    private final Globals globals;

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
        if (stmt instanceof Stmt.Let s) return define(s.name(), expression(s.value(), scope), scope);
        if (stmt instanceof Stmt.StateDecl s) {
            Node value = expression(s.value(), scope);
            Span span = s.value().span();
            return define(s.name(), f -> interpreter.domain().requireState(value.eval(f), span, "state " + s.name()), scope);
        }
        if (stmt instanceof Stmt.Assign s) return assign(s, scope);
        if (stmt instanceof Stmt.Print s) return print(s, scope);
        if (stmt instanceof Stmt.Assert s) return assertion(s, scope);
        if (stmt instanceof Stmt.AssertApprox s) return approximately(s, scope);
        if (stmt instanceof Stmt.For s) return forLoop(s, scope);
        if (stmt instanceof Stmt.While s) return whileLoop(s, scope);
        if (stmt instanceof Stmt.If s) return ifStatement(s, scope);
        if (stmt instanceof Stmt.Block s) return block(s, scope.block());
        if (stmt instanceof Stmt.FunctionDecl s) return functionDecl(s, scope);
        if (stmt instanceof Stmt.Return s) {
            Node value = s.value() == null ? f -> NoneValue.NONE : expression(s.value(), scope);
            return f -> { throw new ReturnSignal(value.eval(f)); };
        }
        if (stmt instanceof Stmt.Use s) return f -> { interpreter.use(s); return NoneValue.NONE; };
        if (stmt instanceof Stmt.Seed s) {
            Node value = expression(s.value(), scope);
            return f -> { interpreter.setSeed(Values.integer(value.eval(f), s.span(), "a seed")); return NoneValue.NONE; };
        }
        if (stmt instanceof Stmt.SystemDecl s) {
            Node dim = s.dimension() == null ? f -> 2.0 : expression(s.dimension(), scope);
            return f -> {
                int d = (int) Values.integer(dim.eval(f), s.span(), "a qudit's dimension");
                for (String name : s.names()) globals.define(name, interpreter.domain().declareSystem(name, d, s.span()));
                return NoneValue.NONE;
            };
        }
        if (stmt instanceof Stmt.DetectorDecl s) {
            Node outcomes = s.outcomes() == null ? null : expression(s.outcomes(), scope);
            return define(s.name(), f -> interpreter.domain().declareDetector(s, outcomes == null ? null : outcomes.eval(f)), scope);
        }
        if (stmt instanceof Stmt.ExperimentDecl s) {
            Map<Expr, Node> compiled = new java.util.IdentityHashMap<>();
            for (Stmt.Clause clause : s.clauses()) {
                for (Expr e : ClauseExpressions.of(clause)) compiled.put(e, expression(e, scope));
            }
            return define(s.name(), f -> interpreter.domain().buildExperiment(s, e -> compiled.get(e).eval(f)), scope);
        }
        if (stmt instanceof Stmt.ModelDecl s) {
            Node value = expression(s.value(), scope);
            return define(s.name(), f -> interpreter.domain().requireModel(value.eval(f), s.value().span()), scope);
        }
        if (stmt instanceof Stmt.ExprStmt s && s.expr() instanceof Expr.Locality) {
            Node verdicts = expression(s.expr(), scope);     // a locality statement prints its verdict table
            return f -> { interpreter.output().print(List.of(verdicts.eval(f))); return NoneValue.NONE; };
        }
        if (stmt instanceof Stmt.ExprStmt s) return expression(s.expr(), scope);
        if (stmt instanceof Stmt.Row s) {
            Node[] values = expressions(s.values(), scope);
            return f -> {
                List<Object> evaluated = new ArrayList<>(values.length);
                for (Node v : values) evaluated.add(v.eval(f));
                interpreter.keeping().row(s.table(), s.columns(), evaluated, s.span());
                return NoneValue.NONE;
            };
        }
        if (stmt instanceof Stmt.Plot s) {
            Node path = s.path() == null ? null : expression(s.path(), scope);
            Node title = s.title() == null ? null : expression(s.title(), scope);
            return f -> {
                interpreter.keeping().plot(s.ys(), s.x(), s.table(), path == null ? null : path.eval(f),
                        title == null ? null : title.eval(f), s.span());
                return NoneValue.NONE;
            };
        }
        if (stmt instanceof Stmt.Export s) {
            Node value = expression(s.value(), scope);
            Node path = expression(s.path(), scope);
            return f -> { interpreter.keeping().export(value.eval(f), path.eval(f), s.span()); return NoneValue.NONE; };
        }
        throw new IllegalStateException("unknown statement " + stmt);
    }

    private Node define(String name, Node value, Scope scope) {
        if (scope.definesGlobals()) {
            Cell cell = globals.cell(name);
            return f -> { cell.value = value.eval(f); return NoneValue.NONE; };
        }
        int slot = scope.declare(name);
        return f -> { f.slots[slot] = value.eval(f); return NoneValue.NONE; };
    }

    private Node assign(Stmt.Assign s, Scope scope) {
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
            if (cell.value == null) {
                throw new BeableError(s.span(), "'" + s.name() + "' is not defined", "define it first with `let " + s.name() + " = …`");
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
        String text = sourceText(s.condition().span());
        return f -> {
            if (!Values.truthy(cond.eval(f), s.condition().span())) {
                throw new BeableError(BeableError.Kind.ASSERTION, s.span(), "assertion failed: " + text, null);
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

    private Node forLoop(Stmt.For s, Scope scope) {
        Node items = expression(s.items(), scope);
        Scope inner = scope.block();
        int slot = inner.declare(s.variable());
        Node body = block(s.body(), inner);
        Cancellation cancel = interpreter.cancellation();
        return f -> {
            Object collection = items.eval(f);
            if (collection instanceof RangeValue r) {
                long n = r.count();
                for (long k = 0; k < n; k++) {
                    cancel.throwIfCancelled();
                    f.slots[slot] = r.get(k);
                    body.eval(f);
                }
            } else if (collection instanceof List<?> list) {
                for (Object item : list) {
                    cancel.throwIfCancelled();
                    f.slots[slot] = item;
                    body.eval(f);
                }
            } else {
                throw new BeableError(s.items().span(), "a for loop needs a range or a list, got " + Values.aTypeName(collection),
                        "write `for x in 0 .. 10 { … }` or `for x in [1, 2, 3] { … }`");
            }
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
        if (e instanceof Expr.Number n) { Object v = n.value(); return f -> v; }
        if (e instanceof Expr.Imaginary n) { Object v = new Complex(0, n.value()); return f -> v; }
        if (e instanceof Expr.Str s) { Object v = s.value(); return f -> v; }
        if (e instanceof Expr.Bool b) { Object v = b.value(); return f -> v; }
        if (e instanceof Expr.NoneLit) return f -> NoneValue.NONE;
        if (e instanceof Expr.Ket k) return f -> interpreter.domain().ket(k);
        if (e instanceof Expr.Variable v) return variable(v, scope);
        if (e instanceof Expr.Negate n) {
            Node operand = expression(n.operand(), scope);
            return f -> Operators.negate(operand.eval(f), n.span());
        }
        if (e instanceof Expr.Not n) {
            Node operand = expression(n.operand(), scope);
            return f -> !Values.truthy(operand.eval(f), n.span());
        }
        if (e instanceof Expr.Binary b) return binary(b, scope);
        if (e instanceof Expr.Logical l) return logical(l, scope);
        if (e instanceof Expr.Call c) return call(c, scope);
        if (e instanceof Expr.Index i) return index(i, scope);
        if (e instanceof Expr.Field fe) {
            Node target = expression(fe.target(), scope);
            return f -> interpreter.domain().field(target.eval(f), fe.name(), fe.span());
        }
        if (e instanceof Expr.Adjoint a) {
            Node target = expression(a.target(), scope);
            return f -> Builtins.adjoint(target.eval(f), a.span());
        }
        if (e instanceof Expr.ListLit l) {
            Node[] items = expressions(l.items(), scope);
            return f -> {
                Object[] values = new Object[items.length];
                for (int k = 0; k < items.length; k++) values[k] = items[k].eval(f);
                return List.of(values);
            };
        }
        if (e instanceof Expr.MatrixLit m) return matrix(m, scope);
        if (e instanceof Expr.Range r) return range(r, scope);
        if (e instanceof Expr.Conditional c) {
            Node cond = expression(c.cond(), scope);
            Node then = expression(c.then(), scope);
            Node otherwise = expression(c.otherwise(), scope);
            return f -> Values.truthy(cond.eval(f), c.cond().span()) ? then.eval(f) : otherwise.eval(f);
        }
        if (e instanceof Expr.Lambda l) return lambda(l, "lambda", scope);
        if (e instanceof Expr.Run r) {
            Node experiment = expression(r.experiment(), scope);
            Node model = r.model() == null ? null : expression(r.model(), scope);
            return f -> interpreter.domain().run(experiment.eval(f), model == null ? null : model.eval(f), r);
        }
        if (e instanceof Expr.Locality l) {
            Node experiment = expression(l.experiment(), scope);
            Node model = expression(l.model(), scope);
            Node samples = l.samples() == null ? null : expression(l.samples(), scope);
            return f -> interpreter.domain().locality(experiment.eval(f), model.eval(f), l.given(),
                    samples == null ? null : samples.eval(f), l);
        }
        if (e instanceof Expr.Predict p) {
            Node experiment = expression(p.experiment(), scope);
            Node model = p.model() == null ? null : expression(p.model(), scope);
            return f -> interpreter.domain().predict(experiment.eval(f), model == null ? null : model.eval(f), p);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private Node[] expressions(List<Expr> list, Scope scope) {
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
        // The common real cases get their own closures: no switch, one unboxing each side.
        switch (op) {
            case ADD:
                return f -> {
                    Object x = left.eval(f);
                    Object y = right.eval(f);
                    return x instanceof Double p && y instanceof Double q ? (Object) (p + q) : Operators.binary(op, x, y, span);
                };
            case MUL:
                return f -> {
                    Object x = left.eval(f);
                    Object y = right.eval(f);
                    return x instanceof Double p && y instanceof Double q ? (Object) (p * q) : Operators.binary(op, x, y, span);
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
                    if (x instanceof QValue p && y instanceof QValue q) {
                        interpreter.domain().checkDimension((long) p.dimension() * q.dimension(), span, "this tensor product");
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
                if (value instanceof BareWord word && !(fn instanceof ModelValue)) throw interpreter.undefined(word.name(), word.span());
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

    private Node matrix(Expr.MatrixLit m, Scope scope) {
        List<Node[]> rows = new ArrayList<>();
        for (List<Expr> row : m.rows()) rows.add(expressions(row, scope));
        int cols = rows.get(0).length;
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != cols) {
                throw new BeableError(m.span(), "row " + (r + 1) + " of the matrix has " + rows.get(r).length
                        + " entries, the first row has " + cols);
            }
        }
        return f -> {
            double[][] re = new double[rows.size()][cols];
            double[][] im = new double[rows.size()][cols];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < cols; c++) {
                    Complex z = Values.complex(rows.get(r)[c].eval(f), m.span(), "a matrix entry");
                    re[r][c] = z.getReal();
                    im[r][c] = z.getImaginary();
                }
            }
            return QValue.single(org.beable.quantum.CMatrix.of(re, im));
        };
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
        Scope inner = scope.function();
        for (String p : l.params()) inner.declare(p);
        Node body = l.body() != null ? block(l.body(), inner) : expression(l.value(), inner);
        List<String> params = List.copyOf(l.params());
        java.util.function.DoubleUnaryOperator numeric = params.size() == 1 && l.value() != null
                ? NumericLambda.compile(l.value(), params.get(0), globals) : null;
        return f -> new FunctionValue(name, params, body, inner.frameSize(), f).withNumeric(numeric);
    }
}
