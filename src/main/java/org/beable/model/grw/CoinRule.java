package org.beable.model.grw;

/** What a side's random element is: the paper's fair coin (a tie-breaker), or a uniform number (the Born rule). */
enum CoinRule {
    /** Coins H / T (0 / 1); the non-linear rule consults a coin only on a tie. */
    TOY,
    /** A uniform r in [0, 1): outcome k when r falls in the k-th cumulative slice of the weights. */
    BORN;

    static CoinRule parse(String text) {
        return switch (text) {
            case "toy" -> TOY;
            case "born" -> BORN;
            default -> throw new IllegalArgumentException("grw: rule must be toy or born, got '" + text + "'");
        };
    }
}
