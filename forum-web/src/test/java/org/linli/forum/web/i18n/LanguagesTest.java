package org.linli.forum.web.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "zh-CN,zh;q=0.9,en;q=0.8 | zh-CN",
            "en-US,en;q=0.9          | en",
            "en-GB,zh-CN;q=0.5       | en",
            "zh-TW,zh;q=0.9          | zh-CN",
            "zh                      | zh-CN",
            "fr-FR,fr;q=0.9          | zh-CN",
            "fr-FR,en;q=0.5          | en",
            "NULL                    | zh-CN",
            "';;;garbage==='         | zh-CN",
    })
    void followsTheBrowserAndDefaultsToChinese(String acceptLanguage, String expected) {
        assertThat(Languages.negotiated(acceptLanguage).toLanguageTag()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"zh-CN", "en", "ZH-cn", "EN"})
    void knowsItsOwnTags(String tag) {
        assertThat(Languages.forTag(tag)).isPresent();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"fr", "zh-TW", "'<script>'", "''"})
    void refusesOtherTags(String tag) {
        assertThat(Languages.forTag(tag)).isEmpty();
        assertThat(Languages.SUPPORTED).doesNotContain(Locale.forLanguageTag(tag));
    }
}
