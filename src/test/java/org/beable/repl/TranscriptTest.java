package org.beable.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How inputs become the lines of a saved script. */
class TranscriptTest {
    @Test
    void anEchoedEntryPrintsItsLastStatement() {
        assertEquals("print 1 + 2", Transcript.printingLast("1 + 2"));
        assertEquals("let x = 2; print x * 3  # six", Transcript.printingLast("let x = 2; x * 3  # six"));
        assertEquals("let v = [1,\n  2]\nprint v[0] +\n  v[1]", Transcript.printingLast("let v = [1,\n  2]\nv[0] +\n  v[1]"));
    }

    @Test
    void anEntryWhoseLastStatementIsNoExpressionIsKept() {
        assertEquals("let x = 1", Transcript.printingLast("let x = 1"));
    }

    @Test
    void entriesAreSavedInOrderAfterAHeader() {
        Transcript t = new Transcript();
        t.addEntry("let x = 1", false);
        t.add(":seed 5", "seed 5");
        t.addEntry("x", true);
        assertTrue(t.render().startsWith("# "));
        assertTrue(t.render().endsWith("let x = 1\nseed 5\nprint x\n"), t.render());
        assertEquals(":seed 5", t.entries().get(1).input());
    }

    @Test
    void aLoadedFileIsInlinedUnlessItUsesFilesByRelativePaths() {
        Path file = Path.of("/some/dir/lib.beable");
        assertEquals("# :load /some/dir/lib.beable\nlet a = 1\n", Commands.loadedScript(file, "let a = 1"));
        assertEquals("# :load /some/dir/lib.beable\nuse bell\n", Commands.loadedScript(file, "use bell\n"));
        assertEquals("use \"/some/dir/lib.beable\"\n", Commands.loadedScript(file, "use \"other.beable\"\nlet a = 1\n"));
    }
}
