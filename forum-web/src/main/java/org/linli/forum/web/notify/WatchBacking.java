package org.linli.forum.web.notify;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** Watching or no longer watching a topic ({@code ?topic=}) or a board ({@code ?board=}). */
@Named
@ViewScoped
public class WatchBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private NotificationService notificationService;

    @EJB
    private TopicService topicService;

    @EJB
    private BoardService boardService;

    private String topicParam;
    private String boardParam;
    private Topic topic;
    private Board board;
    private boolean watching;

    public void load() {
        if (topicParam != null && !topicParam.isBlank()) {
            topic = topicService.getTopic(PageParameters.id("topic", topicParam));
            watching = notificationService.isWatchingTopic(topic.getId());
        } else {
            board = boardService.getBoard(PageParameters.id("board", boardParam));
            watching = notificationService.isWatchingBoard(board.getId());
        }
    }

    public void toggle() throws IOException {
        if (topic != null) {
            notificationService.watchTopic(topic.getId(), !watching);
            Links.redirect(Links.topic(topic.getId(), 1));
        } else {
            notificationService.watchBoard(board.getId(), !watching);
            Links.redirect(Links.board(board.getId()));
        }
    }

    public String getTopicParam() {
        return topicParam;
    }

    public void setTopicParam(String topicParam) {
        this.topicParam = topicParam;
    }

    public String getBoardParam() {
        return boardParam;
    }

    public void setBoardParam(String boardParam) {
        this.boardParam = boardParam;
    }

    public Topic getTopic() {
        return topic;
    }

    public Board getBoard() {
        return board;
    }

    public boolean isWatching() {
        return watching;
    }
}
