package org.linli.forum.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What changed between two versions of a post, line by line: the longest common subsequence of
 * their lines kept, the rest marked as removed or added. Posts are at most 50,000 characters, so
 * the quadratic table stays small; past {@link #MAX_CELLS} the changed middle is shown whole.
 */
public final class TextDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
        /** For pages: same, removed or added. */
        public String getKind() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String getText() {
            return text;
        }
    }

    static final long MAX_CELLS = 4_000_000;

    private TextDiff() {
    }

    public static List<Line> lines(String before, String after) {
        List<String> a = List.of(before.split("\n", -1));
        List<String> b = List.of(after.split("\n", -1));
        // Lines equal at both ends need no table.
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> result = new ArrayList<>();
        a.subList(0, prefix).forEach(line -> result.add(new Line(Kind.SAME, line)));
        result.addAll(middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix)));
        a.subList(a.size() - suffix, a.size()).forEach(line -> result.add(new Line(Kind.SAME, line)));
        return result;
    }

    private static List<Line> middle(List<String> a, List<String> b) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            List<Line> whole = new ArrayList<>();
            a.forEach(line -> whole.add(new Line(Kind.REMOVED, line)));
            b.forEach(line -> whole.add(new Line(Kind.ADDED, line)));
            return whole;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                lines.add(new Line(Kind.SAME, a.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Kind.REMOVED, a.get(i++)));
            } else {
                lines.add(new Line(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            lines.add(new Line(Kind.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            lines.add(new Line(Kind.ADDED, b.get(j++)));
        }
        return Collections.unmodifiableList(lines);
    }
}
