package org.beable.model;

/**
 * A real function a user wrote in Beable (a weight W(α), a density of |λ|², a potential V(x)),
 * compiled once into a closure; models call it in their hot loops. Implementations must be
 * safe to call from several sampling threads at once.
 */
@FunctionalInterface
public interface RealFunction {
    double apply(double x);
}
