package org.beable.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.beable.experiment.Experiment;
import org.beable.format.Numbers;
import org.beable.quantum.CMatrix;

/** Value identity and a readable form for the chosen parts of λ: arrays compare by content, matrices by entries. */
public final class HiddenKeys {
    private HiddenKeys() {}

    public static Object of(Beables hidden, Set<String> given) {
        List<Object> key = new ArrayList<>();
        for (String name : hidden.parts().keySet()) {
            if (given.contains(name)) key.add(canonical(hidden.get(name)));
        }
        return key;
    }

    private static Object canonical(Object part) {
        if (part instanceof double[] a) {
            List<Double> list = new ArrayList<>(a.length);
            for (double x : a) list.add(x);
            return list;
        }
        if (part instanceof int[] a) {
            List<Integer> list = new ArrayList<>(a.length);
            for (int x : a) list.add(x);
            return list;
        }
        return part;
    }

    public static String describe(Experiment experiment, Beables hidden, Set<String> given) {
        List<String> parts = new ArrayList<>();
        for (String name : hidden.parts().keySet()) {
            if (given.contains(name)) parts.add(name + " = " + show(experiment, hidden.get(name)));
        }
        return parts.isEmpty() ? "(nothing)" : String.join(", ", parts);
    }

    /** Whether m is the prepared state, as its ket or its density matrix (compared as a ket first: the density matrix may not be made). */
    private static boolean prepared(Experiment experiment, CMatrix m) {
        if (m.isColumn()) return experiment.preparedKet().map(m::equals).orElse(false);
        return m.equals(experiment.preparedState());
    }

    private static String show(Experiment experiment, Object part) {
        if (part instanceof CMatrix m) return prepared(experiment, m) ? "the prepared state" : (m.isColumn() ? "ψ " : "ρ ") + m;
        if (part instanceof double[] a) {
            List<String> xs = new ArrayList<>();
            for (double x : a) xs.add(Numbers.format(x));
            return "[" + String.join(", ", xs) + "]";
        }
        return String.valueOf(part);
    }
}
