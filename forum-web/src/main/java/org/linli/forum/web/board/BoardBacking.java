package org.linli.forum.web.board;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.Page;
import org.linli.forum.post.Post;
import org.linli.forum.reading.ReadingService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;
import org.linli.forum.web.security.SignedInMember;

import java.util.Map;

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
        firstUnread = readingService.firstUnread(topics.getItems());
    }

    /** For a topic with posts the reader has not read, the link to the first of them; else null. */
    public String unreadLink(Topic topic) {
        Integer number = firstUnread.get(topic.getId());
        return number == null ? null : Links.topic(topic.getId(), Post.pageOf(number)) + "#p" + number;
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
