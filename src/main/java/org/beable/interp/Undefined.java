package org.beable.interp;

import java.util.Collection;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** The two messages about a name nobody defined, written once for the running script and the static check alike. */
public final class Undefined {
    private Undefined() {}

    /** A name read but never defined, with the closest defined name as a hint. */
    public static BeableError read(String name, Span span, Collection<String> defined) {
        String suggestion = Suggestions.closest(name, defined);
        return new BeableError(span, "'" + name + "' is not defined",
                suggestion != null ? "did you mean '" + suggestion + "'?" : "define it with `let " + name + " = …`");
    }

    /** `name = …` for a name no `let` made: assignment does not create names. */
    public static BeableError assigned(String name, Span span) {
        return new BeableError(span, "'" + name + "' is not defined", "define it first with `let " + name + " = …`");
    }
}
