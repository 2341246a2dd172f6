package org.linli.forum.search;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetBreakIteratorTest {

    @Test
    void aSnippetStartsAfterTheSentenceBeforeTheMatchAndEndsWithItsOwn() {
        String text = "路灯坏了。青年路的路灯三天不亮！请尽快修理。";
        BreakIterator breaks = over(text);
        int match = text.indexOf("三天");
        assertThat(text.substring(breaks.preceding(match + 1), breaks.following(match + 1))).isEqualTo("青年路的路灯三天不亮！");
    }

    @Test
    void anEnglishFullStopEndsASentenceOnlyBeforeASpace() {
        String text = "See engin.umich.edu for the water leak report. Thanks";
        BreakIterator breaks = over(text);
        int match = text.indexOf("water");
        assertThat(breaks.preceding(match + 1)).isZero();
        assertThat(text.substring(0, breaks.following(match + 1))).endsWith("report.");
    }

    @Test
    void aTextWithoutFullStopsIsCutNearTheMatchAtASpace() {
        String text = "word ".repeat(400) + "leak " + "word ".repeat(400);
        BreakIterator breaks = over(text);
        int match = text.indexOf("leak");
        int start = breaks.preceding(match + 1);
        int end = breaks.following(match + 1);
        assertThat(match - start).isLessThanOrEqualTo(SnippetBreakIterator.REACH);
        assertThat(end - match).isLessThanOrEqualTo(SnippetBreakIterator.REACH);
        assertThat(text.charAt(start - 1)).isEqualTo(' ');
        assertThat(text.charAt(end)).isEqualTo(' ');
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        String text = "𠀀".repeat(200) + "漏水" + "𠀀".repeat(200);
        BreakIterator breaks = over(text);
        int match = text.indexOf("漏水");
        assertThat(Character.isLowSurrogate(text.charAt(breaks.preceding(match + 1)))).isFalse();
        assertThat(Character.isLowSurrogate(text.charAt(breaks.following(match + 1)))).isFalse();
    }

    @Test
    void walksThroughTheWholeTextAndStops() {
        String text = "一。二。三";
        BreakIterator breaks = over(text);
        assertThat(breaks.first()).isZero();
        assertThat(breaks.next()).isEqualTo(2);
        assertThat(breaks.next()).isEqualTo(4);
        assertThat(breaks.next()).isEqualTo(5);
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
    }

    private static BreakIterator over(String text) {
        BreakIterator breaks = new SnippetBreakIterator();
        breaks.setText(text);
        return breaks;
    }
}
