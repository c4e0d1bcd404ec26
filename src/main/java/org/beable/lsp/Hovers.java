package org.beable.lsp;

import java.util.List;
import java.util.Map;
import org.beable.interp.Builtin;
import org.beable.interp.Interpreter;
import org.beable.interp.Values;
import org.beable.repl.HelpTopics;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover: for a builtin its signature and one-line help (and its `:help` topic when it has one);
 * for a model the text `:help MODEL` shows (the opening of its docs page, its parameters and
 * which of Bell's conditions it keeps); for a keyword its `:help` topic; for a name the document
 * declares, the line that declares it.
 */
final class Hovers {
    private final Interpreter session;
    private final HelpTopics help;

    Hovers(Interpreter session, HelpTopics help) {
        this.session = session;
        this.help = help;
    }

    Hover at(Analysis analysis, int offset) {
        int k = analysis.tokenAt(offset);
        if (k < 0) return null;
        Declarations.Tok token = analysis.code.get(k);
        String word = token.text();
        String markdown = describe(analysis, word, token.start());
        if (markdown == null) return null;
        Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        hover.setRange(new org.eclipse.lsp4j.Range(analysis.positions.position(token.start()), analysis.positions.position(token.end())));
        return hover;
    }

    String describe(Analysis analysis, String word, int offset) {
        if (!Declarations.isWord(word)) return null;
        Declarations.Declaration declared = analysis.declarations.resolve(word, offset);
        Map<String, List<String>> models = org.beable.bindings.Bindings.models(session);
        if (declared != null) {
            String line = analysis.positions.line(declared.line()).strip();
            String text = "```beable\n" + line + "\n```\n" + Completions.kindWord(declared.kind()) + " declared on line " + declared.line();
            // `model sd = superdeterministic(kappa = 1e3)`: the built-in model it names says what it keeps of Bell's conditions
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^model\\s+\\w+\\s*=\\s*(\\w+)").matcher(line);
            if (declared.kind() == Declarations.Kind.MODEL && m.find() && models.containsKey(m.group(1)) && help.has(m.group(1))) {
                text += "\n\n---\n\n" + topic(m.group(1));
            }
            return text;
        }
        Builtin builtin = session.builtins().get(word);
        if (builtin != null && session.lookup(word) == builtin) {
            String text = "```beable\n" + builtin.signature() + "\n```\n" + builtin.help();
            return help.has(word) ? text + "\n\n---\n\n" + topic(word) : text;
        }
        if (models.containsKey(word)) {
            String parameters = models.get(word).isEmpty() ? "(no parameters)" : String.join(", ", models.get(word));
            String text = "**model " + word + "**: " + parameters;
            return help.has(word) ? text + "\n\n" + topic(word) : text;
        }
        if (help.has(word)) return topic(word);
        Object value = session.lookup(word);
        if (value != null) return "```beable\n" + word + " = " + Values.show(value) + "\n```";
        return null;
    }

    /** A `:help` topic as markdown: prose as is, its example as a code block. */
    private String topic(String name) {
        String text = help.text(name);
        int at = text.indexOf("\nExample:\n");
        if (at < 0) return text;
        String example = text.substring(at + "\nExample:\n".length()).stripTrailing();
        StringBuilder code = new StringBuilder();
        for (String line : example.split("\n", -1)) code.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
        return text.substring(0, at) + "\n\n**Example**\n```beable\n" + code + "```";
    }
}
