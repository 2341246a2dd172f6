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

    /** A new board, last in the display order. On record in the audit log when an administrator sets it up. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Board createBoard(String name, String description, BoardKind kind) {
        String cleanName = name == null ? "" : name.strip();
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanName.isEmpty() || cleanName.length() > Board.NAME_MAX) {
            throw new InvalidInputException("name", "error.board.name", Board.NAME_MAX);
        }
        if (cleanDescription.length() > Board.DESCRIPTION_MAX) {
            throw new InvalidInputException("description", "error.board.description", Board.DESCRIPTION_MAX);
        }
        int position = em.createQuery("select coalesce(max(b.position), 0) from Board b", Integer.class).getSingleResult() + 1;
        Board board = new Board(cleanName, cleanDescription, position, kind == null ? BoardKind.DISCUSSION : kind);
        em.persist(board);
        // The demo seed runs as the container's administrator role, with no member behind it.
        created.fire(new BoardCreated(board, currentMember.find().orElse(null)));
        return board;
    }
}
