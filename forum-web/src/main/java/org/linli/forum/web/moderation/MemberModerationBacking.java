package org.linli.forum.web.moderation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.member.Member;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.web.common.FormActions;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Looks a member up by username, shows whether they are suspended, and suspends them (for a
 * number of days, or for good) or lifts their suspension, always with a reason.
 */
@Named
@ViewScoped
public class MemberModerationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The suspension lengths offered, in days; 0 is for good. */
    public static final List<Integer> DURATIONS = List.of(1, 3, 7, 30, 365, 0);

    @EJB
    private ModerationService moderationService;

    private String name;
    private Member member;
    private Integer days = 7;
    private String reason;

    /** The service refuses anyone but a moderator, with or without a name. */
    public void load() {
        member = moderationService.findMemberToModerate(name).orElse(null);
    }

    public void suspend() throws IOException {
        requireMember();
        FormActions.run("form", () -> {
            if (days == null || !DURATIONS.contains(days)) {
                throw new InvalidInputException("days", "error.suspend.duration");
            }
            Instant until = days == 0 ? null : Instant.now().plus(Duration.ofDays(days));
            return back(moderationService.suspend(member.getId(), until, reason));
        });
    }

    public void reinstate() throws IOException {
        requireMember();
        FormActions.run("form", () -> back(moderationService.reinstate(member.getId(), reason)));
    }

    private void requireMember() {
        if (member == null) {
            throw new NotFoundException("member", name);
        }
    }

    private static String back(Member member) {
        return "/mod/member?name=" + URLEncoder.encode(member.getUsername(), StandardCharsets.UTF_8);
    }

    public boolean isSuspended() {
        return member != null && member.isSuspended(Instant.now());
    }

    public List<Integer> getDurations() {
        return DURATIONS;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Member getMember() {
        return member;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
