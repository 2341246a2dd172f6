package org.linli.forum.web.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.web.common.Links;

import java.io.IOException;

/** Signing out: the identity and the whole session are gone. */
@Named
@RequestScoped
public class SignOutBacking {

    public void submit() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        Links.redirect("/");
    }
}
