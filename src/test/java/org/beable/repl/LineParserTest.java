package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** Completeness decided by the real grammar: unfinished asks for more, wrong is complete. */
class LineParserTest {
    private final LineParser parser = new LineParser();

    private ParsedLine accept(String text) {
        return parser.parse(text, text.length(), ParseContext.ACCEPT_LINE);
    }

    @Test
    void openBlocksBracketsAndOperatorsAskForMore() {
        for (String text : new String[] {"for k in 1 .. 3 {", "fn f(x) {\n  x", "let v = [1, 2,", "print sqrt(2", "let s = 1 +",
                "experiment e {\n  prepare |0>", "let x = 1 \\"}) {
            assertThrows(EOFError.class, () -> accept(text), text);
        }
    }

    @Test
    void completeAndWrongInputsAreAccepted() {
        for (String text : new String[] {"let x = 1", "for k in 1 .. 3 {\n  print k\n}", "", "# only a comment", "let x = 1 2",
                "let = 3", "print )", ":help", ":load some file", "let v = 1 +\n\n"}) {
            assertEquals(text, accept(text).line(), text);
        }
    }

    @Test
    void theEofErrorCountsOpenBrackets() {
        EOFError e = assertThrows(EOFError.class, () -> accept("for k in [1] {\n  let v = [1, (2"));
        assertEquals(3, e.getOpenBrackets());
        assertEquals(")", e.getNextClosingBracket());
    }

    @Test
    void theWordIsTheNameUnderTheCursor() {
        ParsedLine line = parser.parse("print sqr + 1", 9, ParseContext.COMPLETE);
        assertEquals("sqr", line.word());
        assertEquals(3, line.wordCursor());
        line = parser.parse("print (", 7, ParseContext.COMPLETE);
        assertEquals("", line.word());
    }

    @Test
    void commandArgumentsAreBlankSeparatedWords() {
        ParsedLine line = parser.parse(":load examples/ch", 17, ParseContext.COMPLETE);
        assertEquals(1, line.wordIndex());
        assertEquals("examples/ch", line.word());
        line = parser.parse(":save ", 6, ParseContext.COMPLETE);
        assertEquals(1, line.wordIndex());
        assertEquals("", line.word());
        line = parser.parse(":he", 3, ParseContext.COMPLETE);
        assertEquals(0, line.wordIndex());
        assertEquals(":he", line.word());
    }

    @Test
    void incompleteIsAQuestionTheGrammarAnswers() {
        assertTrue(LineParser.isIncomplete("while true {"));
        assertFalse(LineParser.isIncomplete("while true { }"));
    }
}
