package org.linli.forum.guest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.common.Checks;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.RateLimitedException;
import org.linli.forum.content.Body;
import org.linli.forum.content.ContentRules;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.EmailAddress;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.notify.MailComposer;
import org.linli.forum.notify.MailTokens;
import org.linli.forum.post.Post;
import org.linli.forum.post.Posting;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Use cases of guest replies: a visitor sends one on a board that allows it (held, and a mail
 * to confirm the address), confirms the address, sees their own held replies; moderators list,
 * approve (publish as a post by the guest) or reject them. Each check is made here, whatever
 * page or request asks.
 */
@Stateless
public class GuestReplyService {

    private static final Pattern LINK = Pattern.compile("</?a\\b[^>]*>");

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private Posting posting;

    @Inject
    private Event<GuestReplyDecided> decided;

    @Inject
    private GuestClaims claims;

    private final PostRenderer renderer = new PostRenderer();

    /** The three fields, each with its own rule, all reported at once. */
    private record Fields(@GuestName String name, @EmailAddress String email, @Body String body) {
    }

    /**
     * A guest's reply, held; empty when the honeypot was filled (a robot is told nothing). Refused
     * when the form was sent too fast or is too old, for each field it gets wrong (all at once),
     * and when its address or email address sent too many lately (with the time to wait).
     */
    @PermitAll
    public Optional<GuestReply> submit(GuestReplyInput input) {
        Topic topic = Optional.ofNullable(em.find(Topic.class, input.topicId()))
                .filter(GuestReplyService::acceptsGuests)
                .orElseThrow(() -> new NotFoundException("topic", input.topicId()));
        if (input.honeypot() != null && !input.honeypot().isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant givenOut = GuestForms.givenOutAt(input.formTime());
        if (givenOut == null || givenOut.plus(GuestForms.MAX_AGE).isBefore(now)) {
            throw new InvalidInputException("", "error.guest.expired");
        }
        if (givenOut.plus(GuestForms.MIN_TIME).isAfter(now)) {
            throw new InvalidInputException("", "error.guest.tooFast", GuestForms.MIN_TIME.toSeconds());
        }
        String name = input.name() == null ? null : input.name().strip();
        String email = input.email() == null ? null : input.email().strip();
        List<InvalidInputException> problems = new ArrayList<>(Checks.problems(new Fields(name, email, input.body())));
        if (problems.stream().noneMatch(p -> p.getField().equals("name")) && isMembersName(name)) {
            problems.add(0, new InvalidInputException("name", "error.guest.membersName"));
        }
        if (problems.stream().noneMatch(p -> p.getField().equals("email")) && isMembersAddress(email)) {
            problems.add(new InvalidInputException("email", "error.guest.membersEmail"));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.of(problems);
        }
        String emailDigest = GuestForms.digest(email);
        String addressDigest = GuestForms.digest(input.address());
        limit("addressDigest", addressDigest, GuestForms.PER_ADDRESS, now);
        limit("emailDigest", emailDigest, GuestForms.PER_EMAIL, now);

        String source = ContentRules.uniformLineBreaks(input.body());
        // Held, it links nowhere: a spammer's links do nothing until a moderator lets them.
        String inert = LINK.matcher(renderer.render(source)).replaceAll("");
        GuestReply reply = new GuestReply(topic, name, emailDigest, source, inert, addressDigest, now);
        em.persist(reply);
        em.flush();
        String link = ForumSettings.baseUrl() + "/guest/confirm?r=" + reply.getId() + "&t=" + confirmToken(reply);
        em.persist(MailComposer.guestConfirmation(email, input.language(), name, topic.getTitle(), link));
        return Optional.of(reply);
    }

    /** Whether guests may reply to {@code topic}: visible to anyone, open, on a board that allows them. */
    public static boolean acceptsGuests(Topic topic) {
        return topic.getBoard().isGuestReplies() && TopicPermissions.canSee(null, topic) && !topic.isLocked();
    }

    private boolean isMembersName(String name) {
        String key = Member.keyOf(name);
        return !em.createQuery("select m.id from Member m where m.guest = false and (m.usernameKey = :key or lower(m.displayName) = :lower)")
                .setParameter("key", key).setParameter("lower", name.toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** A member's address: they sign in to reply (as registering with a taken address says, it is taken). */
    private boolean isMembersAddress(String email) {
        return !em.createQuery("select m.id from Member m where m.emailKey = :key")
                .setParameter("key", Member.keyOf(email)).setMaxResults(1).getResultList().isEmpty();
    }

    private void limit(String field, String digest, int max, Instant now) {
        List<Instant> recent = em.createQuery("select g.createdAt from GuestReply g where g." + field + " = :digest"
                        + " and g.createdAt > :since order by g.createdAt", Instant.class)
                .setParameter("digest", digest)
                .setParameter("since", now.minus(GuestForms.WINDOW))
                .getResultList();
        if (recent.size() >= max) {
            Duration wait = Duration.between(now, recent.get(recent.size() - max).plus(GuestForms.WINDOW));
            throw new RateLimitedException("error.guest.tooMany", wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
    }

    private static String confirmToken(GuestReply reply) {
        return MailTokens.sign(reply.getId(), "GUEST_CONFIRM:" + reply.getEmailDigest());
    }

    /** The guest opens the link of their mail: their address is confirmed. False for a link this forum did not sign. */
    @PermitAll
    public boolean confirm(long replyId, String token) {
        GuestReply reply = em.find(GuestReply.class, replyId);
        if (reply == null || !MailTokens.verify(replyId, "GUEST_CONFIRM:" + reply.getEmailDigest(), token)) {
            return false;
        }
        reply.confirmEmail(Instant.now());
        return true;
    }

    /**
     * The signed-in member opens the link mailed to the address they registered with: the
     * replies they sent from it as a guest become theirs. Returns how many; 0 for a link not theirs.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public int claim(String token) {
        return claims.claim(currentMember.require(), token);
    }

    /** Of {@code ids} (the replies this browser sent), those still held in {@code topicId}, oldest first. */
    @PermitAll
    public List<GuestReply> heldOf(long topicId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                select g from GuestReply g where g.id in :ids and g.topic.id = :topic and g.state = :pending
                order by g.createdAt""", GuestReply.class)
                .setParameter("ids", ids)
                .setParameter("topic", topicId)
                .setParameter("pending", GuestReply.State.PENDING)
                .getResultList();
    }

    /** The held replies on the boards the moderator moderates: confirmed addresses first, then oldest first. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public List<GuestReply> listHeld() {
        Member moderator = currentMember.require();
        return em.createQuery("""
                select g from GuestReply g join fetch g.topic
                where g.state = :pending
                order by case when g.emailConfirmedAt is null then 1 else 0 end, g.createdAt""", GuestReply.class)
                .setParameter("pending", GuestReply.State.PENDING)
                .setMaxResults(200)
                .getResultList().stream()
                .filter(g -> BoardPermissions.canModerate(moderator, g.getTopic().getBoard()))
                .toList();
    }

    /** Publishes a held reply as a post by its guest (one member per guest address). */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public Post approve(long replyId) {
        Member moderator = currentMember.require();
        GuestReply reply = held(replyId, moderator);
        Topic topic = em.find(Topic.class, reply.getTopic().getId(), LockModeType.PESSIMISTIC_WRITE);
        Member guest = em.createQuery("select m from Member m where m.emailKey = :key", Member.class)
                .setParameter("key", Member.guestKey(reply.getEmailDigest()))
                .getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (guest == null) {
            guest = Member.guest(reply.getGuestName(), reply.getEmailDigest(), now);
            em.persist(guest);
        } else {
            guest.renameGuest(reply.getGuestName());
        }
        Post post = posting.reply(topic, guest, reply.getSource(), now, false);
        reply.approve(moderator, post, now);
        decided.fire(new GuestReplyDecided(reply, moderator, true));
        return post;
    }

    /** Turns a held reply down: it is never shown to anyone again. */
    @RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
    public void reject(long replyId) {
        Member moderator = currentMember.require();
        GuestReply reply = held(replyId, moderator);
        reply.reject(moderator, Instant.now());
        decided.fire(new GuestReplyDecided(reply, moderator, false));
    }

    private GuestReply held(long replyId, Member moderator) {
        return Optional.ofNullable(em.find(GuestReply.class, replyId, LockModeType.PESSIMISTIC_WRITE))
                .filter(g -> g.getState() == GuestReply.State.PENDING)
                .filter(g -> BoardPermissions.canModerate(moderator, g.getTopic().getBoard()))
                .orElseThrow(() -> new NotFoundException("guestReply", replyId));
    }
}
