package org.linli.forum.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;

/** An administrator names and describes a board in Chinese and in English, and allows guest replies on it or not. */
@Named
@ViewScoped
public class BoardEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BoardService boardService;

    private String id;
    private long boardId;
    private BoardTextFields text;
    private boolean guestReplies;

    public void load() {
        Board board = boardService.getBoard(PageParameters.id("board", id));
        boardId = board.getId();
        text = BoardTextFields.of(board.getText());
        guestReplies = board.isGuestReplies();
    }

    public void save() throws IOException {
        FormActions.run("form", () -> {
            boardService.describeBoard(boardId, text.toText());
            boardService.allowGuestReplies(boardId, guestReplies);
            return "/admin/boards";
        });
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isGuestReplies() {
        return guestReplies;
    }

    public void setGuestReplies(boolean guestReplies) {
        this.guestReplies = guestReplies;
    }

    public BoardTextFields getText() {
        return text;
    }
}
