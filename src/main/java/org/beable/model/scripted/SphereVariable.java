package org.beable.model.scripted;

/**
 * {@code hidden n ~ sphere}: a unit vector (x, y, z) uniform on S². Drawn by Marsaglia's
 * method (a point of the unit disk by rejection, then lifted: no trigonometry, no
 * allocation — Commons RNG's UnitSphereSampler returns a new array per draw). Averaged over
 * z = 2u − 1 and azimuth φ = 2πv, both uniform (Archimedes), as two nested integrals.
 */
final class SphereVariable extends BoundHidden {
    static final double DENSITY = 1 / (4 * Math.PI);

    SphereVariable(Layout layout, int index) {
        super(layout, index);
    }

    @Override
    HiddenAt at(double[] settings) {
        return new HiddenAt(this) {
            @Override void draw(double[] context, Trial t) {
                double s = DiskVariable.pointInDisk(context, slot, t);
                double lift = 2 * Math.sqrt(1 - s);
                context[slot] *= lift;
                context[slot + 1] *= lift;
                context[slot + 2] = 1 - 2 * s;
            }

            @Override double density(double[] context) {
                double x = context[slot];
                double y = context[slot + 1];
                double z = context[slot + 2];
                return Math.abs(x * x + y * y + z * z - 1) <= 1e-9 ? DENSITY : 0;
            }

            @Override long average(Averager averager, double[] context, double[] out) {
                return averager.integrate(0, 1, (u, outer) -> {
                    double z = 2 * u - 1;
                    double r = Math.sqrt(Math.max(0, 1 - z * z));
                    return averager.integrate(0, 1, (v, inner) -> {
                        double phi = 2 * Math.PI * v;
                        context[slot] = r * Math.cos(phi);
                        context[slot + 1] = r * Math.sin(phi);
                        context[slot + 2] = z;
                        return averager.from(next, context, inner);
                    }, outer);
                }, out);
            }

            @Override void anyValue(double[] context) {
                context[slot] = 0;
                context[slot + 1] = 0;
                context[slot + 2] = 1;
            }
        };
    }
}
