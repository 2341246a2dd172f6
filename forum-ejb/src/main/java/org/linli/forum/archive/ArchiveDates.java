package org.linli.forum.archive;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dates archives write, read leniently: a date that cannot be read is unknown, not an error. */
final class ArchiveDates {

    /** RFC 822 and its 1993 variants: "Fri, 2 Apr 93 20:57:33 GMT", "2 Apr 1993 20:57 -0500". */
    private static final Pattern NEWS = Pattern.compile(
            "^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2}|\\d{4})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Za-z]{1,5}|[+-]\\d{4})?");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7),
            Map.entry("BST", 1), Map.entry("MET", 1), Map.entry("CET", 1), Map.entry("MEST", 2),
            Map.entry("CEST", 2), Map.entry("JST", 9));
    /** "2019/2/28 11:25:05", "2019-02-28 11:25:05", "2019/2/28 9:05". */
    private static final Pattern BOARD = Pattern.compile(
            "^(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    private ArchiveDates() {
    }

    static Optional<Instant> news(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NEWS.matcher(text.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) / 3 + 1;
        if (month < 1 || MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) % 3 != 0) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (year < 100) {
            year += year < 70 ? 2000 : 1900;
        }
        ZoneOffset offset = offset(m.group(7));
        try {
            return Optional.of(LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6))).toInstant(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> board(String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = BOARD.matcher(text.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6))).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A zone name or numeric offset; unknown or missing means UTC (as Usenet servers mostly wrote). */
    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            if (hours > 18 || minutes > 59) {
                return ZoneOffset.UTC;
            }
            int sign = zone.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return ZoneOffset.ofHours(ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), 0));
    }
}
