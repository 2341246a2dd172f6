package org.linli.forum.web.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A posting form is sent as multipart (it may carry pictures), but a client may still send it
 * form-encoded, as before pictures, or as a script would: then it simply has no files. Without
 * this, the file field's decoding asks the container for the parts of a request that has none,
 * and the container answers with an exception (a 500) instead of an empty list.
 */
@WebFilter(filterName = "PlainFormFilter")
public class PlainFormFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        chain.doFilter("POST".equals(request.getMethod()) && !multipart ? new WithoutParts(request) : request, response);
    }

    private static final class WithoutParts extends HttpServletRequestWrapper {

        WithoutParts(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
