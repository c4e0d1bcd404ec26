package org.beable.golden;

import java.util.List;

/** A small line diff (longest common subsequence) for readable golden-test failures. */
public final class LineDiff {
    private LineDiff() {}

    /**
     * Lines common to both prefixed with two spaces, expected-only lines with "- ", actual-only
     * lines with "+ "; each line numbered as it appears in its own text.
     */
    public static String of(List<String> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = GoldenScript.matches(expected.get(i), actual.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && GoldenScript.matches(expected.get(i), actual.get(j))) {
                line(out, "  ", j + 1, actual.get(j));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                line(out, "+ ", j + 1, actual.get(j));
                j++;
            } else {
                line(out, "- ", i + 1, expected.get(i));
                i++;
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String mark, int number, String text) {
        out.append(mark).append(String.format("%3d", number)).append(" | ").append(visible(text)).append('\n');
    }

    /** Trailing spaces and tabs shown, since they are easy to miss. */
    private static String visible(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
        return end == text.length() ? text : text.substring(0, end) + text.substring(end).replace(" ", "·").replace("\t", "→");
    }
}
