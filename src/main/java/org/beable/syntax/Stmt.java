package org.beable.syntax;

import java.util.List;

/** Statements. Every node carries the span it was parsed from. */
public sealed interface Stmt {
    Span span();

    record Block(Span span, List<Stmt> statements) implements Stmt {}
    record Let(Span span, String name, Expr value) implements Stmt {}
    record StateDecl(Span span, String name, Expr value) implements Stmt {}
    record Assign(Span span, String name, Expr value) implements Stmt {}
    record Print(Span span, List<Expr> values) implements Stmt {}
    record Assert(Span span, Expr condition) implements Stmt {}
    record AssertApprox(Span span, Expr actual, Expr expected, Expr tolerance) implements Stmt {}
    record For(Span span, String variable, Expr items, Block body) implements Stmt {}
    record While(Span span, Expr condition, Block body) implements Stmt {}
    /** otherwise is null, a Block, or another If. */
    record If(Span span, Expr condition, Block then, Stmt otherwise) implements Stmt {}
    record FunctionDecl(Span span, String name, Expr.Lambda function) implements Stmt {}
    record Return(Span span, Expr value) implements Stmt {}
    /** exactly one of module and path is set. */
    record Use(Span span, String module, String path) implements Stmt {}
    record Seed(Span span, Expr value) implements Stmt {}
    /** dimension is null for a qubit. */
    record SystemDecl(Span span, List<String> names, Expr dimension) implements Stmt {}
    record DetectorDecl(Span span, String name, String system, Span systemSpan, Expr measurement, Expr outcomes) implements Stmt {}
    record ExperimentDecl(Span span, String name, List<Clause> clauses) implements Stmt {}
    record ModelDecl(Span span, String name, Expr value) implements Stmt {}
    record ExprStmt(Span span, Expr expr) implements Stmt {}
    /** `row [into t] name = value, …`: a row of named columns, appended to a table (default `results`). */
    record Row(Span span, String table, List<String> columns, List<Expr> values) implements Stmt {}
    /** `plot y1, y2 vs x [from t] [to "file.svg"] [title "…"]`; path null means a text plot on the terminal. */
    record Plot(Span span, List<String> ys, String x, String table, Expr path, Expr title) implements Stmt {}
    record Export(Span span, Expr value, Expr path) implements Stmt {}

    /** The clauses of an `experiment` block. */
    sealed interface Clause {
        Span span();
    }
    record Prepare(Span span, Expr state) implements Clause {}
    record Evolve(Span span, Expr hamiltonian, Expr time) implements Clause {}
    record Measure(Span span, List<String> detectors, List<Span> spans) implements Clause {}
    record Settings(Span span, List<SettingDecl> settings) implements Clause {}
    /** values lists the set literal's items (null for `none`); or, when values is null, source is an expression giving the list. */
    record SettingDecl(Span span, String name, List<Expr> values, Expr source) {}
    record Choose(Span span, String mechanism, Expr rule) implements Clause {}
    record Trials(Span span, Expr count) implements Clause {}
}
