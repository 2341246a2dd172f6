package org.linli.forum.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.linli.forum.common.ForumSettings;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

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

    /** For the datetime attribute of a {@code <time>} element. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
