package org.beable.syntax;

import java.util.List;

/** Expressions. Every node carries the span it was parsed from. */
public sealed interface Expr {
    Span span();

    <R, C> R accept(Visitor<R, C> visitor, C context);

    /**
     * Dispatch over expressions, with a context (a scope, say) passed along. One method per node
     * kind: a kind added to this family without a method here, and in every visitor, does not compile.
     */
    interface Visitor<R, C> {
        R visitNumber(Number node, C context);
        R visitImaginary(Imaginary node, C context);
        R visitStr(Str node, C context);
        R visitBool(Bool node, C context);
        R visitNoneLit(NoneLit node, C context);
        R visitKet(Ket node, C context);
        R visitVariable(Variable node, C context);
        R visitNegate(Negate node, C context);
        R visitNot(Not node, C context);
        R visitBinary(Binary node, C context);
        R visitLogical(Logical node, C context);
        R visitCall(Call node, C context);
        R visitIndex(Index node, C context);
        R visitField(Field node, C context);
        R visitAdjoint(Adjoint node, C context);
        R visitListLit(ListLit node, C context);
        R visitMatrixLit(MatrixLit node, C context);
        R visitRange(Range node, C context);
        R visitConditional(Conditional node, C context);
        R visitLambda(Lambda node, C context);
        R visitRun(Run node, C context);
        R visitPredict(Predict node, C context);
        R visitLocality(Locality node, C context);
    }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), TENSOR("⊗"), POW("^"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;
        BinaryOp(String symbol) { this.symbol = symbol; }
    }

    record Number(Span span, double value) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitNumber(this, context); }
    }
    record Imaginary(Span span, double value) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitImaginary(this, context); }
    }
    record Str(Span span, String value) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitStr(this, context); }
    }
    record Bool(Span span, boolean value) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitBool(this, context); }
    }
    record NoneLit(Span span) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitNoneLit(this, context); }
    }
    /** |01>, |0,2>, |+>, |-> and the matching bras. levels is null for |+> and |->. */
    record Ket(Span span, int[] levels, String label, boolean bra) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitKet(this, context); }
    }
    record Variable(Span span, String name) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitVariable(this, context); }
    }
    record Negate(Span span, Expr operand) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitNegate(this, context); }
    }
    record Not(Span span, Expr operand) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitNot(this, context); }
    }
    record Binary(Span span, BinaryOp op, Expr left, Expr right) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitBinary(this, context); }
    }
    record Logical(Span span, boolean isAnd, Expr left, Expr right) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitLogical(this, context); }
    }
    record Call(Span span, Expr callee, List<Argument> arguments) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitCall(this, context); }
    }
    record Argument(Span span, String name, Expr value) {}
    record Index(Span span, Expr target, Expr index) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitIndex(this, context); }
    }
    record Field(Span span, Expr target, String name) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitField(this, context); }
    }
    record Adjoint(Span span, Expr target) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitAdjoint(this, context); }
    }
    record ListLit(Span span, List<Expr> items) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitListLit(this, context); }
    }
    record MatrixLit(Span span, List<List<Expr>> rows) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitMatrixLit(this, context); }
    }
    record Range(Span span, Expr from, Expr to, Expr step) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitRange(this, context); }
    }
    record Conditional(Span span, Expr cond, Expr then, Expr otherwise) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitConditional(this, context); }
    }
    /** A function literal; exactly one of body (a block) and value (an expression) is set. */
    record Lambda(Span span, List<String> params, Stmt.Block body, Expr value) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitLambda(this, context); }
    }
    record Run(Span span, Expr experiment, Expr model) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitRun(this, context); }
    }
    record Predict(Span span, Expr experiment, Expr model) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitPredict(this, context); }
    }
    /** `locality e under m given a, b samples n`; given is empty for "all the model's beables", samples may be null. */
    record Locality(Span span, Expr experiment, Expr model, List<String> given, Expr samples) implements Expr {
        @Override public <R, C> R accept(Visitor<R, C> visitor, C context) { return visitor.visitLocality(this, context); }
    }
}
