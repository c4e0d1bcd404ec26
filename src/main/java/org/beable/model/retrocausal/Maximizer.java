package org.beable.model.retrocausal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;

/**
 * Maximises (or minimises) a function of a few real numbers without derivatives: over detector
 * settings, CHSH's S or any expression a script computes from them.
 *
 * <p>Nelder–Mead (Commons Math {@link SimplexOptimizer}) starts from a simplex of the given step
 * around the start and stops when an iteration improves the value by less than the tolerance;
 * it is then restarted from its best point, with a fresh simplex, until a restart no longer
 * improves — the usual guard against a simplex that collapsed early. BOBYQA (Powell's trust
 * region method with quadratic models; two or more variables) starts with the step as its
 * trust-region radius and stops when the radius is below the tolerance.
 */
public final class Maximizer {
    public enum Method {
        NELDER_MEAD("Nelder–Mead"), BOBYQA("BOBYQA");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public static Method named(String name) {
            String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
            if (key.equals("neldermead") || key.equals("simplex")) return NELDER_MEAD;
            if (key.equals("bobyqa")) return BOBYQA;
            throw new IllegalArgumentException("no optimisation method '" + name + "'; the methods are nelder_mead and bobyqa");
        }
    }

    /**
     * The best point found.
     *
     * @param converged false when the evaluation budget ran out first (the point is then the best seen)
     */
    public record Optimum(double value, double[] point, int evaluations, String method, String goal, boolean converged)
            implements Tabular {
        public Optimum {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }

        @Override
        public Table toTable() {
            Table table = new Table(List.of("quantity", "value")).title(goal + " by " + method);
            table.row("value", Numbers.format(value));
            List<String> xs = new ArrayList<>();
            for (double x : point) xs.add(Numbers.format(x));
            table.row("at", String.join(", ", xs));
            table.row("evaluations", Integer.toString(evaluations));
            table.row("converged", converged ? "yes" : "no (evaluation budget used up)");
            return table;
        }

        @Override
        public String toString() {
            List<String> xs = new ArrayList<>();
            for (double x : point) xs.add(Numbers.format(x));
            return goal + " " + Numbers.format(value) + " at [" + String.join(", ", xs) + "]";
        }
    }

    private static final int RESTARTS = 20;

    private Maximizer() {}

    /**
     * @param f           the function; NaN is an error
     * @param step        initial simplex size / trust-region radius, in the units of the variables
     * @param tolerance   absolute change in the value (Nelder–Mead) or final trust-region radius (BOBYQA)
     * @param maximize    true to maximise, false to minimise
     */
    public static Optimum optimize(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance,
                                   int maxEvaluations, Method method, boolean maximize) {
        if (start.length == 0) throw new IllegalArgumentException("the start point needs at least one number");
        for (double x : start) if (!Double.isFinite(x)) throw new IllegalArgumentException("the start point is not finite: " + x);
        if (!(step > 0) || !(tolerance > 0) || maxEvaluations < 1) {
            throw new IllegalArgumentException("step and tolerance must be positive and the evaluation budget at least 1");
        }
        if (method == Method.BOBYQA && start.length < 2) {
            throw new IllegalArgumentException("BOBYQA needs two or more variables; use nelder_mead for one");
        }
        Counted counted = new Counted(f, maximize);
        GoalType goal = maximize ? GoalType.MAXIMIZE : GoalType.MINIMIZE;
        String goalName = maximize ? "maximum" : "minimum";
        boolean converged = true;
        try {
            if (method == Method.BOBYQA) {
                BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, step, tolerance);
                optimizer.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(counted::value), goal,
                        new InitialGuess(start), SimpleBounds.unbounded(start.length));
            } else {
                double[] x = start.clone();
                double previous = Double.NaN;
                for (int restart = 0; restart < RESTARTS; restart++) {
                    double[] steps = new double[x.length];
                    java.util.Arrays.fill(steps, step);
                    SimplexOptimizer optimizer = new SimplexOptimizer(0, tolerance);
                    PointValuePair result = optimizer.optimize(new MaxEval(Math.max(1, maxEvaluations - counted.count)),
                            new ObjectiveFunction(counted::value), goal, new InitialGuess(x), new NelderMeadSimplex(steps));
                    x = result.getPoint();
                    if (!Double.isNaN(previous) && Math.abs(result.getValue() - previous) <= tolerance) break;
                    previous = result.getValue();
                }
            }
        } catch (TooManyEvaluationsException e) {
            converged = false;
        }
        return new Optimum(counted.bestValue, counted.bestPoint, counted.count, method.label, goalName, converged);
    }

    /** The function with a count of its evaluations and the best point seen. */
    private static final class Counted {
        private final ToDoubleFunction<double[]> f;
        private final boolean maximize;
        int count;
        double bestValue = Double.NaN;
        double[] bestPoint;

        Counted(ToDoubleFunction<double[]> f, boolean maximize) {
            this.f = f;
            this.maximize = maximize;
        }

        double value(double[] x) {
            double v = f.applyAsDouble(x.clone());
            count++;
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("the function is not a number at " + java.util.Arrays.toString(x));
            }
            if (bestPoint == null || (maximize ? v > bestValue : v < bestValue)) {
                bestValue = v;
                bestPoint = x.clone();
            }
            return v;
        }
    }
}
