package org.linli.forum.web.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.linli.forum.common.ContentGeneration;
import org.linli.forum.web.i18n.Languages;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Public pages for anonymous readers, rendered once and served again until something a reader can
 * see changes. A page read without a session (the board index, a board, a topic, search) is kept
 * with the {@link ContentGeneration} it was rendered under and served from memory while that is
 * still current: every committed change to topics, posts, boards or members moves the generation
 * on, so no reader gets a page older than the last change, whichever server made it (the
 * generation is shared by a cluster's servers; a page is in any case kept at most
 * {@code linli.page.cache.seconds}, default 60). Every
 * anonymous page also carries an ETag of its bytes and {@code Cache-Control: no-cache}: a browser
 * that asks again with it gets 304 Not Modified. Signed-in pages (they have a session), forms and
 * requests that count their SQL statements ({@code X-Linli-Probe}) are rendered every time.
 * While the database cannot be reached, the last copy of a page is served, however old (see
 * {@link DatabaseOutageFilter} for every other request). Setting {@code linli.page.cache=false}
 * turns the memory cache off (the ETags stay).
 */
@WebFilter(filterName = "AnonymousPageFilter")
public class AnonymousPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The reading pages; anything with a form or a redirect is not among them. */
    static final Set<String> READING_PAGES = Set.of("/", "/index", "/board", "/topic", "/search");

    private transient PageCache<PageCache.Page> cache;

    @Override
    public void init() {
        cache = PageCache.<PageCache.Page>fromSettings().orElse(null);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean anonymousRead = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getRequestedSessionId() == null && request.getSession(false) == null;
        if (!anonymousRead) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/pictures/")) {
            // Pictures carry their own ETag and caching (PictureServlet); never held in memory here.
            chain.doFilter(request, response);
            return;
        }
        String key = cache != null && "GET".equals(request.getMethod()) && READING_PAGES.contains(path)
                && request.getHeader(StatementCountFilter.PROBE) == null
                ? path + "?" + request.getQueryString() + "|" + Languages.of(request).toLanguageTag()
                : null;
        // Taken before rendering: a change committed meanwhile leaves this page stamped as older.
        long generation = ContentGeneration.current();
        if (key != null) {
            Optional<PageCache.Page> cached = cache.find(key, generation, Instant.now());
            if (cached.isPresent()) {
                send(request, response, cached.get().body(), cached.get().contentType(), cached.get().etag());
                return;
            }
        }
        BufferedResponse buffered = new BufferedResponse(response);
        try {
            chain.doFilter(request, buffered);
        } catch (IOException | ServletException | RuntimeException failure) {
            // With the database away, a reader still gets the page as it last was rather than 503.
            Optional<PageCache.Page> last = key != null && DatabaseOutage.isCause(failure) ? cache.last(key) : Optional.empty();
            if (last.isEmpty()) {
                throw failure;
            }
            response.reset();
            send(request, response, last.get().body(), last.get().contentType(), last.get().etag());
            return;
        }
        buffered.finishWriting();
        if (buffered.bypassed()) {
            return;
        }
        byte[] body = buffered.bytes();
        boolean cacheable = buffered.status() == HttpServletResponse.SC_OK
                && request.getSession(false) == null
                && response.getHeader("Cache-Control") == null
                && buffered.getContentType() != null && buffered.getContentType().startsWith("text/html");
        if (!cacheable) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        String tag = "\"" + digest(body) + "\"";
        if (key != null) {
            cache.put(key, new PageCache.Page(body, buffered.getContentType(), tag, generation, Instant.now()));
        }
        send(request, response, body, buffered.getContentType(), tag);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, byte[] body, String contentType,
                             String tag) throws IOException {
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", "no-cache");
        response.addHeader("Vary", "Accept-Language, Cookie");
        if (matches(request.getHeader("If-None-Match"), tag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals(tag) || t.equals("*"));
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
