package org.beable.bindings;

import java.util.List;

/** The distributions `hidden NAME ~ …` draws from: one list that errors, completion and help all read. */
public final class Distributions {
    private Distributions() {}

    /** A distribution as the user writes it, with a line of help. */
    public record Distribution(String name, String usage, String help) {
        /** What completion inserts: the name, with its opening parenthesis when it takes arguments. */
        public String completion() {
            return usage.contains("(") ? name + "(" : name;
        }
    }

    public static final List<Distribution> ALL = List.of(
            new Distribution("uniform", "uniform(lo, hi)", "a number, uniform on [lo, hi)"),
            new Distribution("normal", "normal(mu, sigma)", "a normal number"),
            new Distribution("discrete", "discrete([values], [weights])", "one of the values, with the weights"),
            new Distribution("sphere", "sphere", "a unit vector [x, y, z], uniform on the sphere"),
            new Distribution("disk", "disk", "a point [x, y], uniform on the unit disk"),
            new Distribution("pdf", "pdf(x => density, lo, hi)", "a number with that density on [lo, hi]"));

    /** How a distribution is written, e.g. "uniform(lo, hi)". */
    static String usage(String name) {
        for (Distribution d : ALL) if (d.name().equals(name)) return d.usage();
        throw new IllegalArgumentException("no distribution " + name);
    }

    /** "uniform(lo, hi), normal(mu, sigma), … or pdf(x => density, lo, hi)", for messages. */
    static String listed() {
        List<String> usages = ALL.stream().map(Distribution::usage).toList();
        return String.join(", ", usages.subList(0, usages.size() - 1)) + " or " + usages.get(usages.size() - 1);
    }
}
