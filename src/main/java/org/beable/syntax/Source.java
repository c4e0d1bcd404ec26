package org.beable.syntax;

/** A named piece of Beable text: a file, a REPL entry or a `-e` expression. */
public record Source(String name, String text) {

    /** The text of a 1-based line, without its line terminator ("" past the end). */
    public String line(int line) {
        String[] lines = text.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
