/**
 * Keeping the boards civil: moderators lock, pin, move, hide and restore, work residents' reports
 * and suspend members. Every action is checked against {@link org.linli.forum.security.Permissions}
 * and written to the {@link org.linli.forum.audit audit log} in its own transaction.
 */
package org.linli.forum.moderation;
