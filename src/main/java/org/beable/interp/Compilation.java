package org.beable.interp;

import java.util.List;
import org.beable.syntax.Expr;

/** What a {@link Physics} may ask of the compiler while it compiles one of its nodes: its sub-expressions and its definitions, in the node's scope. */
public interface Compilation {
    Node expression(Expr expression);

    Node[] expressions(List<Expr> expressions);

    /** Defines a name in the node's scope (a global at top level, a local inside a block) to the value of a node. */
    Node define(String name, Node value);

    Interpreter interpreter();
}
