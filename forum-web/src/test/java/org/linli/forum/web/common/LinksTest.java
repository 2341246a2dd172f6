package org.linli.forum.web.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "/post/reply?topic=5,                   /post/reply?topic=5",
            "/topic?id=5&page=2#p3,                 /topic?id=5&page=2#p3",
            "/,                                     /",
            "/mod/,                                 /mod/",
            "NULL,                                  /",
            "'',                                    /",
            "https://evil.example/,                 /",
            "javascript:alert(1),                   /",
            "relative/path,                         /",
            "//evil.example/?lang=en,               /evil.example/?lang=en",
            "///evil.example/board?id=1,            /evil.example/board?id=1",
            "'/\\evil.example',                     /evil.example",
            "'\\\\evil.example/',                   /evil.example/",
            "/.//evil.example/?lang=en,             /evil.example/?lang=en",
            "/%2F%2Fevil.example/,                  /evil.example/",
            "/%5c%5Cevil.example/,                  /evil.example/",
            "/%2e%2E/%2e%2e//evil.example,          /evil.example",
            "/a/../../..//evil.example,             /evil.example",
            "/topic?next=//evil.example,            /topic?next=//evil.example",
    })
    void keepsEveryTargetOnThisSite(String target, String expected) {
        assertThat(Links.local(target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'/search?q=路灯',                   /search?q=%E8%B7%AF%E7%81%AF",
            "'/search?q=a\u3000b',               /search?q=a%E3%80%80b",
            "'/search?q=a b\"<>',                /search?q=a%20b%22%3C%3E",
    })
    void writesOnlyPrintableAsciiSoAHeaderCarriesItWhole(String target, String expected) {
        assertThat(Links.local(target)).isEqualTo(expected);
    }

    @Test
    void dropsControlCharactersSoNoHeaderCanBeAdded() {
        assertThat(Links.local("/topic?id=1\r\nSet-Cookie: x=1")).isEqualTo("/topic?id=1Set-Cookie:%20x=1");
        assertThat(Links.local("/\u0000/evil.example")).isEqualTo("/evil.example");
    }
}
