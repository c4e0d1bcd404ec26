package org.beable.repl;

import java.util.ArrayList;
import java.util.List;
import org.beable.model.ModelParameter;
import org.beable.model.ModelRegistry;

/**
 * The words a model's text parameter takes, for completion after `grw(rule = `. A parameter's help
 * names each word followed by its meaning in parentheses ("toy (fair coins…) or born (…)"), so
 * the words are read from the one place that documents them and cannot drift from it.
 */
final class WordValues {
    private WordValues() {}

    static List<String> of(String model, String parameter) {
        List<String> words = new ArrayList<>();
        ModelRegistry.find(model).ifPresent(spec -> {
            for (ModelParameter p : spec.parameters()) {
                if (p.name().equals(parameter) && p.kind() == ModelParameter.Kind.TEXT) words.addAll(wordsIn(p.help()));
            }
        });
        return words;
    }

    /** Each lower-case word that is directly followed by " (" outside parentheses. */
    static List<String> wordsIn(String help) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        for (int k = 0; k < help.length(); k++) {
            char c = help.charAt(k);
            if (c == '(') {
                if (depth == 0 && k >= 2 && help.charAt(k - 1) == ' ') {
                    int end = k - 1;
                    int start = end;
                    while (start > 0 && (Character.isLowerCase(help.charAt(start - 1)) || help.charAt(start - 1) == '_')) start--;
                    if (start < end && (start == 0 || !Character.isLetterOrDigit(help.charAt(start - 1)))) words.add(help.substring(start, end));
                }
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return words;
    }
}
