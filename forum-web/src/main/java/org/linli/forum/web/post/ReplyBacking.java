package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.common.ForumException;
import org.linli.forum.content.ContentService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.io.Serializable;

/** The reply form of a topic, optionally started with a quote of one of its posts. */
@Named
@ViewScoped
public class ReplyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ContentService contentService;

    private final PreviewPanel preview = new PreviewPanel();

    @EJB
    private transient TopicService topicService;

    @EJB
    private transient PostService postService;

    private String topicParam;
    private String quoteParam;
    private Topic topic;
    private String body;

    public void load() {
        if (topic != null) {
            return;
        }
        topic = topicService.getTopic(PageParameters.id("topic", topicParam));
        if (quoteParam != null && !quoteParam.isBlank()) {
            Post quoted = postService.getPost(PageParameters.id("post", quoteParam));
            if (!quoted.getTopic().getId().equals(topic.getId())) {
                throw new NotFoundException("post", quoteParam);
            }
            body = postService.quote(quoted.getId());
        }
    }

    public void preview() {
        preview.show(contentService, body);
    }

    public void submit() throws IOException {
        try {
            Post post = postService.reply(topic.getId(), body);
            Links.redirect(Links.post(post));
        } catch (ForumException e) {
            Messages.show("form", e);
        }
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

    public PreviewPanel getPreview() {
        return preview;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
