package org.linli.forum.web.guest;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.guest.GuestReplyService;
import org.linli.forum.web.common.ShortPages;

import java.io.IOException;

/** The link of a guest's confirmation mail: {@code /guest/confirm?r=<reply>&t=<signature>}. */
@WebServlet(urlPatterns = "/guest/confirm")
public class GuestConfirmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient GuestReplyService guestReplies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long reply;
        try {
            reply = Long.parseLong(request.getParameter("r"));
        } catch (NumberFormatException e) {
            reply = -1;
        }
        if (reply > 0 && guestReplies.confirm(reply, request.getParameter("t"))) {
            ShortPages.send(request, response, HttpServletResponse.SC_OK, "guest.confirmed");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
