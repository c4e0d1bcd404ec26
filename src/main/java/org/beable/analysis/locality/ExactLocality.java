package org.beable.analysis.locality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.model.Beables;
import org.beable.model.OntologicalModel;

/**
 * The conditions decided by enumeration, for a model whose λ takes finitely many values: p(λ_B | s)
 * is the support aggregated over the parts not given, and every comparison is made on the λ that
 * occur under at least one of the settings compared, to a tolerance near machine precision.
 */
final class ExactLocality {
    static final double TOLERANCE = 1e-9;

    private final Experiment experiment;
    private final OntologicalModel model;
    private final Set<String> given;
    private final Parties parties;
    private final List<Map<Object, Double>> probability = new ArrayList<>();   // per combination: λ_B → p(λ_B | s)
    private final Map<Object, Beables> representative = new LinkedHashMap<>();
    private final Map<Long, double[]> responses = new HashMap<>();
    private final Map<Object, Integer> index = new HashMap<>();

    ExactLocality(Experiment experiment, OntologicalModel model, Set<String> given, List<List<OntologicalModel.WeightedHidden>> supports) {
        this.experiment = experiment;
        this.model = model;
        this.given = given;
        this.parties = new Parties(experiment);
        for (List<OntologicalModel.WeightedHidden> support : supports) {
            Map<Object, Double> p = new LinkedHashMap<>();
            for (OntologicalModel.WeightedHidden w : support) {
                Object key = model.hiddenKey(experiment, w.hidden(), given);
                p.merge(key, w.probability(), Double::sum);
                representative.putIfAbsent(key, w.hidden());
                index.putIfAbsent(key, index.size());
            }
            probability.add(p);
        }
    }

    private double[] response(int combination, Object key) {
        return responses.computeIfAbsent((long) combination * index.size() + index.get(key),
                k -> model.responseGiven(experiment, combination, representative.get(key), given));
    }

    private Set<Object> support(int... combinations) {
        Set<Object> keys = new LinkedHashSet<>();
        for (int c : combinations) {
            for (Map.Entry<Object, Double> e : probability.get(c).entrySet()) if (e.getValue() > 0) keys.add(e.getKey());
        }
        return keys;
    }

    private String lambda(Object key) {
        return model.describeHidden(experiment, representative.get(key), given);
    }

    List<Verdict> verdicts() {
        String method = "exact enumeration of " + representative.size() + " value" + (representative.size() == 1 ? "" : "s") + " of λ";
        return List.of(parameterIndependence(method), outcomeIndependence(method), localCausality(method),
                noSignalling(), statisticalIndependence(method));
    }

    private Verdict parameterIndependence(String method) {
        Worst worst = new Worst();
        for (int party = 0; party < parties.count(); party++) {
            for (int[] pair : parties.remotePairs(party)) {
                for (Object key : support(pair[0], pair[1])) {
                    double[] a = parties.marginal(response(pair[0], key), party, pair[0]);
                    double[] b = parties.marginal(response(pair[1], key), party, pair[1]);
                    final int p = party;
                    worst.offer(Parties.maxDifference(a, b), () -> lambda(key) + "; " + parties.name(p) + " at "
                            + parties.describe(pair[0]) + " vs " + parties.describe(pair[1]) + ": P = " + list(a) + " vs " + list(b));
                }
            }
        }
        return verdict(Condition.PI, worst, method);
    }

    private Verdict outcomeIndependence(String method) {
        Worst worst = new Worst();
        for (int c = 0; c < parties.combinations(); c++) {
            for (Object key : support(c)) {
                double[] joint = response(c, key);
                double[][] marginals = new double[parties.count()][];
                for (int party = 0; party < parties.count(); party++) marginals[party] = parties.marginal(joint, party, c);
                final int combination = c;
                worst.offer(parties.distanceFromProduct(joint, marginals, c),
                        () -> lambda(key) + "; at " + parties.describe(combination) + " P(o) = " + list(joint));
            }
        }
        return verdict(Condition.OI, worst, method);
    }

    private Verdict localCausality(String method) {
        Worst worst = new Worst();
        for (int c = 0; c < parties.combinations(); c++) {
            int[] compared = new int[parties.count() + 1];
            compared[0] = c;
            for (int party = 0; party < parties.count(); party++) compared[party + 1] = parties.reference(party, c);
            for (Object key : support(compared)) {
                double[][] local = new double[parties.count()][];
                for (int party = 0; party < parties.count(); party++) {
                    int ref = parties.reference(party, c);
                    local[party] = parties.marginal(response(ref, key), party, ref);
                }
                double[] joint = response(c, key);
                final int combination = c;
                worst.offer(parties.distanceFromProduct(joint, local, c),
                        () -> lambda(key) + "; at " + parties.describe(combination) + " P(o) = " + list(joint)
                                + " is not a product of local responses");
            }
        }
        return verdict(Condition.LC, worst, method);
    }

    private Verdict noSignalling() {
        List<double[]> averaged = new ArrayList<>();
        for (int c = 0; c < parties.combinations(); c++) {
            double[] p = new double[experiment.outcomes(c).size()];
            for (Map.Entry<Object, Double> e : probability.get(c).entrySet()) {
                double[] r = response(c, e.getKey());
                for (int o = 0; o < p.length; o++) p[o] += e.getValue() * r[o];
            }
            averaged.add(p);
        }
        Worst worst = new Worst();
        for (int party = 0; party < parties.count(); party++) {
            for (int[] pair : parties.remotePairs(party)) {
                double[] a = parties.marginal(averaged.get(pair[0]), party, pair[0]);
                double[] b = parties.marginal(averaged.get(pair[1]), party, pair[1]);
                final int p = party;
                worst.offer(Parties.maxDifference(a, b), () -> parties.name(p) + " at " + parties.describe(pair[0]) + " vs "
                        + parties.describe(pair[1]) + ": P = " + list(a) + " vs " + list(b));
            }
        }
        return verdict(Condition.NS, worst, "exact (λ-averaged responses)");
    }

    private Verdict statisticalIndependence(String method) {
        Worst worst = new Worst();
        for (int c = 0; c < parties.combinations(); c++) {
            for (int d = c + 1; d < parties.combinations(); d++) {
                for (Object key : support(c, d)) {
                    double pc = probability.get(c).getOrDefault(key, 0.0);
                    double pd = probability.get(d).getOrDefault(key, 0.0);
                    final int a = c;
                    final int b = d;
                    worst.offer(Math.abs(pc - pd), () -> lambda(key) + ": p(λ) = " + Numbers.format(pc) + " at "
                            + parties.describe(a) + " vs " + Numbers.format(pd) + " at " + parties.describe(b));
                }
            }
        }
        return verdict(Condition.SI, worst, method);
    }

    private static Verdict verdict(Condition condition, Worst worst, String method) {
        boolean holds = worst.size <= TOLERANCE;
        return new Verdict(condition, holds, holds ? 0 : worst.size, 0, holds ? "" : worst.witness, method);
    }

    static String list(double[] p) {
        List<String> xs = new ArrayList<>();
        for (double x : p) xs.add(Numbers.format(Math.abs(x) < 1e-15 ? 0 : x));
        return "[" + String.join(", ", xs) + "]";
    }
}
