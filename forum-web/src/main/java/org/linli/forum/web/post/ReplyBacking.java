package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.post.PostService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;

/** The reply form of a topic, optionally started with a quote of one of its posts. */
@Named
@ViewScoped
public class ReplyBacking extends PostingForm {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TopicService topicService;

    @EJB
    private transient PostService postService;

    private String topicParam;
    private String quoteParam;
    private Topic topic;

    public void load() {
        if (topic != null) {
            return;
        }
        topic = topicService.getTopic(PageParameters.id("topic", topicParam));
        if (quoteParam != null && !quoteParam.isBlank()) {
            setBody(postService.quote(topic.getId(), PageParameters.id("post", quoteParam)));
        }
    }

    public void submit() throws IOException {
        sendOnce(() -> postService.reply(topic.getId(), getBody()));
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
