package org.beable.model.scripted;

/**
 * A refusal that belongs to one line of a model: the outcome rule of a detector, or the
 * distribution of a hidden variable. It is still an IllegalArgumentException with a plain
 * sentence, so callers that only report messages need nothing new; an interpreter that knows
 * where each line was written can point at it.
 */
public final class PartFailure extends IllegalArgumentException {
    /** Which kind of line. */
    public enum Part { OUTCOME_RULE, HIDDEN_VARIABLE }

    private final Part part;
    private final String name;

    private PartFailure(Part part, String name, String message) {
        super(message);
        this.part = part;
        this.name = name;
    }

    /** A refusal of the outcome rule for a detector. */
    static PartFailure rule(String detector, String message) {
        return new PartFailure(Part.OUTCOME_RULE, detector, message);
    }

    /** A refusal of a hidden variable's distribution. */
    static PartFailure hidden(String variable, String message) {
        return new PartFailure(Part.HIDDEN_VARIABLE, variable, message);
    }

    public Part part() { return part; }

    /** The detector (for a rule) or the hidden variable. */
    public String name() { return name; }
}
