package org.beable.syntax;

import java.util.List;

/** Statements. Every node carries the span it was parsed from. */
public sealed interface Stmt {
    Span span();

    <R, C> R accept(Visitor<R, C> visitor, C context);

    /**
     * Dispatch over statements, with a context (a scope, say) passed along. One method per node
     * kind: a kind added to this family without a method here, and in every visitor, does not compile.
     */
    interface Visitor<R, C> {
        R visitBlock(Block node, C context);
        R visitLet(Let node, C context);
        R visitStateDecl(StateDecl node, C context);
        R visitAssign(Assign node, C context);
        R visitPrint(Print node, C context);
        R visitAssert(Assert node, C context);
        R visitAssertApprox(AssertApprox node, C context);
        R visitFor(For node, C context);
        R visitWhile(While node, C context);
        R visitSweep(Sweep node, C context);
        R visitIf(If node, C context);
        R visitFunctionDecl(FunctionDecl node, C context);
        R visitReturn(Return node, C context);
        R visitUse(Use node, C context);
        R visitSeed(Seed node, C context);
        R visitSystemDecl(SystemDecl node, C context);
        R visitDetectorDecl(DetectorDecl node, C context);
        R visitExperimentDecl(ExperimentDecl node, C context);
        R visitModelDecl(ModelDecl node, C context);
        R visitModelBlock(ModelBlock node, C context);
        R visitExprStmt(ExprStmt node, C context);
        R visitRow(Row node, C context);
        R visitPlot(Plot node, C context);
        R visitExport(Export node, C context);
    }

    record Block(Span span, List<Stmt> statements) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitBlock(this, context); }
    }
    record Let(Span span, String name, Expr value) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitLet(this, context); }
    }
    record StateDecl(Span span, String name, Expr value) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitStateDecl(this, context); }
    }
    record Assign(Span span, String name, Expr value) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitAssign(this, context); }
    }
    record Print(Span span, List<Expr> values) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitPrint(this, context); }
    }
    record Assert(Span span, Expr condition) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitAssert(this, context); }
    }
    record AssertApprox(Span span, Expr actual, Expr expected, Expr tolerance) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitAssertApprox(this, context); }
    }
    record For(Span span, String variable, Expr items, Block body) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitFor(this, context); }
    }
    record While(Span span, Expr condition, Block body) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitWhile(this, context); }
    }
    /** otherwise is null, a Block, or another If. */
    /**
     * `sweep a in xs, b in ys { … }`: the body once per cell of the product of the axes, cells
     * independent of each other (they may run in parallel, in shards or elsewhere).
     */
    record Sweep(Span span, List<Axis> axes, Block body) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitSweep(this, context); }
    }
    /** One axis of a sweep: `a in xs`, or `a, b in pairs` (each item a list of as many parts as names). */
    record Axis(Span span, List<String> names, Expr items) {}
    record If(Span span, Expr condition, Block then, Stmt otherwise) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitIf(this, context); }
    }
    record FunctionDecl(Span span, String name, Expr.Lambda function) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitFunctionDecl(this, context); }
    }
    record Return(Span span, Expr value) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitReturn(this, context); }
    }
    /** exactly one of module and path is set. */
    record Use(Span span, String module, String path) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitUse(this, context); }
    }
    record Seed(Span span, Expr value) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitSeed(this, context); }
    }
    /** dimension is null for a qubit. */
    record SystemDecl(Span span, List<String> names, Expr dimension) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitSystemDecl(this, context); }
    }
    /** noClick, when given, is an extra outcome no measurement produces (probability 0 in quantum mechanics) for models with detection inefficiency. */
    record DetectorDecl(Span span, String name, String system, Span systemSpan, Expr measurement, Expr outcomes, Expr noClick) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitDetectorDecl(this, context); }
    }
    record ExperimentDecl(Span span, String name, List<Clause> clauses) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitExperimentDecl(this, context); }
    }
    record ModelDecl(Span span, String name, Expr value) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitModelDecl(this, context); }
    }
    /** `model NAME { hidden … ~ …; outcome D = … }`: an ontological model written in the script. */
    record ModelBlock(Span span, String name, List<ModelClause> clauses) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitModelBlock(this, context); }
    }
    record ExprStmt(Span span, Expr expr) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitExprStmt(this, context); }
    }
    /** `row [into t] name = value, …`: a row of named columns, appended to a table (default `results`). */
    record Row(Span span, String table, List<String> columns, List<Expr> values) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitRow(this, context); }
    }
    /** `plot y1, y2 vs x [from t] [to "file.svg"] [title "…"]`; path null means a text plot on the terminal. */
    record Plot(Span span, List<String> ys, String x, String table, Expr path, Expr title) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitPlot(this, context); }
    }
    record Export(Span span, Expr value, Expr path) implements Stmt {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitExport(this, context); }
    }

    /** The clauses of a `model { … }` block. */
    sealed interface ModelClause {
        Span span();
    }
    /** `hidden NAME ~ DISTRIBUTION [given a, b]`; given lists the settings the distribution may read. */
    record Hidden(Span span, String name, Expr distribution, List<String> given) implements ModelClause {}
    /** `outcome D = EXPR` (drawn false) or `outcome D ~ discrete([…], […])` (drawn true). */
    record Outcome(Span span, String detector, Span detectorSpan, Expr rule, boolean drawn) implements ModelClause {}

    /** The clauses of an `experiment` block. */
    sealed interface Clause {
        Span span();

        <R, C> R accept(ClauseVisitor<R, C> visitor, C context);
    }

    /** Dispatch over the clauses of an experiment block; a clause kind without a method does not compile. */
    interface ClauseVisitor<R, C> {
        R visitPrepare(Prepare node, C context);
        R visitEvolve(Evolve node, C context);
        R visitMeasure(Measure node, C context);
        R visitSettings(Settings node, C context);
        R visitChoose(Choose node, C context);
        R visitTrials(Trials node, C context);
        R visitSystems(Systems node, C context);
    }

    record Prepare(Span span, Expr state) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitPrepare(this, context); }
    }
    record Evolve(Span span, Expr hamiltonian, Expr time) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitEvolve(this, context); }
    }
    record Measure(Span span, List<String> detectors, List<Span> spans) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitMeasure(this, context); }
    }
    record Settings(Span span, List<SettingDecl> settings) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitSettings(this, context); }
    }
    /** values lists the set literal's items (null for `none`); or, when values is null, source is an expression giving the list. */
    record SettingDecl(Span span, String name, List<Expr> values, Expr source) {}
    record Choose(Span span, String mechanism, Expr rule) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitChoose(this, context); }
    }
    record Trials(Span span, Expr count) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitTrials(this, context); }
    }
    /** `systems q1, q2`: the declared systems this experiment acts on, in this order (all of them when absent). */
    record Systems(Span span, List<String> names, List<Span> spans) implements Clause {
        @Override public <R, C> R accept(ClauseVisitor<R, C> visitor, C context) { return visitor.visitSystems(this, context); }
    }
}
