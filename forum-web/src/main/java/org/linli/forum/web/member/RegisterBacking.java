package org.linli.forum.web.member;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.linli.forum.common.ForumException;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The registration page: a new resident, signed in straight away. */
@Named
@RequestScoped
public class RegisterBacking {

    @EJB
    private MemberService memberService;

    @Inject
    private SecurityContext securityContext;

    private String username;
    private String email;
    private String password;
    private String confirmation;

    public void submit() throws IOException {
        // Everything the form got wrong, in one answer: the registration's rules and the confirmation.
        List<InvalidInputException> problems = new ArrayList<>(new Registration(username, email, password).problems());
        if (password == null || !password.equals(confirmation)) {
            problems.add(new InvalidInputException("confirmation", "error.password.confirmation"));
        }
        if (!problems.isEmpty()) {
            Messages.show("form", InvalidInputException.of(problems));
            return;
        }
        try {
            memberService.register(new Registration(username, email, password));
        } catch (ForumException e) {
            Messages.show("form", e);
            return;
        }
        SignIn.signIn(securityContext, username.strip(), password);
        if (!FacesContext.getCurrentInstance().getResponseComplete()) {
            Links.redirect("/");
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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
