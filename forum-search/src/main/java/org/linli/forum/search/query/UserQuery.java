package org.linli.forum.search.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What someone typed into the search box, understood. The syntax: words; "a phrase"; -word or
 * -"phrase" to exclude; {@code a OR b}; and the filters {@code board:3}, {@code author:name},
 * {@code after:2024-01-31}, {@code before:2024-03-01} and {@code in:title}. Parsing never
 * fails: an unbalanced quote, a lone operator, a filter with a bad value or any other oddity
 * falls back to plain words, and the input is capped in length and terms.
 */
public record UserQuery(List<Clause> clauses, Set<Long> boards, Set<String> authors,
                        LocalDate after, LocalDate before, boolean titleOnly) {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 32;

    /** The dates a filter may name; outside them a date is surely a typo or a probe, not a day with posts. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** A word or phrase as typed. */
    public record Term(String text, boolean phrase) {
    }

    /** Terms joined by OR (usually one), required unless excluded. */
    public record Clause(List<Term> alternatives, boolean excluded) {
    }

    public UserQuery {
        clauses = List.copyOf(clauses);
        boards = Set.copyOf(boards);
        authors = Set.copyOf(authors);
    }

    public boolean hasPositiveTerms() {
        return clauses.stream().anyMatch(clause -> !clause.excluded());
    }

    /** A date of a date filter field, pulled into {@link #EARLIEST}..{@link #LATEST}. */
    public static LocalDate clamp(LocalDate date) {
        return date.isBefore(EARLIEST) ? EARLIEST : date.isAfter(LATEST) ? LATEST : date;
    }

    public boolean hasFilters() {
        return !boards.isEmpty() || !authors.isEmpty() || after != null || before != null;
    }

    public static UserQuery parse(String input) {
        String text = input == null ? "" : input;
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        Parser parser = new Parser();
        for (Token token : tokens(text)) {
            parser.accept(token);
        }
        return parser.result();
    }

    private record Token(String text, boolean phrase, boolean excluded) {
    }

    /** Splits at white space, keeping "quoted phrases" together; an unbalanced quote is dropped. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            boolean excluded = false;
            if (text.charAt(i) == '-' && i + 1 < text.length() && !isSpace(text.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            if (text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end > i) {
                    tokens.add(new Token(text.substring(i + 1, end), true, excluded));
                    i = end + 1;
                    continue;
                }
                i++;  // an unbalanced quote: read on as a word
            }
            int start = i;
            while (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != '"') {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(text.substring(start, i), false, excluded));
            }
        }
        return tokens;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static final class Parser {
        private final List<Clause> clauses = new ArrayList<>();
        private final Set<Long> boards = new LinkedHashSet<>();
        private final Set<String> authors = new LinkedHashSet<>();
        private LocalDate after;
        private LocalDate before;
        private boolean titleOnly;
        private boolean orPending;
        private int terms;

        void accept(Token token) {
            if (!token.phrase() && !token.excluded() && token.text().equals("OR")) {
                orPending = !clauses.isEmpty();
                return;
            }
            if (!token.phrase() && !token.excluded() && filter(token.text())) {
                orPending = false;
                return;
            }
            String text = token.text().strip();
            if (text.isEmpty() || terms >= MAX_TERMS || !hasLetterOrDigit(text)) {
                return;
            }
            terms++;
            Term term = new Term(text, token.phrase());
            Clause last = clauses.isEmpty() ? null : clauses.get(clauses.size() - 1);
            if (orPending && last != null && !last.excluded() && !token.excluded()) {
                List<Term> alternatives = new ArrayList<>(last.alternatives());
                alternatives.add(term);
                clauses.set(clauses.size() - 1, new Clause(alternatives, false));
            } else {
                clauses.add(new Clause(List.of(term), token.excluded()));
            }
            orPending = false;
        }

        /** True if the word was a filter (understood, or not and then ignored). */
        private boolean filter(String word) {
            int colon = word.indexOf(':');
            if (colon <= 0 || colon == word.length() - 1) {
                return false;
            }
            String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = word.substring(colon + 1);
            switch (key) {
                case "board" -> {
                    try {
                        boards.add(Long.parseLong(value));
                    } catch (NumberFormatException ignored) {
                        // not a board: the filter is dropped
                    }
                    return true;
                }
                case "author" -> {
                    authors.add(value.toLowerCase(Locale.ROOT));
                    return true;
                }
                case "after" -> {
                    Optional<LocalDate> date = date(value);
                    date.ifPresent(day -> after = day);
                    return date.isPresent();
                }
                case "before" -> {
                    Optional<LocalDate> date = date(value);
                    date.ifPresent(day -> before = day);
                    return date.isPresent();
                }
                case "in" -> {
                    titleOnly = titleOnly || value.equalsIgnoreCase("title");
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        /** A day in the sane range, or nothing (and the filter is searched as plain words). */
        private static Optional<LocalDate> date(String value) {
            try {
                LocalDate day = LocalDate.parse(value);
                return day.isBefore(EARLIEST) || day.isAfter(LATEST) ? Optional.empty() : Optional.of(day);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }

        private static boolean hasLetterOrDigit(String text) {
            return text.codePoints().anyMatch(Character::isLetterOrDigit);
        }

        UserQuery result() {
            return new UserQuery(clauses, boards, authors, after, before, titleOnly);
        }
    }
}
