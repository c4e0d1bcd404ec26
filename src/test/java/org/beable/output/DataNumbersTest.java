package org.beable.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers in data files read back exactly, in the shortest form; columns have one type. */
class DataNumbersTest {

    @Test
    void everyDoubleReadsBackAsItself() {
        SplittableRandom random = new SplittableRandom(13);
        for (int k = 0; k < 200_000; k++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(x) || Double.isInfinite(x)) continue;
            String text = DataNumbers.text(x);
            assertEquals(x, Double.parseDouble(text), text);
            assertTrue(text.length() <= Double.toString(x).length(), () -> text + " is longer than " + Double.toString(x));
        }
    }

    @Test
    void shortestWhereJava17IsNot() {
        // Java 17's Double.toString gives 9.999999999999999E22 and 2.82879384806159008E17 here
        assertEquals("1.0E23", DataNumbers.text(1e23));
        assertEquals("2.82879384806159E17", DataNumbers.text(2.82879384806159E17));
        assertEquals("0.30000000000000004", DataNumbers.text(0.1 + 0.2));
        assertEquals("1.5707963267948966", DataNumbers.text(Math.PI / 2));
    }

    @Test
    void integersHaveNoPointAndSpecialValuesAreMissingOrInf() {
        assertEquals("3", DataNumbers.text(3));
        assertEquals("-9007199254740991", DataNumbers.text(-(0x1p53 - 1)));
        assertEquals("9.007199254740992E15", DataNumbers.text(0x1p53));
        assertEquals("", DataNumbers.text(Double.NaN));
        assertEquals("inf", DataNumbers.text(Double.POSITIVE_INFINITY));
        assertEquals("-inf", DataNumbers.text(Double.NEGATIVE_INFINITY));
        assertTrue(DataNumbers.json(Double.NaN).isNull());
        assertEquals("1E+999", DataNumbers.json(Double.POSITIVE_INFINITY).toString());
        assertEquals("0.1", DataNumbers.json(0.1).toString());
    }

    @Test
    void aColumnHasOneType() {
        Rows rows = new Rows("table", Map.of(), List.of("x", "flag", "mixed", "empty"), List.of(
                java.util.Arrays.asList(1.0, true, 2.0, null),
                java.util.Arrays.asList(null, false, "two", null),
                java.util.Arrays.asList(3L, null, 0.5, null)));
        assertEquals(List.of(Rows.NUMBER, Rows.BOOLEAN, Rows.STRING, Rows.NUMBER), rows.types());
        assertEquals("\"2\"", JsonExport.cell(2.0, Rows.STRING).toString(), "a number in a string column is a string");
        assertTrue(JsonExport.cell(null, Rows.STRING).isNull());
    }
}
