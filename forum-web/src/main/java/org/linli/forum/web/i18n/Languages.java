package org.linli.forum.web.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the forum and how a request picks one: the reader's choice (a cookie set by
 * the switch on every page), else the browser's Accept-Language, else Chinese.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    public static final String COOKIE = "linli_lang";

    private Languages() {
    }

    public static Locale of(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> negotiated(request.getHeader("Accept-Language")));
    }

    /** The same choice, before the request is a servlet request: from the value of the cookie {@link #COOKIE} (or null) and the Accept-Language header. */
    public static Locale of(String chosenTag, String acceptLanguage) {
        return forTag(chosenTag).orElseGet(() -> negotiated(acceptLanguage));
    }

    /** A supported language for a tag such as zh-CN or en; nothing for anything else. */
    public static Optional<Locale> forTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(tag.strip())).findFirst();
    }

    /**
     * The first supported language in the browser's order of preference. A language is matched
     * by its primary subtag, so en-GB reads English and zh-TW reads Chinese.
     */
    static Locale negotiated(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (range.getWeight() > 0) {
                    for (Locale supported : SUPPORTED) {
                        if (supported.getLanguage().equals(language)) {
                            return supported;
                        }
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // an unreadable header says nothing
        }
        return CHINESE;
    }

    private static Optional<Locale> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return forTag(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
