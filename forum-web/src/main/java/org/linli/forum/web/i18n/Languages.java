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

    static final String COOKIE = "linli_lang";

    private Languages() {
    }

    public static Locale of(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> negotiated(request.getHeader("Accept-Language")));
    }

    /** A supported language for a tag such as zh-CN or en; nothing for anything else. */
    public static Optional<Locale> forTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(tag.strip())).findFirst();
    }

    static Locale negotiated(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            List<Locale> matches = Locale.filter(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return matches.isEmpty() ? CHINESE : matches.get(0);
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
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
