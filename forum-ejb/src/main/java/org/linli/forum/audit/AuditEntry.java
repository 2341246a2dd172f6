package org.linli.forum.audit;

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
import jakarta.persistence.Table;
import org.linli.forum.member.Member;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One action on record. Entries are only ever inserted: no method changes one, and every column
 * is mapped {@code updatable = false}, so not even a stray change would be written back.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;


    /** What kind of thing an action was done to. */
    public enum TargetType { TOPIC, POST, REPORT, MEMBER, BOARD, INDEX, IMPORT, GUEST_REPLY }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id", nullable = false, updatable = false)
    private Member actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32, updatable = false)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, length = 16, updatable = false)
    private TargetType targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private long targetId;

    /** The target as it was called then (a topic title, a username), so the log reads well later. */
    @Column(name = "target_label", nullable = false, length = 400, updatable = false)
    private String targetLabel;

    @Column(name = "board_id", updatable = false)
    private Long boardId;

    @Column(length = 2000, updatable = false)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AuditEntry() {
    }

    AuditEntry(Member actor, AuditAction action, TargetType targetType, long targetId, String targetLabel,
               Long boardId, String reason, Instant createdAt) {
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.targetType = Objects.requireNonNull(targetType);
        this.targetId = targetId;
        this.targetLabel = clip(Objects.requireNonNull(targetLabel), 200);
        this.boardId = boardId;
        this.reason = reason == null ? null : clip(reason, 1000);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    private static String clip(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    public Long getId() {
        return id;
    }

    public Member getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public TargetType getTargetType() {
        return targetType;
    }

    public long getTargetId() {
        return targetId;
    }

    public String getTargetLabel() {
        return targetLabel;
    }

    public Long getBoardId() {
        return boardId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
