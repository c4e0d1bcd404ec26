package org.beable.syntax;

import java.util.List;

/** Expressions. Every node carries the span it was parsed from. */
public sealed interface Expr {
    Span span();

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), TENSOR("⊗"), POW("^"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;
        BinaryOp(String symbol) { this.symbol = symbol; }
    }

    record Number(Span span, double value) implements Expr {}
    record Imaginary(Span span, double value) implements Expr {}
    record Str(Span span, String value) implements Expr {}
    record Bool(Span span, boolean value) implements Expr {}
    record NoneLit(Span span) implements Expr {}
    /** |01>, |0,2>, |+>, |-> and the matching bras. levels is null for |+> and |->. */
    record Ket(Span span, int[] levels, String label, boolean bra) implements Expr {}
    record Variable(Span span, String name) implements Expr {}
    record Negate(Span span, Expr operand) implements Expr {}
    record Not(Span span, Expr operand) implements Expr {}
    record Binary(Span span, BinaryOp op, Expr left, Expr right) implements Expr {}
    record Logical(Span span, boolean isAnd, Expr left, Expr right) implements Expr {}
    record Call(Span span, Expr callee, List<Argument> arguments) implements Expr {}
    record Argument(Span span, String name, Expr value) {}
    record Index(Span span, Expr target, Expr index) implements Expr {}
    record Field(Span span, Expr target, String name) implements Expr {}
    record Adjoint(Span span, Expr target) implements Expr {}
    record ListLit(Span span, List<Expr> items) implements Expr {}
    record MatrixLit(Span span, List<List<Expr>> rows) implements Expr {}
    record Range(Span span, Expr from, Expr to, Expr step) implements Expr {}
    record Conditional(Span span, Expr cond, Expr then, Expr otherwise) implements Expr {}
    /** A function literal; exactly one of body (a block) and value (an expression) is set. */
    record Lambda(Span span, List<String> params, Stmt.Block body, Expr value) implements Expr {}
    record Run(Span span, Expr experiment, Expr model) implements Expr {}
    record Predict(Span span, Expr experiment, Expr model) implements Expr {}
    /** `locality e under m given a, b samples n`; given is empty for "all the model's beables", samples may be null. */
    record Locality(Span span, Expr experiment, Expr model, List<String> given, Expr samples) implements Expr {}
}
