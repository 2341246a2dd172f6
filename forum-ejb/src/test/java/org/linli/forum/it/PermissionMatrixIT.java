package org.linli.forum.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.archive.ArchiveImports;
import org.linli.forum.audit.AuditService;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.NotFoundException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.it.PermissionMatrix.Action;
import org.linli.forum.it.PermissionMatrix.Actor;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.NotSignedInException;
import org.linli.forum.member.Registration;
import org.linli.forum.member.Role;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.moderation.ReportService;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.problem.DashboardService;
import org.linli.forum.topic.Topic;
import org.linli.forum.topic.TopicLockedException;
import org.linli.forum.topic.TopicService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix against the services: every role tries every action on a fresh set of
 * content, and each outcome (done, or refused) must be the expected one. A refusal is any of the
 * ways the services say no: not signed in, not permitted, not found (hidden from this reader),
 * locked, or the container's role check. Where an action was refused, the content is also
 * checked to be unchanged.
 */
@ExtendWith(ArquillianExtension.class)
class PermissionMatrixIT {

    // The actors and actions, and who may do what: PermissionMatrix, shared with the HTTP replay test.

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(PermissionMatrixIT.class, PermissionMatrixIT.World.class, PermissionMatrix.class,
                PermissionMatrix.Actor.class, PermissionMatrix.Action.class);
    }

    private static final String ADMIN = "it-admin";

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;

    @EJB
    private TopicService topics;

    @EJB
    private PostService posts;

    @EJB
    private ModerationService moderation;

    @EJB
    private ReportService reports;

    @EJB
    private AuditService audit;

    @EJB
    private DashboardService dashboard;

    @EJB
    private ArchiveImports imports;

    /** Fresh content for one case: a topic on board A with a post by the resident and a hidden post. */
    record World(long topicId, long residentPostId, long openingPostId, long hiddenPostId, String resident, long victimId) {
    }

    private Board boardA;
    private Board boardB;
    private String moderatorOfA;
    private String moderatorOfB;
    private String staff;

    @Test
    void everyRoleGetsExactlyTheActionsItShould() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        boardA = As.member(ADMIN, "ADMIN", () -> boards.createBoard("A " + unique, "matrix board A"));
        boardB = As.member(ADMIN, "ADMIN", () -> boards.createBoard("B " + unique, "matrix board B"));
        moderatorOfA = member("modA" + unique, Role.MODERATOR, Set.of(boardA.getId()));
        moderatorOfB = member("modB" + unique, Role.MODERATOR, Set.of(boardB.getId()));
        staff = member("staff" + unique, Role.STAFF, Set.of());

        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Action action : Action.values()) {
            for (Actor actor : Actor.values()) {
                boolean expected = PermissionMatrix.allows(actor, action);
                boolean allowed = attempt(actor, action);
                cases++;
                if (allowed != expected) {
                    wrong.add(actor + " " + action + ": " + (allowed ? "allowed" : "refused") + ", expected "
                            + (expected ? "allowed" : "refused"));
                }
            }
        }
        System.out.println("Permission matrix (services): " + cases + " cases asserted, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
        assertThat(cases).isEqualTo(Actor.values().length * Action.values().length);
    }

    /** Builds a world, runs the action as the actor, and says whether it was done. */
    private boolean attempt(Actor actor, Action action) throws Exception {
        World world = world(action == Action.SUSPEND || action == Action.MANAGE_ROLES);
        String username = switch (actor) {
            case ANONYMOUS -> null;
            case RESIDENT -> world.resident();
            case ANOTHER_RESIDENT -> member("other" + shortId(), Role.RESIDENT, Set.of());
            case MODERATOR_OF_A -> moderatorOfA;
            case MODERATOR_OF_B -> moderatorOfB;
            case STAFF -> staff;
            case ADMIN -> ADMIN;
            case SUSPENDED -> member("banned" + shortId(), Role.RESIDENT, Set.of());
        };
        String role = switch (actor) {
            case MODERATOR_OF_A, MODERATOR_OF_B -> "MODERATOR";
            case STAFF -> "STAFF";
            case ADMIN -> "ADMIN";
            default -> "RESIDENT";
        };
        // The post "own" to the actor: the resident wrote the world's; others write one now.
        Long ownPost = switch (actor) {
            case ANONYMOUS -> null;
            case RESIDENT -> world.residentPostId();
            default -> As.member(username, role, () -> posts.reply(world.topicId(), "我的帖子 " + shortId())).getId();
        };
        if (actor == Actor.SUSPENDED) {
            long id = members.findByUsername(username).orElseThrow().getId();
            As.member(ADMIN, "ADMIN", () -> moderation.suspend(id, null, "矩阵测试"));
        }
        if (action == Action.REPLY_LOCKED) {
            As.member(ADMIN, "ADMIN", () -> moderation.lock(world.topicId(), null));
        }
        long othersPost = actor == Actor.RESIDENT ? world.openingPostId() : world.residentPostId();

        As.ThrowingRunnable work = switch (action) {
            case READ_HIDDEN -> () -> posts.getPost(world.hiddenPostId());
            case REPLY, REPLY_LOCKED -> () -> posts.reply(world.topicId(), "回复 " + shortId());
            case EDIT_OWN -> () -> posts.edit(ownPost == null ? world.residentPostId() : ownPost, "改过了 " + shortId());
            case EDIT_OTHERS -> () -> posts.edit(othersPost, "改别人的 " + shortId());
            case LOCK -> () -> moderation.lock(world.topicId(), null);
            case PIN -> () -> moderation.pin(world.topicId(), null);
            case MOVE -> () -> moderation.move(world.topicId(), boardB.getId(), "放错版块");
            case HIDE_POST -> () -> moderation.hidePost(world.residentPostId(), "广告");
            case HIDE_TOPIC -> () -> moderation.hideTopic(world.topicId(), "重复主题");
            case RESTORE -> () -> moderation.restorePost(world.hiddenPostId(), "误删");
            case SUSPEND -> () -> moderation.suspend(world.victimId(), Instant.now().plusSeconds(3600), "辱骂邻居");
            case VIEW_REPORTS -> () -> reports.queue(1);
            case VIEW_AUDIT_LOG -> () -> audit.list(null, null, null, 1);
            case MANAGE_ROLES -> () -> members.changeRole(world.victimId(), Role.STAFF, Set.of());
            case VIEW_TOPIC_MODERATION -> () -> moderation.topicToModerate(world.topicId());
            case VIEW_POST_MODERATION -> () -> moderation.postToModerate(world.residentPostId());
            case VIEW_MEMBER_MODERATION -> () -> moderation.findMemberToModerate(world.resident()).orElseThrow();
            case VIEW_DASHBOARD -> () -> {
                dashboard.dashboard(null, null);
                dashboard.waitingProblems(null, null);
            };
            case VIEW_ROLES -> () -> members.findForRoles(world.resident()).orElseThrow();
            case VIEW_IMPORTS -> () -> imports.recentRuns(10);
        };
        boolean done;
        try {
            if (username == null) {
                work.run();
            } else {
                As.member(username, role, work);
            }
            done = true;
        } catch (NotSignedInException | NotPermittedException | TopicLockedException | NotFoundException | EJBAccessException e) {
            done = false;
        }
        if (!done) {
            assertUnchanged(world, action, othersPost);
        }
        return done;
    }

    /** A refused action left no trace. */
    private void assertUnchanged(World world, Action action, long othersPost) throws Exception {
        As.member(ADMIN, "ADMIN", () -> {
            Topic topic = topics.getTopic(world.topicId());
            String what = action.toString();
            switch (action) {
                case LOCK -> assertThat(topic.isLocked()).as(what).isFalse();
                case PIN -> assertThat(topic.isPinned()).as(what).isFalse();
                case MOVE -> assertThat(topic.getBoard().getId()).as(what).isEqualTo(boardA.getId());
                case HIDE_TOPIC -> assertThat(topic.isHidden()).as(what).isFalse();
                case HIDE_POST -> assertThat(posts.getPost(world.residentPostId()).isHidden()).as(what).isFalse();
                case RESTORE -> assertThat(posts.getPost(world.hiddenPostId()).isHidden()).as(what).isTrue();
                case EDIT_OTHERS -> assertThat(posts.getPost(othersPost).isEdited()).as(what).isFalse();
                case SUSPEND -> assertThat(members.getMember(world.victimId()).getSuspendedAt()).as(what).isNull();
                case MANAGE_ROLES -> assertThat(members.getMember(world.victimId()).getRole()).as(what).isEqualTo(Role.RESIDENT);
                case REPLY, REPLY_LOCKED -> assertThat(topic.getReplyCount()).as(what).isLessThanOrEqualTo(3);
                default -> {
                }
            }
        });
    }

    private World world(boolean withVictim) throws Exception {
        String resident = member("res" + shortId(), Role.RESIDENT, Set.of());
        Post opening = As.member(ADMIN, "ADMIN", () -> posts.startTopic(boardA.getId(), "矩阵 " + shortId(), "青年路路灯不亮"));
        long topicId = opening.getTopic().getId();
        Post residentPost = As.member(resident, "RESIDENT", () -> posts.reply(topicId, "三号楼也不亮 " + shortId()));
        Post hidden = As.member(ADMIN, "ADMIN", () -> posts.reply(topicId, "隐藏的内容 " + shortId()));
        As.member(ADMIN, "ADMIN", () -> moderation.hidePost(hidden.getId(), "测试隐藏"));
        long victim = withVictim ? members.findByUsername(member("victim" + shortId(), Role.RESIDENT, Set.of())).orElseThrow().getId() : 0;
        return new World(topicId, residentPost.getId(), opening.getId(), hidden.getId(), resident, victim);
    }

    private String member(String username, Role role, Set<Long> boardIds) throws Exception {
        Member created = members.register(new Registration(username, username + "@example.org", "password-" + username));
        if (role != Role.RESIDENT) {
            As.member(ADMIN, "ADMIN", () -> members.changeRole(created.getId(), role, boardIds));
        }
        return username;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
