package org.linli.forum.web.member;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.common.ForumException;
import org.linli.forum.member.MemberSuspendedException;
import org.linli.forum.web.common.Dates;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.security.SignInRefusal;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;

/**
 * The sign-in page. Shown in place of a page that needs a member (the container forwards here),
 * it remembers that page and returns to it after signing in; otherwise it returns home.
 */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private SignInRefusal refusal;

    @Inject
    private Dates dates;

    private String username;
    private String password;
    private String returnTo;

    @PostConstruct
    void rememberTheAskingPage() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (uri != null) {
            Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            returnTo = uri + (query == null ? "" : "?" + query);
        }
    }

    public void submit() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!SignIn.signIn(securityContext, username, password)) {
            // The same words whether the username or the password was wrong.
            ForumException reason = refusal.reason().orElse(null);
            if (reason instanceof MemberSuspendedException suspended) {
                Messages.error(null, reason.getMessageKey(),
                        suspended.getUntil() == null ? "" : dates.format(suspended.getUntil()), suspended.getReason());
            } else if (reason != null) {
                Messages.show("form", reason);
            } else {
                Messages.error(null, "error.signIn.failed");
            }
            return;
        }
        if (!context.getResponseComplete()) {
            // Links.redirect keeps it on this site, whatever was posted as the return address.
            Links.redirect(returnTo == null ? "/" : returnTo);
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo;
    }
}
