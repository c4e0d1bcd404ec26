package org.beable.interp;

/** A compiled expression or statement: the AST turned into a closure, walked once at compile time. */
@FunctionalInterface
public interface Node {
    Object eval(Frame frame);
}
