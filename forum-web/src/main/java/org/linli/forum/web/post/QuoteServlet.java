package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The quotation of a post, as plain text, for the topic page's script to put into the quick
 * reply (forum.js). The same text the reply page starts with ({@code /post/reply?quote=}).
 */
@WebServlet(urlPatterns = "/post/quote")
public class QuoteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PostService postService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String quote;
        try {
            quote = postService.quote(PageParameters.id("topic", request.getParameter("topic")),
                    PageParameters.id("post", request.getParameter("quote")));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "private, no-store");
        response.getWriter().write(quote);
    }
}
