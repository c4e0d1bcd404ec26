package org.beable.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.beable.syntax.grammar.BeableLexer;
import org.beable.syntax.grammar.BeableParser;

/**
 * Source text to AST: lex, filter newlines, check the nesting, parse, build. Collects every syntax
 * error before failing and reports them in source order.
 *
 * <p>Parsing is two-stage, as ANTLR recommends for speed: the fast SLL prediction first, which is
 * linear on every valid script we know of, and full LL (with error recovery and messages) only
 * when SLL gives up — on a script with a syntax error, or the rare input SLL cannot decide.
 */
public final class Parser {
    private Parser() {}

    public static List<Stmt> parse(Source source) {
        ErrorCollector errors = new ErrorCollector(source);
        BeableLexer lexer = new BeableLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(new NewlineFilter(lexer));
        tokens.fill();
        Nesting nesting = Nesting.of(source, tokens.getTokens());
        BeableParser parser = new BeableParser(tokens);
        parser.removeErrorListeners();
        BeableParser.ProgramContext tree = errors.any() ? null : fastParse(parser);
        if (tree == null) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(errors);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.program();
        }
        errors.throwIfAny(nesting);
        return new AstBuilder(source).program(tree);
    }

    /** The SLL stage: a tree, or null when it bails out (a syntax error, or SLL cannot decide). */
    private static BeableParser.ProgramContext fastParse(BeableParser parser) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.program();
        } catch (ParseCancellationException e) {
            return null;
        }
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
        /** The error at the end of input, if any: the input may simply be unfinished. */
        private BeableError atEnd;

        ErrorCollector(Source source) {
            this.source = source;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column,
                                String message, RecognitionException e) {
            Token token = offending instanceof Token t ? t : null;
            int length = token == null || token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
            Span span = new Span(source, line, column + 1, length);
            BeableError error = new BeableError(BeableError.Kind.SYNTAX, span, SyntaxMessages.explain(message, token),
                    SyntaxMessages.hint(token, previous(recognizer, token)));
            if (token != null && token.getType() == Token.EOF && atEnd == null) atEnd = error;
            errors.add(error);
        }

        /** The token before the offending one on the default channel, or null. */
        private static Token previous(Recognizer<?, ?> recognizer, Token token) {
            if (token == null || !(recognizer instanceof BeableParser parser)) return null;
            org.antlr.v4.runtime.TokenStream stream = parser.getInputStream();
            for (int k = token.getTokenIndex() - 1; k >= 0; k--) {
                Token t = stream.get(k);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) return t;
            }
            return null;
        }

        boolean any() {
            return !errors.isEmpty();
        }

        /**
         * Throws the errors in source order. When the input ends inside a bracket, the error is shown
         * at the bracket left open instead of at the end, where there is nothing to see.
         */
        void throwIfAny(Nesting nesting) {
            if (errors.isEmpty()) return;
            List<BeableError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt((BeableError e) -> e.span().line()).thenComparingInt(e -> e.span().column()));
            boolean firstAtEnd = sorted.get(0) == atEnd;
            if (atEnd != null && nesting.unclosed() != null) {
                sorted.remove(atEnd);
                sorted.add(nesting.unclosed());
                sorted.sort(Comparator.comparingInt((BeableError e) -> e.span().line()).thenComparingInt(e -> e.span().column()));
            }
            throw new SyntaxErrors(sorted, firstAtEnd);
        }
    }
}
