package org.linli.forum.web.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The not-found page also stands for "forbidden": a page a member may not see is answered as a
 * page that does not exist (404), so its status does not tell that it is there.
 */
@Named
@RequestScoped
public class ErrorPageBacking {

    public void answerAsNotFound() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (!external.isResponseCommitted()) {
            external.setResponseStatus(404);
        }
    }
}
