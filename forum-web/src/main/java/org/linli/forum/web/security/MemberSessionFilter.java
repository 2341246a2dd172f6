package org.linli.forum.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberService;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends a signed-in session the moment it no longer stands for what it was signed in as. The
 * session is stamped with the member's version at its first request; suspending the member, or
 * changing their role or boards, raises the version, and the session's next request finds the
 * stamp stale: the session is invalidated and the member sent to the sign-in page, which says why.
 * One lookup per signed-in request (the member is in the second-level cache), which the rest of
 * the request reuses ({@link #memberOf}); anonymous requests cost nothing.
 */
@WebFilter(filterName = "MemberSessionFilter")
public class MemberSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String STAMP = MemberSessionFilter.class.getName() + ".stamp";
    private static final String MEMBER = MemberSessionFilter.class.getName() + ".member";

    @EJB
    private MemberService memberService;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            HttpSession session = request.getSession(false);
            Optional<Member> member = memberService.sessionMember(request.getUserPrincipal().getName());
            Optional<Long> current = member.map(Member::getVersion);
            Object stamp = session == null ? null : session.getAttribute(STAMP);
            if (current.isPresent() && session != null && stamp == null) {
                session.setAttribute(STAMP, current.get());
            } else if (current.isEmpty() || session == null || !Objects.equals(stamp, current.get())) {
                end(request);
                response.sendRedirect(request.getContextPath() + "/member/sign-in?ended=1");
                return;
            }
            request.setAttribute(MEMBER, member.get());
        }
        chain.doFilter(request, response);
    }

    /** The member this request's session stands for, as this filter found it; empty for anonymous requests. */
    public static Optional<Member> memberOf(HttpServletRequest request) {
        return request.getAttribute(MEMBER) instanceof Member member ? Optional.of(member) : Optional.empty();
    }

    private static void end(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
