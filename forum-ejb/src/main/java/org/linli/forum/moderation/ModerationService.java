package org.linli.forum.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.content.ContentRules;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberModerated;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.post.Posting;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicChanged;
import org.linli.forum.topic.TopicService;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What moderators do to topics, posts and members. Each action locks its target's row, checks
 * the rules of the board it is on ({@link BoardPermissions}), and raises its event in the same
 * transaction (the audit log, the board's counters and search observe it). Repeating an action
 * that is already in effect (locking a locked topic) changes nothing and logs nothing.
 */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class ModerationService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private Posting posting;

    @Inject
    private Event<TopicChanged> topicChanged;

    @Inject
    private Event<MemberModerated> memberModerated;

    @Inject
    private Event<ReportDismissed> reportDismissed;

    @EJB
    private TopicService topicService;

    @EJB
    private PostService postService;

    @EJB
    private MemberService memberService;

    /** The topic on its moderation page: read there by its board's moderators only. */
    public Topic topicToModerate(long topicId) {
        Member moderator = currentMember.require();
        Topic topic = topicService.getTopic(topicId);
        BoardPermissions.checkModerate(moderator, topic.getBoard());
        return topic;
    }

    /** The post on its moderation page: read there by its board's moderators only. */
    public Post postToModerate(long postId) {
        Member moderator = currentMember.require();
        Post post = postService.getPost(postId);
        BoardPermissions.checkModerate(moderator, post.getTopic().getBoard());
        return post;
    }

    /**
     * A member and their suspension (its end and the moderator's reason), as the moderators'
     * member page shows them: for moderators and administrators, who suspend; nobody else.
     */
    public Optional<Member> findMemberToModerate(String username) {
        Member moderator = currentMember.require();
        if (!MemberPermissions.isModerator(moderator)) {
            throw new NotPermittedException("error.notPermitted.suspend");
        }
        return username == null || username.isBlank() ? Optional.empty() : memberService.findByUsername(username.strip());
    }

    /** Locks a topic: no more replies but from its moderators and staff. */
    public Topic lock(long topicId, String reason) {
        return changeTopic(topicId, reason, Topic::lock, TopicChanged.Change.LOCKED);
    }

    /** Opens a locked topic for replies again. */
    public Topic unlock(long topicId, String reason) {
        return changeTopic(topicId, reason, Topic::unlock, TopicChanged.Change.UNLOCKED);
    }

    /** Pins a topic to the top of its board. */
    public Topic pin(long topicId, String reason) {
        return changeTopic(topicId, reason, Topic::pin, TopicChanged.Change.PINNED);
    }

    /** Lets a pinned topic sink with the others again. */
    public Topic unpin(long topicId, String reason) {
        return changeTopic(topicId, reason, Topic::unpin, TopicChanged.Change.UNPINNED);
    }

    /** Makes {@code change} to the topic and raises it, if it changed anything (the topic says). */
    private Topic changeTopic(long topicId, String reason, Predicate<Topic> change, TopicChanged.Change kind) {
        Member moderator = currentMember.require();
        Topic topic = moderatedTopic(moderator, topicId);
        String why = ContentRules.checkReason(reason, false);
        if (change.test(topic)) {
            topicChanged.fire(new TopicChanged(topic, kind, moderator, why));
        }
        return topic;
    }

    /**
     * Moves a topic to another board; both boards are counted again. Moderating the topic's
     * board is enough: moving it hands it to the other board's moderators.
     */
    public Topic move(long topicId, long targetBoardId, String reason) {
        Member moderator = currentMember.require();
        Topic topic = moderatedTopic(moderator, topicId);
        String why = ContentRules.checkReason(reason, false);
        Board source = topic.getBoard();
        Board target = Optional.ofNullable(em.find(Board.class, targetBoardId))
                .orElseThrow(() -> new InvalidInputException("board", "error.move.noSuchBoard"));
        if (target.getId().equals(source.getId())) {
            throw new InvalidInputException("board", "error.move.sameBoard");
        }
        topic.moveTo(target);
        topicChanged.fire(new TopicChanged(topic, TopicChanged.Change.MOVED, moderator, why, source));
        return topic;
    }

    /** Hides a whole topic (a soft delete): readers get a 404, moderators and staff still see it. */
    public Topic hideTopic(long topicId, String reason) {
        Member moderator = currentMember.require();
        Topic topic = moderatedTopic(moderator, topicId);
        String why = ContentRules.checkReason(reason, true);
        if (!topic.isHidden()) {
            topic.hide(moderator, Instant.now(), why);
            topicChanged.fire(new TopicChanged(topic, TopicChanged.Change.HIDDEN, moderator, why));
        }
        return topic;
    }

    public Topic restoreTopic(long topicId, String reason) {
        Member moderator = currentMember.require();
        Topic topic = moderatedTopic(moderator, topicId);
        String why = ContentRules.checkReason(reason, true);
        if (topic.isHidden()) {
            // A topic hidden with its opening post (deleted by its author) comes back whole.
            Optional<Post> hiddenOpening = openingPost(topic).filter(Post::isHidden);
            if (hiddenOpening.isPresent()) {
                posting.restore(hiddenOpening.get(), moderator, why);
            } else {
                topic.restore();
                topicChanged.fire(new TopicChanged(topic, TopicChanged.Change.RESTORED, moderator, why));
            }
        }
        return topic;
    }

    /** Hides a post (a soft delete); its open reports are resolved by it. */
    public Post hidePost(long postId, String reason) {
        Member moderator = currentMember.require();
        Post post = moderatedPost(moderator, postId);
        String why = ContentRules.checkReason(reason, true);
        posting.hide(post, moderator, why);
        resolveOpenReports(post, Report.Status.POST_HIDDEN, moderator, why);
        return post;
    }

    /** Shows a hidden (or author-deleted) post again. */
    public Post restorePost(long postId, String reason) {
        Member moderator = currentMember.require();
        Post post = moderatedPost(moderator, postId);
        String why = ContentRules.checkReason(reason, true);
        posting.restore(post, moderator, why);
        return post;
    }

    /** Dismisses the open reports of the post that {@code reportId} is about, with a note for the reporters. */
    public Report dismissReport(long reportId, String note) {
        Member moderator = currentMember.require();
        Report report = Optional.ofNullable(em.find(Report.class, reportId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("report", reportId));
        BoardPermissions.checkModerate(moderator, report.getPost().getTopic().getBoard());
        String why = ContentRules.checkReason(note, true);
        if (report.isOpen()) {
            resolveOpenReports(report.getPost(), Report.Status.DISMISSED, moderator, why);
            reportDismissed.fire(new ReportDismissed(report, moderator, why));
        }
        return report;
    }

    /** Resolves a report by hiding the post it is about. */
    public Report hideReportedPost(long reportId, String note) {
        Report report = Optional.ofNullable(em.find(Report.class, reportId))
                .orElseThrow(() -> new NotFoundException("report", reportId));
        hidePost(report.getPost().getId(), note);
        return report;
    }

    /**
     * Suspends a member until {@code until}, or for good when it is null. They cannot sign in or
     * post, and their open sessions end at their next request.
     */
    public Member suspend(long memberId, Instant until, String reason) {
        Member moderator = currentMember.require();
        Member target = Optional.ofNullable(em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("member", memberId));
        MemberPermissions.checkSuspend(moderator, target);
        String why = ContentRules.checkReason(reason, true);
        Instant now = Instant.now();
        if (until != null && !until.isAfter(now)) {
            throw new InvalidInputException("until", "error.suspend.untilPast");
        }
        target.suspend(now, until, why);
        memberModerated.fire(new MemberModerated(target, MemberModerated.Change.SUSPENDED, moderator, why, until, Set.of()));
        return target;
    }

    /** Lifts a member's suspension. */
    public Member reinstate(long memberId, String reason) {
        Member moderator = currentMember.require();
        Member target = Optional.ofNullable(em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("member", memberId));
        MemberPermissions.checkSuspend(moderator, target);
        String why = ContentRules.checkReason(reason, false);
        if (target.getSuspendedAt() != null) {
            target.liftSuspension();
            memberModerated.fire(new MemberModerated(target, MemberModerated.Change.REINSTATED, moderator, why, null, Set.of()));
        }
        return target;
    }

    private Optional<Post> openingPost(Topic topic) {
        return em.createQuery("select p from Post p where p.topic = :topic and p.number = 1", Post.class)
                .setParameter("topic", topic)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    private Topic moderatedTopic(Member moderator, long topicId) {
        Topic topic = Optional.ofNullable(em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("topic", topicId));
        BoardPermissions.checkModerate(moderator, topic.getBoard());
        return topic;
    }

    private Post moderatedPost(Member moderator, long postId) {
        Post post = Optional.ofNullable(em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("post", postId));
        BoardPermissions.checkModerate(moderator, post.getTopic().getBoard());
        return post;
    }

    private void resolveOpenReports(Post post, Report.Status outcome, Member moderator, String note) {
        Instant now = Instant.now();
        em.createQuery("select r from Report r where r.post = :post and r.status = :open", Report.class)
                .setParameter("post", post)
                .setParameter("open", Report.Status.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(report -> report.resolve(outcome, moderator, now, note));
    }
}
