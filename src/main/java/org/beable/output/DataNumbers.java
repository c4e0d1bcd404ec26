package org.beable.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/**
 * Numbers in data files, exact: a double read back from its text is the same double. Java 17's
 * Double.toString is not always the shortest such text (1e23 comes out as 9.999999999999999E22),
 * so non-integers go through Jackson's Schubfach writer, which is. Integers below 2^53 are written
 * without a decimal point. NaN is a missing value (empty in CSV, null in JSON); infinity is "inf"
 * in CSV (pandas and R read it) and the out-of-range number 1E+999 in JSON, which JSON readers turn
 * into infinity, so a column keeps one type.
 */
public final class DataNumbers {
    private static final double EXACT_INTEGERS = 0x1p53;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigDecimal OVERFLOW = new BigDecimal("1E+999");

    private DataNumbers() {}

    /** The shortest text that reads back as x; "" for NaN, "inf" / "-inf" for infinities. */
    public static String text(double x) {
        if (Double.isNaN(x)) return "";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == Math.rint(x) && Math.abs(x) < EXACT_INTEGERS) return Long.toString((long) x);
        return NumberOutput.toString(x, true);
    }

    /** x as a JSON number: null for NaN, ±1E+999 for infinities, integers as integers. */
    public static JsonNode json(double x) {
        if (Double.isNaN(x)) return NODES.nullNode();
        if (Double.isInfinite(x)) return NODES.numberNode(x > 0 ? OVERFLOW : OVERFLOW.negate());
        if (x == Math.rint(x) && Math.abs(x) < EXACT_INTEGERS) return NODES.numberNode((long) x);
        return NODES.numberNode(x);
    }
}
