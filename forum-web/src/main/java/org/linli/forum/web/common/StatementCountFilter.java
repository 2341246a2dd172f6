package org.linli.forum.web.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.StatementCount;

import java.io.IOException;

/**
 * With the setting {@code linli.debug.statements=true} (the test servers have it), a request that
 * carries an {@code X-Linli-Probe} header has the number of SQL statements it ran kept under that
 * name, for the query-count tests to read. Otherwise it does nothing.
 */
@WebFilter(filterName = "StatementCountFilter")
public class StatementCountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PROBE = "X-Linli-Probe";

    private final boolean enabled = ForumSettings.get("linli.debug.statements").map(Boolean::parseBoolean).orElse(false);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String probe = enabled ? request.getHeader(PROBE) : null;
        if (probe == null) {
            chain.doFilter(request, response);
            return;
        }
        StatementCount.reset();
        try {
            chain.doFilter(request, response);
        } finally {
            StatementCount.record(probe, StatementCount.current());
        }
    }
}
