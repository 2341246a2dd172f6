package org.linli.forum.content;

import org.junit.jupiter.api.Test;
import org.linli.forum.common.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContentRulesTest {

    @Test
    void titlesAreKeptExactlyAsTyped() {
        assertThat(ContentRules.checkTitle("  路灯坏了 <b>?</b>  ")).isEqualTo("  路灯坏了 <b>?</b>  ");
    }

    @Test
    void titleLimitCountsCharactersNotUtf16Units() {
        assertThat(ContentRules.checkTitle("😀".repeat(200))).hasSize(400);
        assertThat(ContentRules.checkTitle("路".repeat(200))).hasSize(200);
        assertThat(error(() -> ContentRules.checkTitle("路".repeat(201))).getMessageKey()).isEqualTo("error.title.tooLong");
    }

    @Test
    void blankOrControlCharacterTitlesAreRefused() {
        assertThat(error(() -> ContentRules.checkTitle(null)).getMessageKey()).isEqualTo("error.title.required");
        assertThat(error(() -> ContentRules.checkTitle(" \t ")).getMessageKey()).isEqualTo("error.title.required");
        assertThat(error(() -> ContentRules.checkTitle("a\u0000b")).getMessageKey()).isEqualTo("error.title.characters");
        assertThat(error(() -> ContentRules.checkTitle("two\nlines")).getField()).isEqualTo("title");
    }

    @Test
    void bodyLimitIs50000Characters() {
        assertThat(ContentRules.checkBody("水".repeat(50_000))).hasSize(50_000);
        InvalidInputException tooLong = error(() -> ContentRules.checkBody("水".repeat(50_001)));
        assertThat(tooLong.getMessageKey()).isEqualTo("error.body.tooLong");
        assertThat(tooLong.getArguments()).containsExactly(50_000);
    }

    @Test
    void bodyLineEndingsAreMadeUniformAndNulRefused() {
        assertThat(ContentRules.checkBody("a\r\nb\rc\td")).isEqualTo("a\nb\nc\td");
        assertThat(error(() -> ContentRules.checkBody("a\u0000")).getMessageKey()).isEqualTo("error.body.characters");
        assertThat(error(() -> ContentRules.checkBody("\n\n")).getMessageKey()).isEqualTo("error.body.required");
    }

    private static InvalidInputException error(Runnable check) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, check::run);
        assertThat(error).isNotNull();
        return error;
    }
}
