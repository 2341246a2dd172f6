package org.linli.forum.audit;

import jakarta.persistence.EntityManager;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.time.Instant;

/**
 * Writes audit entries, in the transaction of the action they record: an action that rolls
 * back leaves no entry, and one that commits always has one.
 */
public final class AuditLog {

    private AuditLog() {
    }

    public static void topic(EntityManager em, Member actor, AuditAction action, Topic topic, String reason) {
        em.persist(new AuditEntry(actor, action, AuditEntry.TargetType.TOPIC, topic.getId(), topic.getTitle(),
                topic.getBoard().getId(), reason, Instant.now()));
    }

    public static void post(EntityManager em, Member actor, AuditAction action, Post post, String reason) {
        Topic topic = post.getTopic();
        em.persist(new AuditEntry(actor, action, AuditEntry.TargetType.POST, post.getId(),
                topic.getTitle() + " #" + post.getNumber(), topic.getBoard().getId(), reason, Instant.now()));
    }

    public static void member(EntityManager em, Member actor, AuditAction action, Member target, String reason) {
        em.persist(new AuditEntry(actor, action, AuditEntry.TargetType.MEMBER, target.getId(), target.getUsername(),
                null, reason, Instant.now()));
    }

    public static void other(EntityManager em, Member actor, AuditAction action, AuditEntry.TargetType type, long id,
                             String label, Long boardId, String reason) {
        em.persist(new AuditEntry(actor, action, type, id, label, boardId, reason, Instant.now()));
    }
}
