package org.linli.forum.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The CSRF token of the forms that are no Faces forms: the header's sign-out and the forms on a
 * topic page (quick reply, the next status step). Those pages are rendered once and shared by
 * every member with the same permissions, so they cannot carry a Faces view state of one
 * member's; they carry this token of the member's session instead, filled in per member.
 */
public final class SessionToken {

    public static final String FIELD = "token";

    /**
     * The plain forms' addresses, which take a POST without a Faces view state: members' forms
     * with this token, the guest reply form (no session) with none. SameOriginFilter guards all.
     */
    public static final Set<String> FORM_PATHS = Set.of("/member/sign-out", "/post/quick-reply", "/post/status-step", "/guest/reply");

    private static final String ATTRIBUTE = SessionToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionToken() {
    }

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                token = HexFormat.of().formatHex(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return (String) token;
        }
    }

    /** Whether the request carries its session's token (a request without a session carries none). */
    public static boolean isCarriedBy(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String given = request.getParameter(FIELD);
        return session != null && given != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), of(session).getBytes(StandardCharsets.UTF_8));
    }
}
