package org.beable.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.beable.syntax.grammar.BeableLexer;
import org.beable.syntax.grammar.BeableParser;

/** Source text to AST: lex, filter newlines, parse, build. Collects every syntax error before failing. */
public final class Parser {
    private Parser() {}

    public static List<Stmt> parse(Source source) {
        ErrorCollector errors = new ErrorCollector(source);
        BeableLexer lexer = new BeableLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        BeableParser parser = new BeableParser(new CommonTokenStream(new NewlineFilter(lexer)));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        BeableParser.ProgramContext tree = parser.program();
        errors.throwIfAny();
        return new AstBuilder(source).program(tree);
    }

    /** The lexer alone, for highlighting and completion in the REPL. */
    public static List<? extends Token> tokens(String text) {
        BeableLexer lexer = new BeableLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer.getAllTokens();
    }

    private static final class ErrorCollector extends BaseErrorListener {
        private final Source source;
        private final List<BeableError> errors = new ArrayList<>();
        private boolean firstAtEnd;

        ErrorCollector(Source source) {
            this.source = source;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                String message, RecognitionException e) {
            Token token = offending instanceof Token t ? t : null;
            if (errors.isEmpty()) firstAtEnd = token != null && token.getType() == Token.EOF;
            int length = token == null || token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
            Span span = new Span(source, line, column + 1, length);
            errors.add(new BeableError(BeableError.Kind.SYNTAX, span, SyntaxMessages.explain(message, token),
                    SyntaxMessages.hint(token)));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) throw new SyntaxErrors(errors, firstAtEnd);
        }
    }
}
