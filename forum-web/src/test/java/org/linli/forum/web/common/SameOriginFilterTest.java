package org.linli.forum.web.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginFilterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "http://127.0.0.1:8080,                 http://127.0.0.1:8080",
            "http://127.0.0.1:8080/topic?id=5,      http://127.0.0.1:8080",
            "HTTP://Forum.Example.ORG/x,            http://forum.example.org:80",
            "https://forum.example.org,             https://forum.example.org:443",
            "https://forum.example.org:8443/,       https://forum.example.org:8443",
            "null,                                  NULL",
            "'',                                    NULL",
            "/relative/path,                        NULL",
            "http://exa mple.org,                   NULL",
            "NULL,                                  NULL",
    })
    void anOriginIsSchemeHostAndPortOrNothing(String url, String origin) {
        assertThat(SameOriginFilter.originOf(url)).isEqualTo(origin);
    }
}
