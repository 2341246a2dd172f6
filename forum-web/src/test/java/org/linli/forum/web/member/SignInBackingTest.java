package org.linli.forum.web.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignInBackingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "/post/reply?topic=5,           /post/reply?topic=5",
            "/topic?id=5&page=2,            /topic?id=5&page=2",
            "NULL,                          /",
            "'',                            /",
            "https://evil.example/,         /",
            "//evil.example/path,           /",
            "'/\\evil.example',             /",
            "javascript:alert(1),           /",
            "relative/path,                 /",
    })
    void returnsOnlyToPathsOnThisSite(String target, String expected) {
        assertThat(SignInBacking.localPath(target)).isEqualTo(expected);
    }
}
