package org.beable.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cursor positions in code points (the protocol) against string indices (Java). */
class CodePointsTest {
    @Test
    void positionsAfterASupplementaryCharacterDiffer() {
        String code = "let 𝜓 = 1; sq";
        assertEquals(code.length(), CodePoints.toIndex(code, code.codePointCount(0, code.length())));
        assertEquals(code.length() - 1, CodePoints.toIndex(code, code.codePointCount(0, code.length()) - 1));
        assertEquals(code.codePointCount(0, code.length()), CodePoints.fromIndex(code, code.length()));
        assertEquals(code.length(), CodePoints.toIndex(code, 999));
    }

    @Test
    void theNameUnderTheCursorOrBeforeAnOpenParenthesis() {
        assertEquals("sqrt", CodePoints.nameAt("let s = sqrt(2)", 10));
        assertEquals("sqrt", CodePoints.nameAt("sqrt(", 5));
        assertEquals("chsh", CodePoints.nameAt("print chsh", 10));
        assertEquals("", CodePoints.nameAt("1 + ", 4));
    }
}
