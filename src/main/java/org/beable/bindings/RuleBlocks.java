package org.beable.bindings;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.beable.model.scripted.Block;
import org.beable.model.scripted.BlockFunction;
import org.beable.model.scripted.SlotFunction;
import org.beable.model.scripted.Trig;

/**
 * The block forms of a rule's operations ({@link BlockFunction}): each evaluates its operands
 * into arrays and combines them in one short loop, which C2 vectorises for the arithmetic and
 * {@link Trig}. Each loop does per trial exactly what the one-trial closure does, in the same
 * order, so both give the same bits.
 */
final class RuleBlocks {
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private RuleBlocks() {}

    static BlockFunction constant(double x) {
        return (b, out) -> Arrays.fill(out, 0, b.size(), x);
    }

    /** A value the same for every trial of the block (it reads settings only): computed once, by the one-trial closure. */
    static BlockFunction once(SlotFunction f) {
        return (b, out) -> {
            if (b.size() > 0) Arrays.fill(out, 0, b.size(), f.apply(b.context(0)));
        };
    }

    static BlockFunction slot(int s) {
        return (b, out) -> System.arraycopy(b.column(s), 0, out, 0, b.size());
    }

    static BlockFunction negate(BlockFunction f) {
        return (b, out) -> {
            f.apply(b, out);
            for (int i = 0, n = b.size(); i < n; i++) out[i] = -out[i];
        };
    }

    /** The four arithmetic operators each as their own loop, so each vectorises; null for other operators. */
    static BlockFunction arithmetic(char op, BlockFunction f, BlockFunction g) {
        return switch (op) {
            case '+' -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = out[i] + y[i];
                b.release(y);
            };
            case '-' -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = out[i] - y[i];
                b.release(y);
            };
            case '*' -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = out[i] * y[i];
                b.release(y);
            };
            case '/' -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = out[i] / y[i];
                b.release(y);
            };
            default -> null;
        };
    }

    /**
     * The comparisons, each as its own loop, true as 1 and false as 0. One loop shared by all six
     * would call its operator per trial through a call site that has seen every operator, which
     * the JIT cannot inline; the truth value is made from bits, so no branch depends on the data.
     */
    static BlockFunction comparison(String symbol, BlockFunction f, BlockFunction g) {
        return switch (symbol) {
            case "==" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] == y[i]);
                b.release(y);
            };
            case "!=" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] != y[i]);
                b.release(y);
            };
            case "<" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] < y[i]);
                b.release(y);
            };
            case "<=" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] <= y[i]);
                b.release(y);
            };
            case ">" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] > y[i]);
                b.release(y);
            };
            case ">=" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] >= y[i]);
                b.release(y);
            };
            default -> throw new IllegalArgumentException("no comparison " + symbol);
        };
    }

    /** {@code and} and {@code or} of two truth values (nonzero is true), both sides evaluated for every trial. */
    static BlockFunction logical(boolean and, BlockFunction f, BlockFunction g) {
        return and
                ? (b, out) -> {
                    double[] y = both(f, g, b, out);
                    for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] != 0 & y[i] != 0);
                    b.release(y);
                }
                : (b, out) -> {
                    double[] y = both(f, g, b, out);
                    for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] != 0 | y[i] != 0);
                    b.release(y);
                };
    }

    static BlockFunction not(BlockFunction f) {
        return (b, out) -> {
            f.apply(b, out);
            for (int i = 0, n = b.size(); i < n; i++) out[i] = truth(out[i] == 0);
        };
    }

    /** min and max with loops of their own, which vectorise; other functions of two numbers through {@link #combine}. */
    static BlockFunction binary(String name, DoubleBinaryOperator op, BlockFunction f, BlockFunction g) {
        return switch (name) {
            case "min" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = Math.min(out[i], y[i]);
                b.release(y);
            };
            case "max" -> (b, out) -> {
                double[] y = both(f, g, b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = Math.max(out[i], y[i]);
                b.release(y);
            };
            default -> combine(f, g, op);
        };
    }

    /** 1 or 0, chosen between two bit patterns: a conditional move, where a branch on the data would be mispredicted. */
    private static double truth(boolean p) {
        return Double.longBitsToDouble(p ? ONE_BITS : 0L);
    }

    /** Any other operation of two numbers, trial by trial through the operator. */
    static BlockFunction combine(BlockFunction f, BlockFunction g, DoubleBinaryOperator op) {
        return (b, out) -> {
            double[] y = both(f, g, b, out);
            for (int i = 0, n = b.size(); i < n; i++) out[i] = op.applyAsDouble(out[i], y[i]);
            b.release(y);
        };
    }

    /** f into out, g into a borrowed array (returned; the caller releases it). */
    private static double[] both(BlockFunction f, BlockFunction g, Block b, double[] out) {
        f.apply(b, out);
        double[] y = b.borrow();
        g.apply(b, y);
        return y;
    }

    /** The builtins of one number with a loop of their own; the rest through the operator. */
    static BlockFunction unary(String name, DoubleUnaryOperator op, BlockFunction f) {
        return switch (name) {
            case "cos" -> trig(f, true);
            case "sin" -> trig(f, false);
            case "sign" -> (b, out) -> {
                f.apply(b, out);
                // Two loops of one operation each: C2 vectorises both, but not the two in one loop.
                double[] magnitude = b.borrow();
                int n = b.size();
                for (int i = 0; i < n; i++) magnitude[i] = signMagnitude(out[i]);
                for (int i = 0; i < n; i++) out[i] = Math.copySign(magnitude[i], out[i]);
                b.release(magnitude);
            };
            case "abs" -> (b, out) -> {
                f.apply(b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = Math.abs(out[i]);
            };
            case "sqrt" -> (b, out) -> {
                f.apply(b, out);
                for (int i = 0, n = b.size(); i < n; i++) out[i] = Math.sqrt(out[i]);
            };
            default -> map(f, op);
        };
    }

    /**
     * Math.signum without a branch, the same value for every input (±0 and NaN included):
     * a magnitude that is 0 for zero, 1 for any other number and NaN for NaN, with x's sign.
     * Outcomes of a model are random, and a branch on them would be mispredicted every other trial.
     */
    static double sign(double x) {
        return Math.copySign(signMagnitude(x), x);
    }

    /** min(1, |x|·2¹⁰⁷⁴): 2¹⁰⁷⁴ takes the smallest subnormal to 1 (in two steps, as it is no double). */
    private static double signMagnitude(double x) {
        return Math.min(1.0, (Math.abs(x) * 0x1p1000) * 0x1p74);
    }

    static BlockFunction map(BlockFunction f, DoubleUnaryOperator op) {
        return (b, out) -> {
            f.apply(b, out);
            for (int i = 0, n = b.size(); i < n; i++) out[i] = op.applyAsDouble(out[i]);
        };
    }

    private static BlockFunction trig(BlockFunction f, boolean cosine) {
        return (b, out) -> {
            f.apply(b, out);
            double[] k = b.borrow();
            double[] r = b.borrow();
            double[] s = b.borrow();
            if (cosine) Trig.cos(out, out, b.size(), k, r, s);
            else Trig.sin(out, out, b.size(), k, r, s);
            b.release(s);
            b.release(r);
            b.release(k);
        };
    }

    /**
     * test ≠ 0 ? x : y, with both branches evaluated for every trial (only for branches that may
     * be). The choice is a mask made from the test's bits by arithmetic — all ones unless |test|
     * is 0 (NaN ≠ 0 chooses x, as the comparison does) — so nothing branches on the data.
     */
    static BlockFunction choose(BlockFunction test, BlockFunction x, BlockFunction y) {
        return (b, out) -> {
            double[] t = b.borrow();
            double[] other = b.borrow();
            test.apply(b, t);
            x.apply(b, out);
            y.apply(b, other);
            for (int i = 0, n = b.size(); i < n; i++) {
                long magnitude = Double.doubleToRawLongBits(t[i]) & Long.MAX_VALUE;
                long chooseX = (magnitude | -magnitude) >> 63;
                out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(out[i]) & chooseX | Double.doubleToRawLongBits(other[i]) & ~chooseX);
            }
            b.release(other);
            b.release(t);
        };
    }

    /**
     * Σ u_k w_k, summed in component order as the one-trial closure does: from the first product
     * for three components, from 0 otherwise.
     */
    static BlockFunction dot(BlockFunction[] u, BlockFunction[] w) {
        boolean fromFirst = u.length == 3;
        return (b, out) -> {
            double[] x = b.borrow();
            double[] y = b.borrow();
            Arrays.fill(out, 0, b.size(), 0);
            for (int k = 0; k < u.length; k++) {
                u[k].apply(b, x);
                w[k].apply(b, y);
                if (k == 0 && fromFirst) for (int i = 0, n = b.size(); i < n; i++) out[i] = x[i] * y[i];
                else for (int i = 0, n = b.size(); i < n; i++) out[i] = out[i] + x[i] * y[i];
            }
            b.release(y);
            b.release(x);
        };
    }
}
