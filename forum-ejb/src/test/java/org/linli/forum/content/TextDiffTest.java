package org.linli.forum.content;

import org.junit.jupiter.api.Test;
import org.linli.forum.content.TextDiff.Line;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.forum.content.TextDiff.Kind.ADDED;
import static org.linli.forum.content.TextDiff.Kind.REMOVED;
import static org.linli.forum.content.TextDiff.Kind.SAME;

class TextDiffTest {

    @Test
    void marksRemovedAndAddedLinesAndKeepsTheRest() {
        List<Line> diff = TextDiff.lines("路灯坏了\n在青年路\n请修理", "路灯坏了\n在青年路 12 号\n请修理\n谢谢");

        assertThat(diff).containsExactly(
                new Line(SAME, "路灯坏了"),
                new Line(REMOVED, "在青年路"),
                new Line(ADDED, "在青年路 12 号"),
                new Line(SAME, "请修理"),
                new Line(ADDED, "谢谢"));
    }

    @Test
    void identicalTextsHaveNoChanges() {
        assertThat(TextDiff.lines("a\nb", "a\nb")).extracting(Line::kind).containsOnly(SAME);
    }

    @Test
    void findsTheLongestCommonLinesInTheMiddle() {
        List<Line> diff = TextDiff.lines("a\nx\nb\ny\nc", "a\nb\nz\nc");

        assertThat(diff).extracting(Line::kind).containsExactly(SAME, REMOVED, SAME, REMOVED, ADDED, SAME);
    }

    @Test
    void hugeRewritesAreShownWholeInsteadOfComparedLineByLine() {
        String before = "a\n".repeat(3000);
        String after = "b\n".repeat(3000);

        List<Line> diff = TextDiff.lines(before, after);

        assertThat(diff).filteredOn(line -> line.kind() == REMOVED).hasSize(3000);
        assertThat(diff).filteredOn(line -> line.kind() == ADDED).hasSize(3000);
    }
}
