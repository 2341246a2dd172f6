package org.linli.forum.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.linli.forum.board.Board;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A topic on a board. Its first post (number 1) is the opening message; it keeps its own reply
 * count and last activity, updated under a row lock as posts are added. It
 * guards its own rules: a problem's status moves only as {@link ProblemStatus#next()} allows, and
 * its official answer is one of its own posts.
 */
@Entity
public class Topic extends Hideable implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_seq")
    @SequenceGenerator(name = "topic_seq", sequenceName = "topic_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id", nullable = false)
    private Board board;

    @Column(nullable = false, length = 400)
    private String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Member author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_post_at", nullable = false)
    private Instant lastPostAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "last_poster_id", nullable = false)
    private Member lastPoster;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(nullable = false)
    private boolean locked;

    @Column(nullable = false)
    private boolean pinned;

    /** On a problem board, where the problem stands; null on other boards. */
    @Enumerated(EnumType.STRING)
    @Column(name = "problem_status", length = 16)
    private ProblemStatus problemStatus;

    /** When the problem was last resolved (for the time to resolution). */
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    /** The staff reply marked as the official answer, if any. */
    @Column(name = "official_answer_id")
    private Long officialAnswerId;

    @Version
    private long version;

    protected Topic() {
    }

    public Topic(Board board, String title, Member author, Instant createdAt) {
        this.board = Objects.requireNonNull(board);
        this.title = Objects.requireNonNull(title);
        this.author = Objects.requireNonNull(author);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.lastPostAt = createdAt;
        this.lastPoster = author;
        this.problemStatus = board.isProblemBoard() ? ProblemStatus.OPEN : null;
    }

    /**
     * Counts one more reply and returns its post number. The caller holds this topic's row lock,
     * so numbers are handed out one at a time, with no gaps or duplicates.
     */
    public int recordReply(Member poster, Instant at) {
        replyCount++;
        lastPostAt = at;
        lastPoster = poster;
        return postCount();
    }

    /** Closes the topic to replies; false if it was already locked. */
    public boolean lock() {
        boolean changed = locked != true;
        locked = true;
        return changed;
    }

    /** Opens a locked topic to replies again; false if it was open. */
    public boolean unlock() {
        boolean changed = locked != false;
        locked = false;
        return changed;
    }

    /** Pins the topic to the top of its board; false if it was already pinned. */
    public boolean pin() {
        boolean changed = pinned != true;
        pinned = true;
        return changed;
    }

    /** Lets the topic sink with the others again; false if it was not pinned. */
    public boolean unpin() {
        boolean changed = pinned != false;
        pinned = false;
        return changed;
    }

    /**
     * Moves the topic; the caller moves its counts between the boards' counters. On a problem
     * board it is a problem (open, unless it already had a status); elsewhere it keeps its
     * history but shows none.
     */
    public void moveTo(Board target) {
        this.board = Objects.requireNonNull(target);
        if (target.isProblemBoard() && problemStatus == null) {
            problemStatus = ProblemStatus.OPEN;
        }
    }

    /** Whether the problem may go to {@code status} from where it stands (never, off a problem board). */
    public boolean allowsStatus(ProblemStatus status) {
        ProblemStatus from = getProblemStatus();
        return status != null && from != null && from.next().contains(status);
    }

    /** Moves the problem to {@code status}; a move its status does not allow is refused. */
    public void changeStatus(ProblemStatus status, Instant at) {
        if (!allowsStatus(status)) {
            throw new InvalidInputException("status", "error.status.transition");
        }
        this.problemStatus = status;
        this.resolvedAt = status == ProblemStatus.RESOLVED ? at : null;
    }

    public ProblemStatus getProblemStatus() {
        return board.isProblemBoard() ? problemStatus : null;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Long getOfficialAnswerId() {
        return officialAnswerId;
    }

    /**
     * Marks post {@code postId}, a reply in topic {@code postTopicId}, as the official answer, in
     * place of any earlier one; false if it already was. A post of another topic is refused.
     */
    public boolean markOfficialAnswer(long postId, long postTopicId) {
        if (postTopicId != id) {
            throw new InvalidInputException("post", "error.official.otherTopic");
        }
        boolean changed = officialAnswerId == null || officialAnswerId != postId;
        officialAnswerId = postId;
        return changed;
    }

    /** The topic has no official answer any more. */
    public void clearOfficialAnswer() {
        officialAnswerId = null;
    }

    /** The opening post and its replies. */
    public int postCount() {
        return replyCount + 1;
    }

    public Long getId() {
        return id;
    }

    public Board getBoard() {
        return board;
    }

    public String getTitle() {
        return title;
    }

    public Member getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastPostAt() {
        return lastPostAt;
    }

    public Member getLastPoster() {
        return lastPoster;
    }

    public int getReplyCount() {
        return replyCount;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isPinned() {
        return pinned;
    }
}
