package org.beable.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** Every syntax error of one source, reported together. */
public final class SyntaxErrors extends BeableError {
    private final List<BeableError> errors;
    private final boolean atEndOfInput;

    SyntaxErrors(List<BeableError> errors, boolean atEndOfInput) {
        super(Kind.SYNTAX, errors.get(0).span(), errors.get(0).getMessage(), errors.get(0).hint());
        this.errors = List.copyOf(errors);
        this.atEndOfInput = atEndOfInput;
    }

    public List<BeableError> errors() { return errors; }

    /** True when the first error is that the input ended early: the REPL reads another line. */
    public boolean atEndOfInput() { return atEndOfInput; }

    @Override
    public String render() {
        return errors.stream().map(BeableError::render).collect(Collectors.joining("\n"));
    }
}
