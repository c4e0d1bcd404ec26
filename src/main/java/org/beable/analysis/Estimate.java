package org.beable.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.beable.output.Numbers;

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
        if (standardError == 0 || Double.isNaN(value) || Double.isInfinite(value)) return Numbers.format(value);
        if (Double.isNaN(standardError) || Double.isInfinite(standardError)) {
            return Numbers.format(value) + " ± " + Numbers.format(standardError);
        }
        int place = 1 - (int) Math.floor(Math.log10(standardError));   // decimals that keep two digits of the error
        double error = round(standardError, place);
        if (error >= 100 * Math.pow(10, -place)) {                      // 0.0995 rounds up to 0.10: one place fewer
            place--;
            error = round(standardError, place);
        }
        return Numbers.format(round(value, place)) + " ± " + Numbers.format(error);
    }

    private static double round(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
