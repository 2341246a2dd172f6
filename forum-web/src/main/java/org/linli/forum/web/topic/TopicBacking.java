package org.linli.forum.web.topic;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.common.Page;
import org.linli.forum.notify.NotificationService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostPermissions;
import org.linli.forum.post.PostService;
import org.linli.forum.problem.EventLine;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.reading.ReadingService;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;
import org.linli.forum.web.common.PersonalParts;
import org.linli.forum.web.common.PersonalParts.Kind;
import org.linli.forum.web.i18n.Messages;
import org.linli.forum.web.security.SignedInMember;
import org.linli.forum.web.guest.GuestSession;
import org.linli.forum.guest.GuestReply;
import org.linli.forum.guest.GuestReplyService;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A topic's page: its posts in order, twenty a page. */
@Named
@RequestScoped
public class TopicBacking {

    private static final Logger LOG = Logger.getLogger(TopicBacking.class.getName());

    @EJB
    private TopicService topicService;

    @EJB
    private PostService postService;

    @EJB
    private ProblemService problemService;

    @EJB
    private ReadingService readingService;

    @EJB
    private NotificationService notificationService;

    @Inject
    private SignedInMember me;

    private String id;
    private String page;
    private Topic topic;
    private Page<Post> posts;
    private List<EventLine> events = List.of();
    private Post officialAnswer;
    @EJB
    private GuestReplyService guestReplies;

    /** The guest replies this browser sent here that wait for a moderator (shown to it alone). */
    private List<GuestReply> heldGuestReplies = List.of();
    private boolean guestForm;

    /** The first post the reader had not read before this visit; 0 for an anonymous reader. */
    private int firstUnread;

    public void load() {
        topic = topicService.getTopic(PageParameters.id("topic", id));
        // "last" lets a link reach the newest post without knowing how long the topic is.
        int number = "last".equals(page) ? Page.totalPages(topic.postCount(), Post.PAGE_SIZE) : PageParameters.page(page);
        posts = postService.listPosts(topic, number);
        if (topic.getProblemStatus() != null) {
            events = problemService.listEvents(topic.getId());
        }
        if (topic.getOfficialAnswerId() != null) {
            officialAnswer = problemService.findOfficialAnswer(topic).orElse(null);
        }
        if (!me.isSignedIn()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            guestForm = GuestReplyService.acceptsGuests(topic);
            if (guestForm) {
                // The form carries the time it was given out: this page is never served from memory.
                external.setResponseHeader("Cache-Control", "no-cache");
            }
            Set<Long> sent = GuestSession.replies((HttpSession) external.getSession(false));
            heldGuestReplies = guestReplies.heldOf(topic.getId(), sent);
        }
        if (me.isSignedIn() && !posts.getItems().isEmpty()) {
            int lastOnPage = posts.getItems().get(posts.getItems().size() - 1).getNumber();
            Optional<PersonalParts> shared = PersonalParts.current();
            if (shared.isPresent()) {
                // Rendered to be shared: the new marks are holes, and the page's reader moves
                // their mark on when it is filled in.
                shared.get().shows(topic);
                shared.get().readsUpTo(topic, lastOnPage);
                shared.get().authoredBy(authors());
            } else {
                firstUnread = readingService.firstUnread(List.of(topic)).getOrDefault(topic.getId(), 0);
                markRead(lastOnPage);
            }
        }
    }

    /** Whose own controls (edit, delete, reopen) this page may show: the topic's and its posts' authors. */
    private List<Long> authors() {
        List<Long> authors = new ArrayList<>();
        authors.add(topic.getAuthor().getId());
        posts.getItems().forEach(post -> authors.add(post.getAuthor().getId()));
        return authors;
    }

    /** Reading is not worth an error page: a failed mark only leaves the topic unread. */
    private void markRead(int number) {
        try {
            readingService.markRead(topic.getId(), number);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not mark topic " + topic.getId() + " read", e);
        }
    }

    /** Posts the reader had not seen before this visit are marked new: " new" for the post's classes, or nothing. */
    public String newMark(Post post) {
        Optional<PersonalParts> shared = PersonalParts.current();
        return shared.isPresent() ? shared.get().hole(Kind.NEWPOST, post.getNumber())
                : PersonalParts.newPostClass(firstUnread > 0 && post.getNumber() >= firstUnread);
    }

    /** Whether the reader watches this topic, in words, with the link that changes it. */
    public String getWatchLink() {
        Optional<PersonalParts> shared = PersonalParts.current();
        if (shared.isPresent()) {
            return shared.get().hole(Kind.WATCH, topic.getId());
        }
        boolean watching = notificationService.isWatchingTopic(topic.getId());
        String contextPath = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return PersonalParts.watchLink(contextPath, topic.getId(), watching,
                PersonalParts.escape(Messages.text(PersonalParts.watchLabelKey(watching))));
    }

    /** The status changes that came after this post (and before the next). */
    public List<EventLine> eventsAfter(Post post) {
        return events.stream().filter(line -> line.getAfterPost() == post.getNumber()).toList();
    }

    /** The official answer, shown under the opening post on the first page; null if none. */
    public Post getOfficialAnswer() {
        return officialAnswer;
    }

    public boolean isOfficial(Post post) {
        return topic != null && post.getId().equals(topic.getOfficialAnswerId());
    }

    public boolean isCanChangeStatus() {
        return topic != null && me.isSignedIn() && TopicPermissions.canChangeStatus(me.getMember(), topic);
    }

    /**
     * The moves of the problem this reader may make now, as the topic page's one-click steps:
     * forward first (acknowledge, resolve), then reopen.
     */
    public List<ProblemStatus> getStatusSteps() {
        if (!isCanChangeStatus()) {
            return List.of();
        }
        return STEP_ORDER.stream().filter(to -> TopicPermissions.canChangeStatus(me.getMember(), topic, to)).toList();
    }

    private static final List<ProblemStatus> STEP_ORDER = List.of(ProblemStatus.ACKNOWLEDGED, ProblemStatus.RESOLVED, ProblemStatus.OPEN);

    /** Staff answer a problem officially from the reply form itself. */
    public boolean isCanAnswerOfficially() {
        return topic != null && me.isSignedIn() && TopicPermissions.canAnswerOfficially(me.getMember(), topic);
    }

    /**
     * Why a signed-in member sees no reply form (the key of the sentence that says so), or null
     * when they may reply.
     */
    public String getReplyClosedReason() {
        if (topic == null || !me.isSignedIn() || isCanReply()) {
            return null;
        }
        return topic.isLocked() ? "reply.closed.locked" : "reply.closed.notPermitted";
    }

    public boolean canMarkOfficial(Post post) {
        return me.isSignedIn() && PostPermissions.canMarkOfficial(me.getMember(), post);
    }

    /** Whether to offer the reply and quote links; the service checks again when it matters. */
    public boolean isCanReply() {
        return topic != null && me.isSignedIn() && TopicPermissions.canReply(me.getMember(), topic);
    }

    /** Null-safe: a postback from the header's forms visits the page before anything loaded. */
    public boolean canEdit(Post post) {
        return me.isSignedIn() && PostPermissions.canEdit(me.getMember(), post);
    }

    /** Moderators and staff see hidden posts, marked, and the edit history. */
    public boolean isCanSeeHidden() {
        return topic != null && me.isSignedIn() && BoardPermissions.canSeeHidden(me.getMember(), topic.getBoard());
    }

    public boolean isCanModerate() {
        return topic != null && me.isSignedIn() && BoardPermissions.canModerate(me.getMember(), topic.getBoard());
    }

    public boolean canDelete(Post post) {
        return me.isSignedIn() && PostPermissions.canDelete(me.getMember(), post);
    }

    public boolean canReport(Post post) {
        return me.isSignedIn() && PostPermissions.canReport(me.getMember(), post);
    }

    public Pager getPager() {
        return posts == null ? Pager.NONE : new Pager(posts);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    /** Whether a visitor without an account may reply here (the guest form shows). */
    public boolean isGuestForm() {
        return guestForm;
    }

    public List<GuestReply> getHeldGuestReplies() {
        return heldGuestReplies;
    }

    public Topic getTopic() {
        return topic;
    }

    public Page<Post> getPosts() {
        return posts;
    }
}
