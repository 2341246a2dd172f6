package org.linli.forum.content;

import org.linli.forum.common.InvalidInputException;

/**
 * The limits every title and body meets, checked by the services (the one authority) and
 * published to the forms for their hints. Lengths count characters as a reader does (code
 * points), so 200 Chinese characters or emoji are 200.
 */
public final class ContentRules {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 50_000;
    /** A moderator's reason, a report's reason, a dismissal's note. */
    public static final int REASON_MAX = 1000;

    private ContentRules() {
    }

    /** The title as typed, if it is acceptable. */
    public static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "error.title.required");
        }
        if (title.codePointCount(0, title.length()) > TITLE_MAX) {
            throw new InvalidInputException("title", "error.title.tooLong", TITLE_MAX);
        }
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("title", "error.title.characters");
        }
        return title;
    }

    /** The body with line endings made uniform, if it is acceptable. */
    public static String checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "error.body.required");
        }
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        if (text.codePointCount(0, text.length()) > BODY_MAX) {
            throw new InvalidInputException("body", "error.body.tooLong", BODY_MAX);
        }
        // Tabs and line breaks are text; other control characters (NUL above all, which
        // PostgreSQL refuses to store) are not.
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidInputException("body", "error.body.characters");
        }
        return text;
    }

    /**
     * A reason as typed (stripped), if acceptable; null when none was given and none is
     * {@code required}.
     */
    public static String checkReason(String reason, boolean required) {
        String text = reason == null ? "" : reason.strip().replace("\r\n", "\n").replace('\r', '\n');
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
