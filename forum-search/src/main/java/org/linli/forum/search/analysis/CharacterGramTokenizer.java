package org.linli.forum.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Every pair of neighbouring characters of a text, whatever the script, and every Han character
 * alone: the pair that starts at position i, and the Han character there at the same position.
 * A phrase of pairs is then a substring, exactly, for Han text, Latin words, digits and codes such
 * as A7县 alike. A Han character alone is a unit of a question; any other character alone (a
 * letter, a digit) is found as a prefix of the pairs it starts, so it is a term of its own only
 * at the very end of the text, which halves the terms of an English post. The text is first
 * {@link #normalize normalized}, as queries are. Spaces take part in pairs (so "a b" is not
 * "ab") but are no term of their own.
 */
public final class CharacterGramTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    private int[] text = new int[0];
    /** Whether each character is a term of its own as well as the first of a pair. */
    private boolean[] alone = new boolean[0];
    private int next;
    private boolean pairPending;

    /**
     * NFKC (full-width letters and digits become ASCII, compatibility forms their usual one),
     * lower case, and every run of white space one space.
     */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
            all.append(buffer, 0, read);
        }
        text = normalize(all.toString()).codePoints().toArray();
        alone = new boolean[text.length];
        for (int i = 0; i < text.length; i++) {
            alone[i] = text[i] != ' ' && (i == text.length - 1 || ForumAnalysis.isHan(text[i]));
        }
        next = 0;
        pairPending = false;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (true) {
            if (pairPending) {
                pairPending = false;
                term.setEmpty().append(new String(text, next - 1, 2));
                increment.setPositionIncrement(0);
                return true;
            }
            if (next >= text.length) {
                return false;
            }
            int at = next++;
            pairPending = next < text.length;
            if (alone[at]) {
                term.setEmpty().append(new String(text, at, 1));
                increment.setPositionIncrement(1);
                return true;
            }
            // No term of its own, but its pair keeps its place in the sequence.
            if (pairPending) {
                pairPending = false;
                term.setEmpty().append(new String(text, at, 2));
                increment.setPositionIncrement(1);
                return true;
            }
        }
    }
}
