package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.problem.ProblemService;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;
import org.linli.forum.topic.TopicService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.PageParameters;
import org.linli.forum.web.security.SignedInMember;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Moving a reported problem on: staff and the board's moderators acknowledge or resolve it (a
 * resolution needs a note); its author reopens it when it is not fixed.
 */
@Named
@ViewScoped
public class StatusBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TopicService topicService;

    @EJB
    private transient ProblemService problemService;

    @Inject
    private transient SignedInMember me;

    private String topicParam;
    private long topicId;
    private Topic topic;
    private List<ProblemStatus> choices;
    private ProblemStatus status;
    private String note;

    public void load() {
        topic = topicService.getTopic(PageParameters.id("topic", topicParam));
        if (!TopicPermissions.canChangeStatus(me.getMember(), topic)) {
            throw new NotFoundException("topic", topicParam);
        }
        topicId = topic.getId();
        choices = Arrays.stream(ProblemStatus.values()).filter(to -> TopicPermissions.canChangeStatus(me.getMember(), topic, to)).toList();
        status = choices.get(choices.size() - 1);
    }

    public void submit() throws IOException {
        FormActions.run("form", () -> {
            problemService.changeStatus(topicId, status, note);
            return "/topic?id=" + topicId + "&page=last";
        });
    }

    public Topic getTopic() {
        return topic;
    }

    public List<ProblemStatus> getChoices() {
        return choices;
    }

    public String getTopicParam() {
        return topicParam;
    }

    public void setTopicParam(String topicParam) {
        this.topicParam = topicParam;
    }

    public ProblemStatus getStatus() {
        return status;
    }

    public void setStatus(ProblemStatus status) {
        this.status = status;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
