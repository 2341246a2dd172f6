package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.security.SignedInMember;

import java.io.IOException;

/** The new-topic form of a board. */
@Named
@ViewScoped
public class NewTopicBacking extends PostingForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private BoardService boardService;

    @EJB
    private PostService postService;

    @Inject
    private SignedInMember me;

    private String boardParam;
    private Board board;
    private String title;

    public void load() {
        if (board == null) {
            board = boardService.getBoard(PageParameters.id("board", boardParam));
            if (!BoardPermissions.canStartTopic(me.getMember(), board)) {
                // Announcements are for staff: to anyone else there is no such form.
                throw new NotFoundException("board", boardParam);
            }
        }
    }

    public void submit() throws IOException {
        sendOnce(() -> postService.startTopic(board.getId(), title, getBody(), attachedIds()));
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
}
