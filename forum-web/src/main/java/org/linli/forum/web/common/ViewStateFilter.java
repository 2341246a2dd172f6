package org.linli.forum.web.common;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.web.security.SessionToken;

import java.io.IOException;

/**
 * Every change is a POST of a Faces form, and a form's view state (kept in the session) is its
 * CSRF token: a stale or foreign one fails to restore and gets a 400 (StatusExceptionHandler).
 * This filter answers a POST with no view state at all the same way, instead of letting Faces
 * render it as if it were a GET, and so too a POST that claims a stateless view: no form of the
 * forum is stateless (the pages with forms keep their state), so it can only be forged. The
 * sign-out form is no Faces form and carries its own token.
 */
@WebFilter(filterName = "ViewStateFilter")
public class ViewStateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String STATELESS = "stateless";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !SessionToken.FORM_PATHS.contains(request.getServletPath())) {
            String viewState = request.getParameter(ResponseStateManager.VIEW_STATE_PARAM);
            if (viewState == null || STATELESS.equals(viewState.strip())) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
