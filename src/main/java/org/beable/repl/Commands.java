package org.beable.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.beable.interp.Builtin;
import org.beable.interp.ValueType;
import org.beable.interp.ValueTypes;
import org.beable.interp.Values;
import org.beable.syntax.BeableError;
import org.beable.syntax.Parser;
import org.beable.syntax.Source;
import org.beable.syntax.grammar.BeableLexer;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.StringsCompleter;

/**
 * The `:` commands, jshell style: each one's name, arguments, help, argument completion and
 * action in one table. A command is one line; an unknown or failing command prints one line
 * and the session continues. Unique prefixes work (`:h` for `:help`).
 */
final class Commands {
    /** What a command does with its argument; false ends the session. */
    @FunctionalInterface
    interface Action {
        boolean run(String argument);
    }

    /** One row of the table. `completer` completes the argument (null: none; `:time` completes code). */
    record Command(String name, String arguments, String help, Completer completer, Action action) {
        String usage() {
            return arguments.isEmpty() ? name : name + " " + arguments;
        }
    }

    private final ReplSession session;
    private final HelpTopics help;
    private final Map<String, Command> table = new LinkedHashMap<>();

    Commands(ReplSession session, HelpTopics help) {
        this.session = session;
        this.help = help;
        add(":help", "[TOPIC]", "help on a statement, model, analysis, builtin or command; no TOPIC lists them",
                (reader, line, candidates) -> new StringsCompleter(helpWords()).complete(reader, line, candidates), this::help);
        add(":load", "FILE", "run a script in this session", new FileNameCompleter(), this::load);
        add(":save", "FILE", "write this session's inputs as a script that reproduces its results", new FileNameCompleter(), this::save);
        add(":list", "[names]", "the inputs of this session, or the names it defined", new StringsCompleter("inputs", "names"), this::list);
        add(":reset", "", "a fresh session with the same options: every name is forgotten", null, a -> reset());
        add(":seed", "N", "restart the random numbers from seed N (as `seed N` does)", null, this::seed);
        add(":time", "EXPR", "run an input and print how long it took", null, this::time);
        add(":quit", "", "leave (Ctrl-D does too)", null, a -> false);
    }

    private void add(String name, String arguments, String text, Completer completer, Action action) {
        table.put(name, new Command(name, arguments, text, completer, action));
    }

    static boolean isCommand(String line) {
        return line.startsWith(":");
    }

    List<Command> all() {
        return new ArrayList<>(table.values());
    }

    /** The command a typed name means: exact, or the only one it is a prefix of; null otherwise. */
    Command find(String name) {
        if (table.containsKey(name)) return table.get(name);
        List<Command> matches = matching(name);
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private List<Command> matching(String prefix) {
        List<Command> matches = new ArrayList<>();
        for (Command c : table.values()) if (c.name().startsWith(prefix)) matches.add(c);
        return matches;
    }

    /** Runs a command line; false when the session should end. */
    boolean execute(String line) {
        String text = line.strip();
        int space = text.indexOf(' ');
        String name = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        Command command = find(name);
        if (command == null) {
            List<Command> matches = matching(name);
            if (matches.size() > 1) {
                List<String> names = new ArrayList<>();
                for (Command c : matches) names.add(c.name());
                session.screen().error("'" + name + "' is ambiguous: " + String.join(", ", names));
            } else {
                session.screen().error("unknown command '" + name + "'; :help lists the commands");
            }
            return true;
        }
        return command.action().run(argument);
    }

    // ------------------------------------------------------------------ the commands

    private boolean help(String topic) {
        Screen screen = session.screen();
        if (topic.isEmpty()) {
            screen.println(overview());
        } else if (topic.equals("fields")) {
            screen.println(fields());
        } else if (help.has(topic)) {
            screen.println(help.text(topic));
        } else if (session.interpreter().builtins().containsKey(topic)) {
            Builtin b = session.interpreter().builtins().get(topic);
            screen.println(b.signature() + "\n    " + b.help());
        } else if (org.beable.bindings.Bindings.models(session.interpreter()).containsKey(topic)) {
            List<String> parameters = org.beable.bindings.Bindings.models(session.interpreter()).get(topic);
            screen.println("model " + topic + (parameters.isEmpty() ? " (no parameters)" : "(" + String.join(", ", parameters) + ")")
                    + "\n    use it with `run EXPERIMENT under " + topic + "`" + (parameters.isEmpty() ? "" : " or `under " + topic + "(" + parameters.get(0) + " = …)`"));
        } else if (find(topic.startsWith(":") ? topic : ":" + topic) != null) {
            Command c = find(topic.startsWith(":") ? topic : ":" + topic);
            screen.println(c.usage() + "\n    " + c.help());
        } else {
            screen.error("no help on '" + topic + "'; :help lists the topics");
        }
        return true;
    }

    /** Every value type a script meets and the fields it may read with a dot: the declared tables, nothing else. */
    static String fields() {
        StringBuilder out = new StringBuilder("Fields (value.field; a field with arguments is a method):\n");
        for (ValueType<?> type : ValueTypes.all()) {
            if (type.fields().isEmpty()) continue;
            out.append("\n").append(type.javaClass().getSimpleName()).append(" (").append(type.description()).append(")\n");
            for (ValueType.Field<?> f : type.fields().values()) out.append(String.format("  %-18s %s%n", f.name(), f.help()));
        }
        return out.toString().stripTrailing();
    }

    private String overview() {
        StringBuilder out = new StringBuilder("Commands:\n");
        for (Command c : table.values()) out.append(String.format("  %-14s %s%n", c.usage(), c.help()));
        out.append("\nTopics (:help TOPIC):\n");
        for (String topic : help.topics()) out.append(String.format("  %-14s %s%n", topic, help.summary(topic)));
        out.append("\nEvery builtin function has a line of help too: :help sqrt, :help ptrace, …\n");
        out.append("The fields of results (chsh(r).value, report.holds(\"PI\"), …): :help fields\n");
        out.append("Tab completes keywords, names, modules after `use` and model parameters; Ctrl-C cancels a run; Ctrl-D leaves.");
        return out.toString();
    }

    /** What `:help` completes: topics, builtins and command names. */
    private List<String> helpWords() {
        SortedSet<String> words = new TreeSet<>(help.topics());
        words.addAll(session.interpreter().builtins().keySet());
        for (Command c : table.values()) words.add(c.name());
        return new ArrayList<>(words);
    }

    private boolean load(String argument) {
        if (argument.isEmpty()) return usage(":load");
        Path file = path(argument);
        if (!Files.isRegularFile(file)) {
            session.screen().error("cannot read '" + argument + "': no such file");
            return true;
        }
        String text;
        try {
            text = Source.read(file).text();
        } catch (IOException e) {
            session.screen().error("cannot read '" + argument + "': " + reason(e));
            return true;
        } catch (BeableError e) {
            session.screen().error(e.render());
            return true;
        }
        int[] completed = {0};
        if (session.load(file, (statement, value) -> completed[0]++)) {
            session.transcript().add(":load " + argument, loadedScript(file, text));
        } else if (completed[0] > 0) {
            // A load that failed part-way: what ran before the failure stays in the session, so in the saved script too.
            session.transcript().add(":load " + argument, "# :load " + file + " (the part that ran before it failed)\n"
                    + Transcript.completedPart(text, completed[0]));
        }
        return true;
    }

    /**
     * A loaded file in the saved script: its text, unless it uses files by relative paths (which
     * resolve against its own folder), in which case a `use` of its absolute path.
     */
    static String loadedScript(Path file, String text) {
        var tokens = Parser.tokens(text).stream().filter(t -> t.getChannel() == 0 && t.getType() != BeableLexer.NL).toList();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).getText().equals("use") && tokens.get(i + 1).getType() == BeableLexer.STRING) {
                String used = tokens.get(i + 1).getText();
                if (!Path.of(used.substring(1, used.length() - 1)).isAbsolute()) {
                    return "use \"" + file.toAbsolutePath().normalize().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
                }
            }
        }
        return "# :load " + file + "\n" + text + (text.endsWith("\n") ? "" : "\n");
    }

    private boolean save(String argument) {
        if (argument.isEmpty()) return usage(":save");
        Path file = path(argument);
        try {
            Files.writeString(file, session.transcript().render(), StandardCharsets.UTF_8);
            int n = session.transcript().entries().size();
            session.screen().note("saved " + n + " input" + (n == 1 ? "" : "s") + " to " + argument);
        } catch (IOException e) {
            session.screen().error("cannot write '" + argument + "': " + reason(e));
        }
        return true;
    }

    private boolean list(String argument) {
        Screen screen = session.screen();
        if (argument.equals("names")) {
            var names = session.userNames();
            if (names.isEmpty()) screen.note("no names defined yet");
            for (String name : names) screen.println(name + " : " + Values.typeName(session.interpreter().lookup(name)));
        } else if (argument.isEmpty() || argument.equals("inputs")) {
            var entries = session.transcript().entries();
            if (entries.isEmpty()) screen.note("no inputs yet");
            for (int i = 0; i < entries.size(); i++) {
                String input = entries.get(i).input().stripTrailing().replace("\n", "\n      ");
                screen.println(String.format("%4d  %s", i + 1, input));
            }
        } else {
            return usage(":list");
        }
        return true;
    }

    private boolean reset() {
        session.reset();
        session.screen().note("a fresh session: every name is forgotten");
        return true;
    }

    private boolean seed(String argument) {
        long seed;
        try {
            seed = Long.parseLong(argument);
        } catch (NumberFormatException e) {
            return usage(":seed");
        }
        var interpreter = session.interpreter();
        if (interpreter.options().seedOverride() != null) {
            session.screen().note("the seed is fixed at " + interpreter.options().seedOverride() + " by --seed; :seed is ignored");
            return true;
        }
        interpreter.setSeed(seed);
        session.transcript().add(":seed " + seed, "seed " + seed);
        return true;
    }

    private boolean time(String argument) {
        if (argument.isEmpty()) return usage(":time");
        long start = System.nanoTime();
        boolean ok = session.evaluate(argument);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ok) session.screen().note(String.format("time: %.3f s", seconds));
        return true;
    }

    private boolean usage(String name) {
        Command c = table.get(name);
        session.screen().error("usage: " + c.usage() + " — " + c.help());
        return true;
    }

    private static Path path(String argument) {
        String home = System.getProperty("user.home");
        if (argument.equals("~")) return Path.of(home);
        if (argument.startsWith("~/")) return Path.of(home, argument.substring(2));
        return Path.of(argument);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
