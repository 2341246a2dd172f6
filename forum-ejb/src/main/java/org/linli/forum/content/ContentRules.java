package org.linli.forum.content;

import org.linli.forum.common.Checks;
import org.linli.forum.common.InvalidInputException;

/**
 * The limits every title and body meets, and what Bean Validation cannot say of them: the
 * rules themselves are the {@link Title} and {@link Body} constraints, on the services' contracts
 * and checked here for callers without one (the archive import); here the text is also made
 * uniform (line breaks) and a reason's need depends on the action. Lengths count characters as a
 * reader does (code points), so 200 Chinese characters or emoji are 200. The limits are
 * published to the forms for their hints.
 */
public final class ContentRules {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 50_000;
    /** A moderator's reason, a report's reason, a dismissal's note. */
    public static final int REASON_MAX = 1000;

    private record TitleInput(@Title String title) {
    }

    private record BodyInput(@Body String body) {
    }

    private ContentRules() {
    }

    /** The title as typed, if it is acceptable. */
    public static String checkTitle(String title) {
        Checks.validate(new TitleInput(title));
        return title;
    }

    /** The body with line endings made uniform, if it is acceptable. */
    public static String checkBody(String body) {
        Checks.validate(new BodyInput(body));
        return uniformLineBreaks(body);
    }

    /** Every line break as one \n, whatever the browser or the archive sent. */
    public static String uniformLineBreaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A reason as typed (stripped), if acceptable; null when none was given and none is
     * {@code required}.
     */
    public static String checkReason(String reason, boolean required) {
        String text = reason == null ? "" : uniformLineBreaks(reason.strip());
        if (text.isEmpty()) {
            if (required) {
                throw new InvalidInputException("reason", "error.reason.required");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > REASON_MAX) {
            throw new InvalidInputException("reason", "error.reason.tooLong", REASON_MAX);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException("reason", "error.reason.characters");
        }
        return text;
    }
}
