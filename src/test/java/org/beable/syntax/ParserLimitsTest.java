package org.beable.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Large and deep inputs: parsing stays linear, and nesting past the limit is refused before parsing. */
class ParserLimitsTest {

    /** 10⁵ terms: with a quadratic step anywhere (ANTLR's ctx.child(i) in a loop took 8.8 s for 5·10⁴) this runs for minutes. */
    @Test
    void aHundredThousandTermSumParsesToOneLeftLeaningChain() {
        String sum = "print " + String.join(" + ", java.util.Collections.nCopies(100_000, "1"));
        List<Stmt> program = Parser.parse(new Source("big", sum));
        assertEquals(1, program.size());
        Expr e = ((Stmt.Print) program.get(0)).values().get(0);
        int terms = 1;
        while (e instanceof Expr.Binary b) {
            terms++;
            e = b.left();
        }
        assertEquals(100_000, terms);
    }

    /** 10⁵ blank and comment lines: NewlineFilter looked ahead past the whole run at every newline (22 s). */
    @Test
    void aHundredThousandBlankAndCommentLinesAreReadOnce() {
        String text = "let x = 1\n" + "\n# a comment\n".repeat(50_000) + "print x\n";
        List<Stmt> program = Parser.parse(new Source("blank", text));
        assertEquals(2, program.size());
        assertEquals(100_002, program.get(1).span().line());
    }

    @Test
    void anElseAfterBlankAndCommentLinesStillBelongsToItsIf() {
        List<Stmt> program = Parser.parse(new Source("else", "if true { print 1 }\n\n# why\n\nelse { print 2 }\nprint 3\n"));
        assertEquals(2, program.size());
        assertTrue(program.get(0) instanceof Stmt.If);
    }

    @Test
    void bracketsNestedPastTheLimitAreRefusedAtTheFirstTooDeepBracket() {
        String deep = "let x = " + "[".repeat(50_000) + "1" + "]".repeat(50_000);
        SyntaxErrors e = assertThrows(SyntaxErrors.class, () -> Parser.parse(new Source("deep", deep)));
        assertEquals("brackets nested more than " + Nesting.LIMIT + " deep", e.getMessage());
        assertEquals(9 + Nesting.LIMIT, e.span().column());
        assertEquals(1, e.errors().size());
    }

    /** Through the command line, which parses on its large-stack thread (a test thread's stack is smaller). */
    @Test
    void nestingUpToTheLimitParsesAndRuns() {
        String deep = "print " + "(".repeat(Nesting.LIMIT) + "1" + ")".repeat(Nesting.LIMIT);
        org.beable.golden.InProcess.Result r = org.beable.golden.InProcess.run("-e", deep);
        assertEquals("1\n", r.out(), r::describe);
    }

    @Test
    void anUnclosedBracketStillCountsAsUnfinishedInputForTheRepl() {
        SyntaxErrors e = assertThrows(SyntaxErrors.class, () -> Parser.parse(new Source("<repl>", "let v = [1, 2,")));
        assertTrue(e.atEndOfInput());
        assertEquals("this [ is never closed", e.getMessage());
    }
}
