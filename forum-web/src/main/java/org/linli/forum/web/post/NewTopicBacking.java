package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.ForumException;
import org.linli.forum.content.ContentService;
import org.linli.forum.post.Post;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.io.Serializable;

/** The new-topic form of a board. */
@Named
@ViewScoped
public class NewTopicBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ContentService contentService;

    private final PreviewPanel preview = new PreviewPanel();

    @EJB
    private transient BoardService boardService;

    @EJB
    private transient TopicService topicService;

    private String boardParam;
    private Board board;
    private String title;
    private String body;

    public void load() {
        if (board == null) {
            board = boardService.getBoard(PageParameters.id("board", boardParam));
        }
    }

    public void preview() {
        preview.show(contentService, body);
    }

    public void submit() throws IOException {
        try {
            Post post = topicService.startTopic(board.getId(), title, body);
            Links.redirect(Links.post(post));
        } catch (ForumException e) {
            // The form keeps what was typed; the message says what to change.
            Messages.show("form", e);
        }
    }

    public String getBoardParam() {
        return boardParam;
    }

    public void setBoardParam(String boardParam) {
        this.boardParam = boardParam;
    }

    public Board getBoard() {
        return board;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public PreviewPanel getPreview() {
        return preview;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
