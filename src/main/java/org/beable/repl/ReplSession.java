package org.beable.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.beable.concurrent.CancelledException;
import org.beable.interp.InternalFailure;
import org.beable.interp.Interpreter;
import org.beable.interp.NoneValue;
import org.beable.syntax.BeableError;
import org.beable.syntax.Source;

/**
 * What a REPL session is: one interpreter (replaced by `:reset`), the transcript of its
 * successful inputs, and how an input runs. An error is printed and loses nothing defined
 * before it; Ctrl-C's cancellation prints "cancelled"; the session always continues.
 */
final class ReplSession {
    /** A piece of work that may fail with a Beable error or be cancelled. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    private final Supplier<Interpreter> interpreters;
    private final Screen screen;
    private final Transcript transcript = new Transcript();
    private Interpreter interpreter;
    private Map<String, Object> predefined;
    private int entries;

    ReplSession(Supplier<Interpreter> interpreters, Screen screen) {
        this.interpreters = interpreters;
        this.screen = screen;
        reset();
    }

    Interpreter interpreter() {
        return interpreter;
    }

    Transcript transcript() {
        return transcript;
    }

    Screen screen() {
        return screen;
    }

    /** A fresh interpreter with the same options; the transcript starts again. */
    void reset() {
        interpreter = interpreters.get();
        predefined = new HashMap<>();
        for (String name : interpreter.names()) predefined.put(name, interpreter.lookup(name));
        transcript.clear();
    }

    /** Runs an entry typed at the prompt, echoes its value, and records it if it succeeded. */
    boolean evaluate(String text) {
        return evaluate(text, "<repl:" + (++entries) + ">");
    }

    /** {@link #evaluate(String)} with the name errors give the entry ({@code cell[3]} in a notebook). */
    boolean evaluate(String text, String name) {
        boolean[] echoed = {false};
        int[] completed = {0};
        interpreter.setScript("<repl>", transcript.text() + text);
        boolean ok = attempt(() -> {
            Object value = interpreter.run(new Source(name, text), (statement, v) -> completed[0]++);
            if (value != NoneValue.NONE) {
                interpreter.output().print(List.of(value));
                echoed[0] = true;
            }
        });
        if (ok && !text.isBlank()) transcript.addEntry(text, echoed[0]);
        // The statements before the one that failed took effect: the saved script must run them too.
        if (!ok && completed[0] > 0) transcript.add(text, Transcript.completedPart(text, completed[0]));
        return ok;
    }

    /** Runs a file in this session, as `:load` does; `done` hears of each statement that completed. */
    boolean load(Path file, Interpreter.StatementDone done) {
        return attempt(() -> interpreter.runFile(file, done));
    }

    /** Runs work, printing any error; true when it succeeded. */
    boolean attempt(Work work) {
        try {
            work.run();
            return true;
        } catch (BeableError e) {
            screen.error(e.render());
        } catch (CancelledException e) {
            screen.cancelled();
        } catch (IOException e) {
            screen.error("cannot read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            screen.error("out of memory; lower `trials` or the systems' dimension, or give Java more memory (JAVA_OPTS=-Xmx…)");
        } catch (InternalFailure e) {
            screen.error(e.render());
        } catch (RuntimeException e) {
            screen.error("internal error: " + e + "; this is a bug in Beable, not in your input");
        }
        return false;
    }

    /** Names the session defined (or redefined), as opposed to the builtins every session starts with. */
    SortedSet<String> userNames() {
        SortedSet<String> names = new TreeSet<>();
        for (String name : interpreter.names()) {
            if (!predefined.containsKey(name) || predefined.get(name) != interpreter.lookup(name)) names.add(name);
        }
        return names;
    }
}
