package org.beable.model.ensemble;

/**
 * The choices the paper leaves open in the copy rule (docs/models/ensemble.md, "Choices in the
 * copy rule"), one object for every level so that class, member and N → ∞ dynamics read them alike.
 *
 * @param copying        whether members copy at all (off: the phases still turn under H, the occupations stay)
 * @param order          the phase difference in the rate: the resolved order (copied member's phase first,
 *                       consistent with eqs 32–33) or eq 39 as printed (the copier's first)
 * @param spectatorCopy  spectators never copy (a class copies at the share (n_b − s)/n_b of its rate), or the
 *                       paper's literal rule: every member may copy while its class has more than s members
 * @param spectatorPhase a value held only by its spectators takes the phase of the flow into it, or follows the
 *                       phase law like any class
 */
record CopyRule(boolean copying, Order order, SpectatorCopy spectatorCopy, SpectatorPhase spectatorPhase) {
    static final CopyRule DEFAULT = new CopyRule(true, Order.RESOLVED, SpectatorCopy.NEVER, SpectatorPhase.INFLOW);

    enum Order {
        RESOLVED("resolved"), LITERAL("literal");

        final String word;

        Order(String word) { this.word = word; }

        @Override public String toString() { return word; }
    }

    enum SpectatorCopy {
        NEVER("never"), LITERAL("literal");

        final String word;

        SpectatorCopy(String word) { this.word = word; }

        @Override public String toString() { return word; }
    }

    enum SpectatorPhase {
        INFLOW("inflow"), LAW("law");

        final String word;

        SpectatorPhase(String word) { this.word = word; }

        @Override public String toString() { return word; }
    }

    /**
     * sin θ for the pair (a, b), positive when members of b copy members of a: sin(φ_a − φ_b + δ_ab)
     * in the resolved order, sin(φ_b − φ_a + δ_ab) as eq 39 is printed.
     */
    double sine(double phiA, double phiB, double delta) {
        return order == Order.RESOLVED ? Math.sin(phiA - phiB + delta) : Math.sin(phiB - phiA + delta);
    }

    /**
     * The same from cos(φ_a − φ_b) and sin(φ_a − φ_b), as the member level holds them:
     * sin(±(φ_a − φ_b) + δ).
     */
    double sine(double cosDifference, double sinDifference, double sinDelta, double cosDelta) {
        double s = order == Order.RESOLVED ? sinDifference : -sinDifference;
        return cosDifference * sinDelta + s * cosDelta;
    }

    /** The share of a copying class of x members (s of them spectators) that copies. */
    double copierShare(double x, double spectators) {
        if (!copying) return 0;
        if (!(spectators > 0)) return 1;
        if (spectatorCopy == SpectatorCopy.LITERAL) return x > spectators ? 1 : 0;
        return Math.max(0, x - spectators) / x;
    }

    /** Whether a value held only by its spectators is given the phase of the flow into it. */
    boolean slavesSpectators() {
        return spectatorPhase == SpectatorPhase.INFLOW;
    }

    boolean isDefault() {
        return equals(DEFAULT);
    }
}
