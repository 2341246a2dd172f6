package org.linli.forum.guest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberRegistered;
import org.linli.forum.notify.MailComposer;
import org.linli.forum.notify.MailTokens;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostChanged;

import java.util.List;
import java.util.Optional;

/**
 * A guest who registers with the address they replied with may make those replies theirs. The
 * forum does not take the registration's word for the address (registering does not prove it):
 * it mails a signed link to it, and only the member who opens it, signed in, gets the posts.
 */
@ApplicationScoped
public class GuestClaims {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<PostChanged> changed;

    void registered(@Observes MemberRegistered event) {
        guestOf(event.email()).ifPresent(guest -> {
            Member member = event.member();
            String link = ForumSettings.baseUrl() + "/member/claim?t=" + token(member, guest);
            em.persist(MailComposer.guestClaim(member, event.language(), link));
        });
    }

    /** The guest member of the replies sent with {@code email}, if any were approved. */
    Optional<Member> guestOf(String email) {
        return em.createQuery("select m from Member m where m.emailKey = :key and m.guest = true", Member.class)
                .setParameter("key", Member.guestKey(GuestForms.digest(email)))
                .getResultStream().findFirst();
    }

    static String token(Member member, Member guest) {
        return guest.getId() + "." + MailTokens.sign(member.getId(), "CLAIM:" + guest.getId());
    }

    /**
     * Moves the guest's posts to {@code member}, if {@code token} is the one mailed to them;
     * returns how many (0 for a token that is not theirs). The guest member stays, with nothing.
     */
    int claim(Member member, String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return 0;
        }
        long guestId;
        try {
            guestId = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
        Member guest = em.find(Member.class, guestId);
        if (guest == null || !guest.isGuest() || !MailTokens.verify(member.getId(), "CLAIM:" + guestId, token.substring(dot + 1))) {
            return 0;
        }
        List<Post> posts = em.createQuery("select p from Post p where p.author = :guest", Post.class)
                .setParameter("guest", guest).getResultList();
        em.createQuery("update Post p set p.author = :member where p.author = :guest")
                .setParameter("member", member).setParameter("guest", guest).executeUpdate();
        em.createQuery("update Topic t set t.lastPoster = :member where t.lastPoster = :guest")
                .setParameter("member", member).setParameter("guest", guest).executeUpdate();
        // The search index shows each post's author: it takes them again.
        posts.forEach(post -> {
            em.refresh(post);
            changed.fire(new PostChanged(post, PostChanged.Change.RERENDERED, member, null));
        });
        return posts.size();
    }
}
