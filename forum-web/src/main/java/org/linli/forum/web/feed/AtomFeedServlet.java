package org.linli.forum.web.feed;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.PageParameters;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Atom feeds (RFC 4287) of a board's newest topics, {@code /feed/board/<id>}, and of the newest
 * announcements, {@code /feed/announcements}. Written with a StAX writer, so every title and name
 * is escaped as XML; entry content is the post's sanitized HTML, escaped once more as Atom's
 * {@code type="html"} requires. Hidden topics are never in a feed; feeds are public and cached
 * for a minute.
 */
@WebServlet("/feed/*")
public class AtomFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    static final int ENTRIES = 20;

    @EJB
    private PostService postService;

    @EJB
    private BoardService boardService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        String base = ForumSettings.baseUrl();  // never the Host header: feeds are kept by shared caches
        String title;
        String alternate;
        List<Post> entries;
        try {
            if (path.equals("/announcements")) {
                title = "邻里论坛 · 社区公告";
                alternate = base + "/";
                entries = postService.latestAnnouncements(ENTRIES);
            } else if (path.startsWith("/board/")) {
                Board board = boardService.getBoard(PageParameters.id("board", path.substring("/board/".length())));
                title = "邻里论坛 · " + board.getName();
                alternate = base + "/board?id=" + board.getId();
                entries = postService.latestTopics(board.getId(), ENTRIES);
            } else {
                throw new NotFoundException("feed", path);
            }
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/atom+xml; charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=60");
        try {
            write(response, base + "/feed" + path, title, alternate, base, entries);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void write(HttpServletResponse response, String self, String title, String alternate, String base,
                              List<Post> entries) throws IOException, XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(response.getWriter());
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", self);
        element(xml, "title", title);
        Instant updated = entries.stream().map(post -> post.getTopic().getLastPostAt()).max(Instant::compareTo).orElse(Instant.EPOCH);
        element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
        link(xml, "self", self, "application/atom+xml");
        link(xml, "alternate", alternate, "text/html");
        xml.writeStartElement("generator");
        xml.writeCharacters("Linli Forum");
        xml.writeEndElement();
        for (Post post : entries) {
            String url = base + "/topic?id=" + post.getTopic().getId();
            xml.writeStartElement("entry");
            element(xml, "id", url);
            element(xml, "title", post.getTopic().getTitle());
            link(xml, "alternate", url, "text/html");
            element(xml, "published", DateTimeFormatter.ISO_INSTANT.format(post.getCreatedAt()));
            element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(post.getTopic().getLastPostAt()));
            xml.writeStartElement("author");
            element(xml, "name", post.getAuthor().getDisplayName());
            xml.writeEndElement();
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(xmlSafe(absoluteLinks(post.getHtml())));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static final java.util.regex.Pattern SITE_ADDRESS = java.util.regex.Pattern.compile("(src|href)=\"/(?!/)");

    /**
     * The post's links and pictures with the forum's address in front: a feed reader shows an
     * entry away from the site, where "/pictures/..." would point nowhere.
     */
    static String absoluteLinks(String html) {
        return SITE_ADDRESS.matcher(html).replaceAll("$1=\"" + java.util.regex.Matcher.quoteReplacement(ForumSettings.baseUrl()) + "/");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /**
     * Drops the characters XML 1.0 cannot carry at all (most control characters, unpaired
     * surrogates); a StAX writer escapes markup but would write those as they are.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
