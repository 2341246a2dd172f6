package org.linli.forum.web.guest;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.guest.GuestReplyService;
import org.linli.forum.web.common.ShortPages;

import java.io.IOException;

/**
 * The link mailed to a new member who had replied as a guest with their address:
 * {@code /member/claim?t=...}, opened signed in (web.xml asks for it), makes those replies theirs.
 */
@WebServlet(urlPatterns = "/member/claim")
public class GuestClaimServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient GuestReplyService guestReplies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (guestReplies.claim(request.getParameter("t")) > 0) {
            ShortPages.send(request, response, HttpServletResponse.SC_OK, "guest.claimed");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
