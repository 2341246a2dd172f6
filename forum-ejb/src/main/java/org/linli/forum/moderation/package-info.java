/**
 * Keeping the boards civil: moderators lock, pin, move, hide and restore, work residents' reports
 * and suspend members. Every action is checked against {@link org.linli.forum.security.Permissions}
 * and raises an event that the {@link org.linli.forum.audit audit log} records in the same
 * transaction: an action that rolls back leaves no entry.
 */
package org.linli.forum.moderation;
