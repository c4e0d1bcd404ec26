package org.beable.output;

import org.beable.format.Numbers;
/** A number with its standard error (0 for an exact value): a table cell that plots with an error bar. */
public record Measured(double value, double standardError) {
    @Override
    public String toString() {
        return Numbers.withError(value, standardError);
    }
}
