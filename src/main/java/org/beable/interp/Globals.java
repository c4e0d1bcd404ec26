package org.beable.interp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * The top-level environment: builtins first, then everything a script or REPL session defines.
 * Synchronized because sweep cells on several threads may compile a function (a detector's
 * expression) while others look names up; compiled code reads a cell's value without the map.
 */
final class Globals {
    private final Map<String, Cell> cells = new LinkedHashMap<>();

    synchronized Cell cell(String name) {
        return cells.computeIfAbsent(name, Cell::new);
    }

    synchronized boolean isDefined(String name) {
        Cell c = cells.get(name);
        return c != null && c.value != null;
    }

    synchronized Object get(String name) {
        Cell c = cells.get(name);
        return c == null ? null : c.value;
    }

    synchronized void define(String name, Object value) {
        cell(name).value = value;
    }

    synchronized SortedSet<String> definedNames() {
        SortedSet<String> names = new TreeSet<>();
        cells.forEach((name, cell) -> { if (cell.value != null) names.add(name); });
        return names;
    }
}
