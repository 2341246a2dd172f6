package org.linli.forum.web.notify;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.web.common.PageParameters;

import java.io.Serializable;

/**
 * The page an unsubscribe link in a mail opens: no sign-in needed, the link's signature is the
 * proof. Opening it changes nothing (mail scanners open links); the button does.
 */
@Named
@ViewScoped
public class UnsubscribeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private NotificationService notificationService;

    private String m;
    private String k;
    private String t;
    private boolean done;

    public void load() {
        if (!notificationService.isGenuine(PageParameters.id("member", m), k, t)) {
            throw new NotFoundException("notification", k);
        }
    }

    public void confirm() {
        notificationService.unsubscribe(PageParameters.id("member", m), k, t);
        done = true;
    }

    public String getM() {
        return m;
    }

    public void setM(String m) {
        this.m = m;
    }

    public String getK() {
        return k;
    }

    public void setK(String k) {
        this.k = k;
    }

    public String getT() {
        return t;
    }

    public void setT(String t) {
        this.t = t;
    }

    public boolean isDone() {
        return done;
    }
}
