package org.linli.forum.notify;

import jakarta.persistence.EntityManager;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes notifications in the transaction of what they are about, so a post and its
 * notifications commit (or roll back) together. The one who acted is never told of their own
 * act, and members who turned a kind off are not told of it. Members who want mail (the default)
 * get one in the outbox, in their language.
 */
public final class Notifier {

    private Notifier() {
    }

    /** The member watches the topic from now on (posting in a topic does this). */
    public static void watch(EntityManager em, Member member, Topic topic) {
        if (em.find(TopicWatch.class, new TopicWatch.Key(topic.getId(), member.getId())) == null) {
            em.persist(new TopicWatch(topic, member, Instant.now()));
        }
    }

    /** Tells the topic's watchers (for a new topic: its board's watchers) what {@code actor} did. */
    public static void notify(EntityManager em, NotificationKind kind, Topic topic, Post post, Member actor) {
        String optedOut = " and not exists (select s from NotificationSettings s where s.memberId = w.member.id and s."
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
            em.persist(new Notification(recipient, kind, topic, post, actor, now));
            NotificationSettings chosen = settings.get(recipient.getId());
            if (chosen == null || chosen.isEmail()) {
                // Into the outbox with the notification; the mail sender sends it after commit.
                em.persist(MailComposer.compose(recipient, chosen == null ? null : chosen.getLanguage(), kind, topic, post, actor));
            }
        }
    }
}
