package org.beable.model.scripted;

import java.util.ArrayList;
import java.util.List;
import org.beable.format.Numbers;

/**
 * A hidden variable of a model bound to one experiment: its slots and its compiled
 * parameters. {@link #at} evaluates what depends only on the settings, per combination.
 */
abstract class BoundHidden {
    final Layout layout;
    final int index;
    final String name;
    final int slot;
    final int width;
    private final boolean[] reads;   // which earlier hidden variables the distribution reads

    BoundHidden(Layout layout, int index) {
        this.layout = layout;
        this.index = index;
        this.name = layout.hiddenName(index);
        this.slot = layout.hiddenSlot(index);
        this.width = layout.hiddenWidth(index);
        this.reads = new boolean[index];
    }

    static BoundHidden bind(Layout layout, int index, HiddenDistribution distribution) {
        return distribution.accept(new HiddenDistribution.Cases<BoundHidden>() {
            @Override public BoundHidden uniform(HiddenDistribution.Uniform d) { return new UniformVariable(layout, index, d); }
            @Override public BoundHidden normal(HiddenDistribution.Normal d) { return new NormalVariable(layout, index, d); }
            @Override public BoundHidden discrete(HiddenDistribution.Discrete d) { return new DiscreteVariable(layout, index, d); }
            @Override public BoundHidden sphere(HiddenDistribution.Sphere d) { return new SphereVariable(layout, index); }
            @Override public BoundHidden disk(HiddenDistribution.Disk d) { return new DiskVariable(layout, index); }
            @Override public BoundHidden pdf(HiddenDistribution.Density d) { return new DensityVariable(layout, index, d); }
        });
    }

    /** The variable under one combination; {@code settings} is a context with that combination's settings in place. */
    abstract HiddenAt at(double[] settings);

    /** A parameter that may read settings and earlier hidden variables. */
    SlotFunction parameter(SlotExpression expression, String part) {
        Scope scope = layout.distributionScope(index, part);
        SlotFunction f = expression.bind(scope);
        remember(scope);
        return f;
    }

    /** A part of a tabulated density, which may read settings (and the density its own point) only. */
    SlotFunction densityPart(SlotExpression expression, String part, boolean ownPoint) {
        Scope scope = layout.densityScope(index, part, ownPoint);
        SlotFunction f = expression.bind(scope);
        remember(scope);
        return f;
    }

    private void remember(Scope scope) {
        java.util.BitSet bits = scope.reads();
        for (int j = 0; j < index; j++) {
            int from = layout.hiddenSlot(j);
            int next = bits.nextSetBit(from);
            if (next >= 0 && next < from + layout.hiddenWidth(j)) reads[j] = true;
        }
    }

    /** Whether the distribution reads an earlier hidden variable, so it must be evaluated trial by trial. */
    boolean varies() {
        for (boolean r : reads) if (r) return true;
        return false;
    }

    /** Whether the distribution reads hidden variable j. */
    boolean reads(int j) {
        return j < reads.length && reads[j];
    }

    /** A refusal naming the variable, the problem and where it happened. */
    IllegalArgumentException refusal(String problem, double[] context) {
        return PartFailure.hidden(name, "hidden variable " + name + ": " + problem + " (at " + layout.describe(context, index) + ")");
    }

    static String number(double x) {
        return Numbers.format(x);
    }

    // ------------------------------------------------------------------ as a part of Beables

    /** The value in the context as a Beables part: a Double for a number, a double[] for a vector. */
    Object part(double[] context) {
        if (width == 1) return context[slot];
        double[] v = new double[width];
        System.arraycopy(context, slot, v, 0, width);
        return v;
    }

    /** Puts a Beables part (Double, double[] or a list of numbers) into the context. */
    void put(Object part, double[] context) {
        if (width == 1 && part instanceof Number n) {
            context[slot] = n.doubleValue();
            return;
        }
        List<Double> components = new ArrayList<>();
        if (part instanceof double[] a) {
            for (double x : a) components.add(x);
        } else if (part instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
            for (Object x : list) components.add(((Number) x).doubleValue());
        }
        if (components.size() != width) {
            throw new IllegalArgumentException("hidden variable " + name + " takes " + (width == 1 ? "a number" : width + " numbers")
                    + ", not " + (part instanceof double[] a ? java.util.Arrays.toString(a) : String.valueOf(part)));
        }
        for (int k = 0; k < width; k++) context[slot + k] = components.get(k);
    }

    String show(double[] context) {
        return name + " = " + Layout.show(context, slot, width);
    }
}
