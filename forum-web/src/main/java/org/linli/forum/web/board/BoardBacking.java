package org.linli.forum.web.board;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.Page;
import org.linli.forum.reading.ReadingService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;
import org.linli.forum.web.common.PersonalParts;
import org.linli.forum.web.common.PersonalParts.Kind;
import org.linli.forum.web.i18n.Messages;
import org.linli.forum.web.security.SignedInMember;

import java.util.Map;
import java.util.Optional;

/** A board's page: its topics, pinned first, then by last activity, a page at a time. */
@Named
@RequestScoped
public class BoardBacking {

    @EJB
    private BoardService boardService;

    @EJB
    private TopicService topicService;

    @EJB
    private ReadingService readingService;

    @Inject
    private SignedInMember me;

    private String id;
    private String page;
    private Board board;
    private Page<Topic> topics;
    private Map<Long, Integer> firstUnread = Map.of();

    public void load() {
        board = boardService.getBoard(PageParameters.id("board", id));
        topics = topicService.listTopics(board.getId(), PageParameters.page(page));
        Optional<PersonalParts> shared = PersonalParts.current();
        if (shared.isPresent()) {
            topics.getItems().forEach(shared.get()::shows);
        } else {
            firstUnread = readingService.firstUnread(topics.getItems());
        }
    }

    /** " has-unread" for the row of a topic with posts the reader has not read, or nothing. */
    public String unreadClass(Topic topic) {
        Optional<PersonalParts> shared = PersonalParts.current();
        return shared.isPresent() ? shared.get().hole(Kind.UNREADROW, topic.getId())
                : PersonalParts.unreadRowClass(firstUnread.containsKey(topic.getId()));
    }

    /** For a topic with posts the reader has not read, the link to the first of them (markup); else nothing. */
    public String unreadLink(Topic topic) {
        Optional<PersonalParts> shared = PersonalParts.current();
        if (shared.isPresent()) {
            return shared.get().hole(Kind.UNREADLINK, topic.getId());
        }
        FacesContext context = FacesContext.getCurrentInstance();
        return PersonalParts.unreadLink(context.getExternalContext().getRequestContextPath(), topic.getId(),
                firstUnread.get(topic.getId()), PersonalParts.escape(Messages.text("board.firstUnread")));
    }

    public boolean isCanStartTopic() {
        return board != null && me.isSignedIn() && BoardPermissions.canStartTopic(me.getMember(), board);
    }

    /** Null-safe: a postback from the header's forms visits the page before anything loaded. */
    public Pager getPager() {
        return topics == null ? Pager.NONE : new Pager(topics);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public Board getBoard() {
        return board;
    }

    public Page<Topic> getTopics() {
        return topics;
    }
}
