package org.linli.forum.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.linli.forum.board.BoardGuestReplies;
import org.linli.forum.guest.GuestReply;
import org.linli.forum.guest.GuestReplyDecided;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.archive.ImportStarted;
import org.linli.forum.board.BoardCreated;
import org.linli.forum.board.BoardDescribed;
import org.linli.forum.board.BoardText;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberModerated;
import org.linli.forum.moderation.ReportDismissed;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostChanged;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicChanged;

import java.time.Instant;
import java.util.TreeSet;

/**
 * Writes the audit log from the events of moderation and administration, in the transaction of
 * the action (CDI observers run in the firing transaction): an action that rolls back leaves no
 * entry, and one that commits always has one. Reasons are stored as the moderator typed them;
 * what the log adds to them is symbols and identifiers, no words of any one language.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    private EntityManager em;

    void postChanged(@Observes PostChanged event) {
        Post post = event.post();
        AuditAction action = switch (event.change()) {
            case HIDDEN -> AuditAction.POST_HIDDEN;
            case RESTORED -> AuditAction.POST_RESTORED;
            case DELETED_BY_AUTHOR -> AuditAction.POST_DELETED_BY_AUTHOR;
            // Only someone else's edit is moderation; the author's own is in the post's revisions.
            case EDITED -> event.actor().getId().equals(post.getAuthor().getId()) ? null : AuditAction.POST_EDITED_BY_MODERATOR;
            case RERENDERED -> null;
        };
        if (action != null) {
            Topic topic = post.getTopic();
            write(event.actor(), action, AuditEntry.TargetType.POST, post.getId(), label(post), topic.getBoard().getId(),
                    event.reason());
        }
    }

    void topicChanged(@Observes TopicChanged event) {
        Topic topic = event.topic();
        AuditAction action = switch (event.change()) {
            case LOCKED -> AuditAction.TOPIC_LOCKED;
            case UNLOCKED -> AuditAction.TOPIC_UNLOCKED;
            case PINNED -> AuditAction.TOPIC_PINNED;
            case UNPINNED -> AuditAction.TOPIC_UNPINNED;
            case MOVED -> AuditAction.TOPIC_MOVED;
            case HIDDEN -> AuditAction.TOPIC_HIDDEN;
            case RESTORED -> AuditAction.TOPIC_RESTORED;
        };
        String reason = event.reason();
        if (event.change() == TopicChanged.Change.MOVED) {
            reason = "→ " + topic.getBoard().getName() + " (← " + event.formerBoard().getName() + ")"
                    + (reason == null ? "" : ": " + reason);
        }
        write(event.actor(), action, AuditEntry.TargetType.TOPIC, topic.getId(), topic.getTitle(), topic.getBoard().getId(), reason);
    }

    void memberModerated(@Observes MemberModerated event) {
        Member member = event.member();
        AuditAction action = switch (event.change()) {
            case SUSPENDED -> AuditAction.MEMBER_SUSPENDED;
            case REINSTATED -> AuditAction.MEMBER_REINSTATED;
            case ROLE_CHANGED -> AuditAction.MEMBER_ROLE_CHANGED;
        };
        String reason = switch (event.change()) {
            case SUSPENDED -> "→ " + (event.until() == null ? "∞" : event.until().toString()) + ": " + event.reason();
            case REINSTATED -> event.reason();
            case ROLE_CHANGED -> member.getRole() + (event.boardIds().isEmpty() ? "" : " " + new TreeSet<>(event.boardIds()));
        };
        write(event.actor(), action, AuditEntry.TargetType.MEMBER, member.getId(), member.getUsername(), null, reason);
    }

    void reportDismissed(@Observes ReportDismissed event) {
        Post post = event.report().getPost();
        write(event.moderator(), AuditAction.REPORT_DISMISSED, AuditEntry.TargetType.REPORT, event.report().getId(),
                label(post), post.getTopic().getBoard().getId(), event.note());
    }

    void boardCreated(@Observes BoardCreated event) {
        // The demo seed runs as the container's administrator role, with no member behind it.
        if (event.actor() != null) {
            write(event.actor(), AuditAction.BOARD_CREATED, AuditEntry.TargetType.BOARD, event.board().getId(),
                    event.board().getName(), event.board().getId(), event.board().getKind().name());
        }
    }

    void boardDescribed(@Observes BoardDescribed event) {
        BoardText text = event.board().getText();
        write(event.actor(), AuditAction.BOARD_DESCRIBED, AuditEntry.TargetType.BOARD, event.board().getId(),
                text.name(), event.board().getId(), text.nameEn().isEmpty() ? null : text.nameEn());
    }

    void guestReplyDecided(@Observes GuestReplyDecided event) {
        GuestReply reply = event.reply();
        Topic topic = reply.getTopic();
        // The guest's name, as they gave it, and nothing of their address.
        write(event.moderator(), event.approved() ? AuditAction.GUEST_REPLY_APPROVED : AuditAction.GUEST_REPLY_REJECTED,
                AuditEntry.TargetType.GUEST_REPLY, reply.getId(), topic.getTitle(), topic.getBoard().getId(),
                reply.getGuestName() + (event.approved() ? " → #" + reply.getPost().getNumber() : ""));
    }

    void boardGuestReplies(@Observes BoardGuestReplies event) {
        write(event.actor(), AuditAction.BOARD_GUEST_REPLIES, AuditEntry.TargetType.BOARD, event.board().getId(),
                event.board().getName(), event.board().getId(), event.board().isGuestReplies() ? "on" : "off");
    }

    void importStarted(@Observes ImportStarted event) {
        write(event.actor(), AuditAction.IMPORT_STARTED, AuditEntry.TargetType.IMPORT, event.execution(), event.fileName(),
                null, event.format().source() + (event.board().isEmpty() ? "" : " → " + event.board()));
    }

    private void write(Member actor, AuditAction action, AuditEntry.TargetType type, long id, String label, Long boardId,
                       String reason) {
        em.persist(new AuditEntry(actor, action, type, id, label, boardId, reason, Instant.now()));
    }

    private static String label(Post post) {
        return post.getTopic().getTitle() + " #" + post.getNumber();
    }
}
