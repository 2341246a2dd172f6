package org.linli.forum.web.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.web.i18n.Languages;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The small pages the forum answers with when it cannot render its own (a body too large to read,
 * the database away, the server full): a title, a sentence and a link home in the reader's
 * language, written without Faces, the database or any other part that may be what failed.
 */
public final class ShortPages {

    static final String MESSAGES = "org.linli.forum.web.i18n.messages";

    private ShortPages() {
    }

    /** Sends the page for {@code status}, with the texts {@code <key>.title} and {@code <key>.text}. */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html(Languages.of(request), key, request.getContextPath()));
    }

    /** The page itself; {@code home} is the path of the forum's home page. */
    public static String html(Locale language, String key, String home) {
        ResourceBundle text = ResourceBundle.getBundle(MESSAGES, language);
        String title = text.getString(key + ".title");
        return "<!DOCTYPE html><html lang=\"" + language.toLanguageTag() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " · " + text.getString("site.name") + "</title></head><body><main><h1>" + title
                + "</h1><p>" + text.getString(key + ".text") + "</p><p><a href=\"" + home + "/\">"
                + text.getString("errorpage.home") + "</a></p></main></body></html>";
    }
}
