package org.linli.forum.web.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedServletTest {

    @Test
    void charactersXmlCannotCarryAreDroppedAndTheRestKept() {
        assertThat(AtomFeedServlet.xmlSafe("路灯 <b>&amp; \"x\" 😀\tok\n")).isEqualTo("路灯 <b>&amp; \"x\" 😀\tok\n");
        assertThat(AtomFeedServlet.xmlSafe("a\u0000b\u0001c\u001Fd\uFFFEe\uFFFF")).isEqualTo("abcde");
        assertThat(AtomFeedServlet.xmlSafe("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone  high, lone  low");
    }
}
