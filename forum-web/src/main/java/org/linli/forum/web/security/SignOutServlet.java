package org.linli.forum.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Signing out: a POST to this one fixed address from the header of every page, error pages
 * included (a Faces form would post back to the page it is on, and an error page is no page to
 * post to). The form carries a token of the member's session, so another site cannot sign a
 * member out; afterwards the identity and the whole session are gone.
 */
@WebServlet(urlPatterns = SignOutServlet.PATH)
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/member/sign-out";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (!SessionToken.isCarriedBy(request)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            request.logout();
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }
}
