package org.beable.interp;

/** A global variable. Compiled code holds the cell itself, so reading a global is one field load. */
final class Cell {
    final String name;
    Object value;   // null while undefined

    Cell(String name) {
        this.name = name;
    }
}
