package org.beable.interp;

import org.beable.syntax.Span;

/** An undefined name given as a named argument: a word for a model's text parameter (`rule = toy`). */
public record BareWord(String name, Span span) {}
