package org.linli.forum.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Which kinds of notification a member wants. A member without a row wants them all. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings implements Serializable {

    private static final long serialVersionUID = 1L;


    @Id
    @Column(name = "member_id")
    private Long memberId;

    @Column(name = "notify_reply", nullable = false)
    private boolean reply = true;

    @Column(name = "notify_new_topic", nullable = false)
    private boolean newTopic = true;

    @Column(name = "notify_status", nullable = false)
    private boolean status = true;

    @Column(name = "notify_official", nullable = false)
    private boolean official = true;

    /** The language of the member's mails: "en" or (null, the default) "zh-CN". */
    @Column(length = 16)
    private String language;

    /** Whether the notifications the member wants also come by email. */
    @Column(nullable = false)
    private boolean email = true;

    protected NotificationSettings() {
    }

    NotificationSettings(long memberId) {
        this.memberId = memberId;
    }

    public boolean wants(NotificationKind kind) {
        return switch (kind) {
            case REPLY -> reply;
            case NEW_TOPIC -> newTopic;
            case STATUS -> status;
            case OFFICIAL -> official;
        };
    }

    void choose(NotificationKind kind, boolean wanted) {
        switch (kind) {
            case REPLY -> reply = wanted;
            case NEW_TOPIC -> newTopic = wanted;
            case STATUS -> status = wanted;
            case OFFICIAL -> official = wanted;
        }
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getLanguage() {
        return language == null ? "zh-CN" : language;
    }

    void chooseLanguage(String language) {
        this.language = "en".equals(language) ? "en" : null;
    }

    public boolean isEmail() {
        return email;
    }

    void chooseEmail(boolean email) {
        this.email = email;
    }

    /** The field that holds {@code kind}, for queries. */
    static String field(NotificationKind kind) {
        return switch (kind) {
            case REPLY -> "reply";
            case NEW_TOPIC -> "newTopic";
            case STATUS -> "status";
            case OFFICIAL -> "official";
        };
    }
}
