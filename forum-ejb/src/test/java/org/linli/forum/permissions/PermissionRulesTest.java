package org.linli.forum.permissions;

import org.junit.jupiter.api.Test;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardPermissions;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.it.PermissionMatrix.Action;
import org.linli.forum.it.PermissionMatrix.Actor;
import org.linli.forum.it.PermissionMatrix;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostPermissions;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicPermissions;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The permission rules as a table over actors × actions, without a server: the same
 * {@link PermissionMatrix} the services and the HTTP replay are held to, asked of the rules of
 * each resource ({@link MemberPermissions}, {@link BoardPermissions}, {@link TopicPermissions},
 * {@link PostPermissions}) directly on entities built in memory.
 */
class PermissionRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final PostRenderer RENDERER = new PostRenderer();
    private static long ids = 100;

    private final Board boardA = withId(new Board("物业管理", "", 1, BoardKind.DISCUSSION));
    private final Board boardB = withId(new Board("城市建设", "", 2, BoardKind.DISCUSSION));
    private final Map<Actor, Member> actors = new EnumMap<>(Actor.class);
    private final Member outsider = member("outsider", Role.RESIDENT);

    PermissionRulesTest() {
        actors.put(Actor.ANONYMOUS, null);
        actors.put(Actor.RESIDENT, member("resident", Role.RESIDENT));
        actors.put(Actor.ANOTHER_RESIDENT, member("neighbour", Role.RESIDENT));
        Member moderatorOfA = member("moderatorA", Role.MODERATOR);
        moderatorOfA.changeModeratedBoards(Set.of(boardA.getId()));
        actors.put(Actor.MODERATOR_OF_A, moderatorOfA);
        Member moderatorOfB = member("moderatorB", Role.MODERATOR);
        moderatorOfB.changeModeratedBoards(Set.of(boardB.getId()));
        actors.put(Actor.MODERATOR_OF_B, moderatorOfB);
        actors.put(Actor.STAFF, member("staff", Role.STAFF));
        actors.put(Actor.ADMIN, member("admin", Role.ADMIN));
        Member suspended = member("suspended", Role.RESIDENT);
        suspended.suspend(NOW.minusSeconds(60), null, "spam");
        actors.put(Actor.SUSPENDED, suspended);
    }

    @Test
    void everyActorMayDoExactlyWhatTheMatrixAllows() {
        List<String> wrong = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            for (Action action : Action.values()) {
                boolean expected = PermissionMatrix.allows(actor, action);
                boolean actual = allows(actors.get(actor), action);
                if (actual != expected) {
                    wrong.add(actor + " " + action + ": " + (actual ? "allowed" : "refused"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSuspensionThatEndedGivesBackEverything() {
        Member returned = member("returned", Role.MODERATOR);
        returned.suspend(NOW.minusSeconds(3600), NOW.minusSeconds(60), "cooling off");
        assertThat(BoardPermissions.canModerate(returned, boardA)).isTrue();
        assertThat(TopicPermissions.canReply(returned, topicOn(boardA, outsider))).isTrue();
    }

    @Test
    void aHiddenTopicIsSeenOnlyByThoseWhoSeeHiddenContentOnItsBoard() {
        Topic hidden = topicOn(boardA, outsider);
        hidden.hide(actors.get(Actor.ADMIN), NOW, "spam");
        assertThat(TopicPermissions.canSee(actors.get(Actor.RESIDENT), hidden)).isFalse();
        assertThat(TopicPermissions.canSee(actors.get(Actor.MODERATOR_OF_B), hidden)).isFalse();
        assertThat(TopicPermissions.canSee(actors.get(Actor.MODERATOR_OF_A), hidden)).isTrue();
        assertThat(TopicPermissions.canSee(actors.get(Actor.STAFF), hidden)).isTrue();
        assertThat(TopicPermissions.canReply(actors.get(Actor.STAFF), hidden)).isTrue();
    }

    @Test
    void theStatusFormOffersOnlyMovesTheProblemAllowsToThoseWhoMayMakeThem() {
        Board problems = withId(new Board("路灯报修", "", 3, BoardKind.PROBLEMS));
        Member author = actors.get(Actor.RESIDENT);
        Member staff = actors.get(Actor.STAFF);
        Topic topic = topicOn(problems, author);

        assertThat(choices(staff, topic)).containsExactlyInAnyOrder(ProblemStatus.ACKNOWLEDGED, ProblemStatus.RESOLVED);
        assertThat(TopicPermissions.canChangeStatus(author, topic)).isFalse();
        topic.changeStatus(ProblemStatus.RESOLVED, NOW);
        assertThat(choices(author, topic)).containsExactly(ProblemStatus.OPEN);
        assertThat(choices(actors.get(Actor.ANOTHER_RESIDENT), topic)).isEmpty();
        assertThatThrownBy(() -> topic.changeStatus(ProblemStatus.ACKNOWLEDGED, NOW))
                .as("the topic itself refuses a move its status does not allow").isInstanceOf(InvalidInputException.class);
        assertThat(topic.getProblemStatus()).isEqualTo(ProblemStatus.RESOLVED);
    }

    private static List<ProblemStatus> choices(Member member, Topic topic) {
        return Arrays.stream(ProblemStatus.values()).filter(to -> TopicPermissions.canChangeStatus(member, topic, to)).toList();
    }

    private boolean allows(Member actor, Action action) {
        return switch (action) {
            case READ_HIDDEN -> {
                Post post = replyOn(topicOn(boardA, outsider), outsider);
                post.hide(actors.get(Actor.ADMIN), NOW, "spam");
                yield PostPermissions.canSee(actor, post);
            }
            case REPLY -> TopicPermissions.canReply(actor, topicOn(boardA, outsider));
            case REPLY_LOCKED -> {
                Topic topic = topicOn(boardA, outsider);
                topic.lock();
                yield TopicPermissions.canReply(actor, topic);
            }
            case EDIT_OWN -> actor != null && PostPermissions.canEdit(actor, replyOn(topicOn(boardA, outsider), actor));
            case EDIT_OTHERS -> PostPermissions.canEdit(actor, replyOn(topicOn(boardA, outsider), outsider));
            case LOCK, PIN, MOVE, HIDE_POST, HIDE_TOPIC, RESTORE, VIEW_TOPIC_MODERATION, VIEW_POST_MODERATION ->
                    BoardPermissions.canModerate(actor, boardA);
            case SUSPEND -> MemberPermissions.canSuspend(actor, outsider);
            case VIEW_REPORTS, VIEW_MEMBER_MODERATION -> MemberPermissions.isModerator(actor);
            case VIEW_AUDIT_LOG -> MemberPermissions.canViewAuditLog(actor);
            case VIEW_DASHBOARD -> MemberPermissions.canViewDashboard(actor);
            case MANAGE_ROLES, VIEW_ROLES, VIEW_IMPORTS -> MemberPermissions.canManageRoles(actor);
        };
    }

    private static Topic topicOn(Board board, Member author) {
        Topic topic = withId(new Topic(board, "路灯不亮", author, NOW));
        withId(new Post(topic, 1, author, "青年路的路灯三天不亮了", RENDERER, NOW));
        return topic;
    }

    private static Post replyOn(Topic topic, Member author) {
        return withId(new Post(topic, topic.recordReply(author, NOW), author, "同样的问题", RENDERER, NOW));
    }

    private static Member member(String name, Role role) {
        return withId(new Member(name, name + "@example.org", "hash", role, NOW));
    }

    /** Entities get their ids from the database; here, from a counter. */
    private static <T> T withId(T entity) {
        try {
            Field id = entity.getClass().getDeclaredField("id");
            id.setAccessible(true);
            id.set(entity, ids++);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
