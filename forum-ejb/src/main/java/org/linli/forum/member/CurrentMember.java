package org.linli.forum.member;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The member on whose behalf the current call runs, as the container authenticated them. Services
 * ask this, never a parameter a page could forge.
 */
@Stateless
@PermitAll
public class CurrentMember {

    @Resource
    private SessionContext context;

    @Inject
    private Members members;

    public Optional<Member> find() {
        Principal principal = context.getCallerPrincipal();
        // An unauthenticated caller has a principal too ("anonymous"), but no member role.
        if (principal == null || principal.getName() == null
                || Arrays.stream(Role.values()).noneMatch(role -> context.isCallerInRole(role.name()))) {
            return Optional.empty();
        }
        return members.byUsername(principal.getName()).filter(Member::canSignIn);
    }

    /** The signed-in member; anonymous callers get a {@link NotSignedInException}. */
    public Member require() {
        return find().orElseThrow(NotSignedInException::new);
    }
}
