package org.beable.model.superdeterministic;

import java.util.ArrayList;
import java.util.List;

/** Orders of n basis states, as permutations of 0 … n−1. */
final class Permutations {
    private Permutations() {}

    /** 0, 1, …, n−1: the states in their own order. */
    static int[] identity(int n) {
        int[] id = new int[n];
        for (int k = 0; k < n; k++) id[k] = k;
        return id;
    }

    /**
     * All n! orders, each a new array, always in the same sequence (position 0 swapped with
     * each later position in turn, then position 1, …), so sums over them are reproducible.
     */
    static List<int[]> all(int n) {
        List<int[]> out = new ArrayList<>();
        permute(identity(n), 0, out);
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k]; a[k] = a[i]; a[i] = t;
            permute(a, k + 1, out);
            t = a[k]; a[k] = a[i]; a[i] = t;
        }
    }
}
