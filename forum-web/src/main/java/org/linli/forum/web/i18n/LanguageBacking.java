package org.linli.forum.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.web.common.Links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    /** This same page in another language. */
    public String switchUrl(String tag) {
        HttpServletRequest request = request();
        // On an error page, switch the page the reader asked for, not the error page itself.
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original != null ? original.toString() : request.getRequestURI();
        String query = original != null ? null : request.getQueryString();
        String lang = "lang=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
        return Links.local(uri + "?" + (query == null || query.isEmpty() ? lang : query + "&" + lang));
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
