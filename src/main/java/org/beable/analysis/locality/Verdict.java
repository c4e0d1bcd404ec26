package org.beable.analysis.locality;

/**
 * One condition's verdict: whether it holds, the size of the largest violation found with its
 * uncertainty (0 when decided exactly), where it fails (λ and settings), and how it was decided.
 */
public record Verdict(Condition condition, boolean holds, double size, double uncertainty, String witness, String method) {
    public String word() {
        return holds ? "holds" : "violated";
    }
}
