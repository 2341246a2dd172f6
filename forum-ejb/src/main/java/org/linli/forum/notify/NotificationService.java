package org.linli.forum.notify;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.Page;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A member's side of notifications: watching and unwatching topics and boards, the list and its
 * unread count, marking read, and which kinds they want.
 */
@Stateless
@RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
public class NotificationService {

    public static final int PAGE_SIZE = 30;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    public void watchTopic(long topicId, boolean watching) {
        Member member = currentMember.require();
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId))
                .filter(t -> TopicPermissions.canSee(member, t))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        TopicWatch watch = em.find(TopicWatch.class, new TopicWatch.Key(topicId, member.getId()));
        if (watching && watch == null) {
            em.persist(new TopicWatch(topic, member, Instant.now()));
        } else if (!watching && watch != null) {
            em.remove(watch);
        }
    }

    public void watchBoard(long boardId, boolean watching) {
        Member member = currentMember.require();
        Board board = Optional.ofNullable(em.find(Board.class, boardId)).orElseThrow(() -> new NotFoundException("board", boardId));
        BoardWatch watch = em.find(BoardWatch.class, new BoardWatch.Key(boardId, member.getId()));
        if (watching && watch == null) {
            em.persist(new BoardWatch(board, member, Instant.now()));
        } else if (!watching && watch != null) {
            em.remove(watch);
        }
    }

    /** Whether the caller watches the topic; false for an anonymous reader. */
    @PermitAll
    public boolean isWatchingTopic(long topicId) {
        return currentMember.find()
                .map(member -> em.find(TopicWatch.class, new TopicWatch.Key(topicId, member.getId())) != null)
                .orElse(false);
    }

    @PermitAll
    public boolean isWatchingBoard(long boardId) {
        return currentMember.find()
                .map(member -> em.find(BoardWatch.class, new BoardWatch.Key(boardId, member.getId())) != null)
                .orElse(false);
    }

    /** How many of the caller's notifications are unread; 0 for an anonymous reader. */
    @PermitAll
    public long unreadCount() {
        return currentMember.find()
                .map(member -> em.createQuery("""
                                select count(n) from Notification n
                                where n.member = :member and n.readAt is null and n.topic.hiding.hiddenAt is null""", Long.class)
                        .setParameter("member", member).getSingleResult())
                .orElse(0L);
    }

    /**
     * Page {@code number} of the caller's notifications, newest first. Notifications about a
     * topic that has since been hidden are left out (its title is no longer for readers).
     */
    public Page<Notification> list(int number) {
        Member member = currentMember.require();
        long total = em.createQuery("select count(n) from Notification n where n.member = :member and n.topic.hiding.hiddenAt is null",
                        Long.class)
                .setParameter("member", member).getSingleResult();
        if (number < 1 || number > Page.totalPages(total, PAGE_SIZE)) {
            throw new NotFoundException("page", number);
        }
        var items = em.createQuery("""
                select n from Notification n join fetch n.topic join fetch n.actor left join fetch n.post
                where n.member = :member and n.topic.hiding.hiddenAt is null order by n.id desc""", Notification.class)
                .setParameter("member", member)
                .setFirstResult(Page.firstIndex(number, PAGE_SIZE))
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /** Marks one of the caller's notifications read and returns it (to follow its link). */
    public Notification open(long notificationId) {
        Member member = currentMember.require();
        Notification notification = em.createQuery(
                        "select n from Notification n join fetch n.topic left join fetch n.post where n.id = :id", Notification.class)
                .setParameter("id", notificationId)
                .getResultStream().findFirst()
                .filter(n -> n.getMember().getId().equals(member.getId()))
                .orElseThrow(() -> new NotFoundException("notification", notificationId));
        notification.markRead(Instant.now());
        return notification;
    }

    public int markAllRead() {
        Member member = currentMember.require();
        return em.createQuery("update Notification n set n.readAt = :now where n.member = :member and n.readAt is null")
                .setParameter("now", Instant.now())
                .setParameter("member", member)
                .executeUpdate();
    }

    /** The kinds the caller wants to be told about. */
    public Set<NotificationKind> wanted() {
        Member member = currentMember.require();
        NotificationSettings settings = em.find(NotificationSettings.class, member.getId());
        Set<NotificationKind> wanted = EnumSet.noneOf(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (settings == null || settings.wants(kind)) {
                wanted.add(kind);
            }
        }
        return wanted;
    }

    public void choose(Set<NotificationKind> wanted) {
        NotificationSettings settings = settingsOf(currentMember.require().getId());
        for (NotificationKind kind : NotificationKind.values()) {
            settings.choose(kind, wanted.contains(kind));
        }
    }

    /** The caller's settings (defaults if they never chose). */
    public NotificationSettings settings() {
        long memberId = currentMember.require().getId();
        return Optional.ofNullable(em.find(NotificationSettings.class, memberId)).orElseGet(() -> new NotificationSettings(memberId));
    }

    /** Whether the caller also wants mail, and in which language ("en" or "zh-CN"). */
    public void chooseMail(boolean email, String language) {
        NotificationSettings settings = settingsOf(currentMember.require().getId());
        settings.chooseEmail(email);
        settings.chooseLanguage(language);
    }

    /**
     * The link in a mail: no more mails of this kind for this member. Needs no sign-in, but a
     * token only the forum can make; a wrong one is not found.
     */
    @PermitAll
    public void unsubscribe(long memberId, String kindName, String token) {
        NotificationKind kind = Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(kindName)).findFirst()
                .orElseThrow(() -> new NotFoundException("notification", kindName));
        if (em.find(Member.class, memberId) == null || !MailTokens.verify(memberId, kind.name(), token)) {
            throw new NotFoundException("notification", kindName);
        }
        settingsOf(memberId).choose(kind, false);
    }

    /** Whether an unsubscribe link is genuine (the page checks before offering its button). */
    @PermitAll
    public boolean isGenuine(long memberId, String kindName, String token) {
        return Arrays.stream(NotificationKind.values()).anyMatch(k -> k.name().equals(kindName))
                && MailTokens.verify(memberId, kindName, token);
    }

    private NotificationSettings settingsOf(long memberId) {
        NotificationSettings settings = em.find(NotificationSettings.class, memberId);
        if (settings == null) {
            settings = new NotificationSettings(memberId);
            em.persist(settings);
        }
        return settings;
    }
}
