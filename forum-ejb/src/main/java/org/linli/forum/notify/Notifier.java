package org.linli.forum.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostAdded;
import org.linli.forum.problem.OfficialAnswerMarked;
import org.linli.forum.problem.ProblemStatusChanged;
import org.linli.forum.topic.Topic;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notifications from the events of posting and of problems, in the transaction of what
 * they are about (CDI observers run in the firing transaction), so a post and its notifications
 * commit or roll back together. The one who acted is never told of their own act, and members who
 * turned a kind off are not told of it. Members who want mail (the default) get one in the
 * outbox, in their language. Posting in a topic makes its author watch it.
 */
@ApplicationScoped
public class Notifier {

    @PersistenceContext
    private EntityManager em;

    void postAdded(@Observes PostAdded event) {
        if (event.imported()) {
            return;
        }
        Post post = event.post();
        Member author = post.getAuthor();
        // A reply posted as the official answer is announced as that, once.
        NotificationKind kind = post.isOpening() ? NotificationKind.NEW_TOPIC
                : post.getId().equals(post.getTopic().getOfficialAnswerId()) ? NotificationKind.OFFICIAL : NotificationKind.REPLY;
        notify(kind, post.getTopic(), post, author);
        watch(author, post.getTopic());
    }

    void statusChanged(@Observes ProblemStatusChanged event) {
        notify(NotificationKind.STATUS, event.event().getTopic(), null, event.event().getActor());
    }

    void officialAnswerMarked(@Observes OfficialAnswerMarked event) {
        notify(NotificationKind.OFFICIAL, event.answer().getTopic(), event.answer(), event.actor());
    }

    private void watch(Member member, Topic topic) {
        // A guest's member never signs in and has no address: nothing to tell it.
        if (member.isGuest()) {
            return;
        }
        if (em.find(TopicWatch.class, new TopicWatch.Key(topic.getId(), member.getId())) == null) {
            em.persist(new TopicWatch(topic, member, Instant.now()));
        }
    }

    /** Tells the topic's watchers (for a new topic: its board's watchers) what {@code actor} did. */
    private void notify(NotificationKind kind, Topic topic, Post post, Member actor) {
        String optedOut = " and w.member.guest = false and not exists (select s from NotificationSettings s where s.memberId = w.member.id and s."
                + NotificationSettings.field(kind) + " = false)";
        List<Member> recipients = kind == NotificationKind.NEW_TOPIC
                ? em.createQuery("select w.member from BoardWatch w where w.board = :board and w.member <> :actor" + optedOut,
                        Member.class).setParameter("board", topic.getBoard()).setParameter("actor", actor).getResultList()
                : em.createQuery("select w.member from TopicWatch w where w.topic = :topic and w.member <> :actor" + optedOut,
                        Member.class).setParameter("topic", topic).setParameter("actor", actor).getResultList();
        if (recipients.isEmpty()) {
            return;
        }
        Map<Long, NotificationSettings> settings = new HashMap<>();
        em.createQuery("select s from NotificationSettings s where s.memberId in :ids", NotificationSettings.class)
                .setParameter("ids", recipients.stream().map(Member::getId).toList())
                .getResultList()
                .forEach(s -> settings.put(s.getMemberId(), s));
        Instant now = Instant.now();
        for (Member recipient : recipients) {
            em.persist(new Notification(recipient, kind, topic, post, actor, now)
                    .withStatus(kind == NotificationKind.STATUS ? topic.getProblemStatus() : null));
            NotificationSettings chosen = settings.get(recipient.getId());
            if (chosen == null || chosen.isEmail()) {
                // Into the outbox with the notification; the mail sender sends it after commit.
                em.persist(MailComposer.compose(recipient, chosen == null ? null : chosen.getLanguage(), kind, topic, post, actor));
            }
        }
    }
}
