package org.beable.interp;

import java.util.List;
import java.util.Map;
import org.beable.syntax.BeableError;
import org.beable.syntax.Span;

/** A function written in Java, with the one-line help the REPL shows. */
public final class Builtin implements Callable {
    @FunctionalInterface
    public interface Body {
        Object apply(Interpreter interpreter, List<Object> args, Map<String, Object> named, Span span);
    }

    private final String name;
    private final String signature;
    private final String help;
    private final int minArgs;
    private final int maxArgs;
    private final Body body;

    public Builtin(String name, String signature, String help, int minArgs, int maxArgs, Body body) {
        this.name = name;
        this.signature = signature;
        this.help = help;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.body = body;
    }

    @Override public String name() { return name; }
    public String signature() { return signature; }
    public String help() { return help; }

    @Override
    public Object call(Interpreter interpreter, List<Object> args, Map<String, Object> named, Span span) {
        BeableError refused = refuseShape(args.size(), List.copyOf(named.keySet()), span);
        if (refused != null) throw refused;
        return body.apply(interpreter, args, named, span);
    }

    @Override
    public BeableError refuseShape(int positional, List<String> named, Span span) {
        if (positional < minArgs || (maxArgs >= 0 && positional > maxArgs)) {
            String expected = minArgs == maxArgs ? String.valueOf(minArgs)
                    : maxArgs < 0 ? "at least " + minArgs : minArgs + " to " + maxArgs;
            return new BeableError(span, name + "() takes " + expected + " argument" + (expected.equals("1") ? "" : "s")
                    + ", got " + positional, "usage: " + signature);
        }
        return null;
    }

    @Override
    public String toString() {
        return "builtin " + signature;
    }
}
