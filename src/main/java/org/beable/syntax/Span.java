package org.beable.syntax;

/** Where a node or an error sits in its source: 1-based line and column, length in characters. */
public record Span(Source source, int line, int column, int length) {

    public static Span unknown(Source source) {
        return new Span(source, 0, 0, 0);
    }

    public String location() {
        return line > 0 ? source.name() + ":" + line + ":" + column : source.name();
    }
}
