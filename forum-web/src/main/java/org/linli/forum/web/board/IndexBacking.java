package org.linli.forum.web.board;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;

import java.util.List;
import java.util.Optional;

/** The home page: the latest announcement, and every board with its counts and last activity. */
@Named
@RequestScoped
public class IndexBacking {

    @EJB
    private BoardService boardService;

    @EJB
    private PostService postService;

    private List<Board> boards;
    private Optional<Post> announcement;

    public List<Board> getBoards() {
        if (boards == null) {
            boards = boardService.listBoards();
        }
        return boards;
    }

    /** The opening post of the newest announcement, or null. */
    /** The boards where residents report problems, for the home page's "report a problem". */
    public List<Board> getProblemBoards() {
        return getBoards().stream().filter(Board::isProblemBoard).toList();
    }

    public Post getAnnouncement() {
        if (announcement == null) {
            announcement = postService.findLatestAnnouncement();
        }
        return announcement.orElse(null);
    }
}
