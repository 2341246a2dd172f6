package org.linli.forum.web.member;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.member.PasswordReset;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.i18n.LanguageBacking;

import java.io.IOException;
import java.io.Serializable;

/**
 * "Forgot password": asking for the link (the same answer whether or not an account has the
 * address), and choosing a new password with it. A link that is forged, expired or used shows
 * no form, and says so.
 */
@Named
@ViewScoped
public class PasswordResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PasswordReset passwordReset;

    @Inject
    private LanguageBacking language;

    private String email;
    private boolean asked;

    private String m;
    private String e;
    private String t;
    private boolean linkValid;
    private String password;
    private String confirmation;

    public void ask() {
        passwordReset.requestReset(email, language.getLocale().getLanguage());
        asked = true;
    }

    /** The reset page: is the link good? Read once, when the page opens. */
    public void loadLink() {
        linkValid = number(m) > 0 && passwordReset.isValid(number(m), number(e), t);
    }

    public void reset() throws IOException {
        FormActions.run("form", () -> {
            passwordReset.reset(number(m), number(e), t, password, confirmation);
            return "/member/sign-in?reset=1";
        });
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException invalid) {
            return 0;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isAsked() {
        return asked;
    }

    public String getM() {
        return m;
    }

    public void setM(String m) {
        this.m = m;
    }

    public String getE() {
        return e;
    }

    public void setE(String e) {
        this.e = e;
    }

    public String getT() {
        return t;
    }

    public void setT(String t) {
        this.t = t;
    }

    public boolean isLinkValid() {
        return linkValid;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
