package org.linli.forum.web.common;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.linli.forum.common.ContentGeneration;
import org.linli.forum.member.Member;
import org.linli.forum.reading.ReaderMarks;
import org.linli.forum.reading.ReadingService;
import org.linli.forum.web.common.PersonalTemplate.Hole;
import org.linli.forum.web.i18n.Languages;
import org.linli.forum.web.security.MemberSessionFilter;
import org.linli.forum.web.security.SessionToken;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Members' reading pages (the board index, a board, a topic, search), rendered once for everyone
 * who may see the same things and filled in per member. A page a member asks for is rendered with
 * holes where the parts that are theirs alone go ({@link PersonalParts}), kept under its address,
 * language and the member's permissions (role and moderated boards) for as long as the
 * {@link ContentGeneration} it was rendered under is current, and served to every member with
 * those permissions with the holes filled: their name, notifications and sign-out token, their
 * unread marks. A member who wrote a post or the topic on the page (they see their own edit and
 * delete links) gets a page of their own. Reading a topic page moves the member's reading mark on,
 * after the page's unread marks are taken. Requests that count their SQL statements
 * ({@code X-Linli-Probe}) are rendered the ordinary way; {@code linli.page.cache=false} renders
 * every page (holes and all) without keeping it.
 */
@WebFilter(filterName = "MemberPageFilter")
public class MemberPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MemberPageFilter.class.getName());

    @EJB
    private ReadingService readingService;

    private transient PageCache<PersonalTemplate> cache;

    @Override
    public void init() {
        cache = PageCache.<PersonalTemplate>fromSettings().orElse(null);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Member> member = "GET".equals(request.getMethod()) && request.getUserPrincipal() != null
                && AnonymousPageFilter.READING_PAGES.contains(path) && request.getHeader(StatementCountFilter.PROBE) == null
                ? MemberSessionFilter.memberOf(request) : Optional.empty();
        if (member.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Locale language = Languages.of(request);
        String shared = path + "?" + request.getQueryString() + "|" + language.toLanguageTag() + "|" + permissionsOf(member.get());
        String own = shared + "|" + member.get().getId();
        // Taken before rendering: a change committed meanwhile leaves this page stamped as older.
        long generation = ContentGeneration.current();
        Instant now = Instant.now();
        PersonalTemplate page = find(shared, own, member.get().getId(), generation, now);
        if (page == null) {
            PersonalParts gathered = new PersonalParts();
            BufferedResponse buffered = new BufferedResponse(response);
            request.setAttribute(PersonalParts.ATTRIBUTE, gathered);
            try {
                chain.doFilter(request, buffered);
            } finally {
                request.removeAttribute(PersonalParts.ATTRIBUTE);
            }
            buffered.finishWriting();
            if (buffered.bypassed()) {
                return;
            }
            page = PersonalTemplate.of(buffered.bytes(), buffered.getContentType(), gathered, generation, now);
            if (cache != null && buffered.status() == HttpServletResponse.SC_OK
                    && page.contentType() != null && page.contentType().startsWith("text/html")) {
                cache.put(page.authors().contains(member.get().getId()) ? own : shared, page);
            }
        }
        send(request, response, member.get(), language, page);
    }

    /** The member's own copy if they have one, else the shared one unless they wrote on it. */
    private PersonalTemplate find(String shared, String own, long memberId, long generation, Instant now) {
        if (cache == null) {
            return null;
        }
        Optional<PersonalTemplate> theirs = cache.find(own, generation, now);
        if (theirs.isPresent()) {
            return theirs.get();
        }
        return cache.find(shared, generation, now).filter(page -> !page.authors().contains(memberId)).orElse(null);
    }

    /** Everything but authorship that decides what a member sees on a reading page. */
    static String permissionsOf(Member member) {
        return member.getRole() + new TreeSet<>(member.getModeratedBoardIds()).toString();
    }

    private void send(HttpServletRequest request, HttpServletResponse response, Member member, Locale language,
                      PersonalTemplate page) throws IOException {
        // One call for all the member's marks, taken before this visit's reading moves the mark on.
        // Everything the holes need from the database is asked before the first byte is written,
        // so a failure (the database away) can still be answered with a whole error page.
        ReaderMarks marks = readingService.marksFor(page.topics(), page.readTopic());
        if (page.readTopic() != 0 && page.readUpTo() > marks.readMark()) {
            markRead(page.readTopic(), page.readUpTo());
        }
        String badge = PersonalParts.notificationBadge(marks.unreadNotifications());
        Filling filling = new Filling(request, member, language, marks.firstUnread(), page.readTopic(), badge, marks.watching());
        response.setContentType(page.contentType());
        response.setHeader("Cache-Control", "private, no-cache");
        page.write(response.getOutputStream(), filling::fill);
    }

    /** Reading is not worth an error page: a failed mark only leaves the topic unread. */
    private void markRead(long topicId, int number) {
        try {
            readingService.markRead(topicId, number);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not mark topic " + topicId + " read", e);
        }
    }

    /** One member's values for the holes of one page; the unread link's label is made once, if needed. */
    private static final class Filling {

        private final HttpServletRequest request;
        private final Member member;
        private final Locale language;
        private final Map<Long, Integer> firstUnread;
        private final long readTopic;
        private final String badge;
        private final boolean watching;
        private String unreadLabel;

        Filling(HttpServletRequest request, Member member, Locale language, Map<Long, Integer> firstUnread, long readTopic,
                String badge, boolean watching) {
            this.request = request;
            this.member = member;
            this.language = language;
            this.firstUnread = firstUnread;
            this.readTopic = readTopic;
            this.badge = badge;
            this.watching = watching;
        }

        String fill(Hole hole) {
            return switch (hole.kind()) {
                case WHO -> PersonalParts.escape(member.getDisplayName());
                case TOKEN -> SessionToken.of(request.getSession());
                case NOTES -> badge;
                case NEWPOST -> PersonalParts.newPostClass(isNew(hole.argument()));
                case UNREADROW -> PersonalParts.unreadRowClass(firstUnread.containsKey(hole.argument()));
                case UNREADLINK -> PersonalParts.unreadLink(request.getContextPath(), hole.argument(),
                        firstUnread.get(hole.argument()), unreadLabel());
                case WATCH -> PersonalParts.watchLink(request.getContextPath(), hole.argument(), watching,
                        PersonalParts.escape(ResourceBundle.getBundle(ShortPages.MESSAGES, language).getString(PersonalParts.watchLabelKey(watching))));
            };
        }

        private String unreadLabel() {
            if (unreadLabel == null) {
                unreadLabel = PersonalParts.escape(ResourceBundle.getBundle(ShortPages.MESSAGES, language).getString("board.firstUnread"));
            }
            return unreadLabel;
        }

        private boolean isNew(long number) {
            Integer first = firstUnread.get(readTopic);
            return first != null && number >= first;
        }
    }
}
