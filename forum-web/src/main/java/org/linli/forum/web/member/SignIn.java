package org.linli.forum.web.member;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a member in through the container's form mechanism, shared by the sign-in and the
 * registration pages. A successful sign-in always gets a new session id, so that an id planted
 * before sign-in (session fixation) is worth nothing after it.
 */
final class SignIn {

    private SignIn() {
    }

    /** True when signed in (or already on the way back to the page that asked for it). */
    static boolean signIn(SecurityContext securityContext, String username, String password) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();

        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username, password == null ? "" : password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SEND_FAILURE || request.getUserPrincipal() == null) {
            return false;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            // The mechanism is already redirecting back to the page that asked for a sign-in.
            context.responseComplete();
        }
        return true;
    }
}
