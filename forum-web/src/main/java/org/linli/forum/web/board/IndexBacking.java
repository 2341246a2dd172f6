package org.linli.forum.web.board;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;

import java.util.List;

/** The home page: every board with its counts and last activity. */
@Named
@RequestScoped
public class IndexBacking {

    @EJB
    private BoardService boardService;

    private List<Board> boards;

    public List<Board> getBoards() {
        if (boards == null) {
            boards = boardService.listBoards();
        }
        return boards;
    }
}
