package org.beable.model.scripted;

/**
 * {@code hidden p ~ disk}: a point (x, y) uniform on the unit disk. Drawn by rejection from
 * the square (π/4 accepted, no trigonometry); averaged over r = √u and φ = 2πv, both u and v
 * uniform, as two nested integrals.
 */
final class DiskVariable extends BoundHidden {
    static final double DENSITY = 1 / Math.PI;

    DiskVariable(Layout layout, int index) {
        super(layout, index);
    }

    /**
     * A point uniform on the unit disk, by rejection from the square, written to
     * {@code context[slot]} and {@code context[slot + 1]}; returns x² + y². The sphere lifts the
     * same point (Marsaglia), so both draw it here.
     */
    static double pointInDisk(double[] context, int slot, Trial t) {
        double x;
        double y;
        double s;
        do {
            x = 2 * t.rng.nextDouble() - 1;
            y = 2 * t.rng.nextDouble() - 1;
            s = x * x + y * y;
        } while (s >= 1);
        context[slot] = x;
        context[slot + 1] = y;
        return s;
    }

    @Override
    HiddenAt at(double[] settings) {
        return new HiddenAt(this) {
            @Override void draw(double[] context, Trial t) {
                pointInDisk(context, slot, t);
            }

            @Override double density(double[] context) {
                double x = context[slot];
                double y = context[slot + 1];
                return x * x + y * y <= 1 ? DENSITY : 0;
            }

            @Override long average(Averager averager, double[] context, double[] out) {
                return averager.integrate(0, 1, (u, outer) -> {
                    double r = Math.sqrt(u);
                    return averager.integrate(0, 1, (v, inner) -> {
                        double phi = 2 * Math.PI * v;
                        context[slot] = r * Math.cos(phi);
                        context[slot + 1] = r * Math.sin(phi);
                        return averager.from(next, context, inner);
                    }, outer);
                }, out);
            }

            @Override void anyValue(double[] context) {
                context[slot] = 0;
                context[slot + 1] = 0;
            }
        };
    }
}
