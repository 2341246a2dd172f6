package org.linli.forum.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.linli.forum.member.MemberService;

import java.util.Set;

/**
 * The identity store behind sign-in: members and their password hashes in the forum database.
 * The caller name is the member's username as registered, and the one group is their role.
 */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @EJB
    private MemberService memberService;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return memberService.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(member -> new CredentialValidationResult(member.getUsername(), Set.of(member.getRole().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
