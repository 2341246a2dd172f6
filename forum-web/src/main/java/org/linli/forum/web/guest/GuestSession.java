package org.linli.forum.web.guest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The guest replies this browser sent, kept in its session: they are shown, marked as awaiting
 * approval, to this browser and to nobody else (but moderators).
 */
public final class GuestSession {

    private static final String ATTRIBUTE = GuestSession.class.getName();

    private GuestSession() {
    }

    @SuppressWarnings("unchecked")
    public static Set<Long> replies(HttpSession session) {
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Set<?> ids) {
            return Set.copyOf((Set<Long>) ids);
        }
        return Set.of();
    }

    static void add(HttpServletRequest request, long replyId) {
        HttpSession session = request.getSession();
        Set<Long> ids = new LinkedHashSet<>(replies(session));
        ids.add(replyId);
        // A new set each time, so a distributed session sees the change.
        session.setAttribute(ATTRIBUTE, ids);
    }
}
