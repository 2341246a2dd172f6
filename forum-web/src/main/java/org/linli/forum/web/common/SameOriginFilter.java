package org.linli.forum.web.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ForumSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A second line against cross-site request forgery, beside the view state: a POST (or any other
 * method that changes something) that a browser says comes from another site is refused with
 * 400 before anything reads it. The browser's Origin header says where the form was, or, where
 * it sends none, the Referer; a request with neither (not from a browser, or a privacy setting)
 * is left to the view state. The origin is compared with the one the browser addressed (its
 * Host header, which another site cannot set in the member's browser) and with the configured
 * base URL, so the forum also works behind a proxy that rewrites the host.
 */
@WebFilter(filterName = "SameOriginFilter")
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE_METHODS.contains(request.getMethod()) && !fromThisSite(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromThisSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return true;
        }
        String claimed = originOf(source);
        return claimed != null && (claimed.equals(originOf(request.getScheme() + "://" + request.getHeader("Host")))
                || claimed.equals(originOf(ForumSettings.baseUrl())));
    }

    /** scheme://host:port with the default port written out, or null for anything else ("null", garbage). */
    static String originOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
