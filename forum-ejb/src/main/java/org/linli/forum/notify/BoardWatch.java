package org.linli.forum.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.linli.forum.board.Board;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member watches a board: they are told of every new topic on it. */
@Entity
@Table(name = "board_watch")
@IdClass(BoardWatch.Key.class)
public class BoardWatch extends Watch {

    /** Board and member ids. */
    public record Key(Long board, Long member) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "board_id")
    private Board board;

    protected BoardWatch() {
    }

    BoardWatch(Board board, Member member, Instant createdAt) {
        super(member, createdAt);
        this.board = Objects.requireNonNull(board);
    }
}
