package org.linli.forum.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.linli.forum.member.Role;

/**
 * How members sign in: Jakarta Security's form mechanism with our own sign-in page, and the
 * signed-in identity kept in the HTTP session. A page that needs a member shows the sign-in form in
 * its place (a forward, so the address stays), and after signing in the member is sent back to it.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/member/sign-in", errorPage = "", useForwardToLogin = true))
@DeclareRoles({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
@ApplicationScoped
public class SecurityConfiguration {
}
