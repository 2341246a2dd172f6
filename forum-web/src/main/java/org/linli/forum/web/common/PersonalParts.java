package org.linli.forum.web.common;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.linli.forum.post.Post;
import org.linli.forum.reading.TopicProgress;
import org.linli.forum.topic.Topic;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parts of a members' reading page that belong to the one member reading it: their name, their
 * unread notifications and sign-out token in the header, the posts and topics new to them. A page
 * rendered to be shared by every member who may see the same things ({@link MemberPageFilter})
 * has a hole in place of each, filled per request; what filling them needs (the topics whose
 * unread marks the page shows, the page's authors, how far the page reads) is gathered here while
 * the page renders. The markup of each part is made here too, for holes and ordinary renders alike.
 */
public final class PersonalParts {

    /** What a hole stands for. */
    public enum Kind {
        /** The member's display name. */
        WHO,
        /** The sign-out form's token. */
        TOKEN,
        /** The unread notifications' count badge, or nothing. */
        NOTES,
        /** " new" on a post the member had not read (argument: the post's number), or nothing. */
        NEWPOST,
        /** " has-unread" on a board's row of a topic with unread posts (argument: the topic), or nothing. */
        UNREADROW,
        /** The link to a topic's first unread post (argument: the topic), or nothing. */
        UNREADLINK,
        /** Whether the member watches the page's topic, with the link that changes it (argument: the topic). */
        WATCH
    }

    static final String ATTRIBUTE = PersonalParts.class.getName();

    /**
     * Marks holes. Random per start and never sent to a browser (every hole is filled before a page
     * leaves), so no post or title can contain a hole of its own.
     */
    private static final String OPEN = "~lnh" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)) + ":";

    /** A hole: kind, then an optional number. Only ASCII letters, digits and punctuation no writer escapes. */
    static final Pattern HOLE = Pattern.compile(Pattern.quote(OPEN) + "([A-Z]+)(?::(\\d+))?~");

    private final Set<Long> authors = new TreeSet<>();
    private final Map<Long, TopicProgress> topics = new LinkedHashMap<>();
    private long readTopic;
    private int readUpTo;

    /** The parts gathered for the shared page this request renders; empty for an ordinary render. */
    public static Optional<PersonalParts> current() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? Optional.empty() : of((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    /** Only the page itself: an error page the container renders afterwards is an ordinary render. */
    static Optional<PersonalParts> of(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.REQUEST
                ? Optional.ofNullable((PersonalParts) request.getAttribute(ATTRIBUTE))
                : Optional.empty();
    }

    public String hole(Kind kind) {
        return OPEN + kind + "~";
    }

    public String hole(Kind kind, long argument) {
        return OPEN + kind + ":" + argument + "~";
    }

    /** The page shows this topic's unread marks (or its posts, new or not). */
    public void shows(Topic topic) {
        topics.put(topic.getId(), TopicProgress.of(topic));
    }

    /** Members who see more on this page than others of their permissions: its posts' and topic's authors. */
    public void authoredBy(Collection<Long> memberIds) {
        authors.addAll(memberIds);
    }

    /** Reading the page takes the member up to this post of the topic. */
    public void readsUpTo(Topic topic, int number) {
        readTopic = topic.getId();
        readUpTo = number;
    }

    Set<Long> authors() {
        return authors;
    }

    Collection<TopicProgress> topics() {
        return topics.values();
    }

    long readTopic() {
        return readTopic;
    }

    int readUpTo() {
        return readUpTo;
    }

    // The markup of each part, in one place for holes and ordinary renders.

    /** Text as HTML (the holes' values are written as they are). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String notificationBadge(long unread) {
        return unread > 0 ? " <span class=\"count\" id=\"unreadCount\">" + unread + "</span>" : "";
    }

    public static String newPostClass(boolean unread) {
        return unread ? " new" : "";
    }

    public static String unreadRowClass(boolean unread) {
        return unread ? " has-unread" : "";
    }

    /**
     * Whether the member watches the topic, said in text, with the link to the page that changes
     * it ({@code label} is the localized, already escaped text for that state).
     */
    public static String watchLink(String contextPath, long topicId, boolean watching, String label) {
        return "<a id=\"watchTopic\" class=\"watch-state" + (watching ? " watching" : "") + "\" href=\"" + contextPath
                + "/member/watch?topic=" + topicId + "\">" + label + "</a>";
    }

    public static String watchLabelKey(boolean watching) {
        return watching ? "watch.topicWatching" : "watch.topicNotWatching";
    }

    /** The link to the first unread post ({@code label} is the localized, already escaped text); empty if none. */
    public static String unreadLink(String contextPath, long topicId, Integer firstUnread, String label) {
        if (firstUnread == null) {
            return "";
        }
        return "<a class=\"unread\" href=\"" + contextPath + Links.topic(topicId, Post.pageOf(firstUnread)).replace("&", "&amp;")
                + "#p" + firstUnread + "\">" + label + "</a>";
    }
}
