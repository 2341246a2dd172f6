package org.linli.forum.reading;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.topic.Topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unread tracking for signed-in members. A topic is unread when it has posts past the member's
 * mark; topics whose last post is older than the member's registration count as read, so a
 * newcomer does not find years of history "new".
 */
@Stateless
public class ReadingService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @EJB
    private NotificationService notifications;

    /** The caller has seen the topic up to post {@code number}. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public void markRead(long topicId, int number) {
        Member reader = currentMember.require();
        Instant now = Instant.now();
        TopicRead.Key key = new TopicRead.Key(reader.getId(), topicId);
        // Reading a page again, or an earlier one, changes nothing: no write, no row lock (most
        // views of a signed-in member are such re-reads).
        TopicRead known = em.find(TopicRead.class, key);
        if (known != null && known.getLastReadNumber() >= number) {
            return;
        }
        if (known == null) {
            // A first mark. Two sessions of one member opening the topic at once would both insert
            // it (a duplicate key): the member's row serialises them, and the second finds the
            // first's mark once it has committed.
            em.find(Member.class, reader.getId(), LockModeType.PESSIMISTIC_WRITE);
            known = em.find(TopicRead.class, key);
            if (known == null) {
                em.persist(new TopicRead(reader.getId(), topicId, number, now));
                return;
            }
        }
        em.find(TopicRead.class, key, LockModeType.PESSIMISTIC_WRITE).readUpTo(number, now);
    }

    /**
     * For each of these topics that has posts the caller has not read, the number of the first
     * such post. Empty for an anonymous reader.
     */
    @PermitAll
    public Map<Long, Integer> firstUnread(Collection<Topic> topics) {
        Member reader = currentMember.find().orElse(null);
        if (reader == null || topics.isEmpty()) {
            return new HashMap<>();
        }
        List<TopicProgress> progress = topics.stream().map(TopicProgress::of).toList();
        return firstUnread(reader, progress, marks(reader, progress.stream().map(TopicProgress::topicId).toList()));
    }

    /**
     * Everything the caller's copy of a reading page shows of them, in one call: the first unread
     * post of each of {@code topics}, their mark in {@code readTopic} (the topic the page is of,
     * 0 for none) before this view, their unread notifications and whether they watch it. One
     * call because each call of its own cost a transaction, a persistence context and a lookup
     * of the member, and those were most of a signed-in page's CPU (the load benchmark). Moving
     * the mark on is left to {@link #markRead}, asked only when the page goes past it.
     */
    @PermitAll
    public ReaderMarks marksFor(Collection<TopicProgress> topics, long readTopic) {
        Member reader = currentMember.find().orElse(null);
        if (reader == null) {
            return ReaderMarks.NONE;
        }
        List<Long> ids = new ArrayList<>(topics.stream().map(TopicProgress::topicId).toList());
        if (readTopic != 0 && !ids.contains(readTopic)) {
            ids.add(readTopic);
        }
        Map<Long, Integer> marks = ids.isEmpty() ? Map.of() : marks(reader, ids);
        return new ReaderMarks(firstUnread(reader, topics, marks), marks.getOrDefault(readTopic, 0),
                notifications.unreadCount(), readTopic != 0 && notifications.isWatchingTopic(readTopic));
    }

    /** The reader's marks in these topics: how far they read each they opened. */
    private Map<Long, Integer> marks(Member reader, List<Long> topicIds) {
        Map<Long, Integer> marks = new HashMap<>();
        for (TopicRead mark : em.createQuery(
                        "select r from TopicRead r where r.key.memberId = :member and r.key.topicId in :topics", TopicRead.class)
                .setParameter("member", reader.getId())
                .setParameter("topics", topicIds)
                .getResultList()) {
            marks.put(mark.getTopicId(), mark.getLastReadNumber());
        }
        return marks;
    }

    private static Map<Long, Integer> firstUnread(Member reader, Collection<TopicProgress> topics, Map<Long, Integer> marks) {
        Map<Long, Integer> unread = new HashMap<>();
        for (TopicProgress topic : topics) {
            Integer mark = marks.get(topic.topicId());
            if (mark == null && topic.lastPostAt().isAfter(reader.getCreatedAt())) {
                unread.put(topic.topicId(), 1);
            } else if (mark != null && mark < topic.postCount()) {
                unread.put(topic.topicId(), mark + 1);
            }
        }
        return unread;
    }
}
