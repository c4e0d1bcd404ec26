package org.beable.repl;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.antlr.v4.runtime.Vocabulary;
import org.beable.syntax.grammar.BeableLexer;

/** The language's keywords, read from the lexer's vocabulary so they never disagree with the grammar. */
public final class Keywords {
    private static final SortedSet<String> WORDS;
    private static final boolean[] TYPES;

    static {
        Vocabulary vocabulary = BeableLexer.VOCABULARY;
        int max = vocabulary.getMaxTokenType();
        SortedSet<String> words = new TreeSet<>();
        boolean[] types = new boolean[max + 1];
        for (int type = 1; type <= max; type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal == null || literal.length() < 3) continue;
            String text = literal.substring(1, literal.length() - 1);
            if (text.chars().allMatch(Character::isLetter)) {
                words.add(text);
                types[type] = true;
            }
        }
        WORDS = Collections.unmodifiableSortedSet(words);
        TYPES = types;
    }

    private Keywords() {}

    /** Every word the grammar spells out: `let`, `for`, `under`, `qubit`, … */
    public static SortedSet<String> all() {
        return WORDS;
    }

    public static boolean isKeyword(int tokenType) {
        return tokenType > 0 && tokenType < TYPES.length && TYPES[tokenType];
    }
}
