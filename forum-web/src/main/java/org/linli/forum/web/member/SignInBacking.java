package org.linli.forum.web.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;

/** The sign-in page. */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    private SecurityContext securityContext;

    private String username;
    private String password;

    public void submit() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!SignIn.signIn(securityContext, username, password)) {
            // The same words whether the username or the password was wrong.
            Messages.error(null, "error.signIn.failed");
            return;
        }
        if (!context.getResponseComplete()) {
            ExternalContext external = context.getExternalContext();
            external.redirect(external.getRequestContextPath() + "/");
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
}
