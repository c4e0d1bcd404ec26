package org.beable.cli;

import java.io.PrintStream;
import java.util.List;
import org.beable.interp.Interpreter;


import org.beable.output.Version;
import org.beable.syntax.BeableError;

/** An interpreter with the output it prints to: text as it goes, or one JSON document at the end. */
final class Session {
    private final Interpreter interpreter;
    private final JsonOutput json;

    private Session(Interpreter interpreter, JsonOutput json) {
        this.interpreter = interpreter;
        this.json = json;
    }

    static Session text(Interpreter.Options options, PrintStream out) {
        return new Session(new Interpreter(options, new TextOutput(out)), null);
    }

    static Session csv(Interpreter.Options options, PrintStream out) {
        return new Session(new Interpreter(options, new CsvOutput(out)), null);
    }

    static Session json(Interpreter.Options options, PrintStream out) {
        JsonOutput json = new JsonOutput(out);
        return new Session(new Interpreter(options, json), json);
    }

    Interpreter interpreter() {
        return interpreter;
    }

    /** The value of an expression entered at the prompt or with -e. */
    void echo(Object value) {
        interpreter.output().print(List.of(value));
    }

    /** Writes the JSON document (with the error, if the script failed); text output is already written. */
    void finish(BeableError error) {
        if (json != null) json.finish(Version.current(), interpreter.seed(), error == null ? null : error.render());
    }
}
