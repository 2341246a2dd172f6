package org.linli.forum.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.ForumException;
import org.linli.forum.sitesearch.SearchService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.util.List;

/** The administrators' board list, where new boards are set up. */
@Named
@RequestScoped
public class BoardsBacking {

    @EJB
    private BoardService boardService;

    @EJB
    private SearchService searchService;

    private List<Board> boards;
    private final BoardTextFields text = new BoardTextFields();
    private BoardKind kind = BoardKind.DISCUSSION;

    public List<Board> getBoards() {
        if (boards == null) {
            boards = boardService.listBoards();
        }
        return boards;
    }

    public void create() throws IOException {
        try {
            boardService.createBoard(text.toText(), kind);
        } catch (ForumException e) {
            Messages.show("form", e);
            return;
        }
        Links.redirect("/admin/boards");
    }

    /** Builds the search index afresh from the database; search keeps serving meanwhile. */
    public void rebuildSearch() {
        Messages.info("admin.search.rebuilt", searchService.rebuild());
    }

    public List<BoardKind> getKinds() {
        return List.of(BoardKind.values());
    }

    public BoardKind getKind() {
        return kind;
    }

    public void setKind(BoardKind kind) {
        this.kind = kind;
    }

    public BoardTextFields getText() {
        return text;
    }
}
