package org.linli.forum.web.moderation;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.topic.Topic;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.common.PageParameters;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * A topic's moderation page: lock, pin, move, hide and restore. Only the topic's moderators get
 * the page; the service checks every action again, whoever posts the form.
 */
@Named
@ViewScoped
public class TopicModerationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BoardService boardService;

    @EJB
    private ModerationService moderationService;

    private String id;
    private long topicId;
    private Topic topic;
    private List<Board> targets;
    private String reason;
    private Long targetBoard;

    public void load() {
        topic = moderationService.topicToModerate(PageParameters.id("topic", id));
        topicId = topic.getId();
        targets = boardService.listBoards().stream()
                .filter(board -> !board.getId().equals(topic.getBoard().getId()))
                .toList();
    }

    public void lock() throws IOException {
        act(() -> moderationService.lock(topicId, reason));
    }

    public void unlock() throws IOException {
        act(() -> moderationService.unlock(topicId, reason));
    }

    public void pin() throws IOException {
        act(() -> moderationService.pin(topicId, reason));
    }

    public void unpin() throws IOException {
        act(() -> moderationService.unpin(topicId, reason));
    }

    public void move() throws IOException {
        act(() -> moderationService.move(topicId, targetBoard == null ? 0 : targetBoard, reason));
    }

    public void hide() throws IOException {
        act(() -> moderationService.hideTopic(topicId, reason));
    }

    public void restore() throws IOException {
        act(() -> moderationService.restoreTopic(topicId, reason));
    }

    private void act(Supplier<Topic> action) throws IOException {
        FormActions.run("form", () -> Links.topic(action.get().getId(), 1));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Topic getTopic() {
        return topic;
    }

    public List<Board> getTargets() {
        return targets;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getTargetBoard() {
        return targetBoard;
    }

    public void setTargetBoard(Long targetBoard) {
        this.targetBoard = targetBoard;
    }
}
