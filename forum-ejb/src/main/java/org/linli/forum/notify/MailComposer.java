package org.linli.forum.notify;

import org.linli.forum.content.PictureSizes;
import org.linli.forum.common.ForumSettings;
import org.linli.forum.member.Member;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.ResourceBundle;

/**
 * Writes a notification mail in the recipient's language: what happened, a link to it, and a
 * signed link that turns this kind of mail off without signing in. Plain text only: nothing a
 * member typed is ever sent as HTML.
 */
public final class MailComposer {

    private static final String BUNDLE = "org.linli.forum.notify.mail";

    private MailComposer() {
    }

    static OutgoingMail compose(Member recipient, String language, NotificationKind kind, Topic topic, Post post, Member actor) {
        Locale locale = localeOf(language);
        ResourceBundle text = textsIn(locale);
        String base = ForumSettings.baseUrl();
        String link = post != null ? base + "/p?id=" + post.getId() : base + "/topic?id=" + topic.getId() + "&page=last";
        String status = topic.getProblemStatus() == null ? "" : text.getString("status." + topic.getProblemStatus().name());
        String unsubscribe = base + "/unsubscribe?m=" + recipient.getId() + "&k=" + kind.name()
                + "&t=" + MailTokens.sign(recipient.getId(), kind.name());
        Object[] arguments = {topic.getTitle(), actor.getDisplayName(), link, status, unsubscribe, base + "/member/settings"};
        String subject = format(text, "subject." + kind.name(), locale, arguments);
        String body = format(text, "body." + kind.name(), locale, arguments) + pictures(text, post, base)
                + format(text, "footer", locale, arguments);
        return new OutgoingMail(recipient.getId(), recipient.getEmail(), subject, body, Instant.now());
    }

    /** The post's pictures as links, one a line (a plain-text mail shows no picture), or nothing. */
    private static String pictures(ResourceBundle text, Post post, String base) {
        if (post == null) {
            return "";
        }
        Set<String> addresses = PictureSizes.addressesIn(post.getHtml());
        return addresses.isEmpty() ? "" : "\n" + text.getString("pictures") + "\n"
                + String.join("\n", addresses.stream().map(address -> base + address).toList()) + "\n";
    }

    /**
     * The mail with the link to choose a new password, valid for {@code minutes}; it says what to
     * do if the reader did not ask for it. Not a notification: it has no unsubscribe footer.
     */
    public static OutgoingMail passwordReset(Member recipient, String language, String link, long minutes) {
        Locale locale = localeOf(language);
        ResourceBundle text = textsIn(locale);
        Object[] arguments = {recipient.getUsername(), link, minutes};
        return new OutgoingMail(recipient.getId(), recipient.getEmail(), format(text, "subject.RESET", locale, arguments),
                format(text, "body.RESET", locale, arguments), Instant.now());
    }

    /**
     * The one mail a guest gets: the link that confirms their address for the reply they sent to
     * {@code topicTitle}. Written to the address given, which nothing else keeps.
     */
    public static OutgoingMail guestConfirmation(String address, String language, String guestName, String topicTitle, String link) {
        Locale locale = localeOf(language);
        ResourceBundle text = textsIn(locale);
        Object[] arguments = {guestName, topicTitle, link};
        return new OutgoingMail(null, address, format(text, "subject.GUEST", locale, arguments),
                format(text, "body.GUEST", locale, arguments), Instant.now());
    }

    /** The link that makes a new member's earlier guest replies theirs, to the address they registered with. */
    public static OutgoingMail guestClaim(Member member, String language, String link) {
        Locale locale = localeOf(language);
        ResourceBundle text = textsIn(locale);
        Object[] arguments = {member.getUsername(), link};
        return new OutgoingMail(member.getId(), member.getEmail(), format(text, "subject.CLAIM", locale, arguments),
                format(text, "body.CLAIM", locale, arguments), Instant.now());
    }

    /** The mail's language: English if the member chose it, Chinese otherwise. */
    private static Locale localeOf(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private static ResourceBundle textsIn(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(ResourceBundle text, String key, Locale locale, Object[] arguments) {
        return new MessageFormat(text.getString(key), locale).format(arguments);
    }
}
