package org.linli.forum.web.guest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.guest.GuestReply;
import org.linli.forum.guest.GuestReplyService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.util.List;

/** The moderators' queue of held guest replies, each approved or rejected with one click. */
@Named
@RequestScoped
public class GuestRepliesBacking {

    @EJB
    private GuestReplyService guestReplies;

    private List<GuestReply> held;

    public List<GuestReply> getHeld() {
        if (held == null) {
            held = guestReplies.listHeld();
        }
        return held;
    }

    public void approve(long replyId) throws IOException {
        guestReplies.approve(replyId);
        Messages.info("guestReplies.approved");
        Links.redirect("/mod/guest-replies");
    }

    public void reject(long replyId) throws IOException {
        guestReplies.reject(replyId);
        Messages.info("guestReplies.rejected");
        Links.redirect("/mod/guest-replies");
    }
}
