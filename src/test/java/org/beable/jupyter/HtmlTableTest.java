package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.beable.format.Table;
import org.junit.jupiter.api.Test;

/** The HTML table holds the terminal table's cells, escaped, numbers right-aligned. */
class HtmlTableTest {
    @Test
    void cellsAreEscapedAndNumericColumnsRightAligned() {
        Table table = new Table("P(A, B) <exact>", java.util.List.of("outcome", "p")).row("a<b & c", "0.5").row("x", "0.25 ± 0.01");
        assertEquals("""
                <table class="beable">
                <caption style="text-align:left">P(A, B) &lt;exact&gt;</caption>
                <thead><tr><th style="text-align:left">outcome</th><th style="text-align:right">p</th></tr></thead>
                <tbody>
                <tr><td style="text-align:left">a&lt;b &amp; c</td><td style="text-align:right">0.5</td></tr>
                <tr><td style="text-align:left">x</td><td style="text-align:right">0.25 ± 0.01</td></tr>
                </tbody>
                </table>""", HtmlTable.of(table));
    }
}
