package org.linli.forum.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.web.common.Links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The page's language (#{language.locale}) and the links of the language switch. */
@Named("language")
@RequestScoped
public class LanguageBacking {

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = Languages.of(request());
        }
        return locale;
    }

    /** The BCP 47 tag for the html element's lang attribute. */
    public String getTag() {
        return getLocale().toLanguageTag();
    }

    /**
     * This same page in another language, with its parameters: on an error page the page the
     * reader asked for; on the answer to a form (a POST, whose address carries no parameters) the
     * form page's bookmarkable address, so the link never leads to a 404. What was typed into a
     * refused form is not carried over.
     */
    public String switchUrl(String tag) {
        HttpServletRequest request = request();
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri;
        String query;
        if (original != null) {
            uri = original.toString();
            Object originalQuery = request.getAttribute(ERROR_QUERY_STRING);
            query = originalQuery != null ? originalQuery.toString() : request.getQueryString();
        } else if ("POST".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST) {
            FacesContext faces = FacesContext.getCurrentInstance();
            String page = faces.getApplication().getViewHandler()
                    .getBookmarkableURL(faces, faces.getViewRoot().getViewId(), Map.of(), true);
            int mark = page.indexOf('?');
            uri = mark < 0 ? page : page.substring(0, mark);
            query = mark < 0 ? null : page.substring(mark + 1);
        } else {
            uri = request.getRequestURI();
            query = request.getQueryString();
        }
        query = query == null ? "" : OTHER_LANG.matcher(query).replaceAll("").replaceAll("^&+|&+$", "");
        String lang = "lang=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        return Links.local(uri + "?" + (query.isEmpty() ? lang : query + "&" + lang));
    }

    /** The query string of the request an error page answers (Servlet 6.1; absent before). */
    private static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

    /** A lang parameter already in the address, replaced by the one the link sets. */
    private static final Pattern OTHER_LANG = Pattern.compile("(?:^|&)lang=[^&]*");

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
