package org.beable.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beable.format.Table;
import org.junit.jupiter.api.Test;

class EstimateAndTableTest {

    @Test
    void estimateRoundsTheValueToTheErrorsSecondDigit() {
        assertEquals("0.7071 ± 0.0011", new Estimate(0.70710678, 0.00113).toString());
        assertEquals("-0.7071 ± 0.0011", new Estimate(-0.70710678, 0.00113).toString());
        assertEquals("2.83 ± 0.1", new Estimate(2.8284271, 0.0996).toString());
        assertEquals("1235 ± 12", new Estimate(1234.5678, 12.3).toString());
    }

    @Test
    void exactEstimateIsWrittenInFull() {
        assertEquals("0.7071067812", Estimate.exact(Math.sqrt(0.5)).toString());
        assertEquals("0.5", new Estimate(0.5, 0).toString());
        assertTrue(Estimate.exact(1).isExact());
        assertEquals("nan", new Estimate(Double.NaN, Double.NaN).toString());
    }

    @Test
    void tableAlignsNumbersRightAndTextLeft() {
        Table t = new Table(List.of("name", "value", "note")).title("demo");
        t.row("alpha", "1", "x");
        t.row("b", "-0.25", "longer note");
        t.row("c", "0.5 ± 0.01");
        String expected = """
                demo
                name        value  note
                ─────  ──────────  ───────────
                alpha           1  x
                b           -0.25  longer note
                c      0.5 ± 0.01
                """;
        assertEquals(expected, t.render());
        assertEquals(List.of("name", "value", "note"), t.header());
        assertEquals(List.of("c", "0.5 ± 0.01", ""), t.rows().get(2));
        assertEquals("demo", t.title());
    }

    @Test
    void tableRejectsRowsWiderThanTheHeader() {
        Table t = new Table(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> t.row("1", "2"));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().add(List.of("x")));
    }

    @Test
    void numericCellsAreRecognised() {
        assertTrue(Table.isNumeric("1.5e-7"));
        assertTrue(Table.isNumeric("nan"));
        assertTrue(Table.isNumeric("-inf"));
        assertTrue(Table.isNumeric("2 ± 0.1"));
        assertFalse(Table.isNumeric("a=0"));
        assertFalse(Table.isNumeric("pi/4"));
        assertFalse(Table.isNumeric(""));
    }
}
