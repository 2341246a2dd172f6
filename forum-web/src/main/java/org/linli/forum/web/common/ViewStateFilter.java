package org.linli.forum.web.common;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Every change is a POST of a Faces form, and a form's view state (kept in the session) is its
 * CSRF token: a stale or foreign one fails to restore and gets a 400 (StatusExceptionHandler).
 * This filter answers a POST with no view state at all the same way, instead of letting Faces
 * render it as if it were a GET.
 */
@WebFilter(filterName = "ViewStateFilter")
public class ViewStateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
