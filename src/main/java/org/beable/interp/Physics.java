package org.beable.interp;

import java.util.List;
import org.beable.syntax.BeableError;
import org.beable.syntax.Expr;
import org.beable.syntax.Stmt;

/**
 * The meaning of the nodes the language core does not own: the ones that name systems, states,
 * detectors, experiments, models and the results kept from them. The compiler hands each such
 * node here, with a {@link Compilation} for its sub-expressions; one binding installs the
 * physics of a session ({@link Interpreter#bind(Physics)}).
 */
public interface Physics {
    Node system(Stmt.SystemDecl node, Compilation compilation);
    Node state(Stmt.StateDecl node, Compilation compilation);
    Node detector(Stmt.DetectorDecl node, Compilation compilation);
    Node experiment(Stmt.ExperimentDecl node, Compilation compilation);
    Node model(Stmt.ModelDecl node, Compilation compilation);
    Node modelBlock(Stmt.ModelBlock node, Compilation compilation);
    Node row(Stmt.Row node, Compilation compilation);
    Node plot(Stmt.Plot node, Compilation compilation);
    Node export(Stmt.Export node, Compilation compilation);

    Node ket(Expr.Ket node, Compilation compilation);
    Node matrix(Expr.MatrixLit node, Compilation compilation);
    Node run(Expr.Run node, Compilation compilation);
    Node predict(Expr.Predict node, Compilation compilation);
    Node locality(Expr.Locality node, Compilation compilation);
    /** `locality e under m` written as a statement: its verdict table is printed. */
    Node localityStatement(Expr.Locality node, Compilation compilation);

    /**
     * The error a detector declared on a name that is not a system gets, given the systems
     * declared before it (for the static check, which runs nothing); the running script raises the same.
     */
    BeableError notASystem(Stmt.DetectorDecl node, List<String> systems);
}
