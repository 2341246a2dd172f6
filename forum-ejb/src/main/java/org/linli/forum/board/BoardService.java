package org.linli.forum.board;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Role;

import java.util.List;
import java.util.Optional;

/** Use cases of boards: list them for the index, look one up, set one up. */
@Stateless
public class BoardService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private Event<BoardCreated> created;

    @Inject
    private Event<BoardDescribed> described;

    @Inject
    private Event<BoardGuestReplies> guestReplies;

    /** Every board in display order, with its last topic and that topic's last poster loaded. */
    @PermitAll
    public List<Board> listBoards() {
        return em.createQuery("select b from Board b order by b.position, b.id", Board.class)
                .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(Board.WITH_LAST_ACTIVITY))
                .getResultList();
    }

    @PermitAll
    public Optional<Board> findBoard(long id) {
        return Optional.ofNullable(em.find(Board.class, id));
    }

    @PermitAll
    public Board getBoard(long id) {
        return findBoard(id).orElseThrow(() -> new NotFoundException("board", id));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public Board createBoard(String name, String description) {
        return createBoard(name, description, BoardKind.DISCUSSION);
    }

    /** A new board, last in the display order, named in Chinese only. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Board createBoard(String name, String description, BoardKind kind) {
        return createBoard(BoardText.of(name, description, null, null), kind);
    }

    /** A new board, last in the display order. On record in the audit log when an administrator sets it up. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Board createBoard(BoardText text, BoardKind kind) {
        BoardText checked = BoardText.of(text.name(), text.description(), text.nameEn(), text.descriptionEn());
        int position = em.createQuery("select coalesce(max(b.position), 0) from Board b", Integer.class).getSingleResult() + 1;
        Board board = new Board(checked.name(), checked.description(), position, kind == null ? BoardKind.DISCUSSION : kind);
        board.describe(checked);
        em.persist(board);
        // The demo seed runs as the container's administrator role, with no member behind it.
        created.fire(new BoardCreated(board, currentMember.find().orElse(null)));
        return board;
    }

    /** New names and descriptions for a board, in both languages; on record in the audit log. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Board describeBoard(long boardId, BoardText text) {
        BoardText checked = BoardText.of(text.name(), text.description(), text.nameEn(), text.descriptionEn());
        Board board = getBoard(boardId);
        if (!checked.equals(board.getText())) {
            board.describe(checked);
            described.fire(new BoardDescribed(board, currentMember.require()));
        }
        return board;
    }

    /** An administrator lets visitors without an account reply on a board (held for moderation), or stops it. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Board allowGuestReplies(long boardId, boolean allowed) {
        Board board = getBoard(boardId);
        if (board.isGuestReplies() != allowed) {
            board.allowGuestReplies(allowed);
            guestReplies.fire(new BoardGuestReplies(board, currentMember.require()));
        }
        return board;
    }
}
