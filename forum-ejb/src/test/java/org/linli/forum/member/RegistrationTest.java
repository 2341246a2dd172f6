package org.linli.forum.member;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.forum.common.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistrationTest {

    @Test
    void acceptsChineseAndLatinUsernames() {
        assertThatCode(() -> new Registration("张伟", "zhang@example.org", "长安街 12 号楼").validate()).doesNotThrowAnyException();
        assertThatCode(() -> new Registration("li.na_2026", "li@example.org", "correct horse").validate()).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "''          | a@example.org  | password123 | username | error.username.required",
            "a           | a@example.org  | password123 | username | error.username.length",
            "abcdefghijklmnopqrstuvwxyz0123456 | a@example.org | password123 | username | error.username.length",
            "'<script>'  | a@example.org  | password123 | username | error.username.characters",
            "'a b'       | a@example.org  | password123 | username | error.username.characters",
            "_leading    | a@example.org  | password123 | username | error.username.characters",
            "alice       | ''             | password123 | email    | error.email.required",
            "alice       | not-an-email   | password123 | email    | error.email.invalid",
            "alice       | 'a@b'          | password123 | email    | error.email.invalid",
            "alice       | 'a b@c.org'    | password123 | email    | error.email.invalid",
            "alice       | '<style>body{display:none}</style>@example.org' | password123 | email | error.email.invalid",
            "alice       | 'x@example.org<style>*{}</style>' | password123 | email | error.email.invalid",
            "alice       | '\"<script>\"@example.org' | password123 | email | error.email.invalid",
            "alice       | 'Alice <a@example.org>' | password123 | email | error.email.invalid",
            "alice       | 'a(comment)@example.org' | password123 | email | error.email.invalid",
            "alice       | 'a..b@example.org' | password123 | email | error.email.invalid",
            "alice       | 'a@example..org' | password123 | email | error.email.invalid",
            "alice       | 'a@-example.org' | password123 | email | error.email.invalid",
            "alice       | 'a@b@example.org' | password123 | email | error.email.invalid",
            "alice       | a@example.org  | short       | password | error.password.length",
            "alice       | a@example.org  | 1234567     | password | error.password.length",
            "alice123    | a@example.org  | ALICE123    | password | error.password.sameAsUsername",
    })
    void rejectsWithTheFieldAndReason(String username, String email, String password, String field, String key) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> new Registration(username, email, password).validate());

        assertThat(error).isNotNull();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getMessageKey()).isEqualTo(key);
    }

    @Test
    void passwordLengthIsCountedInCharactersFrom8To128() {
        assertThatCode(() -> new Registration("alice", "a@example.org", "八个汉字的密码啊").validate()).doesNotThrowAnyException();
        assertThatCode(() -> new Registration("alice", "a@example.org", "x".repeat(128)).validate()).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> new Registration("alice", "a@example.org", "x".repeat(129)).validate()).getMessageKey())
                .isEqualTo("error.password.length");
    }

    @Test
    void acceptsTheAddressesPeopleHave() {
        for (String email : new String[] {"o'brien+forum@example.org", "li.na@mail.example.com.cn", "张伟@例子.中国",
                "a@b.co", "x".repeat(64) + "@" + "d".repeat(63) + ".example.org"}) {
            assertThatCode(() -> new Registration("alice", email, "password123").validate()).as(email).doesNotThrowAnyException();
        }
        String tooLong = "x".repeat(64) + "@" + ("d".repeat(60) + ".").repeat(4) + "org";
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> new Registration("alice", tooLong, "password123").validate()).getMessageKey()).isEqualTo("error.email.invalid");
    }

    @Test
    void everyBrokenFieldIsToldAtOnceInTheFormsOrderWithItsLimits() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> new Registration("x", "not-an-email", "short").validate());

        assertThat(error.getField()).isEqualTo("username");
        assertThat(error.getMessageKey()).isEqualTo("error.username.length");
        assertThat(error.getArguments()).containsExactly(Registration.USERNAME_MIN, Registration.USERNAME_MAX);
        assertThat(error.all()).extracting(InvalidInputException::getField).containsExactly("username", "email", "password");
        assertThat(error.all().get(2).getArguments()).containsExactly(Registration.PASSWORD_MIN, Registration.PASSWORD_MAX);
        assertThat(new Registration("alice", "alice@example.org", "alice").problems())
                .as("one problem per field: the length, not also the sameness").hasSize(1);
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> new Registration("alice", "", "short").validate()).getField()).isEqualTo("email");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> new Registration("", "", "").validate()).getArguments()).as("a required field names no limits").isEmpty();
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new Registration("alice", "a@example.org", "s3cret-value").toString()).doesNotContain("s3cret");
    }

    @Test
    void usernameKeysFoldCaseAndWidth() {
        assertThat(Member.keyOf("ＬｉｎＬｉ")).isEqualTo(Member.keyOf("linli"));
        assertThat(Member.keyOf("张伟")).isEqualTo("张伟");
    }
}
