package org.linli.forum.web.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.linli.forum.picture.PictureRules;

import java.io.IOException;

/**
 * Refuses a request body over 1 MB with 413 and a short page in the reader's language, before
 * anything reads the body (so not through Faces, which would try to). The largest honest post,
 * 50,000 characters form-encoded, is well under. A posting form with pictures (a multipart
 * request to {@code /post/...}) may send {@link PictureRules#REQUEST_BYTES}; each file's own
 * limit is checked, with its message and the text kept, by the form. A body that does not declare its length is
 * bounded by the server's own limit (Undertow's max-post-size, 10 MB), and its post by the
 * 50,000-character rule.
 */
@WebFilter(filterName = "RequestSizeFilter")
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final long MAX_BYTES = 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limitOf(request)) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static long limitOf(HttpServletRequest request) {
        String type = request.getContentType();
        boolean withPictures = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && request.getRequestURI().startsWith(request.getContextPath() + "/post/");
        return withPictures ? PictureRules.REQUEST_BYTES : MAX_BYTES;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The body is left unread: the connection closes rather than wait for it.
        response.setHeader("Connection", "close");
        ShortPages.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "errorpage.tooLarge");
    }
}
