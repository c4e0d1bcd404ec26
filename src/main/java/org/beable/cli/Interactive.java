package org.beable.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.beable.interp.NoneValue;
import org.beable.output.Version;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.beable.syntax.Stmt;

/**
 * `beable` without a file. Piped input (no console) runs as one batch script: no prompts, no
 * colours, no terminal at all, and the first error stops it with exit 1. At a terminal, the
 * JLine REPL of {@link org.beable.repl.Repl}. As at the prompt, a bare expression prints its value.
 */
final class Interactive {
    private Interactive() {}

    static int start(Session session, InputStream in, PrintStream out, PrintStream err) {
        if (System.console() == null) {
            return batch(session, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), err);
        }
        return org.beable.repl.Repl.start(session.interpreter().options(), TextOutput::new, "Beable " + Version.current());
    }

    private static int batch(Session session, BufferedReader reader, PrintStream err) {
        try {
            StringBuilder text = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) text.append(line).append('\n');
            // A bare expression prints its value, as at the prompt (`echo '1+1' | beable` prints 2).
            session.interpreter().run(new Source("<stdin>", text.toString()), (statement, value) -> {
                if (statement instanceof Stmt.ExprStmt && value != NoneValue.NONE) session.echo(value);
            });
            session.finish(null);
            return Main.OK;
        } catch (BeableError e) {
            session.finish(e);
            err.println(e.render());
            return Main.SCRIPT_ERROR;
        } catch (IOException e) {
            err.println("beable: " + e.getMessage());
            return Main.SCRIPT_ERROR;
        }
    }
}
