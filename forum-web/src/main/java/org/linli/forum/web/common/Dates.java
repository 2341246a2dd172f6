package org.linli.forum.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.linli.forum.common.ForumSettings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Shows times in the community's time zone (setting linli.timezone, default Asia/Shanghai), in a
 * form both Chinese and English readers take at a glance.
 */
@Named("dates")
@ApplicationScoped
public class Dates {

    private final DateTimeFormatter display = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ForumSettings.timeZone());

    public String format(Instant instant) {
        return instant == null ? "" : display.format(instant);
    }

    /** For the datetime attribute of a {@code <time>} element: whole seconds, as HTML's valid global date and time. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The time zone every shown time is in, said once per page: "UTC+08:00 (Asia/Shanghai)". */
    public String getZone() {
        ZoneId zone = ForumSettings.timeZone();
        String offset = zone.getRules().getOffset(Instant.now()).getId();
        return "UTC" + ("Z".equals(offset) ? "" : offset) + " (" + zone.getId() + ")";
    }
}
