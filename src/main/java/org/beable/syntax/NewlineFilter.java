package org.beable.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.beable.syntax.grammar.BeableLexer;

/**
 * Drops the newlines that cannot end a statement, so the grammar can treat NL as a plain
 * separator: newlines inside ( ) and [ ], newlines after a token that needs a right operand
 * (an operator, a comma, `=`), and newlines before `else`, so `}` + newline + `else` still reads
 * as one if statement.
 */
final class NewlineFilter implements TokenSource {
    private static final Set<String> CONTINUES = Set.of(
            "+", "-", "*", "/", "%", "^", "⊗", "=", "==", "!=", "<", "<=", ">", ">=", "and", "or", "&&", "||",
            "not", "!", ",", "..", "=>", "≈", "~=", "~", "within", "step", "under", "then", "else", "in", "(", "[");

    private final BeableLexer lexer;
    /** Tokens read ahead; those before `head` are already handed on (kept linear: no remove(0)). */
    private final List<Token> pending = new ArrayList<>();
    private int head;
    private int depth;
    private Token previous;
    /**
     * Whether an `else` follows the current run of newlines: the same for every newline of the run,
     * so it is looked up once per run (looking ahead at each newline was quadratic in blank lines).
     */
    private Boolean elseAhead;

    NewlineFilter(BeableLexer lexer) {
        this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token token = next();
            if (token.getChannel() != Token.DEFAULT_CHANNEL) return token;
            if (token.getType() == BeableLexer.NL) {
                if (depth > 0 || continues(previous)) continue;
                if (elseAhead == null) elseAhead = elseFollows();
                if (elseAhead) continue;
            } else {
                elseAhead = null;
            }
            track(token);
            previous = token;
            return token;
        }
    }

    private Token next() {
        if (head == pending.size()) {
            pending.clear();
            head = 0;
            return lexer.nextToken();
        }
        return pending.get(head++);
    }

    private void track(Token token) {
        String text = token.getText();
        if (text.equals("(") || text.equals("[")) depth++;
        else if ((text.equals(")") || text.equals("]")) && depth > 0) depth--;
        else if (text.equals("{") || text.equals("}")) depth = 0;   // a block resets: stray brackets stay local
    }

    private static boolean continues(Token token) {
        return token != null && token.getType() != BeableLexer.STRING && CONTINUES.contains(token.getText());
    }

    /** Looks past further newlines and hidden tokens for an `else`, buffering what it reads. */
    private boolean elseFollows() {
        for (int k = 0; ; k++) {
            Token next = peek(k);
            if (next.getType() == Token.EOF) return false;
            if (next.getChannel() == Token.DEFAULT_CHANNEL && next.getType() != BeableLexer.NL) {
                return next.getText().equals("else");
            }
        }
    }

    private Token peek(int k) {
        while (pending.size() - head <= k) pending.add(lexer.nextToken());
        return pending.get(head + k);
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
