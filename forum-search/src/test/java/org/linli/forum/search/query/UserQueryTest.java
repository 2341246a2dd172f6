package org.linli.forum.search.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserQueryTest {

    @Test
    void wordsPhrasesExclusionsAndOr() {
        UserQuery query = UserQuery.parse("路灯 \"water leak\" -物业 电梯 OR elevator");

        assertThat(query.clauses()).containsExactly(
                new UserQuery.Clause(List.of(new UserQuery.Term("路灯", false)), false),
                new UserQuery.Clause(List.of(new UserQuery.Term("water leak", true)), false),
                new UserQuery.Clause(List.of(new UserQuery.Term("物业", false)), true),
                new UserQuery.Clause(List.of(new UserQuery.Term("电梯", false), new UserQuery.Term("elevator", false)), false));
    }

    @Test
    void filters() {
        UserQuery query = UserQuery.parse("噪音 board:3 author:ZhangWei after:2024-01-31 before:2024-03-01 in:title board:x");

        assertThat(query.boards()).containsExactly(3L);
        assertThat(query.authors()).containsExactly("zhangwei");
        assertThat(query.after()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(query.before()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(query.titleOnly()).isTrue();
        assertThat(query.clauses()).hasSize(1);
    }

    @Test
    void malformedInputFallsBackToPlainWords() {
        assertThat(UserQuery.parse("\"unbalanced 路灯").clauses()).extracting(c -> c.alternatives().get(0).text())
                .containsExactly("unbalanced", "路灯");
        assertThat(UserQuery.parse("OR OR - -- \"\" ** ((").hasPositiveTerms()).isFalse();
        assertThat(UserQuery.parse("after:yesterday 停车").after()).isNull();
        assertThat(UserQuery.parse("after:yesterday 停车").clauses()).extracting(c -> c.alternatives().get(0).text())
                .contains("停车").hasSizeGreaterThan(1);
    }

    @Test
    void aDateOutsideTheSaneRangeIsPlainWordsNotAFilter() {
        for (String filter : new String[] {"after:+999999999-12-31", "before:-999999999-01-01", "after:0001-01-01",
                "before:3000-01-01"}) {
            UserQuery query = UserQuery.parse(filter + " 路灯");
            assertThat(query.after()).as(filter).isNull();
            assertThat(query.before()).as(filter).isNull();
            assertThat(query.clauses()).as(filter).hasSizeGreaterThan(1);
        }
        assertThat(UserQuery.parse("after:1900-01-01 before:2999-12-31").before()).isEqualTo(UserQuery.LATEST);
        assertThat(UserQuery.clamp(LocalDate.MAX)).isEqualTo(UserQuery.LATEST);
        assertThat(UserQuery.clamp(LocalDate.MIN)).isEqualTo(UserQuery.EARLIEST);
        assertThat(UserQuery.parse("x".repeat(10_000)).clauses()).singleElement()
                .satisfies(c -> assertThat(c.alternatives().get(0).text()).hasSize(UserQuery.MAX_LENGTH));
        assertThat(UserQuery.parse("a ".repeat(1000)).clauses()).hasSize(UserQuery.MAX_TERMS);
        assertThat(UserQuery.parse(null).clauses()).isEmpty();
        assertThat(UserQuery.parse("AND NOT title:x* +y~2 [a TO b] {c}").clauses()).isNotEmpty();
    }
}
