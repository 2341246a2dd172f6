/**
 * Keeping the boards civil: moderators lock, pin, move, hide and restore, work residents' reports
 * and suspend members. Every action is checked against the permission rules of the board it is
 * on and of the member it concerns, and raises an event that the
 * {@link org.linli.forum.audit audit log} records in the same transaction: an action that rolls
 * back leaves no entry.
 */
package org.linli.forum.moderation;
