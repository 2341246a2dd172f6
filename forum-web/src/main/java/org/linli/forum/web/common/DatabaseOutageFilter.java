package org.linli.forum.web.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * While the database cannot be reached, a request that needed it is answered 503 Service
 * Unavailable with {@code Retry-After} and a short "try again shortly" page in the reader's
 * language, not the error 500 page: nothing is wrong with the request, and nothing it sent was
 * saved (its transaction could not commit). The first filter, so that it sees failures from
 * every later one, the sign-in check of a member's session included. The forum recovers by
 * itself: the pool validates each connection before handing it out.
 */
@WebFilter(filterName = "DatabaseOutageFilter")
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());
    /** Seconds a client is asked to wait; a database restart or fail-over takes about that. */
    static final String RETRY_AFTER = "10";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            // One line per request, without the stack: the pool and the background work log the cause.
            LOG.log(Level.WARNING, () -> "Database unavailable: answered " + request.getMethod() + " "
                    + request.getRequestURI() + " with 503");
            response.reset();
            response.setHeader("Retry-After", RETRY_AFTER);
            ShortPages.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "errorpage.unavailable");
        }
    }
}
