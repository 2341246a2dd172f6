package org.linli.forum.web.member;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.linli.forum.common.Page;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.common.Pager;

/** A member's own topics and reported problems: where each stands and whether staff answered. */
@Named
@RequestScoped
public class MyTopicsBacking {

    @EJB
    private TopicService topicService;

    private String page;
    private Page<Topic> topics;

    public void load() {
        topics = topicService.listMyTopics(PageParameters.page(page));
    }

    public Page<Topic> getTopics() {
        return topics;
    }

    public Pager getPager() {
        return topics == null ? Pager.NONE : new Pager(topics);
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
