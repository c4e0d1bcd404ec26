package org.beable.model.ensemble;

import java.util.List;
import java.util.Locale;
import org.beable.format.Numbers;
import org.beable.model.ModelArguments;

/**
 * The parameters of an `ensemble` model, checked once when the model is made.
 *
 * @param members     N, or null: a run then has as many members as the experiment has trials per
 *                    setting combination, and the ensemble functions use {@link #DEFAULT_MEMBERS}
 * @param dt          the time step, or null to choose the largest one that meets the accuracy
 * @param accuracy    the largest error the scheme itself may add to any n_a/N, or null for
 *                    0.01/√N (a hundredth of the statistical error)
 * @param spectators  members per value that are never removed (they may be copied, never copy)
 * @param admixture   the share of members spread evenly over all values at preparation
 * @param level       class occupations, every member, or the N → ∞ equations
 * @param scheme      how class-level copy events are drawn
 * @param f           the phase-alignment frequency of §3.2 (member level), or null for eq 40 alone
 * @param damping     γ in π̇ = … − γπ (phase-alignment dynamics only)
 * @param spread      the standard deviation of members' initial phases about their class phase (member level)
 * @param copyRule    the choices the paper leaves open in the copy rule: copying on or off, the order in eq 39,
 *                    whether spectators copy, the phase of a value held only by spectators
 */
record EnsembleOptions(Long members, Double dt, Double accuracy, long spectators, double admixture, Level level,
                       Scheme scheme, Double f, double damping, double spread, CopyRule copyRule) {

    static final long DEFAULT_MEMBERS = 100_000;
    /** Member level keeps about 100 bytes per member. */
    static final long MAX_MEMBER_LEVEL = 50_000_000L;
    /** Class-level counts stay exact in double arithmetic below 2^53. */
    static final long MAX_CLASS_LEVEL = 1L << 50;

    enum Level {
        CLASS("class"), MEMBER("member"), MEAN_FIELD("mean_field");

        final String word;

        Level(String word) { this.word = word; }

        @Override public String toString() { return word; }
    }

    enum Scheme {
        TAU_LEAP("tau_leap"), EVENTS("events");

        final String word;

        Scheme(String word) { this.word = word; }

        @Override public String toString() { return word; }
    }

    static EnsembleOptions of(ModelArguments arguments) {
        Long members = null;
        if (arguments.get("members") != null) {
            double n = arguments.number("members");
            if (!(n >= 1)) {
                throw new IllegalArgumentException("an ensemble needs at least one member, got members = " + Numbers.format(n)
                        + "; write e.g. members = 100000");
            }
            if (n != Math.rint(n)) throw new IllegalArgumentException("members must be a whole number, got " + Numbers.format(n));
            members = (long) n;
        }
        Double dt = positiveOrNull(arguments, "dt", "the time step");
        Double accuracy = positiveOrNull(arguments, "accuracy", "the accuracy");
        double spectators = arguments.number("spectators");
        if (!(spectators >= 0) || spectators != Math.rint(spectators)) {
            throw new IllegalArgumentException("spectators is a whole number of members per value (0 or more), got " + Numbers.format(spectators));
        }
        double admixture = arguments.number("admixture");
        if (!(admixture >= 0 && admixture < 1)) {
            throw new IllegalArgumentException("admixture is the share of members spread over all values, between 0 and 1, got " + Numbers.format(admixture));
        }
        Level level = word(arguments.text("level"), Level.values(), "level", Level::toString);
        Scheme scheme = word(arguments.text("scheme"), Scheme.values(), "scheme", Scheme::toString);
        Double f = arguments.get("f") == null ? null : arguments.number("f");
        double damping = arguments.number("damping");
        double spread = arguments.number("spread");
        if (f != null && !(f >= 0 && Double.isFinite(f))) throw new IllegalArgumentException("f is a frequency, 0 or more, got " + Numbers.format(f));
        if (!(damping >= 0 && Double.isFinite(damping))) throw new IllegalArgumentException("damping is a rate, 0 or more, got " + Numbers.format(damping));
        if (!(spread >= 0 && Double.isFinite(spread))) throw new IllegalArgumentException("spread is a phase spread in radians, 0 or more, got " + Numbers.format(spread));
        if (level != Level.MEMBER) {
            String needs = f != null ? "f (phase alignment)" : spread > 0 ? "spread" : null;
            if (needs != null) {
                throw new IllegalArgumentException(needs + " needs every member's own phase: write level = member");
            }
        }
        if (damping > 0 && f == null) {
            throw new IllegalArgumentException("damping acts on the phase momenta of the phase-alignment dynamics; set f too (e.g. f = 2)");
        }
        if (level == Level.MEMBER && arguments.has("scheme") && scheme == Scheme.TAU_LEAP) {
            throw new IllegalArgumentException("the member level draws copy events one at a time; scheme = tau_leap is for level = class");
        }
        if (members != null) {
            long limit = level == Level.MEMBER ? MAX_MEMBER_LEVEL : MAX_CLASS_LEVEL;
            if (members > limit) {
                throw new IllegalArgumentException("members = " + members + " is over the " + level.word + "-level limit of " + limit
                        + (level == Level.MEMBER ? "; use level = class for larger ensembles" : ""));
            }
        }
        CopyRule rule = new CopyRule(
                word(arguments.text("copying"), new String[] {"on", "off"}, "copying").equals("on"),
                word(arguments.text("copy_order"), CopyRule.Order.values(), "copy_order", CopyRule.Order::toString),
                word(arguments.text("spectator_copy"), CopyRule.SpectatorCopy.values(), "spectator_copy", CopyRule.SpectatorCopy::toString),
                word(arguments.text("spectator_phase"), CopyRule.SpectatorPhase.values(), "spectator_phase", CopyRule.SpectatorPhase::toString));
        return new EnsembleOptions(members, dt, accuracy, (long) spectators, admixture, level, scheme, f, damping, spread, rule);
    }

    private static Double positiveOrNull(ModelArguments arguments, String name, String what) {
        if (arguments.get(name) == null) return null;
        double x = arguments.number(name);
        if (!(x > 0) || !Double.isFinite(x)) throw new IllegalArgumentException(what + " " + name + " must be positive, got " + Numbers.format(x));
        return x;
    }

    private static <T extends Enum<T>> T word(String given, T[] choices, String parameter, java.util.function.Function<T, String> show) {
        for (T choice : choices) if (show.apply(choice).equals(given.toLowerCase(Locale.ROOT))) return choice;
        List<String> words = java.util.Arrays.stream(choices).map(show).toList();
        throw new IllegalArgumentException(parameter + " = " + given + " is not one of: " + String.join(", ", words));
    }

    private static String word(String given, String[] choices, String parameter) {
        for (String choice : choices) if (choice.equals(given.toLowerCase(Locale.ROOT))) return choice;
        throw new IllegalArgumentException(parameter + " = " + given + " is not one of: " + String.join(", ", choices));
    }

    /** The ensemble size for a run whose experiment has this many trials per combination. */
    long membersFor(long trialsPerCombination) {
        return members != null ? members : trialsPerCombination;
    }

    /** The accuracy for an ensemble of n members. */
    double accuracyFor(long n) {
        return accuracy != null ? accuracy : 0.01 / Math.sqrt(n);
    }

    boolean phaseAlignment() {
        return f != null;
    }
}
