package org.beable.interp;

import java.util.Collection;
import java.util.function.Predicate;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** The two messages about a name nobody defined, written once for the running script and the static check alike. */
public final class Undefined {
    private Undefined() {}

    /**
     * A name read but never defined, with the closest defined name as a hint, unless that name is
     * a detector spelt the same but for case: `b` beside a detector `B` is by convention its
     * setting, not a misspelt detector.
     */
    public static BeableError read(String name, Span span, Collection<String> defined, Predicate<String> isDetector) {
        String suggestion = Suggestions.closest(name, defined);
        if (suggestion != null && suggestion.equalsIgnoreCase(name) && isDetector.test(suggestion)) {
            return new BeableError(span, "'" + name + "' is not defined",
                    "if '" + name + "' is a setting, declare it in the experiment: `settings " + name + " in {…}`; else define it with `let " + name + " = …`");
        }
        return new BeableError(span, "'" + name + "' is not defined",
                suggestion != null ? "did you mean '" + suggestion + "'?" : "define it with `let " + name + " = …`");
    }

    /** `name = …` for a name no `let` made: assignment does not create names. */
    public static BeableError assigned(String name, Span span) {
        return new BeableError(span, "'" + name + "' is not defined", "define it first with `let " + name + " = …`");
    }
}
