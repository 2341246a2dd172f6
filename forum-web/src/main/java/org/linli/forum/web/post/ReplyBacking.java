package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.security.SignedInMember;

import java.io.IOException;

/**
 * The full reply page of a topic, for long answers, optionally started with a quote of one of its
 * posts; staff may post the reply as the official answer. Where the member may not reply, the
 * page says why instead of showing a form whose sending would be refused.
 */
@Named
@ViewScoped
public class ReplyBacking extends PostingForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private TopicService topicService;

    @EJB
    private PostService postService;

    @Inject
    private SignedInMember me;

    private String topicParam;
    private String quoteParam;
    private Topic topic;
    private boolean official;
    private boolean canReply;
    private boolean canAnswerOfficially;

    public void load() {
        if (topic != null) {
            return;
        }
        topic = topicService.getTopic(PageParameters.id("topic", topicParam));
        canReply = TopicPermissions.canReply(me.getMember(), topic);
        canAnswerOfficially = TopicPermissions.canAnswerOfficially(me.getMember(), topic);
        if (quoteParam != null && !quoteParam.isBlank()) {
            setBody(postService.quote(topic.getId(), PageParameters.id("post", quoteParam)));
        }
    }

    public void submit() throws IOException {
        sendOnce(() -> postService.reply(topic.getId(), getBody(), official, attachedIds()));
    }

    /** Why there is no form (the key of the sentence that says so), or null when the member may reply. */
    public String getClosedReason() {
        if (canReply) {
            return null;
        }
        return topic.isLocked() ? "reply.closed.locked" : "reply.closed.notPermitted";
    }

    public boolean isCanAnswerOfficially() {
        return canAnswerOfficially;
    }

    public boolean isOfficial() {
        return official;
    }

    public void setOfficial(boolean official) {
        this.official = official;
    }

    public String getTopicParam() {
        return topicParam;
    }

    public void setTopicParam(String topicParam) {
        this.topicParam = topicParam;
    }

    public String getQuoteParam() {
        return quoteParam;
    }

    public void setQuoteParam(String quoteParam) {
        this.quoteParam = quoteParam;
    }

    public Topic getTopic() {
        return topic;
    }
}
