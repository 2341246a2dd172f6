package org.linli.forum.web.i18n;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.web.common.Links;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language switch: a GET with {@code lang=en} or {@code lang=zh-CN} remembers the choice in
 * a cookie (no session, so anonymous reading stays stateless) and redirects to the same page
 * without the parameter (a path of this site only: see {@link Links#local}).
 */
@WebFilter(filterName = "LanguageFilter")
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String tag = request.getParameter("lang");
        if (tag == null || !"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Locale> language = Languages.forTag(tag);
        if (language.isPresent()) {
            Cookie cookie = new Cookie(Languages.COOKIE, language.get().toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", Links.local(request.getRequestURI() + withoutLang(request.getQueryString())));
    }

    private static String withoutLang(String query) {
        if (query == null) {
            return "";
        }
        String rest = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.equals("lang") && !pair.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? "" : "?" + rest;
    }
}
