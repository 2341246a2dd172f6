package org.linli.forum.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.content.ContentRules;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostPermissions;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The life of a reported problem: staff acknowledge and resolve it (with a note), its author
 * reopens it if it is not fixed, and every change is kept as an event line of the topic. Staff
 * also mark a staff reply as the official answer.
 */
@Stateless
public class ProblemService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private Event<ProblemStatusChanged> statusChanged;

    @Inject
    private Event<OfficialAnswerMarked> answerMarked;

    /** Moves the problem to {@code to}; resolving needs a note (the resolution), the rest may have one. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public TopicEvent changeStatus(long topicId, @NotNull(message = "error.status.transition") ProblemStatus to, String note) {
        Member actor = currentMember.require();
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE))
                .filter(t -> TopicPermissions.canSee(actor, t))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        TopicPermissions.checkChangeStatus(actor, topic, to);
        String why = ContentRules.checkReason(note, to == ProblemStatus.RESOLVED);
        TopicEvent event = TopicEvent.move(topic, actor, to, why, Instant.now());
        em.persist(event);
        statusChanged.fire(new ProblemStatusChanged(event));
        return event;
    }

    /**
     * The status changes of a topic, oldest first, each with the number of the last post before
     * it (the topic page shows the event after that post). For those who may read the topic.
     */
    @PermitAll
    public List<EventLine> listEvents(long topicId) {
        Member reader = currentMember.find().orElse(null);
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId))
                .filter(t -> TopicPermissions.canSee(reader, t))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        // Each event with the number of the last post before it, in one statement.
        return em.createQuery("""
                        select e, (select coalesce(max(p.number), 1) from Post p where p.topic = e.topic and p.createdAt <= e.createdAt)
                        from TopicEvent e join fetch e.actor where e.topic = :topic order by e.createdAt, e.id""", Object[].class)
                .setParameter("topic", topic)
                .getResultStream()
                .map(row -> new EventLine((TopicEvent) row[0], ((Number) row[1]).intValue()))
                .toList();
    }

    /** Marks a staff reply as the topic's official answer (in place of any earlier one). */
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public Topic markOfficial(long postId) {
        Member actor = currentMember.require();
        Post post = Optional.ofNullable(em.find(Post.class, postId))
                .filter(p -> PostPermissions.canSee(actor, p))
                .orElseThrow(() -> new NotFoundException("post", postId));
        PostPermissions.checkMarkOfficial(actor, post);
        Topic topic = em.find(Topic.class, post.getTopic().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (topic.markOfficialAnswer(post.getId(), post.getTopic().getId())) {
            answerMarked.fire(new OfficialAnswerMarked(post, actor));
        }
        return topic;
    }

    /** The topic has no official answer any more. */
    @RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
    public Topic unmarkOfficial(long topicId) {
        Member actor = currentMember.require();
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE))
                .filter(t -> TopicPermissions.canSee(actor, t))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        topic.clearOfficialAnswer();
        return topic;
    }

    /** The official answer of a topic, if it has one the caller may see. */
    @PermitAll
    public Optional<Post> findOfficialAnswer(Topic topic) {
        Member reader = currentMember.find().orElse(null);
        if (topic.getOfficialAnswerId() == null) {
            return Optional.empty();
        }
        return em.createQuery("select p from Post p join fetch p.author where p.id = :id", Post.class)
                .setParameter("id", topic.getOfficialAnswerId())
                .getResultStream().findFirst()
                .filter(p -> !p.isHidden() || BoardPermissions.canSeeHidden(reader, topic.getBoard()));
    }
}
