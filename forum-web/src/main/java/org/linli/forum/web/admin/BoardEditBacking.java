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

/** An administrator names and describes a board in Chinese and in English. */
@Named
@ViewScoped
public class BoardEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient BoardService boardService;

    private String id;
    private long boardId;
    private BoardTextFields text;

    public void load() {
        Board board = boardService.getBoard(PageParameters.id("board", id));
        boardId = board.getId();
        text = BoardTextFields.of(board.getText());
    }

    public void save() throws IOException {
        FormActions.run("form", () -> {
            boardService.describeBoard(boardId, text.toText());
            return "/admin/boards";
        });
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public BoardTextFields getText() {
        return text;
    }
}
