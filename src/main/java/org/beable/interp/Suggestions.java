package org.beable.interp;

import java.util.Collection;

/** "Did you mean …?" — the closest defined name within a small edit distance. */
final class Suggestions {
    private Suggestions() {}

    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = 2 * (Math.max(1, name.length() / 3) + 1);
        for (String c : candidates) {
            // Case counts as half an edit: the script's own `x` beats the builtin `X` for `xx`.
            int d = 2 * distance(name.toLowerCase(), c.toLowerCase()) + (distance(name, c) > distance(name.toLowerCase(), c.toLowerCase()) ? 1 : 0);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
