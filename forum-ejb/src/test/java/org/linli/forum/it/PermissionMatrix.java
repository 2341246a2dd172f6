package org.linli.forum.it;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the expected outcome of every action for every kind of actor. Asserted
 * twice, against the services (PermissionMatrixIT) and over HTTP (the end-to-end replay test).
 */
public final class PermissionMatrix {

    private PermissionMatrix() {
    }

    /** Who tries. RESIDENT is the author of the world's post; ANOTHER_RESIDENT is not. */
    public enum Actor { ANONYMOUS, RESIDENT, ANOTHER_RESIDENT, MODERATOR_OF_A, MODERATOR_OF_B, STAFF, ADMIN, SUSPENDED }

    public enum Action {
        READ_HIDDEN, REPLY, REPLY_LOCKED, EDIT_OWN, EDIT_OTHERS, LOCK, PIN, MOVE, HIDE_POST, HIDE_TOPIC, RESTORE,
        SUSPEND, VIEW_REPORTS, VIEW_AUDIT_LOG, MANAGE_ROLES,
        // Every moderation, staff and administration page's read, so that a page without a check fails.
        VIEW_TOPIC_MODERATION, VIEW_POST_MODERATION, VIEW_MEMBER_MODERATION, VIEW_DASHBOARD, VIEW_ROLES, VIEW_IMPORTS
    }

    /** The expected outcome: the actors allowed each action (everyone else is refused). */
    private static final Map<Action, Set<Actor>> ALLOWED = new EnumMap<>(Action.class);

    static {
        Set<Actor> moderatorsOfA = Set.of(Actor.MODERATOR_OF_A, Actor.ADMIN);
        Set<Actor> members = Set.of(Actor.RESIDENT, Actor.ANOTHER_RESIDENT, Actor.MODERATOR_OF_A, Actor.MODERATOR_OF_B,
                Actor.STAFF, Actor.ADMIN);
        ALLOWED.put(Action.READ_HIDDEN, Set.of(Actor.MODERATOR_OF_A, Actor.STAFF, Actor.ADMIN));
        ALLOWED.put(Action.REPLY, members);
        ALLOWED.put(Action.REPLY_LOCKED, Set.of(Actor.MODERATOR_OF_A, Actor.STAFF, Actor.ADMIN));
        ALLOWED.put(Action.EDIT_OWN, members);
        ALLOWED.put(Action.EDIT_OTHERS, moderatorsOfA);
        ALLOWED.put(Action.LOCK, moderatorsOfA);
        ALLOWED.put(Action.PIN, moderatorsOfA);
        ALLOWED.put(Action.MOVE, moderatorsOfA);
        ALLOWED.put(Action.HIDE_POST, moderatorsOfA);
        ALLOWED.put(Action.HIDE_TOPIC, moderatorsOfA);
        ALLOWED.put(Action.RESTORE, moderatorsOfA);
        ALLOWED.put(Action.SUSPEND, Set.of(Actor.MODERATOR_OF_A, Actor.MODERATOR_OF_B, Actor.ADMIN));
        ALLOWED.put(Action.VIEW_REPORTS, Set.of(Actor.MODERATOR_OF_A, Actor.MODERATOR_OF_B, Actor.ADMIN));
        ALLOWED.put(Action.VIEW_AUDIT_LOG, Set.of(Actor.MODERATOR_OF_A, Actor.MODERATOR_OF_B, Actor.STAFF, Actor.ADMIN));
        ALLOWED.put(Action.MANAGE_ROLES, Set.of(Actor.ADMIN));
        ALLOWED.put(Action.VIEW_TOPIC_MODERATION, moderatorsOfA);
        ALLOWED.put(Action.VIEW_POST_MODERATION, moderatorsOfA);
        ALLOWED.put(Action.VIEW_MEMBER_MODERATION, Set.of(Actor.MODERATOR_OF_A, Actor.MODERATOR_OF_B, Actor.ADMIN));
        ALLOWED.put(Action.VIEW_DASHBOARD, Set.of(Actor.MODERATOR_OF_A, Actor.MODERATOR_OF_B, Actor.STAFF, Actor.ADMIN));
        ALLOWED.put(Action.VIEW_ROLES, Set.of(Actor.ADMIN));
        ALLOWED.put(Action.VIEW_IMPORTS, Set.of(Actor.ADMIN));
    }

    public static boolean allows(Actor actor, Action action) {
        return ALLOWED.get(action).contains(actor);
    }
}
