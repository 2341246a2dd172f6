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
import org.linli.forum.member.Member;

import java.time.Instant;
import java.util.Objects;

/**
 * A topic on a board. Its first post (number 1) is the opening message; it keeps its own reply
 * count and last activity, updated under a row lock by {@link org.linli.forum.post.PostService}.
 */
@Entity
public class Topic {

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

    /** Set while hidden from readers (a soft delete: moderators still see it). */
    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hidden_by")
    private Member hiddenBy;

    @Column(name = "hidden_reason", length = 1000)
    private String hiddenReason;

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

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
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

    /** Sets the problem's status (the caller checked the transition and records the event). */
    public void changeStatus(ProblemStatus status, Instant at) {
        this.problemStatus = Objects.requireNonNull(status);
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

    public void setOfficialAnswerId(Long postId) {
        this.officialAnswerId = postId;
    }

    public void hide(Member by, Instant at, String reason) {
        this.hiddenAt = Objects.requireNonNull(at);
        this.hiddenBy = Objects.requireNonNull(by);
        this.hiddenReason = reason;
    }

    public void restore() {
        this.hiddenAt = null;
        this.hiddenBy = null;
        this.hiddenReason = null;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public Instant getHiddenAt() {
        return hiddenAt;
    }

    public Member getHiddenBy() {
        return hiddenBy;
    }

    public String getHiddenReason() {
        return hiddenReason;
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
