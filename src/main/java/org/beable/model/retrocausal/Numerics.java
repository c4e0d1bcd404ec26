package org.beable.model.retrocausal;

import java.util.List;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;

/**
 * How a retrocausal model computes its numbers, and to what accuracy: closed forms, or the
 * winding sums and the grid in s for a user's weight or density.
 *
 * @param gridPoints  points of the quadrature in s (0 in closed form)
 * @param resolution  how far the grid's Fourier spectrum had fallen at its upper half: the relative accuracy of the quadrature
 */
public record Numerics(String weight, String initial, boolean closedForm, int gridPoints, double resolution, String windings)
        implements Tabular {

    static Numerics of(RetrocausalModel model) {
        boolean user = model.weight() instanceof Weight.Numeric;
        String windings = user
                ? "|n| ≤ " + WindingSum.WINDINGS + " term by term, the rest by Euler–Maclaurin (relative error about 1e-13 for W ~ 1/α²);"
                  + " sampling walks |n| ≤ " + Windings.USER_WALK
                : "closed form Σₙ 1/((x + 2πn)² + γ²) = sinh γ / (2γ (cosh γ − cos x)); sampling exact";
        return new Numerics(model.weight().describe(), model.uniformInitial() ? "uniform" : "user density",
                model.closedForm(), model.gridSize(), model.gridResolution(), windings);
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("quantity", "value")).title("retrocausal model numerics");
        table.row("weight W", weight);
        table.row("density of s", initial);
        table.row("probabilities", closedForm ? "closed form" : "trapezoidal rule in s on " + gridPoints + " points");
        if (!closedForm) table.row("grid resolution", Numbers.format(resolution));
        table.row("winding sums", windings);
        return table;
    }

    @Override
    public String toString() {
        return closedForm ? "closed forms (" + weight + ")"
                : weight + ", " + initial + " s: trapezoidal rule on " + gridPoints + " points, resolved to " + Numbers.format(resolution);
    }
}
