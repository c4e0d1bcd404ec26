package org.beable.analysis;

import org.beable.format.Numbers;

/**
 * A number with its standard error: 0 for an exact result, NaN when it cannot be estimated
 * (no trials). {@link #toString()} writes "0.7071 ± 0.0011": the error to two significant
 * digits and the value rounded to the same place; an exact value is written in full.
 */
public record Estimate(double value, double standardError) {

    public static Estimate exact(double value) {
        return new Estimate(value, 0);
    }

    public boolean isExact() {
        return standardError == 0;
    }

    /** The value with the error, rounded for reading (the record keeps full precision). */
    @Override
    public String toString() {
        return Numbers.withError(value, standardError);
    }
}
