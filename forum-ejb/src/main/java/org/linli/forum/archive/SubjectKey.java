package org.linli.forum.archive;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The thread a subject line names: lower case, without the reply and forward prefixes mail and
 * news readers stack in front of it ("Re: Re[2]: Fwd:"), with runs of white space made one.
 */
public final class SubjectKey {

    /** Reply and forward markers of common readers, with an optional count: Re:, Re[2]:, Re^2:, Fwd:, Fw:, AW:, 回复: */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:re|fwd?|aw|sv|回复|答复|转发)\\s*(?:\\[\\d+]|\\^\\d+|\\(\\d+\\))?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Longer than the column that stores it would hold; a thread is known by its first 400 characters. */
    private static final int MAX = 400;

    private SubjectKey() {
    }

    public static String of(String subject) {
        String key = subject == null ? "" : Normalizer.normalize(subject, Normalizer.Form.NFKC);
        key = SPACE.matcher(key).replaceAll(" ").trim();
        String before;
        do {
            before = key;
            key = PREFIX.matcher(key).replaceFirst("");
        } while (!key.equals(before));
        key = key.toLowerCase(Locale.ROOT);
        return key.length() > MAX ? key.substring(0, MAX) : key;
    }

    /** The subject without its reply and forward prefixes, case kept: the title of a topic it opens. */
    public static String title(String subject) {
        String title = subject == null ? "" : SPACE.matcher(subject).replaceAll(" ").trim();
        String before;
        do {
            before = title;
            title = PREFIX.matcher(title).replaceFirst("");
        } while (!title.equals(before));
        return title;
    }
}
