package org.beable.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.beable.syntax.grammar.BeableBaseVisitor;

import org.beable.syntax.grammar.BeableParser.*;

/** Builds the AST from the parse tree: one visit method per labelled alternative, nothing else. */
final class AstBuilder {
    private final Source source;
    private final StatementVisitor statements = new StatementVisitor();
    private final ExpressionVisitor expressions = new ExpressionVisitor();
    private final ClauseVisitor clauses = new ClauseVisitor();
    private final ModelClauseVisitor modelClauses = new ModelClauseVisitor();

    AstBuilder(Source source) {
        this.source = source;
    }

    List<Stmt> program(ProgramContext ctx) {
        return statementList(ctx.statement());
    }

    private List<Stmt> statementList(List<StatementContext> contexts) {
        List<Stmt> list = new ArrayList<>(contexts.size());
        for (StatementContext c : contexts) list.add(statements.visit(c));
        return list;
    }

    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int length = stop != null && stop.getLine() == start.getLine()
                ? Math.max(1, stop.getStopIndex() - start.getStartIndex() + 1)
                : Math.max(1, start.getText().length());
        return new Span(source, start.getLine(), start.getCharPositionInLine() + 1, length);
    }

    private Span span(Token token) {
        return new Span(source, token.getLine(), token.getCharPositionInLine() + 1, Math.max(1, token.getText().length()));
    }

    /** From the start of one span to the end of another (just the first, if they are on different lines). */
    private static Span cover(Span from, Span to) {
        if (from.line() != to.line()) return from;
        return new Span(from.source(), from.line(), from.column(), to.column() + to.length() - from.column());
    }

    private Expr expr(ParserRuleContext ctx) {
        return ctx == null ? null : expressions.visit(ctx);
    }

    private Stmt.Block block(BlockContext ctx) {
        return new Stmt.Block(span(ctx), statementList(ctx.statement()));
    }

    /** Parameter names: each a name that is not reserved, none twice. */
    private List<String> names(ParamsContext ctx) {
        List<String> names = new ArrayList<>();
        if (ctx == null) return names;
        for (IdentContext id : ctx.ident()) {
            String name = name(id);
            if (names.contains(name)) {
                throw new BeableError(BeableError.Kind.SYNTAX, span(id), "parameter '" + name + "' is declared twice",
                        "give each parameter its own name");
            }
            names.add(name);
        }
        return names;
    }

    /** Words kept for statements Beable may gain; a name that is one of them would break then. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("break", "continue");

    /** A name as written, unless it is a reserved word. */
    private String name(ParserRuleContext id) {
        String text = id.getText();
        if (RESERVED.contains(text)) {
            throw new BeableError(BeableError.Kind.SYNTAX, span(id), "'" + text + "' is a reserved word, not a name",
                    "Beable has no " + text + " statement; end a loop with its condition (`while`), and choose another name");
        }
        return text;
    }

    private static String unquote(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length() - 1) {
                char next = literal.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private final class StatementVisitor extends BeableBaseVisitor<Stmt> {
        @Override public Stmt visitLet(LetContext c) { return new Stmt.Let(span(c), name(c.name), expr(c.value)); }
        @Override public Stmt visitStateDecl(StateDeclContext c) { return new Stmt.StateDecl(span(c), name(c.name), expr(c.value)); }
        @Override public Stmt visitAssign(AssignContext c) { return new Stmt.Assign(span(c), name(c.target), expr(c.value)); }

        @Override public Stmt visitPrint(PrintContext c) {
            List<Expr> values = new ArrayList<>();
            for (ExprContext e : c.expr()) values.add(expr(e));
            return new Stmt.Print(span(c), values);
        }

        @Override public Stmt visitAssert(AssertContext c) { return new Stmt.Assert(span(c), expr(c.cond)); }

        @Override public Stmt visitAssertApprox(AssertApproxContext c) {
            return new Stmt.AssertApprox(span(c), expr(c.lhs), expr(c.rhs), expr(c.tol));
        }

        @Override public Stmt visitFor(ForContext c) {
            return new Stmt.For(span(c), name(c.var), expr(c.items), block(c.body));
        }

        @Override public Stmt visitWhile(WhileContext c) { return new Stmt.While(span(c), expr(c.cond), block(c.body)); }

        @Override public Stmt visitSweep(SweepContext c) {
            List<Stmt.Axis> axes = new ArrayList<>();
            for (SweepAxisContext axis : c.sweepAxis()) {
                axes.add(new Stmt.Axis(span(axis), axis.names.stream().map(n -> n.getText()).toList(), expr(axis.items)));
            }
            return new Stmt.Sweep(span(c), axes, block(c.body));
        }
        @Override public Stmt visitIf(IfContext c) { return ifStatement(c.ifStatement()); }

        private Stmt ifStatement(IfStatementContext c) {
            Stmt otherwise = c.elseIf != null ? ifStatement(c.elseIf) : c.otherwise != null ? block(c.otherwise) : null;
            return new Stmt.If(span(c), expr(c.cond), block(c.then), otherwise);
        }

        @Override public Stmt visitFunctionDecl(FunctionDeclContext c) {
            Expr.Lambda function = new Expr.Lambda(span(c), names(c.params()),
                    c.body != null ? block(c.body) : null, expr(c.value));
            return new Stmt.FunctionDecl(span(c), name(c.name), function);
        }

        @Override public Stmt visitReturn(ReturnContext c) { return new Stmt.Return(span(c), expr(c.value)); }

        @Override public Stmt visitUse(UseContext c) {
            return c.module != null ? new Stmt.Use(span(c), c.module.getText(), null)
                                    : new Stmt.Use(span(c), null, unquote(c.path.getText()));
        }

        @Override public Stmt visitSeed(SeedContext c) { return new Stmt.Seed(span(c), expr(c.value)); }

        @Override public Stmt visitSystemDecl(SystemDeclContext c) {
            List<String> names = new ArrayList<>();
            for (IdentContext id : c.ident()) names.add(id.getText());
            Expr dimension = c.systemType() instanceof QuditContext q ? expr(q.dim) : null;
            return new Stmt.SystemDecl(span(c), names, dimension);
        }

        @Override public Stmt visitDetectorDecl(DetectorDeclContext c) {
            return new Stmt.DetectorDecl(span(c), c.name.getText(), c.system.getText(), span(c.system),
                    expr(c.measurement), expr(c.outcomes), expr(c.noclick));
        }

        @Override public Stmt visitExperimentDecl(ExperimentDeclContext c) {
            List<Stmt.Clause> list = new ArrayList<>();
            for (ExperimentClauseContext clause : c.experimentClause()) list.add(clauses.visit(clause));
            return new Stmt.ExperimentDecl(span(c), c.name.getText(), list);
        }

        @Override public Stmt visitModelDecl(ModelDeclContext c) { return new Stmt.ModelDecl(span(c), c.name.getText(), expr(c.value)); }

        @Override public Stmt visitModelBlock(ModelBlockContext c) {
            List<Stmt.ModelClause> list = new ArrayList<>();
            for (ModelClauseContext clause : c.modelClause()) list.add(modelClauses.visit(clause));
            return new Stmt.ModelBlock(span(c), c.name.getText(), list);
        }
        @Override public Stmt visitTableRow(TableRowContext c) {
            List<String> columns = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (ColumnContext column : c.column()) {
                columns.add(column.name.getText());
                values.add(expr(column.value));
            }
            return new Stmt.Row(span(c), c.table == null ? null : c.table.getText(), columns, values);
        }

        @Override public Stmt visitPlot(PlotContext c) {
            List<String> ys = new ArrayList<>();
            for (IdentContext y : c.ys) ys.add(y.getText());
            return new Stmt.Plot(span(c), ys, c.x.getText(), c.table == null ? null : c.table.getText(), expr(c.path), expr(c.title));
        }

        @Override public Stmt visitExport(ExportContext c) { return new Stmt.Export(span(c), expr(c.value), expr(c.path)); }

        @Override public Stmt visitExprStatement(ExprStatementContext c) { return new Stmt.ExprStmt(span(c), expr(c.expr())); }
    }

    private final class ModelClauseVisitor extends BeableBaseVisitor<Stmt.ModelClause> {
        @Override public Stmt.ModelClause visitHiddenClause(HiddenClauseContext h) {
            return new Stmt.Hidden(span(h), h.name.getText(), expr(h.distribution), h.given.stream().map(g -> g.getText()).toList());
        }

        @Override public Stmt.ModelClause visitOutcomeValue(OutcomeValueContext o) {
            return new Stmt.Outcome(span(o), o.detector.getText(), span(o.detector), expr(o.value), false);
        }

        @Override public Stmt.ModelClause visitOutcomeDrawn(OutcomeDrawnContext o) {
            return new Stmt.Outcome(span(o), o.detector.getText(), span(o.detector), expr(o.distribution), true);
        }
    }

    private final class ClauseVisitor extends BeableBaseVisitor<Stmt.Clause> {
        @Override public Stmt.Clause visitPrepare(PrepareContext c) { return new Stmt.Prepare(span(c), expr(c.state)); }
        @Override public Stmt.Clause visitEvolve(EvolveContext c) { return new Stmt.Evolve(span(c), expr(c.hamiltonian), expr(c.time)); }

        @Override public Stmt.Clause visitMeasure(MeasureContext c) {
            List<String> names = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (IdentContext id : c.ident()) {
                names.add(id.getText());
                spans.add(span(id));
            }
            return new Stmt.Measure(span(c), names, spans);
        }

        @Override public Stmt.Clause visitSettings(SettingsContext c) {
            List<Stmt.SettingDecl> list = new ArrayList<>();
            for (SettingDeclContext d : c.settingDecl()) {
                List<Expr> values = null;
                if (d.values != null) {
                    values = new ArrayList<>();
                    for (SetItemContext item : d.values.setItem()) values.add(item.expr() == null ? null : expr(item.expr()));
                }
                list.add(new Stmt.SettingDecl(span(d), d.name.getText(), values, expr(d.expr())));
            }
            return new Stmt.Settings(span(c), list);
        }

        @Override public Stmt.Clause visitChoose(ChooseContext c) {
            ChoiceContext choice = c.choice();
            String mechanism = choice instanceof ChooseAllContext ? "all" : choice instanceof ChooseRandomContext ? "random" : "by";
            Expr rule = choice instanceof ChooseByContext by ? expr(by.chooser) : null;
            return new Stmt.Choose(span(c), mechanism, rule);
        }

        @Override public Stmt.Clause visitTrials(TrialsContext c) { return new Stmt.Trials(span(c), expr(c.count)); }

        @Override public Stmt.Clause visitSystems(SystemsContext c) {
            List<String> names = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (IdentContext id : c.ident()) {
                names.add(id.getText());
                spans.add(span(id));
            }
            return new Stmt.Systems(span(c), names, spans);
        }
    }

    private final class ExpressionVisitor extends BeableBaseVisitor<Expr> {
        @Override public Expr visitConditional(ConditionalContext c) {
            return new Expr.Conditional(span(c), expr(c.cond), expr(c.then), expr(c.otherwise));
        }

        @Override public Expr visitLambda(LambdaContext c) {
            return new Expr.Lambda(span(c), names(c.params()), c.block() != null ? block(c.block()) : null, expr(c.body));
        }

        @Override public Expr visitShortLambda(ShortLambdaContext c) {
            return new Expr.Lambda(span(c), List.of(c.param.getText()), null, expr(c.body));
        }

        @Override public Expr visitRun(RunContext c) { return new Expr.Run(span(c), expr(c.experiment), expr(c.model)); }
        @Override public Expr visitPredict(PredictContext c) { return new Expr.Predict(span(c), expr(c.experiment), expr(c.model)); }
        /** `load PATH [for EXPERIMENT]` is the call load(PATH[, EXPERIMENT]) of the builtin that reads measured counts. */
        @Override public Expr visitLoad(LoadContext c) {
            List<Expr.Argument> arguments = new ArrayList<>();
            arguments.add(new Expr.Argument(span(c.path), null, expr(c.path)));
            if (c.experiment != null) arguments.add(new Expr.Argument(span(c.experiment), null, expr(c.experiment)));
            return new Expr.Call(span(c), new Expr.Variable(span(c.start), "load"), arguments);
        }

        @Override public Expr visitLocality(LocalityContext c) {
            List<String> given = new ArrayList<>();
            for (BeableContext b : c.beables) given.add(b.getText());
            return new Expr.Locality(span(c), expr(c.experiment), expr(c.model), given, expr(c.samples));
        }

        @Override public Expr visitPlain(PlainContext c) { return visit(c.range()); }

        @Override public Expr visitRange(RangeContext c) {
            Expr from = visit(c.from);
            return c.to == null ? from : new Expr.Range(span(c), from, visit(c.to), c.step == null ? null : visit(c.step));
        }

        @Override public Expr visitOrExpr(OrExprContext c) {
            List<AndExprContext> operands = c.andExpr();   // fetched once: ctx.andExpr(i) walks the children each time
            Expr result = visit(operands.get(0));
            for (int i = 1; i < operands.size(); i++) {
                result = new Expr.Logical(span(c), false, result, visit(operands.get(i)));
            }
            return result;
        }

        @Override public Expr visitAndExpr(AndExprContext c) {
            List<NotExprContext> operands = c.notExpr();
            Expr result = visit(operands.get(0));
            for (int i = 1; i < operands.size(); i++) {
                result = new Expr.Logical(span(c), true, result, visit(operands.get(i)));
            }
            return result;
        }

        @Override public Expr visitNotExpr(NotExprContext c) {
            return c.comparison() != null ? visit(c.comparison()) : new Expr.Not(span(c), visit(c.notExpr()));
        }

        @Override public Expr visitComparison(ComparisonContext c) {
            Expr left = visit(c.lhs);
            if (c.rhs == null) return left;
            Expr right = visit(c.rhs);
            return new Expr.Binary(cover(left.span(), right.span()), comparisonOp(c.op.getText()), left, right);
        }

        private Expr.BinaryOp comparisonOp(String text) {
            return switch (text) {
                case "==" -> Expr.BinaryOp.EQ;
                case "!=" -> Expr.BinaryOp.NE;
                case "<" -> Expr.BinaryOp.LT;
                case "<=" -> Expr.BinaryOp.LE;
                case ">" -> Expr.BinaryOp.GT;
                default -> Expr.BinaryOp.GE;
            };
        }

        @Override public Expr visitAdditive(AdditiveContext c) {
            List<MultiplicativeContext> terms = c.multiplicative();   // once: ctx.multiplicative(i) is a linear search
            Expr result = visit(terms.get(0));
            for (int i = 0; i < c.op.size(); i++) {
                Token op = c.op.get(i);
                Expr right = visit(terms.get(i + 1));
                result = new Expr.Binary(cover(result.span(), right.span()),
                        op.getText().equals("+") ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB, result, right);
            }
            return result;
        }

        @Override public Expr visitMultiplicative(MultiplicativeContext c) {
            List<UnaryContext> factors = c.unary();
            Expr result = visit(factors.get(0));
            for (int i = 0; i < c.op.size(); i++) {
                Token op = c.op.get(i);
                Expr.BinaryOp kind = switch (op.getText()) {
                    case "*" -> Expr.BinaryOp.MUL;
                    case "/" -> Expr.BinaryOp.DIV;
                    case "%" -> Expr.BinaryOp.MOD;
                    default -> Expr.BinaryOp.TENSOR;
                };
                Expr right = visit(factors.get(i + 1));
                result = new Expr.Binary(cover(result.span(), right.span()), kind, result, right);
            }
            return result;
        }

        @Override public Expr visitUnary(UnaryContext c) {
            if (c.power() != null) return visit(c.power());
            Expr operand = visit(c.unary());
            return c.op.getText().equals("-") ? new Expr.Negate(span(c), operand) : operand;
        }

        @Override public Expr visitPower(PowerContext c) {
            Expr base = visit(c.base);
            return c.exponent == null ? base : new Expr.Binary(span(c), Expr.BinaryOp.POW, base, visit(c.exponent));
        }

        @Override public Expr visitAtom(AtomContext c) { return visit(c.primary()); }

        @Override public Expr visitCall(CallContext c) {
            List<Expr.Argument> args = new ArrayList<>();
            if (c.arguments() != null) {
                boolean given = false;
                for (ParseTree child : c.arguments().children) {
                    if (child instanceof TerminalNode t) {
                        given |= t.getText().equals("|");
                        continue;
                    }
                    ArgumentContext a = (ArgumentContext) child;
                    if (given && a.name == null) {
                        throw new BeableError(span(a), "after | (given) only named arguments may follow, as in A = +1 | B = -1",
                                "the condition names detectors and their outcomes: hidden_prob(e, m, A = +1 | B = -1, a = 0, b = 0)");
                    }
                    // A named argument after | reaches the function as "|name": the condition of a conditional probability.
                    String name = a.name == null ? null : (given ? "|" : "") + a.name.getText();
                    args.add(new Expr.Argument(span(a), name, expr(a.value)));
                }
            }
            return new Expr.Call(span(c), visit(c.postfix()), args);
        }

        @Override public Expr visitIndex(IndexContext c) { return new Expr.Index(span(c), visit(c.postfix()), expr(c.index)); }
        @Override public Expr visitField(FieldContext c) { return new Expr.Field(span(c), visit(c.postfix()), c.ident().getText()); }
        @Override public Expr visitAdjoint(AdjointContext c) { return new Expr.Adjoint(span(c), visit(c.postfix())); }

        @Override public Expr visitNumber(NumberContext c) { return new Expr.Number(span(c), literal(c.getText(), span(c))); }

        /** A number as written; one too large for a double (1e400) is refused rather than read as ∞. */
        private double literal(String text, Span span) {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new BeableError(BeableError.Kind.SYNTAX, span, "the number " + text + " is too large (beyond 1.8e308)",
                        "write `inf` for infinity");
            }
            return value;
        }

        @Override public Expr visitImaginaryNumber(ImaginaryNumberContext c) {
            String text = c.getText();
            return new Expr.Imaginary(span(c), literal(text.substring(0, text.length() - 1), span(c)));
        }

        @Override public Expr visitString(StringContext c) { return new Expr.Str(span(c), unquote(c.getText())); }
        @Override public Expr visitBoolean(BooleanContext c) { return new Expr.Bool(span(c), c.getText().equals("true")); }
        @Override public Expr visitNoneValue(NoneValueContext c) { return new Expr.NoneLit(span(c)); }
        @Override public Expr visitVariable(VariableContext c) { return new Expr.Variable(span(c), name(c)); }
        @Override public Expr visitParens(ParensContext c) { return visit(c.expr()); }
        @Override public Expr visitKet(KetContext c) { return ket(c.KET(), false); }
        @Override public Expr visitBra(BraContext c) { return ket(c.BRA(), true); }

        private Expr ket(TerminalNode node, boolean bra) {
            String text = node.getText();
            String label = text.substring(1, text.length() - 1);
            int[] levels = null;
            if (!label.equals("+") && !label.equals("-")) {
                String[] parts = label.contains(",") ? label.split(",") : label.split("");
                levels = new int[parts.length];
                for (int i = 0; i < parts.length; i++) levels[i] = Integer.parseInt(parts[i]);
            }
            return new Expr.Ket(span(node.getSymbol()), levels, label, bra);
        }

        @Override public Expr visitListOrMatrix(ListOrMatrixContext c) {
            if (c.semicolons.isEmpty()) {
                List<Expr> items = new ArrayList<>();
                if (!c.rows.isEmpty()) for (ExprContext e : c.rows.get(0).expr()) items.add(expr(e));
                return new Expr.ListLit(span(c), items);
            }
            List<List<Expr>> rows = new ArrayList<>();
            for (RowContext row : c.rows) {
                List<Expr> cells = new ArrayList<>();
                for (ExprContext e : row.expr()) cells.add(expr(e));
                rows.add(cells);
            }
            return new Expr.MatrixLit(span(c), rows);
        }
    }

}
