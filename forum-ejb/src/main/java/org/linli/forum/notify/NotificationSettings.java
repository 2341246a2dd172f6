package org.linli.forum.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which kinds of notification a member wants. A member without a row wants them all. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings {

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
