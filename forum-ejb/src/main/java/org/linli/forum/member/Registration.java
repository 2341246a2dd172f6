package org.linli.forum.member;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.linli.forum.common.Checks;
import org.linli.forum.common.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a newcomer types into the registration form, and the rules it must meet: each field's as
 * a Bean Validation constraint, and between fields, a password that is not the username.
 */
public record Registration(@Username String username, @EmailAddress String email, @Password String password) {

    public static final int USERNAME_MIN = 2;  // 张伟 is a whole name
    public static final int USERNAME_MAX = 32;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;

    /** Names that stand for nobody: the container calls an unauthenticated caller "anonymous". */
    static final Set<String> RESERVED = Set.of("anonymous", "guest", "system");

    /** Letters of any script (so 张伟 is a fine username), digits, and . _ - between them. */
    static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])?");
    /**
     * The plain shape of an address as people write them: dot-separated atoms of letters (any
     * script), digits and RFC 5322's atom symbols before the @, a dotted domain after it. No
     * quoted local parts, comments or display names, so no markup or quote can ride in one.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

    public Registration {
        username = username == null ? "" : username.strip();
        email = email == null ? "" : email.strip();
        password = password == null ? "" : password;
    }

    /** Throws an {@link InvalidInputException} naming the first field that breaks a rule, carrying the others. */
    public void validate() {
        List<InvalidInputException> problems = problems();
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
    }

    /** Every field that breaks a rule, one problem each, in the form's order (nothing is looked up). */
    public List<InvalidInputException> problems() {
        List<InvalidInputException> problems = new ArrayList<>(Checks.problems(this));
        if (problems.stream().noneMatch(p -> p.getField().equals("password"))
                && Member.keyOf(password).equals(Member.keyOf(username))) {
            problems.add(new InvalidInputException("password", "error.password.sameAsUsername"));
        }
        return problems;
    }

    /** Within the length limit, of the plain shape, and an address to Jakarta Mail's strict RFC 822 parser. */
    static boolean isAddress(String email) {
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getPersonal() == null && email.equals(address.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // Never print the password, not even into a log by accident.
        return "Registration[username=" + username + ", email=" + email + "]";
    }
}
