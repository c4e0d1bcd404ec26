package org.beable.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.beable.interp.NoneValue;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;
import org.beable.syntax.SyntaxErrors;

/**
 * `beable` without a file. Piped input runs as one batch script (first error: exit 1). At a
 * terminal, a line-by-line session: definitions persist, expressions echo their value, an
 * entry left open (a brace, a bracket) reads more lines, and an error never ends the session.
 */
final class Repl {
    private Repl() {}

    static int start(Session session, InputStream in, PrintStream out, PrintStream err) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (System.console() == null) return batch(session, reader, err);
        out.println("Beable " + Version.current() + " — type an expression, `quit` or Ctrl-D to leave");
        StringBuilder entry = new StringBuilder();
        int number = 1;
        try {
            while (true) {
                out.print(entry.length() == 0 ? "beable> " : "   ...> ");
                out.flush();
                String line = reader.readLine();
                if (line == null) break;
                if (entry.length() == 0 && (line.trim().equals("quit") || line.trim().equals(":quit"))) break;
                entry.append(line).append('\n');
                try {
                    Object value = session.interpreter().run(new Source("<repl:" + number + ">", entry.toString()));
                    if (value != NoneValue.NONE) session.echo(value);
                } catch (SyntaxErrors e) {
                    if (e.atEndOfInput()) continue;
                    err.println(e.render());
                } catch (BeableError e) {
                    err.println(e.render());
                }
                entry.setLength(0);
                number++;
            }
        } catch (IOException e) {
            err.println("beable: " + e.getMessage());
            return Main.SCRIPT_ERROR;
        }
        return Main.OK;
    }

    private static int batch(Session session, BufferedReader reader, PrintStream err) {
        try {
            StringBuilder text = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) text.append(line).append('\n');
            session.interpreter().run(new Source("<stdin>", text.toString()));
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
