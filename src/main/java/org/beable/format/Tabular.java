package org.beable.format;

/** A result that prints as a table: analyses, predictions, runs. */
public interface Tabular {
    Table toTable();
}
