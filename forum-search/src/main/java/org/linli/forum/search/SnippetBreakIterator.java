package org.linli.forum.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Where a snippet may start and end: after a sentence's end (。！？；!?; a full stop before a
 * space) or a line break, looked for at most {@link #REACH} characters either side of a match,
 * else at a space, else anywhere. The JDK's sentence iterator walks back over the whole text to
 * find where a sentence starts, which cost most of a search's time on long posts with few full
 * stops (quoted mail, code); a snippet never needs to see further than its own length.
 */
final class SnippetBreakIterator extends BreakIterator {

    /** How far from a match a snippet reaches at most, each way. */
    static final int REACH = 80;

    private String text = "";
    private int current;

    @Override
    public int first() {
        current = 0;
        return current;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        if (current >= text.length()) {
            return DONE;
        }
        current = following(current);
        return current;
    }

    @Override
    public int previous() {
        if (current <= 0) {
            return DONE;
        }
        current = preceding(current);
        return current;
    }

    /** The first break after {@code offset}. */
    @Override
    public int following(int offset) {
        if (offset >= text.length()) {
            current = text.length();
            return DONE;
        }
        int limit = Math.min(text.length(), offset + REACH);
        int space = -1;
        for (int i = offset + 1; i <= limit; i++) {
            if (endsSentence(i)) {
                return current = i;
            }
            if (space < 0 && i < text.length() && Character.isWhitespace(text.charAt(i))) {
                space = i;
            }
        }
        return current = limit == text.length() ? limit : settle(space > 0 ? space : limit);
    }

    /** The last break before {@code offset}. */
    @Override
    public int preceding(int offset) {
        if (offset <= 0) {
            current = 0;
            return DONE;
        }
        int limit = Math.max(0, offset - REACH);
        int space = -1;
        for (int i = offset - 1; i >= limit; i--) {
            if (i == 0 || endsSentence(i)) {
                return current = i;
            }
            if (space < 0 && Character.isWhitespace(text.charAt(i - 1))) {
                space = i;
            }
        }
        return current = settle(space > 0 ? space : limit);
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder all = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            all.append(c);
        }
        setText(all.toString());
    }

    /** Whether a sentence or line ends just before {@code i}. */
    private boolean endsSentence(int i) {
        if (i <= 0 || i >= text.length()) {
            return true;
        }
        char before = text.charAt(i - 1);
        return switch (before) {
            case '\n', '。', '！', '？', '；', '!', '?' -> true;
            case '.' -> Character.isWhitespace(text.charAt(i));
            default -> false;
        };
    }

    /** {@code i}, moved off the middle of a surrogate pair. */
    private int settle(int i) {
        return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
    }
}
