package org.linli.forum.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.common.RateLimitedException;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.MemberSuspendedException;

import java.util.Set;

/**
 * The identity store behind sign-in: members and their password hashes in the forum database.
 * The caller name is the member's username as registered, and the one group is their role.
 * Attempts are throttled per account and per address (the connection's, never a header the
 * client could set).
 */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @EJB
    private MemberService memberService;

    @Inject
    private HttpServletRequest request;

    @Inject
    private SignInRefusal refusal;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return memberService.authenticate(credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr())
                    .map(member -> new CredentialValidationResult(member.getUsername(), Set.of(member.getRole().name())))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (RateLimitedException | MemberSuspendedException e) {
            refusal.refused(e);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
