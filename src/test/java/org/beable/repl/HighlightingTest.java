package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Colours come from the lexer's token types. */
class HighlightingTest {
    private static AttributedStyle styleAt(AttributedString text, String of, String source) {
        return text.styleAt(source.indexOf(of));
    }

    @Test
    void keywordsNumbersStringsKetsAndComments() {
        String source = "let psi = 0.5 * |01> + <1| # a \"comment\"\nprint \"hi\", 2i";
        AttributedString text = Highlighting.highlight(source);
        assertEquals(source, text.toString());
        assertEquals(Highlighting.KEYWORD, styleAt(text, "let", source));
        assertEquals(Highlighting.KEYWORD, styleAt(text, "print", source));
        assertEquals(Highlighting.NUMBER, styleAt(text, "0.5", source));
        assertEquals(Highlighting.NUMBER, styleAt(text, "2i", source));
        assertEquals(Highlighting.KET, styleAt(text, "|01>", source));
        assertEquals(Highlighting.KET, styleAt(text, "<1|", source));
        assertEquals(Highlighting.COMMENT, styleAt(text, "# a", source));
        assertEquals(Highlighting.COMMENT, styleAt(text, "comment", source));
        assertEquals(Highlighting.STRING, styleAt(text, "\"hi\"", source));
        assertEquals(AttributedStyle.DEFAULT, styleAt(text, "psi", source));
    }

    @Test
    void aKeywordIsStyledInTheAnsiOutput() {
        String ansi = Highlighting.highlight("for k in 1 .. 3 { }").toAnsi();
        assertNotEquals("for k in 1 .. 3 { }", ansi);
        assertEquals(Highlighting.KEYWORD, Highlighting.highlight("for").styleAt(0));
    }

    @Test
    void errorsAreMarked() {
        String bad = "let x = 1 $ 2";
        assertEquals(Highlighting.ERROR, Highlighting.highlight(bad).styleAt(bad.indexOf('$')));
        String wrong = "let x = 1 2";
        assertEquals(Highlighting.ERROR, Highlighting.highlight(wrong).styleAt(wrong.indexOf('2')));
    }

    @Test
    void unfinishedInputIsNotAnError() {
        String open = "for k in 1 .. 3 {";
        assertEquals(AttributedStyle.DEFAULT, Highlighting.highlight(open).styleAt(open.indexOf('{')));
    }

    @Test
    void charactersBeyondTheBasicPlaneKeepTheirPlace() {
        String source = "print \"😀\", 42";
        AttributedString text = Highlighting.highlight(source);
        assertEquals(Highlighting.NUMBER, styleAt(text, "42", source));
    }

    @Test
    void commandsShowTheirNameAndTimeItsCode() {
        String line = ":time sqrt(2) + 1";
        AttributedString text = Highlighting.highlight(line);
        assertEquals(line, text.toString());
        assertEquals(Highlighting.COMMAND, text.styleAt(0));
        assertEquals(Highlighting.NUMBER, text.styleAt(line.indexOf('1')));
    }
}
